import { record } from "../autograd/gradNode";
import {
  contiguousStrides,
  formatShape,
  inferShape,
  normalizeDim,
  normalizeDims,
  sameShape,
} from "../shapeMath";
import { Storage, Tensor } from "../tensor";
import { runtimeError } from "../tensorError";
import { sumToShape } from "./broadcast";

/**
 * Operations that only change how a storage is looked at. Where PyTorch returns a view we do
 * too (same storage, new shape/strides/offset); the VJP of each is the inverse re-indexing.
 */

/** A view the program gets to hold: its storage is then shared, which in-place recording must know. */
export function makeView(
  a: Tensor,
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
): Tensor {
  a.storage.shared = true;
  return internalView(a, shape, strides, offset);
}

/** A view used only inside an operation (never handed to the program). */
export function internalView(
  a: Tensor,
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
): Tensor {
  return new Tensor(a.storage, [...shape], [...strides], offset, a.dtype);
}

/**
 * Strides that let `shape` view the same elements as (oldShape, oldStrides) in row-major
 * order, or null when a copy is needed. Old dimensions are grouped into runs that are laid
 * out contiguously with respect to one another; each run must be split exactly by new ones.
 */
export function viewStrides(
  oldShape: readonly number[],
  oldStrides: readonly number[],
  shape: readonly number[],
): number[] | null {
  const chunks: { size: number; inner: number }[] = [];
  let prev = -1;
  for (let k = 0; k < oldShape.length; k++) {
    if (oldShape[k] === 1) continue;
    if (prev >= 0 && oldStrides[prev] === oldStrides[k] * oldShape[k]) {
      const c = chunks[chunks.length - 1];
      c.size *= oldShape[k];
      c.inner = oldStrides[k];
    } else chunks.push({ size: oldShape[k], inner: oldStrides[k] });
    prev = k;
  }
  if (oldShape.includes(0)) return contiguousStrides(shape);
  const strides = new Array<number>(shape.length);
  let c = chunks.length - 1;
  let stride = c >= 0 ? chunks[c].inner : 1;
  let left = c >= 0 ? chunks[c].size : 1;
  for (let j = shape.length - 1; j >= 0; j--) {
    const d = shape[j];
    if (d === 1) {
      strides[j] = stride;
      continue;
    }
    if (left === 1) {
      c--;
      if (c < 0) return null;
      stride = chunks[c].inner;
      left = chunks[c].size;
    }
    if (left % d !== 0) return null;
    strides[j] = stride;
    stride *= d;
    left /= d;
  }
  return left === 1 && c <= 0 ? strides : null;
}

function reshapeRecord(a: Tensor, out: Tensor, op: string): Tensor {
  const shape = a.shape;
  return record(out, op, [a], (g) => [reshape(g, shape)], [
    `∂${op}(a)/∂a: the gradient reshaped back to ${formatShape(shape)}`,
  ]);
}

/** `x.reshape(shape)`: a view when the layout allows, else a copy. One `-1` is inferred. */
export function reshape(a: Tensor, shape: readonly number[]): Tensor {
  const target = inferShape(shape, a.numel);
  if (sameShape(target, a.shape) && a.isContiguous())
    return reshapeRecord(a, makeView(a, target, a.strides, a.offset), "reshape");
  const strides = viewStrides(a.shape, a.strides, target);
  const out =
    strides !== null
      ? makeView(a, target, strides, a.offset)
      : Tensor.fromValues(a.copyValues(), target, a.dtype);
  return reshapeRecord(a, out, "reshape");
}

/** `x.view(shape)`: like reshape, but an error where PyTorch would have to copy. */
export function view(a: Tensor, shape: readonly number[]): Tensor {
  const target = inferShape(shape, a.numel);
  const strides = viewStrides(a.shape, a.strides, target);
  if (strides === null)
    throw runtimeError(
      "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.",
    );
  return reshapeRecord(a, makeView(a, target, strides, a.offset), "view");
}

