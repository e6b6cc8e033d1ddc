import type { NodeKind, Span } from "../trace/trace";
import type { NumberStatus } from "./format";
import {
  hasFields,
  isArrayOf,
  isBoolean,
  isInteger,
  isNullable,
  isNumber,
  isOneOf,
  isString,
  type Guard,
} from "./guards";
import type { Box, Point, ViewEdge, ViewGraph, ViewNode, ViewOpNode, ViewValueNode } from "./viewGraph";

const isPoint: Guard<Point> = (x): x is Point => hasFields<Point>(x, { x: isNumber, y: isNumber });
const isBox: Guard<Box> = (x): x is Box =>
  hasFields<Box>(x, { x: isNumber, y: isNumber, width: isNumber, height: isNumber });
const isSpan: Guard<Span> = (x): x is Span => hasFields<Span>(x, { from: isInteger, to: isInteger });
const isStatus = isOneOf(["normal", "zero", "nonfinite"] as const satisfies readonly NumberStatus[]);
const isStatusOrNone = isOneOf(["normal", "zero", "nonfinite", "none"] as const);

const isValueNode: Guard<ViewValueNode> = (x): x is ViewValueNode =>
  hasFields<ViewValueNode>(x, {
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
    box: isBox,
    layer: isInteger,
  });

const isOpNode: Guard<ViewOpNode> = (x): x is ViewOpNode =>
  hasFields<ViewOpNode>(x, {
    kind: isOneOf(["op"] as const),
    key: isString,
    trace: isInteger,
    symbol: isString,
    title: isString,
    box: isBox,
    layer: isInteger,
  });

const isNode: Guard<ViewNode> = (x): x is ViewNode => isValueNode(x) || isOpNode(x);

const isEdge: Guard<ViewEdge> = (x): x is ViewEdge =>
  hasFields<ViewEdge>(x, {
    kind: isOneOf(["input", "output"] as const),
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
  });

/** A well-formed view graph: every field typed, keys unique, every edge joining two of its nodes. */
export function isViewGraph(x: unknown): x is ViewGraph {
  if (
    !hasFields<ViewGraph>(x, {
      nodes: isArrayOf(isNode),
      edges: isArrayOf(isEdge),
      width: isNumber,
      height: isNumber,
      root: isNullable(isInteger),
      rootName: isString,
    })
  ) {
    return false;
  }
  const keys = new Set<string>();
  for (const node of x.nodes) {
    if (keys.has(node.key)) return false;
    keys.add(node.key);
  }
  return x.edges.every((e) => keys.has(e.from) && keys.has(e.to) && e.points.length >= 2);
}
