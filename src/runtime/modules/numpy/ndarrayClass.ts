import * as T from "../../../engine/tensor/index";
import {
  DONE,
  int,
  PyBuiltin,
  PyClass,
  PyIterator,
  PyProperty,
  PyTuple,
  type Kwargs,
  type PyValue,
} from "../../interpreter/objects";
import { PyError, typeError, UnsupportedError, valueError } from "../../interpreter/pyErrors";
import { guard, guarded } from "../torchArgs";
import { callMethod, METHODS } from "./arrayMethods";
import { arrayFlags } from "./arrayFlags";
import { binary } from "./binaryUfuncs";
import { DtypeObject } from "./convert";
import { NdArray, NpScalar } from "./ndarray";
import { isFloat, isInteger, itemsize } from "./npDtype";
import { getItem } from "./npIndexing";
import type { NumpyState } from "./numpyState";
import { defineNative, defineOperators } from "./operators";
import { reprOf, strOf } from "./printing";
import { transpose } from "./shapes";
import { setItem } from "./writes";
import { pythonFunction } from "./numpyPython";

/**
 * The Python class `numpy.ndarray`: operators and protocols as dunders, attributes (`shape`,
 * `dtype`, `T`, …) as properties, methods as properties handing out the method bound to the
 * array (the interpreter binds `self` only for functions written in Python).
 */

/** ndarray methods numpy has that GradLens does not: reported as such, not as a missing attribute. */
const UNSUPPORTED_METHODS = new Set(
  "choose compress conj conjugate diagonal dump dumps getfield itemset newbyteorder partition put resize setfield setflags tobytes tofile view byteswap".split(
    " ",
  ),
);

/** ndarray methods that are the Python-written numpy functions (numpyPython.ts) with the array first. */
const PYTHON_METHODS = new Set(["take", "cumprod", "ptp", "searchsorted", "trace"]);

/** The one-element value of an array or scalar, for `float()`, `int()` and `bool()`. */
function single(s: NumpyState, a: NdArray | NpScalar): number {
  const t = s.current(a);
  if (t.numel !== 1) throw typeError("only size-1 arrays can be converted to Python scalars");
  return t.values()[0];
}

export function dtypeObject(s: NumpyState, a: NdArray | NpScalar): DtypeObject {
  return s.dtypeObjects.get(a.dtype) as DtypeObject;
}

/** The protocols arrays and numpy scalars share (conversion, truth, printing of a single value). */
export function defineConversions(s: NumpyState, cls: PyClass): void {
  defineNative(cls, "__float__", ([self]) => single(s, self as NdArray));
  defineNative(cls, "__int__", ([self]) => {
    const x = single(s, self as NdArray);
    if (x !== x) throw valueError("cannot convert float NaN to integer");
    if (!Number.isFinite(x)) throw new PyError("OverflowError", "cannot convert float infinity to integer");
    return int(Math.trunc(x));
  });
  defineNative(cls, "__bool__", ([self]) => {
    const t = s.current(self as NdArray);
    if (t.numel === 1) return t.values()[0] !== 0;
    if (t.numel === 0)
      throw valueError(
        "The truth value of an empty array is ambiguous. Use `array.size > 0` to check that an array is not empty.",
      );
    throw valueError(
      "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()",
    );
  });
}

/** A native method bound to the array it is read from (`a.sum` → a callable that sums a). */
function boundMethod(s: NumpyState, name: string): PyProperty {
  return new PyProperty(
    new PyBuiltin(name, ([self]) => {
      const a = self as NdArray | NpScalar;
      return new PyBuiltin(name, (args: PyValue[], kwargs: Kwargs) =>
        guard(() => callMethod(s, name, a, args, kwargs)),
      );
    }),
    null,
  );
}

function property(cls: PyClass, name: string, get: (self: NdArray) => PyValue): void {
  cls.dict.set(
    name,
    new PyProperty(
      new PyBuiltin(
        name,
        guarded(([self]) => get(self as NdArray)),
      ),
      null,
    ),
  );
}