export function flatten(a: Tensor, startDim = 0, endDim = -1): Tensor {
  if (a.ndim === 0) return reshape(a, [1]);
  const s = normalizeDim(startDim, a.ndim);
  const e = normalizeDim(endDim, a.ndim);
  if (s > e) throw runtimeError("flatten() has invalid args: start_dim cannot come after end_dim");
  const shape = [
    ...a.shape.slice(0, s),
    a.shape.slice(s, e + 1).reduce((p, d) => p * d, 1),
    ...a.shape.slice(e + 1),
  ];
  return reshape(a, shape);
}

/** `x.permute(dims)`: a view with the dimensions reordered. */
export function permute(a: Tensor, dims: readonly number[]): Tensor {
  if (dims.length !== a.ndim)
    throw runtimeError(
      `permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = ${a.ndim} is not equal to len(dims) = ${dims.length}`,
    );
  const order = dims.map((d) => normalizeDim(d, a.ndim));
  for (let i = 1; i < order.length; i++)
    if (order.lastIndexOf(order[i], i - 1) >= 0)
      throw runtimeError("permute(): duplicate dims are not allowed.");
  const out = makeView(
    a,
    order.map((d) => a.shape[d]),
    order.map((d) => a.strides[d]),
    a.offset,
  );
  const inverse = new Array<number>(order.length);
  order.forEach((d, i) => (inverse[d] = i));
  return record(out, "permute", [a], (g) => [permute(g, inverse)], permuteRules(inverse));
}

/** A matrix's `.T` in a training loop permutes every step: its two rules are made once. */
const MATRIX_PERMUTE_RULES = [permuteRule([0, 1]), permuteRule([1, 0])];

function permuteRule(inverse: readonly number[]): readonly string[] {
  return [`∂permute(a)/∂a: the gradient permuted back by (${inverse.join(", ")})`];
}

function permuteRules(inverse: readonly number[]): readonly string[] {
  return inverse.length === 2 ? MATRIX_PERMUTE_RULES[inverse[0]] : permuteRule(inverse);
}

/** `x.transpose(d0, d1)`: a view with two dimensions swapped. */
export function transpose(a: Tensor, dim0: number, dim1: number): Tensor {
  if (a.ndim === 0) {
    normalizeDim(dim0, 0);
    normalizeDim(dim1, 0);
    return record(makeView(a, [], [], a.offset), "transpose", [a], (g) => [g], [
      "∂aᵀ/∂a: the gradient transposed back",
    ]);
  }
  const d0 = normalizeDim(dim0, a.ndim);
  const d1 = normalizeDim(dim1, a.ndim);
  const shape = [...a.shape];
  const strides = [...a.strides];
  [shape[d0], shape[d1]] = [shape[d1], shape[d0]];
  [strides[d0], strides[d1]] = [strides[d1], strides[d0]];
  return record(makeView(a, shape, strides, a.offset), "transpose", [a], (g) => [transpose(g, d0, d1)], [
    `∂transpose(a, ${d0}, ${d1})/∂a: the gradient transposed back`,
  ]);
}

/** `x.t()`: transpose of a tensor with at most 2 dimensions. */
export function t(a: Tensor): Tensor {
  if (a.ndim > 2) throw runtimeError(`t() expects a tensor with <= 2 dimensions, but self is ${a.ndim}D`);
  return a.ndim < 2 ? transpose(a, 0, 0) : transpose(a, 0, 1);
}

/** `x.T`: all dimensions reversed. */
export function T(a: Tensor): Tensor {
  return permute(
    a,
    a.shape.map((_, i) => a.ndim - 1 - i),
  );
}

export function unsqueeze(a: Tensor, dim: number): Tensor {
  const d = normalizeDim(dim, a.ndim + 1);
  const shape = [...a.shape];
  const strides = [...a.strides];
  const stride = d < a.ndim ? a.strides[d] * a.shape[d] : 1;
  shape.splice(d, 0, 1);
  strides.splice(d, 0, stride);
  const inShape = a.shape;
  return record(makeView(a, shape, strides, a.offset), "unsqueeze", [a], (g) => [reshape(g, inShape)], [
    `∂unsqueeze(a, ${d})/∂a: the gradient with dimension ${d} removed`,
  ]);
}

