import type { Interpreter } from "../interpreter/interpreter";
import type { WorkspaceFiles } from "../workspaceFiles";
import {
  bigInt,
  int,
  PyBuiltin,
  PyClass,
  PyDict,
  PyInstance,
  PyInt,
  PyList,
  PyModule,
  PyTuple,
  type PyValue,
} from "../interpreter/objects";
import { PyError, typeError, UnsupportedError, valueError } from "../interpreter/pyErrors";
import type { Runtime } from "../interpreter/runtime";
import { typeName } from "../interpreter/stringify";
import { classOf, exceptionObject } from "../interpreter/tryStatement";
import { defineNamedTuple } from "./namedTuple";
import { defineFunction, defineMethod, intArg } from "./native";

/**
 * Python's `sys` as a GradLens program sees it: CPython 3.11 on Linux, `argv` holding only the
 * program's name, `stdout` and `stderr` writing to the program's output (where a terminal
 * would show both), `exit()` ending the run as CPython ends it, and a recursion limit the
 * program may raise up to RECURSION_CAP.
 */

/** The deepest recursion limit GradLens honours (a deeper Python stack would outgrow the JS one anyway). */
export const RECURSION_CAP = 20_000;

const VERSION = [3, 11, 2] as const;

/**
 * `SystemExit(code)`, raised by `sys.exit()` (no argument for None) and by `exit()`/`quit()`
 * (which pass their code on even when it is None, as CPython's site module does).
 */
export function systemExit(
  rt: Runtime,
  systemExitClass: PyClass,
  code: PyValue,
  alwaysPassCode = false,
): PyError {
  const args = code === null && !alwaysPassCode ? [] : [code];
  const error = new PyError("SystemExit", code === null ? "" : rt.str(code));
  error.value = rt.call(systemExitClass, args);
  return error;
}

/**
 * The exit status of a run that ended in SystemExit, or null for any other error: 0 for
 * `exit()`/`exit(0)`/`exit(None)`, the int given, or 1 with a message for anything else.
 */
export function exitStatus(
  interp: Interpreter,
  e: unknown,
): { status: number; message: string | null } | null {
  if (!(e instanceof PyError)) return null;
  const cls = classOf(interp, e);
  const systemExitClass = interp.builtins.get("SystemExit");
  if (cls === null || !(systemExitClass instanceof PyClass) || !cls.isSubclassOf(systemExitClass))
    return null;
  const value = exceptionObject(interp, e);
  const code = value instanceof PyInstance ? (value.attrs.get("code") ?? null) : null;
  if (code === null) return { status: 0, message: null };
  if (code instanceof PyInt) return { status: code.v, message: null };
  if (typeof code === "boolean") return { status: code ? 1 : 0, message: null };
  return { status: 1, message: interp.str(code) };
}

/** A `sys.version_info`-style record: a named tuple that prints with its `sys.` prefix. */
function structSeq(interp: Interpreter, name: string, fields: string[], values: PyValue[]): PyTuple {
  const cls = new PyClass(name, interp.builtins.get("tuple") as PyClass, "sys");
  defineNamedTuple(interp, cls, fields, []);
  const shown = new PyBuiltin("__repr__", ([t]) => {
    const items = (t as PyTuple).items;
    return `sys.${name}(${fields.map((f, i) => `${f}=${interp.repr(items[i])}`).join(", ")})`;
  });
  cls.dict.set("__repr__", shown);
  return new PyTuple(values, cls);
}

/** A text stream: `sys.stdout` and `sys.stderr` write to the program's output. */
function makeStreamClass(interp: Interpreter): PyClass {
  const cls = new PyClass("TextIOWrapper", null, "_io");
  defineMethod(cls, "write", (_self, [s]) => {
    if (typeof s !== "string") throw typeError(`write() argument must be str, not ${typeName(s ?? null)}`);
    interp.write(s);
    return int([...s].length);
  });
  defineMethod(cls, "writelines", (_self, [lines]) => {
    for (const line of interp.iterate(lines)) {
      if (typeof line !== "string") throw typeError("write() argument must be str");
      interp.write(line);
    }
    return null;
  });
  defineMethod(cls, "flush", () => null);
  defineMethod(cls, "isatty", () => false);
  defineMethod(cls, "readable", (self) => (self as PyInstance).attrs.get("mode") === "r");
  defineMethod(cls, "writable", (self) => (self as PyInstance).attrs.get("mode") === "w");
  for (const name of ["read", "readline", "readlines"])
    defineMethod(cls, name, () => {
      throw new UnsupportedError("Reading from stdin is not available in GradLens's sandbox");
    });
  defineMethod(cls, "__repr__", (self) => {
    const a = (self as PyInstance).attrs;
    return `<_io.TextIOWrapper name='${String(a.get("name"))}' mode='${String(a.get("mode"))}' encoding='utf-8'>`;
  });
  return cls;
}

