import { fitFrames, framePaths } from "./folding/callFrames";
import { planFromLayout } from "./layout/planFromLayout";
import { placeLayers } from "./layout/layeredLayout";
import { DEFAULT_LAYOUT_OPTIONS, type LayoutEdge, type LayoutNode } from "./layout/layoutTypes";
import { edgeLabelRoom } from "./nodeMetrics";
import type { LayoutDirection, Point, ViewGraph } from "./viewGraph";

export type { LayoutDirection } from "./viewGraph";

/** The `gradlens.layoutDirection` setting: a direction, or `auto` (by the panel's shape). */
export type DirectionSetting = LayoutDirection | "auto";

/**
 * The direction for a panel of `width` × `height` pixels. `auto` matches the graph's shape to
 * the panel's: a graph laid out left to right is usually wider than tall (it is as long as the
 * chain of operations), so it flows left to right in a wide panel and top to bottom in a tall
 * one; a graph that is taller than wide when laid out left to right (many inputs side by side,
 * few steps) flows the other way. `shape` is the left-to-right layout's height over its width.
 * Near square, the panel keeps `current` (so dragging a panel's edge a little does not turn
 * the graph back and forth).
 */
export function resolveDirection(
  setting: DirectionSetting,
  width: number,
  height: number,
  current: LayoutDirection | null = null,
  shape = 0,
): LayoutDirection {
  if (setting !== "auto") return setting;
  if (!(width > 0 && height > 0)) return current ?? "left-to-right";
  const flip = shape > TALL_GRAPH;
  const ratio = height / width;
  const tall =
    current !== null && current !== "right-to-left" && ratio > 1 / TURN_RATIO && ratio < TURN_RATIO
      ? (current === "top-to-bottom") !== flip // near square: keep what it is
      : ratio > 1;
  return tall !== flip ? "top-to-bottom" : "left-to-right";
}

/** How much taller than wide (or the other way) a panel must be to turn the graph from its direction now. */
const TURN_RATIO = 1.15;
/** A left-to-right layout this much taller than wide counts as a tall graph. */
const TALL_GRAPH = 1.2;

/**
 * The graph for a direction; the view model lays out left to right (`graph` is that layout).
 * Top to bottom is placed anew from the same layers and order (the crossing reduction is not
 * redone); right to left is the mirror image.
 */
export function orient(graph: ViewGraph, direction: LayoutDirection): ViewGraph {
  if (direction === graph.direction) return graph;
  if (graph.direction !== "left-to-right")
    throw new Error("orient: the graph must be laid out left to right");
  const oriented = direction === "right-to-left" ? mirror(graph) : (turned(graph) ?? graph);
  // frames go round their members wherever these went
  return oriented === graph ? graph : fitFrames(oriented);
}

/** The same drawing mirrored left–right; boxes keep their text, only their places move. */
function mirror(graph: ViewGraph): ViewGraph {
  const x = (p: Point): Point => ({ x: graph.width - p.x, y: p.y });
  return {
    ...graph,
    direction: "right-to-left",
    nodes: graph.nodes.map((node) => ({
      ...node,
      box: { ...node.box, x: graph.width - node.box.x - node.box.width },
    })),
    edges: graph.edges.map((edge) => ({
      ...edge,
      points: edge.points.map(x),
      labelAt: edge.labelAt === null ? null : x(edge.labelAt),
    })),
  };
}

/** Layout options for a graph flowing down: labels stacked in a gap need less room around them. */
const VERTICAL = { ...DEFAULT_LAYOUT_OPTIONS, vertical: true, labelPadding: 8 };

/** The graph placed top to bottom from its left-to-right layout's plan; null if that cannot be read back. */
function turned(graph: ViewGraph): ViewGraph | null {
  const index = new Map(graph.nodes.map((n, i) => [n.key, i]));
  const paths = framePaths(
    graph.frames ?? [],
    graph.nodes.map((n) => n.key),
  );
  const nodes: LayoutNode[] = graph.nodes.map((n, i) => ({
    width: n.box.width,
    height: n.box.height,
    clusters: paths[i],
  }));
  const edges: LayoutEdge[] = graph.edges.map((e) => ({
    from: index.get(e.from) ?? -1,
    to: index.get(e.to) ?? -1,
    labelWidth: e.label === null ? 0 : edgeLabelRoom(e.label),
  }));
  if (edges.some((e) => e.from < 0 || e.to < 0)) return null;
  const plan = planFromLayout(
    nodes,
    edges,
    {
      layers: graph.nodes.map((n) => n.layer),
      boxes: graph.nodes.map((n) => n.box),
      routes: graph.edges.map((e) => e.points),
    },
    VERTICAL,
  );
  if (plan === null) return null;
  const layout = placeLayers(plan, nodes, edges, VERTICAL);
  return {
    ...graph,
    direction: "top-to-bottom",
    nodes: graph.nodes.map((node, i) => ({ ...node, box: layout.boxes[i] })),
    edges: graph.edges.map((edge, i) => ({
      ...edge,
      points: layout.routes[i],
      labelAt: edge.label === null ? null : layout.labelAt[i],
    })),
    width: layout.width,
    height: layout.height,
  };
}
