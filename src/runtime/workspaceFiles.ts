import type { PyList } from "./interpreter/objects";

/**
 * What the standard modules may learn about the files around a run: `os.path.exists`, `isfile`,
 * `isdir`, `getsize`, `os.listdir`, `os.getcwd`/`chdir`. The interpreter never touches a disk
 * itself: a run's view is its ProgramFiles (runtime/files/programFiles.ts), which asks the run's
 * owner (the extension host through `vscode.workspace.fs`, the CLI through `node:fs`) and is the
 * same view `open()` and the program's own imports read through. By default nothing exists.
 *
 * Paths given to `kind`, `list` and `size` are absolute POSIX paths, already normalised (no `.`,
 * `..` or doubled `/`); the view answers null for anything outside what the program may read.
 */
export interface WorkspaceFiles {
  /** The program's working directory, an absolute POSIX path; `os.chdir` moves it (and `open()` follows). */
  cwd: string;
  /**
   * The run's `sys.path` once `sys` is imported (the program may append to it, as
   * `sys.path.append(os.pardir)` does), so that `import` searches what the program asked for.
   */
  sysPath?: PyList;
  /** Whether `path` is a file, a directory, or neither (absent or not readable). */
  kind(path: string): "file" | "dir" | null;
  /** The names in the directory `path` (no `.` or `..`), or null when it is not a readable directory. */
  list(path: string): string[] | null;
  /** The size in bytes of the file or folder `path`, or null when nothing readable is there. */
  size(path: string): number | null;
  /** What is at `path`, its size and modification time (seconds; null when the owner cannot tell), or null. */
  stat(path: string): { kind: "file" | "directory"; size: number; mtime: number | null } | null;
}

/** The view with no files at all: every path is absent, the working directory is `/` (it cannot move). */
export const NO_FILES: WorkspaceFiles = {
  get cwd() {
    return "/";
  },
  set cwd(_path: string) {
    // nothing exists, so os.chdir has already failed
  },
  get sysPath() {
    return undefined;
  },
  set sysPath(_list: PyList | undefined) {
    // shared by every run without files: nothing to search
  },
  kind: () => null,
  list: () => null,
  size: () => null,
  stat: () => null,
};
