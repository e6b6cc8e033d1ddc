import type { FloatArray } from "../floatArray";
import { loadSimdKernel, type SimdKernel } from "./simdKernel";

/**
 * C (M×N, row stride ldc) = A (M×K) · B (K×N), or C += A·B with `accumulate`, on Float64Arrays
 * with arbitrary strides — so Aᵀ·B and A·Bᵀ (a swapped stride pair) cost no transpose copy.
 *
 * GotoBLAS-style blocking: a KC-deep slab of B is packed into 4-column slivers and an MC-row
 * block of A into 4-row slivers, each sliver contiguous along k, so the 4×4 micro-kernel
 * streams both sequentially from L1 while 16 partial sums stay in locals. Packing also zero-pads
 * the ragged edges, which keeps the micro-kernel branch-free. The micro-kernel runs in
 * WebAssembly SIMD where there is one (simdKernel.ts, same sums bit for bit), else in JavaScript.
 */

const MR = 4;
const NR = 4;
const KC = 256;
const MC = 64;

let packA = new Float64Array(MC * KC);
let packB = new Float64Array(KC * 256);
const edge = new Float64Array(16);

/**
 * With SIMD, the packed operands live in the kernel's memory: 16 result slots, then packA,
 * then packB (grown, and the views remade, when a wider B needs more room).
 */
const OUT_SLOTS = 16;
let simd: SimdKernel | null = null;
let simdOut = new Float64Array(0);
let useSimd = true;

function simdBuffers(nPadded: number): SimdKernel | null {
  if (!useSimd) return null;
  const bytes = (OUT_SLOTS + MC * KC + KC * nPadded) * 8;
  simd ??= loadSimdKernel(bytes);
  if (simd === null) {
    useSimd = false;
    return null;
  }
  const memory = simd.memory;
  if (memory.buffer.byteLength < bytes) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / 65536));
  if (simdOut.buffer !== memory.buffer) {
    // Growing detaches the old buffer: the views are remade over the new one.
    const buffer = memory.buffer;
    simdOut = new Float64Array(buffer, 0, OUT_SLOTS);
    packA = new Float64Array(buffer, OUT_SLOTS * 8, MC * KC);
    packB = new Float64Array(buffer, (OUT_SLOTS + MC * KC) * 8, buffer.byteLength / 8 - OUT_SLOTS - MC * KC);
  }
  return simd;
}

/** Chooses the micro-kernel: for tests that hold the two to the same sums. */
export function setGemmSimd(enabled: boolean): void {
  useSimd = enabled;
  if (!enabled) {
    packA = new Float64Array(MC * KC);
    packB = new Float64Array(KC * 256);
    simdOut = new Float64Array(0);
  }
}

/** Whether the next large gemm runs its micro-kernel in WebAssembly SIMD. */
export function gemmUsesSimd(): boolean {
  return simdBuffers(NR) !== null;
}

export function gemm(
  m: number,
  n: number,
  k: number,
  a: FloatArray,
  aOffset: number,
  aRowStride: number,
  aColStride: number,
  b: FloatArray,
  bOffset: number,
  bRowStride: number,
  bColStride: number,
  c: Float64Array,
  cOffset: number,
  ldc: number,
  accumulate: boolean,
): void {
  if (!accumulate) {
    for (let i = 0; i < m; i++) c.fill(0, cOffset + i * ldc, cOffset + i * ldc + n);
  }
  if (m === 0 || n === 0 || k === 0) return;
  if (m * n * k < 4096) {
    naiveGemm(
      m,
      n,
      k,
      a,
      aOffset,
      aRowStride,
      aColStride,
      b,
      bOffset,
      bRowStride,
      bColStride,
      c,
      cOffset,
      ldc,
    );
    return;
  }
  const nPadded = Math.ceil(n / NR) * NR;
  const kernel = simdBuffers(nPadded);
  if (packB.length < KC * nPadded) packB = new Float64Array(KC * nPadded);
  if (packA.length < MC * KC) packA = new Float64Array(MC * KC);
  const pb = packB;
  const pa = packA;
  for (let p0 = 0; p0 < k; p0 += KC) {
    const kc = Math.min(KC, k - p0);
    packPanelB(pb, b, bOffset + p0 * bRowStride, bRowStride, bColStride, kc, n);
    for (let i0 = 0; i0 < m; i0 += MC) {
      const mc = Math.min(MC, m - i0);
      packBlockA(pa, a, aOffset + i0 * aRowStride + p0 * aColStride, aRowStride, aColStride, mc, kc);
      for (let j = 0; j < n; j += NR) {
        const nr = Math.min(NR, n - j);
        const bBase = (j / NR) * kc * NR;
        for (let i = 0; i < mc; i += MR) {
          const mr = Math.min(MR, mc - i);
          const aBase = (i / MR) * kc * MR;
          const cBase = cOffset + (i0 + i) * ldc + j;
          if (kernel === null) microKernel(pa, aBase, pb, bBase, kc, c, cBase, ldc, mr, nr);
          else simdMicroKernel(kernel, aBase, bBase, kc, c, cBase, ldc, mr, nr);
        }
      }
    }
  }
}

