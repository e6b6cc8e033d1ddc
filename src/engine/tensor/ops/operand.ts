import { category, type DType, getDefaultDtype, isFloating, promoteTypes } from "../dtype";
import { Tensor } from "../tensor";

/** An operand the interpreter may pass: a tensor, or a plain JS number (a Python float). */
export type TensorLike = Tensor | number;

/**
 * A Python number wrapped for an operation. `kind` says what Python held (a JS number cannot
 * tell `2` from `2.0`), which decides promotion: `int_tensor * 2` stays int64,
 * `int_tensor * 2.0` becomes the default float type.
 */
export function scalar(value: number, kind: "float" | "int" | "bool" = "float"): Tensor {
  const dtype: DType = kind === "float" ? "float64" : kind === "int" ? "int64" : "bool";
  const t = Tensor.fromValues(new Float64Array([value]), [], dtype);
  t.isWrappedNumber = true;
  return t;
}

export function asTensor(x: TensorLike): Tensor {
  return typeof x === "number" ? scalar(x) : x;
}

function defaultFor(cat: number): DType {
  return cat === 2 ? getDefaultDtype() : cat === 1 ? "int64" : "bool";
}

/**
 * PyTorch's result type: tensors with dimensions decide; a 0-d tensor or a wrapped number only
 * wins when it is of a higher category (bool < int < float), and a wrapped number then brings
 * its category's default type, not its own.
 */
export function resultType(operands: readonly Tensor[]): DType {
  let dims: DType | null = null;
  let zeroDim: DType | null = null;
  let wrapped: DType | null = null;
  for (const t of operands) {
    if (t.isWrappedNumber) wrapped = wrapped === null ? t.dtype : promoteTypes(wrapped, t.dtype);
    else if (t.ndim === 0) zeroDim = zeroDim === null ? t.dtype : promoteTypes(zeroDim, t.dtype);
    else dims = dims === null ? t.dtype : promoteTypes(dims, t.dtype);
  }
  let result = dims;
  if (zeroDim !== null && (result === null || category(zeroDim) > category(result))) result = zeroDim;
  if (wrapped !== null && (result === null || category(wrapped) > category(result)))
    result =
      dims === null && zeroDim === null && isFloating(wrapped) ? wrapped : defaultFor(category(wrapped));
  return result ?? getDefaultDtype();
}

/** The floating type an operation like `/` or `exp` computes in for these operands. */
export function floatResultType(operands: readonly Tensor[]): DType {
  const t = resultType(operands);
  return isFloating(t) ? t : getDefaultDtype();
}
