import type { Trace, TraceEdge, TraceNode } from "../trace/trace";
import { chainRuleText } from "./chainRule";
import { callFrames, fitFrames, framePaths } from "./folding/callFrames";
import { foldGraph } from "./folding/foldedGraph";
import { closedFolds, type FoldOptions } from "./folding/foldState";
import { foldTree } from "./folding/foldTree";
import {
  addToStats,
  bundleEdge,
  emptyStats,
  groupNode,
  type Bundle,
  type GroupStats,
} from "./folding/groupView";
import {
  formatNumber,
  formatShape,
  formatValues,
  magnitude,
  numberStatus,
  type NumberStatus,
} from "./format";
import { layeredLayout } from "./layout/layeredLayout";
import { reusableLayout } from "./layoutReuse";
import { tensorHeatmap } from "./tensorHeatmap";
import { traceIndex } from "./traceIndex";
import type { LayoutEdge, LayoutNode, LayoutOptions } from "./layout/layoutTypes";
import {
  CUT_TAG,
  edgeLabelRoom,
  heatmapsLayout,
  OP_NODE,
  opNodeWidth,
  VALUE_NODE,
  valueNodeWidth,
} from "./nodeMetrics";
import { opSymbol } from "./opSymbol";
import type { TensorHeatmaps, ViewEdge, ViewGraph, ViewNode, ViewOpNode, ViewValueNode } from "./viewGraph";

export interface BuildViewGraphOptions extends FoldOptions {
  /** Longest label before it is shortened with `…` (the full text stays in the tooltip). */
  labelChars?: number;
  layout?: Partial<LayoutOptions>;
  /**
   * The graph last built for the same program with the same options: when only numbers
   * changed (same structure, same box and label sizes), its layout is reused as it is.
   */
  previous?: ViewGraph;
}

const DEFAULT_LABEL_CHARS = 24;
/** Characters a box keeps for a number: `-123.4567` and `-1.235e-05` fit; ±10000 and more grow it. */
const NUMBER_ROOM = 10;
/** Edge weights span this many powers of ten below the largest flow; smaller flows look alike. */
const WEIGHT_DECADES = 4;
const MIN_WEIGHT = 0.06;

/**
 * Turns a trace into the graph the webview draws: a value node per trace node, an op node
 * before every operation's result, an edge from each operand to the op node carrying its
 * contribution, and an edge from the op node to the result; then lays it all out. Past
 * `nodeLimit` values, loops and calls fold into group nodes (see folding/), with the edges
 * to and from each group bundled into one.
 */
