import type { NameOccurrence } from "../lang/ir";
import type { Occurrence } from "../trace/trace";

/**
 * The name occurrences that stood for a tape value, with the row each one read or bound (-1 in
 * `rows` for an occurrence that stood for no value), in source order.
 */
export function rowOccurrences(rows: Int32Array, occurrences: readonly NameOccurrence[]): Occurrence[] {
  const found: Occurrence[] = [];
  rows.forEach((row, i) => {
    if (row < 0) return;
    const { name, span, statement } = occurrences[i];
    found.push(statement ? { name, span, node: row, statement } : { name, span, node: row });
  });
  return found.sort((x, y) => x.span.from - y.span.from);
}
