import type { FloatArray } from "../../../engine/tensor/floatArray";
import { allocFloat64 } from "../../../engine/memory";
import * as T from "../../../engine/tensor/index";
import type { Tensor } from "../../../engine/tensor/index";
import type { PyValue } from "../../interpreter/objects";
import { valueError } from "../../interpreter/pyErrors";
import { binaryFunction } from "./binaryUfuncs";
import { dgemm, dgemvN, dgemvT, ddot } from "./blas";
import { asArray, castTensor, shapeCompact } from "./convert";
import type { NdArray, NpScalar } from "./ndarray";
import { promote, type NpDtype } from "./npDtype";
import type { NumpyState } from "./numpyState";

/**
 * `np.dot`, `np.matmul` (`@`), `np.outer`, `np.inner`. Recorded as the engine's matrix product
 * (its gradient g·Bᵀ and Aᵀ·g); float64 results carry numpy's digits: numpy's choice among
 * BLAS's dot, matrix-vector and matrix-matrix routines (and its own loops), computed in
 * OpenBLAS's order (blas.ts).
 */

/** A strided operand as BLAS receives it. */
interface Mat {
  data: FloatArray;
  offset: number;
  shape: readonly number[];
  strides: readonly number[];
}

function matOf(t: Tensor): Mat {
  return { data: t.storage.data, offset: t.offset, shape: t.shape, strides: t.strides };
}

/** A C-contiguous copy (what numpy makes of operands BLAS cannot take). */
function copyOf(m: Mat): Mat {
  const t = new T.Tensor(new T.Storage(m.data), [...m.shape], [...m.strides], m.offset, "float64");
  const v = t.copyValues();
  const strides: number[] = [];
  let s = 1;
  for (let i = m.shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= Math.max(m.shape[i], 1);
  }
  return { data: v, offset: 0, shape: m.shape, strides };
}

function isC(m: Mat): boolean {
  let expected = 1;
  for (let i = m.shape.length - 1; i >= 0; i--) {
    if (m.shape[i] !== 1 && m.strides[i] !== expected) return false;
    expected *= m.shape[i];
  }
  return true;
}

function isF(m: Mat): boolean {
  let expected = 1;
  for (let i = 0; i < m.shape.length; i++) {
    if (m.shape[i] !== 1 && m.strides[i] !== expected) return false;
    expected *= m.shape[i];
  }
  return true;
}

/** numpy's `_bad_strides`: negative strides, or a zero stride along a dim longer than one. */
function badStrides(m: Mat): boolean {
  return m.strides.some((s, i) => s < 0 || (s === 0 && m.shape[i] > 1));
}

type Kind = "scalar" | "column" | "row" | "matrix";

/** numpy's `_select_matrix_shape`. */
function kindOf(m: Mat): Kind {
  const [d0, d1] = m.shape;
  if (m.shape.length === 0) return "scalar";
  if (m.shape.length === 1) return d0 > 1 ? "column" : "scalar";
  if (d0 > 1) return d1 > 1 ? "matrix" : "column";
  return d1 > 1 ? "row" : "scalar";
}

/** numpy's DOUBLE_dot: BLAS's ddot when the strides are positive, else its own loop. */
function doubleDot(
  n: number,
  a: FloatArray,
  ai: number,
  as: number,
  b: FloatArray,
  bi: number,
  bs: number,
): number {
  if (as > 0 && bs > 0) return 0 + ddot(n, a, ai, as, b, bi, bs);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += a[ai + i * as] * b[bi + i * bs];
  return sum;
}

