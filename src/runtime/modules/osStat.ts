import type { Interpreter } from "../interpreter/interpreter";
import { bigInt, int, PyClass, PyInstance, type PyModule, type PyValue } from "../interpreter/objects";
import { PyError, typeError } from "../interpreter/pyErrors";
import { typeName } from "../interpreter/stringify";
import type { WorkspaceFiles } from "../workspaceFiles";
import { defineFunction, defineMethod } from "./native";
import * as posix from "./posixPath";

/**
 * `os.stat(path)` and `os.path.getmtime`: what the run's file owner tells of a workspace file —
 * its size and modification time. Mode, inode, owner and the other times are not asked of the
 * owner, so a `stat_result` has only `st_size`, `st_mtime` and `st_mtime_ns` (another field is
 * an AttributeError, not a made-up number).
 */
export function defineOsStat(
  interp: Interpreter,
  os: PyModule,
  osPath: PyModule,
  files: WorkspaceFiles,
): void {
  const statResult = new PyClass("stat_result", null, "os");
  defineMethod(statResult, "__repr__", (self) => {
    const attrs = (self as PyInstance).attrs;
    const fields = [...attrs].map(([k, v]) => `${k}=${interp.repr(v)}`);
    return `os.stat_result(${fields.join(", ")})`;
  });
  os.attrs.set("stat_result", statResult);

  const look = (p: PyValue | undefined, fname: string) => {
    const given = fsPath(interp, p, fname);
    const found = files.stat(posix.abspath(given, files.cwd));
    if (found === null)
      throw new PyError("FileNotFoundError", `[Errno 2] No such file or directory: ${interp.repr(given)}`);
    return found;
  };
  const mtimeOf = (found: { mtime: number | null }, fname: string) => {
    if (found.mtime === null)
      throw new PyError("OSError", `${fname}: this workspace does not tell files' modification times`);
    return found.mtime;
  };

  defineFunction(os, "stat", ([p]) => {
    const found = look(p, "stat");
    const result = new PyInstance(statResult);
    result.attrs.set("st_size", int(found.size));
    if (found.mtime !== null) {
      result.attrs.set("st_mtime", found.mtime);
      result.attrs.set("st_mtime_ns", bigInt(BigInt(Math.round(found.mtime * 1e6)) * 1000n));
    }
    return result;
  });
  defineFunction(osPath, "getmtime", ([p]) => mtimeOf(look(p, "getmtime"), "getmtime"));
}

/** A path argument as `os` takes it: a str, or an object with `__fspath__` (a `pathlib.Path`). */
function fsPath(interp: Interpreter, p: PyValue | undefined, fname: string): string {
  if (typeof p === "string") return p;
  if (p instanceof PyInstance) {
    const f = p.cls.lookup("__fspath__");
    if (f !== undefined) {
      const s = interp.call(f, [p]);
      if (typeof s === "string") return s;
    }
  }
  throw typeError(`${fname}: path should be string, bytes or os.PathLike, not ${typeName(p ?? null)}`);
}