export function buildViewGraph(trace: Trace, options: BuildViewGraphOptions = {}): ViewGraph {
  const labelChars = options.labelChars ?? DEFAULT_LABEL_CHARS;
  const index = traceIndex(trace);
  const rootNode = trace.root === null ? undefined : index.node(trace.root);
  const labels = index.labels;
  const rootName = rootNode ? labels[rootNode.id] : "L";

  const tree = foldTree(trace);
  const folded = foldGraph(trace, tree, closedFolds(tree, trace.nodes.length, options));
  const { unitOf, units } = folded;
  const stats: (GroupStats | null)[] = units.map((u) => (u.kind === "group" ? emptyStats() : null));
  trace.nodes.forEach((node, i) => {
    const s = stats[unitOf[i]];
    if (s) addToStats(s, node, node.id === trace.root);
  });

  const nodes: ViewNode[] = [];
  const layoutNodes: LayoutNode[] = [];
  const indexOfKey = new Map<string, number>();
  const addNode = (node: ViewNode) => {
    indexOfKey.set(node.key, nodes.length);
    nodes.push(node);
    layoutNodes.push({ width: node.box.width, height: node.box.height });
  };
  /** Per unit: the key edges leave it by, the key they enter it by, and what to call it. */
  const outKey: string[] = [];
  const inKey: string[] = [];
  const unitLabel: string[] = [];
  const unitTrace: number[] = [];
  units.forEach((unit, u) => {
    if (unit.kind === "group") {
      const group = groupNode(unit, trace, tree, stats[u]!, (t, extra) => shorten(t, labelChars + extra));
      addNode(group);
      outKey[u] = inKey[u] = group.key;
      unitLabel[u] = group.label;
      unitTrace[u] = group.trace;
      return;
    }
    const node = trace.nodes[unit.node];
    if (node.kind === "op")
      addNode(
        opNode(
          node,
          node.inputEdges.map((id) => index.edge(id)?.rule ?? ""),
        ),
      );
    const owner = tree.owner[unit.node];
    const value = valueNode(node, node.id === trace.root, shorten(labels[node.id], labelChars));
    value.fold = owner >= 0 ? tree.folds[owner].key : null;
    addNode(value);
    outKey[u] = `v${node.id}`;
    inKey[u] = `o${node.id}`;
    unitLabel[u] = labels[node.id];
    unitTrace[u] = node.id;
  });

  const edges: ViewEdge[] = [];
  const layoutEdges: LayoutEdge[] = [];
  /** The gradient each edge carries, to weigh it. */
  const flows: (readonly number[] | null)[] = [];
  const addEdge = (edge: ViewEdge, flow: readonly number[] | null) => {
    edges.push(edge);
    flows.push(flow);
    layoutEdges.push({
      from: indexOfKey.get(edge.from)!,
      to: indexOfKey.get(edge.to)!,
      labelWidth: edge.label === null ? 0 : edgeLabelRoom(edge.label),
    });
  };

  // Edges between two drawn values stay one edge each; any edge with a group at an end joins
  // the bundle for its two units.
  const bundles = new Map<number, Bundle>();
  trace.nodes.forEach((node, i) => {
    if (node.kind !== "op") return;
    const to = unitOf[i];
    const single = units[to].kind === "node";
    for (const edgeId of node.inputEdges) {
      const edge = index.edge(edgeId);
      if (!edge || edge.to !== node.id) continue;
      const at = index.position(edge.from);
      if (at < 0) continue;
      const from = unitOf[at];
      if (from === to) continue; // inside a group (a loop's self-edge is the group's marker)
      const operand = trace.nodes[at];
      if (single && units[from].kind === "node") {
        addEdge(inputEdge(edge, operand, node, rootName, labels), edge.contribution);
        continue;
      }
      const pair = from * units.length + to;
      let bundle = bundles.get(pair);
      if (!bundle) {
        bundle = {
          from: outKey[from],
          to: inKey[to],
          fromTrace: unitTrace[from],
          toTrace: unitTrace[to],
          count: 0,
          sum: 0,
          flows: false,
          nonfinite: false,
          mismatch: null,
        };
        bundles.set(pair, bundle);
      }
      bundle.count++;
      if (edge.mismatch && bundle.mismatch === null) bundle.mismatch = mismatchText(edge.mismatch, node);
      const c = edge.contribution;
      if (c !== null) {
        bundle.flows = true;
        const amount = c.length === 1 && operand.shape.length === 0 ? c[0] : magnitude(c);
        if (!Number.isFinite(amount)) bundle.nonfinite = true;
        else bundle.sum += amount;
      }
    }
    if (single) addEdge(outputEdge(node), shownGrad(node));
  });
  for (const [pair, bundle] of bundles) {
    const from = Math.floor(pair / units.length);
    const to = pair % units.length;
    const edge = bundleEdge(bundle, unitLabel[from], unitLabel[to]);
    addEdge(edge, bundle.flows ? [bundle.nonfinite ? Infinity : bundle.sum] : null);
  }
  assignWeights(edges, flows);

  // the open calls' frames, known before the layout so it keeps each one's members together
  const frames = callFrames(tree, nodes, options.expanded);
  if (frames.length > 0) {
    const paths = framePaths(
      frames,
      nodes.map((n) => n.key),
    );
    layoutNodes.forEach((n, i) => {
      const path = paths[i];
      if (path) n.clusters = path;
    });
  }
  const layout =
    (options.previous && reusableLayout(options.previous, nodes, layoutNodes, edges, layoutEdges)) ??
    layeredLayout(layoutNodes, layoutEdges, options.layout);
  nodes.forEach((node, i) => {
    node.box = layout.boxes[i];
    node.layer = layout.layers[i];
  });
  edges.forEach((edge, i) => {
    edge.points = layout.routes[i];
    edge.labelAt = edge.label === null ? null : layout.labelAt[i];
  });
  const graph: ViewGraph = {
    nodes,
    edges,
    width: layout.width,
    height: layout.height,
    root: rootNode ? rootNode.id : null,
    rootName,
    direction: "left-to-right",
  };
  return frames.length === 0 ? graph : fitFrames({ ...graph, frames });
}

