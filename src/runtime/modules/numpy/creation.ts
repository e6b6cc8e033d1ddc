import { allocFloat64 } from "../../../engine/memory";
import * as T from "../../../engine/tensor/index";
import { PyInt, PyList, PyTuple, type PyValue } from "../../interpreter/objects";
import { PyError, typeError, valueError } from "../../interpreter/pyErrors";
import { asArray, castTensor, checkShape, dataOf, isNumberLike, numberOf } from "./convert";
import { NdArray, NpScalar } from "./ndarray";
import { defaultFor, isFloat, promote, roundInto, type NpDtype } from "./npDtype";
import type { NumpyState } from "./numpyState";

/**
 * Making arrays: from Python data (`np.array`, `np.asarray`), filled (`zeros`, `ones`, `full`,
 * `empty`, `eye`, `identity` and the `_like` forms) and ranges (`arange`, `linspace`, with
 * numpy's formulas, so the values match numpy's bit for bit).
 */

/**
 * `np.array(data, dtype=None, copy=True, ndmin=0)`. A list of arrays (or numpy scalars) of one
 * shape is stacked through the engine, so values computed before keep their place in the graph.
 */
export function array(s: NumpyState, data: PyValue, dtype?: NpDtype, copy = true, ndmin = 0): NdArray {
  let out: NdArray;
  if (data instanceof NdArray || data instanceof NpScalar) {
    const d = dtype ?? data.dtype;
    const t = castTensor(s.read(data), data.dtype, d);
    out =
      !copy && data instanceof NdArray && d === data.dtype
        ? data
        : s.array(t === s.read(data) ? T.clone(t) : t, d);
  } else if ((data instanceof PyList || data instanceof PyTuple) && stackable(data.items)) {
    const items = data.items as (NdArray | NpScalar)[];
    const d = dtype ?? items.map((x) => x.dtype).reduce((p, q) => promote(p, q));
    out = s.array(
      T.stack(
        items.map((x) => castTensor(s.read(x), x.dtype, d)),
        0,
      ),
      d,
    );
  } else {
    const { values, shape, dtype: d } = dataOf(s, data, dtype);
    out = s.fresh(values, shape, d);
  }
  if (out.ndim < ndmin)
    out = s.array(T.reshape(s.read(out), [...Array(ndmin - out.ndim).fill(1), ...out.shape]), out.dtype, out);
  return out;
}

function stackable(items: readonly PyValue[]): boolean {
  if (items.length === 0) return false;
  const first = items[0];
  if (!(first instanceof NdArray || first instanceof NpScalar)) return false;
  return items.every(
    (x) =>
      (x instanceof NdArray || x instanceof NpScalar) &&
      x.tensor.shape.length === first.tensor.shape.length &&
      x.tensor.shape.every((d, i) => d === first.tensor.shape[i]),
  );
}

/** `np.asarray(data, dtype=None)`: the array itself when nothing changes. */
export function asarray(s: NumpyState, data: PyValue, dtype?: NpDtype): NdArray {
  return asArray(s, data, dtype);
}

/** `np.full(shape, value, dtype=None)` and friends: the dtype of the fill value unless given. */
export function full(s: NumpyState, shape: readonly number[], value: PyValue, dtype?: NpDtype): NdArray {
  checkShape(shape);
  if (!isNumberLike(value)) {
    if (value instanceof NdArray) return full(s, shape, numberOf(value), dtype ?? value.dtype);
    throw typeError(`could not convert ${s.interp.repr(value)} to a number`);
  }
  const d =
    dtype ??
    (value instanceof NpScalar
      ? value.dtype
      : defaultFor(typeof value === "boolean" ? "bool" : value instanceof PyInt ? "int" : "float"));
  const values = allocFloat64(shape.reduce((p, x) => p * x, 1)).fill(numberOf(value));
  roundInto(values, d);
  return s.fresh(values, shape, d);
}

export function filled(
  s: NumpyState,
  shape: readonly number[],
  value: number,
  dtype: NpDtype = "float64",
): NdArray {
  checkShape(shape);
  const values = allocFloat64(shape.reduce((p, x) => p * x, 1)).fill(value);
  roundInto(values, dtype);
  return s.fresh(values, shape, dtype);
}

/** `np.zeros_like(a)`, `ones_like`, `empty_like`, `full_like`: a's shape and dtype unless given. */
export function like(s: NumpyState, a: PyValue, value: PyValue, dtype?: NpDtype): NdArray {
  const src = asArray(s, a);
  return full(s, src.shape, value, dtype ?? src.dtype);
}

