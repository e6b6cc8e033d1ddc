import { chargeMemory } from "../../engine/memory";
import type { FileAccess } from "../../files/fileAccess";
import {
  FILE_WAIT_MS,
  MAX_FILE_BYTES,
  type DirectoryEntry,
  type FileAnswer,
  type FileKind,
  type RunWorkspace,
} from "../../files/fileRequest";
import { isInsideAny, parentPath, resolvePath } from "../../files/workspacePath";
import type { PyList } from "../interpreter/objects";
import { PyError } from "../interpreter/pyErrors";
import { stringRepr } from "../interpreter/stringify";
import type { WorkspaceFiles } from "../workspaceFiles";

/** Why GradLens refused, shown after CPython's own message when nothing catches the error. */
const OUTSIDE_HINT = "GradLens programs may only read files inside the workspace";
const NO_WORKSPACE_HINT =
  "GradLens programs may only read files inside the workspace, and this program has none";

/** CPython's `[Errno n] text: 'path'` OSErrors, by what went wrong. */
const ERRNO: Record<Exclude<FileAnswer, { ok: true }>["error"], [string, number, string]> = {
  notFound: ["FileNotFoundError", 2, "No such file or directory"],
  isDirectory: ["IsADirectoryError", 21, "Is a directory"],
  notDirectory: ["NotADirectoryError", 20, "Not a directory"],
  denied: ["PermissionError", 13, "Permission denied"],
  tooLarge: ["OSError", 27, "File too large"],
  timeout: ["OSError", 5, "Input/output error"],
  failed: ["OSError", 5, "Input/output error"],
};

/** The OSError CPython raises for `given` (the path as the program wrote it), with GradLens's reason as a hint. */
export function osError(error: keyof typeof ERRNO, given: string, hint: string | null = null): PyError {
  const [type, errno, text] = ERRNO[error];
  const e = new PyError(type, `[Errno ${errno}] ${text}: ${stringRepr(given)}`);
  e.hint = hint;
  return e;
}

/**
 * The files one run of a program may read, and what it read: paths as the program writes them
 * are resolved against its folder (a notebook's: the notebook's), as `python3 prog.py` run in
 * that folder would; anything outside the workspace's folders is a PermissionError before any
 * question is asked (the owner refuses it again on its side). Questions go to the run's
 * FileAccess (the worker's bridge, cached per request). The same view answers `os`, `os.path`
 * and `sys` (WorkspaceFiles: the shape the standard modules take); `os.chdir` moves `cwd`.
 */
export class ProgramFiles implements WorkspaceFiles {
  /** The program's own folder, else the first workspace folder; null with neither. */
  readonly folder: string | null;
  /** The working directory relative paths resolve against: `folder` (or `/`) until `os.chdir` moves it. */
  cwd: string;
  /** Where `import name` looks, in order (CPython's `sys.path`): the program's folder, then the workspace's. */
  readonly searchPath: readonly string[];
  private readonly roots: readonly string[];
  /** The run's `sys.path` list, once `sys` is imported. */
  sysPath?: PyList;
  /** Every path the run read, looked at or listed: a change to one of them (or inside a listed folder) re-runs it. */
  readonly inputs = new Set<string>();

  constructor(
    private readonly access: FileAccess,
    workspace: RunWorkspace | undefined,
  ) {
    const roots = workspace?.roots ?? [];
    this.roots = roots;
    const own = workspace?.programPath ? parentPath(resolvePath("/", workspace.programPath)) : null;
    this.folder = own ?? (roots.length > 0 ? resolvePath("/", roots[0]) : null);
    this.cwd = this.folder ?? "/";
    const search = own !== null && isInsideAny(own, roots) ? [own] : [];
    for (const root of roots) {
      const r = resolvePath("/", root);
      if (!search.includes(r)) search.push(r);
    }
    this.searchPath = search;
  }

  /**
   * The folders `import` searches now: the program's `sys.path` entries (relative ones against
   * the working directory, as CPython resolves them), then the workspace's folders, which GradLens
   * also searches so that a package at the workspace's root imports from any folder.
   */
  importPath(): string[] {
    const dirs: string[] = [];
    for (const entry of this.sysPath?.items ?? this.searchPath) {
      if (typeof entry !== "string") continue;
      const dir = resolvePath(this.cwd, entry === "" ? "." : entry);
      if (this.readable(dir) && !dirs.includes(dir)) dirs.push(dir);
    }
    for (const dir of this.searchPath) if (!dirs.includes(dir)) dirs.push(dir);
    return dirs;
  }

