/**
 * What a running program asks of the files around it, and the answers. The interpreter asks
 * synchronously (worker side: fileBridge.ts blocks its thread until the answer is there); the
 * run's owner — the extension host through `vscode.workspace.fs`, the CLI through `node:fs` —
 * reads and answers. Every path is an absolute POSIX path, already normalised (workspacePath.ts);
 * the owner answers `denied` for anything outside the roots it gave the run, whatever it is asked.
 */

/** The largest file a program may read (its bytes cross two process boundaries and become a str). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** How long a running program waits for an answer before its read fails with OSError. */
export const FILE_WAIT_MS = 30_000;

export type FileRequest =
  /**
   * The file's bytes. `module`: it is a module's source, and an editor's unsaved text of it
   * counts (the host answers with what the user sees; data files are read from disk, as CPython).
   */
  | { op: "read"; path: string; module?: boolean }
  /** What `path` is: a file (and its size) or a directory, and when it last changed. */
  | { op: "stat"; path: string }
  /** The entries of the directory `path`. */
  | { op: "list"; path: string };

export type FileKind = "file" | "directory";

export interface DirectoryEntry {
  name: string;
  kind: FileKind;
}

/**
 * Why a request failed: no such file; a directory where a file was wanted or the reverse;
 * outside the workspace (or no workspace); larger than MAX_FILE_BYTES; no answer within
 * FILE_WAIT_MS; or the owner could not read it (`detail` says why).
 */
export type FileError =
  "notFound" | "isDirectory" | "notDirectory" | "denied" | "tooLarge" | "timeout" | "failed";

export type FileAnswer =
  | { ok: true; op: "read"; bytes: Uint8Array }
  /** `mtime`: seconds since the epoch (an owner that cannot tell leaves it out). */
  | { ok: true; op: "stat"; kind: FileKind; size: number; mtime?: number }
  | { ok: true; op: "list"; entries: DirectoryEntry[] }
  | { ok: false; error: FileError; detail?: string };

/** Where a run's files are: its program and the folders it may read (see README, "Files and modules"). */
export interface RunWorkspace {
  /** The program's own file (a notebook's: the notebook), an absolute POSIX path; null when unsaved. */
  programPath: string | null;
  /** The folders whose files the program may read, absolute POSIX paths. */
  roots: string[];
}

/**
 * Answers a run's file requests: the extension host's reader, the CLI's. `roots` are the
 * folders the run was given (RunWorkspace.roots), which the owner enforces itself.
 */
export interface FileOwner {
  answer(request: FileRequest, roots: readonly string[]): Promise<FileAnswer>;
}

const FILE_ERRORS: readonly string[] = [
  "notFound",
  "isDirectory",
  "notDirectory",
  "denied",
  "tooLarge",
  "timeout",
  "failed",
] satisfies FileError[];

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null;
const isPath = (x: unknown): x is string => typeof x === "string" && x.startsWith("/") && !x.includes("\0");

/** Whether `x` is a well-formed FileRequest (the host checks what the runner asks before reading). */
export function isFileRequest(x: unknown): x is FileRequest {
  if (!isRecord(x) || !isPath(x.path)) return false;
  if (x.op === "read") return x.module === undefined || typeof x.module === "boolean";
  return x.op === "stat" || x.op === "list";
}

/** Whether `x` is a well-formed FileAnswer (the runner checks what the host answers). */
export function isFileAnswer(x: unknown): x is FileAnswer {
  if (!isRecord(x)) return false;
  if (x.ok === false)
    return (
      typeof x.error === "string" &&
      FILE_ERRORS.includes(x.error) &&
      (x.detail === undefined || typeof x.detail === "string")
    );
  if (x.ok !== true) return false;
  switch (x.op) {
    case "read":
      return x.bytes instanceof Uint8Array && x.bytes.length <= MAX_FILE_BYTES;
    case "stat":
      return (
        (x.kind === "file" || x.kind === "directory") &&
        typeof x.size === "number" &&
        x.size >= 0 &&
        (x.mtime === undefined || (typeof x.mtime === "number" && Number.isFinite(x.mtime)))
      );
    case "list":
      return (
        Array.isArray(x.entries) &&
        x.entries.every(
          (e) =>
            isRecord(e) &&
            typeof e.name === "string" &&
            e.name !== "" &&
            !e.name.includes("/") &&
            (e.kind === "file" || e.kind === "directory"),
        )
      );
    default:
      return false;
  }
}

/** Whether `x` is a well-formed RunWorkspace. */
export function isRunWorkspace(x: unknown): x is RunWorkspace {
  return (
    isRecord(x) &&
    (x.programPath === null || isPath(x.programPath)) &&
    Array.isArray(x.roots) &&
    x.roots.every(isPath)
  );
}
