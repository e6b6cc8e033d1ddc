import type { FloatArray } from "../../../engine/tensor/floatArray";
import { allocFloat64, chargeMemory } from "../../../engine/memory";
import {
  depthBlocks,
  level3Schedule,
  type Blocking,
  type KernelCall,
} from "../../../engine/tensor/ops/openBlasDriver";
import { fma } from "./fma";

/**
 * The float64 BLAS routines numpy's `dot` and `matmul` call, computed in the order OpenBLAS
 * 0.3.x's Haswell kernels add (the kernels Debian's numpy uses on x86-64): so that a product
 * has numpy's last digits. The orders were read from the kernels' structure (lanes, blocks,
 * fused multiply-adds, remainders) and checked against numpy on random matrices of many
 * shapes (see fixtures/blas.json). Products big enough that OpenBLAS splits them between its
 * threads are split as it splits them between two (the number this model is fixed at, so that
 * numbers do not depend on the machine; fixtures/blas_threads.json was recorded on two cores).
 * Matrices are column-major as BLAS sees them: element (i, j) of A is `a[aOff + i + j·lda]`.
 */

/**
 * `ddot`. Past 10,000 elements (and strides not 0) OpenBLAS gives each of its two threads a
 * half (the first rounded up) and adds their sums to 0 in order.
 */
export function ddot(
  n: number,
  x: FloatArray,
  xOff: number,
  incx: number,
  y: FloatArray,
  yOff: number,
  incy: number,
): number {
  if (n <= DOT_SERIAL_LIMIT || incx === 0 || incy === 0) return ddotKernel(n, x, xOff, incx, y, yOff, incy);
  const [first] = threadSplit(n, 1);
  const r0 = ddotKernel(first, x, xOff, incx, y, yOff, incy);
  const r1 = ddotKernel(n - first, x, xOff + first * incx, incx, y, yOff + first * incy, incy);
  return 0 + r0 + r1;
}

/** Dot products up to this length run on one thread. */
const DOT_SERIAL_LIMIT = 10000;
/** Matrix-vector products of fewer elements run on one thread (2304 · GEMM_MULTITHREAD_THRESHOLD). */
const GEMV_SERIAL_BELOW = 2304 * 4;

/**
 * How OpenBLAS's level-1 and -2 drivers cut `total` between its two threads: the first part
 * half rounded up, at least `least`, and never past the end; the second the rest (maybe none).
 */
function threadSplit(total: number, least: number): [number, number] {
  const first = Math.min(total, Math.max(least, Math.ceil(total / 2)));
  return [first, total - first];
}

/** One thread's `ddot`: 16 lanes of fused multiply-adds over whole blocks of 16, reduced pairwise; the rest in order. */
function ddotKernel(
  n: number,
  x: FloatArray,
  xOff: number,
  incx: number,
  y: FloatArray,
  yOff: number,
  incy: number,
): number {
  if (n <= 0) return 0;
  if (incx === 1 && incy === 1) {
    const n1 = n & -16;
    let dot = 0;
    if (n1 > 0) {
      const acc = new Float64Array(16);
      for (let i = 0; i < n1; i += 16)
        for (let l = 0; l < 16; l++) acc[l] = fma(y[yOff + i + l], x[xOff + i + l], acc[l]);
      // each ymm (4 lanes): high half onto low half; then the four registers pairwise; then horizontal
      const h = (k: number, lane: number) => acc[4 * k + lane] + acc[4 * k + lane + 2];
      const r4 = [h(0, 0) + h(1, 0), h(0, 1) + h(1, 1)];
      const r6 = [h(2, 0) + h(3, 0), h(2, 1) + h(3, 1)];
      dot = r4[0] + r6[0] + (r4[1] + r6[1]);
    }
    for (let i = n1; i < n; i++) dot += y[yOff + i] * x[xOff + i];
    return dot;
  }
  let t1 = 0;
  let t2 = 0;
  const n1 = n & -4;
  let i = 0;
  let ix = xOff;
  let iy = yOff;
  for (; i < n1; i += 4) {
    const m1 = y[iy] * x[ix];
    const m2 = y[iy + incy] * x[ix + incx];
    const m3 = y[iy + 2 * incy] * x[ix + 2 * incx];
    const m4 = y[iy + 3 * incy] * x[ix + 3 * incx];
    ix += 4 * incx;
    iy += 4 * incy;
    t1 += m1 + m3;
    t2 += m2 + m4;
  }
  for (; i < n; i++, ix += incx, iy += incy) t1 += y[iy] * x[ix];
  return t1 + t2;
}

