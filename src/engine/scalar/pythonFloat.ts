import { EngineArithmeticError, EngineUnsupportedError } from "../errors";
import {
  exp as correctlyRoundedExp,
  log as correctlyRoundedLog,
  pow as correctlyRoundedPow,
} from "../math/correctlyRounded";

/**
 * Python's float `x ** y`, which differs from `Math.pow` in where it raises instead of
 * returning Inf or NaN: a zero base with a negative exponent, a finite result out of range,
 * and a negative base with a fractional exponent (a complex number in Python).
 */
export function pythonPow(x: number, y: number): number {
  if (x === 0 && y < 0) {
    throw new EngineArithmeticError("ZeroDivisionError", "0.0 cannot be raised to a negative power");
  }
  if (x < 0 && Number.isFinite(x) && Number.isFinite(y) && !Number.isInteger(y)) {
    throw new EngineUnsupportedError(`(${x}) ** ${y} is a complex number, which GradLens does not support`);
  }
  const r = correctlyRoundedPow(x, y);
  if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) {
    throw new EngineArithmeticError("OverflowError", "(34, 'Numerical result out of range')");
  }
  return r;
}

/**
 * Python's `math.exp`: correctly rounded (CPython's libm result; `Math.exp` is an ulp off on
 * about one input in ten), and OverflowError where the result does not fit a float.
 */
export function pythonExp(x: number): number {
  const r = correctlyRoundedExp(x);
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
  return correctlyRoundedLog(x);
}
