import { isGradEnabled } from "../autograd/gradMode";
import { record } from "../autograd/gradNode";
import { category, isFloating, roundToDtype, scalarTypeName } from "../dtype";
import { broadcastShapes, contiguousStrides, numelOf } from "../shapeMath";
import { Storage, Tensor } from "../tensor";
import { runtimeError } from "../tensorError";
import { armLeafMove, storageWritten } from "../leafMoves";
import { Binary, binaryValues } from "./binaryKernel";
import { expandValues, forEachRow, gradFor } from "./broadcast";
import { add, div, mul, sub } from "./elementwise";
import { asTensor, resultType, type TensorLike } from "./operand";

/**
 * In-place operations (`x -= lr * g`, `x.zero_()`, `x[i] = v`). They write through the view's
 * strides and bump the storage version, so a graph that saved the old values refuses to use
 * them. While recording, PyTorch forbids them on leaves that require grad; on other tensors
 * they are recorded by rebasing the history: the old value keeps its place in the graph and
 * the tensor object continues as the result (`loss += l` in a loop works as in PyTorch).
 */

/**
 * Whether an in-place operation on `t` must be recorded, with PyTorch's refusal for leaves.
 * GradLens does not track which views share a storage, so it refuses to record one on a view
 * (or a tensor with views) rather than leave the other views' history wrong.
 */
export function inPlaceIsRecorded(t: Tensor, operands: readonly Tensor[]): boolean {
  if (!isGradEnabled()) return false;
  if (t.requiresGrad && t.isLeaf)
    throw runtimeError("a leaf Variable that requires grad is being used in an in-place operation.");
  if (!t.requiresGrad && !operands.some((o) => o.requiresGrad)) return false;
  if (t.storage.shared)
    throw runtimeError(
      "GradLens does not record in-place operations on a view (or a tensor that has views) when gradients are involved; write `x = x + y` instead of `x += y`",
    );
  return true;
}

/**
 * Records `t ← op(t, …)`: a snapshot of the old value takes over t's place in the graph (its id
 * and grad_fn), `compute` makes the out-of-place result from it with its VJP, and t continues
 * with the result's values, grad_fn and id.
 */
export function rebase(t: Tensor, compute: (old: Tensor) => Tensor): Tensor {
  const old = new Tensor(new Storage(t.copyValues()), t.shape, contiguousStrides(t.shape), 0, t.dtype);
  old.id = t.id;
  old.gradFn = t.gradFn;
  old.requiresGrad = t.requiresGrad;
  const result = compute(old);
  writeValues(t, result.copyValues());
  t.id = result.id;
  t.gradFn = result.gradFn;
  t.requiresGrad = result.requiresGrad;
  return t;
}

/** Writes row-major `values` (already shaped like t) into t's elements and bumps its version. */
export function writeValues(t: Tensor, values: Float64Array): void {
  roundToDtype(values, t.dtype);
  const data = t.storage.data;
  const nd = t.ndim;
  const inner = nd > 0 ? t.strides[nd - 1] : 0;
  forEachRow(t.shape, [t.strides], [t.offset], (o, [s], len) => {
    for (let j = 0; j < len; j++) data[s + j * inner] = values[o + j];
  });
  t.storage.version++;
}

function checkCast(t: Tensor, other: Tensor, floatResult = false): void {
  const r = floatResult && !isFloating(resultType([t, other])) ? "float32" : resultType([t, other]);
  if (category(r) > category(t.dtype))
    throw runtimeError(
      `result type ${scalarTypeName(r)} can't be cast to the desired output type ${scalarTypeName(t.dtype)}`,
    );
}

const OUT_OF_PLACE: Partial<Record<Binary, (a: Tensor, b: Tensor) => Tensor>> = {
  [Binary.Add]: add,
  [Binary.Sub]: sub,
  [Binary.Mul]: mul,
  [Binary.Div]: div,
};

