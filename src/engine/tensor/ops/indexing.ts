import { float64Copy, storesFloat32 } from "../floatArray";
import { record } from "../autograd/gradNode";
import { isSinglePrecision } from "../dtype";
import { broadcastShapes, contiguousStrides, numelOf } from "../shapeMath";
import { Storage, Tensor } from "../tensor";
import { indexError, runtimeError, valueError } from "../tensorError";
import { expandValues, forEachRow, gradFor } from "./broadcast";
import { inPlaceIsRecorded, rebase } from "./inplace";
import { asTensor, type TensorLike } from "./operand";
import { makeView } from "./shape";

/**
 * `x[...]` with NumPy/PyTorch semantics. Ints, slices, None and `...` only move through the
 * strides, so the result is a view; integer tensors or lists (and bool masks) along dims pick
 * elements (a copy): several of them broadcast together, and their result dimensions go where
 * the first one stood when they are adjacent, else in front.
 */

export interface Slice {
  start?: number | null;
  stop?: number | null;
  step?: number | null;
  /** A negative step walks backwards, as in Python and numpy (PyTorch refuses one). */
  allowNegativeStep?: boolean;
}

export type IndexItem = number | Slice | null | "..." | Tensor | number[];

interface Layout {
  shape: number[];
  strides: number[];
  offset: number;
}

interface Advanced {
  /** The dimension of the basic view this index applies to. */
  dim: number;
  index: Tensor;
}

const isSlice = (x: IndexItem): x is Slice =>
  typeof x === "object" && x !== null && !(x instanceof Tensor) && !Array.isArray(x);

/**
 * The view operation PyTorch's basic indexing ends with, which names its grad_fn: an int is a
 * select, None an unsqueeze, a slice a slice — except a full `:`, which PyTorch skips unless
 * it is all there is.
 */
function basicOpName(list: readonly IndexItem[]): "select" | "slice" | "unsqueeze" {
  let name: "select" | "slice" | "unsqueeze" = "slice";
  for (const item of list) {
    if (typeof item === "number") name = "select";
    else if (item === null) name = "unsqueeze";
    else if (isSlice(item)) {
      const full = (item.start ?? 0) === 0 && (item.stop ?? null) === null && (item.step ?? 1) === 1;
      if (!full) name = "slice";
    }
  }
  return name;
}

/** How many dimensions of the indexed tensor an item consumes. */
function consumes(item: IndexItem): number {
  if (item === null || item === "...") return 0;
  if (item instanceof Tensor && item.dtype === "bool") return item.ndim;
  return 1;
}

/** Python's slice.indices for a positive step. */
function sliceRange(s: Slice, size: number): { start: number; length: number; step: number } {
  const step = s.step ?? 1;
  if (step === 0) throw valueError("slice step cannot be zero");
  if (step < 0) {
    if (s.allowNegativeStep !== true) throw valueError("step must be greater than zero");
    return backwardRange(s, size, step);
  }
  const clampIndex = (v: number) => Math.min(Math.max(v < 0 ? v + size : v, 0), size);
  const start = s.start === undefined || s.start === null ? 0 : clampIndex(s.start);
  const stop = s.stop === undefined || s.stop === null ? size : clampIndex(s.stop);
  return { start, length: stop > start ? Math.ceil((stop - start) / step) : 0, step };
}

/** Python's slice.indices for a negative step: from the last element (or `start`) down past `stop`. */
function backwardRange(
  s: Slice,
  size: number,
  step: number,
): { start: number; length: number; step: number } {
  const clamp = (v: number) => (v < 0 ? Math.max(v + size, -1) : Math.min(v, size - 1));
  const start = s.start === undefined || s.start === null ? size - 1 : clamp(s.start);
  const stop = s.stop === undefined || s.stop === null ? -1 : clamp(s.stop);
  return { start, length: start > stop ? Math.ceil((stop - start) / step) : 0, step };
}

function intIndex(i: number, size: number, dim: number): number {
  if (!Number.isInteger(i))
    throw indexError(
      "only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices",
    );
  if (i < -size || i >= size)
    throw indexError(`index ${i} is out of bounds for dimension ${dim} with size ${size}`);
  return i < 0 ? i + size : i;
}

/** The positions of the true elements of a bool mask, one int64 tensor per mask dimension. */
function maskToIndices(mask: Tensor, indexed: readonly number[], firstDim: number): Tensor[] {
  const shape = mask.shape;
  shape.forEach((d, i) => {
    if (d !== indexed[firstDim + i])
      throw indexError(
        `The shape of the mask [${shape.join(", ")}] at index ${i} does not match the shape of the indexed tensor [${indexed.join(", ")}] at index ${firstDim + i}`,
      );
  });
  const v = mask.values();
  const strides = contiguousStrides(shape);
  const coords: number[][] = shape.map(() => []);
  for (let p = 0; p < v.length; p++) {
    if (v[p] === 0) continue;
    let rest = p;
    for (let k = 0; k < shape.length; k++) {
      coords[k].push(Math.floor(rest / strides[k]));
      rest %= strides[k];
    }
  }
  return coords.map((c) => Tensor.fromValues(Float64Array.from(c), [c.length], "int64"));
}

