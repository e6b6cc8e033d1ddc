import type { Tree } from "@lezer/common";
import type { SourceSpan } from "./ir";

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
  const bracket = findBracketProblem(source);
  if (bracket) return [bracket];
  const problems: SyntaxProblem[] = [];
  let lastLine = -1;
  tree.iterate({
    enter(node) {
      // f-strings are scanned by the lowering, which reports their errors itself
      if (node.name === "FormatString") return false;
      if (!node.type.isError) return;
      const line = lineOf(source, node.from);
      if (line === lastLine) return;
      lastLine = line;
      const parent = node.node.parent;
      const beforeBody =
        parent && COLON_STATEMENTS.has(parent.name) && !hasChildBefore(parent, "Body", node.from);
      problems.push({
        message: beforeBody ? "expected ':'" : "invalid syntax",
        span: widen(source, node.from, node.to),
      });
    },
  });
  return problems;
}

function hasChildBefore(parent: import("@lezer/common").SyntaxNode, name: string, at: number): boolean {
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

/** Scans brackets outside strings and comments, as CPython's tokenizer reports them. */
function findBracketProblem(source: string): SyntaxProblem | null {
  const stack: { ch: string; at: number }[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === "#") {
      while (i < source.length && source[i] !== "\n") i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      i = skipString(source, i);
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

function skipString(source: string, start: number): number {
  const quote = source.startsWith(source[start].repeat(3), start) ? source[start].repeat(3) : source[start];
  let i = start + quote.length;
  while (i < source.length) {
    if (source[i] === "\\") i += 2;
    else if (source.startsWith(quote, i)) return i + quote.length;
    else if (quote.length === 1 && source[i] === "\n") return i;
    else i++;
  }
  return i;
}
