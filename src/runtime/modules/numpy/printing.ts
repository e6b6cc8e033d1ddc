import { arrayRepr, arrayStr } from "./arrayPrint";
import { scalarFloatText } from "./floatDigits";
import type { NdArray, NpScalar } from "./ndarray";
import { isFloat, type NpDtype } from "./npDtype";
import type { NumpyState } from "./numpyState";

/**
 * The text of numpy values. Arrays print as numpy 1.14+ prints them. Scalars print as numpy
 * 1.24 (the numpy Debian installs beside PyTorch 1.13) prints them: `str` and `repr` are both the
 * bare number (`0.5`, `3`, `True`), so `print([a.sum(), b.max()])` shows `[0.5, 3]`; numpy 2's
 * repr names the type (`np.float64(0.5)`), which programs written for numpy 1 do not expect.
 */

/** `str(np.float64(x))` and the text of one element of any dtype. */
export function scalarText(x: number, dtype: NpDtype): string {
  if (dtype === "bool") return x !== 0 ? "True" : "False";
  if (isFloat(dtype)) return scalarFloatText(x, dtype === "float32");
  return Number.isSafeInteger(x) ? String(x) : BigInt(x).toString();
}

export function scalarStr(v: NpScalar): string {
  return scalarText(v.value, v.dtype);
}

export function scalarRepr(v: NpScalar): string {
  return scalarText(v.value, v.dtype);
}

export function reprOf(s: NumpyState, a: NdArray): string {
  const t = s.current(a);
  return arrayRepr(t.values(), t.shape, a.dtype, s.printOptions);
}

export function strOf(s: NumpyState, a: NdArray): string {
  const t = s.current(a);
  if (t.ndim === 0) return scalarText(t.values()[0], a.dtype);
  return arrayStr(t.values(), t.shape, a.dtype, s.printOptions);
}
