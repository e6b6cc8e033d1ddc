import type { Point, ViewGraph } from "./viewGraph";

/**
 * Which way the graph flows: from the inputs on the left to the root on the right (the forward
 * pass reads left to right), or mirrored, with the root on the left so the backward pass does.
 */
export type LayoutDirection = "left-to-right" | "right-to-left";

/** The graph for a direction; the layout itself is always made left to right. */
export function orient(graph: ViewGraph, direction: LayoutDirection): ViewGraph {
  return direction === "right-to-left" ? mirror(graph) : graph;
}

/** The same drawing mirrored left–right; boxes keep their text, only their places move. */
function mirror(graph: ViewGraph): ViewGraph {
  const x = (p: Point): Point => ({ x: graph.width - p.x, y: p.y });
  return {
    ...graph,
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
