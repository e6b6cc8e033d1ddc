import { allocFloat64 } from "../../../engine/memory";
import { valueError } from "../../interpreter/pyErrors";
import type { Tensor } from "../../../engine/tensor/index";

/**
 * A tensor's elements repeated out to a broadcast `shape`, row-major, read straight from its
 * storage (no graph node): for computing numpy's own values beside a recorded operation.
 */
export function expandTo(t: Tensor, shape: readonly number[]): Float64Array {
  const n = shape.reduce((p, d) => p * d, 1);
  const out = allocFloat64(n);
  const nd = shape.length;
  const strides = new Array<number>(nd).fill(0);
  for (let d = 0; d < t.ndim; d++) {
    const od = nd - t.ndim + d;
    strides[od] = t.shape[d] === 1 && shape[od] !== 1 ? 0 : t.strides[d];
  }
  const data = t.storage.data;
  if (n === 0) return out;
  if (nd === 0) {
    out[0] = data[t.offset];
    return out;
  }
  const index = new Array<number>(nd).fill(0);
  const inner = shape[nd - 1];
  const innerStride = strides[nd - 1];
  let base = t.offset;
  for (let o = 0; o < n;) {
    for (let j = 0, p = base; j < inner; j++, p += innerStride) out[o++] = data[p];
    for (let d = nd - 2; d >= 0; d--) {
      base += strides[d];
      if (++index[d] < shape[d]) break;
      base -= strides[d] * shape[d];
      index[d] = 0;
    }
  }
  return out;
}

/** The broadcast shape of two shapes (numpy's rule; the caller has checked they broadcast). */
export function broadcastPair(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    out.push(da === 1 ? db : da);
  }
  return out;
}

/**
 * numpy's ValueError when two shapes do not broadcast, else nothing: `broadcastShapesOf([a, b])`
 * for a caller that needs no result, without its arrays (every operation checks its operands).
 */
export function checkBroadcastPair(a: readonly number[], b: readonly number[]): void {
  for (let i = a.length - 1, j = b.length - 1; i >= 0 && j >= 0; i--, j--) {
    const da = a[i];
    const db = b[j];
    if (da !== db && da !== 1 && db !== 1) broadcastShapesOf([a, b]); // throws numpy's message
  }
}

/** numpy's broadcasting of several shapes, with its ValueError when they do not broadcast. */
export function broadcastShapesOf(shapes: readonly (readonly number[])[]): number[] {
  let n = 0;
  for (const s of shapes) if (s.length > n) n = s.length;
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const od = n - s.length + i;
      const d = s[i];
      if (d === out[od] || d === 1) continue;
      if (out[od] === 1) out[od] = d;
      else
        throw valueError(
          `operands could not be broadcast together with shapes ${shapes.map((x) => `(${x.length === 1 ? `${x[0]},` : x.join(",")})`).join(" ")} `,
        );
    }
  }
  return out;
}
