import type { Box, Point } from "../viewGraph";
import { verticalCentres } from "./coordinates";
import { orderLayers } from "./crossingReduction";
import { buildLayeredGraph, type LayeredGraph } from "./layeredGraph";
import { assignLayers } from "./layering";
import {
  DEFAULT_LAYOUT_OPTIONS,
  type Layout,
  type LayoutEdge,
  type LayoutNode,
  type LayoutOptions,
} from "./layoutTypes";

/**
 * A layered (Sugiyama-style) layout, flowing left to right: columns by longest path, dummy
 * nodes on long edges, barycenter crossing reduction, then vertical placement by ordered
 * least squares. Deterministic: no randomness, stable sorts, index-order tie breaks.
 */
export function layeredLayout(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  options: Partial<LayoutOptions> = {},
): Layout {
  const opts: LayoutOptions = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  const { layers, acyclic } = assignLayers(nodes.length, edges);
  const graph = buildLayeredGraph(nodes, edges, layers, acyclic, opts.edgeGap + 4);
  const order = orderLayers(graph, opts.sweeps);
  const centre = verticalCentres(graph, order, opts);
  const columns = columnExtents(graph, edges, opts);

  // Move everything down so the topmost box starts at the margin.
  let top = Infinity;
  let bottom = -Infinity;
  for (let n = 0; n < graph.count; n++) {
    top = Math.min(top, centre[n] - graph.height[n] / 2);
    bottom = Math.max(bottom, centre[n] + graph.height[n] / 2);
  }
  if (graph.count === 0) top = bottom = 0;
  const shift = opts.margin - top;

  const boxes: Box[] = nodes.map((node, i) => {
    const column = columns.left[layers[i]];
    return {
      x: column + (columns.width[layers[i]] - node.width) / 2,
      y: centre[i] + shift - node.height / 2,
      width: node.width,
      height: node.height,
    };
  });
  const routes = edges.map((edge, i) => route(graph, graph.chains[i], boxes, edge, centre, shift, columns));
  const labelAt = routes.map((points, i) => gapMiddle(points, columns.left[layers[edges[i].to]]));
  spreadParallelEdges(edges, graph, routes, labelAt, opts.parallelSpread);

  const right =
    columns.left.length > 0
      ? columns.left[columns.left.length - 1] + columns.width[columns.width.length - 1]
      : 0;
  return {
    boxes,
    layers: [...layers],
    routes,
    labelAt,
    width: right + opts.margin,
    height: bottom - top + 2 * opts.margin,
  };
}

interface ColumnExtents {
  left: number[];
  width: number[];
}

/** Each column is as wide as its widest box; the gap before a column fits the labels that end in it. */
function columnExtents(
  graph: LayeredGraph,
  edges: readonly LayoutEdge[],
  opts: LayoutOptions,
): ColumnExtents {
  const width = new Array<number>(graph.layerCount).fill(0);
  for (let n = 0; n < graph.count; n++)
    width[graph.layer[n]] = Math.max(width[graph.layer[n]], graph.width[n]);
  const gapBefore = new Array<number>(graph.layerCount).fill(opts.layerGap);
  edges.forEach((edge, i) => {
    if (graph.chains[i].length === 0 || edge.labelWidth <= 0) return;
    const l = graph.layer[edge.to];
    gapBefore[l] = Math.max(gapBefore[l], edge.labelWidth + 2 * opts.labelPadding);
  });
  const left: number[] = [];
  let x = opts.margin;
  for (let l = 0; l < graph.layerCount; l++) {
    if (l > 0) x += gapBefore[l];
    left.push(x);
    x += width[l];
  }
  return { left, width };
}

function route(
  graph: LayeredGraph,
  chain: readonly number[],
  boxes: readonly Box[],
  edge: LayoutEdge,
  centre: Float64Array,
  shift: number,
  columns: ColumnExtents,
): Point[] {
  const from = boxes[edge.from];
  const to = boxes[edge.to];
  const start = { x: from.x + from.width, y: from.y + from.height / 2 };
  const end = { x: to.x, y: to.y + to.height / 2 };
  if (chain.length === 0) return [start, end]; // left out of the layering (a cycle): drawn direct
  // Straight through columns, bending only in the gaps between them, so every bend (and the
  // label in the middle of the last one) lies where no box is.
  const points: Point[] = [start];
  const fromColumnRight = columns.left[graph.layer[edge.from]] + columns.width[graph.layer[edge.from]];
  if (fromColumnRight > start.x) points.push({ x: fromColumnRight, y: start.y });
  for (let k = 1; k + 1 < chain.length; k++) {
    const l = graph.layer[chain[k]];
    const y = centre[chain[k]] + shift;
    points.push({ x: columns.left[l], y }, { x: columns.left[l] + columns.width[l], y });
  }
  const toColumnLeft = columns.left[graph.layer[edge.to]];
  if (toColumnLeft < end.x) points.push({ x: toColumnLeft, y: end.y });
  points.push(end);
  return points;
}

/**
 * The middle of the stretch across the gap before the target's column: the last pair of
 * points that are not both inside the target's column.
 */
function gapMiddle(points: readonly Point[], targetColumnLeft: number): Point {
  let k = points.length - 1;
  while (k > 1 && points[k - 1].x >= targetColumnLeft) k--;
  const a = points[k - 1];
  const b = points[k];
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

/**
 * Edges joining the same two neighbouring nodes (`x * x`) would lie on top of each other:
 * bend each through its own waypoint in the gap, fanned out vertically, and put its label there.
 */
function spreadParallelEdges(
  edges: readonly LayoutEdge[],
  graph: LayeredGraph,
  routes: Point[][],
  labelAt: Point[],
  spread: number,
): void {
  const groups = new Map<string, number[]>();
  edges.forEach((edge, i) => {
    if (graph.chains[i].length !== 2) return;
    const key = `${edge.from}:${edge.to}`;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.forEach((edgeIndex, k) => {
      const offset = (k - (group.length - 1) / 2) * spread;
      const waypoint = { x: labelAt[edgeIndex].x, y: labelAt[edgeIndex].y + offset };
      const points = routes[edgeIndex];
      const after = points.findIndex((p) => p.x > waypoint.x);
      points.splice(after, 0, waypoint);
      labelAt[edgeIndex] = waypoint;
    });
  }
}
