import { bigInt, int, type PyInt } from "../../interpreter/objects";
import { PyError, valueError } from "../../interpreter/pyErrors";

/**
 * `round(x)` of a numpy scalar: the nearest Python int, a half to the even one (as Python rounds
 * a float: `round(np.float64(2.5))` is 2), exact past 2**53; NaN and infinities raise as
 * `round(float)` does.
 */
export function roundToInt(x: number): PyInt {
  if (Number.isNaN(x)) throw valueError("cannot convert float NaN to integer");
  if (!Number.isFinite(x)) throw new PyError("OverflowError", "cannot convert float infinity to integer");
  let r = Math.round(x);
  // Math.round takes a half up: the even neighbour instead
  if (r - x === 0.5 && r % 2 !== 0) r -= 1;
  if (r === 0) r = 0; // no -0 in an int
  return Number.isSafeInteger(r) ? int(r) : bigInt(BigInt(r));
}
