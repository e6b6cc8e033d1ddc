import { chargeString } from "../../engine/memory";
import { floatRepr } from "../../format/floatFormat";
import { callMethod } from "../interpreter/attributes";
import { dictSet } from "../interpreter/collections";
import type { Interpreter } from "../interpreter/interpreter";
import {
  bigInt,
  int,
  PyClass,
  PyDict,
  PyInstance,
  PyInt,
  PyList,
  PyModule,
  PyTuple,
  type Kwargs,
  type PyValue,
} from "../interpreter/objects";
import { ordered, truthy } from "../interpreter/operators";
import { PyError, typeError, valueError } from "../interpreter/pyErrors";
import { intRepr, typeName } from "../interpreter/stringify";
import { bindArgs, defineFunction, intArg } from "./native";

/**
 * Python's `json`: `dumps` with CPython's separators, `indent`, `sort_keys`, `ensure_ascii`,
 * `default` and float reprs (`0.1`, `NaN`, `Infinity`); `loads` keeping ints (big ones too)
 * apart from floats and raising `json.JSONDecodeError` with CPython's messages and positions.
 */

interface DumpOptions {
  itemSeparator: string;
  keySeparator: string;
  indent: string | null;
  sortKeys: boolean;
  ensureAscii: boolean;
  allowNan: boolean;
  skipKeys: boolean;
  default: PyValue;
}

/** A JSON string literal as json.dumps writes it. */
function quote(s: string, ensureAscii: boolean): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i];
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\f") out += "\\f";
    else if (c < 0x20 || (ensureAscii && c > 0x7e)) out += "\\u" + c.toString(16).padStart(4, "0");
    else out += ch;
  }
  return out + '"';
}

function floatText(x: number, allowNan: boolean): string {
  if (Number.isFinite(x)) return floatRepr(x);
  if (!allowNan) throw valueError(`Out of range float values are not JSON compliant: ${floatRepr(x)}`);
  return Number.isNaN(x) ? "NaN" : x > 0 ? "Infinity" : "-Infinity";
}

function dump(interp: Interpreter, value: PyValue, o: DumpOptions): string {
  const active = new Set<unknown>();
  const encode = (v: PyValue, depth: number): string => {
    interp.step();
    if (v === null) return "null";
    if (v === true) return "true";
    if (v === false) return "false";
    if (typeof v === "string") return quote(v, o.ensureAscii);
    if (typeof v === "number") return floatText(v, o.allowNan);
    if (v instanceof PyInt) return intRepr(v);
    const container = v instanceof PyList || v instanceof PyTuple || v instanceof PyDict;
    if (container) {
      if (active.has(v)) throw valueError("Circular reference detected");
      active.add(v);
    }
    try {
      if (v instanceof PyList || v instanceof PyTuple) {
        if (v.items.length === 0) return "[]";
        return wrap(
          "[",
          "]",
          v.items.map((x) => encode(x, depth + 1)),
          depth,
        );
      }
      if (v instanceof PyDict) {
        if (v.entries.size === 0) return "{}";
        const entries = [...v.entries.values()];
        if (o.sortKeys)
          entries.sort((x, y) =>
            ordered(interp, "<", x.key, y.key) ? -1 : ordered(interp, "<", y.key, x.key) ? 1 : 0,
          );
        const parts: string[] = [];
        for (const { key, value: item } of entries) {
          const k = keyText(key);
          if (k === null) continue;
          parts.push(quote(k, o.ensureAscii) + o.keySeparator + encode(item, depth + 1));
        }
        return wrap("{", "}", parts, depth);
      }
    } finally {
      if (container) active.delete(v);
    }
    if (o.default !== null) {
      if (active.has(v)) throw valueError("Circular reference detected");
      active.add(v);
      try {
        return encode(interp.call(o.default, [v]), depth);
      } finally {
        active.delete(v);
      }
    }
    throw typeError(`Object of type ${typeName(v)} is not JSON serializable`);
  };
  const keyText = (k: PyValue): string | null => {
    if (typeof k === "string") return k;
    if (typeof k === "number") return floatText(k, o.allowNan);
    if (k === true) return "true";
    if (k === false) return "false";
    if (k === null) return "null";
    if (k instanceof PyInt) return intRepr(k);
    if (o.skipKeys) return null;
    throw typeError(`keys must be str, int, float, bool or None, not ${typeName(k)}`);
  };
  const wrap = (open: string, close: string, parts: string[], depth: number): string => {
    if (o.indent === null) return open + parts.join(o.itemSeparator) + close;
    const inner = "\n" + o.indent.repeat(depth + 1);
    return open + inner + parts.join(o.itemSeparator + inner) + "\n" + o.indent.repeat(depth) + close;
  };
  const text = encode(value, 0);
  chargeString(text.length);
  return text;
}

