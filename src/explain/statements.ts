import type { Span } from "../trace/trace";

/**
 * Where the source binds names, read from the text alone. The trace records every place a name
 * stood for a value but not whether it was read or written there, and the host needs this on
 * text that may have moved on since the run, so a small scanner (strings, comments, brackets,
 * continuations) is enough: no parse tree is kept around for it.
 */

/** One simple statement (`a = 1; b = 2` is two) and the ranges holding the names it binds. */
export interface Statement {
  /** First character of the statement. */
  from: number;
  /** Just after its last character, comments and trailing blanks excluded. */
  to: number;
  /** `a, b` in `a, b = f()`, `x` in `for x in xs:`, `y` in `y += 1`; empty when it binds nothing. */
  targets: Span[];
}

interface RawStatement {
  from: number;
  to: number;
  /** Top-level assignment operators: where the operator starts and just after its `=`. */
  assigns: { start: number; end: number; augmented: boolean }[];
  /** The first top-level `:` (a compound statement's header ends there). */
  colon: number | null;
}

const COMPOUND = new Set(["if", "elif", "else", "while", "with", "try", "except", "finally", "def", "class"]);

/** The source's statements in order; a statement spanning several lines (open brackets, `\`) is one. */
export function statements(source: string): Statement[] {
  return scan(source).map((raw) => ({ from: raw.from, to: raw.to, targets: targetsOf(source, raw) }));
}

/** Whether `name` is still spelled at `span` as a whole word (the text may have changed since the run). */
export function spellsName(source: string, span: Span, name: string): boolean {
  return (
    source.slice(span.from, span.to) === name &&
    !/[\w]/.test(source[span.from - 1] ?? "") &&
    !/[\w]/.test(source[span.to] ?? "")
  );
}

/**
 * Whether the name at `span` is bound by `statement` (`x` in `x = …`), rather than read in its
 * target (`x` in `x.data = …` or `a[x] = …`).
 */
export function bindsName(source: string, statement: Statement, span: Span): boolean {
  const target = statement.targets.find((t) => t.from <= span.from && span.to <= t.to);
  if (!target) return false;
  const after = source.slice(span.to, target.to).trimStart();
  if (after.startsWith(".") || after.startsWith("[") || after.startsWith("(")) return false;
  // Inside an unclosed `[`/`(` that follows an expression, it is an index or an argument.
  let depth = 0;
  for (let i = span.from - 1; i >= target.from; i--) {
    const c = source[i];
    if (c === ")" || c === "]") depth++;
    else if (c === "(" || c === "[") {
      if (depth > 0) depth--;
      else if (/[\w)\]]/.test(source.slice(target.from, i).trimEnd().slice(-1))) return false;
    } else if (c === "." && depth === 0 && source.slice(i + 1, span.from).trim() === "") return false;
  }
  return true;
}

function targetsOf(source: string, raw: RawStatement): Span[] {
  const text = source.slice(raw.from, raw.to);
  const keyword = /^[A-Za-z_]\w*/.exec(text)?.[0] ?? "";
  const targets: Span[] = [];
  let from = raw.from;
  if (keyword === "for" || keyword === "async") {
    const header = /^(?:async\s+)?for\s+([\s\S]*?)\s+in\b/.exec(text);
    if (header) {
      const start = raw.from + header[0].indexOf(header[1], header[0].indexOf("for") + 3);
      targets.push({ from: start, to: start + header[1].length });
    }
  }
  if (keyword === "for" || keyword === "async" || COMPOUND.has(keyword)) {
    // Only a one-line body after the header (`if ok: y = 1`) can bind anything more.
    if (raw.colon === null) return targets;
    const body = source.slice(raw.colon + 1, raw.to);
    if (body.trim() === "") return targets;
    from = raw.colon + 1 + (body.length - body.trimStart().length);
  }
  // `a = b = f()` binds a and b; a lambda's defaults (`f = lambda x=1: x`) bind nothing.
  for (const assign of raw.assigns) {
    if (assign.start < from) continue;
    if (/\blambda\b/.test(source.slice(from, assign.start))) break;
    targets.push({ from, to: assign.start });
    if (assign.augmented) break;
    from = assign.end;
  }
  return targets;
}

function scan(source: string): RawStatement[] {
  const out: RawStatement[] = [];
  let current: RawStatement | null = null;
  let depth = 0;
  const begin = (i: number): RawStatement => (current ??= { from: i, to: i + 1, assigns: [], colon: null });
  const end = () => {
    if (current) out.push(current);
    current = null;
    depth = 0;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "#") {
      while (i + 1 < source.length && source[i + 1] !== "\n") i++;
    } else if (c === '"' || c === "'") {
      const statement = begin(i);
      i = stringEnd(source, i);
      statement.to = i + 1;
    } else if (c === "\\" && (source[i + 1] === "\n" || source.startsWith("\r\n", i + 1))) {
      i += source[i + 1] === "\r" ? 2 : 1; // a line continuation
    } else if (c === "\n") {
      if (depth === 0) end();
    } else if (c === ";" && depth === 0) {
      end();
    } else if (c !== " " && c !== "\t" && c !== "\r" && c !== "\f") {
      const statement = begin(i);
      statement.to = i + 1;
      if (c === "(" || c === "[" || c === "{") depth++;
      else if (c === ")" || c === "]" || c === "}") depth = Math.max(0, depth - 1);
      else if (depth === 0 && c === ":" && statement.colon === null) statement.colon = i;
      else if (depth === 0 && c === "=") {
        const assign = assignmentAt(source, i);
        if (assign) statement.assigns.push(assign);
      }
    }
  }
  end();
  return out;
}

/** The assignment whose `=` is at `i`, or null for `==`, `!=`, `<=`, `>=`, `:=`. */
function assignmentAt(source: string, i: number): RawStatement["assigns"][number] | null {
  const prev = source[i - 1] ?? "";
  if (source[i + 1] === "=" || prev === "=" || prev === "!" || prev === ":") return null;
  if (prev === "<" || prev === ">") {
    return source[i - 2] === prev ? { start: i - 2, end: i + 1, augmented: true } : null;
  }
  if ("+-*/%&|^@".includes(prev) && prev !== "") {
    const doubled = (prev === "*" || prev === "/") && source[i - 2] === prev;
    return { start: doubled ? i - 2 : i - 1, end: i + 1, augmented: true };
  }
  return { start: i, end: i + 1, augmented: false };
}

/** Index of the closing quote of the string opening at `i` (single, triple, escapes). */
function stringEnd(source: string, i: number): number {
  const quote = source[i];
  const triple = source.startsWith(quote.repeat(3), i);
  let j = i + (triple ? 3 : 1);
  while (j < source.length) {
    const c = source[j];
    if (c === "\\") j += 2;
    else if (triple && source.startsWith(quote.repeat(3), j)) return j + 2;
    else if (!triple && c === quote) return j;
    else if (!triple && c === "\n")
      return j - 1; // unterminated: stop at the line's end
    else j++;
  }
  return source.length - 1;
}
