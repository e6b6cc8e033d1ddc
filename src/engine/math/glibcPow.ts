import { glibcExpInline } from "./glibcExp";
import { fma } from "./fusedMultiplyAdd";
import { reduceLogArgument, reduced } from "./logReduction";
import {
  POW_LOG_INVC,
  POW_LOG_LOGC,
  POW_LOG_LOGCTAIL,
  POW_LOG_OFF_HIGH,
  POW_LOG_TABLE_BITS,
} from "./glibcPowLogTable";

/**
 * glibc's double pow (CPython's float `**` and math.pow, numpy's float64 np.power), which is not
 * correctly rounded: micrograd's `x**2`-free powers (`x**-1`, `x**0.5`, `x**1.5`) and their
 * gradients `k * x**(k-1)` land on the other neighbour about once in a thousand. Written from the
 * published algorithm (Szabolcs Nagy's, ARM optimized-routines): log x to ~2^-68 as hi + lo from
 * a 128-entry table and a degree-8 polynomial, y·log x split in two by an FMA, then glibc's exp
 * with that tail. The fma()s are where GCC fuses in glibc's FMA build (a multiply whose only uses
 * are additions), plus the two explicit ones.
 */

const LN2_HI = 0.6931471805598903; // 0x1.62e42fefa3800p-1
const LN2_LO = 5.497923018708371e-14; // 0x1.ef35793c76730p-45
// log1p(r) − r + r²/2 ≈ (−r³/2)·(A1 + A2·r + (−r²/2)·(A3 + A4·r + (−r²/2)·(A5 + A6·r)))
const A1 = -0.6666666666666679; // 0x1.555555555556p-2 · −2
const A2 = 0.5000000000000007; // −0x1.0000000000006p-2 · −2
const A3 = 0.7999999995323976; // 0x1.999999959554ep-3 · 4
const A4 = -0.6666666663487739; // −0x1.555555529a47ap-3 · 4
const A5 = -1.142909628459501; // 0x1.2495b9b4845e9p-3 · −8
const A6 = 1.0000415263675542; // −0x1.0002b8b263fc3p-3 · −8

let logTail = 0; // the low part of the last logInline result (an out parameter, without allocating)

/** log x ≈ result + logTail, for a positive finite x. */
function logInline(x: number): number {
  // x = 2^k·z with z in [0x1.69555p-1, 0x1.69555p0), in subinterval i
  const z = reduceLogArgument(x, POW_LOG_OFF_HIGH, POW_LOG_TABLE_BITS);
  const i = reduced.index;
  const kd = reduced.k;
  const invc = POW_LOG_INVC[i];
  const logc = POW_LOG_LOGC[i];
  const logctail = POW_LOG_LOGCTAIL[i];
  const r = fma(z, invc, -1); // exact
  // k·ln2 + log c + r, with the rounding errors kept in lo1..lo4
  const t1 = fma(kd, LN2_HI, logc);
  const t2 = t1 + r;
  const lo1 = fma(kd, LN2_LO, logctail);
  const lo2 = t1 - t2 + r;
  const ar = -0.5 * r;
  const ar2 = r * ar;
  const ar3 = r * ar2;
  const hi = t2 + ar2;
  const lo3 = fma(ar, r, -ar2);
  const lo4 = t2 - hi + ar2;
  const poly = fma(ar2, fma(ar2, fma(r, A6, A5), fma(r, A4, A3)), fma(r, A2, A1));
  const lo = fma(ar3, poly, lo1 + lo2 + lo3 + lo4);
  const y = hi + lo;
  logTail = hi - y + lo;
  return y;
}

/** 0 if y is not an integer, 1 if odd, 2 if even (for a finite nonzero y). */
function integerKind(y: number): number {
  if (!Number.isInteger(y)) return 0;
  return Math.abs(y) < 2 ** 53 && y % 2 !== 0 ? 1 : 2;
}

export function glibcPow(x: number, y: number): number {
  let sign = 1;
  if (y === 0 || x === 1) return 1;
  if (!Number.isFinite(y) || y !== y) {
    if (x !== x || y !== y) return x + y;
    if (Math.abs(x) === 1) return 1;
    return Math.abs(x) < 1 === y > 0 ? 0 : y * y;
  }
  if (x === 0 || !Number.isFinite(x) || x !== x) {
    let x2 = x * x;
    if ((x < 0 || Object.is(x, -0)) && integerKind(y) === 1) x2 = -x2;
    return y < 0 ? 1 / x2 : x2;
  }
  if (x < 0) {
    const kind = integerKind(y);
    if (kind === 0) return NaN;
    if (kind === 1) sign = -1;
    x = -x;
  }
  const ay = Math.abs(y);
  if (ay < 2 ** -65 || ay >= 2 ** 63) {
    if (x === 1) return 1;
    if (ay < 2 ** -65) return x > 1 ? 1 + y : 1 - y;
    return x > 1 === y > 0 ? Infinity : 0;
  }
  const hi = logInline(x);
  const lo = logTail;
  const ehi = y * hi;
  const elo = fma(y, lo, fma(y, hi, -ehi));
  return glibcExpInline(ehi, elo, sign);
}
