import type { Occurrence, Span, Trace, TraceNode } from "../trace/trace";
import { symbolName } from "../view/chainRule";
import { formatNumber } from "../view/format";
import { chainRuleFor, displayName } from "./chainRule";

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
export function hoverContent(trace: Trace, occurrence: Occurrence): HoverContent {
  const node = trace.nodes[occurrence.node];
  const rule = chainRuleFor(trace, node.id);
  const rootName = symbolName(rule.root ? displayName(trace, rule.root) : "L");
  const name = occurrence.name;
  const dRoot = `∂${rootName}/∂${name}`;
  const lines: string[] = [];

  lines.push(`**${name}** = \`${formatValue(node.data)}\` — ${describeKind(node)}`);
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
  lines.push(
    "",
    `Full precision: \`${name}.data = ${fullPrecision(node.data)}\`` +
      (rule.total ? `, \`${dRoot} = ${fullPrecision(rule.total)}\`` : ""),
  );
  return { markdown: lines.join("\n"), span: occurrence.span, node: node.id };
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

function formatValue(xs: number[]): string {
  return xs.length === 1 ? formatNumber(xs[0]) : `[${xs.map(formatNumber).join(", ")}]`;
}

function fullPrecision(xs: number[]): string {
  return xs.length === 1 ? String(xs[0]) : `[${xs.map(String).join(", ")}]`;
}

function sameNumbers(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}
