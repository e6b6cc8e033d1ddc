import { record } from "../autograd/gradNode";
import { type DType, getDefaultDtype, isFloating, isSinglePrecision, scalarTypeName } from "../dtype";
import { normalizeDims, reducedShape } from "../shapeMath";
import { Tensor } from "../tensor";
import { runtimeError } from "../tensorError";
import { expandValues } from "./broadcast";
import { div, mul, sub } from "./elementwise";
import { mean, sum, type Dims } from "./reduce";
import { torchVarianceValues } from "./torchVariance";
import { sqrt } from "./unary";

/** Whose arithmetic var/std follow: numpy's (all in the dtype) or PyTorch's CPU kernel (double). */
export type VarianceKernel = "numpy" | "torch";

/**
 * Statistics built from the reductions — var, std, logsumexp, norm — each one graph node with
 * its own VJP, so the trace shows `var` rather than the arithmetic inside it.
 */

function floatInput(a: Tensor, op: string): void {
  if (!isFloating(a.dtype))
    throw runtimeError(
      `${op}(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: ${scalarTypeName(a.dtype)}`,
    );
}

/** `x.var(dim, correction=1, keepdim)`: Σ(x − mean)² / (N − correction); N − correction ≤ 0 gives inf/NaN as in PyTorch. */
export function variance(
  a: Tensor,
  dim?: Dims,
  correction = 1,
  keepdim = false,
  kernel: VarianceKernel = "numpy",
): Tensor {
  floatInput(a, "var");
  const dims = normalizeDims(dim, a.ndim);
  const count = dims.reduce((p, d) => p * a.shape[d], 1);
  const { centered, out } = withNoGradStats(a, dims, correction, keepdim, count, kernel, false);
  return record(
    out,
    "var",
    [a],
    (g) => {
      const gk = expandValues(
        Tensor.fromValues(g.copyValues(), reducedShape(a.shape, dims, true), g.dtype),
        a.shape,
      );
      varianceGrad(gk, centered.values(), count - correction, g.dtype);
      return [Tensor.fromValues(gk, a.shape, g.dtype)];
    },
    [`∂var(a)/∂a = 2·(a − mean)/(N − ${correction})`],
    [a],
  );
}

function withNoGradStats(
  a: Tensor,
  dims: number[],
  correction: number,
  keepdim: boolean,
  count: number,
  kernel: VarianceKernel,
  takeSqrt: boolean,
) {
  const m = mean(detachedCopy(a), dims, true);
  const centered = sub(detachedCopy(a), m);
  if (kernel === "torch") {
    const values = torchVarianceValues(a, dims, correction, takeSqrt, () => m.item());
    return { centered, out: Tensor.fromValues(values, reducedShape(a.shape, dims, keepdim), a.dtype) };
  }
  const sq = sum(mul(centered, centered), dims, keepdim);
  const out = Tensor.fromValues(
    div(sq, count - correction).copyValues(),
    reducedShape(a.shape, dims, keepdim),
    a.dtype,
  );
  return { centered, out: takeSqrt ? sqrt(out) : out };
}

function roundingFor(dtype: DType): (v: number) => number {
  return isSinglePrecision(dtype) ? Math.fround : (v) => v;
}

/**
 * In place, `gk` (g broadcast to the input) becomes the var backward as PyTorch writes it,
 * (2/dof · g) · (x − mean), each product rounded to the gradient's dtype; dof ≤ 0 divides by 0.
 */
function varianceGrad(gk: Float64Array, centered: ArrayLike<number>, dof: number, dtype: DType): void {
  const r = roundingFor(dtype);
  if (dof <= 0) {
    for (let i = 0; i < gk.length; i++) gk[i] = r(r(gk[i] * centered[i]) / 0);
    return;
  }
  const scale = r(2 / dof);
  for (let i = 0; i < gk.length; i++) gk[i] = r(r(scale * gk[i]) * centered[i]);
}

function detachedCopy(a: Tensor): Tensor {
  return new Tensor(a.storage, a.shape, a.strides, a.offset, a.dtype);
}

