import { Storage, Tensor } from "../../../engine/tensor/index";
import * as T from "../../../engine/tensor/index";
import { PyInt, type PyValue } from "../../interpreter/objects";
import type { BinaryName } from "./binaryUfuncs";
import { checkFloatErrors } from "./fpErrors";
import { NpScalar } from "./ndarray";
import type { NumpyState } from "./numpyState";

/**
 * numpy's float64 scalar arithmetic on a short path: `np.float64 ∘ np.float64` and
 * `np.float64 ∘ float|int` for `+ − × ÷` and the comparisons. A program of its own Value class
 * over numpy data (micrograd's demo: every Value's data an `np.float64`) makes hundreds of
 * thousands of these a step. The result is the general path's (binaryUfuncs.ts) — the same
 * engine operation and graph node, the same tensors in the same order, numpy's warnings — without
 * its operand records, promotion tables and broadcasting: both operands are scalars, and a float64
 * scalar with a Python number (float64 or int64 to numpy 1.24) or another float64 is float64. A
 * Python int is made a float64 0-d tensor at once (the general path makes an int64 one first, which
 * nothing reads).
 */

/** The shape and strides of every 0-d tensor made here (never written: tensors' shapes are read-only). */
const NO_DIMS: readonly number[] = Object.freeze([]);

type Arithmetic = "add" | "subtract" | "multiply" | "divide";
type Comparison = "equal" | "not_equal" | "less" | "less_equal" | "greater" | "greater_equal";

const ARITHMETIC: Record<Arithmetic, (a: Tensor, b: Tensor) => Tensor> = {
  add: T.add,
  subtract: T.sub,
  multiply: T.mul,
  divide: T.div,
};

/** numpy's comparison ufuncs as engine operations (the general path's table too). */
export const COMPARISON_OPS: Record<Comparison, (a: Tensor, b: Tensor) => Tensor> = {
  equal: T.eq,
  not_equal: T.ne,
  less: T.lt,
  less_equal: T.le,
  greater: T.gt,
  greater_equal: T.ge,
};

/** A float64 numpy scalar: the operand that makes the operation numpy's float64 one. */
function isFloat64Scalar(v: PyValue): v is NpScalar {
  return v instanceof NpScalar && v.dtype === "float64";
}

/** A Python float or an int that fits a double exactly: a weak operand made float64 directly. */
function weakNumber(v: PyValue): number | null {
  if (typeof v === "number") return v;
  if (v instanceof PyInt && v.big === null && Number.isSafeInteger(v.v)) return v.v;
  return null;
}

/** A Python number as the 0-d float64 tensor an operation reads (a wrapped number: weak in promotion). */
function wrapped(x: number): Tensor {
  const values = new Float64Array(1);
  values[0] = x;
  const t = new Tensor(new Storage(values), NO_DIMS, NO_DIMS, 0, "float64");
  t.isWrappedNumber = true;
  return t;
}

/**
 * `x ∘ y` for float64 numpy scalars and Python numbers, or null when the operands or the
 * operation are not of this path's kind (the general path then computes it).
 */
export function float64ScalarBinary(
  s: NumpyState,
  name: BinaryName,
  x: PyValue,
  y: PyValue,
): NpScalar | null {
  const arithmetic = ARITHMETIC[name as Arithmetic];
  const comparison = arithmetic === undefined ? COMPARISON_OPS[name as Comparison] : undefined;
  if (arithmetic === undefined && comparison === undefined) return null;
  const xStrong = isFloat64Scalar(x);
  const yStrong = isFloat64Scalar(y);
  if (!xStrong && !yStrong) return null;
  const xn = xStrong ? 0 : weakNumber(x);
  const yn = yStrong ? 0 : weakNumber(y);
  if (xn === null || yn === null) return null;
  // x's tensor before y's, as the general path reads them
  const a = xStrong ? s.read(x) : wrapped(xn);
  const b = yStrong ? s.read(y) : wrapped(yn);
  if (comparison !== undefined) return s.scalar(comparison(a, b), "bool");
  const out = arithmetic(a, b);
  const v = out.storage.data[out.offset];
  if (v !== v || v === Infinity || v === -Infinity)
    checkFloatErrors(
      s,
      `scalar ${name}`, // numpy's warning names it so: `overflow encountered in scalar multiply`
      out,
      [a, b],
      name === "divide" ? (r, i) => r[1](i) === 0 : null,
    );
  return s.scalar(out, "float64");
}
