import {
  int,
  PyBuiltin,
  PyClass,
  PyList,
  PyProperty,
  PyTuple,
  type Kwargs,
  type PyValue,
} from "../../interpreter/objects";
import { typeError, valueError } from "../../interpreter/pyErrors";
import { stringRepr } from "../../interpreter/stringify";
import { convertToFloat } from "../../conversions";
import { astype } from "./arrayMethods";
import { asArray, DtypeObject, dtypeArg, dtypeOfClass, numberOf } from "./convert";
import { NdArray, NpScalar } from "./ndarray";
import { roundToInt } from "./scalarRound";
import { itemsize, kindOf, roundInto, typestr, type NpDtype } from "./npDtype";
import type { NumpyState } from "./numpyState";
import { defineAttributes, defineConversions } from "./ndarrayClass";
import { defineNative, defineOperators } from "./operators";
import { scalarRepr, scalarStr } from "./printing";

/**
 * numpy's scalar types and `numpy.dtype`. The scalar classes sit in numpy's hierarchy
 * (`generic` → `number` → `floating` → `float64`, …); `float64` also counts as a Python
 * `float` for `isinstance`, as in numpy (where it subclasses float).
 */

/** A class with a second base for `isinstance` only (numpy's float64 is also a Python float). */
class ScalarClass extends PyClass {
  extraBase: PyClass | null = null;
  override isSubclassOf(other: PyClass): boolean {
    return super.isSubclassOf(other) || (this.extraBase !== null && this.extraBase.isSubclassOf(other));
  }
}

/** numpy's name for each dtype's scalar type, and its place in the hierarchy. */
const SCALAR_TYPES: [NpDtype, string, string][] = [
  ["float64", "float64", "floating"],
  ["float32", "float32", "floating"],
  ["int64", "int64", "signedinteger"],
  ["int32", "int32", "signedinteger"],
  ["uint8", "uint8", "unsignedinteger"],
  ["bool", "bool", "generic"],
];

const ABSTRACT: [string, string | null][] = [
  ["generic", null],
  ["number", "generic"],
  ["inexact", "number"],
  ["floating", "inexact"],
  ["integer", "number"],
  ["signedinteger", "integer"],
  ["unsignedinteger", "integer"],
];

/** `np.float64(x)`: a scalar from a number or numeric text; an array argument is cast instead. */
function construct(s: NumpyState, dtype: NpDtype, args: PyValue[]): PyValue {
  if (args.length > 1) throw typeError(`${dtype}() takes at most 1 argument (${args.length} given)`);
  const x = args[0];
  if (x === undefined) return s.scalarOf(0, dtype);
  if (x instanceof NdArray) return astype(s, x, dtype, true);
  let v: number;
  if (typeof x === "string") {
    if (dtype === "bool") v = x.length > 0 ? 1 : 0;
    else if (dtype === "float64" || dtype === "float32") v = convertToFloat(x);
    else {
      if (!/^\s*[+-]?\d+\s*$/.test(x))
        throw valueError(`invalid literal for int() with base 10: ${stringRepr(x)}`);
      v = Number(x);
    }
  } else if (x instanceof PyTuple || x instanceof PyList) {
    return astype(s, asArray(s, x), dtype, true);
  } else {
    v = numberOf(x);
    if ((dtype === "int64" || dtype === "int32" || dtype === "uint8") && (v !== v || !Number.isFinite(v)))
      throw valueError(`cannot convert float ${v !== v ? "NaN" : "infinity"} to integer`);
  }
  const values = new Float64Array([v]);
  roundInto(values, dtype);
  return s.scalarOf(values[0], dtype);
}

