import { EXP_HIGH, EXP_TABLE_BITS, EXP_TAIL } from "./glibcExpTable";

/**
 * glibc's double exp2 (CPython's math.exp2, numpy's float64 np.exp2): Szabolcs Nagy's algorithm
 * (ARM optimized-routines) on the table glibc's exp uses: x = k/128 + r, |r| ≤ 1/256,
 * 2^(k/128) from the table with its tail correction, and a degree-5 polynomial for 2^r − 1.
 * glibc has no FMA build of exp2, so every product is rounded (a C transcription compiled with
 * -mfma differs from libm once in 1,100; unfused, it and this agree with libm on 1.8M inputs).
 */

const N = 1 << EXP_TABLE_BITS;
const SHIFT = 52776558133248; // 0x1.8p45 = 0x1.8p52/128: adding it rounds x to a multiple of 1/128
const C1 = 0.6931471805599453; // 0x1.62e42fefa39efp-1
const C2 = 0.24022650695909065; // 0x1.ebfbdff82c424p-3
const C3 = 0.0555041086686087; // 0x1.c6b08d70cf4b5p-5
const C4 = 0.009618131975721055; // 0x1.3b2abd24650ccp-7
const C5 = 0.0013332074570119598; // 0x1.5d7e09b4e3a84p-10

export function glibcExp2(x: number): number {
  const ax = Math.abs(x);
  let special = false;
  if (!(ax >= 2 ** -54 && ax < 512)) {
    if (ax < 2 ** -54) return 1 + x;
    if (!(ax < 1024)) {
      if (x === -Infinity) return 0;
      if (x !== x || ax === Infinity) return 1 + x;
      if (x > 0) return Infinity;
      if (x <= -1075) return 0;
    }
    special = ax > 928;
  }
  const kd = x + SHIFT - SHIFT;
  const k = kd * N;
  const r = x - kd;
  const j = k & (N - 1);
  const e = (k - j) / N;
  const tail = EXP_TAIL[j];
  const r2 = r * r;
  const tmp = tail + r * C1 + r2 * (C2 + r * C3) + r2 * r2 * (C4 + r * C5);
  if (special) return scaled(tmp, EXP_HIGH[j], e);
  const scale = EXP_HIGH[j] * 2 ** e;
  return scale + scale * tmp;
}

/** scale·(1 + tmp) when 2^e is past one power of two; below, rounded once into the subnormals. */
function scaled(tmp: number, high: number, e: number): number {
  if (e > 0) {
    const scale = high * 2 ** (e - 1);
    return 2 * (scale + scale * tmp);
  }
  const scale = high * 2 ** (e + 1022);
  let y = scale + scale * tmp;
  if (y < 1) {
    let lo = scale - y + scale * tmp;
    const hi = 1 + y;
    lo = 1 - hi + y + lo;
    y = hi + lo - 1;
    if (y === 0) y = 0;
  }
  return 2 ** -1022 * y;
}
