import { chargeString } from "../../engine/memory";
import { strFormat } from "../format/stringFormat";
import { dictGet, hashKey, toArray } from "./collections";
import { int, PyDict, PyInt, PyList, PyTuple, type Kwargs, type PyValue } from "./objects";
import { typeError, UnsupportedError, valueError } from "./pyErrors";
import type { Runtime } from "./runtime";
import { splitLines } from "./splitLines";
import { typeName } from "./stringify";

/**
 * The methods of `str`, with CPython's results and messages. Python indexes a str by code
 * point; a JS string by UTF-16 unit, so text with characters beyond the BMP is worked on as an
 * array of code points where positions matter.
 */

type StrMethod = (rt: Runtime, self: string, args: PyValue[], kwargs: Kwargs) => PyValue;

/** Python's whitespace (`str.isspace`), which differs from JS's `\s` (no BOM; \x1c–\x1f, \x85 are in). */
const WS =
  "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const WS_RUN = new RegExp(`[${WS}]+`);
const ALL_WS = new RegExp(`^[${WS}]+$`);
const IS_WS = new RegExp(`[${WS}]`);

const hasSurrogates = (s: string) => /[\ud800-\udfff]/.test(s);

function arity(name: string, args: PyValue[], min: number, max: number): void {
  if (args.length >= min && args.length <= max) return;
  if (max === 0) throw typeError(`str.${name}() takes no arguments (${args.length} given)`);
  if (args.length < min)
    throw typeError(
      min === max
        ? `str.${name}() takes exactly ${min === 1 ? "one argument" : `${min} arguments`} (${args.length} given)`
        : `${name} expected at least ${min} argument${min === 1 ? "" : "s"}, got ${args.length}`,
    );
  throw typeError(
    min === max
      ? `str.${name}() takes exactly ${min === 1 ? "one argument" : `${min} arguments`} (${args.length} given)`
      : `${name} expected at most ${max} argument${max === 1 ? "" : "s"}, got ${args.length}`,
  );
}

function str(v: PyValue | undefined, what: string): string {
  if (typeof v === "string") return v;
  throw typeError(`${what}, not ${typeName(v ?? null)}`);
}

function optionalStr(v: PyValue | undefined, what: string): string | null {
  if (v === undefined || v === null) return null;
  return str(v, what);
}

function integer(v: PyValue | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  if (v instanceof PyInt) return v.big !== null ? Number(v.big) : v.v;
  if (typeof v === "boolean") return v ? 1 : 0;
  throw typeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
}

/** `start`/`end` arguments as slice bounds over `length` code points (None allowed). */
function bounds(args: PyValue[], at: number, length: number): [number, number] {
  const clamp = (v: PyValue | undefined, fallback: number) => {
    if (v === undefined || v === null) return fallback;
    if (!(v instanceof PyInt) && typeof v !== "boolean")
      throw typeError("slice indices must be integers or None or have an __index__ method");
    let i = integer(v, fallback);
    if (i < 0) i = Math.max(0, i + length);
    return Math.min(i, length);
  };
  return [clamp(args[at], 0), clamp(args[at + 1], length)];
}

/** The text as code points when it has characters beyond the BMP, else the string itself (same indices). */
function points(s: string): string | string[] {
  return hasSurrogates(s) ? [...s] : s;
}

function slicePoints(p: string | string[], from: number, to: number): string {
  return typeof p === "string" ? p.slice(from, to) : p.slice(from, to).join("");
}

function lengthOf(p: string | string[]): number {
  return p.length;
}

/** Index of `sub` in `s[start:end]` (first or last), in code points, or -1. */
function search(s: string, args: PyValue[], name: string, last: boolean): number {
  arity(name, args, 1, 3);
  const sub = str(args[0], `must be str`);
  const p = points(s);
  const [start, end] = bounds(args, 1, lengthOf(p));
  if (end - start < [...sub].length) return sub === "" && start <= end ? (last ? end : start) : -1;
  const window = slicePoints(p, start, end);
  const at = last ? window.lastIndexOf(sub) : window.indexOf(sub);
  if (at < 0) return -1;
  return start + (typeof p === "string" ? at : [...window.slice(0, at)].length);
}

function tupleOrStr(v: PyValue | undefined, name: string): string[] {
  if (typeof v === "string") return [v];
  if (v instanceof PyTuple)
    return v.items.map((x) => {
      if (typeof x !== "string")
        throw typeError(`tuple for ${name} must only contain str, not ${typeName(x)}`);
      return x;
    });
  throw typeError(`${name} first arg must be str or a tuple of str, not ${typeName(v ?? null)}`);
}