/** The number of elements `arange` makes: ceil((stop − start) / step), never negative. */
function arangeLength(start: number, stop: number, step: number): number {
  const n = Math.ceil((stop - start) / step);
  if (!Number.isFinite(n)) throw valueError("arange: cannot compute length");
  return Math.max(0, n);
}

/**
 * `np.arange([start,] stop[, step], dtype=None)`: int64 when every argument is an integer,
 * else float64; values start + i·delta with numpy's delta (`(start + step) − start`).
 */
export function arange(s: NumpyState, args: readonly PyValue[], dtype?: NpDtype): NdArray {
  if (args.length === 0) throw typeError("arange() requires stop to be specified.");
  for (const a of args)
    if (!isNumberLike(a)) throw typeError(`unsupported operand type(s) for -: '${s.interp.repr(a)}'`);
  const [start, stop, step] =
    args.length === 1
      ? [0, numberOf(args[0]), 1]
      : [numberOf(args[0]), numberOf(args[1]), args[2] === undefined ? 1 : numberOf(args[2])];
  if (step === 0) throw new PyError("ZeroDivisionError", "division by zero");
  const allInts = args.every(
    (a) => a instanceof PyInt || typeof a === "boolean" || (a instanceof NpScalar && !isFloat(a.dtype)),
  );
  const d =
    dtype ??
    (allInts
      ? "int64"
      : args.some((a) => a instanceof NpScalar && a.dtype === "float32") &&
          !args.some((a) => typeof a === "number")
        ? "float32"
        : "float64");
  const n = arangeLength(start, stop, step);
  const values = allocFloat64(n);
  if (n > 0) values[0] = start;
  if (n > 1) {
    // numpy writes start and start + step, then fills on from their difference
    values[1] = start + step;
    const delta = values[1] - start;
    for (let i = 2; i < n; i++) values[i] = start + i * delta;
  }
  roundInto(values, d);
  return s.fresh(values, [n], d);
}

/**
 * `np.linspace(start, stop, num=50, endpoint=True, dtype=None)` with numpy's arithmetic:
 * i·step + start for step = (stop − start)/div, the last set to stop exactly.
 */
export function linspace(
  s: NumpyState,
  startValue: PyValue,
  stopValue: PyValue,
  num: number,
  endpoint: boolean,
  dtype?: NpDtype,
): { array: NdArray; step: number } {
  if (num < 0) throw valueError(`Number of samples, ${num}, must be non-negative.`);
  const start = numberOf(startValue);
  const stop = numberOf(stopValue);
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const values = allocFloat64(num);
  for (let i = 0; i < num; i++) values[i] = i;
  let step = NaN;
  if (div > 0) {
    step = delta / div;
    if (step === 0) for (let i = 0; i < num; i++) values[i] = (values[i] / div) * delta;
    else for (let i = 0; i < num; i++) values[i] = values[i] * step;
  } else for (let i = 0; i < num; i++) values[i] = values[i] * delta;
  for (let i = 0; i < num; i++) values[i] = values[i] + start;
  if (endpoint && num > 1) values[num - 1] = stop;
  const d = dtype ?? "float64";
  if (!isFloat(d)) for (let i = 0; i < num; i++) values[i] = Math.floor(values[i]);
  roundInto(values, d);
  return { array: s.fresh(values, [num], d), step };
}

/** `np.eye(N, M=None, k=0, dtype=float)`. */
export function eye(s: NumpyState, n: number, m: number, k: number, dtype: NpDtype = "float64"): NdArray {
  if (n < 0 || m < 0) throw valueError("negative dimensions are not allowed");
  const values = allocFloat64(n * m);
  for (let i = 0; i < n; i++) {
    const j = i + k;
    if (j >= 0 && j < m) values[i * m + j] = 1;
  }
  return s.fresh(values, [n, m], dtype);
}

/**
 * An array from row-major float64 values: the seam for modules that make numbers elsewhere
 * (numpy's random streams). The values are rounded to the dtype; the array is a new leaf.
 */
export function arrayFromValues(
  s: NumpyState,
  values: Float64Array,
  shape: readonly number[],
  dtype: NpDtype,
): NdArray {
  if (values.length !== shape.reduce((p, d) => p * d, 1))
    throw new Error(`internal: ${values.length} values for shape (${shape.join(", ")})`);
  const copy = values.slice();
  roundInto(copy, dtype);
  return s.fresh(copy, shape, dtype);
}