const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;

/** Where the JSON text went wrong: CPython's JSONDecodeError fields. */
class DecodeFailure {
  constructor(
    readonly message: string,
    readonly pos: number,
  ) {}
}

/** Parses JSON text as CPython's decoder does (its scanner's messages and positions). */
function parse(interp: Interpreter, s: string, strict: boolean): PyValue {
  const skip = (i: number) => {
    while (i < s.length && WHITESPACE.has(s[i])) i++;
    return i;
  };
  const fail = (message: string, pos: number): never => {
    throw new DecodeFailure(message, pos);
  };
  const scanString = (start: number): [string, number] => {
    // `start` is just after the opening quote
    let out = "";
    let i = start;
    for (;;) {
      if (i >= s.length) fail("Unterminated string starting at", start - 1);
      const ch = s[i];
      if (ch === '"') return [out, i + 1];
      if (ch === "\\") {
        const e = s[i + 1];
        if (e === undefined) fail("Unterminated string starting at", start - 1);
        const simple: Record<string, string> = {
          '"': '"',
          "\\": "\\",
          "/": "/",
          b: "\b",
          f: "\f",
          n: "\n",
          r: "\r",
          t: "\t",
        };
        if (e in simple) {
          out += simple[e];
          i += 2;
          continue;
        }
        if (e !== "u") fail(`Invalid \\escape: ${interp.repr("\\" + e)}`, i);
        const hex = (at: number) => {
          const h = s.slice(at, at + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(h)) fail("Invalid \\uXXXX escape", at - 1);
          return parseInt(h, 16);
        };
        let code = hex(i + 2);
        i += 6;
        // a surrogate pair written as two escapes is one character
        if (code >= 0xd800 && code <= 0xdbff && s[i] === "\\" && s[i + 1] === "u") {
          const low = hex(i + 2);
          if (low >= 0xdc00 && low <= 0xdfff) {
            code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
            i += 6;
          }
        }
        out += String.fromCodePoint(code);
        continue;
      }
      if (strict && ch.charCodeAt(0) < 0x20) fail(`Invalid control character ${interp.repr(ch)} at`, i);
      out += ch;
      i++;
    }
  };
  const value = (i: number): [PyValue, number] => {
    const ch = s[i];
    if (ch === '"') return scanString(i + 1);
    if (ch === "{") return object(i + 1);
    if (ch === "[") return array(i + 1);
    if (ch === "n" && s.startsWith("null", i)) return [null, i + 4];
    if (ch === "t" && s.startsWith("true", i)) return [true, i + 4];
    if (ch === "f" && s.startsWith("false", i)) return [false, i + 5];
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(s);
    if (m) {
      const text = m[0];
      if (m[1] === undefined && m[2] === undefined) {
        const n = Number(text);
        return [Number.isSafeInteger(n) ? int(n === 0 ? 0 : n) : bigInt(BigInt(text)), i + text.length];
      }
      return [Number(text), i + text.length];
    }
    if (ch === "N" && s.startsWith("NaN", i)) return [NaN, i + 3];
    if (ch === "I" && s.startsWith("Infinity", i)) return [Infinity, i + 8];
    if (ch === "-" && s.startsWith("-Infinity", i)) return [-Infinity, i + 9];
    return fail("Expecting value", i);
  };
  const object = (start: number): [PyValue, number] => {
    const d = new PyDict();
    let i = skip(start);
    if (s[i] === "}") return [d, i + 1];
    if (s[i] !== '"') fail("Expecting property name enclosed in double quotes", i);
    for (;;) {
      interp.step();
      const [key, afterKey] = scanString(i + 1);
      i = skip(afterKey);
      if (s[i] !== ":") fail("Expecting ':' delimiter", i);
      i = skip(i + 1);
      const [v, afterValue] = value(i);
      dictSet(d, key, v);
      i = skip(afterValue);
      const next = s[i] ?? "";
      i++;
      if (next === "}") return [d, i];
      if (next !== ",") fail("Expecting ',' delimiter", i - 1);
      i = skip(i);
      if (s[i] !== '"') fail("Expecting property name enclosed in double quotes", i);
    }
  };
  const array = (start: number): [PyValue, number] => {
    const items: PyValue[] = [];
    let i = skip(start);
    if (s[i] === "]") return [new PyList(items), i + 1];
    for (;;) {
      interp.step();
      const [v, after] = value(i);
      items.push(v);
      i = skip(after);
      const next = s[i] ?? "";
      i++;
      if (next === "]") return [new PyList(items), i];
      if (next !== ",") fail("Expecting ',' delimiter", i - 1);
      i = skip(i);
    }
  };
  const [result, end] = value(skip(0));
  const rest = skip(end);
  if (rest !== s.length) fail("Extra data", rest);
  return result;
}

