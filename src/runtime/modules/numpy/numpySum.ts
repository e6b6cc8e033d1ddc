import type { FloatArray } from "../../../engine/tensor/floatArray";
import { allocFloat64 } from "../../../engine/memory";
import type { Tensor } from "../../../engine/tensor/index";

/**
 * The order numpy adds in, so a sum has numpy's last digits: numpy's reduction walks the
 * array in memory order (adjacent axes merged where the layout allows); along an innermost
 * axis that is summed it uses pairwise summation (eight accumulators up to 128 elements,
 * halves beyond), and it adds whole rows elementwise, one after another, along outer summed
 * axes. float32 adds in float32.
 */

/** numpy's pairwise sum of n elements of `data` from `start` by `stride`. */
export function pairwiseSum(
  data: FloatArray,
  start: number,
  n: number,
  stride: number,
  f32: boolean,
): number {
  const r = f32 ? Math.fround : (x: number) => x;
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res = r(res + data[start + i * stride]);
    return res;
  }
  if (n <= 128) {
    const a = new Float64Array(8);
    for (let j = 0; j < 8; j++) a[j] = data[start + j * stride];
    let i = 8;
    for (; i < n - (n % 8); i += 8)
      for (let j = 0; j < 8; j++) a[j] = r(a[j] + data[start + (i + j) * stride]);
    let res = r(r(r(a[0] + a[1]) + r(a[2] + a[3])) + r(r(a[4] + a[5]) + r(a[6] + a[7])));
    for (; i < n; i++) res = r(res + data[start + i * stride]);
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return r(
    pairwiseSum(data, start, n2, stride, f32) + pairwiseSum(data, start + n2 * stride, n - n2, stride, f32),
  );
}

const BUFFER = 8192;

interface Axis {
  size: number;
  /** Stride of the input (in elements) and of the output (0 when summed). */
  in: number;
  out: number;
}

/**
 * The sums of `t` over `axes`, laid out in the keepdims shape (row-major), added in numpy's
 * order. Zero-sized reductions give 0.
 */
export function numpySum(t: Tensor, axes: readonly number[], f32: boolean): Float64Array {
  const nd = t.ndim;
  const outShape = t.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const outStrides = new Array<number>(nd);
  let s = 1;
  for (let i = nd - 1; i >= 0; i--) {
    outStrides[i] = axes.includes(i) ? 0 : s;
    s *= outShape[i];
  }
  const out = allocFloat64(s);
  if (t.numel === 0) return out;
  // numpy iterates in memory order: by descending input stride (C order when tied)
  let order: number[] = [];
  for (let i = 0; i < nd; i++) if (t.shape[i] !== 1) order.push(i);
  order = order
    .map((axis, pos) => ({ axis, pos }))
    .sort((a, b) => Math.abs(t.strides[b.axis]) - Math.abs(t.strides[a.axis]) || a.pos - b.pos)
    .map((x) => x.axis);
  let dims: Axis[] = order.map((i) => ({ size: t.shape[i], in: t.strides[i], out: outStrides[i] }));
  // merge an axis into the next inner one when both operands step through them as one
  const merged: Axis[] = [];
  for (const d of dims) {
    const prev = merged[merged.length - 1];
    if (prev !== undefined && prev.in === d.in * d.size && prev.out === d.out * d.size) {
      merged[merged.length - 1] = { size: prev.size * d.size, in: d.in, out: d.out };
    } else merged.push({ ...d });
  }
  dims = merged;
  const data = t.storage.data;
  const r = f32 ? Math.fround : (x: number) => x;
  if (dims.length === 0) {
    out[0] = r(0 + data[t.offset]);
    return out;
  }
  const inner = dims[dims.length - 1];
  const outerDims = dims.slice(0, -1);
  const index = new Array<number>(outerDims.length).fill(0);
  let inPos = t.offset;
  let outPos = 0;
  for (;;) {
    if (inner.out === 0) {
      // numpy's buffered iteration hands the inner loop at most 8192 elements at a time
      for (let c = 0; c < inner.size; c += BUFFER)
        out[outPos] = r(
          out[outPos] +
            pairwiseSum(data, inPos + c * inner.in, Math.min(BUFFER, inner.size - c), inner.in, f32),
        );
    } else
      for (let j = 0; j < inner.size; j++)
        out[outPos + j * inner.out] = r(out[outPos + j * inner.out] + data[inPos + j * inner.in]);
    let d = outerDims.length - 1;
    for (; d >= 0; d--) {
      inPos += outerDims[d].in;
      outPos += outerDims[d].out;
      if (++index[d] < outerDims[d].size) break;
      inPos -= outerDims[d].in * outerDims[d].size;
      outPos -= outerDims[d].out * outerDims[d].size;
      index[d] = 0;
    }
    if (d < 0) break;
  }
  return out;
}
