import type { Occurrence, Span, Trace } from "../../trace/trace";

/**
 * Ties a hand-built trace to a program text for tests: spans are found by searching the text,
 * so a fixture reads like the program it stands for.
 */

/** The span of the `nth` (0-based) appearance of `text` in `source`; `text` must be there. */
export function spanOf(source: string, text: string, nth = 0): Span {
  let from = -1;
  for (let i = 0; i <= nth; i++) {
    from = source.indexOf(text, from + 1);
    if (from < 0) throw new Error(`"${text}" appears fewer than ${nth + 1} times`);
  }
  return { from, to: from + text.length };
}

/** An occurrence of `name` standing for `node`, the first inside the first appearance of `anchor`. */
export function occurrence(source: string, name: string, node: number, anchor = name): Occurrence {
  const from = spanOf(source, anchor).from + anchor.indexOf(name);
  return { name, span: { from, to: from + name.length }, node };
}

/** A copy of `trace` with the given nodes' spans set and its occurrences replaced. */
export function withSource(trace: Trace, spans: Record<number, Span>, occurrences: Occurrence[] = []): Trace {
  return {
    ...trace,
    nodes: trace.nodes.map((n) => (n.id in spans ? { ...n, span: spans[n.id] } : n)),
    occurrences,
  };
}
