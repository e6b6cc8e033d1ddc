import { readdirSync, statSync } from "node:fs";
import { posix, relative, resolve, sep } from "node:path";
import type { WorkspaceFiles } from "../runtime/workspaceFiles";

/**
 * The real files under `root` as a program run by the CLI sees them (`os.path.exists`,
 * `os.listdir`), read-only; anything outside `root` does not exist. The working directory is
 * `root` itself, as `python3 prog.py` run there would have it.
 */
export function nodeWorkspaceFiles(root: string): WorkspaceFiles {
  const base = resolve(root);
  // the program sees POSIX paths; on Windows they are mapped onto the real ones
  const cwd = base
    .split(sep)
    .join(posix.sep)
    .replace(/^([A-Za-z]):/, "/$1");
  const real = (path: string): string | null => {
    const rel = posix.relative(cwd, path);
    if (rel.startsWith("..") || posix.isAbsolute(rel)) return null;
    const full = resolve(base, ...rel.split("/").filter((p) => p !== ""));
    return relative(base, full).startsWith("..") ? null : full;
  };
  return {
    cwd,
    kind: (path) => {
      const full = real(path);
      if (full === null) return null;
      try {
        const s = statSync(full);
        return s.isDirectory() ? "dir" : s.isFile() ? "file" : null;
      } catch {
        return null;
      }
    },
    list: (path) => {
      const full = real(path);
      if (full === null) return null;
      try {
        return readdirSync(full);
      } catch {
        return null;
      }
    },
  };
}
