import type { Box, Point } from "../viewGraph";
import { packClusters } from "./clusterPacking";
import { verticalCentres } from "./coordinates";
import { orderLayers } from "./crossingReduction";
import { gapLanes, type GapLanes, type LaneLabel } from "./labelLanes";
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
 * A layered (Sugiyama-style) layout, flowing left to right (or top to bottom): columns by
 * longest path, dummy nodes on long edges, barycenter crossing reduction, then placement across
 * by ordered least squares, and the edge labels in lanes of the gaps. Deterministic: no
 * randomness, stable sorts, index-order tie breaks.
 */
export function layeredLayout(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  options: Partial<LayoutOptions> = {},
): Layout {
  const opts: LayoutOptions = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  return placeLayers(planLayers(nodes, edges, opts), nodes, edges, opts);
}

/**
 * The part of a layout that does not depend on sizes or direction: each node's layer, the
 * layered graph (dummies on long edges), and the order within each layer (the crossing
 * reduction's work, the costly part). One plan serves both directions.
 */
export interface LayeredPlan {
  layers: number[];
  graph: LayeredGraph;
  order: number[][];
}

export function planLayers(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  opts: LayoutOptions,
): LayeredPlan {
  const { layers, acyclic } = assignLayers(nodes.length, edges);
  const graph = buildLayeredGraph(nodes, edges, layers, acyclic, dummySize(opts));
  return { layers, graph, order: orderLayers(graph, opts.sweeps) };
}

/** How much room across a long edge takes where it passes through a layer. */
export function dummySize(opts: LayoutOptions): number {
  return opts.edgeGap + 4;
}

/**
 * Places a plan: centres across, the gaps' lanes for labels, the columns, then boxes, routes
 * and labels; for `vertical`, with every size turned a quarter first and every point turned
 * back last.
 */
export function placeLayers(
  plan: LayeredPlan,
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  opts: LayoutOptions,
): Layout {
  const { layers, order } = plan;
  const vertical = opts.vertical;
  const graph = sized(plan.graph, nodes, vertical, dummySize(opts));
  const along = (n: LayoutNode) => (vertical ? n.height : n.width);
  const across = (n: LayoutNode) => (vertical ? n.width : n.height);
  const labelAlong = (e: LayoutEdge) => (vertical ? opts.labelHeight : e.labelWidth);
  const labelAcross = (e: LayoutEdge) => (vertical ? e.labelWidth : opts.labelHeight);

  const centre = verticalCentres(graph, order, opts);
  if (nodes.some((n) => n.clusters !== undefined && n.clusters.length > 0)) {
    const pad = opts.clusterPadding;
    const label = vertical ? 0 : opts.clusterLabel;
    packClusters(
      graph,
      centre,
      nodes.map((n) => n.clusters),
      { before: pad + label, after: pad, gap: opts.nodeGap },
    );
  }
  const lanes = labelLanes(graph, edges, centre, opts, labelAlong, labelAcross);
  const columns = columnExtents(graph, lanes, opts);

  // Move everything down so the topmost box or label starts at the margin.
  let top = Infinity;
  let bottom = -Infinity;
  for (let n = 0; n < graph.count; n++) {
    top = Math.min(top, centre[n] - graph.height[n] / 2);
    bottom = Math.max(bottom, centre[n] + graph.height[n] / 2);
  }
  for (const gap of lanes) {
    gap.items.forEach((item, k) => {
      top = Math.min(top, gap.lanes.across[k] - item.label.size / 2);
      bottom = Math.max(bottom, gap.lanes.across[k] + item.label.size / 2);
    });
  }
  if (graph.count === 0) top = bottom = 0;
  const shift = opts.margin - top;

  const boxes: Box[] = nodes.map((node, i) => {
    const column = columns.left[layers[i]];
    return {
      x: column + (columns.width[layers[i]] - along(node)) / 2,
      y: centre[i] + shift - across(node) / 2,
      width: along(node),
      height: across(node),
    };
  });
  const routes = edges.map((edge, i) => route(graph, graph.chains[i], boxes, edge, centre, shift, columns));
  const labelAt = routes.map((points, i) => gapMiddle(points, columns.left[layers[edges[i].to]]));
  for (const gap of lanes) {
    const start = columns.left[gap.layer] - gap.lanes.length;
    gap.items.forEach((item, k) => {
      const x = start + gap.lanes.laneCentre[gap.lanes.lane[k]];
      const y = gap.lanes.across[k] + shift;
      if (item.parallel.length === 1) {
        labelAt[item.parallel[0]] = { x, y };
        return;
      }
      // Parallel edges between the same two nodes (`x * x`) fan out through waypoints in the lane.
      item.parallel.forEach((edgeIndex, p) => {
        const waypoint = { x, y: y + (p - (item.parallel.length - 1) / 2) * item.spread };
        const points = routes[edgeIndex];
        points.splice(points.length - 2, 0, waypoint);
        labelAt[edgeIndex] = waypoint;
      });
    });
  }

  for (const points of routes) dropLevelPoints(points);
  const right =
    columns.left.length > 0
      ? columns.left[columns.left.length - 1] + columns.width[columns.width.length - 1]
      : 0;
  const layout: Layout = {
    boxes,
    layers: [...layers],
    routes,
    labelAt,
    width: right + opts.margin,
    height: bottom - top + 2 * opts.margin,
  };
  return vertical ? turned(layout) : layout;
}

/** The layered graph with each node's size along and across the layers for this direction. */
function sized(
  graph: LayeredGraph,
  nodes: readonly LayoutNode[],
  vertical: boolean,
  dummy: number,
): LayeredGraph {
  const width = new Float64Array(graph.count);
  const height = new Float64Array(graph.count).fill(dummy);
  nodes.forEach((n, i) => {
    width[i] = vertical ? n.height : n.width;
    height[i] = vertical ? n.width : n.height;
  });
  return { ...graph, width, height };
}

