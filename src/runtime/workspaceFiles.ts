/**
 * What a program may learn about the files around it: `os.path.exists`, `isfile`, `isdir`,
 * `os.listdir`, `os.getcwd`. The interpreter never touches a disk itself; whoever runs it
 * supplies this view (the CLI: the real files under the program's folder; the extension: the
 * workspace as VS Code reads it; tests: a list of paths). By default nothing exists.
 *
 * Paths given to `kind` and `list` are absolute POSIX paths, already normalised (no `.`, `..`
 * or doubled `/`); the view answers null for anything outside what the program may read.
 */
export interface WorkspaceFiles {
  /** The program's working directory: an absolute POSIX path. */
  readonly cwd: string;
  /** Whether `path` is a file, a directory, or neither (absent or not readable). */
  kind(path: string): "file" | "dir" | null;
  /** The names in the directory `path` (no `.` or `..`), or null when it is not a readable directory. */
  list(path: string): string[] | null;
}

/** The view with no files at all: every path is absent, the working directory is `/`. */
export const NO_FILES: WorkspaceFiles = {
  cwd: "/",
  kind: () => null,
  list: () => null,
};

/**
 * A view of a fixed set of files, given as absolute POSIX paths (their folders exist too): a
 * snapshot that can cross a process boundary as plain data (`{ cwd, files }`).
 */
export interface WorkspaceSnapshot {
  cwd: string;
  files: readonly string[];
}

export function filesFromSnapshot(snapshot: WorkspaceSnapshot): WorkspaceFiles {
  const files = new Set<string>();
  const children = new Map<string, Set<string>>([["/", new Set()]]);
  for (const path of snapshot.files) {
    const parts = path.split("/").filter((p) => p !== "");
    if (parts.length === 0) continue;
    files.add("/" + parts.join("/"));
    for (let i = 0; i < parts.length; i++) {
      const dir = "/" + parts.slice(0, i).join("/");
      let names = children.get(dir);
      if (!names) children.set(dir, (names = new Set()));
      names.add(parts[i]);
    }
  }
  return {
    cwd: snapshot.cwd,
    kind: (path) => (children.has(path) ? "dir" : files.has(path) ? "file" : null),
    list: (path) => {
      const names = children.get(path);
      return names ? [...names].sort() : null;
    },
  };
}
