import { sameSpan, spanKey } from "../trace/spans";
import { listText, messages, type Messages } from "../l10n/messages";
import type { Severity, Span, Trace, TraceEdge, TraceNode } from "../trace/trace";
import { formatNumber, formatValues, magnitude, numberStatus } from "../view/format";
import { displayName } from "./chainRule";
import { outgoingEdges, reachesRoot, reverseTopologicalOrder } from "./graphWalk";

/**
 * The Problems-panel checks on a run's numbers: where a NaN/∞ first appeared (forward, then
 * backward, as PyTorch's anomaly mode reports it), parameters whose gradient vanishes or
 * explodes, and ReLUs that pass no gradient at all. Each finding names the place that caused it,
 * not the many places it spread to.
 */

export type HealthCode = "nan" | "vanishing" | "exploding" | "dead-relu";
const HEALTH_CODES: ReadonlySet<string> = new Set<HealthCode>(["nan", "vanishing", "exploding", "dead-relu"]);

export interface RelatedInfo {
  span: Span;
  message: string;
}

/** A `TraceDiagnostic` with a link to the root cause where one helps. */
export interface HealthDiagnostic {
  severity: Severity;
  message: string;
  span: Span | null;
  code: HealthCode;
  related?: RelatedInfo[];
}

export interface GradientThresholds {
  /** A parameter's |∂root/∂w| (a tensor's norm) below this is vanishing. */
  vanishing: number;
  /** … and above this, exploding. */
  exploding: number;
}

export const DEFAULT_THRESHOLDS: GradientThresholds = { vanishing: 1e-7, exploding: 1e6 };

/** An edge whose local derivative is below this has "shrunk" the gradient (a saturated tanh: ~2e-4). */
export const SHRINK_RATIO = 1e-3;
/** … and above this, blown it up. */
export const GROWTH_RATIO = 1e3;

