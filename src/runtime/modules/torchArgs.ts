import {
  type DType,
  getDefaultDtype,
  isInteger,
  scalar,
  Tensor,
  TensorError,
  type Nested,
} from "../../engine/tensor/index";
import { toArray } from "../interpreter/collections";
import {
  int,
  PyBuiltin,
  PyClass,
  PyInstance,
  PyInt,
  PyList,
  PyProperty,
  PyTuple,
  type Kwargs,
  type PyValue,
} from "../interpreter/objects";
import { PyError, typeError } from "../interpreter/pyErrors";
import type { Runtime } from "../interpreter/runtime";
import { typeName } from "../interpreter/stringify";
import { TensorObject } from "./torchState";
import { numpyData, numpyElement } from "./numpy/torchInterop";

/**
 * Reading Python arguments for the torch modules: binding positionals and keywords by name,
 * numbers, shapes, dims and dtypes, and nested lists for `torch.tensor`. A TensorError from the
 * engine becomes the Python exception PyTorch raises, at the span that was running.
 */

/** Runs engine code, turning its TensorError into the matching Python exception. */
export function guard<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e instanceof TensorError) throw new PyError(e.pythonType, e.message);
    throw e;
  }
}

/**
 * `f` with guard's translation of engine errors, as a function made once: a `guard(() => …)`
 * inside a built-in makes a closure on every call, and numpy's are called for every operation.
 */
export function guarded<R>(
  f: (args: PyValue[], kwargs: Kwargs) => R,
): (args: PyValue[], kwargs: Kwargs) => R {
  return (args, kwargs) => {
    try {
      return f(args, kwargs);
    } catch (e) {
      if (e instanceof TensorError) throw new PyError(e.pythonType, e.message);
      throw e;
    }
  };
}

/** A built-in function whose engine errors surface as Python exceptions. */
export function native(name: string, f: (args: PyValue[], kwargs: Kwargs) => PyValue): PyBuiltin {
  return new PyBuiltin(name, (args, kwargs) => guard(() => f(args, kwargs)));
}

const NUMPY_ALIASES: Record<string, string | undefined> = { keepdims: "keepdim", axis: "dim" };

/**
 * Binds arguments to parameter names in order (`"*"` ends the positional ones), with Python's
 * messages for too many arguments and unknown keywords. Missing ones are undefined.
 */
export function bind(
  fname: string,
  args: PyValue[],
  kwargs: Kwargs,
  names: readonly string[],
): Record<string, PyValue | undefined> {
  const star = names.indexOf("*");
  const positional = star < 0 ? names.length : star;
  if (args.length > positional)
    throw typeError(`${fname}() takes ${positional} positional arguments but ${args.length} were given`);
  const out = Object.create(null) as Record<string, PyValue | undefined>;
  for (let i = 0; i < args.length; i++) out[names[i]] = args[i];
  for (const [given, v] of kwargs ?? []) {
    // PyTorch's argument parser takes NumPy's names too: `sum(1, keepdims=True)`, `axis=`
    const alias = NUMPY_ALIASES[given];
    const k = !names.includes(given) && alias !== undefined && names.includes(alias) ? alias : given;
    if (k === "*" || !names.includes(k))
      throw typeError(`${fname}() got an unexpected keyword argument '${k}'`);
    if (out[k] !== undefined) throw typeError(`${fname}() got multiple values for argument '${k}'`);
    out[k] = v;
  }
  return out;
}

export function isNumberLike(v: PyValue): v is number | PyInt | boolean {
  return typeof v === "number" || typeof v === "boolean" || v instanceof PyInt;
}

/** A Python number (or a one-element tensor) as a JS number. */
export function num(v: PyValue | undefined, what: string): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof PyInt) return v.big !== null ? Number(v.big) : v.v;
  if (v instanceof TensorObject && v.tensor.numel === 1) return v.tensor.item();
  throw typeError(`${what} must be a number, not ${typeName(v ?? null)}`);
}

export function optionalNum(v: PyValue | undefined, what: string): number | null {
  return v === undefined || v === null ? null : num(v, what);
}

/** An int argument (a dim, a size). */
export function intArg(v: PyValue | undefined, what: string): number {
  if (v instanceof PyInt) return v.v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof TensorObject && v.tensor.numel === 1 && isInteger(v.tensor.dtype)) return v.tensor.item();
  throw typeError(`${what} must be int, not ${typeName(v ?? null)}`);
}

export function boolArg(v: PyValue | undefined, fallback: boolean): boolean {
  if (v === undefined || v === null) return fallback;
  if (typeof v === "boolean") return v;
  if (v instanceof PyInt) return v.v !== 0;
  throw typeError(`argument must be bool, not ${typeName(v)}`);
}

/** The dims of a `torch.Size`, a tuple or a list of ints. */
export function sizeItems(rt: Runtime, v: PyValue): number[] | null {
  if (v instanceof PyTuple || v instanceof PyList) return v.items.map((x) => intArg(x, "size"));
  if (v instanceof PyInstance && v.cls.name === "Size" && v.cls.module === "torch")
    return toArray(rt, v).map((x) => intArg(x, "size"));
  return null;
}

/** `f(2, 3)`, `f((2, 3))`, `f([2, 3])` or `f(x.shape)`: the shape a creation function is given. */
export function shapeFrom(rt: Runtime, args: readonly PyValue[]): number[] {
  if (args.length === 1) {
    const items = sizeItems(rt, args[0]);
    if (items !== null) return items;
  }
  return args.map((a) => intArg(a, "size"));
}

