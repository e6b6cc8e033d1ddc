import { chargeArray } from "../../../engine/memory";
import { Tensor } from "../../../engine/tensor/index";
import { toArray } from "../../interpreter/collections";
import { PyInstance, PyInt, PyList, PyTuple, type PyValue } from "../../interpreter/objects";
import { typeError, valueError } from "../../interpreter/pyErrors";
import type { Runtime } from "../../interpreter/runtime";
import { typeName } from "../../interpreter/stringify";

/**
 * The numbers a plotting call is given, as matplotlib takes them through `np.asarray`: Python
 * numbers, lists and tuples (nested for 2-D), torch tensors, and anything else that iterates
 * — numpy arrays among them — read through the interpreter's own iteration. An object that is
 * not a number (a micrograd `Value`) is refused as `float()` would refuse it.
 */

/** A flat array of numbers and the shape it came in. */
export interface NumberArray {
  values: number[];
  shape: number[];
  /** The data was float32 (a torch tensor's default): numpy would compute in float32 too. */
  float32: boolean;
  /** Every element was a Python int or bool (or an integer tensor). */
  integer: boolean;
}

/** The engine tensor behind an object, if it holds one (torch tensors; numpy arrays on the same engine). */
export function tensorBehind(v: PyValue): Tensor | null {
  if (!(v instanceof PyInstance)) return null;
  const t = (v as PyInstance & { tensor?: unknown }).tensor;
  return t instanceof Tensor ? t : null;
}

/** One number: a Python number, a one-element tensor, or an object with `__float__`. */
export function scalarValue(rt: Runtime, v: PyValue, what = "value"): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof PyInt) return v.big !== null ? Number(v.big) : v.v;
  const t = tensorBehind(v);
  if (t !== null) {
    if (t.numel !== 1) throw typeError("only length-1 arrays can be converted to Python scalars");
    return t.item();
  }
  if (v instanceof PyInstance) {
    const f = v.cls.lookup("__float__");
    if (f !== undefined) {
      const x = rt.call(f, [v]);
      if (typeof x === "number") return x;
    }
  }
  if (typeof v === "string") throw valueError(`could not convert string to float: '${v}'`);
  throw typeError(`float() argument must be a string or a real number, not '${typeName(v)}' (${what})`);
}

function isScalar(v: PyValue): boolean {
  if (typeof v === "number" || typeof v === "boolean" || v instanceof PyInt) return true;
  const t = tensorBehind(v);
  return t !== null && t.ndim === 0;
}

function isSequence(v: PyValue): boolean {
  if (v instanceof PyList || v instanceof PyTuple) return true;
  const t = tensorBehind(v);
  if (t !== null) return t.ndim > 0;
  return v instanceof PyInstance && v.cls.lookup("__iter__") !== undefined;
}

/** Any nesting of numbers as a flat row-major array and its shape (ragged nesting is refused). */
export function numberArray(rt: Runtime, v: PyValue, what: string): NumberArray {
  const t = tensorBehind(v);
  if (t !== null) {
    chargeArray(t.numel);
    return {
      values: Array.from(t.values()),
      shape: [...t.shape],
      float32: t.dtype === "float32",
      integer: t.dtype === "int64" || t.dtype === "bool",
    };
  }
  if (isScalar(v) || !isSequence(v)) {
    if (typeof v === "string" || !(isScalar(v) || v instanceof PyInstance))
      throw typeError(`${what} must be numbers, not ${typeName(v)}`);
    return { values: [scalarValue(rt, v, what)], shape: [], float32: false, integer: v instanceof PyInt };
  }
  const items = toArray(rt, v);
  chargeArray(items.length);
  if (items.length === 0) return { values: [], shape: [0], float32: false, integer: false };
  if (items.every(isScalar) || !items.some(isSequence)) {
    let integer = true;
    let float32 = false;
    const values = items.map((x) => {
      if (!(x instanceof PyInt || typeof x === "boolean")) integer = false;
      const xt = tensorBehind(x);
      if (xt !== null && xt.dtype === "float32") float32 = true;
      return scalarValue(rt, x, what);
    });
    return { values, shape: [items.length], float32, integer };
  }
  const rows = items.map((x) => numberArray(rt, x, what));
  const inner = rows[0].shape;
  if (rows.some((r) => r.shape.length !== inner.length || r.shape.some((d, i) => d !== inner[i])))
    throw valueError(
      `setting an array element with a sequence. The requested array has an inhomogeneous shape`,
    );
  const values: number[] = [];
  for (const r of rows) for (const x of r.values) values.push(x);
  return {
    values,
    shape: [items.length, ...inner],
    float32: rows.every((r) => r.float32),
    integer: rows.every((r) => r.integer),
  };
}

/** A 1-D array (a scalar is one value; a column or row vector is flattened as matplotlib does). */
export function vector(rt: Runtime, v: PyValue, what: string): NumberArray {
  const a = numberArray(rt, v, what);
  if (a.shape.length > 1 && a.shape.filter((d) => d !== 1).length > 1)
    throw valueError(`${what} must be 1-dimensional, not of shape (${a.shape.join(", ")})`);
  return { ...a, shape: [a.values.length] };
}

/** A 2-D array: rows × cols. */
export function matrix(rt: Runtime, v: PyValue, what: string): NumberArray & { rows: number; cols: number } {
  const a = numberArray(rt, v, what);
  if (a.shape.length !== 2)
    throw typeError(`Invalid shape (${a.shape.join(", ")}${a.shape.length === 1 ? "," : ""}) for ${what}`);
  return { ...a, rows: a.shape[0], cols: a.shape[1] };
}

/** numpy's repr of a shape: `(3,)`, `(2, 3)`. */
export function shapeText(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}