/** `x.std(dim, correction=1, keepdim)` = √var. */
export function std(
  a: Tensor,
  dim?: Dims,
  correction = 1,
  keepdim = false,
  kernel: VarianceKernel = "numpy",
): Tensor {
  floatInput(a, "std");
  const dims = normalizeDims(dim, a.ndim);
  const count = dims.reduce((p, d) => p * a.shape[d], 1);
  const { centered, out: s } = withNoGradStats(a, dims, correction, keepdim, count, kernel, true);
  const result = Tensor.fromValues(s.copyValues(), s.shape, a.dtype);
  return record(
    result,
    "std",
    [a],
    (g) => {
      const keep = reducedShape(a.shape, dims, true);
      const gk = expandValues(Tensor.fromValues(g.copyValues(), keep, g.dtype), a.shape);
      const sd = expandValues(Tensor.fromValues(result.copyValues(), keep, g.dtype), a.shape);
      // PyTorch's std backward: the var backward of g/(2·std), 0 where std is 0.
      const r = roundingFor(g.dtype);
      for (let i = 0; i < gk.length; i++) gk[i] = sd[i] === 0 ? 0 : r(gk[i] / r(sd[i] * 2));
      varianceGrad(gk, centered.values(), count - correction, g.dtype);
      return [Tensor.fromValues(gk, a.shape, g.dtype)];
    },
    [`∂std(a)/∂a = (a − mean)/((N − ${correction})·std)`],
    [a, result],
  );
}

/** `torch.logsumexp(x, dim, keepdim)`, stable (the max is taken out first); its VJP is softmax·g. */
export function logsumexp(a: Tensor, dim: number | readonly number[], keepdim = false): Tensor {
  const dims = normalizeDims(dim, a.ndim);
  const keep = reducedShape(a.shape, dims, true);
  const x = a.values();
  // Max over the reduced dims, broadcast back, so exp never overflows.
  const maxKeep = new Float64Array(keep.reduce((p, d) => p * d, 1)).fill(-Infinity);
  const keepTensor = Tensor.fromValues(maxKeep, keep, "float64");
  const index = expandValues(
    Tensor.fromValues(
      Float64Array.from({ length: maxKeep.length }, (_, i) => i),
      keep,
      "float64",
    ),
    a.shape,
  );
  for (let i = 0; i < x.length; i++) if (x[i] > maxKeep[index[i]]) maxKeep[index[i]] = x[i];
  for (let i = 0; i < maxKeep.length; i++) if (!Number.isFinite(maxKeep[i])) maxKeep[i] = 0;
  const sums = new Float64Array(maxKeep.length);
  for (let i = 0; i < x.length; i++) sums[index[i]] += Math.exp(x[i] - maxKeep[index[i]]);
  const values = Float64Array.from(sums, (s, i) => Math.log(s) + keepTensor.storage.data[i]);
  const dtype = isFloating(a.dtype) ? a.dtype : getDefaultDtype();
  const out = Tensor.fromValues(values, reducedShape(a.shape, dims, keepdim), dtype);
  return record(
    out,
    "logsumexp",
    [a],
    (g) => {
      const lse = expandValues(Tensor.fromValues(out.copyValues(), keep, "float64"), a.shape);
      const gk = expandValues(Tensor.fromValues(g.copyValues(), keep, g.dtype), a.shape);
      for (let i = 0; i < gk.length; i++) gk[i] *= Math.exp(x[i] - lse[i]);
      return [Tensor.fromValues(gk, a.shape, g.dtype)];
    },
    ["∂logsumexp(a)/∂a = softmax(a)"],
    [a, out],
  );
}

/** `x.norm()` / `torch.linalg.vector_norm(x, 2, dim)`: the Euclidean norm; its gradient is x/‖x‖ (0 at 0). */
export function norm(a: Tensor, dim?: Dims, keepdim = false): Tensor {
  floatInput(a, "linalg.vector_norm");
  const dims = normalizeDims(dim, a.ndim);
  const squares = sum(mul(detachedCopy(a), detachedCopy(a)), dims, keepdim);
  const n = sqrt(squares);
  const out = Tensor.fromValues(n.copyValues(), n.shape, a.dtype);
  return record(
    out,
    "norm",
    [a],
    (g) => {
      const keep = reducedShape(a.shape, dims, true);
      const nk = expandValues(Tensor.fromValues(out.copyValues(), keep, "float64"), a.shape);
      const gk = expandValues(Tensor.fromValues(g.copyValues(), keep, g.dtype), a.shape);
      const x = a.values();
      for (let i = 0; i < gk.length; i++) gk[i] = nk[i] === 0 ? 0 : (gk[i] * x[i]) / nk[i];
      return [Tensor.fromValues(gk, a.shape, g.dtype)];
    },
    ["∂‖a‖/∂a = a/‖a‖"],
    [a, out],
  );
}
