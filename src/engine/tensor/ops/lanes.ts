import { contiguousStrides } from "../shapeMath";
import type { Tensor } from "../tensor";

/**
 * Visits every lane of `a` along `dim` — the 1-d slice through each position of the other
 * dimensions — in row-major order of those positions (the order of a reduced result), giving
 * the storage position of its first element, the step between elements and its length.
 */
export function forEachLane(
  a: Tensor,
  dim: number,
  visit: (lane: number, start: number, stride: number, length: number) => void,
): void {
  const outer: number[] = [];
  const outerStrides: number[] = [];
  for (let i = 0; i < a.ndim; i++) {
    if (i === dim) continue;
    outer.push(a.shape[i]);
    outerStrides.push(a.strides[i]);
  }
  const length = a.ndim === 0 ? 1 : a.shape[dim];
  const stride = a.ndim === 0 ? 1 : a.strides[dim];
  let lanes = 1;
  for (const d of outer) lanes *= d;
  const index = new Array<number>(outer.length).fill(0);
  let start = a.offset;
  for (let lane = 0; lane < lanes; lane++) {
    visit(lane, start, stride, length);
    for (let d = outer.length - 1; d >= 0; d--) {
      start += outerStrides[d];
      if (++index[d] < outer[d]) break;
      start -= outerStrides[d] * outer[d];
      index[d] = 0;
    }
  }
}

/** Row-major position, in a contiguous tensor of `shape`, of the first element of lane `lane` along `dim`. */
export function laneBase(shape: readonly number[], dim: number, lane: number): number {
  const strides = contiguousStrides(shape);
  let rest = lane;
  let pos = 0;
  for (let i = shape.length - 1; i >= 0; i--) {
    if (i === dim) continue;
    pos += (rest % shape[i]) * strides[i];
    rest = Math.floor(rest / shape[i]);
  }
  return pos;
}

/**
 * For same-shape tensors, calls `f` once per lane along `dim` with each input's lane copied
 * into a scratch array, and writes what `f` puts in `out` to the same lane of a new row-major
 * result.
 */
export function mapLanes(
  inputs: readonly Tensor[],
  dim: number,
  f: (lanes: Float64Array[], out: Float64Array) => void,
): Float64Array {
  const shape = inputs[0].shape;
  const n = shape.length === 0 ? 1 : shape[dim];
  const inner = shape.length === 0 ? 1 : contiguousStrides(shape)[dim];
  const result = new Float64Array(inputs[0].numel);
  const scratch = inputs.map(() => new Float64Array(n));
  const out = new Float64Array(n);
  const starts: number[][] = inputs.map(() => []);
  inputs.forEach((t, i) => forEachLane(t, dim, (lane, start) => (starts[i][lane] = start)));
  const strides = inputs.map((t) => (t.ndim === 0 ? 1 : t.strides[dim]));
  const lanes = starts[0].length;
  for (let lane = 0; lane < lanes; lane++) {
    for (let i = 0; i < inputs.length; i++) {
      const data = inputs[i].storage.data;
      const s = starts[i][lane];
      const st = strides[i];
      const dst = scratch[i];
      for (let j = 0; j < n; j++) dst[j] = data[s + j * st];
    }
    f(scratch, out);
    const base = shape.length === 0 ? 0 : laneBase(shape, dim, lane);
    for (let j = 0; j < n; j++) result[base + j * inner] = out[j];
  }
  return result;
}
