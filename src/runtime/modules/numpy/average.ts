import { int, PyTuple, type Kwargs, type PyValue } from "../../interpreter/objects";
import { PyError, typeError, valueError } from "../../interpreter/pyErrors";
import { callMethod } from "./arrayMethods";
import { binaryFunction } from "./binaryUfuncs";
import { asArray, intOf, normalizeAxis } from "./convert";
import { NdArray, NpScalar } from "./ndarray";
import { isFloat, type NpDtype } from "./npDtype";
import type { NumpyState } from "./numpyState";
import { reshape } from "./shapes";

/**
 * `np.average(a, axis=None, weights=None, returned=False)`: the mean, or `(a * w).sum(axis) /
 * w.sum(axis)` in the operands' common float type (float64 for integers), as numpy computes it;
 * 1-d weights along `axis` when the shapes differ. Built from the array operations, so a
 * weighted average of tracked values is on the graph like any other.
 */
export function average(
  s: NumpyState,
  aArg: PyValue,
  axisArg: PyValue | undefined,
  weightsArg: PyValue | undefined,
  returned: boolean,
): PyValue {
  const a = asArray(s, aArg);
  const axis = axisArg === undefined || axisArg === null ? null : normalizeAxis(s, intOf(axisArg), a.ndim);
  const axisKw: Kwargs = axis === null ? null : new Map([["axis", int(axis)]]);
  if (weightsArg === undefined || weightsArg === null) {
    const avg = callMethod(s, "mean", a, [], axisKw);
    if (!returned) return avg;
    // how many values each average is over, shaped and typed like the average
    const count = axis === null ? a.size : a.shape[axis];
    const dtype = avg instanceof NdArray || avg instanceof NpScalar ? avg.dtype : "float64";
    const shape = avg instanceof NdArray ? avg.shape : [];
    const scl =
      shape.length === 0
        ? s.scalarOf(count, dtype)
        : s.fresh(new Float64Array(shape.reduce((p, d) => p * d, 1)).fill(count), shape, dtype);
    return new PyTuple([avg, scl]);
  }
  const raw = asArray(s, weightsArg);
  const dtype: NpDtype =
    isFloat(a.dtype) && isFloat(raw.dtype) && a.dtype === "float32" && raw.dtype === "float32"
      ? "float32"
      : "float64";
  let w = asArray(s, raw, dtype);
  const x = asArray(s, a, dtype);
  if (w.ndim !== x.ndim || w.shape.some((d, i) => d !== x.shape[i])) {
    if (axis === null) throw typeError("Axis must be specified when shapes of a and weights differ.");
    if (w.ndim !== 1) throw typeError("1D weights expected when shapes of a and weights differ.");
    if (w.shape[0] !== x.shape[axis])
      throw valueError("Length of weights not compatible with specified axis.");
    w = reshape(
      s,
      w,
      x.shape.map((d, i) => (i === axis ? d : 1)),
    );
  }
  const scl = callMethod(s, "sum", w, [], axisKw);
  const zero = binaryFunction(s, "equal", scl, 0);
  if (isTrue(s, zero)) throw new PyError("ZeroDivisionError", "Weights sum to zero, can't be normalized");
  const total = callMethod(s, "sum", asArray(s, binaryFunction(s, "multiply", x, w)), [], axisKw);
  const avg = binaryFunction(s, "divide", total, scl);
  return returned ? new PyTuple([avg, scl]) : avg;
}

function isTrue(s: NumpyState, v: PyValue): boolean {
  return (
    (v instanceof NdArray || v instanceof NpScalar) &&
    s
      .current(v)
      .values()
      .some((x) => x !== 0)
  );
}
