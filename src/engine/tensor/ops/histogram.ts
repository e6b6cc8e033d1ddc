import type { FloatArray } from "../floatArray";
import { linspace } from "../create";
import { isFloating, scalarTypeName } from "../dtype";
import { Tensor } from "../tensor";
import { runtimeError } from "../tensorError";
import { cascadeSum } from "./cascadeSum";

/**
 * `torch.histogram(input, bins, range=, weight=, density=)` and `torch.histc`, as PyTorch's CPU
 * kernel counts: the edges are `linspace(lo, hi, bins + 1)` in the input's dtype; an element's
 * bin is ((x − lo)·bins/(hi − lo)) in that dtype, truncated — then, for `histogram`, moved to
 * the neighbouring bin when the edges say so (so a value on an edge lands where the printed
 * edges put it); the last bin includes its right edge; values outside [lo, hi] and NaN are
 * skipped. `density` divides by the total and by each bin's width.
 */
export function histogram(
  input: Tensor,
  bins: number,
  range: readonly [number, number] | null = null,
  weight: Tensor | null = null,
  density = false,
): { hist: Tensor; edges: Tensor } {
  if (!isFloating(input.dtype))
    throw runtimeError(`"histogramdd" not implemented for '${scalarTypeName(input.dtype)}'`);
  if (bins <= 0)
    throw runtimeError(`torch.histogramdd(): expected bin_ct to be greater than 0, but got ${bins}`);
  const values = input.values();
  let [lo, hi] = range ?? outerEdges(values);
  if (!Number.isFinite(lo) || !Number.isFinite(hi))
    throw runtimeError(`torch.histogramdd: dimension 0's range [${lo}, ${hi}] is not finite`);
  if (lo > hi)
    throw runtimeError(
      `torch.histogramdd: min should not exceed max, but got min ${lo} max ${hi} for dimension 0`,
    );
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const edges = linspace(lo, hi, bins + 1, { dtype: input.dtype });
  const hist = count(input, edges, weight, true);
  if (density) {
    const r = input.dtype === "float32" ? Math.fround : (x: number) => x;
    const total = cascadeSum(hist, [0], input.dtype as "float32" | "float64")[0];
    const h = hist.storage.data;
    const e = edges.values();
    for (let i = 0; i < bins; i++) h[i] = r(r(h[i] / total) / r(e[i + 1] - e[i]));
  }
  return { hist, edges };
}

/** `torch.histc(input, bins=100, min=0, max=0)`: counts only; min = max means the data's range. */
export function histc(input: Tensor, bins = 100, min = 0, max = 0): Tensor {
  if (!isFloating(input.dtype))
    throw runtimeError(`"histogram_cpu" not implemented for '${scalarTypeName(input.dtype)}'`);
  let [lo, hi] = min === max && input.numel > 0 ? outerEdges(input.values()) : [min, max];
  if (lo > hi) throw runtimeError("torch.histc: max must be larger than min");
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  return count(input, linspace(lo, hi, bins + 1, { dtype: input.dtype }), null, false);
}

function outerEdges(values: FloatArray): [number, number] {
  if (values.length === 0) return [0, 0];
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (Number.isNaN(v)) return [NaN, NaN];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

function count(input: Tensor, edgesTensor: Tensor, weight: Tensor | null, localSearch: boolean): Tensor {
  const r = input.dtype === "float32" ? Math.fround : (x: number) => x;
  const e = edgesTensor.values();
  const bins = e.length - 1;
  const lo = e[0];
  const hi = e[bins];
  const span = r(hi - lo);
  const values = input.values();
  const w = weight?.values() ?? null;
  const out = new Float64Array(bins);
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (!(x >= lo && x <= hi)) continue;
    let pos = Math.trunc(r(r(r(x - lo) * bins) / span));
    if (localSearch) {
      // the last edge ≤ x among the neighbours of pos
      const from = Math.max(0, pos - 1);
      const to = Math.min(pos + 2, bins + 1);
      let k = from;
      while (k < to && e[k] <= x) k++;
      pos = k - 1;
    }
    if (pos === bins) pos -= 1;
    out[pos] = r(out[pos] + (w !== null ? w[i] : 1));
  }
  return Tensor.fromValues(out, [bins], input.dtype);
}