/** `x.squeeze()` / `x.squeeze(dim)`: drops size-1 dimensions (a named one that is not size 1 stays). */
export function squeeze(a: Tensor, dim?: number | readonly number[] | null): Tensor {
  const dims = dim === undefined || dim === null ? null : normalizeDims(dim, a.ndim);
  const shape: number[] = [];
  const strides: number[] = [];
  for (let i = 0; i < a.ndim; i++) {
    if (a.shape[i] === 1 && (dims === null || dims.includes(i))) continue;
    shape.push(a.shape[i]);
    strides.push(a.strides[i]);
  }
  const inShape = a.shape;
  return record(makeView(a, shape, strides, a.offset), "squeeze", [a], (g) => [reshape(g, inShape)], [
    `∂squeeze(a${dims === null ? "" : `, dim=${dims.join(", ")}`})/∂a: the gradient reshaped back to ${formatShape(inShape)}`,
  ]);
}

/** `x.expand(shape)`: size-1 dimensions repeated without copying (stride 0); −1 keeps a size. */
export function expand(a: Tensor, shape: readonly number[]): Tensor {
  if (shape.length < a.ndim)
    throw runtimeError(
      `expand(torch.DoubleTensor{${formatShape(a.shape)}}, size=${formatShape(shape)}): the number of sizes provided (${shape.length}) must be greater or equal to the number of dimensions in the tensor (${a.ndim})`,
    );
  const shift = shape.length - a.ndim;
  const outShape: number[] = [];
  const strides: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    const j = i - shift;
    const have = j >= 0 ? a.shape[j] : 1;
    const want = shape[i] === -1 && j >= 0 ? have : shape[i];
    if (want === -1)
      throw runtimeError(
        `The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension ${i}`,
      );
    if (have !== want && have !== 1)
      throw runtimeError(
        `The expanded size of the tensor (${want}) must match the existing size (${have}) at non-singleton dimension ${i}.  Target sizes: ${formatShape(shape)}.  Tensor sizes: ${formatShape(a.shape)}`,
      );
    outShape.push(want);
    strides.push(j >= 0 && have === want ? a.strides[j] : 0);
  }
  const inShape = a.shape;
  return record(makeView(a, outShape, strides, a.offset), "expand", [a], (g) => [sumToShape(g, inShape)], [
    `∂expand(a)/∂a: the gradient summed back to ${formatShape(inShape)}`,
  ]);
}

/** `x.contiguous()`: itself when already row-major, else a row-major copy. */
export function contiguous(a: Tensor): Tensor {
  if (a.isContiguous()) return a;
  return record(Tensor.fromValues(a.copyValues(), a.shape, a.dtype), "contiguous", [a], (g) => [g], [
    "∂contiguous(a)/∂a = 1",
  ]);
}

/** `x.detach()`: the same storage, cut from the graph. */
export function detach(a: Tensor): Tensor {
  const view = makeView(a, a.shape, a.strides, a.offset);
  view.cut = a.requiresGrad ? "detach" : a.cut;
  return view;
}

/**
 * `x.data`: the same memory cut from the graph, with its own version counter, so writing
 * through it (`w.data -= lr * w.grad`) does not invalidate values a graph saved — PyTorch's
 * escape hatch, with the same risk.
 */
export function dataOf(a: Tensor): Tensor {
  const data = new Tensor(
    new Storage(a.storage.data, a.storage),
    [...a.shape],
    [...a.strides],
    a.offset,
    a.dtype,
  );
  data.cut = a.requiresGrad ? "detach" : a.cut;
  return data;
}

/** `x.clone()`: a copy that stays in the graph. */
export function clone(a: Tensor): Tensor {
  return record(Tensor.fromValues(a.copyValues(), a.shape, a.dtype), "clone", [a], (g) => [g], [
    "∂clone(a)/∂a = 1",
  ]);
}