/** The values of `np.dot(a, b)` for float64 operands of at most two dimensions (numpy's cblas_matrixproduct). */
function dotValues(a0: Mat, b0: Mat, outShape: readonly number[]): Float64Array {
  let a = badStrides(a0) ? copyOf(a0) : a0;
  let b = badStrides(b0) ? copyOf(b0) : b0;
  const ka = kindOf(a);
  const kb = kindOf(b);
  const size = outShape.reduce((p, d) => p * d, 1);
  if (ka === "scalar" || kb === "scalar") {
    // multiplication by a scalar: each element a product
    const [big, small] = ka === "scalar" ? [b, a] : [a, b];
    const s = small.data[small.offset];
    const v = new T.Tensor(
      new T.Storage(big.data),
      [...big.shape],
      [...big.strides],
      big.offset,
      "float64",
    ).values();
    // a plain loop: `Float64Array.from` with a map function is slow for the small arrays of a training loop
    const out = new Float64Array(Math.min(v.length, size));
    for (let i = 0; i < out.length; i++) out[i] = s * v[i];
    return out;
  }
  if (kb === "column" && ka !== "matrix") {
    const n = a.shape[a.shape.length - 1];
    const as = ka === "row" ? a.strides[1] : a.strides[0];
    return Float64Array.of(doubleDot(n, a.data, a.offset, as, b.data, b.offset, b.strides[0]));
  }
  if (ka === "matrix" && kb !== "matrix") {
    if (!isC(a) && !isF(a)) a = copyOf(a);
    const [rows, cols] = a.shape;
    const incx = b.strides[0];
    return isC(a)
      ? dgemvT(cols, rows, a.data, a.offset, Math.max(cols, 1), b.data, b.offset, incx)
      : dgemvN(rows, cols, a.data, a.offset, Math.max(rows, 1), b.data, b.offset, incx);
  }
  if (ka !== "matrix" && kb === "matrix") {
    if (!isC(b) && !isF(b)) b = copyOf(b);
    const [n, p] = b.shape;
    const incx = ka === "row" ? a.strides[1] : a.strides[0];
    return isC(b)
      ? dgemvN(p, n, b.data, b.offset, Math.max(p, 1), a.data, a.offset, incx)
      : dgemvT(n, p, b.data, b.offset, Math.max(n, 1), a.data, a.offset, incx);
  }
  if (!isC(a) && !isF(a)) a = copyOf(a);
  if (!isC(b) && !isF(b)) b = copyOf(b);
  const [m, k] = a.shape;
  const n = b.shape[1];
  return dgemm(
    m,
    n,
    k,
    a.data,
    a.offset,
    a.strides[0],
    a.strides[1],
    b.data,
    b.offset,
    b.strides[0],
    b.strides[1],
  );
}

/** numpy's `is_blasable2d` on element strides. */
function blasable(s1: number, s2: number, d2: number): boolean {
  return s2 === 1 && s1 >= d2;
}

/** numpy's matmul loop for one pair of matrices (m × n by n × p; a missing vector dim has stride 0). */
function matmulCore(
  a: FloatArray,
  ai: number,
  a_m: number,
  a_n: number,
  b: FloatArray,
  bi: number,
  b_n: number,
  b_p: number,
  m: number,
  n: number,
  p: number,
  out: Float64Array,
  oi: number,
): void {
  const noblas = () => {
    for (let i = 0; i < m; i++)
      for (let j = 0; j < p; j++) {
        let acc = 0;
        for (let k = 0; k < n; k++) acc += a[ai + i * a_m + k * a_n] * b[bi + k * b_n + j * b_p];
        out[oi + i * p + j] = acc;
      }
  };
  const i1 = blasable(a_m, a_n, n) || blasable(a_n, a_m, m);
  const i2 = blasable(b_n, b_p, p) || blasable(b_p, b_n, n);
  if (m === 0 || n === 0 || p === 0) return noblas();
  if (m === 1 || n === 1 || p === 1) {
    if (m === 1 && p === 1) {
      out[oi] = doubleDot(n, a, ai, a_n, b, bi, b_n);
      return;
    }
    if (n === 1 && (p === 1 || m === 1)) return noblas();
    let y: Float64Array | null = null;
    if (m === 1 && i2 && blasable(a_n, 1, 1)) {
      y = blasable(b_p, b_n, n) ? dgemvT(n, p, b, bi, b_p, a, ai, a_n) : dgemvN(p, n, b, bi, b_n, a, ai, a_n);
    } else if (p === 1 && i1 && blasable(b_n, 1, 1)) {
      y = blasable(a_m, a_n, n) ? dgemvT(n, m, a, ai, a_m, b, bi, b_n) : dgemvN(m, n, a, ai, a_n, b, bi, b_n);
    }
    if (y === null) return noblas();
    out.set(y, oi);
    return;
  }
  if (!(i1 && i2)) return noblas();
  out.set(dgemm(m, p, n, a, ai, a_m, a_n, b, bi, b_n, b_p), oi);
}

