import type { ViewGraph } from "../src/view/viewGraph";

/**
 * The drawn node that stands for each trace id: the value node itself, or the group it is
 * folded into (by its `trace`, the id the renderer keys groups by). Ids drawn nowhere drop out.
 */
export function drawnIds(graph: ViewGraph, ids: readonly number[]): Set<number> {
  const values = new Set<number>();
  for (const n of graph.nodes) if (n.kind === "value") values.add(n.trace);
  const result = new Set<number>();
  for (const id of ids) {
    if (values.has(id)) {
      result.add(id);
      continue;
    }
    const group = graph.nodes.find((n) => n.kind === "group" && holds(n.members, id));
    if (group) result.add(group.trace);
  }
  return result;
}

function holds(runs: readonly number[], id: number): boolean {
  for (let i = 0; i + 1 < runs.length; i += 2) if (runs[i] <= id && id <= runs[i + 1]) return true;
  return false;
}
