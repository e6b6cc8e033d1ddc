import { fmaf } from "../../math/fusedMultiplyAdd";
import { glibcExpf } from "../../math/glibcExpf";
import { expf, logf } from "../../math/sleefFloat";
import type { FloatArray } from "../floatArray";

/**
 * float32 softmax and log_softmax, forward and backward, with PyTorch 1.13.1's roundings on an
 * AVX2 CPU. Along the last dim its kernels work a row at a time in 8-float vectors: the max and
 * the sums are reduced lane-wise and then across lanes by halving shuffles, exp and log are
 * SLEEF's, softmax multiplies by 1/sum and log_softmax subtracts (x − max) − log(sum). Along
 * another dim the kernels run 8 positions of the inner dims side by side, each summing down its
 * lane in float with SLEEF's exp, and the last `inner % 8` positions one by one with the C
 * library's exp (glibc's, which is not SLEEF's). Every step below is one float operation of
 * those loops, fused where the compiler fuses a multiply and an add, so the results agree with
 * PyTorch's to the last bit (checked against recorded results in float32Softmax.test.ts).
 */

const f = Math.fround;
/** The vector width for float on AVX2. */
const LANES = 8;

/** `_mm256_max_ps` with NaN propagated, as Vectorized<float>'s maximum. */
const vmax = (a: number, b: number) => (a !== a || b !== b ? NaN : a > b ? a : b);
/** The C library's float exp, which PyTorch's scalar loops call. */
const scalarExpf = glibcExpf;

const acc = new Float64Array(LANES);

/**
 * `vec::reduce_all` over n values from `start`: eight lane accumulators (the tail folded into
 * the first lanes), then lanes 4 apart, 2 apart and 1 apart combined; under eight values, one
 * after another.
 */
function reduceAll(v: FloatArray, start: number, n: number, sum: boolean): number {
  if (n < LANES) {
    let r = v[start];
    for (let i = 1; i < n; i++) r = sum ? f(r + v[start + i]) : vmax(r, v[start + i]);
    return r;
  }
  for (let k = 0; k < LANES; k++) acc[k] = v[start + k];
  for (let d = LANES; d < n; d += LANES) {
    const width = Math.min(LANES, n - d);
    for (let k = 0; k < width; k++)
      acc[k] = sum ? f(acc[k] + v[start + d + k]) : vmax(acc[k], v[start + d + k]);
  }
  const op = sum ? (a: number, b: number) => f(a + b) : vmax;
  return op(op(op(acc[0], acc[4]), op(acc[2], acc[6])), op(op(acc[1], acc[5]), op(acc[3], acc[7])));
}

/**
 * `vec::map2_reduce_all` of g·y with +: as reduceAll, but after the first vector each product
 * is fused into its lane's sum (the compiler contracts the map and the reduction into FMAs).
 */
function dotAll(g: FloatArray, y: FloatArray, start: number, n: number): number {
  if (n < LANES) {
    let r = f(g[start] * y[start]);
    for (let i = 1; i < n; i++) r = f(r + f(g[start + i] * y[start + i]));
    return r;
  }
  for (let k = 0; k < LANES; k++) acc[k] = f(g[start + k] * y[start + k]);
  for (let d = LANES; d < n; d += LANES) {
    const width = Math.min(LANES, n - d);
    for (let k = 0; k < width; k++) acc[k] = fmaf(g[start + d + k], y[start + d + k], acc[k]);
  }
  const add = (a: number, b: number) => f(a + b);
  return add(add(add(acc[0], acc[4]), add(acc[2], acc[6])), add(add(acc[1], acc[5]), add(acc[3], acc[7])));
}

/** Outer × dim × inner sizes of a row-major shape around `dim`. */
function layout(shape: readonly number[], dim: number): { outer: number; size: number; inner: number } {
  if (shape.length === 0) return { outer: 1, size: 1, inner: 1 };
  let outer = 1;
  let inner = 1;
  for (let i = 0; i < dim; i++) outer *= shape[i];
  for (let i = dim + 1; i < shape.length; i++) inner *= shape[i];
  return { outer, size: shape[dim], inner };
}

/** softmax or log_softmax of row-major float32 values `x` of `shape` along `dim`, into `out`. */
export function softmaxFloat32(
  x: FloatArray,
  shape: readonly number[],
  dim: number,
  log: boolean,
  out: FloatArray,
): void {
  const { outer, size, inner } = layout(shape, dim);
  if (size === 0 || outer * inner === 0) return;
  if (inner === 1) lastDim(x, outer, size, log, out);
  else if (log) nonLastDimLogSoftmax(x, outer, size, inner, out);
  else
    for (let o = 0; o < outer; o++) {
      // the inner positions 8 at a time, the last `inner % 8` one by one (PyTorch 1.13.1 runs
      // this as one loop whatever its thread count: its results do not change with it)
      const vectorEnd = inner - (inner % LANES);
      for (let p = 0; p < inner; p++)
        if (p < vectorEnd) vectorSoftmaxPosition(x, size, inner, o * size * inner + p, out);
        else scalarSoftmaxPosition(x, size, inner, o * size * inner + p, out);
    }
}

function lastDim(x: FloatArray, rows: number, size: number, log: boolean, out: FloatArray): void {
  for (let r = 0; r < rows; r++) {
    const base = r * size;
    const max = reduceAll(x, base, size, false);
    for (let j = 0; j < size; j++) out[base + j] = expf(f(x[base + j] - max));
    const sum = reduceAll(out, base, size, true);
    if (log) {
      const logSum = logf(sum);
      for (let j = 0; j < size; j++) out[base + j] = f(f(x[base + j] - max) - logSum);
    } else {
      const scale = f(1 / sum);
      for (let j = 0; j < size; j++) out[base + j] = f(out[base + j] * scale);
    }
  }
}