/** The labels of one gap, and the lanes they were given. */
interface Gap {
  /** The layer the gap is before. */
  layer: number;
  items: GapItem[];
  lanes: GapLanes;
}

/** One label to place, or one fan of parallel edges' labels placed together. */
interface GapItem {
  label: LaneLabel;
  /** Edge indices: one, or the fan's edges in input order. */
  parallel: number[];
  /** Across, between the fan's edges. */
  spread: number;
}

/**
 * Gives each gap lanes for the labels of the edges that end after it, and each label its
 * place. Edges that join the same two neighbouring nodes are one fan (they would lie on top of
 * each other): it takes a lane as one item, its edges spread across far enough for a label each.
 */
function labelLanes(
  graph: LayeredGraph,
  edges: readonly LayoutEdge[],
  centre: Float64Array,
  opts: LayoutOptions,
  labelAlong: (e: LayoutEdge) => number,
  labelAcross: (e: LayoutEdge) => number,
): Gap[] {
  const fans = new Map<string, number[]>();
  const byLayer = new Map<number, number[]>();
  edges.forEach((edge, i) => {
    const chain = graph.chains[i];
    if (chain.length === 0) return;
    if (chain.length === 2) {
      const key = `${edge.from}:${edge.to}`;
      const fan = fans.get(key);
      if (fan) {
        fan.push(i);
        return;
      }
      fans.set(key, [i]);
    }
    const layer = graph.layer[edge.to];
    const list = byLayer.get(layer);
    if (list) list.push(i);
    else byLayer.set(layer, [i]);
  });
  const gaps: Gap[] = [];
  for (const [layer, firsts] of byLayer) {
    const items: GapItem[] = [];
    let widest = 0;
    for (const i of firsts) {
      const chain = graph.chains[i];
      const parallel = chain.length === 2 ? fans.get(`${edges[i].from}:${edges[i].to}`)! : [i];
      const labelled = parallel.filter((e) => edges[e].labelWidth > 0);
      if (parallel.length === 1 && labelled.length === 0) continue;
      const size = labelled.reduce((m, e) => Math.max(m, labelAcross(edges[e])), 0);
      const spread = Math.max(opts.parallelSpread, size + 6);
      widest = labelled.reduce((m, e) => Math.max(m, labelAlong(edges[e])), widest);
      items.push({
        label: {
          from: centre[chain[chain.length - 2]],
          to: centre[chain[chain.length - 1]],
          size: (parallel.length - 1) * spread + size,
        },
        parallel,
        spread,
      });
    }
    if (items.length === 0) continue;
    const padding = widest > 0 ? opts.labelPadding : 0;
    const lanes = gapLanes(
      items.map((item) => item.label),
      widest,
      padding,
      opts.layerGap,
    );
    gaps.push({ layer, items, lanes });
  }
  return gaps;
}

interface ColumnExtents {
  left: number[];
  width: number[];
}

/** Each column is as wide as its widest box; the gap before a column holds its labels' lanes. */
function columnExtents(graph: LayeredGraph, gaps: readonly Gap[], opts: LayoutOptions): ColumnExtents {
  const width = new Array<number>(graph.layerCount).fill(0);
  for (let n = 0; n < graph.count; n++)
    width[graph.layer[n]] = Math.max(width[graph.layer[n]], graph.width[n]);
  const gapBefore = new Array<number>(graph.layerCount).fill(opts.layerGap);
  for (const gap of gaps) gapBefore[gap.layer] = Math.max(gapBefore[gap.layer], gap.lanes.length);
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
  // label on the last one) lies where no box is.
  const fromLayer = graph.layer[edge.from];
  const points: Point[] = [start, { x: columns.left[fromLayer] + columns.width[fromLayer], y: start.y }];
  for (let k = 1; k + 1 < chain.length; k++) {
    const l = graph.layer[chain[k]];
    const y = centre[chain[k]] + shift;
    points.push({ x: columns.left[l], y }, { x: columns.left[l] + columns.width[l], y });
  }
  points.push({ x: columns.left[graph.layer[edge.to]], y: end.y }, end);
  return points;
}

/**
 * The middle of the stretch across the gap before the target's column (where an edge's label
 * went before lanes, and still goes for an edge drawn direct): the last pair of points that
 * are not both inside the target's column.
 */
function gapMiddle(points: readonly Point[], targetColumnLeft: number): Point {
  let k = points.length - 1;
  while (k > 1 && points[k - 1].x >= targetColumnLeft) k--;
  const a = points[k - 1];
  const b = points[k];
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

/**
 * Removes the points in the middle of a level run (a long edge running straight through
 * several columns): they draw nothing, and a big graph has thousands of them. The run's ends
 * stay, so every bend is as it was.
 */
function dropLevelPoints(points: Point[]): void {
  let kept = 1;
  for (let i = 1; i < points.length; i++) {
    const p = points[i];
    const last = points[kept - 1];
    if (i + 1 < points.length && p.y === last.y && points[i + 1].y === p.y) continue;
    points[kept++] = p;
  }
  points.length = kept;
}

/** A layout made with layers as columns, turned so they are rows (x and y swapped throughout). */
function turned(layout: Layout): Layout {
  const point = (p: Point): Point => ({ x: p.y, y: p.x });
  return {
    boxes: layout.boxes.map((b) => ({ x: b.y, y: b.x, width: b.height, height: b.width })),
    layers: layout.layers,
    routes: layout.routes.map((r) => r.map(point)),
    labelAt: layout.labelAt.map(point),
    width: layout.height,
    height: layout.width,
  };
}
