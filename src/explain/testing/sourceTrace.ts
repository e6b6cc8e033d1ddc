import { parsePython } from "../../lang/python/parsePython";
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

/**
 * `occurrences` with the statements that bind them marked (Occurrence.statement), as the
 * Python front end marks a real run's of the same source.
 */
export function bound(source: string, occurrences: Occurrence[]): Occurrence[] {
  const key = (s: Span) => `${s.from}:${s.to}`;
  const statements = new Map<string, Span>();
  for (const o of parsePython(source).program?.occurrences ?? [])
    if (o.statement) statements.set(key(o.span), o.statement);
  return occurrences.map((o) => {
    const statement = statements.get(key(o.span));
    return statement ? { ...o, statement } : o;
  });
}

/** A copy of `trace` with the given nodes' spans set and its occurrences replaced. */
export function withSource(trace: Trace, spans: Record<number, Span>, occurrences: Occurrence[] = []): Trace {
  return {
    ...trace,
    nodes: trace.nodes.map((n) => (n.id in spans ? { ...n, span: spans[n.id] } : n)),
    occurrences,
  };
}
