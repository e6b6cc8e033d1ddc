import { spanKey } from "../trace/spans";
import type { Occurrence, Trace, TraceNode } from "../trace/trace";
import { valuesText } from "./numberText";
import { bindingStatement } from "./statements";

/**
 * The text after a line, like Quokka's: what each name the line binds holds and its gradient,
 * `a = -4.0000 · ∇ 138.8338`. One short line each, so it never pushes the code around.
 */

export interface InlineValue {
  /** 0-based line the text goes after: the last line of the statement that bound the names. */
  line: number;
  text: string;
  /** The value of the first name on the line, for "show in graph". */
  node: number;
}

export interface InlineOptions {
  /** Longer text is cut with `…` (default 80 characters). */
  maxLineLength?: number;
  /** Decimals per number (default 4, as in the graph). */
  precision?: number;
}

export const DEFAULT_MAX_LINE_LENGTH = 80;
/** Past these, inline values are off until the user turns them on: a big program's lines crowd. */
export const INLINE_DEFAULT_MAX_LINES = 200;
export const INLINE_DEFAULT_MAX_NODES = 5000;

export function shouldShowInlineByDefault(source: string, trace: Trace): boolean {
  const lines = source.split("\n").length;
  return lines <= INLINE_DEFAULT_MAX_LINES && trace.nodes.length <= INLINE_DEFAULT_MAX_NODES;
}

/** One entry per line that bound a value to a name, in line order. */
export function inlineValues(trace: Trace, source: string, options: InlineOptions = {}): InlineValue[] {
  const maxLength = Math.max(2, options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH);
  const lineStarts = lineStartsOf(source);
  const loopCounts = countBySpanAndName(trace.nodes);
  const byLine = new Map<number, Occurrence[]>();
  for (const occurrence of trace.occurrences) {
    // The text may have moved on since the run: only a name still spelled there counts.
    const statement = trace.nodes[occurrence.node] ? bindingStatement(source, occurrence) : null;
    if (!statement) continue;
    const line = lineOf(lineStarts, statement.to - 1);
    const group = byLine.get(line);
    if (group) group.push(occurrence);
    else byLine.set(line, [occurrence]);
  }
  const out: InlineValue[] = [];
  for (const [line, occurrences] of [...byLine].sort((a, b) => a[0] - b[0])) {
    occurrences.sort((a, b) => a.span.from - b.span.from);
    const parts = occurrences.map((o) => {
      const node = trace.nodes[o.node];
      return describe(trace, node, o.name, loopCounts.get(countKey(node, o.name)) ?? 1, options.precision);
    });
    out.push({ line, text: truncate(parts.join(", "), maxLength), node: occurrences[0].node });
  }
  return out;
}

/** `x = 2.0000 · ∇ 5.5000 (×3)`: the value, ∂root/∂x (or `.grad` with no backward()), the loop count. */
function describe(trace: Trace, node: TraceNode, name: string, count: number, precision?: number): string {
  let text = `${name} = ${valuesText(node.data, node.shape, precision)}`;
  if (trace.root !== null) {
    if (node.rootGrad) text += ` · ∇ ${valuesText(node.rootGrad, node.shape, precision)}`;
  } else if (node.grad && node.grad.some((g) => g !== 0)) {
    text += ` · .grad ${valuesText(node.grad, node.shape, precision)}`;
  }
  return count > 1 ? `${text} (×${count})` : text;
}

/**
 * How many values one expression bound to one name: a loop body's `h = h * w + b` makes one per
 * iteration and the occurrence holds the last. The name matters, as a call like `model(x)` stamps
 * every value made inside it with its own span.
 */
function countBySpanAndName(nodes: TraceNode[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const node of nodes) {
    if (!node.span) continue;
    for (const name of new Set(node.names)) {
      const key = countKey(node, name);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

function countKey(node: TraceNode, name: string): string {
  return node.span ? `${spanKey(node.span)}:${name}` : `#${node.id}`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function lineStartsOf(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === "\n") starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
