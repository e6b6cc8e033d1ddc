import type { FloatArray } from "../floatArray";
import { contiguousStrides, numelOf } from "../shapeMath";
import { isSinglePrecision } from "../dtype";
import type { Tensor } from "../tensor";

/**
 * Floating-point sums in PyTorch's CPU order, so a float32 `sum`/`mean` gives PyTorch's float,
 * not the correctly rounded one. PyTorch (1) lays the reduction out as its TensorIterator does —
 * reduced dims first, the rest by increasing stride, adjacent dims merged when memory allows —
 * then (2) sums each 2-d slice with its "cascade sum": four interleaved accumulators, each
 * adding blocks of 2^k elements into a higher level as blocks complete, over 8-float (4-double)
 * vectors where the data is contiguous. Every addition here is rounded to the dtype as the
 * vector unit rounds it. (Past 32,768 elements PyTorch splits sums between threads, which
 * changes the grouping; this follows the single-thread order.)
 */

type Round = (x: number) => number;

interface Kernel {
  data: FloatArray;
  round: Round;
  /** Whether every addition rounds to float32 (the loops test this, not `round`: no call per add). */
  single: boolean;
  lanes: number;
}

function ceilLog2(x: number): number {
  if (x <= 2) return 1;
  return Math.floor(Math.log2(x - 1)) + 1;
}

/** `acc[to + l] += acc-or-data[from + l]` for each of `lanes` lanes, rounded as the kernel rounds. */
function addLanes(
  single: boolean,
  acc: Float64Array,
  to: number,
  src: FloatArray,
  from: number,
  lanes: number,
): void {
  if (single) for (let l = 0; l < lanes; l++) acc[to + l] = Math.fround(acc[to + l] + src[from + l]);
  else for (let l = 0; l < lanes; l++) acc[to + l] = acc[to + l] + src[from + l];
}

/**
 * One step of multiRowSum: row k's `lanes` values at at + k·colStride into its accumulators at
 * k·lanes (each accumulator gets the same additions in the same order as addLanes per row; one
 * call per step, not per row, on the loop that does nearly all of a sum's work).
 */
function addRows(
  single: boolean,
  acc: Float64Array,
  src: FloatArray,
  at: number,
  colStride: number,
  nrows: number,
  lanes: number,
): void {
  for (let row = 0, to = 0; row < nrows; row++) {
    const from = at + row * colStride;
    if (single) for (let l = 0; l < lanes; l++, to++) acc[to] = Math.fround(acc[to] + src[from + l]);
    else for (let l = 0; l < lanes; l++, to++) acc[to] = acc[to] + src[from + l];
  }
}

/** `steps` steps of addRows over rows side by side: `width` values from `at` on, then the next `width`. */
function addBlocks(
  single: boolean,
  acc: Float64Array,
  src: FloatArray,
  at: number,
  steps: number,
  width: number,
): void {
  if (single)
    for (let j = 0; j < steps; j++, at += width)
      for (let m = 0; m < width; m++) acc[m] = Math.fround(acc[m] + src[at + m]);
  else
    for (let j = 0; j < steps; j++, at += width)
      for (let m = 0; m < width; m++) acc[m] = acc[m] + src[at + m];
}

/**
 * `multi_row_sum`: `nrows` sums at once over `size` steps; step i reads row k at
 * base + i·rowStride + k·colStride, `lanes` wide. Returns the sums row after row, `lanes` each
 * (row k's lane l at k·lanes + l). The accumulators of all levels live in one array: level j,
 * row k, lane l at (j·nrows + k)·lanes + l.
 */
function multiRowSum(
  k: Kernel,
  base: number,
  rowStride: number,
  colStride: number,
  size: number,
  nrows: number,
  lanes: number,
): Float64Array {
  const levels = 4;
  const power = Math.max(4, Math.floor(ceilLog2(size) / levels));
  const step = 2 ** power;
  const width = nrows * lanes;
  const acc = new Float64Array(levels * width);
  const { data, single } = k;
  // rows side by side and steps back to back (a contiguous sum): each step reads `width` values
  // in a row, and a run of steps is one stretch of memory
  const block = colStride === lanes && rowStride === width;
  let i = 0;
  while (i + step <= size) {
    if (block) {
      addBlocks(single, acc, data, base + i * rowStride, step, width);
      i += step;
    } else
      for (let j = 0; j < step; j++, i++)
        addRows(single, acc, data, base + i * rowStride, colStride, nrows, lanes);
    for (let j = 1; j < levels; j++) {
      addLanes(single, acc, j * width, acc, (j - 1) * width, width);
      acc.fill(0, (j - 1) * width, j * width);
      // stop unless the level above just completed a block of its own
      if (Math.floor(i / 2 ** (j * power)) % step !== 0) break;
    }
  }
  if (block && i < size) {
    addBlocks(single, acc, data, base + i * rowStride, size - i, width);
    i = size;
  }
  for (; i < size; i++) addRows(single, acc, data, base + i * rowStride, colStride, nrows, lanes);
  for (let j = 1; j < levels; j++) addLanes(single, acc, 0, acc, j * width, width);
  return acc.subarray(0, width);
}