export function makeJsonModule(interp: Interpreter): PyModule {
  const m = new PyModule("json");
  const decodeError = new PyClass("JSONDecodeError", interp.builtins.get("ValueError") as PyClass, "json");
  m.attrs.set("JSONDecodeError", decodeError);

  const dumpsWith = (fname: string, args: PyValue[], kwargs: Kwargs, positional: string[]) => {
    const a = bindArgs(
      fname,
      args,
      kwargs,
      [
        ...positional,
        "*",
        "skipkeys",
        "ensure_ascii",
        "check_circular",
        "allow_nan",
        "cls",
        "indent",
        "separators",
        "default",
        "sort_keys",
      ],
      positional.length,
    );
    if (a.cls !== undefined && a.cls !== null)
      throw new PyError("NotImplementedError", "json.dumps(cls=...) is not supported by GradLens");
    const flag = (v: PyValue | undefined, fallback: boolean) =>
      v === undefined ? fallback : truthy(interp, v);
    let indent: string | null = null;
    if (a.indent !== undefined && a.indent !== null)
      indent = typeof a.indent === "string" ? a.indent : " ".repeat(Math.max(0, intArg(a.indent)));
    let itemSeparator = indent === null ? ", " : ",";
    let keySeparator = ": ";
    if (a.separators !== undefined && a.separators !== null) {
      const [item, key] = [...interp.iterate(a.separators)];
      if (typeof item !== "string" || typeof key !== "string")
        throw typeError("separators must be a (str, str) pair");
      itemSeparator = item;
      keySeparator = key;
    }
    return {
      a,
      text: dump(interp, a.obj!, {
        itemSeparator,
        keySeparator,
        indent,
        sortKeys: flag(a.sort_keys, false),
        ensureAscii: flag(a.ensure_ascii, true),
        allowNan: flag(a.allow_nan, true),
        skipKeys: flag(a.skipkeys, false),
        default: a.default ?? null,
      }),
    };
  };
  defineFunction(m, "dumps", (args, kwargs) => dumpsWith("dumps", args, kwargs, ["obj"]).text);
  defineFunction(m, "dump", (args, kwargs) => {
    const { a, text } = dumpsWith("dump", args, kwargs, ["obj", "fp"]);
    callMethod(interp, a.fp!, "write", [text], null);
    return null;
  });

  const loads = (text: PyValue, kwargs: Kwargs): PyValue => {
    if (typeof text !== "string")
      throw typeError(`the JSON object must be str, bytes or bytearray, not ${typeName(text)}`);
    const strict = kwargs?.get("strict");
    try {
      return parse(interp, text, strict === undefined || truthy(interp, strict));
    } catch (e) {
      if (!(e instanceof DecodeFailure)) throw e;
      const line = text.slice(0, e.pos).split("\n").length;
      const column = e.pos - text.lastIndexOf("\n", e.pos - 1);
      const message = `${e.message}: line ${line} column ${column} (char ${e.pos})`;
      const error = new PyError("JSONDecodeError", message);
      const inst = interp.call(decodeError, [message]) as PyInstance;
      inst.attrs.set("msg", e.message);
      inst.attrs.set("doc", text);
      inst.attrs.set("pos", int(e.pos));
      inst.attrs.set("lineno", int(line));
      inst.attrs.set("colno", int(column));
      error.value = inst;
      throw error;
    }
  };
  defineFunction(m, "loads", (args, kwargs) => {
    const a = bindArgs(
      "loads",
      args,
      kwargs,
      [
        "s",
        "*",
        "cls",
        "object_hook",
        "parse_float",
        "parse_int",
        "parse_constant",
        "object_pairs_hook",
        "strict",
      ],
      1,
    );
    for (const hook of [
      "cls",
      "object_hook",
      "parse_float",
      "parse_int",
      "parse_constant",
      "object_pairs_hook",
    ])
      if (a[hook] !== undefined && a[hook] !== null)
        throw new PyError("NotImplementedError", `json.loads(${hook}=...) is not supported by GradLens`);
    return loads(a.s!, kwargs);
  });
  defineFunction(m, "load", (args, kwargs) => {
    const a = bindArgs("load", args, kwargs, ["fp", "*", "strict"], 1);
    return loads(callMethod(interp, a.fp!, "read", [], null), kwargs);
  });
  return m;
}
