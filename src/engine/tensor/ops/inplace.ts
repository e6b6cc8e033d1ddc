import { isGradEnabled } from "../autograd/gradMode";
import { category, isFloating, roundToDtype, scalarTypeName } from "../dtype";
import { numelOf } from "../shapeMath";
import { Tensor } from "../tensor";
import { runtimeError } from "../tensorError";
import { Binary, binaryValues } from "./binaryKernel";
import { expandValues, forEachRow } from "./broadcast";
import { asTensor, resultType, type TensorLike } from "./operand";

/**
 * In-place operations (`x -= lr * g`, `x.zero_()`, `x[i] = v`). They write through the view's
 * strides and bump the storage version, so a graph that saved the old values refuses to use
 * them. While recording, PyTorch forbids them on leaves that require grad; GradLens also does
 * not record them on other tensors that require grad (it would have to rewrite the graph), and
 * says so instead of computing a wrong gradient.
 */

export function checkInPlace(t: Tensor, operands: readonly Tensor[]): void {
  if (!isGradEnabled()) return;
  if (t.requiresGrad && t.isLeaf)
    throw runtimeError("a leaf Variable that requires grad is being used in an in-place operation.");
  if (t.requiresGrad || operands.some((o) => o.requiresGrad))
    throw runtimeError(
      "GradLens does not record in-place operations on tensors that require grad; write `x = x + y` instead of `x += y` (or run it under torch.no_grad())",
    );
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

function binaryInPlace(code: Binary, t: Tensor, y: TensorLike, floatResult = false): Tensor {
  const other = asTensor(y);
  checkInPlace(t, [other]);
  checkCast(t, other, floatResult);
  const { values, shape } = binaryValues(code, t, other);
  if (numelOf(shape) !== t.numel || shape.length > t.ndim)
    throw runtimeError(
      `output with shape [${t.shape.join(", ")}] doesn't match the broadcast shape [${shape.join(", ")}]`,
    );
  writeValues(t, values);
  return t;
}

export const addInPlace = (t: Tensor, y: TensorLike) => binaryInPlace(Binary.Add, t, y);
export const subInPlace = (t: Tensor, y: TensorLike) => binaryInPlace(Binary.Sub, t, y);
export const mulInPlace = (t: Tensor, y: TensorLike) => binaryInPlace(Binary.Mul, t, y);
export const divInPlace = (t: Tensor, y: TensorLike) => binaryInPlace(Binary.Div, t, y, true);

/** `x.copy_(src)`: src broadcast into x, converted to x's type. */
export function copyInPlace(t: Tensor, src: TensorLike): Tensor {
  const s = asTensor(src);
  checkInPlace(t, [s]);
  writeValues(t, expandValues(s, t.shape));
  return t;
}

export function fillInPlace(t: Tensor, value: number): Tensor {
  checkInPlace(t, []);
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
  return t;
}

/** Assigning `x.data = other`: x now looks at other's storage (same autograd identity). */
export function setData(t: Tensor, other: Tensor): void {
  t.storage = other.storage;
  t.shape = [...other.shape];
  t.strides = [...other.strides];
  t.offset = other.offset;
  t.dtype = other.dtype;
}

/** Assigning `x.grad = g` (or None): PyTorch checks the shape. */
export function setGrad(t: Tensor, g: Tensor | null): void {
  if (g !== null && (g.ndim !== t.ndim || g.shape.some((d, i) => d !== t.shape[i])))
    throw runtimeError("assigned grad has data of a different size");
  t.grad = g;
}
