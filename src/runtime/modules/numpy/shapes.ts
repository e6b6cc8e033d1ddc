import * as T from "../../../engine/tensor/index";
import { valueError } from "../../interpreter/pyErrors";
import { castTensor, normalizeAxis, shapeCompact, shapeTuple } from "./convert";
import type { NdArray, NpScalar } from "./ndarray";
import { promote, type NpDtype } from "./npDtype";
import type { NumpyState } from "./numpyState";

/**
 * Shape operations: views where numpy gives views (reshape when the layout allows, transpose,
 * ravel of a contiguous array, squeeze, expand_dims), copies where it copies (flatten, joins),
 * each through the engine's recorded operation.
 */

/** The shape `reshape` asks for, one -1 inferred, with numpy's errors. */
export function reshapeTarget(shape: readonly number[], size: number, from: readonly number[]): number[] {
  let unknown = -1;
  let known = 1;
  shape.forEach((d, i) => {
    if (d === -1) {
      if (unknown >= 0) throw valueError("can only specify one unknown dimension");
      unknown = i;
    } else if (d < 0) throw valueError("negative dimensions not allowed");
    else known *= d;
  });
  const out = [...shape];
  if (unknown >= 0 && known !== 0 && size % known === 0) out[unknown] = size / known;
  if ((unknown >= 0 && (known === 0 || size % known !== 0)) || (unknown < 0 && known !== size)) {
    void from;
    throw valueError(`cannot reshape array of size ${size} into shape ${shapeCompact(shape)}`);
  }
  return out;
}

export function reshape(s: NumpyState, a: NdArray, shape: readonly number[]): NdArray {
  const target = reshapeTarget(shape, a.size, a.shape);
  return s.array(T.reshape(s.read(a), target), a.dtype, a);
}

/** `a.transpose(axes)` / `a.T`: a view with the axes permuted (reversed by default). */
export function transpose(s: NumpyState, a: NdArray, axes: number[] | null): NdArray {
  const t = s.read(a);
  let order: number[];
  if (axes === null) order = t.shape.map((_, i) => t.ndim - 1 - i);
  else {
    if (axes.length !== t.ndim) throw valueError("axes don't match array");
    order = axes.map((x) => normalizeAxis(s, x, t.ndim));
    if (new Set(order).size !== order.length) throw valueError("repeated axis in transpose");
  }
  return s.array(T.permute(t, order), a.dtype, a);
}

export function swapaxes(s: NumpyState, a: NdArray, a1: number, a2: number): NdArray {
  const order = a.shape.map((_, i) => i);
  const i = normalizeAxis(s, a1, a.ndim);
  const j = normalizeAxis(s, a2, a.ndim);
  [order[i], order[j]] = [order[j], order[i]];
  return transpose(s, a, order);
}

/** `ravel`: a view when the array is contiguous, else a copy. */
export function ravel(s: NumpyState, a: NdArray): NdArray {
  return s.array(T.reshape(s.read(a), [a.size]), a.dtype, a);
}

/** `flatten`: always a copy. */
export function flatten(s: NumpyState, a: NdArray): NdArray {
  const t = T.reshape(s.read(a), [a.size]);
  return s.array(t.storage === a.buffer.storage ? T.clone(t) : t, a.dtype);
}

export function squeeze(s: NumpyState, a: NdArray, axes: number[] | null): NdArray {
  if (axes !== null)
    for (const ax of axes)
      if (a.shape[ax] !== 1)
        throw valueError("cannot select an axis to squeeze out which has size not equal to one");
  const t = s.read(a);
  return s.array(T.squeeze(t, axes ?? undefined), a.dtype, a);
}

export function expandDims(s: NumpyState, a: NdArray, axes: number[]): NdArray {
  const nd = a.ndim + axes.length;
  const normalized = axes.map((x) => normalizeAxis(s, x, nd)).sort((x, y) => x - y);
  if (new Set(normalized).size !== normalized.length) throw valueError("repeated axis");
  let t = s.read(a);
  for (const ax of normalized) t = T.unsqueeze(t, ax);
  return s.array(t, a.dtype, a);
}

function commonDtype(arrays: readonly (NdArray | NpScalar)[]): NpDtype {
  return arrays.map((x) => x.dtype).reduce((p, d) => promote(p, d));
}