/** `row_sum`: `size` loads `stride` apart, summed by four interleaved accumulators; `lanes` sums. */
function rowSum(k: Kernel, base: number, stride: number, size: number, lanes: number): Float64Array {
  const ilp = 4;
  const sizeIlp = Math.floor(size / ilp);
  const partial = multiRowSum(k, base, stride * ilp, stride, sizeIlp, ilp, lanes);
  for (let i = sizeIlp * ilp; i < size; i++) addLanes(k.single, partial, 0, k.data, base + i * stride, lanes);
  for (let j = 1; j < ilp; j++) addLanes(k.single, partial, 0, partial, j * lanes, lanes);
  return partial.subarray(0, lanes);
}

/** Adds one value into an output element, as `*out += value` in the dtype. */
function store(out: Float64Array, at: number, value: number, r: Round): void {
  out[at] = r(out[at] + value);
}

/** One 2-d slice of the reduction (PyTorch's `cascade_sum` loop body). */
function sumSlice(
  k: Kernel,
  out: Float64Array,
  inBase: number,
  outBase: number,
  inStrides: [number, number],
  outStrides: [number, number],
  sizes: [number, number],
): void {
  let [in0, in1] = inStrides;
  let [out0, out1] = outStrides;
  let [size0, size1] = sizes;
  const r = k.round;
  if (out0 !== 0 && out1 === 0) {
    [in0, in1] = [in1, in0];
    [out0, out1] = [out1, out0];
    [size0, size1] = [size1, size0];
  }
  if (out0 !== 0 && out1 !== 0) {
    // nothing reduced in this slice: elementwise out += in
    for (let j = 0; j < size1; j++)
      for (let i = 0; i < size0; i++)
        store(out, outBase + j * out1 + i * out0, k.data[inBase + j * in1 + i * in0], r);
    return;
  }
  const L = k.lanes;
  if (in0 === 1 && size0 >= L) {
    const vecSize = Math.floor(size0 / L);
    for (let j = 0; j < size1; j++) {
      const row = inBase + j * in1;
      const vec = rowSum(k, row, L, vecSize, L);
      let acc = 0;
      for (let i = vecSize * L; i < size0; i++) acc = r(acc + k.data[row + i]);
      for (let l = 0; l < L; l++) acc = r(acc + vec[l]);
      store(out, outBase + j * out1, acc, r);
    }
  } else if (in1 === 1 && size1 >= L) {
    let j = 0;
    for (; j + 4 * L <= size1; j += 4 * L) {
      const sums = multiRowSum(k, inBase + j, in0, L, size0, 4, L);
      for (let row = 0; row < 4; row++)
        for (let l = 0; l < L; l++) store(out, outBase + (j + row * L + l) * out1, sums[row * L + l], r);
    }
    for (; j + L <= size1; j += L) {
      const sums = rowSum(k, inBase + j, in0, size0, L);
      for (let l = 0; l < L; l++) store(out, outBase + (j + l) * out1, sums[l], r);
    }
    for (; j < size1; j++) store(out, outBase + j * out1, rowSum(k, inBase + j, in0, size0, 1)[0], r);
  } else if (in0 < in1) {
    for (let j = 0; j < size1; j++)
      store(out, outBase + j * out1, rowSum(k, inBase + j * in1, in0, size0, 1)[0], r);
  } else {
    let j = 0;
    for (; j + 3 < size1; j += 4) {
      const sums = multiRowSum(k, inBase + j * in1, in0, in1, size0, 4, 1);
      for (let row = 0; row < 4; row++) store(out, outBase + (j + row) * out1, sums[row], r);
    }
    for (; j < size1; j++) store(out, outBase + j * out1, rowSum(k, inBase + j * in1, in0, size0, 1)[0], r);
  }
}

/**
 * The sum of float tensor `a` over `dims`, into the keepdim shape's row-major order, rounded
 * as PyTorch's CPU kernel rounds it for `dtype` (float32 or float64).
 */
