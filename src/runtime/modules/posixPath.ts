/**
 * The path algebra of Python's `posixpath` (what `os.path` is on Linux and macOS), on strings:
 * no file system is consulted here.
 */

export function isabs(p: string): boolean {
  return p.startsWith("/");
}

export function join(first: string, ...rest: string[]): string {
  let path = first;
  for (const b of rest) {
    if (b.startsWith("/")) path = b;
    else if (path === "" || path.endsWith("/")) path += b;
    else path += "/" + b;
  }
  return path;
}

/** (head, tail): tail is everything after the last `/`, head keeps its leading slashes only. */
export function split(p: string): [string, string] {
  const i = p.lastIndexOf("/") + 1;
  let head = p.slice(0, i);
  const tail = p.slice(i);
  if (head !== "" && head !== "/".repeat(head.length)) head = head.replace(/\/+$/, "");
  return [head, tail];
}

export function dirname(p: string): string {
  return split(p)[0];
}

export function basename(p: string): string {
  return p.slice(p.lastIndexOf("/") + 1);
}

/** (root, ext): the extension starts at the last dot of the last part, unless the part starts with dots. */
export function splitext(p: string): [string, string] {
  const sep = p.lastIndexOf("/");
  const dot = p.lastIndexOf(".");
  if (dot > sep) {
    // leading dots of the name (`.bashrc`, `..x`) are not an extension
    let first = sep + 1;
    while (first < dot && p[first] === ".") first++;
    if (first < dot) return [p.slice(0, dot), p.slice(dot)];
  }
  return [p, ""];
}

export function normpath(p: string): string {
  if (p === "") return ".";
  // POSIX keeps exactly two leading slashes; one or three or more become one
  const initial = p.startsWith("/") ? (p.startsWith("//") && !p.startsWith("///") ? 2 : 1) : 0;
  const parts: string[] = [];
  for (const comp of p.split("/")) {
    if (comp === "" || comp === ".") continue;
    if (
      comp !== ".." ||
      (initial === 0 && parts.length === 0) ||
      (parts.length > 0 && parts[parts.length - 1] === "..")
    )
      parts.push(comp);
    else if (parts.length > 0) parts.pop();
  }
  const out = "/".repeat(initial) + parts.join("/");
  return out === "" ? "." : out;
}

export function abspath(p: string, cwd: string): string {
  return normpath(isabs(p) ? p : join(cwd, p));
}

export function relpath(p: string, start: string, cwd: string): string {
  if (p === "") throw new Error("no path specified");
  const from = abspath(start, cwd)
    .split("/")
    .filter((x) => x !== "");
  const to = abspath(p, cwd)
    .split("/")
    .filter((x) => x !== "");
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  const parts = [...new Array<string>(from.length - common).fill(".."), ...to.slice(common)];
  return parts.length === 0 ? "." : parts.join("/");
}

export function commonprefix(paths: string[]): string {
  if (paths.length === 0) return "";
  const lo = paths.reduce((a, b) => (a < b ? a : b));
  const hi = paths.reduce((a, b) => (a > b ? a : b));
  for (let i = 0; i < lo.length; i++) if (lo[i] !== hi[i]) return lo.slice(0, i);
  return lo;
}

/** `~` and `~/…` become the home directory when one is known; other forms stay as they are. */
export function expanduser(p: string, home: string | null): string {
  if (home === null || !(p === "~" || p.startsWith("~/"))) return p;
  const h = home.replace(/\/+$/, "") || "/";
  return h + p.slice(1);
}
