import { chargeArray } from "../../engine/memory";
import { dictGet, toArray } from "../interpreter/collections";
import type { Interpreter } from "../interpreter/interpreter";
import {
  DONE,
  int,
  PyBuiltin,
  PyDict,
  PyIterator,
  PyList,
  PyModule,
  PyTuple,
  type PyValue,
} from "../interpreter/objects";
import { truthy } from "../interpreter/operators";
import { PyError, typeError, valueError } from "../interpreter/pyErrors";
import { typeName } from "../interpreter/stringify";
import type { WorkspaceFiles } from "../workspaceFiles";
import { bindArgs, defineFunction } from "./native";
import * as posix from "./posixPath";
import { defineOsStat } from "./osStat";

/**
 * Python's `os` and `os.path` on Linux. Paths are worked out as `posixpath` does; whether a
 * path exists, and what a folder holds, come from the run's WorkspaceFiles (its ProgramFiles:
 * the workspace's folders, nothing without one). A program may read that view but never change
 * files or start processes: those functions raise PermissionError.
 */

/** os functions that write, delete or run something: GradLens programs may not call them. */
const FORBIDDEN = [
  "system",
  "popen",
  "remove",
  "unlink",
  "rmdir",
  "removedirs",
  "mkdir",
  "makedirs",
  "rename",
  "renames",
  "replace",
  "chmod",
  "chown",
  "link",
  "symlink",
  "truncate",
  "utime",
  "kill",
  "fork",
  "execv",
  "execve",
  "execl",
  "execlp",
  "execvp",
  "spawnl",
  "spawnv",
  "startfile",
  "mkfifo",
  "write",
  "open",
];

function pathArg(v: PyValue | undefined, fname: string): string {
  if (typeof v === "string") return v;
  throw typeError(`${fname}: path should be string, bytes or os.PathLike, not ${typeName(v ?? null)}`);
}

function osError(interp: Interpreter, type: string, errno: number, text: string, path: string): PyError {
  const message = `[Errno ${errno}] ${text}: ${interp.repr(path)}`;
  return new PyError(type, message);
}

export function makeOsPathModule(interp: Interpreter, files: WorkspaceFiles): PyModule {
  const m = new PyModule("os.path");
  const str = (v: PyValue | undefined, fname: string) => pathArg(v, fname);
  const kind = (p: string) => files.kind(posix.abspath(p, files.cwd));
  defineFunction(m, "join", (args) => {
    if (args.length === 0) throw typeError("join() missing 1 required positional argument: 'a'");
    const parts = args.map((a) => str(a, "join"));
    return posix.join(parts[0], ...parts.slice(1));
  });
  defineFunction(m, "split", ([p]) => new PyTuple(posix.split(str(p, "split"))));
  defineFunction(m, "splitext", ([p]) => new PyTuple(posix.splitext(str(p, "splitext"))));
  defineFunction(m, "dirname", ([p]) => posix.dirname(str(p, "dirname")));
  defineFunction(m, "basename", ([p]) => posix.basename(str(p, "basename")));
  defineFunction(m, "normpath", ([p]) => posix.normpath(str(p, "normpath")));
  defineFunction(m, "abspath", ([p]) => posix.abspath(str(p, "abspath"), files.cwd));
  defineFunction(m, "realpath", ([p]) => posix.abspath(str(p, "realpath"), files.cwd));
  defineFunction(m, "isabs", ([p]) => posix.isabs(str(p, "isabs")));
  defineFunction(m, "relpath", (args, kwargs) => {
    const a = bindArgs("relpath", args, kwargs, ["path", "start"], 1);
    const p = str(a.path, "relpath");
    if (p === "") throw valueError("no path specified");
    return posix.relpath(
      p,
      a.start === undefined || a.start === null ? "." : str(a.start, "relpath"),
      files.cwd,
    );
  });
  defineFunction(m, "commonprefix", ([ps]) =>
    posix.commonprefix(toArray(interp, ps).map((p) => str(p, "commonprefix"))),
  );
  defineFunction(m, "expanduser", ([p]) => posix.expanduser(str(p, "expanduser"), null));
  defineFunction(m, "expandvars", ([p]) => str(p, "expandvars"));
  defineFunction(m, "exists", ([p]) => typeof p === "string" && kind(p) !== null);
  defineFunction(m, "lexists", ([p]) => typeof p === "string" && kind(p) !== null);
  defineFunction(m, "isfile", ([p]) => typeof p === "string" && kind(p) === "file");
  defineFunction(m, "isdir", ([p]) => typeof p === "string" && kind(p) === "dir");
  defineFunction(m, "islink", () => false);
  defineFunction(m, "getsize", ([p]) => {
    const given = str(p, "getsize");
    const size = files.size(posix.abspath(given, files.cwd));
    if (size === null) throw osError(interp, "FileNotFoundError", 2, "No such file or directory", given);
    return int(size);
  });
  m.attrs.set("sep", "/");
  m.attrs.set("curdir", ".");
  m.attrs.set("pardir", "..");
  m.attrs.set("extsep", ".");
  m.attrs.set("pathsep", ":");
  return m;
}

