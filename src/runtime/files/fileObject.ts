import { chargeGrowth } from "../../engine/memory";
import { toInt } from "../interpreter/numbers";
import {
  DONE,
  int,
  PyBuiltin,
  PyClass,
  PyInstance,
  PyInt,
  PyIterator,
  PyList,
  PyProperty,
  PyTuple,
  type Kwargs,
  type PyValue,
} from "../interpreter/objects";
import { PyError, typeError, valueError } from "../interpreter/pyErrors";
import type { Runtime } from "../interpreter/runtime";
import { stringRepr, typeName } from "../interpreter/stringify";
import type { TextReader } from "./textReader";

/**
 * What `open(path)` returns: CPython's `_io.TextIOWrapper`, read-only. Its text comes from a
 * TextReader over the file's bytes, read whole when the file was opened.
 */
export class FileObject extends PyInstance {
  closed = false;

  constructor(
    cls: PyClass,
    readonly reader: TextReader,
    /** What `f.name` gives: the path as the program passed it. */
    readonly name: PyValue,
    readonly mode: string,
    readonly encoding: string,
    readonly errors: string,
  ) {
    super(cls);
  }

  /** ValueError when the file was closed. */
  open(): TextReader {
    if (this.closed) throw valueError("I/O operation on closed file.");
    return this.reader;
  }
}

const classes = new WeakMap<Runtime, PyClass>();

/** `_io.TextIOWrapper` for this run. */
export function fileClass(rt: Runtime): PyClass {
  let cls = classes.get(rt);
  if (!cls) classes.set(rt, (cls = makeFileClass(rt)));
  return cls;
}

function self(v: PyValue | undefined, method: string): FileObject {
  if (v instanceof FileObject) return v;
  throw typeError(
    `descriptor '${method}' for '_io.TextIOWrapper' objects doesn't apply to a '${typeName(v ?? null)}' object`,
  );
}

/** `read(size)`'s and `readline(size)`'s size: an int (negative: all), or None for read. */
function sizeArg(v: PyValue | undefined, noneAllowed: boolean): number {
  if (v === undefined || (v === null && noneAllowed)) return -1;
  if (v instanceof PyInt || typeof v === "boolean") {
    const n = toInt(v);
    return n.big === null ? n.v : n.big < 0n ? -1 : Number.MAX_SAFE_INTEGER;
  }
  if (noneAllowed) throw typeError(`argument should be integer or None, not '${typeName(v)}'`);
  throw typeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
}

function noKeywords(name: string, kwargs: Kwargs): void {
  if (kwargs && kwargs.size > 0) throw typeError(`${name}() takes no keyword arguments`);
}

function atMost(name: string, args: PyValue[], n: number): void {
  if (args.length > n)
    throw typeError(`${name}() takes at most ${n} argument${n === 1 ? "" : "s"} (${args.length} given)`);
}

/** The lines left, as `readlines()` and iteration give them (`hint` ≥ 0: stop once that many characters are read). */
function readLines(f: FileObject, hint: number): PyList {
  const reader = f.open();
  const lines: PyValue[] = [];
  let total = 0;
  for (let line = reader.readline(); line !== ""; line = reader.readline()) {
    chargeGrowth(lines.length + 1);
    lines.push(line);
    total += line.length;
    if (hint > 0 && total >= hint) break;
  }
  return new PyList(lines);
}

/** `f.newlines` as CPython gives it: None, one ending, or a tuple of them in its order. */
function newlines(f: FileObject): PyValue {
  const seen = f.reader.seen;
  const order = seen.has("\n") && seen.has("\r\n") && !seen.has("\r") ? ["\n", "\r\n"] : ["\r", "\n", "\r\n"];
  const kinds = order.filter((e) => seen.has(e));
  return kinds.length === 0 ? null : kinds.length === 1 ? kinds[0] : new PyTuple(kinds);
}

