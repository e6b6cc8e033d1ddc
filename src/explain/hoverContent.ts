import { sameSpan } from "../trace/spans";
import { messages, type Messages } from "../l10n/messages";
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
  locale = "en",
): HoverContent {
  const t = messages(locale);
  const formatValue = (xs: number[]) => valueText(xs, precision, t);
  const node = trace.nodes[occurrence.node];
  const rule = chainRuleFor(trace, node.id);
  const rootName = symbolName(rule.root ? displayName(trace, rule.root) : "L");
  const name = occurrence.name;
  const dRoot = `∂${rootName}/∂${name}`;
  const lines: string[] = [];

  lines.push(`**${name}** = \`${formatValue(node.data)}\` — ${describeKind(node, t)}`);
  if (node.shape.length > 0) lines.push("", tensorSummary(node, precision, t));
  const times = madeHere(trace, node);
  if (times > 1) lines.push("", t("hover.madeTimes", times));
  if (!rule.root) {
    lines.push("", t("hover.noBackward"));
  } else if (rule.total === null) {
    lines.push("", t("hover.unreached", markdownText(dRoot), name, rootName));
  } else {
    lines.push("", `**${markdownText(dRoot)} = ${formatValue(rule.total)}**`);
    const check = node.own?.check;
    if (check !== undefined) {
      // the learner's own backward() computed `.grad`: side by side with the chain rule
      const yours = formatValue([check.yours]);
      lines.push(
        "",
        check.agrees
          ? t("hover.ownAgrees", name, yours)
          : t("hover.ownDiffers", name, yours, markdownText(dRoot), formatValue(rule.total)),
      );
    } else if (node.grad !== null && !sameNumbers(node.grad, rule.total)) {
      lines.push("", t("hover.gradReads", name, formatValue(node.grad)));
    }
    if (node.id === rule.root.id) {
      lines.push("", t("hover.isRoot", name, markdownText(dRoot)));
    } else if (rule.terms.length > 0) {
      lines.push("", t("hover.chainRule"), "");
      for (const term of rule.terms) {
        const viaText = displayName(trace, term.via);
        const via = symbolName(viaText);
        const local = term.local ? formatValue(term.local) : "VJP";
        lines.push(
          t(
            "hover.term",
            viaText,
            markdownText(term.via.op),
            markdownText(`∂${rootName}/∂${via} × ∂${via}/∂${name}`),
            formatValue(term.upstream),
            local,
            formatValue(term.contribution),
          ) + (term.edge.mismatch ? t("hover.termYours", formatValue([term.edge.mismatch.given])) : ""),
        );
      }
      if (rule.terms.length > 1) {
        const sum = rule.terms.map((term) => formatValue(term.contribution)).join(" + ");
        lines.push("", t("hover.sum", sum, formatValue(rule.total)));
      }
    }
  }
  if (node.data.length <= FULL_PRECISION_MAX) {
    lines.push(
      "",
      rule.total
        ? t("hover.fullPrecisionGrad", name, fullPrecision(node.data), dRoot, fullPrecision(rule.total))
        : t("hover.fullPrecision", name, fullPrecision(node.data)),
    );
  }
  lines.push(
    "",
    `[${t("hover.showInGraph")}](command:${SHOW_IN_GRAPH}?${encodeURIComponent(JSON.stringify([node.id]))})`,
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
    if (other.kind === node.kind && sameSpan(other.span, node.span)) n++;
  }
  return n;
}

/** Shape, then min / max / mean of a tensor's values. */
function tensorSummary(node: TraceNode, precision: number, t: Messages): string {
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
  return t("hover.tensor", node.shape.join("×"), formatNumber(min), formatNumber(max), formatNumber(mean));
}

/** Text that Markdown must not read as emphasis or links (`w**-1`, `a_b`). */
function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}

function describeKind(node: TraceNode, t: Messages): string {
  if (node.kind === "leaf") return t("hover.kind.leaf");
  if (node.kind === "const") return t("hover.kind.const");
  return node.expr ? t("hover.kind.opIn", node.op, node.expr) : t("hover.kind.op", node.op);
}

function valueText(xs: number[], precision: number, t: Messages): string {
  const text = (x: number) => numberText(x, precision);
  if (xs.length === 1) return text(xs[0]);
  if (xs.length <= FULL_PRECISION_MAX) return `[${xs.map(text).join(", ")}]`;
  let norm = 0;
  for (const x of xs) norm += x * x;
  return t("hover.norm", text(Math.sqrt(norm)), xs.length);
}

function fullPrecision(xs: number[]): string {
  return xs.length === 1 ? String(xs[0]) : `[${xs.map(String).join(", ")}]`;
}

function sameNumbers(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}
