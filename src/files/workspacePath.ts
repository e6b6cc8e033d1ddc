/**
 * Paths as a program sees them: absolute POSIX paths (`/home/ana/course/names.txt`), whatever the
 * machine — the extension host uses a workspace URI's path, the CLI maps Windows drives to
 * `/C:/…`. Worked out by text alone: `..` is resolved lexically, so a path can never leave a
 * folder by naming its parent (a symbolic link is the owner's to resolve; see nodeFileOwner.ts).
 */

/** `path` with `.`, `..` and doubled or trailing slashes worked out; `..` above `/` stays at `/`. */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return "/" + out.join("/");
}

/** `path` (absolute, or relative to `base`) as a normalised absolute path. */
export function resolvePath(base: string, path: string): string {
  return normalizePath(path.startsWith("/") ? path : `${base}/${path}`);
}

/** The folder a normalised absolute path is in (`/` for `/` itself). */
export function parentPath(path: string): string {
  const at = path.lastIndexOf("/");
  return at <= 0 ? "/" : path.slice(0, at);
}

/** The last part of a path (`names.txt`). */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** `names.txt` inside the folder `dir`. */
export function childPath(dir: string, name: string): string {
  return dir === "/" ? `/${name}` : `${dir}/${name}`;
}

/** Whether the normalised path `path` is `root` or lies under it. */
export function isInside(path: string, root: string): boolean {
  const r = normalizePath(root);
  return r === "/" || path === r || path.startsWith(`${r}/`);
}

/** Whether the normalised path `path` lies in one of `roots`. */
export function isInsideAny(path: string, roots: readonly string[]): boolean {
  return roots.some((root) => isInside(path, root));
}

/** `path` relative to `from` when it lies under it (`data/names.txt`), else the path itself. */
export function relativeTo(path: string, from: string): string {
  if (path === from) return ".";
  return isInside(path, from) ? path.slice(from === "/" ? 1 : from.length + 1) : path;
}
