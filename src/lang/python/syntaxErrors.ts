import { isTrailingDotFloat } from "./trailingDotFloat";
import type { SyntaxNode, Tree } from "@lezer/common";
import type { SourceSpan } from "../ir";

export interface SyntaxProblem {
  message: string;
  span: SourceSpan;
}

const CLOSERS: Record<string, string> = { ")": "(", "]": "[", "}": "{" };
const COLON_STATEMENTS = new Set([
  "IfStatement",
  "WhileStatement",
  "ForStatement",
  "FunctionDefinition",
  "ClassDefinition",
  "TryStatement",
  "WithStatement",
]);

/**
 * Where the parser had to recover, with the message CPython would give where we can tell:
 * bracket problems first (they explain the errors after them), then one "invalid syntax" (or
 * "expected ':'") per line with an error node.
 */
export function findSyntaxErrors(source: string, tree: Tree): SyntaxProblem[] {
  const lexical = findBracketOrStringProblem(source);
  if (lexical) return [lexical];
  const problems: SyntaxProblem[] = [];
  let lastLine = -1;
  tree.iterate({
    enter(node) {
      // f-strings are scanned by the lowering, which reports their errors itself
      if (node.name === "FormatString") return false;
      if (!node.type.isError) return;
      if (isTrailingDotFloat(node.node.parent, source)) return; // `1.` is a float, not an error
      if (isBareYield(node.node)) return; // the parser's way of ending a `yield` with no value
      const line = lineOf(source, node.from);
      if (line === lastLine) return;
      lastLine = line;
      problems.push({ message: errorMessage(source, node.node), span: widen(source, node.from, node.to) });
    },
  });
  if (problems.length === 0) problems.push(...findIndentationProblems(source, tree));
  return problems;
}

/** What CPython says about an error node, judged from where it stands. */
function errorMessage(source: string, error: SyntaxNode): string {
  const indentation = indentationMessage(source, error.from);
  if (indentation) return indentation;
  const parent = error.parent;
  if (parent && COLON_STATEMENTS.has(parent.name) && !hasChildBefore(parent, "Body", error.from))
    return "expected ':'";
  if (parent?.name === "Body") {
    const first = parent.firstChild;
    if (first && first.name !== ":") return "expected ':'";
    const second = first?.nextSibling;
    if (second && second.from === error.from && second.type.isError && parent.parent) {
      return `expected an indented block after ${blockOwner(source, parent.parent, parent)}`;
    }
  }
  return "invalid syntax";
}

/**
 * At the start of a line: "unexpected indent" when it is indented past the line before (which
 * opens no block), "unindent does not match any outer indentation level" when it stops between
 * two levels. Null when indentation is not the problem.
 */
function indentationMessage(source: string, from: number): string | null {
  const lineStart = source.lastIndexOf("\n", from - 1) + 1;
  if (source.slice(lineStart, from).trim() !== "") return null;
  // an error node may start on the line's whitespace: judge the first character of code
  let at = from;
  while (at < source.length && (source[at] === " " || source[at] === "\t")) at++;
  if (at === lineStart || at >= source.length || source[at] === "\n") return null;
  const indent = at - lineStart;
  // the nearest line before with code on it
  let end = lineStart - 1;
  while (end > 0) {
    const start = source.lastIndexOf("\n", end - 1) + 1;
    const line = source.slice(start, end);
    if (line.trim() !== "" && !line.trim().startsWith("#")) {
      const previous = line.length - line.trimStart().length;
      if (indent > previous && !line.trimEnd().endsWith(":")) return "unexpected indent";
      if (indent < previous) {
        // a dedent must land on the indentation of some enclosing line
        for (let s = start; s > 0;) {
          const prevStart = source.lastIndexOf("\n", s - 2) + 1;
          const text = source.slice(prevStart, s - 1);
          if (text.trim() !== "" && text.length - text.trimStart().length <= indent) {
            return text.length - text.trimStart().length === indent
              ? null
              : "unindent does not match any outer indentation level";
          }
          s = prevStart;
        }
        return indent === 0 ? null : "unindent does not match any outer indentation level";
      }
      return null;
    }
    end = start - 1;
  }
  return indent > 0 ? "unexpected indent" : null;
}

