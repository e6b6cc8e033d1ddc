import type { FileAccess } from "../fileAccess";
import { MAX_FILE_BYTES, type DirectoryEntry, type FileAnswer, type FileRequest } from "../fileRequest";
import { childPath, isInsideAny, normalizePath, parentPath } from "../workspacePath";

/**
 * A workspace in memory for tests: files by absolute path (text is stored as UTF-8), their
 * folders implied, readable inside `roots` only — the same answers a real owner gives. Counts
 * the questions it is asked, so tests can see what a cache saved.
 */
export class MemoryFiles implements FileAccess {
  readonly files = new Map<string, Uint8Array>();
  readonly asked: FileRequest[] = [];
  /** The modification time every file and folder reports (seconds since the epoch). */
  mtime = 1700000000.25;

  constructor(
    files: Record<string, string | Uint8Array>,
    readonly roots: readonly string[] = ["/ws"],
  ) {
    for (const [path, content] of Object.entries(files)) this.write(path, content);
  }

  write(path: string, content: string | Uint8Array): void {
    this.files.set(
      normalizePath(path),
      typeof content === "string" ? new TextEncoder().encode(content) : content,
    );
  }

  private isDirectory(path: string): boolean {
    if (path === "/") return true;
    for (const f of this.files.keys()) if (f.startsWith(`${path}/`)) return true;
    return false;
  }

  ask(request: FileRequest): FileAnswer {
    this.asked.push(request);
    const path = normalizePath(request.path);
    if (!isInsideAny(path, this.roots)) return { ok: false, error: "denied" };
    const file = this.files.get(path);
    // a path through a file (`names.txt/x`) is not a directory
    for (let p = parentPath(path); p !== "/"; p = parentPath(p))
      if (this.files.has(p)) return { ok: false, error: "notDirectory" };
    switch (request.op) {
      case "read":
        if (file)
          return file.length > MAX_FILE_BYTES
            ? { ok: false, error: "tooLarge" }
            : { ok: true, op: "read", bytes: file };
        return { ok: false, error: this.isDirectory(path) ? "isDirectory" : "notFound" };
      case "stat":
        if (file) return { ok: true, op: "stat", kind: "file", size: file.length, mtime: this.mtime };
        return this.isDirectory(path)
          ? { ok: true, op: "stat", kind: "directory", size: 4096, mtime: this.mtime }
          : { ok: false, error: "notFound" };
      case "list": {
        if (file) return { ok: false, error: "notDirectory" };
        if (!this.isDirectory(path)) return { ok: false, error: "notFound" };
        const entries = new Map<string, DirectoryEntry>();
        for (const f of this.files.keys()) {
          if (!f.startsWith(path === "/" ? "/" : `${path}/`)) continue;
          const rest = f.slice(path === "/" ? 1 : path.length + 1);
          const name = rest.split("/")[0];
          entries.set(name, { name, kind: rest.includes("/") ? "directory" : "file" });
        }
        return {
          ok: true,
          op: "list",
          entries: [...entries.values()].sort((a, b) => (a.name < b.name ? -1 : 1)),
        };
      }
    }
  }
}

/** `childPath` again, for tests that build paths. */
export { childPath };
