import { chargeString } from "../../engine/memory";
import type { Interpreter } from "../interpreter/interpreter";
import {
  DONE,
  int,
  PyBuiltin,
  PyClass,
  PyInstance,
  PyIterator,
  PyList,
  PyModule,
  PyProperty,
  type PyValue,
} from "../interpreter/objects";
import { PyError, typeError, UnsupportedError, valueError } from "../interpreter/pyErrors";
import { stringRepr, typeName } from "../interpreter/stringify";
import { fileClass } from "../files/fileObject";
import { bindArgs, defineFunction, defineMethod, intArg } from "./native";

/**
 * Python's `io`: `StringIO`, a text file in memory that a program may read and write (the one
 * writable file a GradLens program has: `csv.writer(io.StringIO())`), with CPython's newline
 * translation, positions and messages; `open` and `TextIOWrapper` are the workspace's read-only
 * files. GradLens has no bytes, so `BytesIO` is reported as not supported.
 */

/** `newline=` of a StringIO: how line endings are written and where lines end when read. */
type Newline = null | "" | "\n" | "\r" | "\r\n";

export class StringIOObject extends PyInstance {
  text = "";
  pos = 0;
  closed = false;
  constructor(
    cls: PyClass,
    readonly newline: Newline,
  ) {
    super(cls);
  }

  /** ValueError once closed (StringIO's message has no full stop, unlike a file's). */
  check(): this {
    if (this.closed) throw valueError("I/O operation on closed file");
    return this;
  }

  /** Writes at the position, translating `\n` (or, with newline=None, `\r\n` and `\r`) as CPython does. */
  write(s: string): number {
    let t = s;
    if (this.newline === null) t = t.replace(/\r\n?/g, "\n");
    else if (this.newline === "\r" || this.newline === "\r\n") t = t.replace(/\n/g, this.newline);
    if (t.length === 0) return s.length;
    const pad = Math.max(0, this.pos - this.text.length);
    chargeString(this.text.length + pad + t.length);
    this.text = this.text.slice(0, this.pos) + "\0".repeat(pad) + t + this.text.slice(this.pos + t.length);
    this.pos += t.length;
    return s.length;
  }

  read(n: number): string {
    const start = Math.min(this.pos, this.text.length);
    const end = n < 0 ? this.text.length : Math.min(this.text.length, start + n);
    this.pos = Math.max(this.pos, end);
    return this.text.slice(start, end);
  }

  /** The next line with its ending ("" at the end), at most `limit` characters when limit ≥ 0. */
  readline(limit = -1): string {
    const text = this.text;
    const start = Math.min(this.pos, text.length);
    let end = text.length;
    if (this.newline === "") {
      for (let i = start; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) {
          end = i + 1;
          break;
        }
        if (c === 13) {
          end = i + 1 < text.length && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
          break;
        }
      }
    } else {
      const ending = this.newline === null ? "\n" : this.newline;
      const i = text.indexOf(ending, start);
      if (i >= 0) end = i + ending.length;
    }
    if (limit >= 0) end = Math.min(end, start + limit);
    this.pos = Math.max(this.pos, end);
    return text.slice(start, end);
  }
}

/** `newline=`'s checks, in CPython's words. */
function newlineArg(v: PyValue | undefined): Newline {
  if (v === undefined) return "\n";
  if (v === null) return null;
  if (typeof v !== "string") throw typeError(`newline must be str or None, not ${typeName(v)}`);
  if (v === "" || v === "\n" || v === "\r" || v === "\r\n") return v;
  throw valueError(`illegal newline value: ${stringRepr(v)}`);
}

/** A size argument: an int (negative: everything) or, where allowed, None. */
function sizeArg(v: PyValue | undefined): number {
  if (v === undefined || v === null) return -1;
  return intArg(v);
}

function self(v: PyValue | undefined, method: string): StringIOObject {
  if (v instanceof StringIOObject) return v;
  throw typeError(
    `descriptor '${method}' for '_io.StringIO' objects doesn't apply to a '${typeName(v ?? null)}' object`,
  );
}

