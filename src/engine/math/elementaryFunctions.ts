import { tanDD } from "./accurateMath";
import { type DD, ddAdd, ddDiv, ddMul, ddMulNumber, ddNeg, twoProd, twoSum } from "./doubleDouble";
import { glibcLog } from "./glibcLog";
import { glibcLog1p } from "./glibcLog1p";

/**
 * numpy's float64 tan, inverse trigonometric and hyperbolic functions, log2, log10 and hypot
 * as glibc (which numpy calls on x86-64 without AVX-512) gives them. tan, arctan, arcsin,
 * arccos, arctan2 and hypot are evaluated in double-double and rounded once — glibc's are
 * (almost always) correctly rounded, V8's Math versions off by an ulp for a few percent of
 * inputs. sinh, cosh and log2 are glibc's exactly; asinh, acosh and log10 take fdlibm's
 * formulas, which glibc's are, over glibc's log and log1p (0 of 300,000 recorded inputs each
 * differ from libm); atanh is V8's fdlibm code.
 * Far outside the ranges programs use (|x| beyond about 2^900) some fall back to Math.
 */

const ONE: DD = [1, 0];
const PI: DD = [3.141592653589793, 1.2246467991473532e-16];
const PI_2: DD = [1.5707963267948966, 6.123233995736766e-17];
const HUGE = 2 ** 900;
function round(x: DD): number {
  return x[0] + x[1];
}

/** √x of a positive double-double: one Newton correction of Math.sqrt's estimate. */
export function sqrtDD(x: DD): DD {
  if (x[0] <= 0) return [0, 0];
  const s = Math.sqrt(x[0]);
  const [p, e] = twoProd(s, s);
  const r = (x[0] - p - e + x[1]) / (2 * s);
  return twoSum(s, r);
}

/** Σ c_n z^n by Horner's rule (c given lowest first). */
function horner(coeffs: readonly DD[], z: DD): DD {
  let acc = coeffs[coeffs.length - 1];
  for (let i = coeffs.length - 2; i >= 0; i--) acc = ddAdd(ddMul(acc, z), coeffs[i]);
  return acc;
}

// atan's series (−1)^n / (2n+1) for |t| ≤ tan(π/64) after three halvings
const ATAN_COEFFS: DD[] = Array.from({ length: 16 }, (_, n) => ddDiv([n % 2 ? -1 : 1, 0], [2 * n + 1, 0]));

/** atan of a double-double t ≥ 0. */
function atanPositive(t: DD): DD {
  if (t[0] > 1) return ddAdd(PI_2, ddNeg(atanPositive(ddDiv(ONE, t))));
  // atan t = 2 atan(t / (1 + √(1 + t²))), three times: |t| ≤ tan(π/32)
  let u = t;
  for (let i = 0; i < 3; i++) u = ddDiv(u, ddAdd(ONE, sqrtDD(ddAdd(ONE, ddMul(u, u)))));
  return ddMulNumber(ddMul(u, horner(ATAN_COEFFS, ddMul(u, u))), 8);
}

export function tan(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < 2 ** -27) return x;
  const v = tanDD(x);
  return v === null ? Math.tan(x) : round(v);
}

export function atan(x: number): number {
  if (Number.isNaN(x)) return x;
  if (Math.abs(x) < 2 ** -27) return x;
  if (Math.abs(x) > 2 ** 60) return x > 0 ? PI_2[0] : -PI_2[0];
  const a = atanPositive([Math.abs(x), 0]);
  return x < 0 ? -round(a) : round(a);
}

/** atan2(y, x), the angle of (x, y): the special values (zeros, infinities) as Math.atan2 gives them. */
export function atan2(y: number, x: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y) || x === 0 || y === 0) return Math.atan2(y, x);
  const ratio = Math.abs(y / x);
  if (ratio > 2 ** 900 || ratio < 2 ** -900 || Math.abs(x) > HUGE || Math.abs(y) > HUGE)
    return Math.atan2(y, x);
  const a = atanPositive(ddDiv([Math.abs(y), 0], [Math.abs(x), 0]));
  const angle = x > 0 ? a : ddAdd(PI, ddNeg(a));
  return y < 0 ? -round(angle) : round(angle);
}