const NBMAX = 2048;

/**
 * `dgemv` transposed (A is m × n, y has n elements). From 9216 elements OpenBLAS splits the
 * outputs between its two threads (each at least 4), each running the kernel on its columns.
 */
export function dgemvT(
  m: number,
  n: number,
  a: FloatArray,
  aOff: number,
  lda: number,
  x: FloatArray,
  xOff: number,
  incx: number,
): Float64Array {
  if (m * n < GEMV_SERIAL_BELOW) return dgemvTKernel(m, n, a, aOff, lda, x, xOff, incx);
  const [first, rest] = threadSplit(n, 4);
  const y = dgemvTKernel(m, first, a, aOff, lda, x, xOff, incx);
  if (rest === 0) return y;
  const out = new Float64Array(n);
  out.set(y);
  out.set(dgemvTKernel(m, rest, a, aOff + first * lda, lda, x, xOff, incx), first);
  return out;
}

/**
 * One thread's `dgemv` transposed: y[j] = Σᵢ A[i, j]·x[i] for i < m (A is m × n). Outputs in groups of four
 * use 4 lanes of fused multiply-adds, a pair or a single output plain SSE lanes; the last m % 4
 * terms are added by compiled C (contracted into fused multiply-adds).
 */
function dgemvTKernel(
  m: number,
  n: number,
  a: FloatArray,
  aOff: number,
  lda: number,
  x: FloatArray,
  xOff: number,
  incx: number,
): Float64Array {
  const y = new Float64Array(n);
  if (m < 1 || n < 1) return y;
  const xs = new Float64Array(m);
  for (let i = 0; i < m; i++) xs[i] = x[xOff + i * incx];
  const m3 = m & 3;
  let m1 = m & -4;
  const m2 = (m & (NBMAX - 1)) - m3;
  let nb = NBMAX;
  let base = 0;
  const n1 = n >> 2;
  const n2 = n & 3;
  const acc = new Float64Array(4);
  while (nb === NBMAX) {
    m1 -= nb;
    if (m1 < 0) {
      if (m2 === 0) break;
      nb = m2;
    }
    let j = 0;
    for (let g = 0; g < n1; g++, j += 4)
      for (let jj = j; jj < j + 4; jj++) {
        acc.fill(0);
        const col = aOff + jj * lda + base;
        for (let i = 0; i < nb; i++) acc[i & 3] = fma(a[col + i], xs[base + i], acc[i & 3]);
        y[jj] += acc[0] + acc[2] + (acc[1] + acc[3]);
      }
    if (n2 & 2) {
      for (let jj = j; jj < j + 2; jj++) {
        const col = aOff + jj * lda + base;
        let l0 = 0;
        let l1 = 0;
        for (let i = 0; i < nb; i += 2) {
          l0 += a[col + i] * xs[base + i];
          l1 += a[col + i + 1] * xs[base + i + 1];
        }
        y[jj] += l0 + l1;
      }
      j += 2;
    }
    if (n2 & 1) {
      const col = aOff + j * lda + base;
      acc.fill(0);
      for (let i = 0; i < nb; i++) acc[i & 3] += a[col + i] * xs[base + i];
      y[j] += acc[0] + acc[2] + (acc[1] + acc[3]);
    }
    base += nb;
  }
  if (m3 === 0) return y;
  for (let j = 0; j < n; j++) {
    const col = aOff + j * lda + base;
    if (m3 === 1) y[j] = fma(a[col], xs[base], y[j]);
    else {
      let t = fma(a[col], xs[base], a[col + 1] * xs[base + 1]);
      if (m3 === 3) t = fma(a[col + 2], xs[base + 2], t);
      y[j] += t;
    }
  }
  return y;
}