export function gradientDiagnostics(
  trace: Trace,
  thresholds: Partial<GradientThresholds> = {},
  locale = "en",
): HealthDiagnostic[] {
  const limits = { ...DEFAULT_THRESHOLDS, ...thresholds };
  const uses = outgoingEdges(trace);
  const t = messages(locale);
  const found = [
    ...firstNonFiniteValue(trace, t),
    ...firstNonFiniteGradient(trace, uses, t),
    ...deadRelus(trace, t),
    ...parameterGradients(trace, uses, limits, t),
  ];
  // One finding per place: the first (the most fundamental) wins, and the run's own diagnostics
  // (the interpreter may report a NaN itself) come before all of these.
  const seen = new Set<string>();
  for (const d of trace.diagnostics) {
    if (d.span && HEALTH_CODES.has(d.code)) seen.add(spanKey(d.span));
  }
  return found.filter((d) => {
    const key = d.span ? spanKey(d.span) : `null:${d.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The first value that is NaN/±∞ while everything it was computed from is finite. */
function firstNonFiniteValue(trace: Trace, t: Messages): HealthDiagnostic[] {
  for (const node of trace.nodes) {
    if (numberStatus(node.data) !== "nonfinite") continue;
    const inputs = node.inputEdges.map((e) => trace.nodes[trace.edges[e].from]);
    if (inputs.some((input) => numberStatus(input.data) === "nonfinite")) continue;
    const what = nonFiniteText(node.data, t);
    if (node.kind !== "op") {
      const message =
        node.kind === "const"
          ? t("health.nan.constant", what)
          : t("health.nan.leaf", displayName(trace, node), what);
      return [{ severity: "error", code: "nan", span: node.span, message }];
    }
    const values = inputs.map((i) => formatValues(i.data, i.shape));
    const from = inputs.length > 0 ? t("health.nan.from", listText(t, values)) : "";
    const hint = nonFiniteHint(node, inputs, t);
    const message = t("health.nan.op", node.op, what, from, hint ? t("health.nan.hint", hint) : "");
    const related = inputs
      .filter((input) => input.span && !sameSpan(input.span, node.span))
      .map((input) => ({
        span: input.span!,
        message: t("health.nan.input", formatValues(input.data, input.shape), displayName(trace, input)),
      }));
    return [
      { severity: "error", code: "nan", span: node.span, message, ...(related.length ? { related } : {}) },
    ];
  }
  return [];
}

/**
 * The first gradient that turns non-finite on the way back from the root. Backward visits each
 * node after everything it feeds, so the first such node in that order got finite upstream
 * gradients: the op it feeds made the NaN/∞ from finite numbers. When that op consumed a
 * non-finite value, the forward finding above already explains it.
 */
function firstNonFiniteGradient(trace: Trace, uses: number[][], t: Messages): HealthDiagnostic[] {
  if (!trace.nodes.some((n) => n.rootGrad && numberStatus(n.rootGrad) === "nonfinite")) return [];
  for (const id of reverseTopologicalOrder(trace)) {
    const node = trace.nodes[id];
    if (!node.rootGrad || numberStatus(node.rootGrad) !== "nonfinite") continue;
    const edge = uses[id]
      .map((e) => trace.edges[e])
      .find((e) => e.contribution !== null && numberStatus(e.contribution) === "nonfinite");
    if (!edge) return [];
    const consumer = trace.nodes[edge.to];
    const operands = consumer.inputEdges.map((e) => trace.nodes[trace.edges[e].from]);
    if (
      numberStatus(consumer.data) === "nonfinite" ||
      operands.some((o) => numberStatus(o.data) === "nonfinite")
    ) {
      return [];
    }
    const name = displayName(trace, node);
    const at = formatValues(node.data, node.shape);
    const why =
      edge.local && numberStatus(edge.local) === "nonfinite"
        ? t("health.nanGrad.local", at, nonFiniteText(edge.local, t))
        : t(
            "health.nanGrad.overflow",
            formatValues(consumer.rootGrad ?? [], consumer.shape),
            edge.local
              ? formatValues(edge.local, edge.local.length === 1 ? [] : [edge.local.length])
              : t("health.nanGrad.localDerivative"),
          );
    const message = t("health.nanGrad", consumer.op, nonFiniteText(edge.contribution!, t), name, why);
    return [{ severity: "error", code: "nan", span: consumer.span ?? node.span, message }];
  }
  return [];
}

/** A ReLU expression whose every value (every loop iteration, every element) was ≤ 0. */
function deadRelus(trace: Trace, t: Messages): HealthDiagnostic[] {
  const reached = reachesRoot(trace);
  const bySpan = new Map<string, TraceNode[]>();
  for (const node of trace.nodes) {
    if (node.op.toLowerCase() !== "relu" || !node.span) continue;
    const key = spanKey(node.span);
    const group = bySpan.get(key);
    if (group) group.push(node);
    else bySpan.set(key, [node]);
  }
  const out: HealthDiagnostic[] = [];
  for (const nodes of bySpan.values()) {
    // Without a backward() yet it still tells; once there is one, only ReLUs on its path matter.
    if (trace.root !== null && !nodes.some((n) => reached[n.id])) continue;
    if (!nodes.every((n) => n.data.every((v) => v === 0))) continue;
    const count = nodes.reduce((sum, n) => sum + n.data.length, 0);
    const last = nodes[nodes.length - 1];
    const input = last.inputEdges.length > 0 ? trace.nodes[trace.edges[last.inputEdges[0]].from] : null;
    const message =
      count === 1
        ? t("health.relu.one", input ? formatValues(input.data, input.shape) : "≤ 0")
        : t("health.relu.all", count);
    const related =
      input?.span && !sameSpan(input.span, last.span)
        ? [{ span: input.span, message: t("health.relu.input", formatValues(input.data, input.shape)) }]
        : [];
    out.push({
      severity: count === 1 ? "info" : "warning",
      code: "dead-relu",
      span: last.span,
      message,
      ...(related.length ? { related } : {}),
    });
  }
  return out;
}

/** Leaves (the values training would update) whose ∂root/∂w is vanishingly small or huge. */
function parameterGradients(
  trace: Trace,
  uses: number[][],
  limits: GradientThresholds,
  t: Messages,
): HealthDiagnostic[] {
  if (trace.root === null) return [];
  const rootName = displayName(trace, trace.nodes[trace.root]);
  const groups = new Map<string, TraceNode[]>();
  for (const node of trace.nodes) {
    if (node.kind !== "leaf" || !node.rootGrad || node.id === trace.root) continue;
    if (numberStatus(node.rootGrad) === "nonfinite") continue; // the NaN finding covers it
    // Values with no place in the source share one group: they could only be reported together.
    const key = node.span ? spanKey(node.span) : "none";
    const group = groups.get(key);
    if (group) group.push(node);
    else groups.set(key, [node]);
  }
  const out: HealthDiagnostic[] = [];
  for (const leaves of groups.values()) {
    const size = (n: TraceNode) => magnitude(n.rootGrad!);
    const small = leaves.filter((n) => size(n) < limits.vanishing).sort((a, b) => size(a) - size(b));
    const large = leaves.filter((n) => size(n) > limits.exploding).sort((a, b) => size(b) - size(a));
    // Some of many parameters getting exactly 0 is a ReLU network's ordinary sparsity, not a warning.
    const partialZeros = small.length < leaves.length && small.every((n) => size(n) === 0);
    if (small.length > 0 && !partialZeros) {
      const worst = small[0];
      const cause = dominantPathEdge(trace, uses, worst.id, "shrink", t);
      out.push({
        severity: "warning",
        code: "vanishing",
        span: worst.span,
        message: vanishingMessage(rootName, worst, small.length, leaves.length, limits.vanishing, t),
        ...(cause ? { related: [cause] } : {}),
      });
    }
    if (large.length > 0) {
      const worst = large[0];
      const cause = dominantPathEdge(trace, uses, worst.id, "grow", t);
      const { d, who } = subject(rootName, worst, t);
      const grad = formatValues(worst.rootGrad!, worst.shape);
      const limit = formatNumber(limits.exploding);
      const message =
        large.length === 1 && leaves.length === 1
          ? t("health.exploding.one", d, grad, limit, who)
          : t("health.exploding.many", large.length, leaves.length, limit, grad);
      out.push({
        severity: "warning",
        code: "exploding",
        span: worst.span,
        message,
        ...(cause ? { related: [cause] } : {}),
      });
    }
  }
  return out;
}

function vanishingMessage(
  root: string,
  worst: TraceNode,
  count: number,
  of: number,
  limit: number,
  t: Messages,
): string {
  const { d, who } = subject(root, worst, t);
  const grad = formatValues(worst.rootGrad!, worst.shape);
  if (count === 1 && of === 1) {
    return numberStatus(worst.rootGrad!) === "zero"
      ? t("health.vanishing.zero", d, who, root)
      : t("health.vanishing.one", d, grad, formatNumber(limit), who);
  }
  return t("health.vanishing.many", count, of, formatNumber(limit), grad);
}

/**
 * Follows the path that carries most of a leaf's gradient (at each value, the use with the largest
 * contribution) up to the root, and points at the edge that shrank (or grew) the gradient most:
 * the gradient arriving at it divided by what it passes on, a scalar edge's |local derivative|.
 */
function dominantPathEdge(
  trace: Trace,
  uses: number[][],
  leaf: number,
  kind: "shrink" | "grow",
  t: Messages,
): RelatedInfo | null {
  let best: { edge: TraceEdge; ratio: number } | null = null;
  let at = leaf;
  for (let guard = 0; at !== trace.root && guard < trace.nodes.length; guard++) {
    let next: TraceEdge | null = null;
    for (const edgeId of uses[at]) {
      const edge = trace.edges[edgeId];
      if (!edge.contribution || !trace.nodes[edge.to].rootGrad) continue;
      if (!next || carriesMore(trace, edge, next)) next = edge;
    }
    if (!next) break;
    const upstream = magnitude(trace.nodes[next.to].rootGrad!);
    if (upstream > 0 && Number.isFinite(upstream)) {
      const ratio = magnitude(next.contribution!) / upstream;
      if (!best || (kind === "shrink" ? ratio < best.ratio : ratio > best.ratio))
        best = { edge: next, ratio };
    }
    at = next.to;
  }
  if (!best) return null;
  const { edge, ratio } = best;
  if (kind === "shrink" ? ratio >= SHRINK_RATIO : ratio <= GROWTH_RATIO) return null;
  const node = trace.nodes[edge.to];
  if (!node.span) return null;
  return { span: node.span, message: causeText(node, edge, ratio, t) };
}

/** Whether use `a` carries more than `b`: a larger contribution, or on a tie (zeros past a dead
 * ReLU) a larger gradient arriving, which leads on to the edge that blocked it. */
function carriesMore(trace: Trace, a: TraceEdge, b: TraceEdge): boolean {
  const ca = magnitude(a.contribution!);
  const cb = magnitude(b.contribution!);
  if (ca !== cb) return ca > cb;
  return magnitude(trace.nodes[a.to].rootGrad!) > magnitude(trace.nodes[b.to].rootGrad!);
}

function causeText(node: TraceNode, edge: TraceEdge, ratio: number, t: Messages): string {
  const op = node.op.toLowerCase();
  const out = formatValues(node.data, node.shape);
  const factor = edge.local && edge.local.length === 1 ? formatNumber(edge.local[0]) : formatNumber(ratio);
  if (op === "relu" && ratio === 0) return t("health.cause.reluOff");
  if ((op === "tanh" || op === "sigmoid") && ratio < SHRINK_RATIO) {
    return t("health.cause.saturated", node.op, out, factor);
  }
  return ratio < 1
    ? t("health.cause.shrinks", node.op, factor)
    : t("health.cause.grows", node.op, factor, out);
}

/** How to speak of a parameter's gradient: `∂L/∂w` and `` `w` ``, or in words when it has no name. */
function subject(root: string, node: TraceNode, t: Messages): { d: string; who: string } {
  if (node.names.length === 0) return { d: t("health.subject.unnamed"), who: t("health.subject.it") };
  // The name it was first given: `h = w` later does not make the parameter `h`.
  const name = node.names[0];
  return { d: `∂${root}/∂${name}`, who: `\`${name}\`` };
}

function nonFiniteText(values: number[], t: Messages): string {
  const bad = values.filter((v) => !Number.isFinite(v));
  const kinds = [...new Set(bad.map((v) => formatNumber(v)))].join("/");
  return values.length === 1 ? kinds : t("health.nan.elements", kinds, bad.length, values.length);
}

function nonFiniteHint(node: TraceNode, inputs: TraceNode[], t: Messages): string | null {
  const op = node.op.toLowerCase();
  const x = inputs[0]?.data ?? [];
  if (op === "log" && x.some((v) => v <= 0)) return t("health.hint.log");
  if (op === "sqrt" && x.some((v) => v < 0)) return t("health.hint.sqrt");
  if (op === "exp") return t("health.hint.exp");
  if (op.startsWith("**")) {
    const k = Number(op.slice(2));
    if (k < 0 && x.some((v) => v === 0)) return t("health.hint.zeroPower");
    if (!Number.isInteger(k) && x.some((v) => v < 0)) return t("health.hint.fractionalPower");
  }
  if ((op === "/" || op === "div") && (inputs[1]?.data ?? []).some((v) => v === 0))
    return t("health.hint.division");
  return null;
}
