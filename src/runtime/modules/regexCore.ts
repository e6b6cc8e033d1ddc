import { PyClass, PyDict, PyInstance, PyModule, PyTuple, int, type PyValue } from "../interpreter/objects";
import { PyError, typeError } from "../interpreter/pyErrors";
import { dictSet } from "../interpreter/collections";
import { defineFunction, intArg } from "./native";

/**
 * The engine under `re` (written in Python, pythonStdlib/reSource.ts): a Python pattern
 * translated to a JavaScript RegExp, and one search at a time. The translation keeps Python's
 * meaning where the two differ: `^`, `$`, `\A`, `\Z` and `.` are spelled out (JavaScript's `$`
 * ignores a final newline, its `.` also stops at `\r`), `(?P<name>…)` and `(?P=name)` become
 * named groups and `\k<name>`, a leading `]` in a class is literal, `{,n}` is `{0,n}`, and
 * verbose patterns lose their spaces and comments.
 */

const IGNORECASE = 2;
const MULTILINE = 8;
const DOTALL = 16;
const VERBOSE = 64;

/** Inline flags at the start of a pattern (`(?i)`), as their bits. */
const INLINE: Record<string, number> = {
  a: 256,
  i: IGNORECASE,
  L: 4,
  m: MULTILINE,
  s: DOTALL,
  u: 32,
  x: VERBOSE,
};

interface Compiled {
  search: RegExp;
  sticky: RegExp;
  full: RegExp;
  groups: number;
  names: Map<string, number>;
  flags: number;
}

const compiled = new WeakMap<PyInstance, Compiled>();

/** A bad pattern: a ValueError the Python side raises again as `re.error`. */
function reError(message: string, position: number | null = null): PyError {
  return new PyError("ValueError", position === null ? message : `${message} at position ${position}`);
}

/** Python's pattern as JavaScript's, with the flags the pattern sets for itself and its groups. */
export function translate(
  pattern: string,
  flagsIn: number,
): Omit<Compiled, "search" | "sticky" | "full"> & { source: string } {
  let flags = flagsIn;
  let i = 0;
  // global inline flags: `(?im)` at the start
  for (
    let m = /^\(\?([aiLmsux]+)\)/.exec(pattern.slice(i));
    m !== null;
    m = /^\(\?([aiLmsux]+)\)/.exec(pattern.slice(i))
  ) {
    for (const c of m[1]) flags |= INLINE[c];
    i += m[0].length;
  }
  const verbose = (flags & VERBOSE) !== 0;
  const line = (flags & MULTILINE) !== 0;
  const names = new Map<string, number>();
  let groups = 0;
  let out = "";
  while (i < pattern.length) {
    const c = pattern[i];
    if (verbose && /\s/.test(c)) {
      i++;
      continue;
    }
    if (verbose && c === "#") {
      while (i < pattern.length && pattern[i] !== "\n") i++;
      continue;
    }
    if (c === "\\") {
      const next = pattern[i + 1];
      if (next === undefined) throw reError("bad escape (end of pattern)", i);
      if (next === "A") out += "(?<![\\s\\S])";
      else if (next === "Z") out += "(?![\\s\\S])";
      else out += c + next;
      i += 2;
      continue;
    }
    if (c === "[") {
      // a class, copied to its closing bracket; a `]` first in it is a literal
      let j = i + 1;
      let body = "[";
      if (pattern[j] === "^") {
        body += "^";
        j++;
      }
      if (pattern[j] === "]") {
        body += "\\]";
        j++;
      }
      while (j < pattern.length && pattern[j] !== "]") {
        if (pattern[j] === "\\") {
          body += pattern.slice(j, j + 2);
          j += 2;
        } else if (pattern[j] === "[") {
          body += "\\[";
          j++;
        } else body += pattern[j++];
      }
      if (j >= pattern.length) throw reError("unterminated character set", i);
      out += body + "]";
      i = j + 1;
      continue;
    }
    if (c === "(") {
      if (pattern.startsWith("(?P<", i)) {
        const end = pattern.indexOf(">", i);
        const name = pattern.slice(i + 4, end);
        if (end < 0 || !/^[A-Za-z_]\w*$/.test(name))
          throw reError(`bad character in group name '${name}'`, i + 4);
        names.set(name, ++groups);
        out += `(?<${name}>`;
        i = end + 1;
        continue;
      }
      if (pattern.startsWith("(?P=", i)) {
        const end = pattern.indexOf(")", i);
        const name = pattern.slice(i + 4, end);
        if (!names.has(name)) throw reError(`unknown group name '${name}'`, i + 4);
        out += `\\k<${name}>`;
        i = end + 1;
        continue;
      }
      if (pattern.startsWith("(?#", i)) {
        const end = pattern.indexOf(")", i);
        if (end < 0) throw reError("missing ), unterminated comment", i);
        i = end + 1;
        continue;
      }
      if (pattern[i + 1] === "?") {
        const kind = pattern.slice(i + 2, i + 4);
        if (!(kind[0] === ":" || kind[0] === "=" || kind[0] === "!" || kind === "<=" || kind === "<!"))
          throw new PyError(
            "NotImplementedError",
            `GradLens's re does not run the group '(?${kind[0] ?? ""}' (inline flags inside a pattern, conditionals)`,
          );
      } else groups++;
      out += c;
      i++;
      continue;
    }
    if (c === "$") out += line ? "(?=\\n|(?![\\s\\S]))" : "(?=\\n?(?![\\s\\S]))";
    else if (c === "^") out += line ? "(?:(?<![\\s\\S])|(?<=\\n))" : "(?<![\\s\\S])";
    else if (c === ".") out += (flags & DOTALL) !== 0 ? "[\\s\\S]" : "[^\\n]";
    else if (c === "{" && pattern[i + 1] === ",") out += "{0";
    else out += c;
    i++;
  }
  return { source: out, groups, names, flags };
}