function makeFileClass(rt: Runtime): PyClass {
  const cls = new PyClass("TextIOWrapper", null, "_io");
  /** A method: a property handing out a builtin bound to the file (the interpreter binds only Python functions). */
  const method = (name: string, f: (file: FileObject, args: PyValue[], kwargs: Kwargs) => PyValue) =>
    cls.dict.set(
      name,
      new PyProperty(
        new PyBuiltin(name, ([v]) => {
          const file = self(v, name);
          return new PyBuiltin(name, (args, kwargs) => f(file, args, kwargs), [file]);
        }),
        null,
      ),
    );
  const attribute = (name: string, get: (file: FileObject) => PyValue) =>
    cls.dict.set(name, new PyProperty(new PyBuiltin(name, ([v]) => get(self(v, name))), null));

  method("read", (f, args, kwargs) => {
    noKeywords("read", kwargs);
    atMost("read", args, 1);
    const n = sizeArg(args[0], true);
    const reader = f.open();
    return n < 0 ? reader.readAll() : reader.read(n);
  });
  method("readline", (f, args, kwargs) => {
    noKeywords("readline", kwargs);
    atMost("readline", args, 1);
    return f.open().readline(sizeArg(args[0], false));
  });
  method("readlines", (f, args, kwargs) => {
    noKeywords("readlines", kwargs);
    atMost("readlines", args, 1);
    return readLines(f, sizeArg(args[0], true));
  });
  method("close", (f) => {
    f.closed = true;
    return null;
  });
  method("readable", (f) => (f.open(), true));
  method("writable", (f) => (f.open(), false));
  method("seekable", (f) => (f.open(), false));
  method("isatty", (f) => (f.open(), false));
  for (const name of ["write", "writelines", "truncate"])
    method(name, (f) => {
      f.open();
      const e = new PyError("OSError", "not writable");
      e.hint = "GradLens programs cannot write files";
      throw e;
    });
  // seek(0): reading again from the start (as after `sample = f.read(1024)` for csv.Sniffer)
  method("seek", (f, args) => {
    const reader = f.open();
    const [cookie, whence] = args;
    const offset = cookie instanceof PyInt || typeof cookie === "boolean" ? toInt(cookie) : null;
    if (offset === null)
      throw typeError(`'${typeName(cookie ?? null)}' object cannot be interpreted as an integer`);
    const from = whence === undefined ? 0 : whence instanceof PyInt ? whence.v : -1;
    if (offset.big !== null || offset.v !== 0 || from !== 0)
      throw new PyError(
        "NotImplementedError",
        "TextIOWrapper.seek() is supported by GradLens only to the start (seek(0)): files are read front to back",
      );
    reader.rewind();
    return int(0);
  });
  for (const name of ["tell", "fileno", "flush", "detach", "reconfigure"])
    method(name, () => {
      throw new PyError(
        "NotImplementedError",
        `TextIOWrapper.${name}() is not supported by GradLens (files are read front to back)`,
      );
    });
  method("__enter__", (f) => (f.open(), f));
  method("__exit__", (f) => {
    f.closed = true;
    return null;
  });
  attribute("closed", (f) => f.closed);
  attribute("name", (f) => f.name);
  attribute("mode", (f) => f.mode);
  attribute("encoding", (f) => f.encoding);
  attribute("errors", (f) => f.errors);
  attribute("newlines", (f) => newlines(f));
  attribute("line_buffering", () => false);

  // The protocols the interpreter itself calls with the file as the first argument.
  cls.dict.set(
    "__iter__",
    new PyBuiltin("__iter__", ([v]) => {
      const f = self(v, "__iter__");
      f.open();
      return new PyIterator(
        () => {
          const line = f.open().readline();
          return line === "" ? DONE : line;
        },
        "TextIOWrapper",
        [],
      );
    }),
  );
  cls.dict.set(
    "__next__",
    new PyBuiltin("__next__", ([v]) => {
      const line = self(v, "__next__").open().readline();
      if (line === "") throw new PyError("StopIteration", "");
      return line;
    }),
  );
  cls.dict.set(
    "__repr__",
    new PyBuiltin("__repr__", ([v]) => {
      const f = self(v, "__repr__");
      const name = typeof f.name === "string" ? stringRepr(f.name) : rt.repr(f.name);
      return `<_io.TextIOWrapper name=${name} mode=${stringRepr(f.mode)} encoding=${stringRepr(f.encoding)}>`;
    }),
  );
  return cls;
}
