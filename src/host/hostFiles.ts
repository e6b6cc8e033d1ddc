import { realpath } from "node:fs/promises";
import * as vscode from "vscode";
import {
  MAX_FILE_BYTES,
  type DirectoryEntry,
  type FileAnswer,
  type FileOwner,
  type FileRequest,
  type RunWorkspace,
} from "../files/fileRequest";
import { isInside, isInsideAny, normalizePath, parentPath } from "../files/workspacePath";
import { CELL_SCHEME, findCell } from "./notebookCells";

/**
 * The files programs read in the editor: the workspace's, through `vscode.workspace.fs`, so
 * untrusted, remote and virtual workspaces work alike. A program sees POSIX paths — a
 * workspace URI's path (`/home/ana/course/names.txt`, `/c:/Users/ana/…`, `/owner/repo/…`) — and
 * may read inside the workspace's folders; a file open on its own (no folder) may read its own
 * folder. A module's source is what its editor shows, saved or not (so editing `helper.py`
 * re-runs its importers with the edit); a data file is read from disk, as CPython reads it.
 */
export class HostFiles implements FileOwner {
  /** Each folder a run was given, by its path, and the URI it stands for (its scheme and authority). */
  private readonly roots = new Map<string, vscode.Uri>();

  /** Where a program in `uri` is and what it may read (a notebook cell: its notebook's `uri`). */
  workspaceFor(given: vscode.Uri): RunWorkspace {
    // a cell's program is its notebook's
    const uri =
      given.scheme === CELL_SCHEME
        ? (findCell(given)?.notebook.uri ?? given.with({ scheme: "file", fragment: "" }))
        : given;
    const program = uri.scheme === "untitled" ? null : normalizePath(uri.path);
    const roots: string[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const path = normalizePath(folder.uri.path);
      this.roots.set(path, folder.uri.with({ path }));
      roots.push(path);
    }
    if (program !== null && !isInsideAny(program, roots)) {
      // a file opened without its folder: it may read beside itself
      const folder = parentPath(program);
      this.roots.set(folder, uri.with({ path: folder, query: "", fragment: "" }));
      roots.push(folder);
    }
    return { programPath: program, roots };
  }

  /** The URI a program's path stands for (null when it lies in no folder a run was given). */
  uriOf(path: string): vscode.Uri | null {
    let best: { root: string; uri: vscode.Uri } | null = null;
    for (const [root, uri] of this.roots)
      if (isInside(path, root) && (!best || root.length > best.root.length)) best = { root, uri };
    return best ? best.uri.with({ path }) : null;
  }

  async answer(request: FileRequest, roots: readonly string[]): Promise<FileAnswer> {
    const path = normalizePath(request.path);
    if (!isInsideAny(path, roots)) return { ok: false, error: "denied" };
    const uri = this.uriOf(path);
    if (!uri) return { ok: false, error: "denied" };
    try {
      if (!(await this.staysInside(uri, roots))) return { ok: false, error: "denied" };
      if (request.op === "read" && request.module) {
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (open?.isDirty) return { ok: true, op: "read", bytes: new TextEncoder().encode(open.getText()) };
      }
      const stat = await vscode.workspace.fs.stat(uri);
      const directory = (stat.type & vscode.FileType.Directory) !== 0;
      switch (request.op) {
        case "stat":
          return {
            ok: true,
            op: "stat",
            kind: directory ? "directory" : "file",
            size: stat.size,
            mtime: stat.mtime / 1000,
          };
        case "read":
          if (directory) return { ok: false, error: "isDirectory" };
          if (stat.size > MAX_FILE_BYTES) return { ok: false, error: "tooLarge" };
          return { ok: true, op: "read", bytes: await vscode.workspace.fs.readFile(uri) };
        case "list": {
          if (!directory) return { ok: false, error: "notDirectory" };
          const entries: DirectoryEntry[] = [];
          for (const [name, type] of await vscode.workspace.fs.readDirectory(uri)) {
            if (type & vscode.FileType.Directory) entries.push({ name, kind: "directory" });
            else if (type & vscode.FileType.File) entries.push({ name, kind: "file" });
          }
          return { ok: true, op: "list", entries };
        }
      }
    } catch (e) {
      return failure(e);
    }
  }

  /**
   * Whether a file on disk, its symbolic links followed, still lies in one of the folders (a
   * link inside the workspace may point anywhere). Virtual file systems have no links to follow.
   */
  private async staysInside(uri: vscode.Uri, roots: readonly string[]): Promise<boolean> {
    if (uri.scheme !== "file") return true;
    let real: string;
    try {
      real = await realpath(uri.fsPath);
    } catch {
      return true; // nothing there: the read itself says so
    }
    const realRoots: string[] = [];
    for (const root of roots) {
      const rootUri = this.uriOf(root);
      if (rootUri?.scheme !== "file") continue;
      try {
        realRoots.push(normalizePath(vscode.Uri.file(await realpath(rootUri.fsPath)).path));
      } catch {
        // a folder that is gone lets nothing in
      }
    }
    return isInsideAny(normalizePath(vscode.Uri.file(real).path), realRoots);
  }
}

function failure(e: unknown): FileAnswer {
  const code = e instanceof vscode.FileSystemError ? e.code : (e as { code?: string }).code;
  switch (code) {
    case "FileNotFound":
    case "ENOENT":
      return { ok: false, error: "notFound" };
    case "FileIsADirectory":
    case "EISDIR":
      return { ok: false, error: "isDirectory" };
    case "FileNotADirectory":
    case "ENOTDIR":
      return { ok: false, error: "notDirectory" };
    case "NoPermissions":
    case "EACCES":
    case "EPERM":
      return { ok: false, error: "denied", detail: "the file system does not let GradLens read it" };
    default:
      return { ok: false, error: "failed", detail: e instanceof Error ? e.message : String(e) };
  }
}