/** `_compile(pattern, flags)` → (handle, flags, groups, groupindex). */
function compile(pattern: PyValue, flags: PyValue): PyValue {
  if (typeof pattern !== "string") throw typeError("first argument must be string or compiled pattern");
  const t = translate(pattern, intArg(flags));
  const js = (t.flags & IGNORECASE) !== 0 ? "di" : "d";
  let search: RegExp;
  try {
    search = new RegExp(t.source, js + "g");
  } catch (e) {
    throw reError((e as Error).message.replace(/^Invalid regular expression: /, ""));
  }
  const handle = new PyInstance(handleClass);
  compiled.set(handle, {
    search,
    sticky: new RegExp(t.source, js + "y"),
    full: new RegExp(`(?:${t.source})(?![\\s\\S])`, js + "y"),
    groups: t.groups,
    names: t.names,
    flags: t.flags,
  });
  const index = new PyDict();
  for (const [name, n] of t.names) dictSet(index, name, int(n));
  return new PyTuple([handle, int(t.flags), int(t.groups), index]);
}

/**
 * `_exec(handle, string, pos, endpos, mode)`: the spans of a match (start and end of the whole
 * match, then of each group, -1 for a group that took no part) or None. Mode 0 searches from
 * pos, 1 matches at pos, 2 matches all of string[pos:endpos].
 */
function exec(handle: PyValue, string: PyValue, pos: PyValue, endpos: PyValue, mode: PyValue): PyValue {
  const c = handle instanceof PyInstance ? compiled.get(handle) : undefined;
  if (c === undefined || typeof string !== "string")
    throw typeError("expected a compiled pattern and a string");
  const end = Math.max(0, Math.min(string.length, intArg(endpos)));
  const start = Math.max(0, Math.min(end, intArg(pos)));
  const m = intArg(mode);
  const re = m === 0 ? c.search : m === 1 ? c.sticky : c.full;
  re.lastIndex = start;
  const found = re.exec(end === string.length ? string : string.slice(0, end));
  if (found === null) return null;
  const spans: PyValue[] = [];
  for (let g = 0; g <= c.groups; g++) {
    const span = found.indices?.[g];
    spans.push(int(span ? span[0] : -1), int(span ? span[1] : -1));
  }
  return new PyTuple(spans);
}

const handleClass = new PyClass("_Compiled", null, "re");

export function makeRegexCoreModule(): PyModule {
  const m = new PyModule("_gradlens_re");
  defineFunction(m, "_compile", ([pattern, flags]) => compile(pattern, flags ?? int(0)));
  defineFunction(m, "_exec", ([handle, string, pos, endpos, mode]) =>
    exec(handle, string, pos, endpos, mode),
  );
  return m;
}
