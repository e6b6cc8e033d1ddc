import * as T from "../../../engine/tensor/index";
import type { IndexItem, Tensor } from "../../../engine/tensor/index";
import { allocFloat64 } from "../../../engine/memory";
import { Ellipsis, PyInt, PyList, PyRange, PySlice, PyTuple, type PyValue } from "../../interpreter/objects";
import { PyError } from "../../interpreter/pyErrors";
import { guard } from "../torchArgs";
import { intOf } from "./convert";
import { NdArray, NpScalar } from "./ndarray";
import type { NumpyState } from "./numpyState";

/**
 * `a[...]` with numpy's rules, through the engine's indexing (which follows them): integers and
 * slices (negative steps included) and `None`/`...` make views; integer arrays, lists and
 * boolean masks pick elements (a copy), their result dimensions placed where numpy places
 * them. Indexing every dimension with an integer gives a numpy scalar.
 */

const INVALID =
  "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices";

function bound(v: PyValue): number | null {
  if (v === null) return null;
  try {
    return intOf(v);
  } catch {
    throw new PyError("TypeError", "slice indices must be integers or None or have an __index__ method");
  }
}

function item(s: NumpyState, x: PyValue): IndexItem {
  if (x === null) return null;
  if (x === Ellipsis) return "...";
  if (x instanceof PyInt) return x.big !== null ? Number(x.big) : x.v;
  if (typeof x === "boolean") return T.Tensor.fromValues(new Float64Array([x ? 1 : 0]), [], "bool");
  if (x instanceof PySlice)
    return { start: bound(x.start), stop: bound(x.stop), step: bound(x.step), allowNegativeStep: true };
  if (x instanceof NpScalar) {
    if (x.dtype === "int64" || x.dtype === "int32" || x.dtype === "uint8") return x.value;
    if (x.dtype === "bool") return T.Tensor.fromValues(new Float64Array([x.value]), [], "bool");
    throw new PyError("IndexError", INVALID);
  }
  if (x instanceof NdArray) {
    if (x.dtype === "float64" || x.dtype === "float32")
      throw new PyError("IndexError", "arrays used as indices must be of integer (or boolean) type");
    const t = s.read(x);
    return x.dtype === "bool" ? t : T.Tensor.fromValues(t.copyValues(), t.shape, "int64");
  }
  if (x instanceof PyRange) {
    // CS231n's `probs[range(N), y]`: a range is an integer index array
    const n = x.length;
    const values = allocFloat64(n);
    for (let i = 0; i < n; i++) values[i] = x.start + i * x.step;
    return T.Tensor.fromValues(values, [n], "int64");
  }
  if (x instanceof PyList || x instanceof PyTuple) {
    const flat: PyValue[] = [];
    const walk = (v: PyValue): unknown => {
      if (v instanceof PyList || v instanceof PyTuple) return v.items.map(walk);
      flat.push(v);
      if (typeof v === "boolean") return v ? 1 : 0;
      if (v instanceof PyInt || (v instanceof NpScalar && v.dtype !== "float64" && v.dtype !== "float32"))
        return intOf(v);
      throw new PyError("IndexError", INVALID);
    };
    const nested = walk(x) as number[];
    if (flat.length > 0 && flat.every((v) => typeof v === "boolean"))
      return T.tensor(nested, { dtype: "bool" });
    if (flat.length === 0) return T.Tensor.fromValues(new Float64Array(0), [0], "int64");
    return nested;
  }
  throw new PyError("IndexError", INVALID);
}

/** What Python put between the brackets, as the engine's index items (a tuple is several). */
export function indexItems(s: NumpyState, index: PyValue): IndexItem[] {
  // a list index is one advanced index, a tuple several items
  const items = (index instanceof PyTuple ? index.items : [index]).map((x) => item(s, x));
  // beside an array index, an integer is an index array too (numpy places the broadcast
  // dimensions of all of them together, in front when they are not adjacent)
  const advanced = items.some(
    (it) => Array.isArray(it) || (it instanceof T.Tensor && (it.ndim > 0 || it.dtype !== "bool")),
  );
  if (!advanced) return items;
  return items.map((it) =>
    typeof it === "number" ? T.Tensor.fromValues(new Float64Array([it]), [], "int64") : it,
  );
}

/** Runs engine indexing with numpy's wording for its errors. */
export function numpyIndexing<R>(ndim: number, count: number, body: () => R): R {
  try {
    return guard(body);
  } catch (e) {
    if (e instanceof PyError && e.pyType === "IndexError") {
      if (/too many indices/.test(e.message))
        throw new PyError(
          "IndexError",
          `too many indices for array: array is ${ndim}-dimensional, but ${count} were indexed`,
        );
      const m = /index (-?\d+) is out of bounds for dimension (\d+) with size (\d+)/.exec(e.message);
      if (m)
        throw new PyError("IndexError", `index ${m[1]} is out of bounds for axis ${m[2]} with size ${m[3]}`);
      const mask =
        /The shape of the mask \[([\d, ]*)\] at index (\d+) does not match the shape of the indexed tensor \[([\d, ]*)\] at index (\d+)/.exec(
          e.message,
        );
      if (mask) {
        const maskShape = mask[1].split(", ").map(Number);
        const indexed = mask[3].split(", ").map(Number);
        throw new PyError(
          "IndexError",
          `boolean index did not match indexed array along dimension ${mask[4]}; dimension is ${indexed[Number(mask[4])]} but corresponding boolean dimension is ${maskShape[Number(mask[2])]}`,
        );
      }
    }
    throw e;
  }
}

/** How many dimensions the items index (numpy's count for its "too many indices" message). */
export function indexedCount(items: readonly IndexItem[]): number {
  let n = 0;
  for (const it of items) {
    if (it === null || it === "...") continue;
    if (it instanceof T.Tensor && it.dtype === "bool") n += it.ndim;
    else n += 1;
  }
  return n;
}

/** `a[index]`: a numpy scalar when every dimension got an integer, else an array (a view when it can be). */
export function getItem(s: NumpyState, a: NdArray, index: PyValue): NdArray | NpScalar {
  const items = indexItems(s, index);
  const count = indexedCount(items);
  if (count > a.ndim)
    throw new PyError(
      "IndexError",
      `too many indices for array: array is ${a.ndim}-dimensional, but ${count} were indexed`,
    );
  const t = s.read(a);
  const out: Tensor = numpyIndexing(a.ndim, count, () => T.index(t, items));
  const allInts = items.every((it) => typeof it === "number");
  if (out.ndim === 0 && allInts) return s.scalar(out, a.dtype);
  return s.array(out, a.dtype, a);
}
