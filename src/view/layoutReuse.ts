import type { Layout, LayoutEdge, LayoutNode } from "./layout/layoutTypes";
import { edgeLabelRoom } from "./nodeMetrics";
import type { ViewEdge, ViewGraph, ViewNode } from "./viewGraph";

/**
 * The layout of `previous` when the new graph fits in it: the same nodes and edges (by key and
 * ends), every box as high and at most as wide as before, every edge label at most as wide.
 * That is the common case while typing a number or taking a training step: only the labels
 * change, and the graph stays put (boxes keep their old width) instead of being laid out
 * again, so nothing jumps between steps. Null when anything needs more room or differs.
 */
export function reusableLayout(
  previous: ViewGraph,
  nodes: readonly ViewNode[],
  layoutNodes: readonly LayoutNode[],
  edges: readonly ViewEdge[],
  layoutEdges: readonly LayoutEdge[],
): Layout | null {
  if (previous.nodes.length !== nodes.length || previous.edges.length !== edges.length) return null;
  for (let i = 0; i < nodes.length; i++) {
    const old = previous.nodes[i];
    if (old.key !== nodes[i].key) return null;
    if (old.box.width < layoutNodes[i].width || old.box.height !== layoutNodes[i].height) return null;
  }
  for (let i = 0; i < edges.length; i++) {
    const old = previous.edges[i];
    if (old.key !== edges[i].key || old.from !== edges[i].from || old.to !== edges[i].to) return null;
    const oldLabelWidth = old.label === null ? 0 : edgeLabelRoom(old.label);
    if (oldLabelWidth < layoutEdges[i].labelWidth) return null;
  }
  return {
    boxes: previous.nodes.map((n) => n.box),
    layers: previous.nodes.map((n) => n.layer),
    routes: previous.edges.map((e) => e.points),
    labelAt: previous.edges.map((e) => e.labelAt ?? e.points[0]),
    width: previous.width,
    height: previous.height,
  };
}
