/**
 * The argument reduction of glibc's log, log2 and pow's log (ARM optimized-routines): a finite
 * x > 0 written as 2^k·z with z in [OFF, 2·OFF) exact, and the index of z's subinterval in a
 * table of 2^bits entries — both read from the high word, a subnormal first normalized.
 * k and the index come back in `reduced` (out parameters, without allocating per call).
 */

export const reduced = { k: 0, index: 0 };

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer); // little-endian: u32[1] is the high word

/** z for a finite x > 0; `offHigh` is the high word of OFF (its low word is 0). */
export function reduceLogArgument(x: number, offHigh: number, tableBits: number): number {
  let shift = 0;
  f64[0] = x;
  if (u32[1] < 0x00100000) {
    f64[0] = x * 2 ** 52; // a subnormal: normalize, and take 52 off the exponent
    shift = 52;
  }
  const high = u32[1];
  const tmp = (high - offHigh) | 0;
  reduced.index = (tmp >> (20 - tableBits)) & ((1 << tableBits) - 1);
  reduced.k = (tmp >> 20) - shift;
  u32[1] = high - ((tmp >> 20) << 20);
  return f64[0];
}

/** log or log2 of x where x is not finite and positive: C's −∞ at ±0, x at +∞, else NaN. */
export function logOfNonPositiveOrInfinite(x: number): number {
  return x === 0 ? -Infinity : x === Infinity ? x : NaN;
}
