import { mapToFloat64 } from "../../../engine/tensor/floatArray";
import { allocFloat64 } from "../../../engine/memory";
import * as T from "../../../engine/tensor/index";
import type { Tensor } from "../../../engine/tensor/index";
import { valueError } from "../../interpreter/pyErrors";
import { castTensor } from "./convert";
import type { NdArray, NpScalar } from "./ndarray";
import { isFloat, roundInto, type NpDtype } from "./npDtype";
import { newTensor, type NumpyState } from "./numpyState";
import { numpySum } from "./numpySum";

/**
 * Reductions (`sum`, `mean`, `var`, `std`, `max`, `min`, `argmax`, `argmin`, `prod`, `any`,
 * `all`, `cumsum`) over `axes` (null: all of them), with `keepdims`. Each is the engine's
 * reduction of the same meaning, recorded with its gradient rule; float sums carry numpy's own
 * digits (its pairwise order, see numpySum.ts).
 */

export type Result = NdArray | NpScalar;

function allAxes(t: Tensor, axes: number[] | null): number[] {
  if (axes !== null) return axes;
  const all = new Array<number>(t.ndim);
  for (let i = 0; i < all.length; i++) all[i] = i;
  return all;
}

/**
 * numpy reduces over no axes at all for `axis=()`: each element is its own lane, so the result
 * is the input (cast). The engine reads an empty dim list as "all" (PyTorch's rule), so these
 * are told apart before it is asked.
 */
function noAxes(axes: number[] | null): boolean {
  return axes !== null && axes.length === 0;
}

function countOf(t: Tensor, axes: readonly number[]): number {
  return axes.reduce((p, a) => p * t.shape[a], 1);
}

/** Replaces a fresh result's values (laid out as the keepdims shape, row-major). */
function setValues(out: Tensor, values: Float64Array): void {
  out.storage.data.set(values, out.offset);
}

/** The dtype `sum`/`prod` accumulate in: ints and bools as int64, floats as themselves. */
function accumulatorOf(d: NpDtype): NpDtype {
  return isFloat(d) ? d : "int64";
}

export function sum(
  s: NumpyState,
  a: NdArray | NpScalar,
  axes: number[] | null,
  keepdims: boolean,
  dtype?: NpDtype,
): Result {
  const outType = dtype ?? accumulatorOf(a.dtype);
  const t = castTensor(s.read(a), a.dtype, outType);
  if (noAxes(axes)) return s.result(T.clone(t), outType);
  const dims = allAxes(t, axes);
  const values = isFloat(outType) ? numpySum(t, dims, outType === "float32") : undefined;
  return s.result(T.sum(t, dims, keepdims, undefined, values), outType);
}

/** `mean`: the sum over the count, in float64 for integer input, float32 for float32. */
export function mean(
  s: NumpyState,
  a: NdArray | NpScalar,
  axes: number[] | null,
  keepdims: boolean,
  dtype?: NpDtype,
): Result {
  const outType = dtype ?? (isFloat(a.dtype) ? a.dtype : "float64");
  const t = castTensor(s.read(a), a.dtype, outType);
  if (noAxes(axes)) return s.result(T.clone(t), outType);
  const dims = allAxes(t, axes);
  const n = countOf(t, dims);
  const values = numpySum(t, dims, outType === "float32");
  for (let i = 0; i < values.length; i++) values[i] = values[i] / n;
  roundInto(values, outType);
  const out = T.mean(t, dims, keepdims, undefined, values);
  if (n === 0) {
    s.warn("Mean of empty slice.");
    s.warn(`invalid value encountered in ${out.ndim === 0 ? "scalar divide" : "divide"}`);
  }
  return s.result(out, outType);
}

/** A tensor's elements copied into the same memory order (numpy's `K` order) as a new dense tensor. */
function sameLayout(t: Tensor, values: Float64Array): Tensor {
  const order = t.shape.map((_, i) => i).sort((x, y) => t.strides[y] - t.strides[x] || x - y);
  const strides = new Array<number>(t.ndim);
  let s = 1;
  for (let k = order.length - 1; k >= 0; k--) {
    strides[order[k]] = s;
    s *= t.shape[order[k]];
  }
  const data = allocFloat64(t.numel);
  // values are row-major over t.shape; place each at its position in the new layout
  const index = new Array<number>(t.ndim).fill(0);
  for (let i = 0; i < values.length; i++) {
    let p = 0;
    for (let d = 0; d < t.ndim; d++) p += index[d] * strides[d];
    data[p] = values[i];
    for (let d = t.ndim - 1; d >= 0; d--) {
      if (++index[d] < t.shape[d]) break;
      index[d] = 0;
    }
  }
  return new T.Tensor(new T.Storage(data), [...t.shape], strides, 0, t.dtype);
}

