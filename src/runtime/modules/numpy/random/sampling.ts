import type { Generator, RandomState } from "../../../random/numpy/index";
import { int, PyInt, PyList, PySlice, PyTuple, type PyValue } from "../../../interpreter/objects";
import { PyError, typeError, UnsupportedError, valueError } from "../../../interpreter/pyErrors";
import { typeName } from "../../../interpreter/stringify";
import { asArray, intOf } from "../convert";
import { arrayFromValues } from "../creation";
import { NdArray, NpScalar } from "../ndarray";
import { isInteger } from "../npDtype";
import { axisError } from "../npErrors";
import { getItem } from "../npIndexing";
import type { NumpyState } from "../numpyState";
import { setItem } from "../writes";
import { countOf, sizeArg } from "./randomArgs";

/**
 * What RandomState and Generator share in front of their streams: `choice` (picking indices,
 * then taking them from the population), `permutation` and `shuffle` (in place, on an array
 * along its first axis or on a Python list), with numpy's checks and messages for each.
 */

type Stream = RandomState | Generator;

/** An int-like population or permutation size (`choice(5)`, `permutation(10)`). */
function intLike(v: PyValue): boolean {
  return (
    v instanceof PyInt ||
    typeof v === "boolean" ||
    (v instanceof NpScalar && (isInteger(v.dtype) || v.dtype === "bool"))
  );
}

function indexArray(s: NumpyState, indices: Float64Array, shape: readonly number[]): NdArray {
  return arrayFromValues(s, indices, shape, "int64");
}

export interface ChoiceOptions {
  readonly size: PyValue | undefined;
  readonly replace: boolean;
  readonly p: PyValue | undefined;
  /** The Generator's `shuffle=` (legacy RandomState has none). */
  readonly shuffle: boolean;
  readonly legacy: boolean;
}

/** `choice(a, size=None, replace=True, p=None)`: ints from range(a), or items of the array a. */
export function choice(s: NumpyState, rs: Stream, a: PyValue, o: ChoiceOptions): PyValue {
  const size = sizeArg(s, o.size);
  let population: NdArray | null = null;
  let popSize: number;
  const notInt = () =>
    o.legacy
      ? valueError("a must be 1-dimensional or an integer")
      : valueError(`a must be a sequence or an integer, not <class '${typeName(a)}'>`);
  if (intLike(a)) popSize = intOf(a);
  else if (typeof a === "number") throw notInt();
  else {
    population = asArray(s, a);
    if (population.ndim === 0) {
      if (!isInteger(population.dtype)) throw notInt();
      popSize = s.current(population).values()[0];
      population = null;
    } else {
      if (o.legacy && population.ndim !== 1) throw valueError("a must be 1-dimensional");
      popSize = population.shape[0];
    }
  }
  let p: Float64Array | null = null;
  if (o.p !== undefined && o.p !== null) {
    const pa = asArray(s, o.p, "float64");
    if (pa.ndim !== 1) throw valueError(o.legacy ? "'p' must be 1-dimensional" : "p must be 1-dimensional");
    p = s.current(pa).copyValues();
  }
  const count = size === null ? null : countOf(size);
  const options = { replace: o.replace, p, aIsArray: population !== null, shuffle: o.shuffle };
  const indices = rs.choiceIndices(popSize, count, options);
  if (population === null) return size === null ? int(indices[0]) : indexArray(s, indices, size);
  if (size === null) return getItem(s, population, int(indices[0]));
  return getItem(s, population, indexArray(s, indices, size));
}

/** `permutation(x)`: range(x) shuffled, or a shuffled copy of the array x (along its first axis). */
export function permutation(s: NumpyState, rs: Stream, x: PyValue, legacy: boolean): NdArray {
  if (intLike(x)) {
    const n = Math.max(0, intOf(x));
    return indexArray(s, rs.permutation(n), [n]);
  }
  const arr = asArray(s, x);
  if (arr.ndim === 0) {
    // the Generator looks for its axis 0 first
    if (!legacy) throw axisError(s, 0, 0);
    throw new PyError("IndexError", "x must be an integer or at least 1-dimensional");
  }
  const n = arr.shape[0];
  return getItem(s, arr, indexArray(s, rs.shuffleIndices(n), [n])) as NdArray;
}

/** `shuffle(x)`: in place — a list's items, or an array's rows (every view of it sees them). */
export function shuffle(s: NumpyState, rs: Stream, x: PyValue): null {
  if (x instanceof PyList) {
    rs.shuffleInPlace(x.items);
    return null;
  }
  if (x instanceof NdArray) {
    if (x.ndim === 0) throw typeError("len() of unsized object");
    const n = x.shape[0];
    const order = rs.shuffleIndices(n);
    if (n > 1) {
      const rows = getItem(s, x, indexArray(s, order, [n]));
      setItem(s, x, new PySlice(null, null, null), rows);
    }
    return null;
  }
  if (x instanceof PyTuple) throw typeError("'tuple' object does not support item assignment");
  if (typeof x === "number" || x instanceof PyInt || typeof x === "boolean" || x === null)
    throw typeError(`object of type '${typeName(x)}' has no len()`);
  throw new UnsupportedError(
    `shuffle() of a ${typeName(x)} is not supported by GradLens (numpy arrays and lists are)`,
  );
}
