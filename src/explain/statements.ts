import type { Occurrence, Span } from "../trace/trace";

/**
 * Where the program binds names. The front ends mark each name occurrence that a statement
 * binds with that statement's span, from their own syntax trees (src/lang/statementBindings.ts),
 * so a JavaScript function's braced body is as many statements as a Python function's indented
 * one. The trace carries the marks (Occurrence.statement); the text the host shows may have
 * moved on since the run, so a mark counts only where the name is still spelled.
 */

/** Whether `name` is still spelled at `span` as a whole word (the text may have changed since the run). */
export function spellsName(source: string, span: Span, name: string): boolean {
  return (
    source.slice(span.from, span.to) === name &&
    !/[\w$]/.test(source[span.from - 1] ?? "") &&
    !/[\w$]/.test(source[span.to] ?? "")
  );
}

/** The statement that binds the name at this occurrence (a loop's header for its variable), or null where it is read. */
export function bindingStatement(source: string, occurrence: Occurrence): Span | null {
  if (!occurrence.statement || !spellsName(source, occurrence.span, occurrence.name)) return null;
  return occurrence.statement.to <= source.length ? occurrence.statement : null;
}
