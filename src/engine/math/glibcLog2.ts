import { fma } from "./fusedMultiplyAdd";
import { GLIBC_LOG2_TABLE } from "./glibcLog2Table";
import { logOfNonPositiveOrInfinite, reduceLogArgument, reduced } from "./logReduction";

/**
 * glibc's double log2 (CPython's math.log2, numpy's float64 np.log2): the same published
 * algorithm as its log (glibcLog.ts, ARM optimized-routines) with a 64-entry table of log2 c and
 * 1/ln 2 split in two. The fma()s are where GCC fuses in glibc's FMA build.
 */

const INVLN2_HI = 1.4426950407214463; // 0x1.7154765200000p+0
const INVLN2_LO = 1.6751713164886512e-10; // 0x1.705fc2eefa200p-33
// log2(1+r) ≈ r/ln2 + r²·(A0 + A1·r + r²·(A2 + A3·r) + r⁴·(A4 + A5·r)), |r| < 2^-7
const A0 = -0.7213475204444882; // -0x1.71547652b8339p-1
const A1 = 0.4808983469629985; // 0x1.ec709dc3a04bep-2
const A2 = -0.36067375954075914; // -0x1.7154764702ffbp-2
const A3 = 0.2885390073180969; // 0x1.2776c50034c48p-2
const A4 = -0.2404693555628422; // -0x1.ec7b328ea92bcp-3
const A5 = 0.2061202382173603; // 0x1.a6225e117f92ep-3
// near 1: r/ln2 + r²·(B0 + B1·r) + r⁴·(B2 + … + r⁴·(B6 + B7·r + r²·(B8 + B9·r)))
const B0 = -0.7213475204444817; // -0x1.71547652b82fep-1
const B1 = 0.48089834696298744; // 0x1.ec709dc3a03f7p-2
const B2 = -0.360673760222145; // -0x1.71547652b7c3fp-2
const B3 = 0.2885390081805197; // 0x1.2776c50f05be4p-2
const B4 = -0.24044917405728863; // -0x1.ec709dd768fe5p-3
const B5 = 0.2060992861022954; // 0x1.a61761ec4e736p-3
const B6 = -0.18033596705327856; // -0x1.7153fbc64a79bp-3
const B7 = 0.1603032746063156; // 0x1.484d154f01b4ap-3
const B8 = -0.14483316576701266; // -0x1.289e4a72c383cp-3
const B9 = 0.13046826811283835; // 0x1.0b32f285aee66p-3

const TABLE_BITS = 6;
const N = 1 << TABLE_BITS;
const INVC = new Float64Array(N);
const LOGC = new Float64Array(N);
for (let i = 0; i < N; i++) {
  INVC[i] = GLIBC_LOG2_TABLE[2 * i];
  LOGC[i] = GLIBC_LOG2_TABLE[2 * i + 1];
}

/** Subinterval 0 starts at 0x1.6p-1, whose high word this is. */
const OFF_HIGH = 0x3fe60000;
/** The near-1 path covers [1 − 0x1.5b51p-5, 1 + 0x1.6ab2p-5). */
const NEAR_ONE_LOW = 0.9576029777526855; // 1 − 0x1.5b51p-5
const NEAR_ONE_HIGH = 1.0442743301391602; // 1 + 0x1.6ab2p-5

/** Base-2 log as glibc computes it, for any double (NaN for negatives, −∞ at ±0). */
export function glibcLog2(x: number): number {
  if (x >= NEAR_ONE_LOW && x < NEAR_ONE_HIGH) return nearOne(x);
  if (!(x > 0 && x < Infinity)) return logOfNonPositiveOrInfinite(x);
  const z = reduceLogArgument(x, OFF_HIGH, TABLE_BITS);
  const i = reduced.index;
  const k = reduced.k;
  const r = fma(z, INVC[i], -1); // z/c − 1
  // r/ln2 = t1 + t2 to beyond double precision
  const t1 = r * INVLN2_HI;
  const t2 = fma(r, INVLN2_LO, fma(r, INVLN2_HI, -t1));
  const t3 = k + LOGC[i]; // exact
  const hi = t3 + t1;
  const lo = t3 - hi + t1 + t2;
  const r2 = r * r;
  const r4 = r2 * r2;
  const p = fma(r4, fma(r, A5, A4), fma(r2, fma(r, A3, A2), fma(r, A1, A0)));
  return fma(r2, p, lo) + hi;
}

function nearOne(x: number): number {
  if (x === 1) return 0;
  const r = x - 1;
  const hi = r * INVLN2_HI;
  let lo = fma(r, INVLN2_LO, fma(r, INVLN2_HI, -hi));
  const r2 = r * r;
  const r4 = r2 * r2;
  const q = fma(r, B1, B0);
  const y = fma(r2, q, hi);
  lo += fma(r2, q, hi - y);
  const w = fma(r4, fma(r2, fma(r, B9, B8), fma(r, B7, B6)), fma(r2, fma(r, B5, B4), fma(r, B3, B2)));
  return y + fma(r4, w, lo);
}
