// Correctly rounded log, sin and cos. CPython's gauss() calls the C library's log/cos/sin, and
// glibc rounds those (almost always) to nearest; V8's Math.log/sin/cos are off by one ulp for a
// few percent of inputs, which would make seeded gauss() drift from CPython. Evaluating in
// double-double and rounding once reproduces glibc except where glibc itself misrounds.

import { type DD, ddAdd, ddDiv, ddMul, ddMulNumber, ddNeg, twoProd, twoSum } from "./doubleDouble";

// ln 2 and pi/2 split into doubles whose sum carries 106 / 159 bits.
const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];
const PI_2_A = 1.5707963267948966;
const PI_2_B = 6.123233995736766e-17;
const PI_2_C = -1.4973849048591698e-33;

const ONE: DD = [1, 0];

/** Coefficients sign^n / denominator(n) in double-double, n = 0..count-1. */
function seriesCoefficients(count: number, denominator: (n: number) => number, alternate: boolean): DD[] {
  const out: DD[] = [];
  for (let n = 0; n < count; n++) {
    const c = ddDiv(ONE, [denominator(n), 0]);
    out.push(alternate && n % 2 === 1 ? ddNeg(c) : c);
  }
  return out;
}

/** Double-double 1/n!, exact enough for n <= 30 (built by repeated division). */
function inverseFactorials(upTo: number): DD[] {
  const out: DD[] = [ONE];
  for (let n = 1; n <= upTo; n++) out.push(ddDiv(out[n - 1], [n, 0]));
  return out;
}

const INV_FACT = inverseFactorials(30);
// atanh series: 1/(2n+1); sin: (-1)^n/(2n+1)!; cos: (-1)^n/(2n)!. Term counts reach below 2^-106.
const ATANH_COEFFS = seriesCoefficients(23, (n) => 2 * n + 1, false);
const SIN_COEFFS = Array.from({ length: 15 }, (_, n) =>
  n % 2 ? ddNeg(INV_FACT[2 * n + 1]) : INV_FACT[2 * n + 1],
);
const COS_COEFFS = Array.from({ length: 16 }, (_, n) => (n % 2 ? ddNeg(INV_FACT[2 * n]) : INV_FACT[2 * n]));

function horner(coeffs: readonly DD[], z: DD): DD {
  let acc = coeffs[coeffs.length - 1];
  for (let i = coeffs.length - 2; i >= 0; i--) acc = ddAdd(ddMul(acc, z), coeffs[i]);
  return acc;
}

const bits = new DataView(new ArrayBuffer(8));

/** Natural logarithm, correctly rounded. */
export function log(y: number): number {
  if (Number.isNaN(y) || y < 0) return NaN;
  if (y === 0) return -Infinity;
  if (y === Infinity) return Infinity;
  const total = logDD(y);
  return total[0] + total[1];
}

/** Natural logarithm of a finite y > 0 in double-double (about 100 correct bits), before rounding. */
export function logDD(y: number): DD {
  // Write y = m * 2^e with m in [sqrt(1/2), sqrt(2)), so the series below converges fast.
  let e = 0;
  if (y < 2.2250738585072014e-308) {
    y *= 18014398509481984; // 2^54 lifts subnormals into the normal range
    e -= 54;
  }
  bits.setFloat64(0, y);
  const high = bits.getUint32(0);
  e += (high >>> 20) - 1023;
  bits.setUint32(0, (high & 0x000fffff) | 0x3ff00000);
  let m = bits.getFloat64(0);
  if (m > Math.SQRT2) {
    m /= 2;
    e += 1;
  }
  // log m = 2 atanh(s) with s = (m - 1) / (m + 1); m - 1 is exact (Sterbenz), m + 1 is kept exact.
  const s = ddDiv([m - 1, 0], twoSum(m, 1));
  const series = ddMul(ddMulNumber(s, 2), horner(ATANH_COEFFS, ddMul(s, s)));
  return ddAdd(ddMulNumber(LN2, e), series);
}

function sinSeries(r: DD): DD {
  return ddMul(r, horner(SIN_COEFFS, ddMul(r, r)));
}

function cosSeries(r: DD): DD {
  return horner(COS_COEFFS, ddMul(r, r));
}

/** Beyond this the three-part pi/2 no longer reduces accurately enough; fall back to Math. */
const REDUCTION_LIMIT = 33554432; // 2^25

/** x = k * pi/2 + r with |r| <= ~pi/4, r in double-double; returns k mod 4 and r. */
function reduce(x: number): { quadrant: number; r: DD } {
  const k = Math.round(x / PI_2_A);
  const [ph, pl] = twoProd(k, PI_2_A);
  let r = ddAdd(twoSum(x, -ph), [-pl, 0]);
  r = ddAdd(r, ddNeg(twoProd(k, PI_2_B)));
  r = ddAdd(r, [-k * PI_2_C, 0]);
  return { quadrant: ((k % 4) + 4) % 4, r };
}

/** Sine, correctly rounded for |x| < 2^25 (Math.sin beyond). */
export function sin(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < 7.450580596923828e-9) return x; // |x| < 2^-27: sin x rounds to x
  if (Math.abs(x) >= REDUCTION_LIMIT) return Math.sin(x);
  const { quadrant, r } = reduce(x);
  const v =
    quadrant === 0
      ? sinSeries(r)
      : quadrant === 1
        ? cosSeries(r)
        : quadrant === 2
          ? ddNeg(sinSeries(r))
          : ddNeg(cosSeries(r));
  return v[0] + v[1];
}

/** Cosine, correctly rounded for |x| < 2^25 (Math.cos beyond). */
export function cos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < 7.450580596923828e-9) return 1; // 1 - x^2/2 rounds to 1
  if (Math.abs(x) >= REDUCTION_LIMIT) return Math.cos(x);
  const { quadrant, r } = reduce(x);
  const v =
    quadrant === 0
      ? cosSeries(r)
      : quadrant === 1
        ? ddNeg(sinSeries(r))
        : quadrant === 2
          ? ddNeg(cosSeries(r))
          : sinSeries(r);
  return v[0] + v[1];
}

/** tan x in double-double for |x| < 2^25 (sin r / cos r of the reduced argument); null beyond. */
export function tanDD(x: number): DD | null {
  if (Math.abs(x) >= REDUCTION_LIMIT) return null;
  const { quadrant, r } = reduce(x);
  return quadrant % 2 === 0 ? ddDiv(sinSeries(r), cosSeries(r)) : ddNeg(ddDiv(cosSeries(r), sinSeries(r)));
}
