// numpy's Generator (`np.random.default_rng(seed)`), bit for bit with numpy 1.24 on PCG64:
// doubles from the top 53 bits of a 64-bit word, normals by the ziggurat, integers by Lemire's
// method, choice without replacement by Floyd's algorithm or a tail shuffle. As with
// RandomState, each method has an array form filling a flat Float64Array in draw order and a
// scalar form where the caller wants a number (numpy draws those the same way as size 1).

import { glibcLog1p } from "../../../engine/math/glibcLog1p";
import { allocFloat64, chargeArray } from "../../../engine/memory";
import type { BitGenerator } from "./bitGenerator";
import {
  boundedIntegers,
  boundedIntegersExact,
  boundedIntegersPairs,
  boundedLemire,
  checkIntegerBounds,
  checkIntegerBoundsPairs,
  type IntDtype,
  randomInterval,
  toBigIntBound,
} from "./boundedIntegers";
import { checkPopulation, checkProbabilities, sampleWithoutReplacementP, sampleWithP } from "./choice";
import { NumpyRandomError } from "./numpyRandomError";
import { PCG64 } from "./pcg64";
import { SeedSequence, type SeedEntropy } from "./seedSequence";
import { zigguratNormal } from "./ziggurat";

function checkScale(scale: number): void {
  if (!Number.isNaN(scale) && (scale < 0 || Object.is(scale, -0))) {
    throw new NumpyRandomError("ValueError", "scale < 0");
  }
}

export class Generator {
  constructor(readonly bitgen: BitGenerator = new PCG64()) {}

  // --- uniform floats ---------------------------------------------------------------------

  /** random(size): doubles in [0, 1). */
  random(n: number): Float64Array {
    const out = allocFloat64(n);
    for (let i = 0; i < n; i++) out[i] = this.bitgen.nextDouble();
    return out;
  }

  randomScalar(): number {
    return this.bitgen.nextDouble();
  }

  /** uniform(low, high, size): low + (high - low) * U; high - low must be finite and >= 0. */
  uniform(low: number, high: number, n: number): Float64Array {
    const range = this.uniformRange(low, high);
    const out = allocFloat64(n);
    for (let i = 0; i < n; i++) out[i] = low + range * this.bitgen.nextDouble();
    return out;
  }

  uniformScalar(low: number, high: number): number {
    return low + this.uniformRange(low, high) * this.bitgen.nextDouble();
  }

  private uniformRange(low: number, high: number): number {
    const range = high - low;
    if (!Number.isFinite(range))
      throw new NumpyRandomError("OverflowError", "high - low range exceeds valid bounds");
    if (range < 0 || Object.is(range, -0)) throw new NumpyRandomError("ValueError", "high - low < 0");
    return range;
  }

  // --- normals ----------------------------------------------------------------------------

  /** standard_normal(size), by numpy's ziggurat. */
  standardNormal(n: number): Float64Array {
    const out = allocFloat64(n);
    for (let i = 0; i < n; i++) out[i] = zigguratNormal(this.bitgen);
    return out;
  }

  standardNormalScalar(): number {
    return zigguratNormal(this.bitgen);
  }

  /** normal(loc, scale, size): loc + scale * standard normal. */
  normal(loc: number, scale: number, n: number): Float64Array {
    checkScale(scale);
    const out = allocFloat64(n);
    for (let i = 0; i < n; i++) out[i] = loc + scale * zigguratNormal(this.bitgen);
    return out;
  }

  /** normal(loc, scale) with no size; also one element of a broadcast loc/scale draw. */
  normalScalar(loc: number, scale: number): number {
    checkScale(scale);
    return loc + scale * zigguratNormal(this.bitgen);
  }

  /** standard_exponential(size, method='inv'): -log1p(-U), glibc's as numpy's. */
  standardExponentialInv(n: number): Float64Array {
    const out = allocFloat64(n);
    for (let i = 0; i < n; i++) out[i] = -glibcLog1p(-this.bitgen.nextDouble());
    return out;
  }

  // --- integers ---------------------------------------------------------------------------

  /**
   * integers(low, high=None, size, dtype='int64', endpoint=False): Lemire's method. Values come
   * back as doubles, exact up to 2**53 (see `integersExact`). `n` null is the scalar form.
   */
  integers(
    low: number | bigint,
    high: number | bigint | null,
    n: number | null,
    dtype: IntDtype = "int64",
    endpoint = false,
  ): Float64Array {
    const [lo, top] = this.integerBounds(low, high, n, dtype, endpoint);
    if (n === 0) return allocFloat64(0);
    return boundedIntegers(this.bitgen, lo, top, n ?? 1, dtype, false);
  }

  /** integers with every value an exact BigInt. */
  integersExact(
    low: number | bigint,
    high: number | bigint | null,
    n: number | null,
    dtype: IntDtype = "int64",
    endpoint = false,
  ): bigint[] {
    const [lo, top] = this.integerBounds(low, high, n, dtype, endpoint);
    if (n === 0) return [];
    return boundedIntegersExact(this.bitgen, lo, top, n ?? 1, dtype, false);
  }