/** A `dim=` argument: an int, a tuple/list of ints, or None (all). */
export function dimsArg(rt: Runtime, v: PyValue | undefined): number | number[] | null {
  if (v === undefined || v === null) return null;
  const items = sizeItems(rt, v);
  return items ?? intArg(v, "dim");
}

/** A torch dtype object (`torch.float32`): an instance of the `torch.dtype` class. */
export class DtypeObject extends PyInstance {
  constructor(
    cls: PyClass,
    readonly dtype: DType,
  ) {
    super(cls);
  }
}

/** `dtype=`: a torch dtype, or Python's `float`/`int`/`bool` (as PyTorch accepts). */
export function dtypeArg(v: PyValue | undefined): DType | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof DtypeObject) return v.dtype;
  if (v instanceof PyClass && v.module === "builtins") {
    if (v.name === "float") return "float64";
    if (v.name === "int") return "int64";
    if (v.name === "bool") return "bool";
  }
  throw typeError(`dtype must be torch.dtype, not ${typeName(v)}`);
}

/** A tensor argument, or null when `v` is not one. */
export function tensorOf(v: PyValue | undefined): Tensor | null {
  return v instanceof TensorObject ? v.tensor : null;
}

export function tensorArg(v: PyValue | undefined, fname: string, what = "input"): Tensor {
  if (v instanceof TensorObject) return v.tensor;
  throw typeError(`${fname}(): argument '${what}' must be Tensor, not ${typeName(v ?? null)}`);
}

/** An operand of an arithmetic operation: a tensor, or a Python number wrapped with its kind. */
export function operand(v: PyValue | undefined): Tensor | null {
  if (v instanceof TensorObject) return v.tensor;
  if (typeof v === "number") return scalar(v, "float");
  if (typeof v === "boolean") return scalar(v ? 1 : 0, "bool");
  if (v instanceof PyInt) return scalar(v.big !== null ? Number(v.big) : v.v, "int");
  // a numpy scalar (`np.log(10000.0) / d_model`) acts as the Python number it holds, as in PyTorch
  const element = numpyElement(v ?? null);
  if (element !== null) return scalar(element.value, (["bool", "int", "float"] as const)[element.category]);
  return null;
}

/** A Python number for one element of a tensor of `dtype`. */
export function pyNumber(x: number, dtype: DType): PyValue {
  if (dtype === "bool") return x !== 0;
  if (isInteger(dtype)) return int(x);
  return x;
}

/** `t.tolist()`: nested Python lists (a bare number for a 0-d tensor). */
export function toPython(n: Nested, dtype: DType): PyValue {
  return Array.isArray(n) ? new PyList(n.map((x) => toPython(x, dtype))) : pyNumber(n, dtype);
}

/** Data for `torch.tensor`: nested numbers and the dtype PyTorch infers from them. */
export function nestedData(rt: Runtime, v: PyValue): { data: Nested; dtype: DType } {
  // torch.tensor(t) copies t with its own dtype
  if (v instanceof TensorObject) return { data: v.tensor.toNested(), dtype: v.tensor.dtype };
  const array = numpyData(v);
  if (array !== null) return array;
  let category = -1; // the highest seen: 0 bool, 1 int, 2 float; -1 when there are no numbers
  let numpyDouble = false;
  const see = (c: number) => (category = Math.max(category, c));
  const walk = (x: PyValue): Nested => {
    if (x instanceof PyList || x instanceof PyTuple) return x.items.map(walk);
    if (x instanceof TensorObject) {
      const t = x.tensor;
      if (t.numel !== 1)
        throw new PyError("ValueError", "only one element tensors can be converted to Python scalars");
      see(t.dtype === "bool" ? 0 : isInteger(t.dtype) ? 1 : 2);
      return t.item();
    }
    const element = numpyElement(x);
    if (element !== null) {
      see(element.category);
      // a numpy float64 scalar brings its own type, as in PyTorch
      if (element.float64) numpyDouble = true;
      return element.value;
    }
    if (isNumberLike(x)) {
      see(typeof x === "boolean" ? 0 : x instanceof PyInt ? 1 : 2);
      return num(x, "value");
    }
    if (x instanceof PyInstance && x.cls.lookup("__iter__") !== undefined) return toArray(rt, x).map(walk);
    throw typeError(`new(): invalid data type '${typeName(x)}'`);
  };
  const data = walk(v);
  const dtype: DType =
    category === 0 ? "bool" : category === 1 ? "int64" : numpyDouble ? "float64" : getDefaultDtype();
  return { data, dtype };
}

/** A Python list of tensors (`torch.cat([a, b])`). */
export function tensorList(rt: Runtime, v: PyValue | undefined, fname: string): Tensor[] {
  if (v === undefined) throw typeError(`${fname}() missing required argument 'tensors'`);
  return toArray(rt, v).map((x, i) => {
    if (x instanceof TensorObject) return x.tensor;
    throw typeError(
      `${fname}(): argument 'tensors' (position 1) must be tuple of Tensors, not ${typeName(x)} at ${i}`,
    );
  });
}

/**
 * A native method in a class dict. The interpreter binds `self` only to functions written in
 * Python, so the method is a property that hands out a builtin bound to the instance.
 */
export function nativeMethod(
  name: string,
  f: (self: PyValue, args: PyValue[], kwargs: Kwargs) => PyValue,
): PyProperty {
  return new PyProperty(
    new PyBuiltin(name, ([self]) => native(name, (args, kwargs) => f(self, args, kwargs))),
    null,
  );
}
