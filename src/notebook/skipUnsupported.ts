import type { Span } from "../trace/trace";

/** A line (or statement) of a cell that GradLens does not run, and why. */
export interface SkippedCode {
  /** Offsets in the cell's text. */
  span: Span;
  reason: string;
}

/** The cell's text with what GradLens cannot run blanked out, offsets unchanged. */
export interface RunnableCell {
  text: string;
  skipped: SkippedCode[];
}

/**
 * Libraries that only draw and that GradLens does not run: importing them is skipped, and so
 * is every statement that uses them. (matplotlib, graphviz and IPython.display run.)
 */
const PLOTTING = new Set(["seaborn", "plotly"]);
/**
 * Libraries GradLens does not have whose import a notebook should skip (a later use is then a
 * NameError). None at present: numpy runs; other libraries' imports are reported where they are.
 */
const MISSING = new Set<string>([]);
/** Cell magics whose body is not Python: the whole cell is skipped. */
const FOREIGN_CELL_MAGICS = new Set([
  "bash",
  "sh",
  "script",
  "html",
  "HTML",
  "javascript",
  "js",
  "latex",
  "markdown",
  "svg",
  "writefile",
  "perl",
  "ruby",
  "system",
]);

/**
 * Blanks out what a notebook cell holds besides the Python GradLens runs — IPython magics
 * (`%…`, `%%…`, `%matplotlib inline` among them), shell lines (`!…`), imports of the plotting
 * libraries GradLens does not run, and statements that use such a plotting library's name —
 * each replaced by text of the same length (`pass` where a
 * block may need a statement, else spaces) so offsets in the program still map back to the cell.
 * `aliases` collects the names plotting imports bound; pass the same set for every cell in order,
 * as a later cell uses what an earlier one imported.
 */
export function skipUnsupported(text: string, aliases = new Set<string>()): RunnableCell {
  const lines = splitLines(text);
  const skipped: SkippedCode[] = [];
  const out = lines.map((l) => l.text);
  const continued = continuationLines(lines);

  const first = lines.find((l) => l.text.trim() !== "");
  const cellMagic = first && /^\s*%%(\w+)/.exec(first.text);
  if (cellMagic && FOREIGN_CELL_MAGICS.has(cellMagic[1])) {
    skipped.push({ span: { from: first.from, to: text.length }, reason: `cell magic \`%%${cellMagic[1]}\`` });
    return { text: text.replace(/[^\n]/g, " "), skipped };
  }

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].text;
    const body = line.trim();
    // Inside an open bracket a line is part of the statement above (`% b` is a remainder there).
    if (continued[i]) continue;
    let reason: string | null = null;
    let last = i;
    if (body.startsWith("%")) reason = `IPython magic \`${shorten(body)}\``;
    else if (body.startsWith("!")) reason = `shell command \`${shorten(body)}\``;
    else {
      // `import numpy as np  # for arrays`: the comment is not part of the import
      const imported = unsupportedImport(body.replace(/\s+#.*$/, ""));
      if (imported) {
        reason = `\`${shorten(body)}\`: ${imported.module} is not available in GradLens`;
        if (PLOTTING.has(imported.module)) for (const alias of imported.aliases) aliases.add(alias);
        last = statementEnd(continued, i);
      } else if (usesAlias(body, aliases)) {
        reason = `\`${shorten(body)}\`: plotting is not run by GradLens`;
        last = statementEnd(continued, i);
      }
    }
    if (reason === null) continue;
    skipped.push({ span: { from: lines[i].from, to: lines[last].from + lines[last].text.length }, reason });
    out[i] = placeholder(line);
    for (let j = i + 1; j <= last; j++) out[j] = " ".repeat(lines[j].text.length);
    i = last;
  }
  return { text: out.join("\n"), skipped };
}

interface Line {
  text: string;
  from: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let from = 0;
  for (const part of text.split("\n")) {
    lines.push({ text: part, from });
    from += part.length + 1;
  }
  return lines;
}

/** `pass` at the line's indentation keeps an enclosing block valid; short lines become spaces. */
function placeholder(line: string): string {
  const indent = /^\s*/.exec(line)![0];
  const rest = line.length - indent.length;
  // A trailing `\r` (CRLF cells) stays, so line ends are unchanged.
  const cr = line.endsWith("\r") ? "\r" : "";
  if (rest - cr.length < 4) return line.replace(/[^\s]/g, " ");
  return indent + "pass" + " ".repeat(rest - 4 - cr.length) + cr;
}

/** The module an `import`/`from … import` of an unsupported library names, and the names it binds. */
function unsupportedImport(body: string): { module: string; aliases: string[] } | null {
  const from = /^from\s+([\w.]+)\s+import\s+(.+)$/.exec(body);
  if (from) {
    const module = from[1].split(".")[0];
    if (!PLOTTING.has(module) && !MISSING.has(module)) return null;
    const names = from[2].replace(/[()\\]/g, " ").split(",");
    return { module, aliases: names.map(boundName).filter((n) => n !== "") };
  }
  const plain = /^import\s+(.+)$/.exec(body);
  if (!plain) return null;
  const parts = plain[1].split(",").map((p) => p.trim());
  const modules = parts.map((p) => p.split(/\s+/)[0].split(".")[0]);
  const module = modules.find((m) => PLOTTING.has(m) || MISSING.has(m));
  if (!module) return null;
  return { module, aliases: parts.map(boundName).filter((n) => n !== "") };
}

/** `a.b as c` binds `c`; `a.b` binds `a`. */
function boundName(part: string): string {
  const words = part.trim().split(/\s+/);
  if (words.length === 3 && words[1] === "as") return words[2];
  return (words[0] ?? "").split(".")[0];
}

function usesAlias(body: string, aliases: Set<string>): boolean {
  if (aliases.size === 0 || body.startsWith("#")) return false;
  for (const alias of aliases) {
    if (new RegExp(`(^|[^\\w.])${escapeRegExp(alias)}\\s*[.(]`).test(body)) return true;
  }
  return false;
}

/** The last line of the statement starting at line `i`: brackets left open continue it, as does `\`. */
function statementEnd(continued: boolean[], i: number): number {
  let j = i;
  while (j + 1 < continued.length && continued[j + 1]) j++;
  return j;
}

/** For each line, whether it continues the statement above: a bracket left open, or a `\`. */
function continuationLines(lines: Line[]): boolean[] {
  const continued: boolean[] = [];
  let depth = 0;
  let backslash = false;
  for (const line of lines) {
    continued.push(depth > 0 || backslash);
    // Strings and comments do not count; a string spanning lines is beyond this simple scan.
    const code = line.text.replace(/(["'])(?:\\.|(?!\1).)*\1/g, "").replace(/#.*$/, "");
    for (const ch of code) {
      if ("([{".includes(ch)) depth++;
      else if (")]}".includes(ch)) depth = Math.max(0, depth - 1);
    }
    backslash = code.trimEnd().endsWith("\\");
  }
  return continued;
}

function shorten(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 39)}…`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
