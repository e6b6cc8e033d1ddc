import type { ViewGraph } from "../src/view/viewGraph";

/**
 * Focus mode: the nodes and edges on some path from `from` to `to` (the selected node and the
 * root) — everything the gradient travels through between the two. Empty when no path joins
 * them. Iterative: graphs run thousands of nodes deep.
 */
export function pathsBetween(graph: ViewGraph, from: string, to: string): Set<string> {
  const out = new Map<string, string[]>();
  const into = new Map<string, string[]>();
  graph.edges.forEach((e, i) => {
    push(out, e.from, i);
    push(into, e.to, i);
  });
  const ahead = reach(graph, from, out, "to");
  const behind = reach(graph, to, into, "from");
  const keys = new Set<string>();
  for (const key of ahead) if (behind.has(key)) keys.add(key);
  if (keys.size === 0) return keys;
  for (const e of graph.edges) if (keys.has(e.from) && keys.has(e.to)) keys.add(e.key);
  return keys;
}

/** The key of the node that holds the root: its value node, or the group it is folded into. */
export function rootKey(graph: ViewGraph): string | null {
  const root = graph.nodes.find((n) => (n.kind === "value" || n.kind === "group") && n.root);
  return root ? root.key : null;
}

/** Node keys whose name contains `query` (any case), in drawing order. */
export function search(graph: ViewGraph, query: string): string[] {
  const q = query.trim().toLowerCase();
  if (q === "") return [];
  return graph.nodes.filter((n) => n.kind !== "op" && n.label.toLowerCase().includes(q)).map((n) => n.key);
}

function push(map: Map<string, string[]>, key: string, edge: number): void {
  const list = map.get(key);
  if (list) list.push(String(edge));
  else map.set(key, [String(edge)]);
}

function reach(
  graph: ViewGraph,
  start: string,
  edges: Map<string, string[]>,
  end: "from" | "to",
): Set<string> {
  const seen = new Set<string>([start]);
  const stack = [start];
  while (stack.length > 0) {
    const key = stack.pop()!;
    for (const i of edges.get(key) ?? []) {
      const next = graph.edges[Number(i)][end];
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}
