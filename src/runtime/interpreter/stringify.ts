import { floatRepr } from "../../format/floatFormat";
import { PyGenerator } from "./generators";
import {
  PyBoundMethod,
  PyBuiltin,
  PyClass,
  PyDict,
  PyDictView,
  PyFunction,
  PyInstance,
  PyInt,
  PyIterator,
  PyList,
  PyModule,
  PyNotImplementedType,
  PyEllipsisType,
  PyRange,
  PySet,
  PySlice,
  PySuper,
  PyStaticMethod,
  PyClassMethod,
  PyProperty,
  PyTuple,
  ValueRef,
  type PyValue,
} from "./objects";
import { PyError, typeError } from "./pyErrors";
import type { Runtime } from "./runtime";
import { setIterationOrder } from "./setOrder";

/** The name Python's `type(x).__name__` gives. */
export function typeName(v: PyValue): string {
  if (v === null) return "NoneType";
  switch (typeof v) {
    case "number":
      return "float";
    case "boolean":
      return "bool";
    case "string":
      return "str";
  }
  if (v instanceof PyInt) return "int";
  if (v instanceof ValueRef) return "Value";
  if (v instanceof PyList) return "list";
  if (v instanceof PyTuple) return v.cls?.name ?? "tuple";
  if (v instanceof PyDict) return v.cls?.name ?? "dict";
  if (v instanceof PySet) return v.frozen ? "frozenset" : "set";
  if (v instanceof PyDictView) return `dict_${v.kind}`;
  if (v instanceof PyInstance) return v.cls.messageName ?? v.cls.name;
  if (v instanceof PyFunction) return "function";
  if (v instanceof PyBuiltin) return "builtin_function_or_method";
  if (v instanceof PyBoundMethod) return "method";
  if (v instanceof PyClass) return "type";
  if (v instanceof PyModule) return "module";
  if (v instanceof PyRange) return "range";
  if (v instanceof PySlice) return "slice";
  if (v instanceof PyIterator) return v.typeName;
  if (v instanceof PySuper) return "super";
  if (v instanceof PyStaticMethod) return "staticmethod";
  if (v instanceof PyClassMethod) return "classmethod";
  if (v instanceof PyProperty) return "property";
  if (v instanceof PyNotImplementedType) return "NotImplementedType";
  if (v instanceof PyEllipsisType) return "ellipsis";
  return "object";
}

export function intRepr(v: PyInt): string {
  return v.big !== null ? bigIntText(v.big) : String(v.v);
}

/** A big int's decimal text, refused past CPython's 4,300 digits as CPython refuses it. */
export function bigIntText(n: bigint): string {
  // compared, not converted: a huge int's text would take long and fill the heap
  if (n >= FIRST_TOO_LONG || n <= -FIRST_TOO_LONG) throw intTextLimit();
  return n.toString();
}

/** The smallest int with 4,301 decimal digits. */
const FIRST_TOO_LONG = 10n ** 4300n;

function intTextLimit(): PyError {
  return new PyError(
    "ValueError",
    "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
  );
}

/** Python's `repr(s)` of a str: single quotes unless the text has ' and no ". */
export function stringRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === quote || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += "\\x" + code.toString(16).padStart(2, "0");
    else if (code > 0x7f && NOT_PRINTABLE.test(ch)) out += escapeCode(code);
    else out += ch;
  }
  return out + quote;
}

/** What `str.isprintable()` rejects beyond ASCII (a BOM, a no-break space), which repr escapes. */
const NOT_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

function escapeCode(code: number): string {
  if (code <= 0xff) return "\\x" + code.toString(16).padStart(2, "0");
  if (code <= 0xffff) return "\\u" + code.toString(16).padStart(4, "0");
  return "\\U" + code.toString(16).padStart(8, "0");
}

/** Python's `ascii(x)`: the repr with every non-ASCII character escaped. */
export function ascii(rt: Runtime, v: PyValue): string {
  let out = "";
  for (const ch of repr(rt, v)) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out += ch;
    else if (code <= 0xff) out += "\\x" + code.toString(16).padStart(2, "0");
    else if (code <= 0xffff) out += "\\u" + code.toString(16).padStart(4, "0");
    else out += "\\U" + code.toString(16).padStart(8, "0");
  }
  return out;
}

/** Python's `str(x)`. */
export function str(rt: Runtime, v: PyValue): string {
  if (typeof v === "string") return v;
  if (v instanceof PyInstance) {
    const method = v.cls.lookup("__str__");
    if (method !== undefined) return expectString(rt.call(method, [v]), "__str__");
    if (v.cls.lookup("__exception__") !== undefined && v.cls.lookup("__repr__") === undefined) {
      const args = exceptionArgs(v);
      // a KeyError shows its key as repr: KeyError('k') prints as 'k'
      let keyError = false;
      for (let c: PyClass | null = v.cls; c; c = c.base)
        keyError ||= c.name === "KeyError" && c.module === "builtins";
      if (args.length === 1) return keyError ? repr(rt, args[0]) : str(rt, args[0]);
      return args.length === 0 ? "" : repr(rt, new PyTuple(args));
    }
  }
  return repr(rt, v);
}

