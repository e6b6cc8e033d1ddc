// The parts of numpy's choice() that RandomState and Generator share: checking `p`, the
// normalised cumulative distribution, searchsorted(side='right'), and sampling with `p`
// without replacement (redraw the rest with the chosen entries' probabilities zeroed).

import { allocFloat64, chargeArray } from "../../../engine/memory";
import { NumpyRandomError } from "./numpyRandomError";

/** sqrt(float64 eps): how far numpy lets a float64 `p` sum from 1. */
const P_SUM_ATOL = Math.sqrt(2.220446049250313e-16);

/** numpy's kahan_sum over `p`, used only for the sum-to-one check. */
function kahanSum(p: Float64Array): number {
  let sum = p[0];
  let c = 0;
  for (let i = 1; i < p.length; i++) {
    const y = p[i] - c;
    const t = sum + y;
    c = t - sum - y;
    sum = t;
  }
  return sum;
}

/** numpy 1.24's checks on `p` (the Generator words only the size check differently). */
export function checkProbabilities(p: Float64Array, popSize: number, legacy: boolean): void {
  if (p.length !== popSize) {
    throw new NumpyRandomError(
      "ValueError",
      legacy ? "'a' and 'p' must have same size" : "a and p must have same size",
    );
  }
  const sum = kahanSum(p);
  if (Number.isNaN(sum)) throw new NumpyRandomError("ValueError", "probabilities contain NaN");
  if (p.some((v) => v < 0)) {
    throw new NumpyRandomError("ValueError", "probabilities are not non-negative");
  }
  if (Math.abs(sum - 1) > P_SUM_ATOL) {
    throw new NumpyRandomError("ValueError", "probabilities do not sum to 1");
  }
}

/** p.cumsum() / cdf[-1], summed left to right as numpy's add.accumulate does. */
export function normalisedCdf(p: Float64Array): Float64Array {
  const cdf = allocFloat64(p.length);
  let total = 0;
  for (let i = 0; i < p.length; i++) cdf[i] = total += p[i];
  const last = cdf[cdf.length - 1];
  for (let i = 0; i < cdf.length; i++) cdf[i] /= last;
  return cdf;
}

/** cdf.searchsorted(u, side='right'): the number of entries <= u. */
export function searchsortedRight(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (u < cdf[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Indices drawn with replacement from `p`, one uniform each. */
export function sampleWithP(p: Float64Array, uniforms: Float64Array): Float64Array {
  const cdf = normalisedCdf(p);
  const out = allocFloat64(uniforms.length);
  for (let i = 0; i < uniforms.length; i++) out[i] = searchsortedRight(cdf, uniforms[i]);
  return out;
}

/**
 * numpy's sampling with `p` and replace=False: draw as many uniforms as are still missing, map
 * them through the cdf of `p` with the found entries zeroed, keep each new index the first time
 * it appears, repeat until `size` are found.
 */
export function sampleWithoutReplacementP(
  p: Float64Array,
  size: number,
  uniforms: (count: number) => Float64Array,
): Float64Array {
  let positive = 0;
  for (const v of p) if (v > 0) positive++;
  if (positive < size) throw new NumpyRandomError("ValueError", "Fewer non-zero entries in p than size");
  const weights = allocFloat64(p.length);
  weights.set(p);
  const found = allocFloat64(size);
  chargeArray(size); // the set of indices seen in a round
  let nFound = 0;
  while (nFound < size) {
    const u = uniforms(size - nFound);
    for (let i = 0; i < nFound; i++) weights[found[i]] = 0;
    const cdf = normalisedCdf(weights);
    const seen = new Set<number>();
    for (let i = 0; i < u.length; i++) {
      const index = searchsortedRight(cdf, u[i]);
      if (!seen.has(index)) {
        seen.add(index);
        found[nFound++] = index;
      }
    }
  }
  return found;
}

/** The checks on the population and size that come before any draw. */
export function checkPopulation(popSize: number, size: number, aIsArray: boolean, legacy: boolean): void {
  if (aIsArray) {
    if (popSize === 0 && size !== 0) {
      throw new NumpyRandomError(
        "ValueError",
        legacy
          ? "'a' cannot be empty unless no samples are taken"
          : "a cannot be empty unless no samples are taken",
      );
    }
  } else if (popSize <= 0 && size !== 0) {
    throw new NumpyRandomError(
      "ValueError",
      legacy
        ? "a must be greater than 0 unless no samples are taken"
        : "a must be a positive integer unless no samples are taken",
    );
  }
}