export function asin(x: number): number {
  if (Number.isNaN(x) || Math.abs(x) > 1) return NaN;
  if (Math.abs(x) < 2 ** -27) return x;
  if (Math.abs(x) === 1) return x * PI_2[0];
  // asin x = atan(x / √((1 − x)(1 + x)))
  const c = sqrtDD(ddMul(twoSum(1, -Math.abs(x)), twoSum(1, Math.abs(x))));
  const a = atanPositive(ddDiv([Math.abs(x), 0], c));
  return x < 0 ? -round(a) : round(a);
}

export function acos(x: number): number {
  if (Number.isNaN(x) || Math.abs(x) > 1) return NaN;
  if (x === 1) return 0;
  if (x === -1) return PI[0];
  // acos x = 2 atan √((1 − x)/(1 + x))
  const t = sqrtDD(ddDiv(twoSum(1, -x), twoSum(1, x)));
  return round(ddMulNumber(atanPositive(t), 2));
}

// sinh and cosh are glibc's own (glibcHyperbolic.ts: fdlibm's formulas over glibc's exp and
// expm1). asinh, acosh and log10 take fdlibm's formulas over glibc's log (glibcLog.ts) and
// glibc's log1p (glibcLog1p.ts), as glibc's do.

export { glibcCosh as cosh, glibcSinh as sinh } from "./glibcHyperbolic";

export function asinh(x: number): number {
  if (!Number.isFinite(x)) return x;
  const ax = Math.abs(x);
  if (ax < 2 ** -28) return x;
  let w: number;
  if (ax > 2 ** 28) w = glibcLog(ax) + Math.LN2;
  else if (ax > 2) w = glibcLog(2 * ax + 1 / (Math.sqrt(x * x + 1) + ax));
  else {
    const t = x * x;
    w = glibcLog1p(ax + t / (1 + Math.sqrt(1 + t)));
  }
  return x < 0 ? -w : w;
}

export function acosh(x: number): number {
  if (Number.isNaN(x) || x < 1) return NaN;
  if (x >= 2 ** 28) return x === Infinity ? x : glibcLog(x) + Math.LN2;
  if (x === 1) return 0;
  if (x > 2) return glibcLog(2 * x - 1 / (x + Math.sqrt(x * x - 1)));
  const t = x - 1;
  return glibcLog1p(t + Math.sqrt(2 * t + t * t));
}

/** fdlibm's atanh, which glibc's and V8's both are. */
export function atanh(x: number): number {
  return Math.atanh(x);
}

// log10(2) split so that y·hi is exact
const IVLN10 = 4.34294481903251816668e-1;
const LOG10_2HI = 3.01029995663611771306e-1;
const LOG10_2LO = 3.69423907715893078616e-13;
const bits = new DataView(new ArrayBuffer(8));

export function log10(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return x;
  // x = 2^k · m, the mantissa taken in [0.5, 1) when k < 0 (fdlibm's i)
  let k = 0;
  if (x < 2 ** -1022) {
    x *= 2 ** 54;
    k -= 54;
  }
  bits.setFloat64(0, x);
  const hi = bits.getUint32(0);
  k += (hi >>> 20) - 1023;
  const i = k < 0 ? 1 : 0;
  bits.setUint32(0, (hi & 0x000fffff) | ((0x3ff - i) << 20));
  const m = bits.getFloat64(0);
  const y = k + i;
  const z = y * LOG10_2LO + IVLN10 * glibcLog(m);
  return z + y * LOG10_2HI;
}

/** glibc's log2 (glibcLog2.ts). */
export { glibcLog2 as log2 } from "./glibcLog2";

export function hypot(x: number, y: number): number {
  if (x === Infinity || x === -Infinity || y === Infinity || y === -Infinity) return Infinity;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  let a = Math.abs(x);
  let b = Math.abs(y);
  if (a < b) [a, b] = [b, a];
  if (b === 0) return a;
  // scale by a power of two so that the exact squares neither overflow nor underflow
  const scale = a > 2 ** 500 ? 2 ** -600 : a < 2 ** -500 ? 2 ** 600 : 1;
  a *= scale;
  b *= scale;
  return round(sqrtDD(ddAdd(twoProd(a, a), twoProd(b, b)))) / scale;
}
