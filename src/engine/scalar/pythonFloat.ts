import { EngineArithmeticError, EngineUnsupportedError } from "../errors";
import { glibcExp } from "../math/glibcExp";
import { glibcLog } from "../math/glibcLog";
import { glibcPow } from "../math/glibcPow";

/**
 * Python's float `x ** y`: glibc's pow, which CPython calls (not always correctly rounded), and
 * CPython's errors where IEEE returns Inf or NaN: a zero base with a negative exponent, a
 * finite result out of range, and a negative base with a fractional exponent (complex in Python).
 */
export function pythonPow(x: number, y: number): number {
  if (x === 0 && y < 0) {
    throw new EngineArithmeticError("ZeroDivisionError", "0.0 cannot be raised to a negative power");
  }
  if (x < 0 && Number.isFinite(x) && Number.isFinite(y) && !Number.isInteger(y)) {
    throw new EngineUnsupportedError(`(${x}) ** ${y} is a complex number, which GradLens does not support`);
  }
  const r = glibcPow(x, y);
  if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) {
    throw new EngineArithmeticError("OverflowError", "(34, 'Numerical result out of range')");
  }
  return r;
}

/**
 * Python's `math.exp`: glibc's exp, CPython's libm result (`Math.exp` is an ulp off on about one
 * input in ten, a correctly rounded exp on one in a few hundred), and OverflowError where the
 * result does not fit a float.
 */
export function pythonExp(x: number): number {
  const r = glibcExp(x);
  if (r === Infinity && x !== Infinity) throw new EngineArithmeticError("OverflowError", "math range error");
  return r;
}

/** Python's float `x / y`: ZeroDivisionError where IEEE gives ±∞ or NaN. */
export function pythonDivide(x: number, y: number): number {
  if (y === 0) throw new EngineArithmeticError("ZeroDivisionError", "float division by zero");
  return x / y;
}

/** Python's `math.log`: raises ValueError for zero and negative numbers. */
export function pythonLog(x: number): number {
  if (x <= 0) throw new EngineArithmeticError("ValueError", "math domain error");
  return glibcLog(x);
}
