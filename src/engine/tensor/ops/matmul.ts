import { record } from "../autograd/gradNode";
import { withNoGrad } from "../autograd/gradMode";
import { broadcastShapes, numelOf } from "../shapeMath";
import { isSinglePrecision } from "../dtype";
import { storesFloat32 } from "../floatArray";
import { Storage, Tensor } from "../tensor";
import { runtimeError } from "../tensorError";
import { sumToShape } from "./broadcast";
import { batchedMatmulFloat32, leftMatrixMatmulFloat32 } from "./float32BatchedMatmul";
import { float32Tensor, mmFloat32, mmGradLeft, mmGradRight, operandOf, rowsOf } from "./float32Mm";
import { gemm } from "./gemm";
import { resultType } from "./operand";
import { internalView } from "./shape";

/**
 * `a @ b` with PyTorch's rules: 1-d·1-d is a dot product, a 1-d operand is treated as a row
 * (left) or column (right) vector and that dimension dropped from the result, and leading
 * dimensions of ≥3-d operands broadcast as batches. Gradients are g·Bᵀ and Aᵀ·g, formed by
 * the kernel from transposed strides, never by copying a transpose.
 */

/** A view with the last two dimensions swapped (no copy, no graph). */
function swapLast(t: Tensor): Tensor {
  const n = t.ndim;
  const shape = [...t.shape];
  const strides = [...t.strides];
  [shape[n - 2], shape[n - 1]] = [shape[n - 1], shape[n - 2]];
  [strides[n - 2], strides[n - 1]] = [strides[n - 1], strides[n - 2]];
  return internalView(t, shape, strides, t.offset);
}

function reshapeView(t: Tensor, shape: readonly number[]): Tensor {
  return t.isContiguous()
    ? new Tensor(t.storage, [...shape], stridesOf(shape), t.offset, t.dtype)
    : Tensor.fromValues(t.copyValues(), shape, t.dtype);
}

