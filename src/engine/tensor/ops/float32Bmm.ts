import { allocFloat64 } from "../../memory";
import { type FloatArray } from "../floatArray";
import { contiguousStrides, numelOf } from "../shapeMath";
import { Tensor } from "../tensor";
import { float32Values } from "./float32Mm";
import { openBlasSgemm } from "./openBlasSgemm";

/**
 * PyTorch 1.13's float32 `bmm` on the CPU, which `a @ b` of two ≥3-d operands also reaches (after
 * broadcasting the batch dims and folding them into one). A product with fewer than 400
 * multiply-adds per matrix (rows · depth · cols) goes through ATen's own loop: each element a
 * float32 sum from 0, term by term in depth order. A larger one is one OpenBLAS `sgemm` per
 * batch matrix, summed as `mm` sums it (openBlasSgemm.ts).
 */

/** Below this many multiply-adds per matrix, ATen sums with its own loop instead of BLAS. */
export const NAIVE_BMM_LIMIT = 400;

/** A batch of matrices as ATen reads them: where each matrix starts, and its element strides. */
export interface BatchOperand {
  data: ArrayLike<number>;
  offsets: readonly number[];
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * `t` (≥2-d) broadcast to the batch shape `batch` and folded to one batch dim, as `matmul` does
 * with `expand(...).reshape(count, rows, cols)`: a view when the batch dims merge, else a
 * row-major copy. `swap` reads the result transposed (the backward's `transpose(1, 2)`).
 */
export function batchOperand(t: Tensor, batch: readonly number[], swap = false): BatchOperand {
  const own = t.ndim - 2;
  const lead = batch.length - own;
  const strides: number[] = [];
  for (let d = 0; d < batch.length; d++) {
    const o = d - lead;
    strides.push(o < 0 || (t.shape[o] === 1 && batch[d] !== 1) ? 0 : t.strides[o]);
  }
  const view = batchDimsMerge(batch, strides);
  const data = view ? t.storage.data : t.copyValues();
  const tStrides = view ? t.strides : contiguousStrides(t.shape);
  const base = view ? t.offset : 0;
  const folded = batch.map((_, d) => (d < lead ? 0 : t.shape[d - lead] === 1 ? 0 : tStrides[d - lead]));
  const offsets = offsetsOf(batch, folded, base);
  const rows = t.shape[own];
  const cols = t.shape[own + 1];
  const row = tStrides[own];
  const col = tStrides[own + 1];
  return swap
    ? { data, offsets, row: col, col: row, rows: cols, cols: rows }
    : { data, offsets, row, col, rows, cols };
}

/** Whether batch dims of these strides fold into one dim without a copy (ATen's view rule). */
function batchDimsMerge(batch: readonly number[], strides: readonly number[]): boolean {
  let prev = -1;
  for (let d = 0; d < batch.length; d++) {
    if (batch[d] === 1) continue;
    if (prev >= 0 && strides[prev] !== strides[d] * batch[d]) return false;
    prev = d;
  }
  return true;
}

function offsetsOf(batch: readonly number[], strides: readonly number[], base: number): number[] {
  const count = numelOf(batch);
  const offsets = new Array<number>(count);
  const index = new Array<number>(batch.length).fill(0);
  let off = base;
  for (let i = 0; i < count; i++) {
    offsets[i] = off;
    for (let d = batch.length - 1; d >= 0; d--) {
      off += strides[d];
      if (++index[d] < batch[d]) break;
      off -= strides[d] * batch[d];
      index[d] = 0;
    }
  }
  return offsets;
}

/** `bmm(a, b)` of float32 batches, row-major [count, a.rows, b.cols], in PyTorch's order. */
export function bmmFloat32(a: BatchOperand, b: BatchOperand): FloatArray {
  const count = a.offsets.length;
  const m = a.rows;
  const k = a.cols;
  const n = b.cols;
  const out = float32Values(count * m * n);
  if (m * k * n < NAIVE_BMM_LIMIT) naiveBmm(a, b, out);
  else
    for (let i = 0; i < count; i++)
      openBlasSgemm(
        m,
        n,
        k,
        a.data,
        a.offsets[i],
        a.row,
        a.col,
        b.data,
        b.offsets[i],
        b.row,
        b.col,
        out,
        i * m * n,
        n,
        1,
      );
  return out;
}

/** ATen's small-product loop: a float32 accumulator per element, depth in order. */
function naiveBmm(a: BatchOperand, b: BatchOperand, out: FloatArray): void {
  const m = a.rows;
  const k = a.cols;
  const n = b.cols;
  let o = 0;
  for (let bi = 0; bi < a.offsets.length; bi++) {
    const oa = a.offsets[bi];
    const ob = b.offsets[bi];
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) {
        let acc = 0;
        let pa = oa + i * a.row;
        let pb = ob + j * b.col;
        for (let t = 0; t < k; t++, pa += a.col, pb += b.row)
          acc = Math.fround(acc + Math.fround(a.data[pa] * b.data[pb]));
        out[o++] = acc;
      }
  }
}

/** A batch operand's matrices as one row-major matrix of all their rows (`view(-1, cols)`). */
export function foldedRows(o: BatchOperand): { data: Float64Array; rows: number; cols: number } {
  const rows = o.offsets.length * o.rows;
  const data = allocFloat64(rows * o.cols);
  let p = 0;
  for (const off of o.offsets)
    for (let i = 0; i < o.rows; i++)
      for (let j = 0; j < o.cols; j++) data[p++] = o.data[off + i * o.row + j * o.col];
  return { data, rows, cols: o.cols };
}