/** `split`/`rsplit` on runs of whitespace, at most `max` times (from the right for rsplit). */
function splitWhitespace(s: string, max: number, fromRight: boolean): string[] {
  const out: string[] = [];
  if (!fromRight) {
    let rest = s.replace(new RegExp(`^[${WS}]+`), "");
    while (rest !== "" && (max < 0 || out.length < max)) {
      const m = WS_RUN.exec(rest);
      if (!m) break;
      out.push(rest.slice(0, m.index));
      rest = rest.slice(m.index + m[0].length);
    }
    if (rest !== "") out.push(rest);
    return out;
  }
  let rest = s.replace(new RegExp(`[${WS}]+$`), "");
  while (rest !== "" && (max < 0 || out.length < max)) {
    let i = rest.length - 1;
    while (i >= 0 && !IS_WS.test(rest[i])) i--;
    if (i < 0) break;
    out.unshift(rest.slice(i + 1));
    let j = i;
    while (j >= 0 && IS_WS.test(rest[j])) j--;
    rest = rest.slice(0, j + 1);
  }
  if (rest !== "") out.unshift(rest);
  return out;
}

function splitOn(s: string, sep: string, max: number, fromRight: boolean): string[] {
  if (sep === "") throw valueError("empty separator");
  const parts = s.split(sep);
  if (max < 0 || parts.length - 1 <= max) return parts;
  if (!fromRight) return [...parts.slice(0, max), parts.slice(max).join(sep)];
  return [parts.slice(0, parts.length - max).join(sep), ...parts.slice(parts.length - max)];
}

function pad(
  s: string,
  width: PyValue | undefined,
  fill: PyValue | undefined,
  name: string,
): [number, string] {
  const w = integer(width, 0);
  chargeString(w); // the padded string is about this long
  const f = fill === undefined ? " " : str(fill, `${name}() argument 2 must be str`);
  if ([...f].length !== 1) throw typeError("The fill character must be exactly one character long");
  return [Math.max(0, w - [...s].length), f];
}

function isCased(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase();
}

function isUpperChar(ch: string): boolean {
  return isCased(ch) && ch === ch.toUpperCase() && ch !== ch.toLowerCase();
}

function isLowerChar(ch: string): boolean {
  return isCased(ch) && ch === ch.toLowerCase() && ch !== ch.toUpperCase();
}

function stripChars(
  s: string,
  chars: PyValue | undefined,
  left: boolean,
  right: boolean,
  name: string,
): string {
  const set = optionalStr(chars, `${name} arg must be None or str`);
  const p = [...s];
  const strip = (ch: string) => (set === null ? IS_WS.test(ch) : set.includes(ch));
  let from = 0;
  let to = p.length;
  while (left && from < to && strip(p[from])) from++;
  while (right && to > from && strip(p[to - 1])) to--;
  return from === 0 && to === p.length ? s : p.slice(from, to).join("");
}