export function makeOsModule(interp: Interpreter, files: WorkspaceFiles): PyModule {
  const m = new PyModule("os");
  const path = makeOsPathModule(interp, files);
  m.attrs.set("path", path);
  defineOsStat(interp, m, path, files);
  m.attrs.set("name", "posix");
  m.attrs.set("sep", "/");
  m.attrs.set("altsep", null);
  m.attrs.set("extsep", ".");
  m.attrs.set("pathsep", ":");
  m.attrs.set("linesep", "\n");
  m.attrs.set("curdir", ".");
  m.attrs.set("pardir", "..");
  m.attrs.set("devnull", "/dev/null");
  // no environment reaches a GradLens program
  const environ = new PyDict();
  m.attrs.set("environ", environ);
  defineFunction(m, "getenv", (args, kwargs) => {
    const a = bindArgs("getenv", args, kwargs, ["key", "default"], 1);
    return dictGet(environ, a.key!) ?? a.default ?? null;
  });
  defineFunction(m, "getcwd", () => files.cwd);
  defineFunction(m, "chdir", ([p]) => {
    const path = posix.abspath(pathArg(p, "chdir"), files.cwd);
    const kind = files.kind(path);
    if (kind === null)
      throw osError(interp, "FileNotFoundError", 2, "No such file or directory", pathArg(p, "chdir"));
    if (kind !== "dir")
      throw osError(interp, "NotADirectoryError", 20, "Not a directory", pathArg(p, "chdir"));
    files.cwd = path;
    return null;
  });
  /** The names in a folder, or the OSError CPython raises. */
  const list = (p: string): string[] => {
    const path = posix.abspath(p, files.cwd);
    const names = files.list(path);
    if (names !== null) {
      chargeArray(names.length);
      return names;
    }
    if (files.kind(path) === "file") throw osError(interp, "NotADirectoryError", 20, "Not a directory", p);
    throw osError(interp, "FileNotFoundError", 2, "No such file or directory", p);
  };
  defineFunction(
    m,
    "listdir",
    ([p]) => new PyList(list(p === undefined || p === null ? "." : pathArg(p, "listdir"))),
  );
  // os.walk: top-down, reading each folder's dirnames after the caller had its turn to prune them
  defineFunction(m, "walk", (args, kwargs) => {
    const a = bindArgs("walk", args, kwargs, ["top", "topdown", "onerror", "followlinks"], 1);
    if (a.topdown !== undefined && !truthy(interp, a.topdown))
      throw new PyError("NotImplementedError", "os.walk(topdown=False) is not supported by GradLens");
    const pending: string[] = [pathArg(a.top, "walk")];
    let last: { top: string; dirs: PyList } | null = null;
    return new PyIterator(() => {
      if (last !== null) {
        const children = last.dirs.items.map((d) => posix.join(last!.top, String(d)));
        pending.unshift(...children);
        last = null;
      }
      while (pending.length > 0) {
        const top = pending.shift()!;
        const abs = posix.abspath(top, files.cwd);
        const names = files.list(abs);
        if (names === null) continue;
        const dirs: PyValue[] = [];
        const plain: PyValue[] = [];
        for (const n of names) (files.kind(posix.join(abs, n)) === "dir" ? dirs : plain).push(n);
        last = { top, dirs: new PyList(dirs) };
        return new PyTuple([top, last.dirs, new PyList(plain)]);
      }
      return DONE;
    }, "generator");
  });
  defineFunction(m, "cpu_count", () => int(1));
  defineFunction(m, "fspath", ([p]) => pathArg(p, "fspath"));
  for (const name of FORBIDDEN) {
    m.attrs.set(
      name,
      new PyBuiltin(name, () => {
        throw new PyError(
          "PermissionError",
          `GradLens programs may not change files or run processes (os.${name} was called)`,
        );
      }),
    );
  }
  return m;
}
