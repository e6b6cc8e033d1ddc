import * as T from "../../../engine/tensor/index";
import type { Tensor } from "../../../engine/tensor/index";
import { toArray as iterableItems } from "../../interpreter/collections";
import {
  PyClass,
  PyInstance,
  PyInt,
  PyList,
  PyRange,
  PyTuple,
  type PyValue,
} from "../../interpreter/objects";
import { PyError, typeError, UnsupportedError, valueError } from "../../interpreter/pyErrors";
import { typeName } from "../../interpreter/stringify";
import { TensorObject } from "../torchState";
import { joinGraph, NdArray, NpScalar } from "./ndarray";
import {
  DTYPE_NAMES,
  engineDtype,
  isFloat,
  isInteger,
  promote,
  resultDtype,
  roundInto,
  type NpDtype,
  type WeakKind,
} from "./npDtype";
import { axisError } from "./npErrors";
import { newTensor, type NumpyState } from "./numpyState";

/**
 * Reading Python values as numpy reads them: dtype arguments, nested lists (with the dtype numpy
 * discovers in them), operands of arithmetic, axes and shapes.
 */

/** An instance of `numpy.dtype` (`dtype('float64')`). */
export class DtypeObject extends PyInstance {
  constructor(
    cls: PyClass,
    readonly dtype: NpDtype,
  ) {
    super(cls);
  }
}

/** The numpy dtype a scalar type class stands for (`np.float64` → float64), if it is one. */
export function dtypeOfClass(s: NumpyState, cls: PyClass): NpDtype | undefined {
  for (const [d, c] of s.scalarClasses) if (c === cls) return d;
  if (cls.module === "builtins") {
    if (cls.name === "float") return "float64";
    if (cls.name === "int") return "int64";
    if (cls.name === "bool") return "bool";
  }
  return undefined;
}

/** A `dtype=` argument: None, a dtype, a scalar type (`np.float32`, `float`) or a name (`"float32"`). */
export function dtypeArg(s: NumpyState, v: PyValue | undefined): NpDtype | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof DtypeObject) return v.dtype;
  if (v instanceof PyClass) {
    const d = dtypeOfClass(s, v);
    if (d !== undefined) return d;
    throw new UnsupportedError(
      `dtype ${v.name} is not supported by GradLens (float64, float32, int64, int32, uint8, bool are)`,
    );
  }
  if (typeof v === "string") {
    const d = DTYPE_NAMES[v];
    if (d !== undefined) return d;
    if (/^(int(8|16)|uint(16|32|64)?|float16|complex\w*|[USOaM].*|object|str)$/.test(v))
      throw new UnsupportedError(
        `dtype '${v}' is not supported by GradLens (float64, float32, int64, int32, uint8, bool are)`,
      );
    throw typeError(`data type '${v}' not understood`);
  }
  throw typeError(`Cannot interpret '${s.interp.repr(v)}' as a data type`);
}

/** What an element of a Python list contributes when numpy discovers an array's dtype. */
function elementDtype(v: PyValue): NpDtype | null {
  if (typeof v === "boolean") return "bool";
  if (v instanceof PyInt) return "int64";
  if (typeof v === "number") return "float64";
  return null;
}

export interface ArrayData {
  values: Float64Array;
  shape: number[];
  dtype: NpDtype;
}

/**
 * `np.array(data)` for nested lists and tuples of numbers, numpy scalars and arrays: the
 * values row-major, the shape, and the dtype numpy discovers (the promotion of the elements',
 * Python floats counting as float64 here).
 */