/** Python's `repr(x)`; `seen` stops a list that contains itself from recursing forever. */
export function repr(rt: Runtime, v: PyValue, seen: Set<unknown> = new Set()): string {
  if (v === null) return "None";
  switch (typeof v) {
    case "number":
      return floatRepr(v);
    case "boolean":
      return v ? "True" : "False";
    case "string":
      return stringRepr(v);
  }
  if (v instanceof PyInt) return intRepr(v);
  if (v instanceof ValueRef) {
    const t = rt.tape;
    return `Value(data=${tapeNumber(t.data[v.row], t.isDataInt(v.row))}, grad=${tapeNumber(t.grad[v.row], t.isGradInt(v.row))})`;
  }
  if ((v instanceof PyTuple || v instanceof PyDict) && v.cls !== null) {
    // a namedtuple or a collections dict: its class's __repr__
    const method = v.cls.lookup("__repr__");
    if (method !== undefined) return expectString(rt.call(method, [v]), "__repr__");
  }
  if (v instanceof PyList || v instanceof PyTuple || v instanceof PyDict) {
    if (seen.has(v)) return v instanceof PyList ? "[...]" : v instanceof PyDict ? "{...}" : "(...)";
    seen.add(v);
    try {
      if (v instanceof PyList) return `[${v.items.map((x) => repr(rt, x, seen)).join(", ")}]`;
      if (v instanceof PyTuple) {
        const inner = v.items.map((x) => repr(rt, x, seen)).join(", ");
        return v.items.length === 1 ? `(${inner},)` : `(${inner})`;
      }
      const parts: string[] = [];
      for (const { key, value } of v.entries.values())
        parts.push(`${repr(rt, key, seen)}: ${repr(rt, value, seen)}`);
      return `{${parts.join(", ")}}`;
    } finally {
      seen.delete(v);
    }
  }
  if (v instanceof PySet) {
    if (v.entries.size === 0) return `${typeName(v)}()`;
    if (seen.has(v)) return `${typeName(v)}(...)`;
    seen.add(v);
    try {
      const body = `{${setIterationOrder(v)
        .map((x) => repr(rt, x, seen))
        .join(", ")}}`;
      return v.frozen ? `frozenset(${body})` : body;
    } finally {
      seen.delete(v);
    }
  }
  if (v instanceof PyDictView) return `dict_${v.kind}(${repr(rt, new PyList(v.items()), seen)})`;
  if (v instanceof PyInstance) {
    const method = v.cls.lookup("__repr__");
    if (method !== undefined) return expectString(rt.call(method, [v]), "__repr__");
    if (v.cls.lookup("__exception__") !== undefined) {
      const args = exceptionArgs(v);
      return `${v.cls.name}(${args.map((a) => repr(rt, a, seen)).join(", ")})`;
    }
    return `<${v.cls.module}.${v.cls.name} object at ${fakeAddress(v)}>`;
  }
  if (v instanceof PyClass) return `<class '${v.module === "builtins" ? "" : v.module + "."}${v.name}'>`;
  if (v instanceof PyFunction) return `<function ${v.name} at ${fakeAddress(v)}>`;
  if (v instanceof PyGenerator) return `<generator object ${v.fn.name} at ${fakeAddress(v)}>`;
  if (v instanceof PyBuiltin) return `<built-in function ${v.name}>`;
  if (v instanceof PyBoundMethod) return `<bound method ${repr(rt, v.self)}>`;
  if (v instanceof PyModule) return `<module '${v.name}'>`;
  if (v instanceof PyRange) {
    return v.step === 1 ? `range(${v.start}, ${v.stop})` : `range(${v.start}, ${v.stop}, ${v.step})`;
  }
  if (v instanceof PySlice) return `slice(${repr(rt, v.start)}, ${repr(rt, v.stop)}, ${repr(rt, v.step)})`;
  if (v instanceof PyNotImplementedType) return "NotImplemented";
  if (v instanceof PyEllipsisType) return "Ellipsis";
  return `<${typeName(v)} object at ${fakeAddress(v)}>`;
}

/** A number on the tape as Python prints it: `3` when Python holds an int, else a float repr. */
export function tapeNumber(x: number, isInt: boolean): string {
  // an int past 2**53 or 1e21 prints all its digits, as Python's int does, not JS's "1e+21"
  return isInt && Number.isInteger(x) ? BigInt(x).toString() : floatRepr(x);
}

function exceptionArgs(v: PyInstance): PyValue[] {
  const args = v.attrs.get("args");
  return args instanceof PyTuple ? args.items : [];
}

function expectString(v: PyValue, method: string): string {
  if (typeof v !== "string") throw typeError(`${method} returned non-string (type ${typeName(v)})`);
  return v;
}

const addresses = new WeakMap<object, string>();
let nextAddress = 0x7f0000001000;

/** A stable, made-up `0x…` address per object (the interpreter has no real ones to show). */
function fakeAddress(v: object): string {
  let a = addresses.get(v);
  if (!a) {
    a = "0x" + nextAddress.toString(16);
    nextAddress += 0x30;
    addresses.set(v, a);
  }
  return a;
}
