import type { Box, Point } from "../viewGraph";
import { dummySize, type LayeredPlan } from "./layeredLayout";
import { buildLayeredGraph } from "./layeredGraph";
import { assignLayers } from "./layering";
import type { LayoutEdge, LayoutNode, LayoutOptions } from "./layoutTypes";

/**
 * The plan a left-to-right layout was placed from, read back from where it put things: the
 * layers again (cheap, and the same, since layering is deterministic), and the order within each
 * layer from the positions across — a box's centre, and for a long edge, the height its route
 * runs at through each column it crosses (level there: layoutTypes' routes). So a graph laid out
 * once can be placed again, in the other direction, without redoing the crossing reduction.
 * Null when the layout does not fit the nodes and edges given (another graph's).
 */
export function planFromLayout(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  placed: { layers: readonly number[]; boxes: readonly Box[]; routes: readonly (readonly Point[])[] },
  opts: LayoutOptions,
): LayeredPlan | null {
  if (placed.layers.length !== nodes.length || placed.routes.length !== edges.length) return null;
  const { layers, acyclic } = assignLayers(nodes.length, edges);
  for (let i = 0; i < nodes.length; i++) if (layers[i] !== placed.layers[i]) return null;
  const graph = buildLayeredGraph(nodes, edges, layers, acyclic, dummySize(opts));
  // Boxes are centred in their column: any one's middle is the column's.
  const middle = new Float64Array(graph.layerCount).fill(NaN);
  placed.boxes.forEach((b, i) => (middle[layers[i]] = b.x + b.width / 2));
  const across = new Float64Array(graph.count);
  placed.boxes.forEach((b, i) => (across[i] = b.y + b.height / 2));
  for (let i = 0; i < edges.length; i++) {
    const chain = graph.chains[i];
    const route = placed.routes[i];
    let at = 0;
    for (let k = 1; k + 1 < chain.length; k++) {
      const x = middle[graph.layer[chain[k]]];
      if (Number.isNaN(x)) return null; // a column of edges only: nothing to read it by
      while (at + 1 < route.length && route[at + 1].x <= x) at++;
      across[chain[k]] = route[at].y;
    }
  }
  const order: number[][] = Array.from({ length: graph.layerCount }, () => []);
  for (let n = 0; n < graph.count; n++) order[graph.layer[n]].push(n);
  for (const layer of order) layer.sort((a, b) => across[a] - across[b] || a - b);
  return { layers, graph, order };
}
