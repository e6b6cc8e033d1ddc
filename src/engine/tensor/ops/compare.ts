import { broadcastShapes } from "../shapeMath";
import { Tensor } from "../tensor";
import { expandValues } from "./broadcast";
import { Binary, binaryValues } from "./binaryKernel";
import { asTensor, resultType, type TensorLike } from "./operand";
import { isInteger, scalarTypeName } from "../dtype";
import { runtimeError } from "../tensorError";

/** Comparisons give bool tensors and no gradient (they are flat almost everywhere). */

function compare(code: Binary, x: TensorLike, y: TensorLike): Tensor {
  const a = asTensor(x);
  const b = asTensor(y);
  // compared in the common dtype: `x > 0.1` on float32 x compares with 0.1f
  const { values, shape } = binaryValues(code, a, b, resultType([a, b]));
  return Tensor.fromValues(values, shape, "bool");
}

export const eq = (a: TensorLike, b: TensorLike) => compare(Binary.Eq, a, b);
export const ne = (a: TensorLike, b: TensorLike) => compare(Binary.Ne, a, b);
export const lt = (a: TensorLike, b: TensorLike) => compare(Binary.Lt, a, b);
export const le = (a: TensorLike, b: TensorLike) => compare(Binary.Le, a, b);
export const gt = (a: TensorLike, b: TensorLike) => compare(Binary.Gt, a, b);
export const ge = (a: TensorLike, b: TensorLike) => compare(Binary.Ge, a, b);

/** `a & b`, `a | b`, `a ^ b`: logical on bools, bitwise on ints (floats refused, as PyTorch does). */
function bitwiseOp(code: Binary, name: string, x: TensorLike, y: TensorLike): Tensor {
  const a = asTensor(x);
  const b = asTensor(y);
  const dtype = resultType([a, b]);
  if (dtype !== "bool" && !isInteger(dtype))
    throw runtimeError(`"${name}_cpu" not implemented for '${scalarTypeName(dtype)}'`);
  const { values, shape } = binaryValues(code, a, b);
  return Tensor.fromValues(values, shape, dtype);
}

export const bitwiseAnd = (a: TensorLike, b: TensorLike) => bitwiseOp(Binary.And, "bitwise_and", a, b);
export const bitwiseOr = (a: TensorLike, b: TensorLike) => bitwiseOp(Binary.Or, "bitwise_or", a, b);
export const bitwiseXor = (a: TensorLike, b: TensorLike) => bitwiseOp(Binary.Xor, "bitwise_xor", a, b);

/** `~mask` / `logical_not`. */
export function logicalNot(a: Tensor): Tensor {
  const v = a.copyValues();
  for (let i = 0; i < v.length; i++) v[i] = v[i] === 0 ? 1 : 0;
  return Tensor.fromValues(v, a.shape, "bool");
}

/** `torch.equal`: same shape and same elements. */
export function equal(a: Tensor, b: Tensor): boolean {
  if (a.ndim !== b.ndim || a.shape.some((d, i) => d !== b.shape[i])) return false;
  const x = a.values();
  const y = b.values();
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** `torch.allclose(a, b, rtol=1e-05, atol=1e-08)`: |a − b| ≤ atol + rtol·|b| everywhere (broadcast). */
export function allclose(a: Tensor, b: Tensor, rtol = 1e-5, atol = 1e-8): boolean {
  const shape = broadcastShapes(a.shape, b.shape);
  const x = expandValues(a, shape);
  const y = expandValues(b, shape);
  for (let i = 0; i < x.length; i++)
    if (!(Math.abs(x[i] - y[i]) <= atol + rtol * Math.abs(y[i]))) return false;
  return true;
}
