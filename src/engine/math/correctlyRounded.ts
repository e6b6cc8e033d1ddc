import { cos, log, logDD, sin } from "./accurateMath";
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
  return expDD([x, 0]);
}

/** exp of a double-double argument in [-745.2, 709.79], rounded once. */
function expDD(x: DD): number {
  // x = k·ln2 + r with |r| <= ln2/2, so exp(x) = 2**k · exp(r)
  const k = Math.round(x[0] / LN2[0]);
  const r = ddAdd(x, ddMulNumber(LN2, -k));
  const value = expSeries(r[0], r[1]);
  // scale in two steps so that neither factor overflows nor underflows on its own
  const half = Math.trunc(k / 2);
  return value * 2 ** half * 2 ** (k - half);
}

const SERIES_HI = Float64Array.from(INVERSE_FACTORIALS, (c) => c[0]);
const SERIES_LO = Float64Array.from(INVERSE_FACTORIALS, (c) => c[1]);
const SPLITTER = 134217729; // 2^27 + 1, as twoProd splits

/**
 * The Taylor series of exp(rh + rl) by Horner's rule, `sum = sum·r + 1/n!` in double-double,
 * rounded once: the same operations in the same order as ddAdd(ddMul(sum, r), c) (doubleDouble.ts),
 * written out on numbers. The arrays those calls make were most of the time of a numpy loop
 * through `np.exp` (a million calls); the result is the same double.
 */
function expSeries(rh: number, rl: number): number {
  // twoProd's split of rh, the same at every step
  let t = SPLITTER * rh;
  const bh = t - (t - rh);
  const bl = rh - bh;
  let sh = SERIES_HI[TERMS - 1];
  let sl = SERIES_LO[TERMS - 1];
  for (let n = TERMS - 2; n >= 0; n--) {
    // ddMul([sh, sl], [rh, rl]): twoProd(sh, rh), then fastTwoSum(p, e + cross terms)
    const p = sh * rh;
    t = SPLITTER * sh;
    const ah = t - (t - sh);
    const al = sh - ah;
    const q = ah * bh - p + ah * bl + al * bh + al * bl + (sh * rl + sl * rh);
    const mh = p + q;
    const ml = q - (mh - p);
    // ddAdd([mh, ml], [ch, cl]): two twoSums, then two fastTwoSums
    const ch = SERIES_HI[n];
    const cl = SERIES_LO[n];
    const s = mh + ch;
    const sb = s - mh;
    const e0 = mh - (s - sb) + (ch - sb);
    const u = ml + cl;
    const ub = u - ml;
    const f = ml - (u - ub) + (cl - ub);
    const v = e0 + u;
    const s1 = s + v;
    const e1 = v - (s1 - s);
    const w = e1 + f;
    sh = s1 + w;
    sl = w - (sh - s1);
  }
  return sh + sl;
}

/** The smallest normal double: below it a result rounds twice (to 53 bits, then subnormal). */
const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * `x ** y` for floats as glibc's pow (which CPython's float power calls) rounds it: to nearest.
 * V8's Math.pow is off by an ulp for some inputs (`0.009999999999999995 ** -0.5`), which
 * micrograd's `**` and its gradient `k * x**(k-1)` would carry into every later number. Special
 * values, signs and the cases that are exact in one operation go the short way; the rest is
 * exp(y · log x) in double-double, rounded once.
 */
export function pow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (!Number.isFinite(x) || !Number.isFinite(y) || Number.isNaN(x) || x === 0) return Math.pow(x, y);
  if (x < 0) {
    if (!Number.isInteger(y)) return NaN;
    const magnitude = pow(-x, y);
    return Math.abs(y) < 2 ** 53 && y % 2 !== 0 ? -magnitude : magnitude;
  }
  if (y === 1) return x;
  if (y === 2) return x * x;
  if (y === -1) return 1 / x;
  if (y === 0.5) return Math.sqrt(x);
  const estimate = y * Math.log(x);
  // a small integer power in double-double (exact squares, ~2^-100 relative), rounded once:
  // the common case (`x ** 3`, `k * x**(k-1)`) at a few multiplications instead of exp·log
  if (Number.isInteger(y) && Math.abs(y) <= 64 && Math.abs(estimate) < 600) return integerPower(x, y);
  if (estimate > 710) return Infinity;
  if (estimate < -746) return 0;
  const t = ddMulNumber(logDD(x), y);
  if (t[0] > 709.79) return Infinity;
  if (t[0] < -745.2) return 0;
  const r = expDD(t);
  return r < MIN_NORMAL ? Math.pow(x, y) : r;
}

/** x ** n for a positive x and an integer n with a result far from overflow and underflow. */
function integerPower(x: number, n: number): number {
  let result: DD = [1, 0];
  let base: DD = [x, 0];
  for (let k = Math.abs(n); k > 0; k >>= 1) {
    if (k & 1) result = ddMul(result, base);
    if (k > 1) base = ddMul(base, base);
  }
  if (n < 0) result = ddDiv([1, 0], result);
  return result[0] + result[1];
}

export { cos, log, sin };
