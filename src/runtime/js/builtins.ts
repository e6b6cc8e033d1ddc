import { chargeArray } from "../../engine/memory";
import { arrayFrom, type Caller } from "./arrayMethods";
import { toNumber, toStr } from "./operators";
import { JsClass, JsNative, JsObject, JsRuntimeError, typeError, type JsValue } from "./values";
import type { Scope } from "./scope";

/** The Error classes a program can throw, catch and extend. */
export const ERROR_CLASSES = ["Error", "TypeError", "RangeError", "ReferenceError", "SyntaxError"] as const;

const MATH_FUNCTIONS = [
  "abs",
  "acos",
  "acosh",
  "asin",
  "asinh",
  "atan",
  "atan2",
  "atanh",
  "cbrt",
  "ceil",
  "cos",
  "cosh",
  "exp",
  "expm1",
  "floor",
  "fround",
  "hypot",
  "log",
  "log10",
  "log1p",
  "log2",
  "max",
  "min",
  "pow",
  "round",
  "sign",
  "sin",
  "sinh",
  "sqrt",
  "tan",
  "tanh",
  "trunc",
] as const;
const MATH_CONSTANTS = ["E", "LN10", "LN2", "LOG10E", "LOG2E", "PI", "SQRT1_2", "SQRT2"] as const;
const NUMBER_CONSTANTS = [
  "EPSILON",
  "MAX_SAFE_INTEGER",
  "MIN_SAFE_INTEGER",
  "MAX_VALUE",
  "MIN_VALUE",
  "POSITIVE_INFINITY",
  "NEGATIVE_INFINITY",
  "NaN",
] as const;

function object(entries: [string, JsValue][]): JsObject {
  const o = new JsObject();
  for (const [k, v] of entries) o.props.set(k, v);
  return o;
}

function fn(name: string, f: (args: JsValue[]) => JsValue): JsNative {
  return new JsNative(name, (_self, args) => f(args));
}

/**
 * The global names of a program: `console`, `Math` (the host's own functions, so results match
 * Node's to the bit), `Array`, `Number`, `String`, `Boolean`, `Object`, `JSON.stringify`, the
 * number parsers and the Error classes. Nothing reaches files, the network or the host's globals.
 */
export function defineGlobals(
  scope: Scope,
  h: Caller,
  log: (args: JsValue[]) => void,
  errorClass: (name: string) => JsClass,
  stringify: (v: JsValue) => string | undefined,
): void {
  const define = (name: string, v: JsValue) => scope.initialize(name, v, "const");
  const logFn = fn("log", (args) => {
    log(args);
    return undefined;
  });
  define(
    "console",
    object([
      ["log", logFn],
      ["info", logFn],
      ["debug", logFn],
      ["warn", logFn],
      ["error", logFn],
    ]),
  );
  const math: [string, JsValue][] = MATH_FUNCTIONS.map((name) => {
    const f = Math[name] as (...a: number[]) => number;
    return [name, fn(name, (args) => f(...args.map((a) => toNumber(h, a))))];
  });
  for (const name of MATH_CONSTANTS) math.push([name, Math[name]]);
  math.push(["random", fn("random", () => Math.random())]);
  define("Math", object(math));

  const array = new JsNative(
    "Array",
    (_self, args) => makeArray(h, args),
    (args) => makeArray(h, args),
  );
  array.props.set(
    "isArray",
    fn("isArray", ([x]) => Array.isArray(x)),
  );
  array.props.set(
    "from",
    fn("from", ([source, mapFn]) => arrayFrom(h, source, mapFn)),
  );
  array.props.set(
    "of",
    fn("of", (args) => [...args]),
  );
  define("Array", array);

  const number = new JsNative("Number", (_self, [x]) => (x === undefined ? 0 : toNumber(h, x)));
  for (const name of NUMBER_CONSTANTS) number.props.set(name, Number[name]);
  number.props.set(
    "isInteger",
    fn("isInteger", ([x]) => Number.isInteger(x)),
  );
  number.props.set(
    "isFinite",
    fn("isFinite", ([x]) => Number.isFinite(x)),
  );
  number.props.set(
    "isNaN",
    fn("isNaN", ([x]) => Number.isNaN(x)),
  );
  number.props.set(
    "isSafeInteger",
    fn("isSafeInteger", ([x]) => Number.isSafeInteger(x)),
  );
  number.props.set(
    "parseFloat",
    fn("parseFloat", ([x]) => parseFloat(toStr(h, x))),
  );
  number.props.set(
    "parseInt",
    fn("parseInt", ([x, r]) => parseInt(toStr(h, x), r === undefined ? undefined : toNumber(h, r))),
  );
  define("Number", number);
  define("String", new JsNative("String", (_self, args) => (args.length === 0 ? "" : toStr(h, args[0]))));
  define("Boolean", new JsNative("Boolean", (_self, [x]) => Boolean(x)));
  define("parseFloat", number.props.get("parseFloat")!);
  define("parseInt", number.props.get("parseInt")!);
  define(
    "isNaN",
    fn("isNaN", ([x]) => Number.isNaN(toNumber(h, x))),
  );
  define(
    "isFinite",
    fn("isFinite", ([x]) => Number.isFinite(toNumber(h, x))),
  );
  define("Infinity", Infinity);
  define("NaN", NaN);

  const ownEntries = (x: JsValue): [string, JsValue][] => {
    if (x instanceof JsObject) return [...x.props];
    if (Array.isArray(x)) return x.map((v, i) => [String(i), v]);
    if (x === null || x === undefined) throw typeError("Cannot convert undefined or null to object");
    return [];
  };
  define(
    "Object",
    object([
      ["keys", fn("keys", ([x]) => ownEntries(x).map(([k]) => k))],
      ["values", fn("values", ([x]) => ownEntries(x).map(([, v]) => v))],
      ["entries", fn("entries", ([x]) => ownEntries(x).map(([k, v]) => [k, v]))],
      ["freeze", fn("freeze", ([x]) => x)],
      [
        "assign",
        fn("assign", ([target, ...sources]) => {
          if (!(target instanceof JsObject)) throw typeError("Object.assign() takes an object");
          for (const s of sources) for (const [k, v] of ownEntries(s)) target.props.set(k, v);
          return target;
        }),
      ],
    ]),
  );
  define("JSON", object([["stringify", fn("stringify", ([x]) => stringify(x))]]));
  for (const name of ERROR_CLASSES) define(name, errorClass(name));
}

/** `Array(n)` / `new Array(n)` is n empty slots; `Array(a, b)` holds its arguments. */
function makeArray(h: Caller, args: JsValue[]): JsValue[] {
  if (args.length === 1 && typeof args[0] === "number") {
    const n = args[0];
    if (!Number.isInteger(n) || n < 0 || n > 2 ** 32 - 1)
      throw new JsRuntimeError("RangeError", "Invalid array length");
    h.step();
    // empty slots cost nothing until filled; past the item cap a fill would end the process
    chargeArray(n);
    return new Array<JsValue>(n);
  }
  return [...args];
}