/** Attributes arrays and scalars share. */
export function defineAttributes(s: NumpyState, cls: PyClass): void {
  for (const name of Object.keys(METHODS)) cls.dict.set(name, boundMethod(s, name));
  property(cls, "dtype", (a) => dtypeObject(s, a));
  property(cls, "shape", (a) => new PyTuple(s.current(a).shape.map((d) => int(d))));
  property(cls, "ndim", (a) => int(s.current(a).ndim));
  property(cls, "size", (a) => int(s.current(a).numel));
  property(cls, "itemsize", (a) => int(itemsize(a.dtype)));
  property(cls, "nbytes", (a) => int(itemsize(a.dtype) * s.current(a).numel));
}

export function makeNdarrayClass(s: NumpyState): PyClass {
  const cls = new PyClass("ndarray", null, "numpy", () => {
    throw new UnsupportedError(
      "Calling np.ndarray(...) directly is not supported by GradLens; use np.zeros or np.array",
    );
  });
  s.ndarrayClass = cls;
  defineOperators(s, cls, true);
  defineConversions(s, cls);
  defineAttributes(s, cls);
  property(cls, "T", (a) => transpose(s, a, null));
  property(cls, "flags", (a) => arrayFlags(s, a));
  property(cls, "strides", (a) => new PyTuple(s.current(a).strides.map((st) => int(st * itemsize(a.dtype)))));
  defineNative(cls, "__getitem__", ([self, index]) => getItem(s, self as NdArray, index));
  defineNative(cls, "__setitem__", ([self, index, value]) => {
    setItem(s, self as NdArray, index, value);
    return null;
  });
  defineNative(cls, "__len__", ([self]) => {
    const a = self as NdArray;
    if (a.ndim === 0) throw typeError("len() of unsized object");
    return int(a.shape[0]);
  });
  defineNative(cls, "__iter__", ([self]) => {
    const a = self as NdArray;
    if (a.ndim === 0) throw typeError("iteration over a 0-d array");
    let i = 0;
    const n = a.shape[0];
    // it holds the array (a long loop's values are reclaimed only where its iterators say what they hold)
    return new PyIterator(() => (i < n ? guard(() => getItem(s, a, int(i++))) : DONE), "iterator", [a]);
  });
  defineNative(cls, "__contains__", ([self, x]) => {
    const eq = binary(s, "equal", self, x);
    if (!(eq instanceof NdArray || eq instanceof NpScalar)) return false;
    return s
      .current(eq)
      .values()
      .some((v) => v !== 0);
  });
  defineNative(cls, "__index__", ([self]) => {
    const a = self as NdArray;
    if (a.ndim !== 0 || !(isInteger(a.dtype) || a.dtype === "bool"))
      throw typeError("only integer scalar arrays can be converted to a scalar index");
    return int(s.current(a).values()[0]);
  });
  defineNative(cls, "__repr__", ([self]) => reprOf(s, self as NdArray));
  defineNative(cls, "__str__", ([self]) => strOf(s, self as NdArray));
  defineNative(cls, "__format__", ([self, spec]) => {
    const a = self as NdArray;
    if (a.ndim === 0) {
      const v = s.current(a).values()[0];
      return s.interp.format(
        isFloat(a.dtype) ? v : a.dtype === "bool" ? v !== 0 : int(v),
        String(spec ?? ""),
      );
    }
    if (spec === "" || spec === undefined) return strOf(s, a);
    throw typeError("unsupported format string passed to numpy.ndarray.__format__");
  });
  defineNative(cls, "__getattr__", ([self, name]) => {
    const n = String(name);
    if (PYTHON_METHODS.has(n)) {
      const f = pythonFunction(s, n);
      return new PyBuiltin(n, (args, kwargs) => s.interp.call(f, [self, ...args], kwargs));
    }
    if (UNSUPPORTED_METHODS.has(n))
      throw new UnsupportedError(`\`ndarray.${n}\` is not supported by GradLens`);
    throw new PyError("AttributeError", `'numpy.ndarray' object has no attribute '${n}'`);
  });
  defineNative(cls, "__copy__", ([self]) =>
    s.array(T.clone(s.read(self as NdArray)), (self as NdArray).dtype),
  );
  return cls;
}
