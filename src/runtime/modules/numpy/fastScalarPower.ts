import type { PyValue } from "../../interpreter/objects";
import { operandOf } from "./convert";
import { NdArray, type NpScalar } from "./ndarray";
import { isFloat } from "./npDtype";
import type { NumpyState } from "./numpyState";
import { unary, type UnaryName } from "./unaryUfuncs";

/**
 * numpy's `fast_scalar_power`: a float array's `**` with the number 2, -1 or 0.5 is np.square,
 * np.reciprocal or np.sqrt, not pow. The numbers differ: glibc's pow(x, 2) is not always x·x.
 * Only the operator does this (np.power and numpy scalars call pow); exponents 0 and 1 are left
 * to pow, which gives the same numbers as ones_like and positive.
 */

const FAST: ReadonlyMap<number, UnaryName> = new Map([
  [2, "square"],
  [-1, "reciprocal"],
  [0.5, "sqrt"],
]);

/** `base ** exponent` by numpy's shortcut, or null where numpy calls pow. */
export function fastScalarPower(s: NumpyState, base: PyValue, exponent: PyValue): NdArray | NpScalar | null {
  if (!(base instanceof NdArray) || !isFloat(base.dtype)) return null;
  const o = operandOf(s, exponent);
  if (o === null || o.tensor.ndim !== 0) return null;
  // a Python number, or a numpy integer or float scalar or 0-d array (not a numpy bool)
  if (o.weak === null && o.dtype === "bool") return null;
  const name = FAST.get(o.weak === null ? o.tensor.item() : o.number);
  return name === undefined ? null : unary(s, name, base);
}
