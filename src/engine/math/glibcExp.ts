import { EXP_HIGH, EXP_TABLE_BITS, EXP_TAIL } from "./glibcExpTable";
import { fma } from "./fusedMultiplyAdd";

/**
 * glibc's double exp (CPython's math.exp, numpy's float64 np.exp without AVX512F), which is not
 * correctly rounded: one result in a few hundred is the other neighbour of the true exp, and a
 * training loop through math.exp carries that last digit on. Written from the published
 * algorithm (Szabolcs Nagy's, ARM optimized-routines): x = k·ln2/128 + r, 2^(k/128) from a table
 * with a tail correction, a degree-5 polynomial in r. glibc runs its FMA build on CPUs with
 * FMA/AVX2, where GCC fuses each multiply whose only uses are additions: those are the fma()s.
 */

const N = 1 << EXP_TABLE_BITS;
const INV_LN2_N = 1.4426950408889634 * N; // 0x1.71547652b82fep0 · 128
const NEG_LN2_HI_N = -0.005415212348111709; // -0x1.62e42fefa0000p-8
const NEG_LN2_LO_N = -1.2864023111638346e-14; // -0x1.cf79abc9e3b3ap-47
const SHIFT = 6755399441055744; // 0x1.8p52: adding it rounds to an integer
const C2 = 0.49999999999996786; // 0x1.ffffffffffdbdp-2
const C3 = 0.16666666666665886; // 0x1.555555555543cp-3
const C4 = 0.0416666808410674; // 0x1.55555cf172b91p-5
const C5 = 0.008333335853059549; // 0x1.1111167a4d017p-7
const TINY = 2 ** -54; // below it exp(x) rounds to 1 + x
const LARGE = 512; // from it the scale may overflow or underflow

/** exp(x + xtail) for |xtail| < 2^-15 (pow passes the low part of y·log x), with sign ±1. */
export function glibcExpInline(x: number, xtail: number, sign: number): number {
  const ax = Math.abs(x);
  if (!(ax >= TINY && ax < LARGE)) {
    if (ax < TINY) return sign * 1;
    if (!(ax < 1024)) {
      if (x === -Infinity) return 0 * sign;
      if (ax === Infinity || x !== x) return 1 + x;
      return x < 0 ? 0 * sign : Infinity * sign;
    }
  }
  const kd = fma(INV_LN2_N, x, SHIFT) - SHIFT;
  let r = fma(kd, NEG_LN2_LO_N, fma(kd, NEG_LN2_HI_N, x));
  if (xtail !== 0) r += xtail;
  const j = kd & (N - 1);
  const e = kd >> EXP_TABLE_BITS;
  const r2 = r * r;
  const tmp = fma(r2 * r2, fma(r, C5, C4), fma(r2, fma(r, C3, C2), EXP_TAIL[j] + r));
  if (ax < LARGE) return fma(sign * EXP_HIGH[j] * 2 ** e, tmp, sign * EXP_HIGH[j] * 2 ** e);
  return scaled(tmp, sign * EXP_HIGH[j], e);
}

/**
 * scale·(1 + tmp) for 2^e·high with e past the normal range of a single power of two. Below,
 * scale·tmp is reused in another branch, so GCC leaves it unfused there (the recorded results
 * agree only that way).
 */
function scaled(tmp: number, high: number, e: number): number {
  if (e > 0) {
    const scale = high * 2 ** (e - 1009);
    return 2 ** 1009 * fma(scale, tmp, scale);
  }
  const scale = high * 2 ** (e + 1022);
  let y = scale + scale * tmp;
  if (Math.abs(y) < 1) {
    // round to the subnormal precision once, before the scaling rounds again
    const one = y < 0 ? -1 : 1;
    let lo = scale - y + scale * tmp;
    const hi = one + y;
    lo = one - hi + y + lo;
    y = hi + lo - one;
    if (y === 0) y = 0 * one;
  }
  return 2 ** -1022 * y;
}

export function glibcExp(x: number): number {
  return glibcExpInline(x, 0, 1);
}