/**
 * `dgemv` not transposed (A is m × n, y has m elements). From 9216 elements OpenBLAS splits the
 * rows between its two threads (each at least 4), each running the kernel on its rows. When
 * there are too few rows for two (4 or fewer) and more than 9216 elements, it splits the
 * columns instead (its buffer for partial results holds them), and adds the threads' partial
 * results to 0 in order.
 */
export function dgemvN(
  m: number,
  n: number,
  a: FloatArray,
  aOff: number,
  lda: number,
  x: FloatArray,
  xOff: number,
  incx: number,
): Float64Array {
  if (m * n < GEMV_SERIAL_BELOW) return dgemvNKernel(m, n, a, aOff, lda, x, xOff, incx);
  const [first, rest] = threadSplit(m, 4);
  if (rest > 0) {
    const y = new Float64Array(m);
    y.set(dgemvNKernel(first, n, a, aOff, lda, x, xOff, incx));
    y.set(dgemvNKernel(rest, n, a, aOff + first, lda, x, xOff, incx), first);
    return y;
  }
  if (m * n <= GEMV_SERIAL_BELOW) return dgemvNKernel(m, n, a, aOff, lda, x, xOff, incx);
  const [left, right] = threadSplit(n, 4);
  const y0 = dgemvNKernel(m, left, a, aOff, lda, x, xOff, incx);
  if (right === 0) return y0;
  const y1 = dgemvNKernel(m, right, a, aOff + left * lda, lda, x, xOff + left * incx, incx);
  for (let i = 0; i < m; i++) y0[i] = 0 + y0[i] + y1[i];
  return y0;
}

/**
 * One thread's `dgemv` not transposed: y[i] = Σⱼ A[i, j]·x[j] for j < n (A is m × n). Rows in blocks of four
 * take columns four at a time as two fused chains summed, then a pair, then one at a time;
 * the last m % 4 rows are plain sums.
 */
function dgemvNKernel(
  m: number,
  n: number,
  a: FloatArray,
  aOff: number,
  lda: number,
  x: FloatArray,
  xOff: number,
  incx: number,
): Float64Array {
  const y = new Float64Array(m);
  if (m < 1 || n < 1) return y;
  const xs = new Float64Array(n);
  for (let j = 0; j < n; j++) xs[j] = x[xOff + j * incx];
  const m3 = m & 3;
  let m1 = m & -4;
  const m2 = (m & (NBMAX - 1)) - m3;
  let nb = NBMAX;
  let base = 0;
  const n1 = n >> 2;
  const n2 = n & 3;
  while (nb === NBMAX) {
    m1 -= nb;
    if (m1 < 0) {
      if (m2 === 0) break;
      nb = m2;
    }
    let j = 0;
    for (let g = 0; g < n1; g++, j += 4) {
      const c0 = aOff + j * lda + base;
      const c1 = c0 + lda;
      const c2 = c1 + lda;
      const c3 = c2 + lda;
      for (let i = 0; i < nb; i++) {
        const t4 = fma(a[c2 + i], xs[j + 2], a[c0 + i] * xs[j]);
        const t5 = fma(a[c3 + i], xs[j + 3], a[c1 + i] * xs[j + 1]);
        y[base + i] += t4 + t5;
      }
    }
    if (incx === 1) {
      if (n2 & 2) {
        const c0 = aOff + j * lda + base;
        const c1 = c0 + lda;
        for (let i = 0; i < nb; i++) y[base + i] += a[c0 + i] * xs[j] + a[c1 + i] * xs[j + 1];
        j += 2;
      }
      if (n2 & 1) {
        const c0 = aOff + j * lda + base;
        for (let i = 0; i < nb; i++) y[base + i] += a[c0 + i] * xs[j];
      }
    } else
      for (let k = 0; k < n2; k++, j++) {
        const c0 = aOff + j * lda + base;
        for (let i = 0; i < nb; i++) y[base + i] += a[c0 + i] * xs[j];
      }
    base += nb;
  }
  for (let r = 0; r < m3; r++) {
    let temp = 0;
    const row = aOff + base + r;
    if (lda === m3 && incx === 1) {
      let j = 0;
      for (; j < (n & -4); j += 4) {
        temp += a[row + j * lda] * xs[j] + a[row + (j + 1) * lda] * xs[j + 1];
        temp += a[row + (j + 2) * lda] * xs[j + 2] + a[row + (j + 3) * lda] * xs[j + 3];
      }
      for (; j < n; j++) temp += a[row + j * lda] * xs[j];
    } else for (let j = 0; j < n; j++) temp += a[row + j * lda] * xs[j];
    y[base + r] += temp;
  }
  return y;
}