export function dataOf(s: NumpyState, v: PyValue, dtype?: NpDtype): ArrayData {
  let found: NpDtype | null = null;
  const see = (d: NpDtype) => (found = found === null ? d : promote(found, d));
  const flat: number[] = [];
  let shape: number[] | null = null;
  const fail = (depth: number): never => {
    throw valueError(
      `setting an array element with a sequence. The requested array has an inhomogeneous shape after ${depth} dimensions. The detected shape was (${shapeText(shapeSoFar.slice(0, depth))}) + inhomogeneous part.`,
    );
  };
  const shapeSoFar: number[] = [];
  const walk = (x: PyValue, depth: number): number[] => {
    s.interp.step();
    if (x instanceof PyList || x instanceof PyTuple) {
      const items = x.items;
      if (shapeSoFar.length <= depth) shapeSoFar[depth] = items.length;
      else if (shapeSoFar[depth] !== items.length) fail(depth);
      let inner: number[] | null = null;
      for (const item of items) {
        const sub = walk(item, depth + 1);
        if (inner === null) inner = sub;
        else if (!sameShape(inner, sub)) fail(depth + 1);
      }
      return [items.length, ...(inner ?? [])];
    }
    if (x instanceof NdArray) {
      see(x.dtype);
      const t = s.current(x);
      for (const e of t.values()) flat.push(e);
      return [...t.shape];
    }
    if (x instanceof NpScalar) {
      see(x.dtype);
      flat.push(x.value);
      return [];
    }
    const d = elementDtype(x);
    if (d !== null) {
      see(d);
      flat.push(numberOf(x));
      return [];
    }
    if (x instanceof TensorObject) {
      const t = x.tensor;
      see(t.dtype);
      for (const e of t.values()) flat.push(e);
      return [...t.shape];
    }
    if (typeof x === "string")
      throw new UnsupportedError("Arrays of strings are not supported by GradLens (numbers and bools are)");
    if (x === null)
      throw new UnsupportedError(
        "Arrays of objects (None) are not supported by GradLens (numbers and bools are)",
      );
    // a range is a sequence, which numpy reads item by item (an iterator or generator it does not)
    if (x instanceof PyRange || (x instanceof PyInstance && x.cls.lookup("__iter__") !== undefined))
      return walk(new PyList(iterableItems(s.interp, x)), depth);
    throw new UnsupportedError(
      `An array of ${typeName(x)} objects is not supported by GradLens (numbers and bools are)`,
    );
  };
  shape = walk(v, 0);
  const values = Float64Array.from(flat);
  const d = dtype ?? found ?? "float64";
  roundInto(values, d);
  return { values, shape, dtype: d };
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** A shape as numpy prints it in a tuple: `(2,)`, `(2, 3)`. */
export function shapeText(shape: readonly number[]): string {
  return shape.length === 1 ? `${shape[0]},` : shape.join(", ");
}

export function shapeTuple(shape: readonly number[]): string {
  return `(${shapeText(shape)})`;
}

/** A shape as numpy writes it inside some messages: `(2,3)`, `(2,)`. */
export function shapeCompact(shape: readonly number[]): string {
  return shapeTuple(shape).replace(/ /g, "");
}

/** A Python number or numpy scalar as a JS number (an int past 2**53 approximately). */
export function numberOf(v: PyValue | undefined): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof PyInt) return v.big !== null ? Number(v.big) : v.v;
  if (v instanceof NpScalar) return v.value;
  if (v instanceof NdArray && v.size === 1) return v.tensor.values()[0];
  throw typeError(`must be real number, not ${typeName(v ?? null)}`);
}

export function isNumberLike(v: PyValue | undefined): boolean {
  return typeof v === "number" || typeof v === "boolean" || v instanceof PyInt || v instanceof NpScalar;
}

/** An integer argument (an index, a size): a Python int, a bool, or an integer numpy scalar. */
export function intOf(v: PyValue | undefined, what = "an integer"): number {
  if (v instanceof PyInt) return v.big !== null ? Number(v.big) : v.v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof NpScalar && (isInteger(v.dtype) || v.dtype === "bool")) return v.value;
  throw typeError(`'${typeName(v ?? null)}' object cannot be interpreted as ${what}`);
}

/** The tensor of a value in another dtype (the same tensor when nothing changes); float results stay in the graph. */
export function castTensor(t: Tensor, from: NpDtype, to: NpDtype): Tensor {
  if (from === to) return t;
  if (isFloat(to)) {
    return joinGraph(T.cast(t, engineDtype(to)), to);
  }
  const values = t.copyValues();
  roundInto(values, to);
  return newTensor(values, t.shape, to);
}

/** An operand of arithmetic: its tensor and dtype, and for a Python number the kind it weighs in with. */
export interface Operand {
  tensor: Tensor;
  dtype: NpDtype;
  /** A Python number's kind (in promotion a Python float counts as float64, an int as int64). */
  weak: WeakKind | null;
  /** A scalar's value (Python number, numpy scalar, 0-d array), which numpy 1.24's promotion weighs; null for an array. */
  value: number | null;
  /** The Python number itself, for a weak operand (it is made in the result's dtype). */
  number: number;
  /** A numpy scalar or Python number (numpy's scalar arithmetic, and its warning names, apply). */
  scalar: boolean;
}

/** `resultDtype([a, b])`: every two-operand operation asks, so two arrays go the short way. */
export function pairDtype(a: Operand, b: Operand): NpDtype {
  if (a.value === null && b.value === null) return promote(a.dtype, b.dtype);
  return resultDtype([a, b]);
}