/** numpy's `var` numbers: the mean, the squared deviations laid out like the input, their pairwise sum. */
function varianceValues(t: Tensor, dims: readonly number[], ddof: number, f32: boolean): Float64Array {
  const n = countOf(t, dims);
  const r = f32 ? Math.fround : (x: number) => x;
  const means = numpySum(t, dims, f32).map((v) => r(v / n));
  const keep = t.shape.map((d, i) => (dims.includes(i) ? 1 : d));
  const meanTensor = newTensor(means, keep, f32 ? "float32" : "float64");
  const x = t.values();
  const m = T.expand(meanTensor, t.shape).copyValues();
  const sq = allocFloat64(x.length);
  for (let i = 0; i < x.length; i++) {
    const dev = r(x[i] - m[i]);
    sq[i] = r(dev * dev);
  }
  const sums = numpySum(sameLayout(t, sq), dims, f32);
  const divisor = Math.max(n - ddof, 0);
  return sums.map((v) => r(v / divisor));
}

/**
 * `var`/`std` over no axes: each element is a sample of one, so its deviation is 0 and the
 * result is 0 / max(1 - ddof, 0) (NaN, with numpy's warnings, when ddof >= 1); recorded as
 * x·0 so the gradient (0) reaches x.
 */
function spreadOfOne(s: NumpyState, t: Tensor, ddof: number): Tensor {
  const out = T.mul(t, 0);
  if (1 - ddof > 0) return out;
  s.warn("Degrees of freedom <= 0 for slice");
  if (t.numel > 0) s.warn("invalid value encountered in divide");
  out.storage.data.fill(NaN);
  return out;
}

export function variance(
  s: NumpyState,
  a: NdArray | NpScalar,
  axes: number[] | null,
  keepdims: boolean,
  ddof: number,
  std: boolean,
): Result {
  const outType: NpDtype = isFloat(a.dtype) ? a.dtype : "float64";
  const t = castTensor(s.read(a), a.dtype, outType);
  if (noAxes(axes)) return s.result(spreadOfOne(s, t, ddof), outType);
  const dims = allAxes(t, axes);
  const n = countOf(t, dims);
  if (n - ddof <= 0) s.warn("Degrees of freedom <= 0 for slice");
  const out = std ? T.std(t, dims, ddof, keepdims) : T.variance(t, dims, ddof, keepdims);
  const values = varianceValues(t, dims, ddof, outType === "float32");
  if (std) for (let i = 0; i < values.length; i++) values[i] = Math.sqrt(values[i]);
  roundInto(values, outType);
  setValues(out, values);
  return s.result(out, outType);
}

/**
 * `x` with the reduced axes moved to the end and merged into one: so that a reduction over
 * several axes becomes one along the last (the engine's max, min and prod take one dim).
 */
function gatherAxes(t: Tensor, dims: readonly number[]): Tensor {
  const kept = t.shape.map((_, i) => i).filter((i) => !dims.includes(i));
  const moved = T.permute(t, [...kept, ...dims]);
  return T.reshape(moved, [...kept.map((i) => t.shape[i]), countOf(t, dims)]);
}

function keepShape(t: Tensor, dims: readonly number[], keepdims: boolean): number[] {
  return keepdims
    ? t.shape.map((d, i) => (dims.includes(i) ? 1 : d))
    : t.shape.filter((_, i) => !dims.includes(i));
}

const REDUCTION_NAMES = { max: "maximum", min: "minimum" } as const;

/** `max` / `min` (numpy's `amax`): NaN propagates; the gradient goes to the element picked. */
export function extreme(
  s: NumpyState,
  a: NdArray | NpScalar,
  axes: number[] | null,
  keepdims: boolean,
  kind: "max" | "min",
): Result {
  const t = s.read(a);
  if (noAxes(axes)) return s.result(T.clone(t), a.dtype);
  const dims = allAxes(t, axes);
  if (dims.some((d) => t.shape[d] === 0) || (t.numel === 0 && dims.length === t.ndim))
    throw valueError(`zero-size array to reduction operation ${REDUCTION_NAMES[kind]} which has no identity`);
  let out: Tensor;
  if (dims.length === t.ndim) {
    out = kind === "max" ? T.max(t) : T.min(t);
    if (keepdims)
      out = T.reshape(
        out,
        t.shape.map(() => 1),
      );
  } else {
    const g = gatherAxes(t, dims);
    const r = kind === "max" ? T.maxAlong(g, -1, false) : T.minAlong(g, -1, false);
    out = T.reshape(r.values, keepShape(t, dims, keepdims));
  }
  return s.result(out, a.dtype);
}

