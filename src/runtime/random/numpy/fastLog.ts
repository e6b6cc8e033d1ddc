// A correctly rounded natural log that is fast in the common case, for the samplers that take
// a log per draw (the legacy polar normal, exponentials, the ziggurat's tail). It gives exactly
// what accurateMath's `log` gives (the same correctly rounded double), about five times faster:
//
//   x = 2^e · m, m in [1, 2) (or m = x just below 1); c = 1 + j/128 the table point nearest m;
//   r = (m - c) / c
//   log x = e·ln2 + log c + log1p(r),   |r| <= 2^-8
//
// with log c from a 129-entry double-double table built at load time by accurateMath's logDD,
// r kept as a double-double, and log1p(r) - r as a short polynomial in doubles. The pieces are
// summed with an error well under 2^-58 of the result; when the sum lies that close to a
// rounding boundary (about 3% of arguments) the answer comes from accurateMath's log instead.

import { log as accurateLog, logDD } from "../../../engine/math/accurateMath";

const TABLE_BITS = 7;
const TABLE_SCALE = 1 << TABLE_BITS;
const LOGC_HI = new Float64Array(TABLE_SCALE + 1);
const LOGC_LO = new Float64Array(TABLE_SCALE + 1);
const INV_C = new Float64Array(TABLE_SCALE + 1);
for (let j = 0; j <= TABLE_SCALE; j++) {
  const c = 1 + j / TABLE_SCALE;
  const [hi, lo] = j === 0 ? [0, 0] : logDD(c);
  LOGC_HI[j] = hi;
  LOGC_LO[j] = lo;
  INV_C[j] = 1 / c;
}

// ln 2 split so that e · LN2_HI is exact for any exponent e (LN2_HI keeps 42 significant bits).
const [LN2, LN2_REST] = logDD(2);
const LN2_HI = Math.round(LN2 * 2 ** 42) / 2 ** 42;
const LN2_LO = LN2 - LN2_HI + LN2_REST;

/** Veltkamp's constant for splitting a double into two 26-bit halves. */
const SPLITTER = 134217729; // 2^27 + 1
/** The relative error the summation stays under (with a wide margin). */
const ERROR_BOUND = 2 ** -58;

const view = new DataView(new ArrayBuffer(8));

export function fastLog(x: number): number {
  if (!(x > 0) || x === Infinity || x === 1) return accurateLog(x);
  view.setFloat64(0, x);
  let high = view.getUint32(0);
  let e = (high >>> 20) - 1023;
  if (e === -1023) return accurateLog(x); // subnormal: rare, take the slow path
  view.setUint32(0, (high & 0x000fffff) | 0x3ff00000);
  let m = view.getFloat64(0); // in [1, 2)
  if (e === -1 && m >= 2 - 2 / TABLE_SCALE) {
    // Just below 1: -ln2 + log 2 would cancel to far less than the result; take m = x, c = 1.
    m = x;
    e = 0;
  }
  const j = Math.round((m - 1) * TABLE_SCALE) | 0;
  const c = 1 + j / TABLE_SCALE;
  // r = (m - c) / c as rHi + rLo: m - c is exact (Sterbenz), and c has 8 significant bits,
  // so the product rHi · c is exact once rHi is split into two 26-bit halves.
  const num = m - c;
  const rHi = num * INV_C[j];
  const split = rHi * SPLITTER;
  const rHiTop = split - (split - rHi);
  const rHiBottom = rHi - rHiTop;
  const rem = num - rHiTop * c - rHiBottom * c;
  const rLo = rem * INV_C[j];
  // log1p(r) - r to beyond 2^-75 for |r| <= 2^-8
  const r2 = rHi * rHi;
  const poly =
    r2 *
    (-0.5 +
      rHi *
        (1 / 3 +
          rHi *
            (-0.25 +
              rHi * (0.2 + rHi * (-1 / 6 + rHi * (1 / 7 + rHi * (-0.125 + rHi * (1 / 9 + rHi * -0.1))))))));
  // Sum e·ln2 + log c + rHi exactly as double-doubles, then the small terms.
  const a = e * LN2_HI;
  const b = LOGC_HI[j];
  const s1 = a + b;
  const bb = s1 - a;
  const e1 = a - (s1 - bb) + (b - bb);
  const s2 = s1 + rHi;
  const cc = s2 - s1;
  const e2 = s1 - (s2 - cc) + (rHi - cc);
  const lo = e1 + e2 + (e * LN2_LO + LOGC_LO[j] + (rLo - rHi * rLo) + poly);
  const result = s2 + lo;
  const tail = s2 - result + lo;
  // Accept when the neglected part is safely inside half an ulp of the result.
  view.setFloat64(0, result);
  high = view.getUint32(0);
  e = (high >>> 20) & 0x7ff;
  const mantissaZero = (high & 0x000fffff) === 0 && view.getUint32(4) === 0;
  // ulp(result) = 2^(e - 1075) for a biased exponent e; below a power of two it halves
  const halfUlp = 2 ** (e - 1076) * (mantissaZero ? 0.5 : 1);
  if (Math.abs(tail) + Math.abs(result) * ERROR_BOUND < halfUlp) return result;
  return accurateLog(x);
}
