import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, resolve, sep } from "node:path";
import type { FileAccess } from "../files/fileAccess";
import {
  MAX_FILE_BYTES,
  type DirectoryEntry,
  type FileAnswer,
  type FileOwner,
  type FileRequest,
  type RunWorkspace,
} from "../files/fileRequest";
import { isInside, isInsideAny, normalizePath, parentPath } from "../files/workspacePath";

/**
 * The files of a run the CLI makes, read with `node:fs` — what `gradlens run prog.py` lets a
 * program read: the folder of the program and the current directory (its "workspace", as the
 * CLI decides it), and nothing outside them, symbolic links included (a link is followed, and
 * where it leads must lie inside too). Paths cross to the program as POSIX paths; on Windows a
 * drive becomes `/C:/…`.
 */

/** A native path as the program sees it. */
export function programPath(native: string): string {
  const full = resolve(native);
  if (sep === "/") return normalizePath(full);
  return normalizePath("/" + full.split(sep).join("/"));
}

/** The native path a program's path stands for. */
export function nativePath(path: string): string {
  if (sep === "/") return path;
  return path
    .replace(/^\/([A-Za-z]:)/, "$1")
    .split("/")
    .join(sep);
}

/**
 * The CLI's workspace for `file`: the program's own folder; when the program lies under the
 * current directory, that directory too (the project it was run in: `gradlens run src/train.py`
 * may read `../data/names.txt`); and the git repository the program is in, as an editor opens
 * it (a book's `ch04/train.py` imports `../common` after `sys.path.append(os.pardir)`). A
 * filesystem root is never a workspace folder of its own accord.
 */
export function cliWorkspace(file: string, cwd = process.cwd()): RunWorkspace {
  const program = programPath(isAbsolute(file) ? file : resolve(cwd, file));
  const folder = parentPath(program);
  const roots = [folder];
  const here = programPath(cwd);
  if (here !== folder && isInside(program, here) && !isFilesystemRoot(here)) roots.push(here);
  const repository = repositoryOf(folder);
  if (repository !== null && !roots.some((r) => isInside(repository, r))) roots.push(repository);
  return { programPath: program, roots };
}

/** The nearest folder at or above `folder` that holds a `.git`, or null. */
function repositoryOf(folder: string): string | null {
  for (let dir = folder; !isFilesystemRoot(dir); dir = parentPath(dir))
    if (existsSync(nativePath(`${dir}/.git`))) return dir;
  return null;
}

function isFilesystemRoot(path: string): boolean {
  return /^\/([A-Za-z]:)?$/.test(path);
}

function errorOf(e: unknown): FileAnswer {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return { ok: false, error: "notFound" };
  if (code === "ENOTDIR") return { ok: false, error: "notDirectory" };
  if (code === "EISDIR") return { ok: false, error: "isDirectory" };
  if (code === "EACCES" || code === "EPERM")
    return { ok: false, error: "denied", detail: "the file system does not let GradLens read it" };
  return { ok: false, error: "failed", detail: e instanceof Error ? e.message : String(e) };
}

/** Answers one request from the disk, inside `roots` only (the same answer, synchronously). */
export function answerFromDisk(request: FileRequest, roots: readonly string[]): FileAnswer {
  const path = normalizePath(request.path);
  if (!isInsideAny(path, roots)) return { ok: false, error: "denied" };
  let real: string;
  try {
    real = realpathSync(nativePath(path));
  } catch (e) {
    return errorOf(e);
  }
  // a link may lead out of the workspace: where it leads must be inside (a root's own real path)
  const realRoots = roots.flatMap((r) => {
    try {
      return [programPath(realpathSync(nativePath(r)))];
    } catch {
      return [];
    }
  });
  if (!isInsideAny(programPath(real), realRoots)) return { ok: false, error: "denied" };
  try {
    const stat = statSync(real);
    switch (request.op) {
      case "stat":
        if (!stat.isFile() && !stat.isDirectory()) return { ok: false, error: "notFound" };
        return {
          ok: true,
          op: "stat",
          kind: stat.isDirectory() ? "directory" : "file",
          size: stat.size,
          mtime: stat.mtimeMs / 1000,
        };
      case "read":
        if (stat.isDirectory()) return { ok: false, error: "isDirectory" };
        if (stat.size > MAX_FILE_BYTES) return { ok: false, error: "tooLarge" };
        return { ok: true, op: "read", bytes: new Uint8Array(readFileSync(real)) };
      case "list": {
        if (!stat.isDirectory()) return { ok: false, error: "notDirectory" };
        const entries: DirectoryEntry[] = [];
        for (const d of readdirSync(real, { withFileTypes: true })) {
          let dir = d.isDirectory();
          let file = d.isFile();
          if (d.isSymbolicLink()) {
            try {
              const s = statSync(resolve(real, d.name));
              dir = s.isDirectory();
              file = s.isFile();
            } catch {
              continue; // a dangling link
            }
          }
          if (dir || file) entries.push({ name: d.name, kind: dir ? "directory" : "file" });
        }
        return { ok: true, op: "list", entries };
      }
    }
  } catch (e) {
    return errorOf(e);
  }
}

/** The CLI's owner for runs in the runner process. */
export const diskFileOwner: FileOwner = {
  answer: (request, roots) => Promise.resolve(answerFromDisk(request, roots)),
};

/** The same reads for a run in this process (the CLI's tests, examples): synchronous. */
export function diskFileAccess(roots: readonly string[]): FileAccess {
  return { ask: (request) => answerFromDisk(request, roots) };
}
