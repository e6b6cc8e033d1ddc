import { record } from "../autograd/gradNode";
import { getDefaultDtype, isFloating } from "../dtype";
import { normalizeDim } from "../shapeMath";
import { Tensor } from "../tensor";
import { mapLanes } from "./lanes";

/**
 * softmax and log_softmax along a dim, computed with the lane maximum subtracted so large
 * logits do not overflow. VJPs: softmax s → s·(g − Σ g·s); log_softmax y → g − e^y·Σ g.
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

export function softmax(a: Tensor, dim: number): Tensor {
  const d = normalizeDim(dim, a.ndim);
  const dtype = isFloating(a.dtype) ? a.dtype : getDefaultDtype();
  const out = Tensor.fromValues(
    mapLanes([a], d, ([x], o) => softmaxLane(x, o)),
    a.shape,
    dtype,
  );
  return record(
    out,
    "softmax",
    [a],
    (g) => {
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
  const out = Tensor.fromValues(
    mapLanes([a], d, ([x], o) => logSoftmaxLane(x, o)),
    a.shape,
    dtype,
  );
  return record(
    out,
    "log_softmax",
    [a],
    (g) => {
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
