import { twoProd, twoSum } from "./doubleDouble";

/**
 * Fused multiply-add, rounded once, as the CPU's `vfmadd` computes it. PyTorch's random kernels
 * are compiled with contraction on, so `x * (to - from) + from` and `value * std + mean` are one
 * rounding there, not two; reproducing its numbers bit for bit needs the same single rounding.
 * JS has no FMA: the product is made exact (twoProd) and the sum is rounded to odd before the
 * final rounding (Boldo & Melquiond's emulation), which gives the correctly rounded result.
 */

const bits = new DataView(new ArrayBuffer(8));

/** `x` moved one ulp toward `direction`'s sign (x finite, not zero). */
function nudge(x: number, direction: number): number {
  bits.setFloat64(0, x);
  const big = bits.getBigUint64(0);
  const awayFromZero = direction > 0 === x > 0;
  bits.setBigUint64(0, awayFromZero ? big + 1n : big - 1n);
  return bits.getFloat64(0);
}

/** a + b rounded to odd: exact when representable, else the neighbour whose last bit is 1. */
function addRoundToOdd(a: number, b: number): number {
  const [s, e] = twoSum(a, b);
  if (e === 0 || !Number.isFinite(s)) return s;
  bits.setFloat64(0, s);
  const lastBitSet = (bits.getUint32(4) & 1) === 1;
  return lastBitSet ? s : nudge(s, e);
}

/** `a * b + c` in float64 with one rounding. */
export function fma(a: number, b: number, c: number): number {
  const p = a * b;
  if (!Number.isFinite(p) || !Number.isFinite(c) || p === 0 || c === 0) return p + c;
  const [ph, pl] = twoProd(a, b);
  const [uh, ul] = twoSum(c, ph);
  return uh + addRoundToOdd(ul, pl);
}

/**
 * `a * b + c` for float32 operands with one rounding to float32 (`_mm256_fmadd_ps`). The product
 * of two floats is exact in a double, so only the sum needs care: rounded to odd in double it
 * then rounds to the right float (53 ≥ 2·24 + 2).
 */
export function fmaf(a: number, b: number, c: number): number {
  return Math.fround(addRoundToOdd(a * b, c));
}
