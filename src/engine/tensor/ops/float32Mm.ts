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

/** A matrix as OpenBLAS reads it: its values and where each element is. */
interface Operand {
  data: ArrayLike<number>;
  offset: number;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function operand(t: Tensor): Operand {
  return {
    data: t.storage.data,
    offset: t.offset,
    row: t.strides[0],
    col: t.strides[1],
    rows: t.shape[0],
    cols: t.shape[1],
  };
}

function transposed(o: Operand): Operand {
  return { ...o, row: o.col, col: o.row, rows: o.cols, cols: o.rows };
}

/** PyTorch's test for a matrix stored column-major (FunctionsManual's mm backward). */
export function isColumnMajor(t: Tensor): boolean {
  return t.strides[0] === 1 && t.strides[1] === t.shape[0];
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
export function mmFloat32(a: Tensor, b: Tensor, init?: FloatArray): FloatArray {
  const out = init ?? float32Values(a.shape[0] * b.shape[1]);
  product(operand(a), operand(b), out, false);
  return out;
}

/** ∂(a.mm(b))/∂a for gradient g, as PyTorch forms it (row-major, a's shape). */
export function mmGradLeft(g: Tensor, a: Tensor, b: Tensor): Float64Array {
  const out = new Float64Array(a.shape[0] * a.shape[1]);
  const go = operand(g);
  const bo = operand(b);
  if (isColumnMajor(a)) product(bo, transposed(go), out, true);
  else product(go, transposed(bo), out, false);
  return out;
}

/** ∂(a.mm(b))/∂b for gradient g, as PyTorch forms it (row-major, b's shape). */
export function mmGradRight(g: Tensor, a: Tensor, b: Tensor): Float64Array {
  const out = new Float64Array(b.shape[0] * b.shape[1]);
  const go = operand(g);
  const ao = operand(a);
  if (isColumnMajor(b)) product(transposed(go), ao, out, true);
  else product(transposed(ao), go, out, false);
  return out;
}