export function makeSysModule(interp: Interpreter, programName: string, files: WorkspaceFiles): PyModule {
  const m = new PyModule("sys");
  m.attrs.set("argv", new PyList([programName]));
  m.attrs.set("version", `${VERSION.join(".")} (GradLens)`);
  m.attrs.set(
    "version_info",
    structSeq(
      interp,
      "version_info",
      ["major", "minor", "micro", "releaselevel", "serial"],
      [...VERSION.map((v) => int(v)), "final", int(0)],
    ),
  );
  m.attrs.set("hexversion", int(0x030b02f0));
  m.attrs.set("platform", "linux");
  m.attrs.set("byteorder", "little");
  m.attrs.set("maxsize", bigInt(2n ** 63n - 1n));
  m.attrs.set("maxunicode", int(0x10ffff));
  m.attrs.set("executable", "");
  m.attrs.set("float_repr_style", "short");
  // the list imports search (runtime/files/workspaceModules.ts), so appending to it works
  const path = new PyList([files.cwd]);
  files.sysPath = path;
  m.attrs.set("path", path);
  m.attrs.set("modules", new PyDict());
  m.attrs.set(
    "float_info",
    structSeq(
      interp,
      "float_info",
      [
        "max",
        "max_exp",
        "max_10_exp",
        "min",
        "min_exp",
        "min_10_exp",
        "dig",
        "mant_dig",
        "epsilon",
        "radix",
        "rounds",
      ],
      [
        Number.MAX_VALUE,
        int(1024),
        int(308),
        2.2250738585072014e-308,
        int(-1021),
        int(-307),
        int(15),
        int(53),
        Number.EPSILON,
        int(2),
        int(1),
      ],
    ),
  );
  const streams = makeStreamClass(interp);
  const stream = (name: string, mode: string) => {
    const s = new PyInstance(streams);
    s.attrs.set("name", name);
    s.attrs.set("mode", mode);
    s.attrs.set("encoding", "utf-8");
    return s;
  };
  for (const [name, mode] of [
    ["stdout", "w"],
    ["stderr", "w"],
    ["stdin", "r"],
  ]) {
    const s = stream(`<${name}>`, mode);
    m.attrs.set(name, s);
    m.attrs.set(`__${name}__`, s);
  }
  const systemExitClass = interp.builtins.get("SystemExit") as PyClass;
  defineFunction(m, "exit", ([code]) => {
    throw systemExit(interp, systemExitClass, code ?? null);
  });
  let requestedLimit = interp.recursionLimit;
  defineFunction(m, "getrecursionlimit", () => int(requestedLimit));
  defineFunction(m, "setrecursionlimit", ([n]) => {
    if (!(n instanceof PyInt) && typeof n !== "boolean")
      throw typeError(`'${typeName(n ?? null)}' object cannot be interpreted as an integer`);
    const limit = intArg(n);
    if (limit < 1) throw valueError("recursion limit must be greater or equal than 1");
    requestedLimit = limit;
    interp.recursionLimit = Math.min(limit, RECURSION_CAP);
    return null;
  });
  defineFunction(m, "getdefaultencoding", () => "utf-8");
  defineFunction(m, "getfilesystemencoding", () => "utf-8");
  defineFunction(m, "exc_info", () => {
    const handling = interp.handling;
    if (handling === null) return new PyTuple([null, null, null]);
    const value = exceptionObject(interp, handling);
    return new PyTuple([classOf(interp, handling), value, null]);
  });
  return m;
}
