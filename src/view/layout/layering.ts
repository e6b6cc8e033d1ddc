import type { LayoutEdge } from "./layoutTypes";

/**
 * Assigns each node a column so that every edge goes from a lower to a higher column.
 *
 * 1. Topological order (Kahn, ties by index, so the result is deterministic).
 * 2. Longest path from the sources: a node sits one column after its latest input.
 * 3. Walking back from the sinks, a node that feeds others moves right to just before its
 *    earliest consumer, so a parameter or constant sits next to the operation that uses it
 *    instead of far left in column 0. Sinks stay where step 2 put them.
 *
 * Edges that close a cycle (a trace never has one) are left out of the layering; `acyclic`
 * tells the caller which edges were kept.
 */
export function assignLayers(
  nodeCount: number,
  edges: readonly LayoutEdge[],
): { layers: number[]; acyclic: boolean[] } {
  const order = topologicalOrder(nodeCount, edges);
  const position = new Int32Array(nodeCount);
  order.forEach((node, i) => (position[node] = i));
  const acyclic = edges.map((e) => e.from !== e.to && position[e.from] < position[e.to]);

  const outgoing = adjacency(nodeCount, edges, acyclic, "from");
  const layers = new Array<number>(nodeCount).fill(0);
  for (const node of order) {
    for (const e of outgoing[node]) layers[edges[e].to] = Math.max(layers[edges[e].to], layers[node] + 1);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    if (outgoing[node].length === 0) continue;
    let earliest = Infinity;
    for (const e of outgoing[node]) earliest = Math.min(earliest, layers[edges[e].to]);
    layers[node] = earliest - 1;
  }
  const lowest = layers.reduce((m, l) => Math.min(m, l), Infinity);
  if (lowest !== 0 && Number.isFinite(lowest)) for (let i = 0; i < nodeCount; i++) layers[i] -= lowest;
  return { layers, acyclic };
}

function topologicalOrder(nodeCount: number, edges: readonly LayoutEdge[]): number[] {
  const indegree = new Int32Array(nodeCount);
  const outgoing: number[][] = Array.from({ length: nodeCount }, () => []);
  for (const e of edges) {
    if (e.from === e.to) continue;
    indegree[e.to]++;
    outgoing[e.from].push(e.to);
  }
  const order: number[] = [];
  const done = new Uint8Array(nodeCount);
  // A FIFO seeded in index order; in a trace, inputs have lower ids, so this follows creation.
  const queue: number[] = [];
  for (let i = 0; i < nodeCount; i++) if (indegree[i] === 0) queue.push(i);
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    done[node] = 1;
    order.push(node);
    for (const next of outgoing[node]) if (--indegree[next] === 0) queue.push(next);
  }
  // Nodes on a cycle never reach indegree 0: append them so every node has a place.
  for (let i = 0; i < nodeCount; i++) if (!done[i]) order.push(i);
  return order;
}

/** Edge indices per node, by the given end, keeping only the edges marked in `keep`. */
export function adjacency(
  nodeCount: number,
  edges: readonly LayoutEdge[],
  keep: readonly boolean[],
  end: "from" | "to",
): number[][] {
  const lists: number[][] = Array.from({ length: nodeCount }, () => []);
  edges.forEach((e, i) => {
    if (keep[i]) lists[e[end]].push(i);
  });
  return lists;
}