export function cascadeSum(a: Tensor, dims: readonly number[], dtype: "float32" | "float64"): Float64Array {
  const keepShape = a.shape.map((d, i) => (dims.includes(i) ? 1 : d));
  const out = new Float64Array(numelOf(keepShape));
  if (a.numel === 0) return out;
  const single = isSinglePrecision(dtype);
  const round: Round = single ? Math.fround : (x) => x;
  const source = a.storage.data;
  // an input of another dtype is cast to the sum's dtype first
  const data = a.dtype !== dtype ? source.map(round) : source;
  const k: Kernel = { data, round, single, lanes: single ? 8 : 4 };
  if (a.ndim === 0) {
    out[0] = round(data[a.offset]);
    return out;
  }
  const outStridesFull = contiguousStrides(keepShape).map((s, i) => (dims.includes(i) ? 0 : s));
  // 1. TensorIterator's order: fastest dim first, reduced dims before kept ones
  const n = a.ndim;
  const perm: number[] = [];
  for (let i = 0; i < n; i++) perm.push(n - 1 - i);
  const shouldSwap = (d0: number, d1: number): number => {
    const o0 = outStridesFull[d0];
    const o1 = outStridesFull[d1];
    if ((o0 === 0) !== (o1 === 0)) return o1 === 0 ? 1 : -1;
    for (const [s0, s1] of [
      [o0, o1],
      [a.strides[d0], a.strides[d1]],
    ]) {
      if (s0 === 0 || s1 === 0) continue;
      if (s0 < s1) return -1;
      if (s0 > s1) return 1;
      if (a.shape[d0] > a.shape[d1]) return 1;
    }
    return 0;
  };
  for (let i = 1; i < n; i++) {
    let d1 = i;
    for (let d0 = i - 1; d0 >= 0; d0--) {
      const c = shouldSwap(perm[d0], perm[d1]);
      if (c > 0) {
        [perm[d0], perm[d1]] = [perm[d1], perm[d0]];
        d1 = d0;
      } else if (c < 0) break;
    }
  }
  let shape = perm.map((d) => a.shape[d]);
  let inStrides = perm.map((d) => a.strides[d]);
  let outStrides = perm.map((d) => outStridesFull[d]);
  // 2. merge adjacent dims whose memory lines up for both tensors
  let prev = 0;
  for (let d = 1; d < shape.length; d++) {
    const lines = (st: number[]) => shape[prev] * st[prev] === st[d];
    if (shape[prev] === 1 || shape[d] === 1 || (lines(inStrides) && lines(outStrides))) {
      if (shape[prev] === 1) {
        inStrides[prev] = inStrides[d];
        outStrides[prev] = outStrides[d];
      }
      shape[prev] *= shape[d];
    } else {
      prev++;
      if (prev !== d) {
        inStrides[prev] = inStrides[d];
        outStrides[prev] = outStrides[d];
        shape[prev] = shape[d];
      }
    }
  }
  shape = shape.slice(0, prev + 1);
  inStrides = inStrides.slice(0, prev + 1);
  outStrides = outStrides.slice(0, prev + 1);
  while (shape.length < 2) {
    shape.push(1);
    inStrides.push(0);
    outStrides.push(0);
  }
  // 3. the 2-d slices, outer dims counted with the lowest one fastest
  const outer = shape.slice(2);
  const index = new Array<number>(outer.length).fill(0);
  let inBase = a.offset;
  let outBase = 0;
  const slices = outer.reduce((p, d) => p * d, 1);
  for (let s = 0; s < slices; s++) {
    sumSlice(
      k,
      out,
      inBase,
      outBase,
      [inStrides[0], inStrides[1]],
      [outStrides[0], outStrides[1]],
      [shape[0], shape[1]],
    );
    for (let d = 0; d < outer.length; d++) {
      inBase += inStrides[d + 2];
      outBase += outStrides[d + 2];
      if (++index[d] < outer[d]) break;
      inBase -= inStrides[d + 2] * outer[d];
      outBase -= outStrides[d + 2] * outer[d];
      index[d] = 0;
    }
  }
  return out;
}

/**
 * The sum of `n` (2 or more) contiguous elements of `data` from `offset`, in the dtype: what
 * cascadeSum gives for a contiguous tensor of them summed over all its dims (its layout merges
 * to one run of n elements), without a tensor around the array. For sums of arrays no program
 * sees (a gradient's product summed to a 0-d parameter: summedProduct.ts).
 */
export function sumContiguous(
  data: FloatArray,
  offset: number,
  n: number,
  dtype: "float32" | "float64",
): number {
  const single = isSinglePrecision(dtype);
  const k: Kernel = { data, round: single ? Math.fround : (x) => x, single, lanes: single ? 8 : 4 };
  const out = new Float64Array(1);
  sumSlice(k, out, offset, 0, [1, 0], [0, 0], [n, 1]);
  return out[0];
}
