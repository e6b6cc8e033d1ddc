import type { Span } from "./trace";

/** A span as a map key: its range, and its file when it is not in the program's own text. */
export function spanKey(span: Span): string {
  return span.file === undefined ? `${span.from}:${span.to}` : `${span.from}:${span.to}@${span.file}`;
}

/** Whether two spans are the same range of the same file. */
export function sameSpan(a: Span | null | undefined, b: Span | null | undefined): boolean {
  return !!a && !!b && a.from === b.from && a.to === b.to && a.file === b.file;
}

/** Whether a span lies in the program's own text (not in one of its modules' files). */
export function inProgramText(span: Span | null | undefined): span is Span {
  return !!span && span.file === undefined;
}
