import { allocFloat64 } from "../../memory";
import { contiguousStrides } from "../shapeMath";
import type { Tensor } from "../tensor";

/**
 * The values of `torch.var`/`torch.std` as PyTorch 1.13.1 computes them on the CPU, before the
 * one rounding to the tensor's dtype. A reduction over every dim that is not 1 is two-pass: the
 * mean as the tensor's own `mean()` (so a float32 mean, rounded), then Σ(x − mean)² in double.
 * Any other reduction is Welford's running mean and M2 in double, element by element in
 * row-major order. Summing float32 squares in float32 instead (numpy's way) differs in the last
 * digit for a fair share of BatchNorm columns, and that drifts a whole training run.
 *
 * `dims` are the reduced dims (normalized), `roundedMean` the tensor's mean in its own dtype,
 * asked for only in the two-pass case.
 */
export function torchVarianceValues(
  a: Tensor,
  dims: readonly number[],
  correction: number,
  takeSqrt: boolean,
  roundedMean: () => number,
): Float64Array {
  const x = a.values();
  const reduced = a.shape.map((_, d) => dims.includes(d));
  const full = a.shape.every((size, d) => size === 1 || reduced[d]);
  const finish = (m2: number, n: number): number => {
    const v = m2 / Math.max(0, n - correction);
    return takeSqrt ? Math.sqrt(v) : v;
  };
  if (full) {
    const mean = roundedMean();
    let s = 0;
    for (let i = 0; i < x.length; i++) {
      const dx = x[i] - mean;
      s += dx * dx;
    }
    const out = allocFloat64(1);
    out[0] = finish(s, x.length);
    return out;
  }
  // Output index of each input element: the kept dims' row-major strides, 0 on reduced dims.
  const keptShape = a.shape.map((size, d) => (reduced[d] ? 1 : size));
  const keptStrides = contiguousStrides(keptShape).map((s, d) => (reduced[d] ? 0 : s));
  const outCount = keptShape.reduce((p, s) => p * s, 1);
  const mean = allocFloat64(outCount);
  const m2 = allocFloat64(outCount);
  const n = allocFloat64(outCount);
  const index = new Array<number>(a.ndim).fill(0);
  let o = 0;
  for (let i = 0; i < x.length; i++) {
    const count = n[o] + 1;
    const delta = x[i] - mean[o];
    const newMean = mean[o] + delta / count;
    m2[o] += delta * (x[i] - newMean);
    mean[o] = newMean;
    n[o] = count;
    // Step the row-major odometer and keep the output index in step with it.
    for (let d = a.ndim - 1; d >= 0; d--) {
      index[d]++;
      o += keptStrides[d];
      if (index[d] < a.shape[d]) break;
      o -= keptStrides[d] * index[d];
      index[d] = 0;
    }
  }
  for (let j = 0; j < outCount; j++) m2[j] = finish(m2[j], n[j]);
  return m2;
}