/** Applies the basic items to a layout; advanced items keep their dim and are returned aside. */
function resolve(base: Layout, rawItems: readonly IndexItem[]): { view: Layout; advanced: Advanced[] } {
  const ndim = base.shape.length;
  const used = rawItems.reduce((n: number, it) => n + consumes(it), 0);
  const ellipses = rawItems.filter((it) => it === "...").length;
  if (ellipses > 1) throw indexError("an index can only have a single ellipsis ('...')");
  if (used > ndim) throw indexError(`too many indices for tensor of dimension ${ndim}`);
  // a plain loop: `Array.from({ length })` costs more than the rest of a small index
  const fill: IndexItem[] = [];
  for (let i = used; i < ndim; i++) fill.push({});
  const items = ellipses ? rawItems.flatMap((it) => (it === "..." ? fill : [it])) : [...rawItems, ...fill];
  const view: Layout = { shape: [], strides: [], offset: base.offset };
  const advanced: Advanced[] = [];
  let d = 0;
  for (const item of items) {
    if (item === null) {
      view.shape.push(1);
      view.strides.push(0);
    } else if (typeof item === "number") {
      view.offset += intIndex(item, base.shape[d], d) * base.strides[d];
      d++;
    } else if (isSlice(item)) {
      const { start, length, step } = sliceRange(item, base.shape[d]);
      view.offset += start * base.strides[d];
      view.shape.push(length);
      view.strides.push(base.strides[d] * step);
      d++;
    } else if (item !== "...") {
      const t = Array.isArray(item)
        ? Tensor.fromValues(Float64Array.from(flatten(item)), shapeOfList(item), "int64")
        : item;
      if (t.dtype === "bool" && t.ndim === 0) {
        // x[True] adds a dimension of size 1, x[False] one of size 0.
        view.shape.push(t.item() !== 0 ? 1 : 0);
        view.strides.push(0);
      } else if (t.dtype === "bool") {
        const parts = maskToIndices(t, base.shape, d);
        for (const idx of parts) {
          advanced.push({ dim: view.shape.length, index: idx });
          view.shape.push(base.shape[d]);
          view.strides.push(base.strides[d]);
          d++;
        }
      } else {
        if (t.dtype !== "int64")
          throw indexError("tensors used as indices must be long, int, byte or bool tensors");
        advanced.push({ dim: view.shape.length, index: t });
        view.shape.push(base.shape[d]);
        view.strides.push(base.strides[d]);
        d++;
      }
    }
  }
  return { view, advanced };
}

function flatten(list: unknown): number[] {
  return Array.isArray(list) ? list.flatMap(flatten) : [list as number];
}

function shapeOfList(list: unknown): number[] {
  const shape: number[] = [];
  let x = list;
  while (Array.isArray(x)) {
    shape.push(x.length);
    x = x[0];
  }
  return shape;
}

/**
 * The result shape of advanced indexing on `view`, and for each result element its position
 * in the view's storage (row-major).
 */
function advancedPositions(
  view: Layout,
  advanced: readonly Advanced[],
): { shape: number[]; positions: Float64Array } {
  const plan = advancedPlan(view, advanced);
  const positions = new Float64Array(plan.total);
  plan.forEach((o, p) => (positions[o] = p));
  return { shape: plan.shape, positions };
}

/** Advanced indexing's result shape and a walk over its elements' storage positions. */
interface AdvancedPlan {
  shape: number[];
  total: number;
  /** Calls `visit(o, p)` for each result element `o` (row-major) at storage position `p`. */
  forEach(visit: (o: number, p: number) => void): void;
}

/**
 * Plans advanced indexing on `view` without materialising a position per result element:
 * `emb = C[Xtr]` over a whole training set has tens of millions of them, and an array of their
 * positions would take twice the result's own memory (float32) for nothing.
 */
