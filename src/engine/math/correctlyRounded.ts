import { cos, log, sin } from "./accurateMath";
import { type DD, ddAdd, ddMul, ddMulNumber, ddDiv } from "./doubleDouble";

/**
 * `exp` rounded once from a double-double result, as glibc's (which CPython's math.exp calls)
 * rounds it. V8's Math.exp is off by one ulp for about one input in ten, which a program that
 * prints `math.exp(x)` or trains through it would show. log, sin and cos come from the random
 * module's correctly rounded versions.
 */

const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];
const TERMS = 28;
const INVERSE_FACTORIALS: DD[] = [[1, 0]];
for (let n = 1; n < TERMS; n++) INVERSE_FACTORIALS.push(ddDiv(INVERSE_FACTORIALS[n - 1], [n, 0]));

export function exp(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.2) return 0;
  if (x === 0) return 1;
  // x = k·ln2 + r with |r| <= ln2/2, so exp(x) = 2**k · exp(r)
  const k = Math.round(x / LN2[0]);
  const r = ddAdd([x, 0], ddMulNumber(LN2, -k));
  let sum = INVERSE_FACTORIALS[TERMS - 1];
  for (let n = TERMS - 2; n >= 0; n--) sum = ddAdd(ddMul(sum, r), INVERSE_FACTORIALS[n]);
  const value = sum[0] + sum[1];
  // scale in two steps so that neither factor overflows nor underflows on its own
  const half = Math.trunc(k / 2);
  return value * 2 ** half * 2 ** (k - half);
}

export { cos, log, sin };
