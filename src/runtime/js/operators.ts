import { chargeMemory } from "../../engine/memory";
import type { BinaryOperator, CompareOperator, UnaryOperator } from "../../lang/ir";
import {
  isHost,
  JsClass,
  JsFunction,
  JsNative,
  JsObject,
  JsRuntimeError,
  typeError,
  type JsValue,
} from "./values";

/** What the operators need from the interpreter: calling a program's `toString`/`valueOf`. */
export interface OperatorHost {
  /** The program's own `toString` or `valueOf` result for an object, or undefined when it has none. */
  userConversion(v: JsObject, name: "toString" | "valueOf"): JsValue | undefined;
  /** `instanceof` against a class of the program or a host class. */
  instanceOf(v: JsValue, cls: JsValue): boolean;
  /** `"key" in obj`. */
  hasProperty(obj: JsValue, key: string): boolean;
}

type Primitive = undefined | null | boolean | number | string;

function isPrimitive(v: JsValue): v is Primitive {
  return v === null || (typeof v !== "object" && typeof v !== "function");
}

/** ToPrimitive: `valueOf` first for numbers, `toString` first for strings (and `+`, default). */
export function toPrimitive(h: OperatorHost, v: JsValue, hint: "number" | "string" | "default"): Primitive {
  if (isPrimitive(v)) return v;
  if (Array.isArray(v)) return v.map((x) => (x === undefined || x === null ? "" : toStr(h, x))).join(",");
  if (v instanceof JsObject) {
    const order: ("valueOf" | "toString")[] =
      hint === "string" ? ["toString", "valueOf"] : ["valueOf", "toString"];
    for (const name of order) {
      const r = h.userConversion(v, name);
      if (r !== undefined && isPrimitive(r)) return r;
    }
    return "[object Object]";
  }
  if (v instanceof JsFunction || v instanceof JsNative) return `function ${v.name}() { [native code] }`;
  if (v instanceof JsClass) return `class ${v.name} { }`;
  // a host object (a library Value, Tensor, …) converts itself; its methods are the library's
  return String(v);
}

export function toNumber(h: OperatorHost, v: JsValue): number {
  const p = toPrimitive(h, v, "number");
  return Number(p);
}

export function toStr(h: OperatorHost, v: JsValue): string {
  return String(toPrimitive(h, v, "string"));
}

export function truthy(v: JsValue): boolean {
  return Boolean(v);
}

export function typeOf(v: JsValue): string {
  if (v === null) return "object";
  if (v instanceof JsFunction || v instanceof JsNative || v instanceof JsClass) return "function";
  if (isHost(v)) return typeof v === "function" ? "function" : "object";
  return typeof v;
}

export function unary(h: OperatorHost, op: UnaryOperator, v: JsValue): JsValue {
  switch (op) {
    case "-":
      return -toNumber(h, v);
    case "+":
      return toNumber(h, v);
    case "~":
      return ~toNumber(h, v);
    case "not":
      return !truthy(v);
    case "typeof":
      return typeOf(v);
    case "void":
      return undefined;
  }
}

/** V8's longest string (2**29 − 24 units): past it Node throws `RangeError: Invalid string length`. */
const MAX_STRING_LENGTH = 2 ** 29 - 24;

/** `a + b` on strings, charged against the memory budget; Node's RangeError past V8's longest string. */
export function concatenate(a: string, b: string): string {
  const length = a.length + b.length;
  if (length > MAX_STRING_LENGTH) throw new JsRuntimeError("RangeError", "Invalid string length");
  if (length > 4096) chargeMemory(length);
  return a + b;
}

/** The arithmetic and bitwise operators on doubles, and `+` on strings too. */
export function binary(h: OperatorHost, op: BinaryOperator, a: JsValue, b: JsValue): JsValue {
  if (op === "+") {
    const pa = toPrimitive(h, a, "default");
    const pb = toPrimitive(h, b, "default");
    if (typeof pa === "string" || typeof pb === "string") return concatenate(String(pa), String(pb));
    return Number(pa) + Number(pb);
  }
  const x = toNumber(h, a);
  const y = toNumber(h, b);
  switch (op) {
    case "-":
      return x - y;
    case "*":
      return x * y;
    case "/":
      return x / y;
    case "%":
      return x % y;
    case "**":
      return x ** y;
    case "&":
      return x & y;
    case "|":
      return x | y;
    case "^":
      return x ^ y;
    case "<<":
      return x << y;
    case ">>":
      return x >> y;
    case ">>>":
      return x >>> y;
    default:
      throw typeError(`The operator ${op} is not JavaScript`);
  }
}

export function strictEquals(a: JsValue, b: JsValue): boolean {
  return a === b;
}

/** `==`: JavaScript's loose equality. */
export function looseEquals(h: OperatorHost, a: JsValue, b: JsValue): boolean {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (a === null || a === undefined || b === null || b === undefined) return false;
  if (isPrimitive(a) && isPrimitive(b)) {
    if (typeof a === typeof b) return a === b;
    return Number(a) === Number(b);
  }
  if (!isPrimitive(a) && !isPrimitive(b)) return a === b;
  const pa = isPrimitive(a) ? a : toPrimitive(h, a, "default");
  const pb = isPrimitive(b) ? b : toPrimitive(h, b, "default");
  return looseEquals(h, pa, pb);
}

export function compare(h: OperatorHost, op: CompareOperator, a: JsValue, b: JsValue): boolean {
  switch (op) {
    case "===":
      return a === b;
    case "!==":
      return a !== b;
    case "==":
      return looseEquals(h, a, b);
    case "!=":
      return !looseEquals(h, a, b);
    case "instanceof":
      return h.instanceOf(a, b);
    case "in":
      if (isPrimitive(b))
        throw typeError(`Cannot use 'in' operator to search for '${toStr(h, a)}' in ${toStr(h, b)}`);
      return h.hasProperty(b, toStr(h, a));
    case "<":
    case ">":
    case "<=":
    case ">=": {
      const pa = toPrimitive(h, a, "number");
      const pb = toPrimitive(h, b, "number");
      if (typeof pa === "string" && typeof pb === "string") {
        return op === "<" ? pa < pb : op === ">" ? pa > pb : op === "<=" ? pa <= pb : pa >= pb;
      }
      const x = Number(pa);
      const y = Number(pb);
      return op === "<" ? x < y : op === ">" ? x > y : op === "<=" ? x <= y : x >= y;
    }
    default:
      throw typeError(`The operator ${op} is not JavaScript`);
  }
}