function advancedPlan(view: Layout, advanced: readonly Advanced[]): AdvancedPlan {
  let iShape: number[] = [];
  try {
    for (const a of advanced) iShape = broadcastShapes(iShape, a.index.shape);
  } catch {
    // PyTorch's words for index tensors that do not broadcast together
    const shapes = advanced.map((a) => `[${a.index.shape.join(", ")}]`).join(", ");
    throw indexError(
      `shape mismatch: indexing tensors could not be broadcast together with shapes ${shapes}`,
    );
  }
  const iCount = numelOf(iShape);
  const advOffset = new Float64Array(iCount);
  for (const a of advanced) {
    const idx = expandValues(a.index, iShape);
    const size = view.shape[a.dim];
    for (let k = 0; k < iCount; k++) advOffset[k] += intIndex(idx[k], size, a.dim) * view.strides[a.dim];
  }
  const advDims = advanced.map((a) => a.dim);
  const adjacent = advDims.every((dim, i) => i === 0 || dim === advDims[i - 1] + 1);
  // Result layout as groups: plain view dims, and the broadcast index block as one group.
  type Group = { size: number; stride: number } | "index";
  const rest: { size: number; stride: number }[] = [];
  let insertAt = 0;
  view.shape.forEach((size, dim) => {
    if (advDims.includes(dim)) return;
    if (adjacent && dim < advDims[0]) insertAt++;
    rest.push({ size, stride: view.strides[dim] });
  });
  const groups: Group[] = [...rest];
  groups.splice(adjacent ? insertAt : 0, 0, "index");
  const shape = groups.flatMap((g) => (g === "index" ? iShape : [g.size]));
  const sizes = groups.map((g) => (g === "index" ? iCount : g.size));
  const total = numelOf(sizes);
  const forEach = (visit: (o: number, p: number) => void): void => {
    const counter = new Array<number>(groups.length).fill(0);
    for (let o = 0; o < total; o++) {
      let p = view.offset;
      for (let gi = 0; gi < groups.length; gi++) {
        const g = groups[gi];
        p += g === "index" ? advOffset[counter[gi]] : counter[gi] * g.stride;
      }
      visit(o, p);
      for (let gi = groups.length - 1; gi >= 0; gi--) {
        if (++counter[gi] < sizes[gi]) break;
        counter[gi] = 0;
      }
    }
  };
  return { shape, total, forEach };
}

/** Adds `g` (shaped like the basic view) into a zero tensor of `shape` through the logical view. */
function scatterView(g: Tensor, shape: readonly number[], logical: Layout): Tensor {
  const out = new Float64Array(numelOf(shape));
  const gv = g.values();
  const nd = logical.shape.length;
  const inner = nd > 0 ? logical.strides[nd - 1] : 0;
  forEachRow(logical.shape, [logical.strides], [logical.offset], (o, [s], len) => {
    for (let j = 0; j < len; j++) out[s + j * inner] += gv[o + j];
  });
  return Tensor.fromValues(out, shape, g.dtype);
}

/**
 * `x[items]`: `items` holds what Python put between the brackets, as a tuple would
 * (`x[1]` is `[1]`, `x[1, ::2]` is `[1, { step: 2 }]`, `x[[0, 2]]` is `[[0, 2]]`).
 */
export function index(t: Tensor, list: readonly IndexItem[]): Tensor {
  if (t.ndim === 0 && list.some((it) => typeof it === "number"))
    throw indexError(
      "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number",
    );
  const actual = resolve({ shape: [...t.shape], strides: [...t.strides], offset: t.offset }, list);
  const shape = t.shape;
  // The same index in t's contiguous layout is for the gradient only: resolved when a backward
  // asks, unless an item is a list or a tensor (those are read now, as they are now).
  const logicalOf = () => resolve({ shape: [...shape], strides: contiguousStrides(shape), offset: 0 }, list);
  const plain = list.every((it) => it === null || typeof it !== "object" || isSlice(it));
  const eager = plain ? null : logicalOf();
  if (actual.advanced.length === 0) {
    const out = makeView(t, actual.view.shape, actual.view.strides, actual.view.offset);
    return record(out, basicOpName(list), [t], (g) => [scatterView(g, shape, (eager ?? logicalOf()).view)], [
      "∂x[i]/∂x: the gradient placed at the indexed positions, 0 elsewhere",
    ]);
  }
  const picked = advancedPlan(actual.view, actual.advanced);
  const data = t.storage.data;
  // a float32 tensor's values are float32 already: gathered straight into a Float32Array (4
  // bytes an element, as PyTorch's), not through a Float64Array twice the size
  const values = storesFloat32(t.dtype) ? new Float32Array(picked.total) : new Float64Array(picked.total);
  picked.forEach((o, p) => (values[o] = data[p]));
  const out =
    values instanceof Float32Array
      ? new Tensor(new Storage(values), picked.shape, contiguousStrides(picked.shape), 0, t.dtype)
      : Tensor.fromValues(values, picked.shape, t.dtype);
  return record(
    out,
    "index",
    [t],
    (g) => {
      const r = new Float64Array(t.numel);
      const gv = g.values();
      // planned again here, not kept: under no_grad (evaluating a split) nothing of it is needed
      const logical = eager ?? logicalOf();
      // one add at a time in the picked order, rounded to the dtype, as PyTorch's index_put_
      // with accumulate=True (a float32 sum kept in double differs in the last digit)
      const plan = advancedPlan(logical.view, logical.advanced);
      if (isSinglePrecision(g.dtype)) plan.forEach((o, p) => (r[p] = Math.fround(r[p] + gv[o])));
      else plan.forEach((o, p) => (r[p] += gv[o]));
      return [Tensor.fromValues(r, shape, g.dtype)];
    },
    ["∂x[idx]/∂x: the gradient added at each picked position (repeats accumulate)"],
  );
}

