import { storesFloat32, type FloatArray } from "../floatArray";
import { contiguousStrides } from "../shapeMath";
import { Storage, Tensor } from "../tensor";
import { openBlasSgemm } from "./openBlasSgemm";

/**
 * PyTorch's `mm` of two float32 matrices, and the two products its backward forms, in the order
 * PyTorch sums them (openBlasSgemm.ts). Which product the backward forms matters to the last
 * bit: PyTorch computes ∂/∂A as `g.mm(Bᵀ)`, or as `(B.mm(gᵀ))ᵀ` when A is stored column-major,
 * and ∂/∂B as `Aᵀ.mm(g)`, or `(gᵀ.mm(A))ᵀ` when B is column-major (as `W.t()` in `nn.Linear` is).
 */

/**
 * A matrix as OpenBLAS reads it: its values and where each element is. Operands are plain
 * records, not tensor views: every tensor made while a program runs takes a row of its tape,
 * and the float32 path must make the same rows as the float64 one Check Gradients re-runs.
 */
export interface Operand {
  data: ArrayLike<number>;
  offset: number;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** A 2-d tensor as an operand. */
export function operandOf(t: Tensor): Operand {
  return {
    data: t.storage.data,
    offset: t.offset,
    row: t.strides[0],
    col: t.strides[1],
    rows: t.shape[0],
    cols: t.shape[1],
  };
}

export function transposed(o: Operand): Operand {
  return { ...o, row: o.col, col: o.row, rows: o.cols, cols: o.rows };
}

/** PyTorch's test for a matrix stored column-major (FunctionsManual's mm backward). */
export function isColumnMajor(o: Operand): boolean {
  return o.row === 1 && o.col === o.rows;
}

/** x.mm(y) into `out`, row-major [x.rows, y.cols], or its transpose when `transpose`. */
function product(x: Operand, y: Operand, out: FloatArray, transpose: boolean): void {
  const n = y.cols;
  const m = x.rows;
  openBlasSgemm(
    m,
    n,
    x.cols,
    x.data,
    x.offset,
    x.row,
    x.col,
    y.data,
    y.offset,
    y.row,
    y.col,
    out,
    0,
    transpose ? 1 : n,
    transpose ? m : 1,
  );
}

/** Room for n float32 values: 4 bytes each where float32 tensors keep a Float32Array. */
export function float32Values(n: number): FloatArray {
  return storesFloat32("float32") ? new Float32Array(n) : new Float64Array(n);
}

/** A float32 tensor over `values` (float32 values already), without copying a Float32Array. */
export function float32Tensor(values: FloatArray, shape: readonly number[]): Tensor {
  return values instanceof Float32Array
    ? new Tensor(new Storage(values), [...shape], contiguousStrides(shape), 0, "float32")
    : Tensor.fromValues(values, shape, "float32");
}

/** `a.mm(b)` (row-major [m, n]); `init` holds `addmm`'s bias already spread over the result. */
export function mmFloat32(a: Operand, b: Operand, init?: FloatArray): FloatArray {
  const out = init ?? float32Values(a.rows * b.cols);
  product(a, b, out, false);
  return out;
}

/** ∂(a.mm(b))/∂a for gradient g, as PyTorch forms it (row-major, a's shape). */
export function mmGradLeft(g: Operand, a: Operand, b: Operand): Float64Array {
  const out = new Float64Array(a.rows * a.cols);
  if (isColumnMajor(a)) product(b, transposed(g), out, true);
  else product(g, transposed(b), out, false);
  return out;
}

/** ∂(a.mm(b))/∂b for gradient g, as PyTorch forms it (row-major, b's shape). */
export function mmGradRight(g: Operand, a: Operand, b: Operand): Float64Array {
  const out = new Float64Array(b.rows * b.cols);
  if (isColumnMajor(b)) product(transposed(g), a, out, true);
  else product(transposed(a), g, out, false);
  return out;
}

/** A tensor's values as a row-major rows × cols operand (a contiguous one read in place). */
export function rowsOf(t: Tensor, rows: number, cols: number): Operand {
  return t.isContiguous()
    ? { data: t.storage.data, offset: t.offset, row: cols, col: 1, rows, cols }
    : { data: t.copyValues(), offset: 0, row: cols, col: 1, rows, cols };
}