  /** integers with array bounds, broadcast and flattened row-major (see RandomState's). */
  integersBroadcast(
    lows: readonly bigint[],
    highs: readonly bigint[],
    dtype: IntDtype = "int64",
    endpoint = false,
  ): bigint[] {
    const tops = checkIntegerBoundsPairs(lows, highs, dtype, endpoint);
    return boundedIntegersPairs(this.bitgen, lows, tops, dtype, false);
  }

  private integerBounds(
    low: number | bigint,
    high: number | bigint | null,
    n: number | null,
    dtype: IntDtype,
    endpoint: boolean,
  ): [bigint, bigint] {
    const lo = high === null ? 0n : toBigIntBound(low);
    const hi = toBigIntBound(high === null ? low : high);
    if (n === 0) return [lo, hi];
    return [lo, checkIntegerBounds(lo, hi, dtype, endpoint)];
  }

  // --- permutations and choice ------------------------------------------------------------

  /** The permutation shuffle(x) applies (result[i] = old index now at i); see RandomState's. */
  shuffleIndices(n: number): Float64Array {
    const out = allocFloat64(n);
    for (let i = 0; i < n; i++) out[i] = i;
    for (let i = n - 1; i >= 1; i--) {
      const j = randomInterval(this.bitgen, i);
      const t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }

  /** shuffle(x) on a JS array in place. */
  shuffleInPlace<T>(items: T[]): void {
    for (let i = items.length - 1; i >= 1; i--) {
      const j = randomInterval(this.bitgen, i);
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
  }

  /** permutation(n): arange(n) shuffled. */
  permutation(n: number): Float64Array {
    return this.shuffleIndices(n);
  }

  /**
   * The indices choice(a, size, replace, p, shuffle) picks from a population of `popSize`.
   * Without replacement and without p numpy uses Floyd's algorithm (then shuffles the sample
   * unless shuffle=False), or for a large population and a large sample, a partial shuffle of
   * arange(popSize)'s tail.
   */
  choiceIndices(
    popSize: number,
    size: number | null,
    options: { replace?: boolean; p?: Float64Array | null; shuffle?: boolean; aIsArray?: boolean } = {},
  ): Float64Array {
    const { replace = true, p = null, shuffle = true, aIsArray = false } = options;
    const count = size ?? 1;
    checkPopulation(popSize, count, aIsArray, false);
    if (p !== null) checkProbabilities(p, popSize, false);
    if (replace) {
      if (p !== null) return sampleWithP(p, this.random(count));
      return this.integers(0, popSize, count);
    }
    if (count > popSize) {
      throw new NumpyRandomError(
        "ValueError",
        "Cannot take a larger sample than population when replace is False",
      );
    }
    if (count < 0) throw new NumpyRandomError("ValueError", "negative dimensions are not allowed");
    if (p !== null) return sampleWithoutReplacementP(p, count, (k) => this.random(k));
    const cutoff = shuffle ? 50 : 20;
    if (popSize > 10000 && count > Math.floor(popSize / cutoff)) return this.tailShuffle(popSize, count);
    return this.floyd(popSize, count, shuffle);
  }

  /** numpy's _shuffle_int: Fisher–Yates from n-1 down to `first`, swaps drawn by Lemire. */
  private shuffleInt(data: Float64Array, n: number, first: number): void {
    for (let i = n - 1; i >= first; i--) {
      const j = boundedLemire(this.bitgen, i);
      const t = data[j];
      data[j] = data[i];
      data[i] = t;
    }
  }

  private tailShuffle(popSize: number, count: number): Float64Array {
    const all = allocFloat64(popSize);
    for (let i = 0; i < popSize; i++) all[i] = i;
    this.shuffleInt(all, popSize, Math.max(popSize - count, 1));
    return all.slice(popSize - count);
  }

  /**
   * Floyd's sampling: for j from popSize - count up to popSize - 1 take a uniform value in
   * [0, j], or j itself when that value is already taken. numpy tracks the taken values in an
   * open-addressed hash set; only membership matters for the draws, so a Set does here.
   */
  private floyd(popSize: number, count: number, shuffle: boolean): Float64Array {
    const out = allocFloat64(count);
    chargeArray(count); // the set of values taken
    const taken = new Set<number>();
    for (let j = popSize - count; j < popSize; j++) {
      const value = boundedLemire(this.bitgen, j);
      const chosen = taken.has(value) ? j : value;
      taken.add(chosen);
      out[j - popSize + count] = chosen;
    }
    if (shuffle) this.shuffleInt(out, count, 1);
    return out;
  }
}

/** A seed for default_rng: what SeedSequence takes, a SeedSequence, a bit generator or a Generator. */
export type DefaultRngSeed = SeedEntropy | SeedSequence | BitGenerator | Generator | null;

/** default_rng(seed): a Generator on PCG64 seeded through a SeedSequence (null: OS entropy). */
export function defaultRng(seed: DefaultRngSeed = null): Generator {
  if (seed instanceof Generator) return seed;
  if (seed instanceof PCG64) return new Generator(seed);
  if (seed !== null && typeof seed === "object" && "nextUint64" in seed) return new Generator(seed);
  return new Generator(new PCG64(seed as SeedEntropy | SeedSequence | null));
}