/** softmax of the lane from `s` (step `inner`) as one lane of PyTorch's 8-position vector loop. */
function vectorSoftmaxPosition(x: FloatArray, size: number, inner: number, s: number, out: FloatArray): void {
  let max = x[s];
  for (let d = 1; d < size; d++) max = vmax(max, x[s + d * inner]);
  let sum = 0;
  for (let d = 0; d < size; d++) sum = f(sum + (out[s + d * inner] = expf(f(x[s + d * inner] - max))));
  for (let d = 0; d < size; d++) out[s + d * inner] = f(out[s + d * inner] / sum);
}

/** `std::max(a, b)`: b only when a < b (a NaN first element sticks, a later one is passed over). */
const stdMax = (a: number, b: number) => (a < b ? b : a);

/** The same by PyTorch's scalar loop: std::max, the C library's exp. */
function scalarSoftmaxPosition(x: FloatArray, size: number, inner: number, s: number, out: FloatArray): void {
  let max = x[s];
  for (let d = 1; d < size; d++) max = stdMax(max, x[s + d * inner]);
  let sum = 0;
  for (let d = 0; d < size; d++) sum = f(sum + (out[s + d * inner] = scalarExpf(f(x[s + d * inner] - max))));
  for (let d = 0; d < size; d++) out[s + d * inner] = f(out[s + d * inner] / sum);
}

/**
 * The positions of the inner dims as PyTorch's non-last-dim log_softmax and backward kernels
 * block them: chunks of about 128 KB of a dim's lanes (a multiple of 8 positions), each chunk's
 * first positions 8 at a time (`vector` true) and its last `length % 8` one by one.
 */
function forEachChunk(
  outer: number,
  size: number,
  inner: number,
  visit: (base: number, from: number, to: number, vector: boolean) => void,
): void {
  const chunk = Math.max(Math.floor(Math.floor(BLOCK_BYTES / size) / 4), LANES) & ~(LANES - 1);
  for (let o = 0; o < outer; o++)
    for (let begin = 0; begin < inner; begin += chunk) {
      const length = Math.min(chunk, inner - begin);
      const vectorEnd = begin + length - (length % LANES);
      const base = o * size * inner;
      if (vectorEnd > begin) visit(base, begin, vectorEnd, true);
      if (vectorEnd < begin + length) visit(base, vectorEnd, begin + length, false);
    }
}
const BLOCK_BYTES = 128 * 1024;

/** `data > max ? data : max`: the non-last-dim max, which passes NaNs over. */
const blendMax = (a: number, b: number) => (b > a ? b : a);

/** log_softmax along a dim other than the last: per position, float sums of exps, SLEEF's log. */
function nonLastDimLogSoftmax(
  x: FloatArray,
  outer: number,
  size: number,
  inner: number,
  out: FloatArray,
): void {
  forEachChunk(outer, size, inner, (base, from, to, vector) => {
    const exp = vector ? expf : scalarExpf;
    for (let p = from; p < to; p++) {
      const s = base + p;
      let max = -Infinity;
      for (let d = 0; d < size; d++) max = blendMax(max, x[s + d * inner]);
      let sum = 0;
      for (let d = 0; d < size; d++) sum = f(sum + exp(f(x[s + d * inner] - max)));
      const logSum = logf(sum);
      for (let d = 0; d < size; d++) out[s + d * inner] = f(f(x[s + d * inner] - max) - logSum);
    }
  });
}

/**
 * The gradient of softmax (y = its output) or log_softmax for upstream `g`, into `out`:
 * softmax's (g − Σ g·y)·y with Σ of fused products, log_softmax's g − exp(y)·Σ g as one fused
 * multiply-add; along the last dim Σ is a vector reduction, along another a float sum down
 * each position's lane.
 */
export function softmaxBackwardFloat32(
  g: FloatArray,
  y: FloatArray,
  shape: readonly number[],
  dim: number,
  log: boolean,
  out: FloatArray,
): void {
  const { outer, size, inner } = layout(shape, dim);
  if (size === 0 || outer * inner === 0) return;
  if (inner === 1) {
    for (let r = 0; r < outer; r++) {
      const base = r * size;
      if (log) {
        const sum = reduceAll(g, base, size, true);
        for (let j = 0; j < size; j++) out[base + j] = fmaf(-expf(y[base + j]), sum, g[base + j]);
      } else {
        const sum = dotAll(g, y, base, size);
        for (let j = 0; j < size; j++) out[base + j] = f(f(g[base + j] - sum) * y[base + j]);
      }
    }
    return;
  }
  forEachChunk(outer, size, inner, (base, from, to, vector) => {
    const exp = vector ? expf : scalarExpf;
    for (let p = from; p < to; p++) {
      const s = base + p;
      let sum = 0;
      for (let d = 0; d < size; d++) {
        const q = s + d * inner;
        sum = log ? f(sum + g[q]) : fmaf(g[q], y[q], sum);
      }
      for (let d = 0; d < size; d++) {
        const q = s + d * inner;
        out[q] = log ? fmaf(-exp(y[q]), sum, g[q]) : f(y[q] * f(g[q] - sum));
      }
    }
  });
}
