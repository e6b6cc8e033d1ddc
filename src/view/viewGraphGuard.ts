import type { NodeKind, Span } from "../trace/trace";
import type { NumberStatus } from "./format";
import {
  isArrayOf,
  isBoolean,
  isInteger,
  isNullable,
  isNumber,
  isOneOf,
  isOptional,
  isString,
  objectOf,
  type Guard,
} from "./guards";
import type {
  Box,
  Heatmap,
  Point,
  TensorHeatmaps,
  ViewEdge,
  ViewFrame,
  ViewGraph,
  ViewGroupNode,
  ViewNode,
  ViewOpNode,
  ViewValueNode,
} from "./viewGraph";

// Each guard is built once: a graph message holds thousands of nodes and edges.
const isPoint = objectOf<Point>({ x: isNumber, y: isNumber });
const isBox = objectOf<Box>({ x: isNumber, y: isNumber, width: isNumber, height: isNumber });
const isSpan = objectOf<Span>({ from: isInteger, to: isInteger, file: isOptional(isString) });
const isStatus = isOneOf(["normal", "zero", "nonfinite"] as const satisfies readonly NumberStatus[]);
const isStatusOrNone = isOneOf(["normal", "zero", "nonfinite", "none"] as const);

/** A heatmap cell: a value over the tensor's largest |x| (so within ±1), or null for NaN/±∞. */
const isCell = (x: unknown): x is number | null => x === null || (isNumber(x) && Math.abs(x) <= 1);
const isHeatmapShape = objectOf<Heatmap>({
  rows: isInteger,
  cols: isInteger,
  cells: isArrayOf(isCell),
  scale: isString,
});
const isHeatmap: Guard<Heatmap> = (x): x is Heatmap =>
  isHeatmapShape(x) && x.rows >= 1 && x.cols >= 1 && x.cells.length === x.rows * x.cols;
const isHeatmaps = objectOf<TensorHeatmaps>({ data: isHeatmap, grad: isNullable(isHeatmap) });

const isValueNode = objectOf<ViewValueNode>({
  kind: isOneOf(["value"] as const),
  key: isString,
  trace: isInteger,
  role: isOneOf(["leaf", "const", "op"] as const satisfies readonly NodeKind[]),
  root: isBoolean,
  label: isString,
  title: isString,
  data: isString,
  grad: isString,
  dataStatus: isStatus,
  gradStatus: isStatusOrNone,
  span: isNullable(isSpan),
  fold: isNullable(isString),
  heatmaps: isOptional(isHeatmaps),
  cut: isOptional(isOneOf(["no_grad", "detach"] as const)),
  box: isBox,
  layer: isInteger,
});

const isGroupNode = objectOf<ViewGroupNode>({
  kind: isOneOf(["group"] as const),
  key: isString,
  folds: isArrayOf(isString),
  trace: isInteger,
  fold: isOneOf(["span", "call"] as const),
  label: isString,
  count: isInteger,
  values: isInteger,
  members: isArrayOf(isInteger),
  data: isString,
  grad: isString,
  dataStatus: isStatus,
  gradStatus: isStatusOrNone,
  loop: isNullable(isString),
  root: isBoolean,
  title: isString,
  span: isNullable(isSpan),
  box: isBox,
  layer: isInteger,
});

const isOpNode = objectOf<ViewOpNode>({
  kind: isOneOf(["op"] as const),
  key: isString,
  trace: isInteger,
  symbol: isString,
  title: isString,
  box: isBox,
  layer: isInteger,
});

const isNode: Guard<ViewNode> = (x): x is ViewNode => isValueNode(x) || isOpNode(x) || isGroupNode(x);

const isFrame = objectOf<ViewFrame>({
  key: isString,
  label: isString,
  depth: isInteger,
  members: isArrayOf(isString),
  box: isBox,
});

const isEdge = objectOf<ViewEdge>({
  kind: isOneOf(["input", "output", "bundle"] as const),
  key: isString,
  from: isString,
  to: isString,
  fromTrace: isInteger,
  toTrace: isInteger,
  label: isNullable(isString),
  chainRule: isNullable(isString),
  status: isStatusOrNone,
  weight: isNumber,
  points: isArrayOf(isPoint),
  labelAt: isNullable(isPoint),
  mismatch: isOptional((x): x is true => x === true),
});

const isGraphShape = objectOf<ViewGraph>({
  nodes: isArrayOf(isNode),
  edges: isArrayOf(isEdge),
  width: isNumber,
  height: isNumber,
  root: isNullable(isInteger),
  rootName: isString,
  direction: isOneOf(["left-to-right", "right-to-left", "top-to-bottom"] as const),
  frames: isOptional(isArrayOf(isFrame)),
});

/** A well-formed view graph: every field typed, keys unique, every edge joining two of its nodes. */
export function isViewGraph(x: unknown): x is ViewGraph {
  if (!isGraphShape(x)) return false;
  const keys = new Set<string>();
  for (const node of x.nodes) {
    if (keys.has(node.key)) return false;
    keys.add(node.key);
  }
  if (x.frames && !x.frames.every((f) => f.members.every((k) => keys.has(k)))) return false;
  return x.edges.every((e) => keys.has(e.from) && keys.has(e.to) && e.points.length >= 2);
}
