import type { Box, Point, ViewGraph, ViewNode } from "./viewGraph";

/**
 * Whether `next` draws into the same places as `drawn`: same nodes, boxes, edges and routes,
 * and the same elements inside each (a label or a heatmap that appears or goes away changes
 * those, not only their text). A training step or an edited number gives such a graph (the
 * view model reuses the layout); then only its numbers need to reach the panel (numbersPatch).
 */
export function samePlaces(drawn: ViewGraph, next: ViewGraph): boolean {
  if (drawn.nodes.length !== next.nodes.length || drawn.edges.length !== next.edges.length) return false;
  if (drawn.width !== next.width || drawn.height !== next.height || drawn.direction !== next.direction)
    return false;
  for (let i = 0; i < next.nodes.length; i++) {
    const a = drawn.nodes[i];
    const b = next.nodes[i];
    if (a.key !== b.key || a.kind !== b.kind || !sameBox(a.box, b.box)) return false;
    if (a.kind === "group" && b.kind === "group" && (a.loop === null) !== (b.loop === null)) return false;
    if (a.kind === "value" && b.kind === "value") {
      if (a.role !== b.role || a.root !== b.root || a.fold !== b.fold || a.cut !== b.cut) return false;
      if (heatmapShape(a) !== heatmapShape(b)) return false;
    }
  }
  for (let i = 0; i < next.edges.length; i++) {
    const a = drawn.edges[i];
    const b = next.edges[i];
    if (a.key !== b.key || a.kind !== b.kind || !samePoints(a.points, b.points)) return false;
    if ((a.label === null) !== (b.label === null) || (a.chainRule === null) !== (b.chainRule === null))
      return false;
    // a numbers patch carries no mismatch mark: an edge that gains or loses one is drawn anew
    if (a.mismatch !== b.mismatch) return false;
    if (
      a.labelAt !== null &&
      b.labelAt !== null &&
      (a.labelAt.x !== b.labelAt.x || a.labelAt.y !== b.labelAt.y)
    )
      return false;
  }
  return true;
}

/** A value node's heatmaps as their grids' sizes (`3x4+grad`), or "" without. */
export function heatmapShape(node: ViewNode): string {
  if (node.kind !== "value" || !node.heatmaps) return "";
  const { data, grad } = node.heatmaps;
  return `${data.rows}x${data.cols}${grad ? `+${grad.rows}x${grad.cols}` : ""}`;
}

function sameBox(a: Box, b: Box): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

function samePoints(a: readonly Point[], b: readonly Point[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].x !== b[i].x || a[i].y !== b[i].y) return false;
  return true;
}
