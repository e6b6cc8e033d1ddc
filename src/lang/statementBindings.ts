import type { Expr, Program, SourceSpan, Stmt, Target } from "./ir";
import { patternNames } from "./patternNames";

/**
 * Marks each name occurrence that a statement binds — an assignment's or declaration's target
 * (`x`, `a, b`, `[a, b]`, `{ a, b: c }`, chained `a = b = …`, `y += 1`, `i++`), a loop's
 * variable, `with … as f` — with that statement's span (for a loop or `with`, its header), from
 * the syntax tree both front ends lowered: a JavaScript function's braced body is many
 * statements, as a Python function's indented one is. Inline values go after the statement's
 * last line; a name read inside a target (`x` in `x.data = …`, `a[x] = …`) is not marked.
 */
export function markStatementBindings(program: Program): void {
  const mark = (target: Target, statement: SourceSpan) => {
    for (const name of boundNames(target)) {
      if (name.occurrence >= 0) program.occurrences[name.occurrence].statement = statement;
    }
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (node === null || typeof node !== "object") return;
    if ("k" in node) bindingsOf(node as Stmt, mark);
    for (const value of Object.values(node)) if (value !== null && typeof value === "object") visit(value);
  };
  visit(program.body);
}

/** What one statement binds, handed to `mark` with the span it belongs to; nothing for other nodes. */
function bindingsOf(s: Stmt, mark: (target: Target, statement: SourceSpan) => void): void {
  const header = (end: SourceSpan): SourceSpan => ({ from: s.span.from, to: end.to });
  switch (s.k) {
    case "assign":
      for (const target of s.targets) mark(target, s.span);
      return;
    case "augassign":
      mark(s.target, s.span);
      return;
    case "declare":
      for (const d of s.declarations) mark(d.target, s.span);
      return;
    case "expr":
      for (const target of assignedBy(s.value)) mark(target, s.span);
      return;
    case "for":
    case "forOf":
      mark(s.target, header(s.iter.span));
      return;
    case "cfor":
      // the init is a statement of its own; the update (`i++`) binds on the header
      if (s.update) for (const target of assignedBy(s.update)) mark(target, header(s.update.span));
      return;
    case "with":
      for (const item of s.items) if (item.target) mark(item.target, header(item.target.span));
      return;
    case "match":
      // a case's captures are bound on its `case …:` line
      for (const c of s.cases) for (const name of patternNames(c.pattern)) mark(name, c.span);
      return;
  }
}

/** The targets an expression statement assigns: `x = y = 1`, `x += 1`, `i++`. */
function assignedBy(e: Expr): Target[] {
  if (e.k === "assignExpr") return [e.target, ...assignedBy(e.value)];
  if (e.k === "update") return [e.target];
  return [];
}

/** The names a target binds (not those it reads: the object of `x.data`, the index of `a[i]`). */
function boundNames(target: Target): (Expr & { k: "name" })[] {
  switch (target.k) {
    case "name":
      return [target];
    case "tuple":
    case "list":
      return target.items.flatMap(boundNames);
    case "starred":
      return boundNames(target.value);
    case "withDefault":
      return boundNames(target.target);
    case "object":
      return target.props.flatMap((p) => boundNames(p.value));
    default:
      return [];
  }
}
