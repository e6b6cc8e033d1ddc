import type { Occurrence, Span, Trace, TraceNode } from "../trace/trace";
import { symbolName } from "../view/chainRule";
import { chainRuleFor, displayName } from "./chainRule";
import { DEFAULT_PRECISION, numberText } from "./numberText";

/** What the host turns into a hover: markdown and the identifier's range. */
export interface HoverContent {
  markdown: string;
  span: Span;
  node: number;
}

/**
 * The value under `offset`, if the trace saw a name standing for a value there. When the text
 * changed since the run (the trace is stale), the identifier `word` at the cursor is looked up by
 * name instead, so the last good numbers still show.
 */
export function findOccurrence(trace: Trace, offset: number, word: string | null): Occurrence | null {
  let byName: Occurrence | null = null;
  for (const occurrence of trace.occurrences) {
    if (occurrence.span.from <= offset && offset <= occurrence.span.to && occurrence.name === word) {
      return occurrence;
    }
    if (occurrence.name === word) byName = occurrence;
  }
  return byName;
}

/**
 * The hover for a value: its value, ∂root/∂x, `.grad` where it differs, and the chain rule —
 * one line per use, upstream gradient × local derivative = contribution — summing to ∂root/∂x.
 */
export function hoverContent(
  trace: Trace,
  occurrence: Occurrence,
  precision = DEFAULT_PRECISION,
): HoverContent {
  const formatValue = (xs: number[]) => valueText(xs, precision);
  const node = trace.nodes[occurrence.node];
  const rule = chainRuleFor(trace, node.id);
  const rootName = symbolName(rule.root ? displayName(trace, rule.root) : "L");
  const name = occurrence.name;
  const dRoot = `∂${rootName}/∂${name}`;
  const lines: string[] = [];

  lines.push(`**${name}** = \`${formatValue(node.data)}\` — ${describeKind(node)}`);
  if (node.shape.length > 0) lines.push("", tensorSummary(node, precision));
  const times = madeHere(trace, node);
  if (times > 1) lines.push("", `Made ${times} times by this expression (in a loop); this is the last one.`);
  if (!rule.root) {
    lines.push("", "No gradient yet: the program never calls `.backward()`.");
  } else if (rule.total === null) {
    lines.push("", `${markdownText(dRoot)} = 0 — \`${name}\` does not reach \`${rootName}\`.`);
  } else {
    lines.push("", `**${markdownText(dRoot)} = ${formatValue(rule.total)}**`);
    if (node.grad !== null && !sameNumbers(node.grad, rule.total)) {
      lines.push(
        "",
        `\`${name}.grad\` reads \`${formatValue(node.grad)}\` (it accumulates across \`backward()\` calls).`,
      );
    }
    if (node.id === rule.root.id) {
      lines.push("", `\`${name}\` is the root: ${markdownText(dRoot)} = 1.`);
    } else if (rule.terms.length > 0) {
      lines.push("", "Chain rule, one term per use:", "");
      for (const term of rule.terms) {
        const viaText = displayName(trace, term.via);
        const via = symbolName(viaText);
        const local = term.local ? formatValue(term.local) : "VJP";
        lines.push(
          `- via \`${viaText}\` (${markdownText(term.via.op)}): ` +
            markdownText(`∂${rootName}/∂${via} × ∂${via}/∂${name}`) +
            " = " +
            `${formatValue(term.upstream)} × ${local} = **${formatValue(term.contribution)}**`,
        );
      }
      if (rule.terms.length > 1) {
        lines.push(
          "",
          `Sum: ${rule.terms.map((t) => formatValue(t.contribution)).join(" + ")} = **${formatValue(rule.total)}**`,
        );
      }
    }
  }
  if (node.data.length <= FULL_PRECISION_MAX) {
    lines.push(
      "",
      `Full precision: \`${name}.data = ${fullPrecision(node.data)}\`` +
        (rule.total ? `, \`${dRoot} = ${fullPrecision(rule.total)}\`` : ""),
    );
  }
  lines.push(
    "",
    `[Show in graph](command:${SHOW_IN_GRAPH}?${encodeURIComponent(JSON.stringify([node.id]))})`,
  );
  return { markdown: lines.join("\n"), span: occurrence.span, node: node.id };
}

/** The command a hover's "Show in graph" link runs, with the node id as its argument. */
export const SHOW_IN_GRAPH = "gradlens.revealInGraph";

/** Tensors up to this many elements are written out in full; larger ones are summarised. */
const FULL_PRECISION_MAX = 12;

/** How many values the expression that made `node` made (more than one in a loop). */
function madeHere(trace: Trace, node: TraceNode): number {
  if (!node.span || node.kind === "const") return 1;
  let n = 0;
  for (const other of trace.nodes) {
    if (other.kind === node.kind && other.span?.from === node.span.from && other.span.to === node.span.to)
      n++;
  }
  return n;
}

/** Shape, then min / max / mean of a tensor's values. */
function tensorSummary(node: TraceNode, precision: number): string {
  const formatNumber = (x: number) => numberText(x, precision);
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const x of node.data) {
    min = Math.min(min, x);
    max = Math.max(max, x);
    sum += x;
  }
  const mean = node.data.length > 0 ? sum / node.data.length : NaN;
  return `Tensor of shape ${node.shape.join("×")} · min ${formatNumber(min)} · max ${formatNumber(max)} · mean ${formatNumber(mean)}`;
}

/** Text that Markdown must not read as emphasis or links (`w**-1`, `a_b`). */
function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}

function describeKind(node: TraceNode): string {
  if (node.kind === "leaf") return "a leaf value";
  if (node.kind === "const") return "a constant";
  return `made by \`${node.op}\`${node.expr ? ` in \`${node.expr}\`` : ""}`;
}

function valueText(xs: number[], precision: number): string {
  const text = (x: number) => numberText(x, precision);
  if (xs.length === 1) return text(xs[0]);
  if (xs.length <= FULL_PRECISION_MAX) return `[${xs.map(text).join(", ")}]`;
  let norm = 0;
  for (const x of xs) norm += x * x;
  return `‖${text(Math.sqrt(norm))}‖ (${xs.length} values)`;
}

function fullPrecision(xs: number[]): string {
  return xs.length === 1 ? String(xs[0]) : `[${xs.map(String).join(", ")}]`;
}

function sameNumbers(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}
