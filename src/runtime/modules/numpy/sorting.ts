import { allocFloat64 } from "../../../engine/memory";
import * as T from "../../../engine/tensor/index";
import type { Tensor } from "../../../engine/tensor/index";
import { PyTuple, type PyValue } from "../../interpreter/objects";
import type { NdArray, NpScalar } from "./ndarray";
import type { NumpyState } from "./numpyState";

/**
 * `sort`, `argsort`, `unique`. NaN sorts last, as in numpy. Equal elements keep their order
 * (a stable sort): numpy's default quicksort may order ties differently in `argsort`.
 */

/** numpy's order: NaN after everything; −0 and 0 equal. */
function compare(x: number, y: number): number {
  if (x !== x) return y !== y ? 0 : 1;
  if (y !== y) return -1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** For each lane along `axis`, the positions of its elements in sorted order, laid out like t. */
function argsortValues(t: Tensor, axis: number): Float64Array {
  const shape = t.shape;
  const n = shape[axis];
  const v = t.values();
  const inner = shape.slice(axis + 1).reduce((p, d) => p * d, 1);
  const outer = shape.slice(0, axis).reduce((p, d) => p * d, 1);
  const out = allocFloat64(v.length);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let o = 0; o < outer; o++)
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      for (let k = 0; k < n; k++) order[k] = k;
      order.sort((p, q) => compare(v[base + p * inner], v[base + q * inner]) || p - q);
      for (let k = 0; k < n; k++) out[base + k * inner] = order[k];
    }
  return out;
}

/** The index arrays that gather `t` along `axis` by `positions` (numpy's take_along_axis). */
function gatherIndex(t: Tensor, axis: number, positions: Float64Array): Tensor[] {
  return t.shape.map((size, d) => {
    if (d === axis) return T.Tensor.fromValues(positions, t.shape, "int64");
    const shape = t.shape.map((_, k) => (k === d ? size : 1));
    return T.Tensor.fromValues(
      Float64Array.from({ length: size }, (_, i) => i),
      shape,
      "int64",
    );
  });
}

function flatOrAxis(s: NumpyState, a: NdArray, axis: number | null): { t: Tensor; axis: number } {
  const t = s.read(a);
  if (axis === null) return { t: T.reshape(t, [t.numel]), axis: 0 };
  return { t, axis };
}

/** `np.sort(a, axis=-1)`: a sorted copy (its gradient goes back to where each element came from). */
export function sortAlong(s: NumpyState, a: NdArray, axis: number | null): NdArray | NpScalar {
  const { t, axis: ax } = flatOrAxis(s, a, axis);
  if (t.ndim === 0) return s.result(T.clone(t), a.dtype);
  const positions = argsortValues(t, ax);
  return s.result(T.index(t, gatherIndex(t, ax, positions)), a.dtype);
}

/** `np.argsort(a, axis=-1)`: int64 positions. */
export function argsortAlong(s: NumpyState, a: NdArray, axis: number | null): NdArray | NpScalar {
  const { t, axis: ax } = flatOrAxis(s, a, axis);
  if (t.ndim === 0) return s.result(T.Tensor.fromValues(new Float64Array(1), [], "int64"), "int64");
  return s.result(T.Tensor.fromValues(argsortValues(t, ax), t.shape, "int64"), "int64");
}

/** `np.unique(a, return_index, return_inverse, return_counts)`: sorted distinct values of the flattened array. */
export function unique(
  s: NumpyState,
  a: NdArray,
  returnIndex: boolean,
  returnInverse: boolean,
  returnCounts: boolean,
): PyValue {
  const v = s.current(a).values();
  const order = Array.from({ length: v.length }, (_, i) => i).sort((p, q) => compare(v[p], v[q]) || p - q);
  const values: number[] = [];
  const first: number[] = [];
  const counts: number[] = [];
  const inverse = allocFloat64(v.length);
  for (const i of order) {
    const last = values.length - 1;
    if (last >= 0 && (v[i] === values[last] || (v[i] !== v[i] && values[last] !== values[last])))
      counts[last]++;
    else {
      values.push(v[i]);
      first.push(i);
      counts.push(1);
    }
    inverse[i] = values.length - 1;
  }
  const u = s.fresh(Float64Array.from(values), [values.length], a.dtype);
  if (!returnIndex && !returnInverse && !returnCounts) return u;
  const out: PyValue[] = [u];
  if (returnIndex) out.push(s.fresh(Float64Array.from(first), [first.length], "int64"));
  if (returnInverse) out.push(s.fresh(inverse, a.ndim === 1 ? [v.length] : [v.length], "int64"));
  if (returnCounts) out.push(s.fresh(Float64Array.from(counts), [counts.length], "int64"));
  return new PyTuple(out);
}
