import type { FloatArray } from "../floatArray";
import { pow } from "../../math/correctlyRounded";
import type { DType } from "../dtype";
import { isSinglePrecision } from "../dtype";
import { broadcastShapes, contiguousStrides, numelOf, sameShape } from "../shapeMath";
import { Storage, Tensor } from "../tensor";
import { broadcastStrides, forEachRow } from "./broadcast";

/** The two-operand element kernels. One switch per row keeps the inner loops monomorphic. */
export const enum Binary {
  Add,
  Sub,
  Mul,
  Div,
  Pow,
  Eq,
  Ne,
  Lt,
  Le,
  Gt,
  Ge,
  Maximum,
  Minimum,
  FloorDivide,
  Remainder,
  And,
  Or,
  Xor,
}

function row(
  code: Binary,
  out: Float64Array,
  o: number,
  a: FloatArray,
  ia: number,
  sa: number,
  b: FloatArray,
  ib: number,
  sb: number,
  n: number,
): void {
  switch (code) {
    case Binary.Add:
      for (let j = 0; j < n; j++) out[o + j] = a[ia + j * sa] + b[ib + j * sb];
      return;
    case Binary.Sub:
      for (let j = 0; j < n; j++) out[o + j] = a[ia + j * sa] - b[ib + j * sb];
      return;
    case Binary.Mul:
      for (let j = 0; j < n; j++) out[o + j] = a[ia + j * sa] * b[ib + j * sb];
      return;
    case Binary.Div:
      for (let j = 0; j < n; j++) out[o + j] = a[ia + j * sa] / b[ib + j * sb];
      return;
    case Binary.Pow:
      for (let j = 0; j < n; j++) out[o + j] = powOf(a[ia + j * sa], b[ib + j * sb]);
      return;
    case Binary.Eq:
      for (let j = 0; j < n; j++) out[o + j] = a[ia + j * sa] === b[ib + j * sb] ? 1 : 0;
      return;
    case Binary.Ne:
      for (let j = 0; j < n; j++) out[o + j] = a[ia + j * sa] !== b[ib + j * sb] ? 1 : 0;
      return;
    case Binary.Lt:
      for (let j = 0; j < n; j++) out[o + j] = a[ia + j * sa] < b[ib + j * sb] ? 1 : 0;
      return;
    case Binary.Le:
      for (let j = 0; j < n; j++) out[o + j] = a[ia + j * sa] <= b[ib + j * sb] ? 1 : 0;
      return;
    case Binary.Gt:
      for (let j = 0; j < n; j++) out[o + j] = a[ia + j * sa] > b[ib + j * sb] ? 1 : 0;
      return;
    case Binary.Ge:
      for (let j = 0; j < n; j++) out[o + j] = a[ia + j * sa] >= b[ib + j * sb] ? 1 : 0;
      return;
    case Binary.Maximum:
      for (let j = 0; j < n; j++) {
        const x = a[ia + j * sa];
        const y = b[ib + j * sb];
        out[o + j] = x !== x || y !== y ? NaN : x > y ? x : y;
      }
      return;
    case Binary.FloorDivide:
      for (let j = 0; j < n; j++) out[o + j] = Math.floor(a[ia + j * sa] / b[ib + j * sb]);
      return;
    case Binary.Remainder:
      // Python's and PyTorch's remainder takes the divisor's sign.
      for (let j = 0; j < n; j++) {
        const x = a[ia + j * sa];
        const y = b[ib + j * sb];
        const r = x % y;
        out[o + j] = r !== 0 && r < 0 !== y < 0 ? r + y : r;
      }
      return;
    case Binary.And:
      for (let j = 0; j < n; j++) out[o + j] = bitwise(a[ia + j * sa], b[ib + j * sb], "&");
      return;
    case Binary.Or:
      for (let j = 0; j < n; j++) out[o + j] = bitwise(a[ia + j * sa], b[ib + j * sb], "|");
      return;
    case Binary.Xor:
      for (let j = 0; j < n; j++) out[o + j] = bitwise(a[ia + j * sa], b[ib + j * sb], "^");
      return;
    case Binary.Minimum:
      for (let j = 0; j < n; j++) {
        const x = a[ia + j * sa];
        const y = b[ib + j * sb];
        out[o + j] = x !== x || y !== y ? NaN : x < y ? x : y;
      }
      return;
  }
}

/** Bitwise ops on exact integers (bools are 0/1), through BigInt so 64-bit values stay exact. */
function bitwise(x: number, y: number, op: "&" | "|" | "^"): number {
  const a = BigInt(x);
  const b = BigInt(y);
  return Number(op === "&" ? a & b : op === "|" ? a | b : a ^ b);
}

/**
 * C's pow as PyTorch uses it: correctly rounded (V8's Math.pow is off by an ulp for about one
 * element in ten), 1 for any x**0 and 1**y (NaN included).
 */
export function powOf(x: number, y: number): number {
  return pow(x, y);
}

/**
 * An operand as the kernel reads it when the operation computes in `computeType`: PyTorch casts
 * every input to the common dtype first, so a Python float (or an int, or a float64 0-d tensor)
 * meeting a float32 tensor is rounded to float32 before it takes part (`x * 0.1` multiplies by
 * 0.1f). Float64 holds every other input exactly, so only float32 needs the copy.
 */
export function castOperand(t: Tensor, computeType: DType | undefined): Tensor {
  if (computeType === undefined || !isSinglePrecision(computeType) || t.dtype === "float32") return t;
  const v = t.copyValues();
  for (let i = 0; i < v.length; i++) v[i] = Math.fround(v[i]);
  return new Tensor(new Storage(v), t.shape, contiguousStrides(t.shape), 0, "float32");
}

/**
 * `a ∘ b` elementwise with broadcasting, the operands first cast to `computeType` when given;
 * returns the values and the broadcast shape.
 */
export function binaryValues(
  code: Binary,
  x: Tensor,
  y: Tensor,
  computeType?: DType,
): { values: Float64Array; shape: number[] } {
  const a = castOperand(x, computeType);
  const b = castOperand(y, computeType);
  const shape = broadcastShapes(a.shape, b.shape);
  const out = new Float64Array(numelOf(shape));
  const ad = a.storage.data;
  const bd = b.storage.data;
  if (sameShape(a.shape, b.shape) && a.isContiguous() && b.isContiguous()) {
    row(code, out, 0, ad, a.offset, 1, bd, b.offset, 1, out.length);
    return { values: out, shape };
  }
  const sa = broadcastStrides(a, shape);
  const sb = broadcastStrides(b, shape);
  const nd = shape.length;
  const ia = nd > 0 ? sa[nd - 1] : 0;
  const ib = nd > 0 ? sb[nd - 1] : 0;
  forEachRow(shape, [sa, sb], [a.offset, b.offset], (o, [pa, pb], len) =>
    row(code, out, o, ad, pa, ia, bd, pb, ib, len),
  );
  return { values: out, shape };
}