/** The gradient the graph shows: ∂root/∂x when there is a root, else what `.grad` reads. */
function shownGrad(node: TraceNode): number[] | null {
  return node.rootGrad ?? node.grad;
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text; // no more code points than UTF-16 units: the usual case, no copy
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

function valueNode(node: TraceNode, isRoot: boolean, label: string): ViewValueNode {
  const grad = shownGrad(node);
  const data = formatValues(node.data, node.shape);
  const gradText = grad === null ? "None" : formatValues(grad, node.shape);
  const heatmaps = tensorHeatmaps(node, grad);
  // Room for a number of the usual widths, so a training step's new numbers fit the old box.
  let width = valueNodeWidth(
    node.cut ? `${label}  ${CUT_TAG[node.cut]}` : label,
    `data ${data.padStart(NUMBER_ROOM)}`,
    `grad ${gradText.padStart(NUMBER_ROOM)}`,
  );
  let height: number = VALUE_NODE.height;
  if (heatmaps) {
    const band = heatmapsLayout(heatmaps.data.rows, heatmaps.data.cols, heatmaps.grad ? 2 : 1);
    width = Math.max(width, band.width + 2 * VALUE_NODE.paddingX);
    height += band.height;
  }
  const view: ViewValueNode = {
    kind: "value",
    key: `v${node.id}`,
    trace: node.id,
    role: node.kind,
    root: isRoot,
    label,
    title: valueTitle(node, isRoot, data, gradText, label),
    data,
    grad: gradText,
    dataStatus: numberStatus(node.data),
    gradStatus: grad === null ? "none" : numberStatus(grad),
    span: node.span,
    fold: null,
    box: { x: 0, y: 0, width, height },
    layer: 0,
  };
  if (heatmaps) view.heatmaps = heatmaps;
  if (node.cut) view.cut = node.cut;
  return view;
}

/** The heatmaps of a tensor whose numbers the trace holds; the gradient's only when it has one. */
function tensorHeatmaps(node: TraceNode, grad: readonly number[] | null): TensorHeatmaps | null {
  const data = tensorHeatmap(node.data, node.shape);
  if (data === null) return null;
  return { data, grad: grad === null ? null : tensorHeatmap(grad, node.shape) };
}

/** Why no gradient flows back through a cut value, for its tooltip. */
const CUT_REASON = {
  no_grad: "made with gradient recording off (torch.no_grad()): no gradient flows back through it",
  detach: "cut off from the graph (.detach() or .data): no gradient flows back through it",
} as const;

function valueTitle(node: TraceNode, isRoot: boolean, data: string, grad: string, label: string): string {
  const role = isRoot
    ? "root of backward()"
    : { leaf: "leaf", const: "constant", op: `result of ${node.op}` }[node.kind];
  const lines = [node.names.length > 0 ? node.names.join(" = ") : label];
  if (node.expr !== null && node.expr !== lines[0]) lines.push(node.expr);
  lines.push(node.shape.length > 0 ? `${role} · shape ${formatShape(node.shape)}` : role);
  if (node.cut) lines.push(CUT_REASON[node.cut]);
  lines.push(`data ${data}`, `grad ${grad}`);
  const check = node.own?.check;
  if (check !== undefined) {
    lines.push(
      check.agrees
        ? "✓ your .grad matches the chain rule"
        : `✗ your .grad is ${formatNumber(check.yours)}, the chain rule gives ${grad}`,
    );
  }
  if (node.span !== null) lines.push("Click to show it in the source.");
  return lines.join("\n");
}

function opNode(node: TraceNode, rules: readonly string[]): ViewOpNode {
  const symbol = opSymbol(node.op);
  // The operation and its local-gradient rules, once each (`a + b` has two, `x * x` repeats one).
  const lines = [node.expr !== null ? `${node.op}  ·  ${node.expr}` : node.op];
  for (const rule of rules) if (rule !== "" && !lines.includes(rule)) lines.push(rule);
  return {
    kind: "op",
    key: `o${node.id}`,
    trace: node.id,
    symbol,
    title: lines.join("\n"),
    box: { x: 0, y: 0, width: opNodeWidth(symbol), height: OP_NODE.diameter },
    layer: 0,
  };
}

function inputEdge(
  edge: TraceEdge,
  operand: TraceNode,
  result: TraceNode,
  rootName: string,
  labels: readonly string[],
): ViewEdge {
  const contribution = edge.contribution;
  const view: ViewEdge = {
    kind: "input",
    key: `e${edge.id}`,
    from: `v${operand.id}`,
    to: `o${result.id}`,
    fromTrace: operand.id,
    toTrace: result.id,
    label: contribution === null ? null : formatValues(contribution, operand.shape),
    chainRule: chainRuleText({
      root: rootName,
      operand: labels[operand.id],
      result: labels[result.id],
      upstream: shownGrad(result),
      local: edge.local,
      contribution,
      resultShape: result.shape,
      operandShape: operand.shape,
      rule: edge.rule,
    }),
    status: contribution === null ? "none" : numberStatus(contribution),
    weight: 0,
    points: [],
    labelAt: null,
  };
  if (edge.mismatch) {
    // the learner's own `_backward` sent something else: say so beside the chain rule
    view.mismatch = true;
    const yours = mismatchText(edge.mismatch, result);
    view.chainRule = view.chainRule === null ? yours : `${view.chainRule}\n${yours}`;
  }
  return view;
}

/** What the program's own backward sent along an edge, beside what the chain rule sends. */
function mismatchText(mismatch: NonNullable<TraceEdge["mismatch"]>, result: TraceNode): string {
  return result.tensor
    ? `your backward gives ${formatNumber(mismatch.given)} where the chain rule gives ${formatNumber(mismatch.expected)} (the largest difference)`
    : `your _backward sent ${formatNumber(mismatch.given)} instead of ${formatNumber(mismatch.expected)}`;
}

function outputEdge(result: TraceNode): ViewEdge {
  const grad = shownGrad(result);
  return {
    kind: "output",
    key: `r${result.id}`,
    from: `o${result.id}`,
    to: `v${result.id}`,
    fromTrace: result.id,
    toTrace: result.id,
    label: null,
    chainRule: null,
    status: grad === null ? "none" : numberStatus(grad),
    weight: 0,
    points: [],
    labelAt: null,
  };
}

/**
 * Weighs each edge by the gradient it carries (an input edge: its contribution; an output
 * edge: the result's gradient) on a log scale against the largest in the graph, so a flow a
 * thousand times smaller is thin but still visible. Non-finite flows weigh fully: they matter.
 */
function assignWeights(edges: ViewEdge[], flows: readonly (readonly number[] | null)[]): void {
  let largest = 0;
  for (const f of flows)
    if (f !== null && numberStatus(f) === "normal") largest = Math.max(largest, magnitude(f));
  edges.forEach((edge, i) => {
    const f = flows[i];
    const status: NumberStatus | "none" = f === null ? "none" : numberStatus(f);
    if (status === "nonfinite") edge.weight = 1;
    else if (f === null || status !== "normal" || largest === 0) edge.weight = 0;
    else
      edge.weight = Math.max(
        MIN_WEIGHT,
        Math.min(1, 1 + Math.log10(magnitude(f) / largest) / WEIGHT_DECADES),
      );
  });
}