export function makeStringIOClass(interp: Interpreter): PyClass {
  const cls: PyClass = new PyClass("StringIO", null, "_io", (args, kwargs) => {
    const a = bindArgs("StringIO", args, kwargs, ["initial_value", "newline"]);
    const initial = a.initial_value ?? "";
    if (initial !== null && typeof initial !== "string")
      throw typeError(`initial_value must be str or None, not ${typeName(initial)}`);
    const s = new StringIOObject(cls, newlineArg(a.newline));
    if (initial) {
      s.write(initial);
      s.pos = 0;
    }
    return s;
  });
  const method = (
    name: string,
    f: (s: StringIOObject, args: (PyValue | undefined)[]) => PyValue,
    names: string[] = [],
    required = 0,
  ) =>
    defineMethod(cls, name, (v, args, kwargs) => {
      const a = bindArgs(name, args, kwargs, names, required);
      return f(
        self(v, name),
        names.map((n) => a[n]),
      );
    });
  method(
    "write",
    (s, [text]) => {
      s.check();
      if (typeof text !== "string")
        throw typeError(`string argument expected, got '${typeName(text ?? null)}'`);
      return int(s.write(text));
    },
    ["s"],
    1,
  );
  method(
    "writelines",
    (s, [lines]) => {
      s.check();
      for (const line of interp.iterate(lines ?? null)) {
        if (typeof line !== "string") throw typeError(`string argument expected, got '${typeName(line)}'`);
        s.write(line);
      }
      return null;
    },
    ["lines"],
    1,
  );
  method("read", (s, [n]) => s.check().read(sizeArg(n)), ["size"]);
  method("readline", (s, [n]) => s.check().readline(sizeArg(n)), ["size"]);
  method(
    "readlines",
    (s, [hint]) => {
      s.check();
      const limit = sizeArg(hint);
      const lines: PyValue[] = [];
      let total = 0;
      for (let line = s.readline(); line !== ""; line = s.readline()) {
        lines.push(line);
        total += line.length;
        if (limit > 0 && total >= limit) break;
      }
      return new PyList(lines);
    },
    ["hint"],
  );
  method("getvalue", (s) => s.check().text);
  method("tell", (s) => int(s.check().pos));
  method(
    "seek",
    (s, [posArg, whenceArg]) => {
      s.check();
      const pos = intArg(posArg);
      const whence = whenceArg === undefined ? 0 : intArg(whenceArg);
      if (whence === 0) {
        if (pos < 0) throw valueError(`Negative seek position ${pos}`);
        s.pos = pos;
      } else if (whence === 1) {
        if (pos !== 0) throw new PyError("OSError", "Can't do nonzero cur-relative seeks");
      } else if (whence === 2) {
        if (pos !== 0) throw new PyError("OSError", "Can't do nonzero end-relative seeks");
        s.pos = s.text.length;
      } else throw valueError(`Invalid whence (${whence}, should be 0, 1 or 2)`);
      return int(s.pos);
    },
    ["pos", "whence"],
    1,
  );
  method(
    "truncate",
    (s, [sizeV]) => {
      s.check();
      const size = sizeV === undefined || sizeV === null ? s.pos : intArg(sizeV);
      if (size < 0) throw valueError(`Negative size value ${size}`);
      if (size < s.text.length) s.text = s.text.slice(0, size);
      return int(size);
    },
    ["pos"],
  );
  method("close", (s) => {
    s.closed = true;
    return null;
  });
  method("flush", (s) => (s.check(), null));
  for (const name of ["readable", "writable", "seekable"]) method(name, (s) => (s.check(), true));
  method("isatty", (s) => (s.check(), false));
  method("__enter__", (s) => s.check());
  cls.dict.set(
    "__exit__",
    new PyBuiltin("__exit__", ([v]) => {
      self(v, "__exit__").closed = true;
      return null;
    }),
  );
  cls.dict.set(
    "__iter__",
    new PyBuiltin("__iter__", ([v]) => {
      const s = self(v, "__iter__").check();
      return new PyIterator(
        () => {
          const line = s.check().readline();
          return line === "" ? DONE : line;
        },
        "StringIO",
        [s],
      );
    }),
  );
  cls.dict.set(
    "__next__",
    new PyBuiltin("__next__", ([v]) => {
      const line = self(v, "__next__").check().readline();
      if (line === "") throw new PyError("StopIteration", "");
      return line;
    }),
  );
  const attribute = (name: string, get: (s: StringIOObject) => PyValue) =>
    cls.dict.set(name, new PyProperty(new PyBuiltin(name, ([v]) => get(self(v, name))), null));
  attribute("closed", (s) => s.closed);
  attribute("line_buffering", () => false);
  return cls;
}

export function makeIoModule(interp: Interpreter): PyModule {
  const m = new PyModule("io");
  m.attrs.set("StringIO", makeStringIOClass(interp));
  m.attrs.set("TextIOWrapper", fileClass(interp));
  const open = interp.builtins.get("open");
  if (open !== undefined) m.attrs.set("open", open);
  m.attrs.set("SEEK_SET", int(0));
  m.attrs.set("SEEK_CUR", int(1));
  m.attrs.set("SEEK_END", int(2));
  m.attrs.set("DEFAULT_BUFFER_SIZE", int(8192));
  for (const name of ["BytesIO", "BufferedReader", "BufferedWriter", "FileIO"])
    defineFunction(m, name, () => {
      throw new UnsupportedError(`io.${name} is not supported by GradLens (it has no bytes)`);
    });
  return m;
}
