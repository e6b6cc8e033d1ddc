import type { Trace, TraceNode } from "../../trace/trace";
import { formatNumber, type NumberStatus } from "../format";
import { GROUP_NODE, VALUE_NODE, valueNodeWidth } from "../nodeMetrics";
import type { ViewEdge, ViewGroupNode } from "../viewGraph";
import type { Unit } from "./foldedGraph";
import type { Fold, FoldTree } from "./foldTree";

/** Running numbers over a group's values, gathered in one pass over the trace. */
export interface GroupStats {
  min: number;
  max: number;
  nonfinite: boolean;
  gradSum: number;
  gradCount: number;
  gradNonfinite: boolean;
  values: number;
  root: boolean;
  /** Runs of member ids, as ViewGroupNode.members. */
  runs: number[];
}

export function emptyStats(): GroupStats {
  return {
    min: Infinity,
    max: -Infinity,
    nonfinite: false,
    gradSum: 0,
    gradCount: 0,
    gradNonfinite: false,
    values: 0,
    root: false,
    runs: [],
  };
}

export function addToStats(stats: GroupStats, node: TraceNode, isRoot: boolean): void {
  stats.values++;
  if (isRoot) stats.root = true;
  const runs = stats.runs;
  if (runs.length > 0 && runs[runs.length - 1] === node.id - 1) runs[runs.length - 1] = node.id;
  else runs.push(node.id, node.id);
  for (const v of node.data) {
    if (!Number.isFinite(v)) stats.nonfinite = true;
    else {
      if (v < stats.min) stats.min = v;
      if (v > stats.max) stats.max = v;
    }
  }
  const grad = node.rootGrad ?? node.grad;
  if (grad === null) return;
  for (const g of grad) {
    if (!Number.isFinite(g)) stats.gradNonfinite = true;
    else {
      stats.gradSum += Math.abs(g);
      stats.gradCount++;
    }
  }
}

/**
 * A call's box keeps this many characters more than an expression's label: its title names an
 * object, `Dense.backward (network[2])`, and cut short it would not say which.
 */
const CALL_LABEL_CHARS = 12;

export function groupNode(
  unit: Extract<Unit, { kind: "group" }>,
  trace: Trace,
  tree: FoldTree,
  stats: GroupStats,
  /** `extra`: characters a label may keep beyond the usual limit. */
  shorten: (text: string, extra: number) => string,
): ViewGroupNode {
  const folds = unit.folds.map((f) => tree.folds[f]);
  const main = folds[0];
  const count = main.kind === "span" ? main.items : 1;
  const merged = folds.length > 1;
  const label = shorten(
    merged ? mergedLabel(folds) : main.label,
    main.kind === "call" ? CALL_LABEL_CHARS : 0,
  );
  const data =
    stats.min > stats.max
      ? stats.nonfinite
        ? "NaN/∞"
        : "—"
      : stats.min === stats.max
        ? formatNumber(stats.min)
        : `${formatNumber(stats.min)} … ${formatNumber(stats.max)}`;
  const grad = stats.gradNonfinite
    ? "NaN/∞"
    : stats.gradCount === 0
      ? "None"
      : `|·| ${formatNumber(stats.gradSum / stats.gradCount)}`;
  const gradStatus: NumberStatus | "none" = stats.gradNonfinite
    ? "nonfinite"
    : stats.gradCount === 0
      ? "none"
      : stats.gradSum === 0
        ? "zero"
        : "normal";
  const loop = unit.loopEdges.length > 0 ? `↻ ${unit.loopEdges.length}` : null;
  const last = Math.max(...folds.map((f) => f.last));
  const name = count > 1 ? `${label} ×${count}` : label;
  const title = [
    count > 1
      ? `${main.label} — ran ${count} times`
      : main.kind === "call"
        ? `call of ${main.label}`
        : main.label,
    ...(merged ? [`one loop: ${folds.map((f) => f.label).join(", ")}`] : []),
    `${stats.values} values folded into one box`,
    `data ${data}`,
    `mean |grad| ${stats.gradCount === 0 ? "None" : formatNumber(stats.gradSum / stats.gradCount)}`,
    ...(loop ? [`${unit.loopEdges.length} edges feed the next iteration (${loop})`] : []),
    "Click to expand.",
  ].join("\n");
  return {
    kind: "group",
    key: main.key,
    folds: folds.map((f) => f.key),
    trace: trace.nodes[last]?.id ?? -1,
    fold: main.kind,
    label: name,
    count,
    values: stats.values,
    members: stats.runs,
    data,
    grad,
    dataStatus: stats.nonfinite ? "nonfinite" : stats.min === 0 && stats.max === 0 ? "zero" : "normal",
    gradStatus,
    loop,
    root: stats.root,
    title,
    span: main.span,
    box: {
      x: 0,
      y: 0,
      width: valueNodeWidth(name, `data ${data}`, `grad ${grad}`) + GROUP_NODE.stack * GROUP_NODE.offset,
      height: VALUE_NODE.height + GROUP_NODE.stack * GROUP_NODE.offset + (loop ? GROUP_NODE.loopRoom : 0),
    },
    layer: 0,
  };
}

/** A loop's body named by its outermost expression when one contains the rest (`(h * w).tanh()`). */
function mergedLabel(folds: readonly Fold[]): string {
  const outer = folds.find((f) =>
    folds.every(
      (g) =>
        f.span !== null &&
        g.span !== null &&
        f.span.file === g.span.file &&
        f.span.from <= g.span.from &&
        g.span.to <= f.span.to,
    ),
  );
  return outer ? outer.label : folds.map((f) => f.label).join(" · ");
}

/** The trace edges between two units, added up into one bundle edge. */
export interface Bundle {
  from: string;
  to: string;
  fromTrace: number;
  toTrace: number;
  count: number;
  sum: number;
  /** Any edge whose contribution reaches the root. */
  flows: boolean;
  nonfinite: boolean;
  /**
   * What the program's own backward sent along one of its edges where the chain rule sends
   * otherwise (TraceEdge.mismatch, in words), or null: the bundle is drawn red, as that edge
   * would be, so a mistake stays in sight with a layer's box closed.
   */
  mismatch: string | null;
}

export function bundleEdge(bundle: Bundle, fromLabel: string, toLabel: string): ViewEdge {
  const { count, sum } = bundle;
  const status: NumberStatus | "none" = !bundle.flows
    ? "none"
    : bundle.nonfinite || !Number.isFinite(sum)
      ? "nonfinite"
      : sum === 0
        ? "zero"
        : "normal";
  const label = bundle.flows ? (count > 1 ? `Σ ${formatNumber(sum)}` : formatNumber(sum)) : null;
  const edges = count === 1 ? "1 edge" : `${count} edges`;
  const flow = bundle.flows
    ? `${edges} from ${fromLabel} into ${toLabel}\nthe gradient they pass back sums to ${formatNumber(sum)}`
    : null;
  const chainRule =
    bundle.mismatch === null ? flow : flow === null ? bundle.mismatch : `${flow}\n${bundle.mismatch}`;
  return {
    ...(bundle.mismatch !== null ? { mismatch: true as const } : {}),
    kind: "bundle",
    key: `b${bundle.from}>${bundle.to}`,
    from: bundle.from,
    to: bundle.to,
    fromTrace: bundle.fromTrace,
    toTrace: bundle.toTrace,
    label,
    chainRule,
    status,
    weight: 0,
    points: [],
    labelAt: null,
  };
}