export function makeScalarClasses(s: NumpyState): Map<string, PyClass> {
  const made = new Map<string, PyClass>();
  for (const [name, baseName] of ABSTRACT) {
    const cls = new PyClass(name, baseName === null ? null : made.get(baseName)!, "numpy", () => {
      throw typeError(`cannot create 'numpy.${name}' instances`);
    });
    made.set(name, cls);
  }
  for (const [dtype, name, baseName] of SCALAR_TYPES) {
    const cls = new ScalarClass(name === "bool" ? "bool_" : name, made.get(baseName)!, "numpy", (args) =>
      construct(s, dtype, args),
    );
    if (dtype === "float64") cls.extraBase = s.interp.builtins.get("float") as PyClass;
    defineOperators(s, cls, false);
    defineConversions(s, cls);
    defineAttributes(s, cls);
    defineNative(cls, "__repr__", ([self]) => scalarRepr(self as NpScalar));
    defineNative(cls, "__str__", ([self]) => scalarStr(self as NpScalar));
    defineNative(cls, "__format__", ([self, spec]) => {
      const v = self as NpScalar;
      const py: PyValue =
        v.dtype === "bool"
          ? v.value !== 0
          : v.dtype === "int64" || v.dtype === "int32" || v.dtype === "uint8"
            ? int(v.value)
            : v.value;
      return s.interp.format(py, String(spec ?? ""));
    });
    if (dtype === "int64" || dtype === "int32" || dtype === "uint8" || dtype === "bool")
      defineNative(cls, "__index__", ([self]) => int((self as NpScalar).value));
    defineNative(cls, "__round__", ([self, digits]) => {
      const v = self as NpScalar;
      if (digits === undefined || digits === null) return roundToInt(v.value);
      return s.interp.call(s.module.attrs.get("round")!, [self, digits]);
    });
    defineNative(cls, "is_integer", ([self]) => Number.isInteger((self as NpScalar).value));
    s.scalarClasses.set(dtype, cls);
    made.set(name === "bool" ? "bool_" : name, cls);
  }
  return made;
}

/** `numpy.dtype`: `dtype('float64')`, equal to its scalar type, its name and Python's type. */
export function makeDtypeClass(s: NumpyState): PyClass {
  const cls: PyClass = new PyClass("dtype", null, "numpy", (args: PyValue[], kwargs: Kwargs) => {
    const d = dtypeArg(s, args[0] ?? kwargs?.get("dtype") ?? null);
    if (d === undefined) throw typeError("Cannot interpret 'None' as a data type");
    return s.dtypeObjects.get(d)!;
  });
  s.dtypeClass = cls;
  const getters: Record<string, (d: NpDtype) => PyValue> = {
    name: (d) => d,
    kind: (d) => kindOf(d),
    itemsize: (d) => int(itemsize(d)),
    str: (d) => typestr(d),
    char: (d) => ({ float64: "d", float32: "f", int64: "l", int32: "i", uint8: "B", bool: "?" })[d],
    type: (d) => s.scalarClasses.get(d)!,
  };
  for (const [name, get] of Object.entries(getters))
    cls.dict.set(
      name,
      new PyProperty(new PyBuiltin(name, ([self]) => get((self as DtypeObject).dtype)), null),
    );
  defineNative(cls, "__repr__", ([self]) => `dtype('${(self as DtypeObject).dtype}')`);
  defineNative(cls, "__str__", ([self]) => (self as DtypeObject).dtype);
  const same = (self: PyValue, other: PyValue) => {
    const d = (self as DtypeObject).dtype;
    if (other instanceof DtypeObject) return other.dtype === d;
    if (other instanceof PyClass) return dtypeOfClass(s, other) === d;
    if (typeof other === "string") {
      try {
        return dtypeArg(s, other) === d;
      } catch {
        return false;
      }
    }
    return false;
  };
  defineNative(cls, "__eq__", ([self, other]) => same(self, other));
  defineNative(cls, "__ne__", ([self, other]) => !same(self, other));
  defineNative(cls, "__hash__", ([self]) =>
    int(["bool", "int32", "int64", "float32", "float64", "uint8"].indexOf((self as DtypeObject).dtype)),
  );
  for (const d of ["float64", "float32", "int64", "int32", "uint8", "bool"] as NpDtype[])
    s.dtypeObjects.set(d, new DtypeObject(cls, d));
  return cls;
}
