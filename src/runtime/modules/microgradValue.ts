import { OpCode } from "../../engine/scalar/scalarOps";
import { isNumber, toFloat } from "../interpreter/numbers";
import {
  bigInt,
  int,
  PyBuiltin,
  PyClass,
  PyInstance,
  PyInt,
  PyTuple,
  ValueRef,
  type Kwargs,
  type PyValue,
} from "../interpreter/objects";
import { PyError, typeError, UnsupportedError } from "../interpreter/pyErrors";
import type { Runtime } from "../interpreter/runtime";
import { typeName } from "../interpreter/stringify";
import { setOf } from "../interpreter/collections";

/**
 * micrograd's `Value`, backed by the tape: a ValueRef is its row. `.data` and `.grad`
 * read the tape with Python's int/float distinction; the operators live in operators.ts (they
 * compose micrograd's primitives through MicrogradOps).
 */

const UNARY_METHODS = ["relu", "tanh", "exp", "log", "sigmoid"] as const;
type UnaryMethod = (typeof UNARY_METHODS)[number];

/** Attributes a program set on a Value (`a.label = 'a'` works on micrograd's Value too). */
const extraAttributes = new WeakMap<ValueRef, Map<string, PyValue>>();

/** What a program set on a Value, for the walk that finds the values a program still reaches. */
export function valueAttributes(ref: ValueRef): Iterable<PyValue> {
  return extraAttributes.get(ref)?.values() ?? [];
}

/** micrograd internals that GradLens does not model; reading them is reported, not faked. */
const INTERNALS = new Set(["_backward", "_children"]);

export function makeValueClass(rt: Runtime): PyClass {
  const cls = new PyClass("Value", null, "micrograd.engine", (args, kwargs) => {
    if (args.length < 1 && !kwargs?.has("data")) {
      throw typeError("Value.__init__() missing 1 required positional argument: 'data'");
    }
    const data = args[0] ?? kwargs!.get("data")!;
    const children = args[1] ?? kwargs?.get("_children");
    if (children !== undefined && !(children instanceof PyTuple && children.items.length === 0)) {
      throw new UnsupportedError("Making a Value with `_children` is not supported by GradLens");
    }
    const ref = rt.value(leafRow(rt, data));
    const label = args[3] ?? kwargs?.get("label");
    if (label !== undefined) extraAttributes.set(ref, new Map([["label", label]]));
    return ref;
  });
  rt.valueClass = cls;
  return cls;
}

function leafRow(rt: Runtime, data: PyValue): number {
  if (isNumber(data)) return rt.tape.leaf(toFloat(data), typeof data !== "number");
  // a numpy scalar (the demo's `Value(x)` for x from an array) holds a number
  if (data instanceof PyInstance && data.cls.module === "numpy") {
    const index = data.cls.lookup("__index__");
    if (index !== undefined) return rt.tape.leaf(toFloat(rt.call(index, [data]) as PyInt), true);
    const float = data.cls.lookup("__float__");
    if (float !== undefined) return rt.tape.leaf(rt.call(float, [data]) as number, false);
  }
  throw new UnsupportedError(
    `A Value holding a ${typeName(data)} is not supported by GradLens (only int and float)`,
  );
}

export function tapeValue(x: number, isInt: boolean): PyValue {
  if (!isInt || !Number.isInteger(x)) return x;
  return Number.isSafeInteger(x) ? int(x) : bigInt(BigInt(x));
}

export function getValueAttribute(rt: Runtime, ref: ValueRef, name: string): PyValue {
  const t = rt.tape;
  const row = ref.row;
  switch (name) {
    case "data":
      return tapeValue(t.data[row], t.isDataInt(row));
    case "grad":
      return tapeValue(t.grad[row], t.isGradInt(row));
    case "_op":
      return t.op[row] <= OpCode.Opaque ? "" : opSymbol(rt, row);
    case "_prev":
      // micrograd keeps the operands in a set; the same Value objects the program holds
      return setOf([t.a[row], t.b[row]].filter((r) => r >= 0).map((r) => rt.value(r)));
  }
  const extra = extraAttributes.get(ref)?.get(name);
  if (extra !== undefined) return extra;
  if ((UNARY_METHODS as readonly string[]).includes(name) || name === "backward") {
    return new PyBuiltin(name, (args, kwargs) => callValueMethod(rt, ref, name, args, kwargs), [ref]);
  }
  if (INTERNALS.has(name)) throw new UnsupportedError(`Value.${name} is not supported by GradLens`);
  throw new PyError("AttributeError", `'Value' object has no attribute '${name}'`);
}

/** micrograd's `_op` of each operation, by OpCode (ReLU is spelled as micrograd spells it). */
const MICROGRAD_SYMBOLS: Readonly<Record<number, string>> = {
  [OpCode.Add]: "+",
  [OpCode.Mul]: "*",
  [OpCode.Pow]: "**",
  [OpCode.Relu]: "ReLU",
  [OpCode.Tanh]: "tanh",
  [OpCode.Exp]: "exp",
  [OpCode.Log]: "log",
  [OpCode.Sigmoid]: "sigmoid",
};

function opSymbol(rt: Runtime, row: number): string {
  const t = rt.tape;
  const s = MICROGRAD_SYMBOLS[t.op[row]];
  return s === "**" ? `**${t.k[row]}` : s;
}

export function setValueAttribute(rt: Runtime, ref: ValueRef, name: string, value: PyValue): void {
  if (name === "data" || name === "grad") {
    if (!isNumber(value)) {
      throw new UnsupportedError(
        `Setting Value.${name} to a ${typeName(value)} is not supported by GradLens`,
      );
    }
    const isInt = typeof value !== "number";
    if (name === "data") rt.tape.setData(ref.row, toFloat(value), isInt);
    else rt.tape.setGrad(ref.row, toFloat(value), isInt);
    return;
  }
  if (INTERNALS.has(name)) throw new UnsupportedError(`Setting Value.${name} is not supported by GradLens`);
  let extra = extraAttributes.get(ref);
  if (!extra) extraAttributes.set(ref, (extra = new Map()));
  extra.set(name, value);
}

export function callValueMethod(
  rt: Runtime,
  ref: ValueRef,
  name: string,
  args: PyValue[],
  kwargs: Kwargs,
): PyValue {
  const m = rt.ops;
  const isUnary = (UNARY_METHODS as readonly string[]).includes(name);
  if (isUnary || name === "backward") {
    if (args.length > 0 || (kwargs && kwargs.size > 0)) {
      throw typeError(`Value.${name}() takes 1 positional argument but ${args.length + 1} were given`);
    }
    if (name === "backward") {
      rt.backward(ref.row);
      return null;
    }
    return rt.value(m[name as UnaryMethod](ref.row));
  }
  const attribute = getValueAttribute(rt, ref, name);
  return rt.call(attribute, args, kwargs);
}