/** Reads an arithmetic operand, or null when numpy would not take it (the operator then returns NotImplemented). */
export function operandOf(s: NumpyState, v: PyValue): Operand | null {
  if (v instanceof NdArray) {
    const tensor = s.read(v);
    const value = v.shape.length === 0 ? tensor.storage.data[tensor.offset] : null;
    return { tensor, dtype: v.dtype, weak: null, value, number: 0, scalar: false };
  }
  if (v instanceof NpScalar)
    return { tensor: s.read(v), dtype: v.dtype, weak: null, value: v.value, number: 0, scalar: true };
  if (typeof v === "number") return weakOperand(v, "float");
  if (typeof v === "boolean") return weakOperand(v ? 1 : 0, "bool");
  if (v instanceof PyInt) return weakOperand(v.big !== null ? Number(v.big) : v.v, "int");
  if (v instanceof PyList || v instanceof PyTuple) {
    const a = asArray(s, v);
    return { tensor: s.read(a), dtype: a.dtype, weak: null, value: null, number: 0, scalar: false };
  }
  return null;
}

/** The shape of a 0-d value (the tensor copies it). */
const NO_DIMS: readonly number[] = [];

function weakOperand(x: number, kind: WeakKind): Operand {
  const dtype: NpDtype = kind === "float" ? "float64" : kind === "int" ? "int64" : "bool";
  const values = new Float64Array(1); // not `new Float64Array([x])`: made for every `2 * a`
  values[0] = x;
  const t = newTensor(values, NO_DIMS, dtype);
  t.isWrappedNumber = true;
  return { tensor: t, dtype, weak: kind, value: x, number: x, scalar: true };
}

/** An operand's tensor in the dtype an operation computes in (a Python number is made there directly). */
export function operandIn(s: NumpyState, o: Operand, dtype: NpDtype): Tensor {
  if (o.weak === null) return castTensor(o.tensor, o.dtype, dtype);
  if (o.dtype === dtype) return o.tensor;
  if (dtype === "int32" && o.weak === "int" && (o.number > 2147483647 || o.number < -2147483648))
    throw new PyError("OverflowError", `Python integer ${o.number} out of bounds for int32`);
  if (dtype === "uint8" && o.weak === "int" && (o.number > 255 || o.number < 0))
    throw new PyError("OverflowError", `Python integer ${o.number} out of bounds for uint8`);
  const values = new Float64Array([o.number]);
  roundInto(values, dtype);
  const t = newTensor(values, [], dtype);
  t.isWrappedNumber = true;
  void s;
  return t;
}

/** `np.asarray(v)`: an array as it is, or a new one from Python data (a numpy scalar becomes 0-d). */
export function asArray(s: NumpyState, v: PyValue, dtype?: NpDtype): NdArray {
  if (v instanceof NdArray) {
    if (dtype === undefined || dtype === v.dtype) return v;
    return s.array(castTensor(s.read(v), v.dtype, dtype), dtype);
  }
  if (v instanceof NpScalar) {
    const d = dtype ?? v.dtype;
    return s.array(castTensor(T.reshape(s.read(v), []), v.dtype, d), d);
  }
  const data = dataOf(s, v, dtype);
  return s.fresh(data.values, data.shape, data.dtype);
}

/** An axis argument normalised against `ndim` (numpy's AxisError when out of range). */
export function normalizeAxis(s: NumpyState, axis: number, ndim: number): number {
  if (axis < -ndim || axis >= ndim) throw axisError(s, axis, ndim);
  return axis < 0 ? axis + ndim : axis;
}

/** `axis=`: None (all axes: null), an int, or a tuple of ints; sorted, checked for repeats. */
export function axesArg(s: NumpyState, v: PyValue | undefined, ndim: number): number[] | null {
  if (v === undefined || v === null) return null;
  const items = v instanceof PyTuple || v instanceof PyList ? v.items : [v];
  const axes = items.map((x) => normalizeAxis(s, intOf(x), ndim));
  if (new Set(axes).size !== axes.length) throw valueError("duplicate value in 'axis'");
  return axes.sort((a, b) => a - b);
}

/** A shape given as one int, a tuple/list of ints, or (for `reshape`) several ints. */
export function shapeArg(args: readonly PyValue[]): number[] {
  if (args.length === 1 && (args[0] instanceof PyTuple || args[0] instanceof PyList))
    return (args[0] as PyTuple).items.map((x) => intOf(x));
  return args.map((x) => intOf(x));
}

/** The dims of a new array, checked as numpy does. */
export function checkShape(shape: readonly number[]): void {
  for (const d of shape) if (d < 0) throw valueError("negative dimensions are not allowed");
}