/** The values of `np.matmul(a, b)` for float64 operands (batches broadcast, vectors promoted). */
function matmulValues(a: Mat, b: Mat, outShape: readonly number[]): Float64Array {
  const out = allocFloat64(outShape.reduce((p, d) => p * d, 1));
  const aVec = a.shape.length === 1;
  const bVec = b.shape.length === 1;
  const m = aVec ? 1 : a.shape[a.shape.length - 2];
  const n = a.shape[a.shape.length - 1];
  const p = bVec ? 1 : b.shape[b.shape.length - 1];
  const a_m = aVec ? 0 : a.strides[a.shape.length - 2];
  const a_n = a.strides[a.shape.length - 1];
  const b_n = bVec ? b.strides[0] : b.strides[b.shape.length - 2];
  const b_p = bVec ? 0 : b.strides[b.shape.length - 1];
  const aBatch = aVec ? [] : a.shape.slice(0, -2);
  const bBatch = bVec ? [] : b.shape.slice(0, -2);
  const batch = outShape.slice(0, outShape.length - (aVec ? 0 : 1) - (bVec ? 0 : 1));
  const count = batch.reduce((q, d) => q * d, 1);
  const index = new Array<number>(batch.length).fill(0);
  for (let c = 0; c < count; c++) {
    const offsetIn = (shape: readonly number[], strides: readonly number[]) => {
      let off = 0;
      for (let d = 0; d < shape.length; d++) {
        const bd = batch.length - shape.length + d;
        if (shape[d] !== 1) off += index[bd] * strides[d];
      }
      return off;
    };
    matmulCore(
      a.data,
      a.offset + offsetIn(aBatch, a.strides),
      a_m,
      a_n,
      b.data,
      b.offset + offsetIn(bBatch, b.strides),
      b_n,
      b_p,
      m,
      n,
      p,
      out,
      c * m * p,
    );
    for (let d = batch.length - 1; d >= 0; d--) {
      if (++index[d] < batch[d]) break;
      index[d] = 0;
    }
  }
  return out;
}

function operands(s: NumpyState, x: PyValue, y: PyValue): { a: NdArray; b: NdArray; dtype: NpDtype } {
  const a = asArray(s, x);
  const b = asArray(s, y);
  return { a, b, dtype: promote(a.dtype, b.dtype) };
}

/** The engine's product of two tensors in `dtype`, with numpy's values when float64. */
function product(
  s: NumpyState,
  ta: Tensor,
  tb: Tensor,
  dtype: NpDtype,
  values: ((a: Mat, b: Mat, shape: readonly number[]) => Float64Array) | null,
): NdArray | NpScalar {
  // float64: numpy's own sums, in BLAS's order, are the values (the engine does not sum first)
  const own = dtype === "float64" && values !== null;
  const out = T.matmul(ta, tb, own ? "caller" : "exact");
  if (own) out.storage.data.set(values(matOf(ta), matOf(tb), out.shape), out.offset);
  if (dtype === "bool") out.storage.data.forEach((v, i, d) => (d[i] = v !== 0 ? 1 : 0));
  return s.result(out, dtype);
}

