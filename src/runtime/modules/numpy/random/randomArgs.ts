import { allocFloat64 } from "../../../../engine/memory";
import type { Tensor } from "../../../../engine/tensor/index";
import { NumpyRandomError, type IntDtype } from "../../../random/numpy/index";
import {
  bigInt,
  int,
  PyClass,
  PyInt,
  PyList,
  PyTuple,
  toBigInt,
  type Kwargs,
  type PyValue,
} from "../../../interpreter/objects";
import { PyError, typeError, UnsupportedError, valueError } from "../../../interpreter/pyErrors";
import { guard } from "../../torchArgs";
import { expandTo } from "../broadcastValues";
import { asArray, dtypeArg, intOf, numberOf, shapeTuple } from "../convert";
import { arrayFromValues } from "../creation";
import { NdArray, NpScalar } from "../ndarray";
import type { NpDtype } from "../npDtype";
import type { NumpyState } from "../numpyState";

/**
 * Reading the arguments of numpy's random functions as numpy reads them (sizes, distribution
 * parameters that may be arrays, integer dtypes) and turning the streams' errors into Python's.
 */

/** Runs stream code: numpy's errors from the streams (and the engine's) as Python exceptions. */
export function randomGuard<T>(body: () => T): T {
  try {
    return guard(body);
  } catch (e) {
    if (e instanceof NumpyRandomError) throw new PyError(e.pyType, e.message);
    throw e;
  }
}

/**
 * Binds arguments by name as numpy's Cython functions do, with their messages ("takes at most 1
 * positional argument (2 given)"). `required` leading names must be given.
 */
export function bindArgs(
  fname: string,
  args: readonly PyValue[],
  kwargs: Kwargs,
  names: readonly string[],
  required = 0,
): Record<string, PyValue | undefined> {
  const plural = (n: number) => `${n} positional argument${n === 1 ? "" : "s"}`;
  if (args.length > names.length) {
    const how = required === names.length ? "exactly" : "at most";
    throw typeError(`${fname}() takes ${how} ${plural(names.length)} (${args.length} given)`);
  }
  const out = Object.create(null) as Record<string, PyValue | undefined>;
  args.forEach((v, i) => (out[names[i]] = v));
  for (const [k, v] of kwargs ?? []) {
    if (!names.includes(k)) throw typeError(`${fname}() got an unexpected keyword argument '${k}'`);
    if (out[k] !== undefined) throw typeError(`${fname}() got multiple values for keyword argument '${k}'`);
    out[k] = v;
  }
  for (let i = 0; i < required; i++)
    if (out[names[i]] === undefined) {
      const how = required === names.length ? "exactly" : "at least";
      throw typeError(`${fname}() takes ${how} ${plural(required)} (${args.length} given)`);
    }
  return out;
}

/** A function taking no keywords (`rand(*dims)`): numpy's message for any keyword. */
export function noKeywords(fname: string, kwargs: Kwargs): void {
  for (const k of kwargs?.keys() ?? [])
    throw typeError(`${fname}() got an unexpected keyword argument '${k}'`);
}

function checkDims(shape: number[]): number[] {
  if (shape.some((d) => d < 0)) throw valueError("negative dimensions are not allowed");
  return shape;
}

/** `rand(d0, d1, …)`'s dimensions. */
export function dimsArg(args: readonly PyValue[]): number[] {
  return checkDims(args.map((a) => intOf(a)));
}

/** `size=`: None (null), an int, or a tuple or list of ints. */
export function sizeArg(s: NumpyState, v: PyValue | undefined): number[] | null {
  if (v === undefined || v === null) return null;
  if (v instanceof PyTuple || v instanceof PyList) return checkDims(v.items.map((x) => intOf(x)));
  if (v instanceof NdArray && v.ndim === 1) return checkDims([...s.current(v).values()].map(Math.trunc));
  if (v instanceof PyInt || typeof v === "boolean" || v instanceof NpScalar) return checkDims([intOf(v)]);
  throw typeError(`expected a sequence of integers or a single integer, got '${s.interp.str(v)}'`);
}

export function countOf(shape: readonly number[]): number {
  return shape.reduce((p, d) => p * d, 1);
}

/** A distribution parameter: a number, or an array (numpy draws element by element, broadcast). */
export interface Param {
  readonly scalar: number;
  /** The array's values (float64), or null for a scalar (a 0-d array counts as one). */
  readonly tensor: Tensor | null;
}

export function floatParam(s: NumpyState, v: PyValue): Param {
  if (v instanceof NdArray || v instanceof PyList || v instanceof PyTuple) {
    const a = asArray(s, v, "float64");
    const t = s.current(a);
    if (a.ndim === 0) return { scalar: t.values()[0], tensor: null };
    return { scalar: NaN, tensor: t };
  }
  return { scalar: numberOf(v), tensor: null };
}

/** Every value a parameter takes (for numpy's checks, made on all of them before any draw). */
export function paramValues(p: Param): Iterable<number> {
  return p.tensor === null ? [p.scalar] : p.tensor.values();
}

/**
 * numpy's broadcasting of the output (when `size` is given, it comes first) with the
 * parameters, and its message naming the first pair that disagrees.
 */
