import { spanKey as keyOfSpan } from "./spans";
import type { Trace, TraceNode } from "./trace";

/** Past this length a made-up name (`(x * w)**2`) reads worse than the source text. */
const MAX_SYNTHESISED = 32;

const cache = new WeakMap<Trace, string[]>();

/**
 * What a person would call a value, the same in the hover, the graph and every message:
 * the first variable name it was bound to; else, for the last value an expression made, the
 * expression's source text (`3 / w`); else a name built from its operation and operands
 * (`w**-1`, the intermediate that `3 / w` made on the way); a constant is its number.
 */
export function nodeLabel(trace: Trace, id: number): string {
  let labels = cache.get(trace);
  if (!labels) {
    labels = nodeLabels(trace);
    cache.set(trace, labels);
  }
  return labels[id] ?? `#${id}`;
}

/** Labels for every node, by id (operands come before results, so one pass suffices). */
export function nodeLabels(trace: Trace): string[] {
  const lastOfSpan = new Map<string, number>();
  for (const node of trace.nodes) if (node.span) lastOfSpan.set(spanKey(node), node.id);
  const labels: string[] = [];
  for (const node of trace.nodes) {
    labels[node.id] = labelOf(trace, node, labels, lastOfSpan);
  }
  return labels;
}

function labelOf(trace: Trace, node: TraceNode, labels: string[], lastOfSpan: Map<string, number>): string {
  if (node.names.length > 0) return node.names[0];
  if (node.label) return node.label;
  if (node.kind === "const" && node.data.length === 1) return String(node.data[0]);
  // An operation whose span a later value shares is an intermediate of a larger expression.
  const isIntermediate = node.span !== null && lastOfSpan.get(spanKey(node)) !== node.id;
  if (node.kind === "op" && isIntermediate) {
    const operands = node.inputEdges.map((e) => labels[trace.edges[e].from] ?? "?");
    const made = synthesise(node.op, operands);
    if (made && made.length <= MAX_SYNTHESISED) return made;
  }
  if (node.expr) return node.expr;
  return node.kind === "op" ? `${node.op} #${node.id}` : `#${node.id}`;
}

/** `x * w`, `w**-1`, `relu(x * w + b)`; operands with spaces in them get parentheses. */
function synthesise(op: string, operands: string[]): string | null {
  const wrap = (s: string) => (/[\s*+/-]/.test(s.replace(/^-/, "")) && !/^\w+\(.*\)$/.test(s) ? `(${s})` : s);
  if ((op === "+" || op === "*" || op === "-" || op === "/" || op === "@") && operands.length === 2) {
    return `${wrap(operands[0])} ${op} ${wrap(operands[1])}`;
  }
  if (op.startsWith("**") && operands.length === 1) return `${wrap(operands[0])}${op}`;
  if (operands.length === 1) return `${op}(${operands[0]})`;
  return null;
}

function spanKey(node: TraceNode): string {
  return node.span ? keyOfSpan(node.span) : "";
}