/** "'if' statement on line 1", "function definition on line 3": what a Body belongs to. */
function blockOwner(source: string, statement: SyntaxNode, body: SyntaxNode): string {
  let keyword: SyntaxNode | null = null;
  for (let c = statement.firstChild; c && c.from < body.from; c = c.nextSibling) {
    if (/^(if|elif|else|for|while|try|except|finally|with|def|class)$/.test(c.name)) keyword = c;
  }
  const line = lineOf(source, (keyword ?? statement).from) + 1;
  const name = keyword?.name ?? "";
  if (name === "def") return `function definition on line ${line}`;
  if (name === "class") return `class definition on line ${line}`;
  return `'${name}' statement on line ${line}`;
}

/** Statements of one block must start in one column; the grammar lets a stray indent pass. */
function findIndentationProblems(source: string, tree: Tree): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const check = (block: SyntaxNode, expected: number | null) => {
    let column = expected;
    for (let c = block.firstChild; c; c = c.nextSibling) {
      if (c.name === ":" || c.name === "Comment") continue;
      const lineStart = source.lastIndexOf("\n", c.from - 1) + 1;
      if (source.slice(lineStart, c.from).trim() !== "") continue; // on the header's line
      const at = c.from - lineStart;
      if (column === null) column = at;
      else if (at !== column) {
        const message =
          indentationMessage(source, c.from) ??
          (at > column ? "unexpected indent" : "unindent does not match any outer indentation level");
        const lineEnd = source.indexOf("\n", c.from);
        problems.push({ message, span: { from: c.from, to: lineEnd < 0 ? source.length : lineEnd } });
        return;
      }
    }
  };
  check(tree.topNode, 0);
  tree.iterate({
    enter(node) {
      if (node.name === "Body") check(node.node, null);
    },
  });
  return problems.slice(0, 1);
}

function hasChildBefore(parent: SyntaxNode, name: string, at: number): boolean {
  for (let c = parent.firstChild; c && c.from < at; c = c.nextSibling) if (c.name === name) return true;
  return false;
}

function lineOf(source: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

/** An empty error range points at the next character, or at the last one before a line end. */
function widen(source: string, from: number, to: number): SourceSpan {
  if (to > from) return { from, to };
  if (from < source.length && source[from] !== "\n") return { from, to: from + 1 };
  let at = from - 1;
  while (at > 0 && /\s/.test(source[at])) at--;
  return { from: Math.max(0, at), to: Math.max(0, at) + 1 };
}

/** Scans brackets and string literals outside comments, as CPython's tokenizer reports them. */
function findBracketOrStringProblem(source: string): SyntaxProblem | null {
  const stack: { ch: string; at: number }[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === "#") {
      while (i < source.length && source[i] !== "\n") i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const end = skipString(source, i);
      if (end < 0) {
        const triple = source.startsWith(ch.repeat(3), i);
        // CPython names the last line with code on it
        const detected = lineOf(source, triple ? source.trimEnd().length : i) + 1;
        return {
          message: `unterminated ${triple ? "triple-quoted " : ""}string literal (detected at line ${detected})`,
          span: { from: i, to: i + (triple ? 3 : 1) },
        };
      }
      i = end;
      continue;
    }
    if (ch === "(" || ch === "[" || ch === "{") stack.push({ ch, at: i });
    else if (ch in CLOSERS) {
      const open = stack.pop();
      if (!open) return { message: `unmatched '${ch}'`, span: { from: i, to: i + 1 } };
      if (open.ch !== CLOSERS[ch]) {
        return {
          message: `closing parenthesis '${ch}' does not match opening parenthesis '${open.ch}'`,
          span: { from: i, to: i + 1 },
        };
      }
    }
    i++;
  }
  const unclosed = stack[0];
  return unclosed
    ? { message: `'${unclosed.ch}' was never closed`, span: { from: unclosed.at, to: unclosed.at + 1 } }
    : null;
}

/** The offset after a string literal's closing quote, or -1 when it is never closed. */
function skipString(source: string, start: number): number {
  const quote = source.startsWith(source[start].repeat(3), start) ? source[start].repeat(3) : source[start];
  let i = start + quote.length;
  while (i < source.length) {
    if (source[i] === "\\") i += 2;
    else if (source.startsWith(quote, i)) return i + quote.length;
    else if (quote.length === 1 && source[i] === "\n") return -1;
    else i++;
  }
  return -1;
}

/** The empty error node the parser leaves after a bare `yield` (it expects a value there). */
function isBareYield(error: SyntaxNode): boolean {
  const parent = error.parent;
  return (
    error.from === error.to &&
    (parent?.name === "YieldStatement" || parent?.name === "YieldExpression") &&
    error.nextSibling === null
  );
}
