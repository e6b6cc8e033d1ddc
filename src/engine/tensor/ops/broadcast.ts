import { numelOf, sameShape } from "../shapeMath";
import { Tensor } from "../tensor";
import { isFloating, roundToDtype } from "../dtype";
import { cascadeSum } from "./cascadeSum";

/** The tensor's strides seen from a broadcast `shape`: 0 along every dimension it is repeated in. */
export function broadcastStrides(
  t: { readonly shape: readonly number[]; readonly strides: readonly number[] },
  shape: readonly number[],
): number[] {
  const out = new Array<number>(shape.length).fill(0);
  const nd = t.shape.length;
  const shift = shape.length - nd;
  for (let i = 0; i < nd; i++) out[shift + i] = t.shape[i] === 1 && shape[shift + i] !== 1 ? 0 : t.strides[i];
  return out;
}

/**
 * Visits `shape` in row-major order one innermost row at a time, handing `row` the storage
 * positions where each operand's row starts (operands given by their strides and offsets).
 */
export function forEachRow(
  shape: readonly number[],
  strides: readonly (readonly number[])[],
  offsets: readonly number[],
  row: (outStart: number, starts: number[], length: number) => void,
): void {
  const n = numelOf(shape);
  if (n === 0) return;
  const nd = shape.length;
  const starts = [...offsets];
  if (nd === 0) {
    row(0, starts, 1);
    return;
  }
  const inner = shape[nd - 1];
  const index = new Array<number>(nd).fill(0);
  const k = strides.length;
  for (let o = 0; o < n; o += inner) {
    row(o, starts, inner);
    for (let d = nd - 2; d >= 0; d--) {
      for (let s = 0; s < k; s++) starts[s] += strides[s][d];
      if (++index[d] < shape[d]) break;
      for (let s = 0; s < k; s++) starts[s] -= strides[s][d] * shape[d];
      index[d] = 0;
    }
  }
}

/** The tensor's values repeated out to the broadcast `shape`, row-major. */
export function expandValues(t: Tensor, shape: readonly number[]): Float64Array {
  if (sameShape(t.shape, shape)) return t.copyValues();
  const out = new Float64Array(numelOf(shape));
  const src = t.storage.data;
  const strides = broadcastStrides(t, shape);
  const inner = strides.length > 0 ? strides[strides.length - 1] : 0;
  forEachRow(shape, [strides], [t.offset], (o, [s], len) => {
    for (let j = 0; j < len; j++) out[o + j] = src[s + j * inner];
  });
  return out;
}

/**
 * Sums `g` down to `shape` (which broadcasts to g's shape): the VJP of broadcasting. Each
 * element of g is added into the element of the result it was broadcast from.
 */
export function sumToShape(g: Tensor, shape: readonly number[]): Tensor {
  if (sameShape(g.shape, shape)) return g;
  if (g.dtype === "float32" || g.dtype === "float64") {
    // PyTorch's sum_to: a sum over the broadcast dims, in its cascade order
    const lead = g.ndim - shape.length;
    const dims = g.shape.flatMap((d, i) => (i < lead || (shape[i - lead] === 1 && d !== 1) ? [i] : []));
    return Tensor.fromValues(cascadeSum(g, dims, g.dtype), shape, g.dtype);
  }
  const out = new Float64Array(numelOf(shape));
  const target = Tensor.fromValues(out, shape, g.dtype);
  accumulateInto(g, target);
  roundToDtype(out, g.dtype);
  return target;
}

/** Adds every element of `src` into the element of contiguous `target` it broadcasts from. */
function accumulateInto(src: Tensor, target: Tensor): void {
  const tStrides = broadcastStrides(target, src.shape);
  const data = src.storage.data;
  const out = target.storage.data;
  const nd = src.ndim;
  const sIn = nd > 0 ? src.strides[nd - 1] : 0;
  const sOut = nd > 0 ? tStrides[nd - 1] : 0;
  forEachRow(src.shape, [src.strides, tStrides], [src.offset, 0], (_o, [s, t], len) => {
    if (sOut === 0) {
      let acc = 0;
      for (let j = 0; j < len; j++) acc += data[s + j * sIn];
      out[t] += acc;
    } else for (let j = 0; j < len; j++) out[t + j * sOut] += data[s + j * sIn];
  });
}

/** A gradient made to fit its operand: summed over broadcast dimensions, in the operand's type. */
export function gradFor(g: Tensor, operand: Tensor): Tensor {
  const r = sumToShape(g, operand.shape);
  if (r.dtype === operand.dtype || !isFloating(operand.dtype)) return r;
  return Tensor.fromValues(r.copyValues(), r.shape, operand.dtype);
}
