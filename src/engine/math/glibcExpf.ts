import { fma } from "./fusedMultiplyAdd";

/**
 * glibc's float exp (the one PyTorch's scalar loops call through `std::exp(float)`), which is not
 * quite correctly rounded: it evaluates 2^(k/32)·p(r) in double and rounds that to float once,
 * and about one result in a thousand lands on the other float from the true exp's. Written from
 * the published algorithm (Szabolcs Nagy's, in ARM's optimized-routines): x·32/ln2 = k + r,
 * 2^(k/32) from a table of 2^(j/32), and a cubic in r. On an FMA-capable CPU glibc runs its
 * FMA build, so the multiply-adds here are fused.
 */

const N = 32;
const INV_LN2_N = 1.4426950408889634 * N; // 0x1.71547652b82fep+0 · 32
const SHIFT = 6755399441055744; // 0x1.8p+52: adding it rounds to an integer
const C0 = 0.05550361559341535 / N / N / N; // 0x1.c6af84b912394p-5
const C1 = 0.2402284522445722 / N / N; // 0x1.ebfce50fac4f3p-3
const C2 = 0.6931471806916203 / N; // 0x1.62e42ff0c52d6p-1
const OVERFLOW = 88.72283172607422; // 0x1.62e42ep6f, above it exp overflows
const UNDERFLOW = -103.97207641601562; // -0x1.9fe368p6f, below it exp is 0

/** 2^(j/32) rounded to the nearest double, for j < 32: from an integer 32nd root, exactly. */
export const TABLE = Float64Array.from({ length: N }, (_, j) => {
  // m = round(2^(52 + j/32)): the largest m with m^32 <= 2^(52·32 + j), then rounded by (m + ½)^32
  const target = 1n << BigInt(52 * N + j);
  let lo = 1n << 52n;
  let hi = 1n << 53n;
  while (hi - lo > 1n) {
    const mid = (lo + hi) >> 1n;
    if (mid ** 32n <= target) lo = mid;
    else hi = mid;
  }
  const m = (2n * lo + 1n) ** 32n <= target << 32n ? lo + 1n : lo;
  return Number(m) / 2 ** 52;
});

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

export function glibcExpf(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x > OVERFLOW) return Infinity;
  if (x < UNDERFLOW) return 0;
  const kd = fma(INV_LN2_N, x, SHIFT);
  bits[0] = kd;
  const ki = words[0] | 0; // the integer k sits in the low bits of kd
  const r = fma(INV_LN2_N, x, -(kd - SHIFT));
  const s = TABLE[ki & (N - 1)] * 2 ** (ki >> 5);
  const z = fma(C0, r, C1);
  const y = fma(z, r * r, fma(C2, r, 1));
  return Math.fround(y * s);
}

// 2^r − 1 ≈ r·(E2 + r·(E1 + r·E0)) for |r| ≤ 1/64: the same cubic in the units of exp2
const E0 = 0.05550361559341535; // 0x1.c6af84b912394p-5
const E1 = 0.2402284522445722; // 0x1.ebfce50fac4f3p-3
const E2 = 0.6931471806916203; // 0x1.62e42ff0c52d6p-1
const SHIFT_N = 6755399441055744 / N; // 0x1.8p+52/32: adding it rounds to a multiple of 1/32

/**
 * glibc's float exp2 (numpy's float32 np.exp2): x = k/32 + r in double, 2^(k/32) from the same
 * table, the cubic (fused in glibc's FMA build), one rounding to float at the end.
 */
export function glibcExp2f(x: number): number {
  if (Number.isNaN(x)) return x;
  if (!(Math.abs(x) < 128)) {
    if (x === -Infinity) return 0;
    if (x === Infinity) return x;
    if (x > 0) return Infinity;
    if (x <= -150) return 0;
  }
  const kd = x + SHIFT_N - SHIFT_N;
  const k = kd * N;
  const r = x - kd;
  const j = k & (N - 1);
  const s = TABLE[j] * 2 ** ((k - j) / N);
  const z = fma(E0, r, E1);
  const y = fma(z, r * r, fma(E2, r, 1));
  return Math.fround(y * s);
}