/**
 * Where `x[items]` lands in a layout: the indexed shape and, for each of its elements, the
 * storage position (row-major over the indexed shape).
 */
function positionsOf(base: Layout, list: readonly IndexItem[]): { shape: number[]; positions: Float64Array } {
  const { view, advanced } = resolve(base, list);
  if (advanced.length > 0) return advancedPositions(view, advanced);
  const positions = new Float64Array(numelOf(view.shape));
  const nd = view.shape.length;
  const inner = nd > 0 ? view.strides[nd - 1] : 0;
  forEachRow(view.shape, [view.strides], [view.offset], (o, [s], len) => {
    for (let j = 0; j < len; j++) positions[o + j] = s + j * inner;
  });
  return { shape: view.shape, positions };
}

/**
 * The value as PyTorch assigns it: leading size-1 dims beyond the indexed shape's are dropped
 * first (so a [1, 27] row fits a [27] slot), then it must broadcast.
 */
function assignedValue(v: Tensor, shape: readonly number[]): Tensor {
  let drop = 0;
  while (v.ndim - drop > shape.length && v.shape[drop] === 1) drop++;
  return drop === 0 ? v : Tensor.fromValues(v.copyValues(), v.shape.slice(drop), v.dtype);
}

function checkValueShape(v: Tensor, shape: readonly number[]): void {
  const fits =
    v.ndim <= shape.length && v.shape.every((d, i) => d === 1 || d === shape[shape.length - v.ndim + i]);
  if (!fits)
    throw runtimeError(
      `shape mismatch: value tensor of shape [${v.shape.join(", ")}] cannot be broadcast to indexing result of shape [${shape.join(", ")}]`,
    );
}

/**
 * Out-of-place `x[items] = v` (PyTorch's index_put): a copy of x with the indexed elements
 * replaced. The gradient reaches x everywhere except there, and v from there.
 */
export function indexPut(x: Tensor, list: readonly IndexItem[], value: TensorLike): Tensor {
  const v = asTensor(value);
  const { shape, positions } = positionsOf(
    { shape: [...x.shape], strides: contiguousStrides(x.shape), offset: 0 },
    list,
  );
  const vs = assignedValue(v, shape);
  checkValueShape(vs, shape);
  const out = x.copyValues();
  const vals = expandValues(vs, shape);
  for (let i = 0; i < positions.length; i++) out[positions[i]] = vals[i];
  return record(
    Tensor.fromValues(out, x.shape, x.dtype),
    "index_put",
    [x, v],
    (g, needs) => {
      const gv = g.values();
      let gx: Tensor | null = null;
      let gVal: Tensor | null = null;
      if (needs[0]) {
        const r = float64Copy(gv);
        for (let i = 0; i < positions.length; i++) r[positions[i]] = 0;
        gx = Tensor.fromValues(r, x.shape, g.dtype);
      }
      if (needs[1]) {
        const picked = Float64Array.from(positions, (p) => gv[p]);
        const reduced = gradFor(Tensor.fromValues(picked, shape, g.dtype), vs);
        gVal = vs === v ? reduced : Tensor.fromValues(reduced.copyValues(), v.shape, g.dtype);
      }
      return [gx, gVal];
    },
    [
      "∂(x[i] = v)/∂x: 1 outside the assigned positions, 0 there",
      "∂(x[i] = v)/∂v: the gradient at the assigned positions",
    ],
  );
}

/** `x[items] = value` (in place, value broadcast to the indexed shape). */
export function setIndex(t: Tensor, list: readonly IndexItem[], value: TensorLike): void {
  const v = asTensor(value);
  if (inPlaceIsRecorded(t, [v])) {
    rebase(t, (old) => indexPut(old, list, v));
    return;
  }
  const { shape, positions } = positionsOf(
    { shape: [...t.shape], strides: [...t.strides], offset: t.offset },
    list,
  );
  const vs = assignedValue(v, shape);
  checkValueShape(vs, shape);
  const vals = Tensor.fromValues(expandValues(vs, shape), shape, t.dtype).storage.data;
  const data = t.storage.data;
  for (let i = 0; i < positions.length; i++) data[positions[i]] = vals[i];
  t.storage.version++;
}
