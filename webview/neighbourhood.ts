import type { ViewEdge, ViewGraph, ViewNode } from "../src/view/viewGraph";

/** Lookups over one drawn graph, built once per graph so hovering stays cheap. */
export class GraphIndex {
  readonly nodes = new Map<string, ViewNode>();
  readonly edges = new Map<string, ViewEdge>();
  /** Keys of the edges touching each node. */
  readonly edgesOf = new Map<string, string[]>();

  constructor(graph: ViewGraph) {
    for (const node of graph.nodes) this.nodes.set(node.key, node);
    for (const edge of graph.edges) {
      this.edges.set(edge.key, edge);
      for (const end of [edge.from, edge.to]) {
        const list = this.edgesOf.get(end);
        if (list) list.push(edge.key);
        else this.edgesOf.set(end, [edge.key]);
      }
    }
  }
}

/**
 * What to bring forward when the user points at `key`: an edge with its two ends; a node with
 * every operation it takes part in, whole — operands, op node and result — because an op node
 * is only half a step of the chain rule.
 */
export function neighbourhood(index: GraphIndex, key: string): Set<string> {
  const lit = new Set<string>([key]);
  const edge = index.edges.get(key);
  if (edge) return lit.add(edge.from).add(edge.to);
  const addOperation = (op: string) => {
    lit.add(op);
    for (const k of index.edgesOf.get(op) ?? []) {
      const e = index.edges.get(k)!;
      lit.add(k).add(e.from).add(e.to);
    }
  };
  if (index.nodes.get(key)?.kind === "op") {
    addOperation(key);
    return lit;
  }
  for (const k of index.edgesOf.get(key) ?? []) {
    const e = index.edges.get(k)!;
    const other = e.from === key ? e.to : e.from;
    if (index.nodes.get(other)?.kind === "op") addOperation(other);
    else lit.add(k).add(other);
  }
  return lit;
}
