import {
  NotImplemented,
  PyBuiltin,
  PyInt,
  PyList,
  PyTuple,
  type PyClass,
  type PyValue,
} from "../../interpreter/objects";
import { typeError } from "../../interpreter/pyErrors";
import { guarded } from "../torchArgs";
import { binary, type BinaryName } from "./binaryUfuncs";
import { fastScalarPower } from "./fastScalarPower";
import { matmul } from "./linalg";
import { NdArray, NpScalar } from "./ndarray";
import type { NumpyState } from "./numpyState";
import { unary } from "./unaryUfuncs";
import { inPlace } from "./writes";

/**
 * The Python operators of arrays and numpy scalars as class dunders, so the interpreter's usual
 * dispatch applies: `2 * a` reaches `a.__rmul__`, `a += b` writes into a, `a < 0` is an array.
 */

const ARITHMETIC: [string, BinaryName, string][] = [
  ["add", "add", "+="],
  ["sub", "subtract", "-="],
  ["mul", "multiply", "*="],
  ["truediv", "divide", "/="],
  ["floordiv", "floor_divide", "//="],
  ["mod", "remainder", "%="],
  ["pow", "power", "**="],
  ["and", "bitwise_and", "&="],
  ["or", "bitwise_or", "|="],
  ["xor", "bitwise_xor", "^="],
  ["lshift", "left_shift", "<<="],
  ["rshift", "right_shift", ">>="],
];

const COMPARISONS: [string, BinaryName][] = [
  ["eq", "equal"],
  ["ne", "not_equal"],
  ["lt", "less"],
  ["le", "less_equal"],
  ["gt", "greater"],
  ["ge", "greater_equal"],
];

export function defineNative(cls: PyClass, name: string, f: (args: PyValue[]) => PyValue): void {
  cls.dict.set(name, new PyBuiltin(name, guarded(f)));
}

/** Arithmetic, comparisons and unary operators shared by `ndarray` and the scalar types. */
export function defineOperators(s: NumpyState, cls: PyClass, inPlaceToo: boolean): void {
  for (const [dunder, name, symbol] of ARITHMETIC) {
    defineNative(cls, `__${dunder}__`, ([self, other]) =>
      name === "power"
        ? (fastScalarPower(s, self, other) ?? binary(s, name, self, other))
        : binary(s, name, self, other),
    );
    defineNative(cls, `__r${dunder}__`, ([self, other]) => binary(s, name, other, self));
    if (inPlaceToo)
      defineNative(cls, `__i${dunder}__`, ([self, other]) =>
        inPlace(s, name, self as NdArray, other, symbol),
      );
  }
  for (const [dunder, name] of COMPARISONS)
    defineNative(cls, `__${dunder}__`, ([self, other]) => binary(s, name, self, other));
  defineNative(cls, "__matmul__", ([self, other]) =>
    isArrayLike(other) ? matmul(s, self, other) : NotImplemented,
  );
  defineNative(cls, "__rmatmul__", ([self, other]) =>
    isArrayLike(other) ? matmul(s, other, self) : NotImplemented,
  );
  if (inPlaceToo)
    defineNative(cls, "__imatmul__", () => {
      throw typeError(
        "In-place matrix multiplication is not (yet) supported. Use 'a = a @ b' instead of 'a @= b'.",
      );
    });
  defineNative(cls, "__neg__", ([self]) => unary(s, "negative", self));
  defineNative(cls, "__pos__", ([self]) => unary(s, "positive", self));
  defineNative(cls, "__abs__", ([self]) => unary(s, "absolute", self));
  defineNative(cls, "__invert__", ([self]) => unary(s, "invert", self));
}

/** What `@` takes from numpy's side: arrays, numpy scalars, numbers and (nested) lists. */
function isArrayLike(v: PyValue): boolean {
  return (
    v instanceof NdArray ||
    v instanceof NpScalar ||
    v instanceof PyList ||
    v instanceof PyTuple ||
    v instanceof PyInt ||
    typeof v === "number" ||
    typeof v === "boolean"
  );
}
