import { resolvePath } from "../../files/workspacePath";
import type { Interpreter } from "../interpreter/interpreter";
import { int, PyBuiltin, PyList, PyModule, PyTuple, type PyValue } from "../interpreter/objects";
import { typeError, UnsupportedError } from "../interpreter/pyErrors";
import { registerBuiltinModule } from "../moduleLoader";
import { typeName } from "../interpreter/stringify";
import { osError, type ProgramFiles } from "./programFiles";

/**
 * Just enough of `os` and `os.path` for programs that look at their data before reading it
 * (`os.path.exists('names.txt')`, `os.listdir('data')`, `os.path.getsize(p)`), answered by the
 * run's ProgramFiles — the same view `open()` reads through. The standard-modules work (branch
 * `stdlib`) brings the whole of `os`; its WorkspaceFiles view (`cwd`, `kind`, `list`) is what
 * ProgramFiles offers, so that module can take this view in place of this file.
 */

const filesOf = new WeakMap<Interpreter, ProgramFiles>();

/** Gives a run's `os` module its files (runProgram calls this before the program starts). */
export function setProgramFiles(interp: Interpreter, files: ProgramFiles): void {
  filesOf.set(interp, files);
}

function pathArg(v: PyValue | undefined, fname: string): string {
  if (typeof v === "string") return v;
  throw typeError(`${fname}: path should be string, bytes or os.PathLike, not ${typeName(v ?? null)}`);
}

function define(m: PyModule, name: string, f: (args: PyValue[]) => PyValue): void {
  m.attrs.set(name, new PyBuiltin(name, (args) => f(args), []));
}

/** The absolute path a program's path names (relative ones: in its folder), or null when outside what it may see. */
function visible(files: ProgramFiles, path: string): string | null {
  if (files.cwd === null && !path.startsWith("/")) return null;
  const abs = resolvePath(files.cwd ?? "/", path);
  return files.readable(abs) ? abs : null;
}

function makeOsPath(files: ProgramFiles): PyModule {
  const m = new PyModule("os.path");
  const kind = (p: PyValue | undefined) => {
    if (typeof p !== "string") return null;
    const abs = visible(files, p);
    return abs === null ? null : files.kind(abs);
  };
  define(m, "exists", ([p]) => kind(p) !== null);
  define(m, "isfile", ([p]) => kind(p) === "file");
  define(m, "isdir", ([p]) => kind(p) === "dir");
  define(m, "getsize", ([p]) => {
    const given = pathArg(p, "getsize");
    const abs = files.resolve(given);
    const stat = files.stat(abs);
    if (stat === null) throw osError("notFound", given);
    return int(stat.size);
  });
  define(m, "join", (args) => {
    if (args.length === 0) throw typeError("join() missing 1 required positional argument: 'a'");
    let out = pathArg(args[0], "join");
    for (const a of args.slice(1)) {
      const part = pathArg(a, "join");
      out = part.startsWith("/") ? part : out === "" || out.endsWith("/") ? out + part : `${out}/${part}`;
    }
    return out;
  });
  define(m, "basename", ([p]) => {
    const s = pathArg(p, "basename");
    return s.slice(s.lastIndexOf("/") + 1);
  });
  define(m, "dirname", ([p]) => {
    const s = pathArg(p, "dirname");
    const head = s.slice(0, s.lastIndexOf("/") + 1);
    return /^\/+$/.test(head) ? head : head.replace(/\/+$/, "");
  });
  define(m, "abspath", ([p]) => resolvePath(files.cwd ?? "/", pathArg(p, "abspath")));
  define(m, "splitext", ([p]) => {
    const s = pathArg(p, "splitext");
    const name = s.slice(s.lastIndexOf("/") + 1);
    const dot = name.lastIndexOf(".");
    if (dot <= 0 || /^\.+$/.test(name.slice(0, dot + 1))) return new PyTuple([s, ""]);
    const at = s.length - name.length + dot;
    return new PyTuple([s.slice(0, at), s.slice(at)]);
  });
  m.attrs.set("sep", "/");
  return m;
}

function makeOsModule(interp: Interpreter): PyModule {
  const files = filesOf.get(interp);
  if (!files) throw new Error("os imported before the run's files were set");
  const m = new PyModule("os");
  m.attrs.set("path", makeOsPath(files));
  m.attrs.set("sep", "/");
  define(m, "getcwd", () => files.cwd ?? "/");
  define(m, "listdir", ([p]) => {
    const given = p === undefined || p === null ? "." : pathArg(p, "listdir");
    const abs = files.resolve(given);
    return new PyList(files.entries(abs, given).map((e) => e.name));
  });
  // the rest of os is the standard-modules work's; until then each says so where it is called
  for (const name of OS_ELSEWHERE)
    define(m, name, () => {
      throw new UnsupportedError(`os.${name}() is not supported by GradLens`);
    });
  osModules.set(interp, m);
  return m;
}

const osModules = new WeakMap<Interpreter, PyModule>();

/** Functions of `os` programs call that this small module does not have (writing ones never will). */
const OS_ELSEWHERE = [
  "walk",
  "scandir",
  "stat",
  "getenv",
  "chdir",
  "mkdir",
  "makedirs",
  "remove",
  "unlink",
  "rmdir",
  "rename",
  "replace",
  "system",
  "popen",
];

/** Registers `os` and `os.path` with the built-in modules (once, when the runtime loads). */
export function registerOsModules(): void {
  registerBuiltinModule("os", makeOsModule);
  // the loader makes `os` first, so its `path` is there
  registerBuiltinModule("os.path", (interp) => osModules.get(interp)!.attrs.get("path") as PyModule);
}
