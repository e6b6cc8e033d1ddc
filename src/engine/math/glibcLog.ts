import { fma } from "./fusedMultiplyAdd";
import { GLIBC_LOG_TABLE } from "./glibcLogTable";
import { logOfNonPositiveOrInfinite, reduceLogArgument, reduced } from "./logReduction";

/**
 * glibc's double log (CPython's math.log, numpy's float64 np.log and the log inside numpy's
 * legacy normal sampler), which is not correctly rounded: about one input in 4,500 lands on the
 * other neighbour, and one `randn` weight an ulp off changes every digit a training loop prints
 * after it. Written from the published algorithm (Szabolcs Nagy's, ARM optimized-routines, in
 * glibc since 2.28): near 1 a degree-12 polynomial with r² split exactly; elsewhere x = 2^k·z, z
 * in one of 128 subintervals of [0x1.6p-1, 0x1.6p0) with log z = log c + log1p(z/c − 1). The
 * fma()s are where GCC fuses in glibc's FMA build (a multiply whose only uses are additions).
 */

const LN2_HI = 0.6931471805598903; // 0x1.62e42fefa3800p-1: k·LN2_HI + logc is exact
const LN2_LO = 5.497923018708371e-14; // 0x1.ef35793c76730p-45
// log1p(r) − r ≈ A0·r² + r³·(A1 + A2·r + r²·(A3 + A4·r)), |r| < 2^-8
const A0 = -0.5000000000000001; // -0x1.0000000000001p-1
const A1 = 0.33333333331825593; // 0x1.555555551305bp-2
const A2 = -0.2499999999622955; // -0x1.fffffffeb459p-3
const A3 = 0.20000304511814496; // 0x1.999b324f10111p-3
const A4 = -0.16667054827627667; // -0x1.55575e506c89fp-3
// log1p(r) − r + r²/2 ≈ r³·(B1 + B2·r + B3·r² + r³·(B4 + … + r³·(B7 + B8·r + B9·r² + B10·r³)))
const B1 = 0.3333333333333352; // 0x1.5555555555577p-2
const B2 = -0.24999999999998432; // -0x1.ffffffffffdcbp-3
const B3 = 0.19999999999320328; // 0x1.999999995dd0cp-3
const B4 = -0.16666666669929706; // -0x1.55555556745a7p-3
const B5 = 0.14285715076560868; // 0x1.24924a344de3p-3
const B6 = -0.12499997863982555; // -0x1.fffffa4423d65p-4
const B7 = 0.11110712032936046; // 0x1.c7184282ad6cap-4
const B8 = -0.10000486757818193; // -0x1.999eb43b068ffp-4
const B9 = 0.09181994006195467; // 0x1.78182f7afd085p-4
const B10 = -0.08328363062289341; // -0x1.5521375d145cdp-4

const TABLE_BITS = 7;
const N = 1 << TABLE_BITS;
const INVC = new Float64Array(N);
const LOGC = new Float64Array(N);
for (let i = 0; i < N; i++) {
  INVC[i] = GLIBC_LOG_TABLE[2 * i];
  LOGC[i] = GLIBC_LOG_TABLE[2 * i + 1];
}

/** Subinterval 0 starts at 0x1.6p-1, whose high word this is. */
const OFF_HIGH = 0x3fe60000;
/** The near-1 path covers [1 − 2^-4, 1 + 0x1.09p-4). */
const NEAR_ONE_LOW = 0.9375; // 1 − 2^-4
const NEAR_ONE_HIGH = 1.064697265625; // 1 + 0x1.09p-4

/** Natural log as glibc computes it, for any double (NaN for negatives, −∞ at ±0). */
export function glibcLog(x: number): number {
  if (x >= NEAR_ONE_LOW && x < NEAR_ONE_HIGH) return nearOne(x);
  if (!(x > 0 && x < Infinity)) return logOfNonPositiveOrInfinite(x);
  // x = 2^k·z, z in [0x1.6p-1, 0x1.6p0), in subinterval i
  const z = reduceLogArgument(x, OFF_HIGH, TABLE_BITS);
  const i = reduced.index;
  const k = reduced.k;
  const r = fma(z, INVC[i], -1); // z/c − 1, |r| < 2^-8
  // k·ln2 + log c + r, its rounding error kept in lo (k·LN2_HI + logc is exact)
  const w = k * LN2_HI + LOGC[i];
  const hi = w + r;
  const lo = fma(k, LN2_LO, w - hi + r);
  const r2 = r * r;
  const poly = fma(r2, fma(r, A4, A3), fma(r, A2, A1));
  return fma(r * r2, poly, fma(r2, A0, lo)) + hi;
}

/** log x for x within about 1/16 of 1: log1p(r) with r² split so that r − r²/2 is nearly exact. */
function nearOne(x: number): number {
  if (x === 1) return 0;
  const r = x - 1;
  const r2 = r * r;
  const r3 = r * r2;
  const q = fma(
    r3,
    fma(r3, fma(r3, B10, fma(r2, B9, fma(r, B8, B7))), fma(r2, B6, fma(r, B5, B4))),
    fma(r2, B3, fma(r, B2, B1)),
  );
  // r = rhi + rlo with rhi of 26 bits, so rhi² and −rhi²/2 are exact
  const w = r * 2 ** 27;
  const rhi = r + w - w;
  const rlo = r - rhi;
  const half = rhi * rhi * -0.5;
  const hi = r + half;
  const lo = fma(-0.5 * rlo, rhi + r, r - hi + half);
  return fma(r3, q, lo) + hi;
}