/** B rows [0, kc) of a KC slab, as slivers of NR columns: sliver s holds b[p][s*NR + 0..NR) for each p. */
function packPanelB(
  dst: Float64Array,
  b: FloatArray,
  base: number,
  rowStride: number,
  colStride: number,
  kc: number,
  n: number,
): void {
  let o = 0;
  for (let j = 0; j < n; j += NR) {
    const nr = Math.min(NR, n - j);
    for (let p = 0; p < kc; p++) {
      const row = base + p * rowStride + j * colStride;
      for (let q = 0; q < NR; q++) dst[o++] = q < nr ? b[row + q * colStride] : 0;
    }
  }
}

/** A rows [0, mc) × cols [0, kc) of a block, as slivers of MR rows: sliver s holds a[s*MR + 0..MR)[p] for each p. */
function packBlockA(
  dst: Float64Array,
  a: FloatArray,
  base: number,
  rowStride: number,
  colStride: number,
  mc: number,
  kc: number,
): void {
  let o = 0;
  for (let i = 0; i < mc; i += MR) {
    const mr = Math.min(MR, mc - i);
    for (let p = 0; p < kc; p++) {
      const col = base + i * rowStride + p * colStride;
      for (let q = 0; q < MR; q++) dst[o++] = q < mr ? a[col + q * rowStride] : 0;
    }
  }
}

function microKernel(
  pa: Float64Array,
  aBase: number,
  pb: Float64Array,
  bBase: number,
  kc: number,
  c: Float64Array,
  cBase: number,
  ldc: number,
  mr: number,
  nr: number,
): void {
  let c00 = 0,
    c01 = 0,
    c02 = 0,
    c03 = 0;
  let c10 = 0,
    c11 = 0,
    c12 = 0,
    c13 = 0;
  let c20 = 0,
    c21 = 0,
    c22 = 0,
    c23 = 0;
  let c30 = 0,
    c31 = 0,
    c32 = 0,
    c33 = 0;
  let ai = aBase;
  let bi = bBase;
  for (let p = 0; p < kc; p++, ai += 4, bi += 4) {
    const a0 = pa[ai],
      a1 = pa[ai + 1],
      a2 = pa[ai + 2],
      a3 = pa[ai + 3];
    const b0 = pb[bi],
      b1 = pb[bi + 1],
      b2 = pb[bi + 2],
      b3 = pb[bi + 3];
    c00 += a0 * b0;
    c01 += a0 * b1;
    c02 += a0 * b2;
    c03 += a0 * b3;
    c10 += a1 * b0;
    c11 += a1 * b1;
    c12 += a1 * b2;
    c13 += a1 * b3;
    c20 += a2 * b0;
    c21 += a2 * b1;
    c22 += a2 * b2;
    c23 += a2 * b3;
    c30 += a3 * b0;
    c31 += a3 * b1;
    c32 += a3 * b2;
    c33 += a3 * b3;
  }
  if (mr === 4 && nr === 4) {
    let r = cBase;
    c[r] += c00;
    c[r + 1] += c01;
    c[r + 2] += c02;
    c[r + 3] += c03;
    r += ldc;
    c[r] += c10;
    c[r + 1] += c11;
    c[r + 2] += c12;
    c[r + 3] += c13;
    r += ldc;
    c[r] += c20;
    c[r + 1] += c21;
    c[r + 2] += c22;
    c[r + 3] += c23;
    r += ldc;
    c[r] += c30;
    c[r + 1] += c31;
    c[r + 2] += c32;
    c[r + 3] += c33;
    return;
  }
  // A ragged edge block: write only the rows and columns that exist (scratch, not a fresh array).
  const e = edge;
  e[0] = c00;
  e[1] = c01;
  e[2] = c02;
  e[3] = c03;
  e[4] = c10;
  e[5] = c11;
  e[6] = c12;
  e[7] = c13;
  e[8] = c20;
  e[9] = c21;
  e[10] = c22;
  e[11] = c23;
  e[12] = c30;
  e[13] = c31;
  e[14] = c32;
  e[15] = c33;
  for (let i = 0; i < mr; i++) for (let j = 0; j < nr; j++) c[cBase + i * ldc + j] += e[i * 4 + j];
}

/** The SIMD kernel's 4×4 sums, added into C (only the rows and columns that exist). */
function simdMicroKernel(
  kernel: SimdKernel,
  aBase: number,
  bBase: number,
  kc: number,
  c: Float64Array,
  cBase: number,
  ldc: number,
  mr: number,
  nr: number,
): void {
  const aBytes = (OUT_SLOTS + aBase) * 8;
  const bBytes = (OUT_SLOTS + MC * KC + bBase) * 8;
  kernel.kernel(aBytes, bBytes, kc, 0);
  const out = simdOut;
  for (let i = 0; i < mr; i++) {
    const row = cBase + i * ldc;
    for (let j = 0; j < nr; j++) c[row + j] += out[i * 4 + j];
  }
}

/** Small products: packing would cost more than it saves. */
function naiveGemm(
  m: number,
  n: number,
  k: number,
  a: FloatArray,
  aOffset: number,
  aRowStride: number,
  aColStride: number,
  b: FloatArray,
  bOffset: number,
  bRowStride: number,
  bColStride: number,
  c: Float64Array,
  cOffset: number,
  ldc: number,
): void {
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const x = a[aOffset + i * aRowStride + p * aColStride];
      const bRow = bOffset + p * bRowStride;
      const cRow = cOffset + i * ldc;
      for (let j = 0; j < n; j++) c[cRow + j] += x * b[bRow + j * bColStride];
    }
  }
}