export const STR_METHODS: Record<string, StrMethod> = {
  join(rt, self, args) {
    arity("join", args, 1, 1);
    const parts = toArray(rt, args[0]).map((x, i) => {
      if (typeof x !== "string")
        throw typeError(`sequence item ${i}: expected str instance, ${typeName(x)} found`);
      return x;
    });
    chargeString(parts.reduce((n, p) => n + p.length, 0) + self.length * Math.max(0, parts.length - 1));
    return parts.join(self);
  },
  split(_rt, self, args, kwargs) {
    const sep = optionalStr(args[0] ?? kwargs?.get("sep"), "must be str or None");
    const max = integer(args[1] ?? kwargs?.get("maxsplit"), -1);
    return new PyList(sep === null ? splitWhitespace(self, max, false) : splitOn(self, sep, max, false));
  },
  rsplit(_rt, self, args, kwargs) {
    const sep = optionalStr(args[0] ?? kwargs?.get("sep"), "must be str or None");
    const max = integer(args[1] ?? kwargs?.get("maxsplit"), -1);
    return new PyList(sep === null ? splitWhitespace(self, max, true) : splitOn(self, sep, max, true));
  },
  splitlines: (_rt, self, args, kwargs) => splitLines(self, args, kwargs),
  strip: (_rt, self, args) => (arity("strip", args, 0, 1), stripChars(self, args[0], true, true, "strip")),
  lstrip: (_rt, self, args) => (
    arity("lstrip", args, 0, 1),
    stripChars(self, args[0], true, false, "lstrip")
  ),
  rstrip: (_rt, self, args) => (
    arity("rstrip", args, 0, 1),
    stripChars(self, args[0], false, true, "rstrip")
  ),
  upper: (_rt, self, args) => (arity("upper", args, 0, 0), self.toUpperCase()),
  lower: (_rt, self, args) => (arity("lower", args, 0, 0), self.toLowerCase()),
  casefold: (_rt, self) => self.toLowerCase().replace(/ß/g, "ss"),
  swapcase: (_rt, self) =>
    [...self]
      .map((ch) => (isUpperChar(ch) ? ch.toLowerCase() : isLowerChar(ch) ? ch.toUpperCase() : ch))
      .join(""),
  title(_rt, self) {
    let out = "";
    let previousCased = false;
    for (const ch of self) {
      out += previousCased ? ch.toLowerCase() : ch.toUpperCase();
      previousCased = isCased(ch);
    }
    return out;
  },
  capitalize(_rt, self) {
    const [first = "", ...rest] = [...self];
    return first.toUpperCase() + rest.join("").toLowerCase();
  },
  replace(_rt, self, args) {
    arity("replace", args, 2, 3);
    const old = str(args[0], "replace() argument 1 must be str");
    const replacement = str(args[1], "replace() argument 2 must be str");
    let count = integer(args[2], -1);
    if (old === "") {
      const p = [...self];
      if (count < 0 || count > p.length + 1) count = p.length + 1;
      let out = "";
      for (let i = 0; i < p.length; i++) out += (i < count ? replacement : "") + p[i];
      return out + (p.length < count ? replacement : "");
    }
    const parts = self.split(old);
    if (count < 0 || count >= parts.length - 1) {
      chargeString(self.length + (parts.length - 1) * replacement.length);
      return parts.join(replacement);
    }
    return parts.slice(0, count + 1).join(replacement) + old + parts.slice(count + 1).join(old);
  },
  startswith(_rt, self, args) {
    arity("startswith", args, 1, 3);
    const p = points(self);
    const [start, end] = bounds(args, 1, lengthOf(p));
    const window = slicePoints(p, start, end);
    if (start > lengthOf(p)) return false;
    return tupleOrStr(args[0], "startswith").some((x) => window.startsWith(x));
  },
  endswith(_rt, self, args) {
    arity("endswith", args, 1, 3);
    const p = points(self);
    const [start, end] = bounds(args, 1, lengthOf(p));
    if (start > lengthOf(p)) return false;
    const window = slicePoints(p, start, end);
    return tupleOrStr(args[0], "endswith").some((x) => window.endsWith(x));
  },
  find: (_rt, self, args) => int(search(self, args, "find", false)),
  rfind: (_rt, self, args) => int(search(self, args, "rfind", true)),
  index(_rt, self, args) {
    const i = search(self, args, "index", false);
    if (i < 0) throw valueError("substring not found");
    return int(i);
  },
  rindex(_rt, self, args) {
    const i = search(self, args, "rindex", true);
    if (i < 0) throw valueError("substring not found");
    return int(i);
  },
  count(_rt, self, args) {
    arity("count", args, 1, 3);
    const sub = str(args[0], "must be str");
    const p = points(self);
    const [start, end] = bounds(args, 1, lengthOf(p));
    if (start > end) return int(0);
    const window = slicePoints(p, start, end);
    if (sub === "") return int([...window].length + 1);
    return int(window.split(sub).length - 1);
  },
  partition(_rt, self, args) {
    arity("partition", args, 1, 1);
    const sep = str(args[0], "must be str");
    if (sep === "") throw valueError("empty separator");
    const i = self.indexOf(sep);
    return new PyTuple(i < 0 ? [self, "", ""] : [self.slice(0, i), sep, self.slice(i + sep.length)]);
  },
  rpartition(_rt, self, args) {
    arity("rpartition", args, 1, 1);
    const sep = str(args[0], "must be str");
    if (sep === "") throw valueError("empty separator");
    const i = self.lastIndexOf(sep);
    return new PyTuple(i < 0 ? ["", "", self] : [self.slice(0, i), sep, self.slice(i + sep.length)]);
  },
  removeprefix: (_rt, self, [prefix]) => {
    const p = str(prefix, "removeprefix() argument must be str");
    return p !== "" && self.startsWith(p) ? self.slice(p.length) : self;
  },
  removesuffix: (_rt, self, [suffix]) => {
    const s = str(suffix, "removesuffix() argument must be str");
    return s !== "" && self.endsWith(s) ? self.slice(0, self.length - s.length) : self;
  },
  isdigit: (_rt, self) => /^[\p{Nd}\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089]+$/u.test(self),
  isdecimal: (_rt, self) => /^\p{Nd}+$/u.test(self),
  isnumeric: (_rt, self) => /^\p{N}+$/u.test(self),
  isalpha: (_rt, self) => /^\p{L}+$/u.test(self),
  isalnum: (_rt, self) => /^[\p{L}\p{N}]+$/u.test(self),
  isascii: (_rt, self) => /^[\x00-\x7f]*$/.test(self),
  isspace: (_rt, self) => ALL_WS.test(self),
  isidentifier: (_rt, self) => /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(self),
  isprintable: (_rt, self) => /^(?:[^\p{C}\p{Z}]| )*$/u.test(self),
  islower: (_rt, self) => [...self].some(isCased) && ![...self].some(isUpperChar),
  isupper: (_rt, self) => [...self].some(isCased) && ![...self].some(isLowerChar),
  istitle(_rt, self) {
    let previousCased = false;
    let any = false;
    for (const ch of self) {
      if (isUpperChar(ch)) {
        if (previousCased) return false;
        previousCased = any = true;
      } else if (isLowerChar(ch)) {
        if (!previousCased) return false;
        previousCased = any = true;
      } else previousCased = false;
    }
    return any;
  },
  format: (rt, self, args, kwargs) => strFormat(rt, (v, spec) => rt.format(v, spec), self, args, kwargs),
  format_map(rt, self, args) {
    arity("format_map", args, 1, 1);
    const mapping = args[0];
    if (!(mapping instanceof PyDict))
      throw new UnsupportedError(
        "str.format_map() of a mapping that is not a dict is not supported by GradLens",
      );
    const kwargs = new Map<string, PyValue>();
    for (const e of mapping.entries.values()) if (typeof e.key === "string") kwargs.set(e.key, e.value);
    return strFormat(rt, (v, spec) => rt.format(v, spec), self, [], kwargs);
  },
  zfill(_rt, self, args) {
    arity("zfill", args, 1, 1);
    const width = integer(args[0], 0);
    chargeString(width);
    const sign = self[0] === "-" || self[0] === "+" ? self[0] : "";
    const length = [...self].length;
    if (width <= length) return self;
    return sign + "0".repeat(width - length) + self.slice(sign.length);
  },
  ljust(_rt, self, args) {
    arity("ljust", args, 1, 2);
    const [n, fill] = pad(self, args[0], args[1], "ljust");
    return self + fill.repeat(n);
  },
  rjust(_rt, self, args) {
    arity("rjust", args, 1, 2);
    const [n, fill] = pad(self, args[0], args[1], "rjust");
    return fill.repeat(n) + self;
  },
  center(_rt, self, args) {
    arity("center", args, 1, 2);
    const [total, fill] = pad(self, args[0], args[1], "center");
    const width = integer(args[0], 0);
    // CPython's rounding: the odd space goes left when the width is odd
    const left = Math.floor(total / 2) + ((total % 2) & (width % 2));
    return fill.repeat(left) + self + fill.repeat(total - left);
  },
  expandtabs(_rt, self, args, kwargs) {
    const size = integer(args[0] ?? kwargs?.get("tabsize"), 8);
    let out = "";
    let column = 0;
    for (const ch of self) {
      if (ch === "\t") {
        if (size > 0) {
          const n = size - (column % size);
          out += " ".repeat(n);
          column += n;
        }
      } else {
        out += ch;
        column = ch === "\n" || ch === "\r" ? 0 : column + 1;
      }
    }
    return out;
  },
  translate(_rt, self, args) {
    arity("translate", args, 1, 1);
    const table = args[0];
    let out = "";
    for (const ch of self) {
      const mapped = table instanceof PyDict ? dictGet(table, int(ch.codePointAt(0)!)) : undefined;
      if (mapped === undefined) out += ch;
      else if (mapped === null) continue;
      else if (typeof mapped === "string") out += mapped;
      else if (mapped instanceof PyInt) out += String.fromCodePoint(mapped.v);
      else throw typeError("character mapping must return integer, None or str");
    }
    return out;
  },
  encode() {
    throw new UnsupportedError("bytes are not supported by GradLens (str.encode)");
  },
};

/** `str.maketrans(x[, y[, z]])`: the table `translate` reads. */
export function makeTrans(args: PyValue[]): PyDict {
  const out = new PyDict();
  const set = (k: PyValue, v: PyValue) => out.entries.set(hashKey(k), { key: k, value: v });
  if (args.length === 1) {
    const d = args[0];
    if (!(d instanceof PyDict))
      throw typeError("if you give only one argument to maketrans it must be a dict");
    for (const e of d.entries.values()) {
      const key = typeof e.key === "string" ? int(e.key.codePointAt(0)!) : e.key;
      set(key, e.value);
    }
    return out;
  }
  const x = [...str(args[0], "maketrans() argument 1 must be str")];
  const y = [...str(args[1], "maketrans() argument 2 must be str")];
  if (x.length !== y.length) throw valueError("the first two maketrans arguments must have equal length");
  x.forEach((ch, i) => set(int(ch.codePointAt(0)!), int(y[i].codePointAt(0)!)));
  if (args[2] !== undefined)
    for (const ch of str(args[2], "maketrans() argument 3 must be str")) set(int(ch.codePointAt(0)!), null);
  return out;
}
