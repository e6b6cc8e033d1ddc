import { record } from "../autograd/gradNode";
import { getDefaultDtype, isFloating, isSinglePrecision } from "../dtype";
import { newStoredArray, type FloatArray } from "../floatArray";
import { normalizeDim, numelOf } from "../shapeMath";
import { Tensor } from "../tensor";
import { softmaxBackwardFloat32, softmaxFloat32 } from "./float32Softmax";
import { mapLanes } from "./lanes";

/**
 * softmax and log_softmax along a dim, computed with the lane maximum subtracted so large
 * logits do not overflow. VJPs: softmax s → s·(g − Σ g·s); log_softmax y → g − e^y·Σ g.
 * float32 tensors take PyTorch's float32 kernels step by step (float32Softmax.ts); other
 * dtypes are computed in float64.
 */

export function softmaxLane(x: Float64Array, out: Float64Array): void {
  let m = -Infinity;
  for (let j = 0; j < x.length; j++) if (x[j] > m || x[j] !== x[j]) m = x[j];
  if (m === -Infinity) m = 0;
  let s = 0;
  for (let j = 0; j < x.length; j++) s += out[j] = Math.exp(x[j] - m);
  for (let j = 0; j < x.length; j++) out[j] /= s;
}

export function logSoftmaxLane(x: Float64Array, out: Float64Array): void {
  let m = -Infinity;
  for (let j = 0; j < x.length; j++) if (x[j] > m || x[j] !== x[j]) m = x[j];
  if (m === -Infinity) m = 0;
  let s = 0;
  for (let j = 0; j < x.length; j++) s += Math.exp(x[j] - m);
  const lse = m + Math.log(s);
  for (let j = 0; j < x.length; j++) out[j] = x[j] - lse;
}

/** Whether `t` is a float32 tensor computed in single precision now. */
const single = (t: Tensor) => t.dtype === "float32" && isSinglePrecision(t.dtype);

function float32Kernel(shape: readonly number[], run: (out: FloatArray) => void): Tensor {
  const out = newStoredArray(numelOf(shape), "float32");
  run(out);
  return Tensor.fromStored(out, shape, "float32");
}

export function softmax(a: Tensor, dim: number): Tensor {
  const d = normalizeDim(dim, a.ndim);
  const dtype = isFloating(a.dtype) ? a.dtype : getDefaultDtype();
  const out = single(a)
    ? float32Kernel(a.shape, (o) => softmaxFloat32(a.values(), a.shape, d, false, o))
    : Tensor.fromValues(
        mapLanes([a], d, ([x], o) => softmaxLane(x, o)),
        a.shape,
        dtype,
      );
  return record(
    out,
    "softmax",
    [a],
    (g) => {
      if (single(g))
        return [
          float32Kernel(a.shape, (o) =>
            softmaxBackwardFloat32(g.values(), out.values(), a.shape, d, false, o),
          ),
        ];
      const r = mapLanes([g, out], d, ([gl, s], o) => {
        let dot = 0;
        for (let j = 0; j < gl.length; j++) dot += gl[j] * s[j];
        for (let j = 0; j < gl.length; j++) o[j] = s[j] * (gl[j] - dot);
      });
      return [Tensor.fromValues(r, a.shape, g.dtype)];
    },
    [`∂softmax(a, dim=${d})/∂a: s·(g − Σ g·s) along dim ${d}`],
    [out],
  );
}

export function logSoftmax(a: Tensor, dim: number): Tensor {
  const d = normalizeDim(dim, a.ndim);
  const dtype = isFloating(a.dtype) ? a.dtype : getDefaultDtype();
  const out = single(a)
    ? float32Kernel(a.shape, (o) => softmaxFloat32(a.values(), a.shape, d, true, o))
    : Tensor.fromValues(
        mapLanes([a], d, ([x], o) => logSoftmaxLane(x, o)),
        a.shape,
        dtype,
      );
  return record(
    out,
    "log_softmax",
    [a],
    (g) => {
      if (single(g))
        return [
          float32Kernel(a.shape, (o) =>
            softmaxBackwardFloat32(g.values(), out.values(), a.shape, d, true, o),
          ),
        ];
      const r = mapLanes([g, out], d, ([gl, y], o) => {
        let total = 0;
        for (let j = 0; j < gl.length; j++) total += gl[j];
        for (let j = 0; j < gl.length; j++) o[j] = gl[j] - Math.exp(y[j]) * total;
      });
      return [Tensor.fromValues(r, a.shape, g.dtype)];
    },
    [`∂log_softmax(a, dim=${d})/∂a: g − softmax(a)·Σ g along dim ${d}`],
    [out],
  );
}
