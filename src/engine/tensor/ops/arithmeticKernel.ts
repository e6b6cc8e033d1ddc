import type { FloatArray } from "../floatArray";
import { roundsFloat32, type DType } from "../dtype";
import { contiguousStrides, numelOf, sameShape } from "../shapeMath";
import { Storage, Tensor } from "../tensor";
import { Binary } from "./binaryKernel";

/**
 * The fast path of `+ − × ÷` on float tensors: two contiguous operands of the result's shape, or
 * one of them a single element (a 0-d parameter times a data vector: the small models of the
 * tutorials). One loop per operator and case, the float32 rounding done in the same pass, so an
 * operation on a few thousand elements costs one allocation and one sweep. Each element is the
 * same IEEE operation on the same two numbers as the general strided kernel's (binaryKernel.ts)
 * and is rounded once to the dtype, as `Tensor.fromValues` would round it: the numbers are the
 * same bit for bit.
 */

/**
 * How an operand is read: every element in order (`Whole`), one element for all (`Single`), or
 * not on the fast path (`None`). A number, not an object per operand: made for every operation.
 */
/** The shape and strides of every 0-d result (read-only, as every tensor's layout is). */
const NO_DIMS: readonly number[] = Object.freeze([]);

const enum Layout {
  None,
  Whole,
  Single,
}

function layoutOf(t: Tensor, shape: readonly number[], n: number): Layout {
  if (t.numel === 1 && n !== 1) return Layout.Single;
  if (!sameShape(t.shape, shape) || !t.isContiguous()) return Layout.None;
  return Layout.Whole;
}

/**
 * `a ∘ b` for ∘ one of + − × ÷, as a new tensor of `dtype` (float32 or float64; the operands
 * already cast to it), or null when the operator or the operands' layout has no fast path.
 */
export function arithmeticTensor(
  code: Binary,
  a: Tensor,
  b: Tensor,
  shape: readonly number[],
  dtype: DType,
): Tensor | null {
  if (code > Binary.Div || (dtype !== "float32" && dtype !== "float64")) return null;
  const n = numelOf(shape);
  const x = layoutOf(a, shape, n);
  const y = x === Layout.None ? Layout.None : layoutOf(b, shape, n);
  if (y === Layout.None) return null;
  // a float32 result goes straight into the Float32Array its tensor keeps: storing a double
  // there rounds it to nearest even, as Math.fround does, so the loops round nothing themselves
  const out = dtype === "float32" && roundsFloat32() ? new Float32Array(n) : new Float64Array(n);
  const ad = a.storage.data;
  const bd = b.storage.data;
  if (x === Layout.Single) scalarFirst(code, out, ad[a.offset], bd, b.offset);
  else if (y === Layout.Single) scalarSecond(code, out, ad, a.offset, bd[b.offset]);
  else both(code, out, ad, a.offset, bd, b.offset);
  // a 0-d result (numpy scalar arithmetic: hundreds of thousands a step) shares one empty layout
  if (shape.length === 0) return new Tensor(new Storage(out), NO_DIMS, NO_DIMS, 0, dtype);
  return new Tensor(new Storage(out), shape.slice(), contiguousStrides(shape), 0, dtype);
}

function both(code: Binary, out: FloatArray, a: FloatArray, ia: number, b: FloatArray, ib: number): void {
  const n = out.length;
  switch (code) {
    case Binary.Add:
      for (let j = 0; j < n; j++) out[j] = a[ia + j] + b[ib + j];
      return;
    case Binary.Sub:
      for (let j = 0; j < n; j++) out[j] = a[ia + j] - b[ib + j];
      return;
    case Binary.Mul:
      for (let j = 0; j < n; j++) out[j] = a[ia + j] * b[ib + j];
      return;
    case Binary.Div:
      for (let j = 0; j < n; j++) out[j] = a[ia + j] / b[ib + j];
      return;
  }
}

/** `s ∘ b[j]`: the single element on the left (its order kept: − and ÷ do not commute). */
function scalarFirst(code: Binary, out: FloatArray, s: number, b: FloatArray, ib: number): void {
  const n = out.length;
  switch (code) {
    case Binary.Add:
      for (let j = 0; j < n; j++) out[j] = s + b[ib + j];
      return;
    case Binary.Sub:
      for (let j = 0; j < n; j++) out[j] = s - b[ib + j];
      return;
    case Binary.Mul:
      for (let j = 0; j < n; j++) out[j] = s * b[ib + j];
      return;
    case Binary.Div:
      for (let j = 0; j < n; j++) out[j] = s / b[ib + j];
      return;
  }
}

/** `a[j] ∘ s`: the single element on the right. */
function scalarSecond(code: Binary, out: FloatArray, a: FloatArray, ia: number, s: number): void {
  const n = out.length;
  switch (code) {
    case Binary.Add:
      for (let j = 0; j < n; j++) out[j] = a[ia + j] + s;
      return;
    case Binary.Sub:
      for (let j = 0; j < n; j++) out[j] = a[ia + j] - s;
      return;
    case Binary.Mul:
      for (let j = 0; j < n; j++) out[j] = a[ia + j] * s;
      return;
    case Binary.Div:
      for (let j = 0; j < n; j++) out[j] = a[ia + j] / s;
      return;
  }
}