function broadcastForDraw(shapes: readonly (readonly number[])[]): number[] {
  const n = Math.max(0, ...shapes.map((x) => x.length));
  const out = new Array<number>(n).fill(1);
  const setBy = new Array<number>(n).fill(-1);
  shapes.forEach((shape, j) => {
    shape.forEach((d, i) => {
      const k = n - shape.length + i;
      if (d === 1) return;
      if (out[k] === 1) {
        out[k] = d;
        setBy[k] = j;
      } else if (out[k] !== d) {
        throw valueError(
          "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between " +
            `arg ${setBy[k]} with shape ${shapeTuple(shapes[setBy[k]])} and arg ${j} with shape ${shapeTuple(shape)}.`,
        );
      }
    });
  });
  return out;
}

/**
 * Draws with array parameters: the output shape is `size` or the parameters' broadcast shape;
 * `one` draws the element for one combination of parameter values, in row-major order.
 */
export function broadcastDraw(
  params: readonly Param[],
  size: number[] | null,
  one: (values: number[]) => number,
): { values: Float64Array; shape: number[] } {
  const shapes = params.map((p) => p.tensor?.shape ?? []);
  let shape: number[];
  if (size === null) shape = broadcastForDraw(shapes);
  else {
    const all = broadcastForDraw([size, ...shapes]);
    if (countOf(all) !== countOf(size))
      throw valueError(
        `Output size ${shapeTuple(size)} is not compatible with broadcast dimensions of inputs ${shapeTuple(all)}.`,
      );
    shape = size;
  }
  const expanded = params.map((p) => (p.tensor === null ? null : expandTo(p.tensor, shape)));
  const n = countOf(shape);
  const out = allocFloat64(n);
  const current = params.map((p) => p.scalar);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < params.length; k++) {
      const e = expanded[k];
      if (e !== null) current[k] = e[i];
    }
    out[i] = one(current);
  }
  return { values: out, shape };
}

/** An integer bound (`randint`'s low/high): an int, or an array of them. */
export interface IntBound {
  readonly scalar: number | bigint;
  readonly tensor: Tensor | null;
}

export function intBound(s: NumpyState, v: PyValue): IntBound {
  if (v instanceof PyInt) return { scalar: toBigInt(v), tensor: null };
  if (v instanceof NdArray || v instanceof PyList || v instanceof PyTuple) {
    const a = asArray(s, v);
    const t = s.current(a);
    if (a.ndim === 0) return { scalar: t.values()[0], tensor: null };
    return { scalar: NaN, tensor: t };
  }
  return { scalar: numberOf(v), tensor: null };
}

/**
 * The integer dtype of `randint`/`integers`, and what a single draw comes back as: Python's
 * `int` and `bool` classes give Python numbers; numpy's types give numpy scalars.
 */
export interface IntDtypeArg {
  readonly np: NpDtype;
  readonly stream: IntDtype;
  readonly python: "int" | "bool" | null;
}

export function intDtypeArg(
  s: NumpyState,
  v: PyValue | undefined,
  fname: string,
  fallback: IntDtypeArg,
): IntDtypeArg {
  if (v === undefined) return fallback;
  if (v instanceof PyClass && v.module === "builtins" && (v.name === "int" || v.name === "bool"))
    return v.name === "int"
      ? { np: "int64", stream: "int64", python: "int" }
      : { np: "bool", stream: "bool", python: "bool" };
  const d = dtypeArg(s, v) ?? "float64";
  if (d === "float64" || d === "float32") throw typeError(`Unsupported dtype dtype('${d}') for ${fname}`);
  return { np: d, stream: d, python: null };
}

/**
 * A float dtype argument of the Generator's `random`/`standard_normal`: "float64", or "float32"
 * where `float32` says numpy's float32 stream is drawn (else GradLens does not draw it).
 */
export function floatDtypeArg(
  s: NumpyState,
  v: PyValue | undefined,
  fname: string,
  float32: boolean,
): "float64" | "float32" {
  if (v === undefined) return "float64";
  const d = dtypeArg(s, v) ?? "float64";
  if (d === "float64") return d;
  if (d === "float32") {
    if (float32) return d;
    throw new UnsupportedError(
      `${fname}(dtype=float32) is not supported by GradLens (numpy draws float32 by another stream)`,
    );
  }
  throw typeError(`Unsupported dtype dtype('${d}') for ${fname}`);
}

/** One integer draw as numpy hands it back. */
export function intResult(s: NumpyState, value: number | bigint, dtype: IntDtypeArg): PyValue {
  if (dtype.python === "bool") return value !== 0 && value !== 0n;
  if (dtype.python === "int") return typeof value === "bigint" ? bigInt(value) : int(value);
  return s.scalarOf(Number(value), dtype.np);
}

/**
 * A continuous distribution with parameters that may be arrays: numbers when all are scalars
 * (drawn by the stream's own loops), else element by element over the broadcast shape.
 */
export function continuous(
  s: NumpyState,
  params: Param[],
  shape: number[] | null,
  many: (n: number) => Float64Array,
  one: (values: number[]) => number,
  dtype: "float64" | "int64" = "float64",
): PyValue {
  if (params.every((p) => p.tensor === null)) {
    const values = params.map((p) => p.scalar);
    if (shape === null) {
      const x = one(values);
      return dtype === "int64" ? int(x) : x;
    }
    return arrayFromValues(s, many(countOf(shape)), shape, dtype);
  }
  const { values, shape: outShape } = broadcastDraw(params, shape, one);
  return arrayFromValues(s, values, outShape, dtype);
}
