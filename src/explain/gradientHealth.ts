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
): HealthDiagnostic[] {
  const limits = { ...DEFAULT_THRESHOLDS, ...thresholds };
  const uses = outgoingEdges(trace);
  const found = [
    ...firstNonFiniteValue(trace),
    ...firstNonFiniteGradient(trace, uses),
    ...deadRelus(trace),
    ...parameterGradients(trace, uses, limits),
  ];
  // One finding per place: the first (the most fundamental) wins, and the run's own diagnostics
  // (the interpreter may report a NaN itself) come before all of these.
  const seen = new Set<string>();
  for (const d of trace.diagnostics) {
    if (d.span && HEALTH_CODES.has(d.code)) seen.add(`${d.span.from}:${d.span.to}`);
  }
  return found.filter((d) => {
    const key = d.span ? `${d.span.from}:${d.span.to}` : `null:${d.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The first value that is NaN/±∞ while everything it was computed from is finite. */
function firstNonFiniteValue(trace: Trace): HealthDiagnostic[] {
  for (const node of trace.nodes) {
    if (numberStatus(node.data) !== "nonfinite") continue;
    const inputs = node.inputEdges.map((e) => trace.nodes[trace.edges[e].from]);
    if (inputs.some((input) => numberStatus(input.data) === "nonfinite")) continue;
    const what = nonFiniteText(node.data);
    if (node.kind !== "op") {
      const start =
        node.kind === "const"
          ? `The constant ${what} enters the computation here`
          : `\`${displayName(trace, node)}\` is ${what} from the start`;
      const message =
        `${start}: the program made this number, not an operation. ` +
        "Everything computed from it will be non-finite too.";
      return [{ severity: "error", code: "nan", span: node.span, message }];
    }
    const from =
      inputs.length > 0 ? ` from ${inputs.map((i) => formatValues(i.data, i.shape)).join(" and ")}` : "";
    const hint = nonFiniteHint(node, inputs);
    const message =
      `\`${node.op}\` produced ${what}${from} here${hint ? ` (${hint})` : ""}. ` +
      "This is the first non-finite value in the run; everything computed from it is non-finite too.";
    const related = inputs
      .filter((input) => input.span && !sameSpan(input.span, node.span))
      .map((input) => ({
        span: input.span!,
        message: `The input ${formatValues(input.data, input.shape)} (\`${displayName(trace, input)}\`) was made here.`,
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
function firstNonFiniteGradient(trace: Trace, uses: number[][]): HealthDiagnostic[] {
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
        ? `its local derivative at ${at} is ${nonFiniteText(edge.local)}`
        : `upstream × local = ${formatValues(consumer.rootGrad ?? [], consumer.shape)} × ` +
          `${edge.local ? formatValues(edge.local, edge.local.length === 1 ? [] : [edge.local.length]) : "its local derivative"} overflows`;
    const message =
      `The gradient turns non-finite here: \`${consumer.op}\` passes ${nonFiniteText(edge.contribution!)} back ` +
      `to \`${name}\` (${why}). This is the first non-finite gradient in the backward pass; ` +
      "every value it flows back to gets a non-finite gradient too.";
    return [{ severity: "error", code: "nan", span: consumer.span ?? node.span, message }];
  }
  return [];
}

/** A ReLU expression whose every value (every loop iteration, every element) was ≤ 0. */
function deadRelus(trace: Trace): HealthDiagnostic[] {
  const reached = reachesRoot(trace);
  const bySpan = new Map<string, TraceNode[]>();
  for (const node of trace.nodes) {
    if (node.op.toLowerCase() !== "relu" || !node.span) continue;
    const key = `${node.span.from}:${node.span.to}`;
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
        ? `This ReLU's input is ${input ? formatValues(input.data, input.shape) : "≤ 0"}, so its output is 0 and ` +
          "its gradient is zero: nothing flows back through it."
        : `This ReLU's gradient is zero for every input (${count} of ${count} values ≤ 0): nothing flows back ` +
          "through it, so nothing before it learns from this path (a “dead” ReLU).";
    const related =
      input?.span && !sameSpan(input.span, last.span)
        ? [
            {
              span: input.span,
              message: `Its input comes from here (last value ${formatValues(input.data, input.shape)}).`,
            },
          ]
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
function parameterGradients(trace: Trace, uses: number[][], limits: GradientThresholds): HealthDiagnostic[] {
  if (trace.root === null) return [];
  const rootName = displayName(trace, trace.nodes[trace.root]);
  const groups = new Map<string, TraceNode[]>();
  for (const node of trace.nodes) {
    if (node.kind !== "leaf" || !node.rootGrad || node.id === trace.root) continue;
    if (numberStatus(node.rootGrad) === "nonfinite") continue; // the NaN finding covers it
    // Values with no place in the source share one group: they could only be reported together.
    const key = node.span ? `${node.span.from}:${node.span.to}` : "none";
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
      const cause = dominantPathEdge(trace, uses, worst.id, "shrink");
      out.push({
        severity: "warning",
        code: "vanishing",
        span: worst.span,
        message: vanishingMessage(rootName, worst, small.length, leaves.length, limits.vanishing),
        ...(cause ? { related: [cause] } : {}),
      });
    }
    if (large.length > 0) {
      const worst = large[0];
      const cause = dominantPathEdge(trace, uses, worst.id, "grow");
      const { d, who } = subject(rootName, worst);
      const message =
        large.length === 1 && leaves.length === 1
          ? `${d} is ${formatValues(worst.rootGrad!, worst.shape)}, exploding (above ` +
            `${formatNumber(limits.exploding)}): one gradient step would throw ${who} far off. ` +
            "Try a smaller learning rate or clip the gradient."
          : `${large.length} of ${leaves.length} values made here have exploding gradients (above ` +
            `${formatNumber(limits.exploding)}; the largest is ${formatValues(worst.rootGrad!, worst.shape)}): one gradient ` +
            "step would throw them far off. Try a smaller learning rate or clip the gradient.";
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

function vanishingMessage(root: string, worst: TraceNode, count: number, of: number, limit: number): string {
  const { d, who } = subject(root, worst);
  if (count === 1 && of === 1) {
    return numberStatus(worst.rootGrad!) === "zero"
      ? `${d} is exactly 0: ${who} feeds ${root}, but no gradient gets back to it, so training will not change it.`
      : `${d} is ${formatValues(worst.rootGrad!, worst.shape)}, vanishingly small (below ${formatNumber(limit)}): ` +
          `a gradient step will barely change ${who}.`;
  }
  return (
    `${count} of ${of} values made here have vanishing gradients (below ${formatNumber(limit)}; the smallest ` +
    `is ${formatValues(worst.rootGrad!, worst.shape)}): gradient steps will barely change them.`
  );
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
  return { span: node.span, message: causeText(node, edge, ratio) };
}

/** Whether use `a` carries more than `b`: a larger contribution, or on a tie (zeros past a dead
 * ReLU) a larger gradient arriving, which leads on to the edge that blocked it. */
function carriesMore(trace: Trace, a: TraceEdge, b: TraceEdge): boolean {
  const ca = magnitude(a.contribution!);
  const cb = magnitude(b.contribution!);
  if (ca !== cb) return ca > cb;
  return magnitude(trace.nodes[a.to].rootGrad!) > magnitude(trace.nodes[b.to].rootGrad!);
}

function causeText(node: TraceNode, edge: TraceEdge, ratio: number): string {
  const op = node.op.toLowerCase();
  const out = formatValues(node.data, node.shape);
  const factor = edge.local && edge.local.length === 1 ? formatNumber(edge.local[0]) : formatNumber(ratio);
  if (op === "relu" && ratio === 0)
    return "This ReLU is off here (its input is ≤ 0): its local derivative is 0, so no gradient passes.";
  if ((op === "tanh" || op === "sigmoid") && ratio < SHRINK_RATIO) {
    return `This \`${node.op}\` is saturated (output ${out}): its local derivative ${factor} shrinks every gradient passing through.`;
  }
  return ratio < 1
    ? `\`${node.op}\` scales the gradient by ${factor} here, shrinking it the most on its way back.`
    : `\`${node.op}\` scales the gradient by ${factor} here (its output is ${out}), growing it the most on its way back.`;
}

/** How to speak of a parameter's gradient: `∂L/∂w` and `` `w` ``, or in words when it has no name. */
function subject(root: string, node: TraceNode): { d: string; who: string } {
  if (node.names.length === 0) return { d: "The gradient of this value", who: "it" };
  // The name it was first given: `h = w` later does not make the parameter `h`.
  const name = node.names[0];
  return { d: `∂${root}/∂${name}`, who: `\`${name}\`` };
}

function nonFiniteText(values: number[]): string {
  const bad = values.filter((v) => !Number.isFinite(v));
  const kinds = [...new Set(bad.map((v) => formatNumber(v)))].join("/");
  return values.length === 1 ? kinds : `${kinds} in ${bad.length} of ${values.length} elements`;
}

function nonFiniteHint(node: TraceNode, inputs: TraceNode[]): string | null {
  const op = node.op.toLowerCase();
  const x = inputs[0]?.data ?? [];
  if (op === "log" && x.some((v) => v <= 0)) return "log is only defined for positive numbers";
  if (op === "sqrt" && x.some((v) => v < 0)) return "a square root of a negative number";
  if (op === "exp") return "exp overflows a float past about 709";
  if (op.startsWith("**")) {
    const k = Number(op.slice(2));
    if (k < 0 && x.some((v) => v === 0))
      return "0 to a negative power: a division by zero (micrograd computes a / b as a * b**-1)";
    if (!Number.isInteger(k) && x.some((v) => v < 0)) return "a negative number to a fractional power";
  }
  if ((op === "/" || op === "div") && (inputs[1]?.data ?? []).some((v) => v === 0))
    return "a division by zero";
  return null;
}

function sameSpan(a: Span | null, b: Span | null): boolean {
  return !!a && !!b && a.from === b.from && a.to === b.to;
}