/** `argmax` / `argmin`: the flat index (C order) without an axis, else along one axis. */
export function argExtreme(
  s: NumpyState,
  a: NdArray | NpScalar,
  axis: number | null,
  keepdims: boolean,
  kind: "max" | "min",
): Result {
  const t = s.read(a);
  if (t.numel === 0) throw valueError(`attempt to get arg${kind} of an empty sequence`);
  const f = kind === "max" ? T.argmax : T.argmin;
  let out = axis === null ? f(t) : f(t, axis, keepdims);
  if (axis === null && keepdims)
    out = T.reshape(
      out,
      t.shape.map(() => 1),
    );
  return s.result(out, "int64");
}

/** `prod`: ints and bools multiply as int64. */
export function prod(
  s: NumpyState,
  a: NdArray | NpScalar,
  axes: number[] | null,
  keepdims: boolean,
  dtype?: NpDtype,
): Result {
  const outType = dtype ?? accumulatorOf(a.dtype);
  const t = castTensor(s.read(a), a.dtype, outType);
  if (noAxes(axes)) return s.result(T.clone(t), outType);
  const dims = allAxes(t, axes);
  let out: Tensor;
  if (dims.length === t.ndim) {
    out = T.prod(t);
    if (keepdims)
      out = T.reshape(
        out,
        t.shape.map(() => 1),
      );
  } else if (dims.length === 1) out = T.prod(t, dims[0], keepdims);
  else out = T.reshape(T.prod(gatherAxes(t, dims), -1), keepShape(t, dims, keepdims));
  if (outType === "float32") roundInto(out.storage.data, "float32");
  return s.result(out, outType);
}

/** `any` / `all`: bool results, no gradient. */
export function anyAll(
  s: NumpyState,
  a: NdArray | NpScalar,
  axes: number[] | null,
  keepdims: boolean,
  all: boolean,
): Result {
  const t = s.read(a);
  const dims = allAxes(t, axes);
  const truth = T.Tensor.fromValues(
    mapToFloat64(t.values(), (v) => (v !== 0 ? 1 : 0)),
    t.shape,
    "int64",
  );
  const counts = noAxes(axes) ? truth : T.sum(truth, dims, keepdims);
  const n = countOf(t, dims);
  const values = mapToFloat64(counts.values(), (c) => (all ? (c === n ? 1 : 0) : c > 0 ? 1 : 0));
  return s.result(T.Tensor.fromValues(values, counts.shape, "bool"), "bool");
}

/**
 * `cumsum` along an axis (flattened without one): recorded as the product with a triangle of
 * ones along that axis (its gradient is the reversed cumulative sum); the values are numpy's
 * running sums, in order.
 */
export function cumsum(s: NumpyState, a: NdArray | NpScalar, axis: number | null, dtype?: NpDtype): Result {
  const outType = dtype ?? accumulatorOf(a.dtype);
  let t = castTensor(s.read(a), a.dtype, outType);
  if (axis === null) t = T.reshape(t, [t.numel]);
  const ax = axis ?? 0;
  const n = t.shape[ax];
  const tri = allocFloat64(n * n);
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) tri[i * n + j] = 1;
  const moved = T.transpose(t, ax, -1);
  const product = T.matmul(moved, T.Tensor.fromValues(tri, [n, n], t.dtype), "exact");
  const out = T.contiguous(T.transpose(product, ax, -1));
  // numpy's running sums, lane by lane along the axis
  const values = moved.copyValues();
  const r = outType === "float32" ? Math.fround : (x: number) => x;
  for (let lane = 0; lane < values.length; lane += n)
    for (let j = 1; j < n; j++) values[lane + j] = r(values[lane + j - 1] + values[lane + j]);
  const running = T.Tensor.fromValues(values, moved.shape, t.dtype);
  const back = T.transpose(running, ax, -1).copyValues();
  const target = out.isContiguous() && out.storage.data.length === back.length ? out : T.clone(out);
  target.storage.data.set(back, target.offset);
  return s.result(target, outType);
}
