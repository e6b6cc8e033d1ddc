import type { FloatArray } from "../floatArray";

/**
 * One array per precision, reused by kernels for values no program sees and that are consumed
 * before the kernel returns (a product that is only summed): a training loop otherwise
 * allocated, and the collector freed, one array of the data's size for each of them every step.
 */

/** The most elements a scratch array holds (256 KB of float32); bigger values get arrays of their own. */
export const SCRATCH_LIMIT = 1 << 16;

let scratch32 = new Float32Array(0);
let scratch64 = new Float64Array(0);

/**
 * An array of at least `n` (at most SCRATCH_LIMIT) elements, float32 ones when `single` (a
 * store rounds as Math.fround does): valid until the next call, its contents left over.
 */
export function scratchArray(n: number, single: boolean): FloatArray {
  if (single) {
    if (scratch32.length < n)
      scratch32 = new Float32Array(Math.max(n, Math.min(2 * scratch32.length, SCRATCH_LIMIT)));
    return scratch32;
  }
  if (scratch64.length < n)
    scratch64 = new Float64Array(Math.max(n, Math.min(2 * scratch64.length, SCRATCH_LIMIT)));
  return scratch64;
}