function binaryInPlace(code: Binary, t: Tensor, y: TensorLike, floatResult = false): Tensor {
  const other = asTensor(y);
  checkCast(t, other, floatResult);
  const shape = broadcastShapes(t.shape, other.shape);
  if (numelOf(shape) !== t.numel || shape.length > t.ndim)
    throw runtimeError(
      `output with shape [${t.shape.join(", ")}] doesn't match the broadcast shape [${shape.join(", ")}]`,
    );
  const op = OUT_OF_PLACE[code];
  if (op !== undefined && inPlaceIsRecorded(t, [other])) return rebase(t, (old) => op(old, other));
  const computeType = floatResult && !isFloating(resultType([t, other])) ? "float32" : resultType([t, other]);
  writeValues(t, binaryValues(code, t, other, computeType).values);
  return t;
}

export const addInPlace = (t: Tensor, y: TensorLike) => binaryInPlace(Binary.Add, t, y);
export const subInPlace = (t: Tensor, y: TensorLike) => binaryInPlace(Binary.Sub, t, y);
export const mulInPlace = (t: Tensor, y: TensorLike) => binaryInPlace(Binary.Mul, t, y);
export const divInPlace = (t: Tensor, y: TensorLike) => binaryInPlace(Binary.Div, t, y, true);

/** `x.copy_(src)`: src broadcast into x, converted to x's type. */
export function copyInPlace(t: Tensor, src: TensorLike): Tensor {
  const s = asTensor(src);
  if (inPlaceIsRecorded(t, [s]))
    return rebase(t, (old) =>
      record(
        Tensor.fromValues(expandValues(s, t.shape), t.shape, t.dtype),
        "copy_",
        [old, s],
        (g, needs) => [
          needs[0] ? Tensor.fromValues(new Float64Array(g.numel), g.shape, g.dtype) : null,
          needs[1] ? gradFor(g, s) : null,
        ],
        ["∂copy_(a, src)/∂a = 0", "∂copy_(a, src)/∂src = 1"],
      ),
    );
  writeValues(t, expandValues(s, t.shape));
  return t;
}

export function fillInPlace(t: Tensor, value: number): Tensor {
  if (inPlaceIsRecorded(t, []))
    return rebase(t, (old) =>
      record(
        Tensor.fromValues(new Float64Array(t.numel).fill(value), t.shape, t.dtype),
        "fill_",
        [old],
        (g) => [Tensor.fromValues(new Float64Array(g.numel), g.shape, g.dtype)],
        ["∂fill_(a)/∂a = 0"],
      ),
    );
  writeValues(t, new Float64Array(t.numel).fill(value));
  return t;
}

export function zeroInPlace(t: Tensor): Tensor {
  return fillInPlace(t, 0);
}

/** `x.requires_grad_(flag)`, with PyTorch's two refusals. */
export function requiresGradInPlace(t: Tensor, flag = true): Tensor {
  if (flag && !isFloating(t.dtype))
    throw runtimeError("only Tensors of floating point dtype can require gradients");
  if (!t.isLeaf && !flag)
    throw runtimeError(
      "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().",
    );
  t.requiresGrad = flag || !t.isLeaf;
  if (flag && t.isLeaf) armLeafMove(t);
  return t;
}

/** Assigning `x.data = other`: x now looks at other's storage (same autograd identity). */
export function setData(t: Tensor, other: Tensor): void {
  t.storage = other.storage;
  t.shape = [...other.shape];
  t.strides = [...other.strides];
  t.offset = other.offset;
  t.dtype = other.dtype;
  storageWritten(t.storage);
}

/** Assigning `x.grad = g` (or None): PyTorch checks the shape. */
export function setGrad(t: Tensor, g: Tensor | null): void {
  if (g !== null && (g.ndim !== t.ndim || g.shape.some((d, i) => d !== t.shape[i])))
    throw runtimeError("assigned grad has data of a different size");
  t.grad = g;
}