/** Haswell's dgemm blocking: GEMM_P, GEMM_Q, GEMM_R; the kernel's unroll of 4 (C's columns) by 8 (rows). */
const DGEMM: Blocking = { p: 512, q: 256, r: 13824, unrollM: 4, unrollN: 8 };

/**
 * Marks the elements of C (m × n, row-major) the kernel sums in four lanes: a kernel call over
 * an odd number of C's rows takes its last row one at a time, and there its columns four at a
 * time (from the call's first column) with four accumulators; the rest of that row, and every
 * other element, is one chain. Which calls there are depends on the driver's schedule: with
 * two threads OpenBLAS splits C's rows and columns between them, and then halves each
 * thread's rows, so odd calls can end in the middle of C.
 */
function fourLaneElements(m: number, n: number, calls: KernelCall[]): Uint8Array {
  chargeMemory(m * n);
  const four = new Uint8Array(m * n);
  for (const call of calls)
    if (call.rows % 2 === 1) {
      const at = (call.row + call.rows - 1) * n + call.col;
      four.fill(1, at, at + (call.cols & -4));
    }
  return four;
}

/**
 * `dgemm`: C[i, j] = Σₖ A[i, k]·B[k, j], each element a chain of fused multiply-adds over a
 * depth block, the blocks added in order. OpenBLAS computes the row-major product as its
 * transpose; where its kernel is given an odd number of C's rows, it sums the last one's
 * elements in groups of four columns with the depth split over four accumulators (k mod 4,
 * in whole blocks of eight; the rest into the first), summed in pairs. Past 65536·4
 * multiply-adds OpenBLAS splits the work between threads, which changes both the calls and
 * the depth blocks: modelled for two threads (openBlasDriver.ts). Operands by element
 * strides (any transposition).
 */
export function dgemm(
  m: number,
  n: number,
  k: number,
  a: FloatArray,
  aOff: number,
  aRow: number,
  aCol: number,
  b: FloatArray,
  bOff: number,
  bRow: number,
  bCol: number,
): Float64Array {
  const c = allocFloat64(m * n);
  if (m === 0 || n === 0 || k === 0) return c;
  const { calls, threaded } = level3Schedule(m, n, k, DGEMM);
  const four = fourLaneElements(m, n, calls);
  const blocks = depthBlocks(k, threaded, DGEMM).map(([, size]) => size);
  const lanes = new Float64Array(4);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const fourWide = four[i * n + j] === 1;
      let total = 0;
      let start = 0;
      for (const len of blocks) {
        let pa = aOff + i * aRow + start * aCol;
        let pb = bOff + start * bRow + j * bCol;
        let acc = 0;
        if (fourWide) {
          lanes.fill(0);
          const whole = len & -8;
          for (let q = 0; q < len; q++, pa += aCol, pb += bRow) {
            const lane = q < whole ? q & 3 : 0;
            lanes[lane] = fma(a[pa], b[pb], lanes[lane]);
          }
          acc = lanes[0] + lanes[1] + (lanes[2] + lanes[3]);
        } else for (let q = 0; q < len; q++, pa += aCol, pb += bRow) acc = fma(a[pa], b[pb], acc);
        total += acc;
        start += len;
      }
      c[i * n + j] = total;
    }
  }
  return c;
}
