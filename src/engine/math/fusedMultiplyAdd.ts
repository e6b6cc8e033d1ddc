/**
 * Fused multiply-add, rounded once, as the CPU's `vfmadd` computes it. PyTorch's random kernels
 * are compiled with contraction on, so `x * (to - from) + from` and `value * std + mean` are one
 * rounding there, not two; reproducing its numbers bit for bit needs the same single rounding.
 * JS has no FMA: the product is made exact (twoProd) and the sum is rounded to odd before the
 * final rounding (Boldo & Melquiond's emulation), which gives the correctly rounded result.
 */

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer); // little-endian: u32[0] holds the low bits

/** The rounding error of s = a + b: a + b = s + error exactly (Knuth's two-sum, without an array). */
function sumError(a: number, b: number, s: number): number {
  const bb = s - a;
  return a - (s - bb) + (b - bb);
}

/** a + b rounded to odd: exact when representable, else the neighbour whose last bit is 1. */
function addRoundToOdd(a: number, b: number): number {
  const s = a + b;
  const e = sumError(a, b, s);
  if (e === 0 || !Number.isFinite(s)) return s;
  f64[0] = s;
  if ((u32[0] & 1) === 1) return s;
  // the last bit is 0, so one step toward e never carries upward; stepping down may borrow
  if (e > 0 === s > 0) u32[0]++;
  else if (u32[0] === 0) {
    u32[0] = 0xffffffff;
    u32[1]--;
  } else u32[0]--;
  return f64[0];
}

const SPLITTER = 134217729; // 2^27 + 1, as twoProd splits

/**
 * `a * b + c` in float64 with one rounding. twoProd and twoSum are written out on numbers (glibc's
 * exp and pow call this a dozen times per value). The error terms ul + pl are all on a grid far
 * finer than the result's, so rounding uh + fl(ul + pl) is wrong only when that sum sits exactly
 * on a midpoint between two doubles: only then is the low sum rounded to odd instead.
 */
export function fma(a: number, b: number, c: number): number {
  const p = a * b;
  if (!Number.isFinite(p) || !Number.isFinite(c) || p === 0 || c === 0) return p + c;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const pl = ah * bh - p + ah * bl + al * bh + al * bl;
  const uh = c + p;
  const ul = sumError(c, p, uh);
  const low = ul + pl;
  const w = uh + low;
  const e = sumError(uh, low, w);
  // uh + low is a midpoint exactly when twice its rounding error is one step to a neighbour
  if (e === 0 || w + 2 * e - w !== 2 * e || sumError(ul, pl, low) === 0) return w;
  return uh + addRoundToOdd(ul, pl);
}

const FLT_MAX = 3.4028234663852886e38;

/** A finite double sum past the float range: infinity, unless it sits exactly on the overflow
 * threshold (halfway past FLT_MAX) and the exact sum is below it. */
function overflowed(s: number, p: number, c: number): number {
  const e = sumError(p, c, s);
  const threshold = FLT_MAX + 2 ** 103;
  if (Math.abs(s) === threshold && (s > 0 ? e < 0 : e > 0)) return s > 0 ? FLT_MAX : -FLT_MAX;
  return s > 0 ? Infinity : -Infinity;
}

/**
 * `a * b + c` for float32 operands with one rounding to float32 (`_mm256_fmadd_ps`). The product
 * of two floats is exact in a double, so only the sum can round twice, and only when the double
 * sum lands exactly halfway between two floats: anywhere else the nearest float to the double
 * sum is the nearest float to the exact sum (a halfway point is itself a double, so none lies
 * strictly between the two). At a halfway point the sum's exact error decides the side.
 */
export function fmaf(a: number, b: number, c: number): number {
  const p = a * b;
  const s = p + c;
  const r = Math.fround(s);
  // the other float next to s, when s is halfway between r and it (2s − r is then exact);
  // kept this small so that callers inline it (a double returned from a call is boxed)
  const other = r + 2 * (s - r);
  if (Math.fround(other) === other && r !== s) return halfway(p, c, s, r, other);
  if (r - r !== 0 && s - s === 0) return overflowed(s, p, c);
  return r;
}

/** The float next to the halfway point s that the exact p + c is on the side of. */
function halfway(p: number, c: number, s: number, r: number, other: number): number {
  const e = sumError(p, c, s);
  if (e === 0) return r; // exactly halfway: fround already broke the tie to even
  return e > 0 ? Math.max(r, other) : Math.min(r, other);
}