/** `np.concatenate(arrays, axis)`; axis None joins the flattened arrays. */
export function concatenate(s: NumpyState, arrays: NdArray[], axis: number | null): NdArray {
  if (arrays.length === 0) throw valueError("need at least one array to concatenate");
  const dtype = commonDtype(arrays);
  let tensors = arrays.map((a) => castTensor(s.read(a), a.dtype, dtype));
  if (axis === null) tensors = tensors.map((t) => T.reshape(t, [t.numel]));
  const first = tensors[0];
  if (first.ndim === 0) throw valueError("zero-dimensional arrays cannot be concatenated");
  const ax = normalizeAxis(s, axis ?? 0, first.ndim);
  tensors.forEach((t, i) => {
    if (t.ndim !== first.ndim)
      throw valueError(
        `all the input arrays must have same number of dimensions, but the array at index 0 has ${first.ndim} dimension(s) and the array at index ${i} has ${t.ndim} dimension(s)`,
      );
    for (let d = 0; d < t.ndim; d++)
      if (d !== ax && t.shape[d] !== first.shape[d])
        throw valueError(
          `all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${d}, the array at index 0 has size ${first.shape[d]} and the array at index ${i} has size ${t.shape[d]}`,
        );
  });
  // the engine skips legacy empty 1-d tensors; numpy keeps them, which changes nothing here
  const out = tensors.length === 1 ? T.clone(tensors[0]) : T.cat(tensors, ax);
  return s.array(out, dtype);
}

/** `np.stack(arrays, axis)`: along a new axis. */
export function stack(s: NumpyState, arrays: NdArray[], axis: number): NdArray {
  if (arrays.length === 0) throw valueError("need at least one array to stack");
  const shape = arrays[0].shape;
  for (const a of arrays)
    if (a.ndim !== shape.length || a.shape.some((d, i) => d !== shape[i]))
      throw valueError("all input arrays must have the same shape");
  const dtype = commonDtype(arrays);
  const ax = normalizeAxis(s, axis, shape.length + 1);
  const tensors = arrays.map((a) => castTensor(s.read(a), a.dtype, dtype));
  return s.array(T.stack(tensors, ax), dtype);
}

function atLeast(s: NumpyState, a: NdArray, nd: 1 | 2): NdArray {
  if (a.ndim >= nd) return a;
  if (nd === 1) return reshape(s, a, [1]);
  return reshape(s, a, a.ndim === 0 ? [1, 1] : [1, a.shape[0]]);
}

export function vstack(s: NumpyState, arrays: NdArray[]): NdArray {
  return concatenate(
    s,
    arrays.map((a) => atLeast(s, a, 2)),
    0,
  );
}

export function hstack(s: NumpyState, arrays: NdArray[]): NdArray {
  const parts = arrays.map((a) => atLeast(s, a, 1));
  return concatenate(s, parts, parts[0]?.ndim === 1 ? 0 : 1);
}

/** `np.broadcast_to(a, shape)`: a read-only view (GradLens lets it be written, numpy would not). */
export function broadcastTo(s: NumpyState, a: NdArray, shape: readonly number[]): NdArray {
  const t = s.read(a);
  if (shape.length < t.ndim)
    throw valueError("input operand has more dimensions than allowed by the axis remapping");
  for (let i = 0; i < t.ndim; i++) {
    const d = t.shape[t.ndim - 1 - i];
    const want = shape[shape.length - 1 - i];
    if (d !== want && d !== 1)
      throw valueError(
        `operands could not be broadcast together with remapped shapes [original->remapped]: ${shapeTuple(t.shape).replace(/ /g, "")}  and requested shape ${shapeTuple(shape).replace(/ /g, "")}`,
      );
  }
  return s.array(T.expand(t, shape), a.dtype, a);
}

/** `np.meshgrid(x, y, ..., indexing='xy')`: coordinate arrays (copies), the first two axes swapped for 'xy'. */
export function meshgrid(s: NumpyState, vectors: NdArray[], indexing: "xy" | "ij"): NdArray[] {
  const lengths = vectors.map((v) => v.size);
  const shape = [...lengths];
  if (indexing === "xy" && shape.length >= 2) [shape[0], shape[1]] = [shape[1], shape[0]];
  return vectors.map((v, i) => {
    const axis = indexing === "xy" && i < 2 && vectors.length >= 2 ? 1 - i : i;
    const own = shape.map((_, k) => (k === axis ? lengths[i] : 1));
    const t = T.reshape(s.read(v), own);
    return s.array(T.clone(T.expand(t, shape)), v.dtype);
  });
}

/** `np.c_[a, b]`: 1-d arrays as columns (2-d as they are), joined along the last axis. */
export function columns(s: NumpyState, arrays: NdArray[]): NdArray {
  const parts = arrays.map((a) => (a.ndim < 2 ? reshape(s, a, [a.size, 1]) : a));
  return concatenate(s, parts, parts[0] === undefined ? 0 : parts[0].ndim - 1);
}