function stridesOf(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

/** Operand `t` promoted to ≥2-d: a 1-d left operand is a row, a 1-d right one a column. */
function promote(t: Tensor, side: "left" | "right"): Tensor {
  if (t.ndim !== 1) return t;
  const n = t.shape[0];
  const s = t.strides[0];
  return side === "left"
    ? internalView(t, [1, n], [n * s, s], t.offset)
    : internalView(t, [n, 1], [s, s], t.offset);
}

/**
 * Batched product of operands with ≥2 dims each (batch dims broadcast), row-major result;
 * zeros when `sum` is false (the caller writes its own sums in).
 */
export function batchedProduct(a: Tensor, b: Tensor, dtype = resultType([a, b]), sum = true): Tensor {
  const m = a.shape[a.ndim - 2];
  const k = a.shape[a.ndim - 1];
  const n = b.shape[b.ndim - 1];
  const batchA = a.shape.slice(0, -2);
  const batchB = b.shape.slice(0, -2);
  const batch = broadcastShapes(batchA, batchB);
  const count = numelOf(batch);
  if (!sum) return Tensor.fromValues(new Float64Array(count * m * n), [...batch, m, n], dtype);
  const offsetsA = batchOffsets(a, batch);
  const offsetsB = batchOffsets(b, batch);
  const [ar, ac] = a.strides.slice(-2);
  const [br, bc] = b.strides.slice(-2);
  if (storesFloat32(dtype) && count * m * n > STAGE_ITEMS) {
    const out32 = new Float32Array(count * m * n);
    const product: Product = { m, n, k, a, offsetsA, ar, ac, b, offsetsB, br, bc };
    if (count === 1) productRowsStaged(product, out32);
    else productBatchesStaged(product, count, out32);
    const outShape = [...batch, m, n];
    return new Tensor(new Storage(out32), outShape, stridesOf(outShape), 0, dtype);
  }
  const out = new Float64Array(count * m * n);
  for (let i = 0; i < count; i++)
    gemm(
      m,
      n,
      k,
      a.storage.data,
      offsetsA[i],
      ar,
      ac,
      b.storage.data,
      offsetsB[i],
      br,
      bc,
      out,
      i * m * n,
      n,
      false,
    );
  return Tensor.fromValues(out, [...batch, m, n], dtype);
}

/** Storage offset of each batch matrix of `t` within the broadcast batch shape. */
function batchOffsets(t: Tensor, batch: readonly number[]): number[] {
  const own = t.ndim - 2;
  const count = numelOf(batch);
  const offsets = new Array<number>(count);
  const index = new Array<number>(batch.length).fill(0);
  for (let i = 0; i < count; i++) {
    let off = t.offset;
    for (let d = 0; d < own; d++) {
      const bd = batch.length - own + d;
      if (t.shape[d] !== 1) off += index[bd] * t.strides[d];
    }
    offsets[i] = off;
    for (let d = batch.length - 1; d >= 0; d--) {
      if (++index[d] < batch[d]) break;
      index[d] = 0;
    }
  }
  return offsets;
}

function checkShapes(a: Tensor, b: Tensor): void {
  if (a.ndim === 0 || b.ndim === 0)
    throw runtimeError(
      `both arguments to matmul need to be at least 1D, but they are ${a.ndim}D and ${b.ndim}D`,
    );
  const ka = a.shape[a.ndim - 1];
  const kb = b.ndim === 1 ? b.shape[0] : b.shape[b.ndim - 2];
  if (ka === kb) return;
  if (a.ndim === 1 && b.ndim === 1)
    throw runtimeError(
      `inconsistent tensor size, expected tensor [${ka}] and src [${kb}] to have the same number of elements, but got ${ka} and ${kb} elements respectively`,
    );
  if (a.ndim === 2 && b.ndim === 1)
    throw runtimeError(`size mismatch, got input (${a.shape[0]}), mat (${a.shape[0]}x${ka}), vec (${kb})`);
  if (a.ndim <= 2 && b.ndim <= 2) {
    const rows = a.ndim === 1 ? 1 : a.shape[0];
    throw runtimeError(
      `mat1 and mat2 shapes cannot be multiplied (${rows}x${ka} and ${kb}x${b.shape[b.ndim - 1]})`,
    );
  }
  throw runtimeError(
    `Expected size for first two dimensions of batch2 tensor to be: [${a.ndim > 2 ? a.shape[0] : 1}, ${ka}] but got: [${b.ndim > 2 ? b.shape[0] : 1}, ${kb}].`,
  );
}

/**
 * How a float32 product is summed: as PyTorch sums it (`"torch"`: `mm` through OpenBLAS's
 * order, float32Mm.ts), or exactly and rounded once (`"exact"`, what numpy's own loops are
 * closest to). float64 products are summed exactly either way. `"caller"`, for float64 only:
 * not at all — the result holds zeros until the caller writes in the sums it computes itself
 * (numpy's, in BLAS's order); the operation is recorded as ever.
 */
export type Float32Sums = "torch" | "exact" | "caller";

/** The rules an `@` node shows. */
const MATMUL_RULES = ["∂(A@B)/∂A: g @ Bᵀ", "∂(A@B)/∂B: Aᵀ @ g"];

export function matmul(a: Tensor, b: Tensor, sums: Float32Sums = "torch"): Tensor {
  checkShapes(a, b);
  return product(a, b, sums, "@");
}

/** `torch.bmm(a, b)`: a product of two batches of matrices, of the same size, and nothing else. */
export function bmm(a: Tensor, b: Tensor): Tensor {
  if (a.ndim !== 3) throw runtimeError("batch1 must be a 3D tensor");
  if (b.ndim !== 3) throw runtimeError("batch2 must be a 3D tensor");
  if (a.shape[0] !== b.shape[0] || a.shape[2] !== b.shape[1])
    throw runtimeError(
      `Expected size for first two dimensions of batch2 tensor to be: [${a.shape[0]}, ${a.shape[2]}] but got: [${b.shape[0]}, ${b.shape[1]}].`,
    );
  return product(a, b, "torch", "bmm");
}

function product(a: Tensor, b: Tensor, sums: Float32Sums, op: "@" | "bmm"): Tensor {
  const dtype = resultType([a, b]);
  if (sums === "torch" && isSinglePrecision(a.dtype) && isSinglePrecision(b.dtype)) {
    if (b.ndim === 2 && !(a.ndim === 3 && transposedBatch(a))) return torchFloat32Mm(a, b);
    if (a.ndim >= 3 && b.ndim >= 2) return batchedMatmulFloat32(a, b, op, MATMUL_RULES);
    if (a.ndim === 2 && b.ndim >= 3)
      return b.ndim === 3 && transposedBatch(b)
        ? batchedMatmulFloat32(a, b, op, MATMUL_RULES)
        : leftMatrixMatmulFloat32(a, b, MATMUL_RULES);
  }
  const pa = promote(a, "left");
  const pb = promote(b, "right");
  const full = batchedProduct(pa, pb, dtype, !(sums === "caller" && dtype === "float64"));
  const shape = [...full.shape];
  if (b.ndim === 1) shape.splice(shape.length - 1, 1);
  if (a.ndim === 1) shape.splice(shape.length - (b.ndim === 1 ? 1 : 2), 1);
  const out = shape.length === full.ndim ? full : reshapeView(full, shape);
  const fullShape = full.shape;
  return record(
    out,
    op,
    [a, b],
    (g, needs) =>
      withNoGrad(() => {
        const gf = reshapeView(g, fullShape);
        const ga = needs[0]
          ? reshapeView(sumToShape(batchedProduct(gf, swapLast(pb), g.dtype), pa.shape), a.shape)
          : null;
        const gb = needs[1]
          ? reshapeView(sumToShape(batchedProduct(swapLast(pa), gf, g.dtype), pb.shape), b.shape)
          : null;
        return [ga, gb];
      }),
    MATMUL_RULES,
    [a, b],
  );
}

/**
 * PyTorch 1.13 folds a 3-d operand against a matrix into one `mm`, except a batch of transposed
 * matrices (batch dim outermost, as `permute(0, 2, 1)` leaves it): that one goes through `bmm`.
 */
function transposedBatch(t: Tensor): boolean {
  return t.strides[2] !== 1 && t.strides[0] === t.shape[1] * t.shape[2];
}

/**
 * A float32 `a @ b` with a 2-d `b`, which PyTorch computes with `mm`: a 1-d `a` as one row, a
 * ≥3-d `a` folded into rows ([..., m, k] → [… · m, k]); summed and differentiated as PyTorch does.
 * It makes the same tensors as the general path (see Operand in float32Mm.ts).
 */
function torchFloat32Mm(a: Tensor, b: Tensor): Tensor {
  const k = a.shape[a.ndim - 1];
  const n = b.shape[1];
  const pa = a.ndim === 1 ? promote(a, "left") : a;
  const left = pa.ndim === 2 ? operandOf(pa) : rowsOf(pa, pa.numel / k, k);
  const right = operandOf(b);
  const full = float32Tensor(mmFloat32(left, right), [...pa.shape.slice(0, -1), n]);
  const out = a.ndim === 1 ? reshapeView(full, [n]) : full;
  return record(
    out,
    "@",
    [a, b],
    (g, needs) =>
      withNoGrad(() => {
        const g2 = rowsOf(g, left.rows, n);
        const ga = needs[0] ? Tensor.fromValues(mmGradLeft(g2, left, right), a.shape, "float32") : null;
        const gb = needs[1] ? Tensor.fromValues(mmGradRight(g2, left, right), b.shape, "float32") : null;
        return [ga, gb];
      }),
    MATMUL_RULES,
    [a, b],
  );
}

/**
 * A float32 product past this many elements is computed a stage at a time into a float64
 * scratch of this size and rounded into its Float32Array, never whole in float64: the hidden
 * layer of a whole training set (`Xtr` through a Linear) is tens of millions of elements, and a
 * float64 copy of it beside the float32 result would triple its memory.
 */
const STAGE_ITEMS = 1 << 20;

/** A product's operands as batchedProduct laid them out. */
interface Product {
  m: number;
  n: number;
  k: number;
  a: Tensor;
  offsetsA: readonly number[];
  ar: number;
  ac: number;
  b: Tensor;
  offsetsB: readonly number[];
  br: number;
  bc: number;
}

/**
 * One matrix product, a block of rows at a time. Each element's sum does not depend on which
 * rows share its call, as long as every call takes the blocked path: so no block is smaller
 * than a stage (the last one takes the rows left over), and the bits are those of one call.
 */
function productRowsStaged(p: Product, out: Float32Array): void {
  const rows = Math.max(1, Math.floor(STAGE_ITEMS / p.n));
  const scratch = new Float64Array(rows * 2 * p.n);
  for (let r0 = 0; r0 < p.m;) {
    const mc = p.m - r0 < 2 * rows ? p.m - r0 : rows;
    gemm(
      mc,
      p.n,
      p.k,
      p.a.storage.data,
      p.offsetsA[0] + r0 * p.ar,
      p.ar,
      p.ac,
      p.b.storage.data,
      p.offsetsB[0],
      p.br,
      p.bc,
      scratch,
      0,
      p.n,
      false,
    );
    const base = r0 * p.n;
    for (let i = 0; i < mc * p.n; i++) out[base + i] = Math.fround(scratch[i]);
    r0 += mc;
  }
}

/** Batches of products, as many at a time as fit a stage (each is its own call, as unstaged). */
function productBatchesStaged(p: Product, count: number, out: Float32Array): void {
  const size = p.m * p.n;
  const per = Math.max(1, Math.floor(STAGE_ITEMS / size));
  const scratch = new Float64Array(per * size);
  for (let i0 = 0; i0 < count; i0 += per) {
    const end = Math.min(count, i0 + per);
    for (let i = i0; i < end; i++)
      gemm(
        p.m,
        p.n,
        p.k,
        p.a.storage.data,
        p.offsetsA[i],
        p.ar,
        p.ac,
        p.b.storage.data,
        p.offsetsB[i],
        p.br,
        p.bc,
        scratch,
        (i - i0) * size,
        p.n,
        false,
      );
    const base = i0 * size;
    for (let j = 0; j < (end - i0) * size; j++) out[base + j] = Math.fround(scratch[j]);
  }
}