  /** The absolute path `given` names; PermissionError when it lies outside the workspace. */
  resolve(given: string): string {
    const path = resolvePath(this.cwd, given);
    if (!isInsideAny(path, this.roots))
      throw osError("denied", given, this.roots.length === 0 ? NO_WORKSPACE_HINT : OUTSIDE_HINT);
    return path;
  }

  /** Whether `path` (absolute, normalised) lies in the workspace. */
  readable(path: string): boolean {
    return isInsideAny(path, this.roots);
  }

  /**
   * The bytes of the file at `path` (`given`: as the program wrote it, for the message). Charged
   * against the memory budget; FileNotFoundError, IsADirectoryError, … as CPython words them.
   */
  read(path: string, given: string, module = false): Uint8Array {
    this.inputs.add(path);
    const answer = this.access.ask({ op: "read", path, module });
    if (!answer.ok) throw this.failure(answer, given);
    if (answer.op !== "read") throw osError("failed", given, "GradLens got an answer to another question");
    if (answer.bytes.length > MAX_FILE_BYTES) throw osError("tooLarge", given, tooLargeHint());
    chargeMemory(answer.bytes.length);
    return answer.bytes;
  }

  /** What `path` is, or null when nothing is there (or it may not be seen). */
  stat(path: string): { kind: FileKind; size: number; mtime: number | null } | null {
    if (!this.readable(path)) return null;
    this.inputs.add(path);
    const answer = this.access.ask({ op: "stat", path });
    if (answer.ok && answer.op === "stat")
      return { kind: answer.kind, size: answer.size, mtime: answer.mtime ?? null };
    if (
      answer.ok ||
      answer.error === "notFound" ||
      answer.error === "denied" ||
      answer.error === "notDirectory"
    )
      return null;
    throw this.failure(answer, path);
  }

  /** The entries of the folder `path`, or the error CPython's `os.listdir(given)` raises. */
  entries(path: string, given: string): DirectoryEntry[] {
    this.inputs.add(path);
    const answer = this.access.ask({ op: "list", path });
    if (!answer.ok) throw this.failure(answer, given);
    if (answer.op !== "list") throw osError("failed", given, "GradLens got an answer to another question");
    return answer.entries;
  }

  /** The entries of the folder `path`, or null when it is no readable folder (a module search). */
  entriesOrNull(path: string): DirectoryEntry[] | null {
    if (!this.readable(path)) return null;
    try {
      return this.entries(path, path);
    } catch (e) {
      if (e instanceof PyError && e.pyType !== "OSError") return null;
      throw e;
    }
  }

  /** `os.path`'s view: a file, a folder, or nothing (absent, or outside the workspace). */
  kind(path: string): "file" | "dir" | null {
    const s = this.stat(path);
    return s === null ? null : s.kind === "directory" ? "dir" : "file";
  }

  /** `os.path.getsize`'s view: the size of what is at `path`, or null when nothing (readable) is there. */
  size(path: string): number | null {
    return this.stat(path)?.size ?? null;
  }

  /** `os.listdir`'s view of a folder: its names, or null when it is none (or outside). */
  list(path: string): string[] | null {
    return this.entriesOrNull(path)?.map((e) => e.name) ?? null;
  }

  private failure(answer: Extract<FileAnswer, { ok: false }>, given: string): PyError {
    switch (answer.error) {
      case "denied":
        return osError("denied", given, answer.detail ?? OUTSIDE_HINT);
      case "tooLarge":
        return osError("tooLarge", given, tooLargeHint());
      case "timeout":
        return osError(
          "timeout",
          given,
          `GradLens asked for this file and got no answer within ${FILE_WAIT_MS / 1000} seconds`,
        );
      case "failed":
        return osError("failed", given, answer.detail ?? null);
      default:
        return osError(answer.error, given);
    }
  }
}

function tooLargeHint(): string {
  return `GradLens programs may read files of at most ${MAX_FILE_BYTES / (1024 * 1024)} MB`;
}