/** `np.dot(a, b)`. */
export function dot(s: NumpyState, x: PyValue, y: PyValue): NdArray | NpScalar {
  const { a, b, dtype } = operands(s, x, y);
  if (a.ndim === 0 || b.ndim === 0) return binaryFunction(s, "multiply", x, y);
  const ka = a.shape[a.ndim - 1];
  const kbAxis = b.ndim === 1 ? 0 : b.ndim - 2;
  if (ka !== b.shape[kbAxis])
    throw valueError(
      `shapes ${shapeCompact(a.shape)} and ${shapeCompact(b.shape)} not aligned: ${ka} (dim ${a.ndim - 1}) != ${b.shape[kbAxis]} (dim ${kbAxis})`,
    );
  const ta = castTensor(s.read(a), a.dtype, dtype);
  const tb = castTensor(s.read(b), b.dtype, dtype);
  if (a.ndim <= 2 && b.ndim <= 2) return product(s, ta, tb, dtype, dotValues);
  // N-d: a's last axis against b's second-to-last, every pair of the rest
  const restA = a.shape.slice(0, -1);
  const restB = [...b.shape.slice(0, kbAxis), ...b.shape.slice(kbAxis + 1)];
  const a2 = T.reshape(ta, [restA.reduce((p, d) => p * d, 1), ka]);
  const order = [kbAxis, ...b.shape.map((_, i) => i).filter((i) => i !== kbAxis)];
  const b2 = T.reshape(T.permute(tb, order), [ka, restB.reduce((p, d) => p * d, 1)]);
  const out = T.reshape(T.matmul(a2, b2, "exact"), [...restA, ...restB]);
  if (dtype === "float64") {
    const values = out.storage.data;
    const ma = matOf(ta);
    const mb = matOf(tb);
    let o = 0;
    const aIdx = new Array<number>(restA.length).fill(0);
    const countA = restA.reduce((p, d) => p * d, 1);
    const countB = restB.reduce((p, d) => p * d, 1);
    const bAxes = b.shape.map((_, i) => i).filter((i) => i !== kbAxis);
    for (let i = 0; i < countA; i++) {
      let offA = ma.offset;
      for (let d = 0; d < restA.length; d++) offA += aIdx[d] * ma.strides[d];
      const bIdx = new Array<number>(restB.length).fill(0);
      for (let j = 0; j < countB; j++) {
        let offB = mb.offset;
        bAxes.forEach((axis, d) => (offB += bIdx[d] * mb.strides[axis]));
        values[out.offset + o++] = doubleDot(
          ka,
          ma.data,
          offA,
          ma.strides[a.ndim - 1],
          mb.data,
          offB,
          mb.strides[kbAxis],
        );
        for (let d = restB.length - 1; d >= 0; d--) {
          if (++bIdx[d] < restB[d]) break;
          bIdx[d] = 0;
        }
      }
      for (let d = restA.length - 1; d >= 0; d--) {
        if (++aIdx[d] < restA[d]) break;
        aIdx[d] = 0;
      }
    }
  }
  return s.result(out, dtype);
}

/** `np.matmul(a, b)` / `a @ b`. */
export function matmul(s: NumpyState, x: PyValue, y: PyValue): NdArray | NpScalar {
  const { a, b, dtype } = operands(s, x, y);
  const signature = "with gufunc signature (n?,k),(k,m?)->(n?,m?)";
  for (const [i, arr] of [a, b].entries())
    if (arr.ndim === 0)
      throw valueError(
        `matmul: Input operand ${i} does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)`,
      );
  const k = a.shape[a.ndim - 1];
  const kb = b.ndim === 1 ? b.shape[0] : b.shape[b.ndim - 2];
  if (k !== kb)
    throw valueError(
      `matmul: Input operand 1 has a mismatch in its core dimension 0, ${signature} (size ${kb} is different from ${k})`,
    );
  const ta = castTensor(s.read(a), a.dtype, dtype);
  const tb = castTensor(s.read(b), b.dtype, dtype);
  return product(s, ta, tb, dtype, matmulValues);
}

/** `np.outer(a, b)`: every product of the flattened operands. */
export function outer(s: NumpyState, x: PyValue, y: PyValue): NdArray | NpScalar {
  const { a, b, dtype } = operands(s, x, y);
  const ta = T.reshape(castTensor(s.read(a), a.dtype, dtype), [a.size, 1]);
  const tb = T.reshape(castTensor(s.read(b), b.dtype, dtype), [1, b.size]);
  const out = T.mul(ta, tb);
  return s.result(out, dtype);
}

/** `np.inner(a, b)`: sums over the last axes (a dot product for vectors). */
export function inner(s: NumpyState, x: PyValue, y: PyValue): NdArray | NpScalar {
  const { a, b } = operands(s, x, y);
  if (a.ndim === 0 || b.ndim === 0) return binaryFunction(s, "multiply", x, y);
  if (b.ndim === 1) return dot(s, a, b);
  const axes = b.shape.map((_, i) => i);
  [axes[b.ndim - 1], axes[b.ndim - 2]] = [axes[b.ndim - 2], axes[b.ndim - 1]];
  const bt = s.array(T.permute(s.read(b), axes), b.dtype, b);
  return dot(s, a, bt);
}
