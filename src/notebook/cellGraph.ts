import type { Trace, TraceEdge, TraceNode } from "../trace/trace";

/**
 * The part of a notebook run's trace that one cell computed, for the graph view: the values
 * the cell made, plus — folded to plain inputs — the values from earlier cells they were made
 * from (their own history stays in their cells). A cell that made no values (one that only
 * calls `backward()`, or only defines functions) shows the whole graph instead.
 *
 * `cellOf` is cellOfNodes(): the cell that made each node.
 */
export function graphTraceForCell(trace: Trace, cellOf: readonly number[], cell: number): Trace {
  const own = trace.nodes.filter((node) => cellOf[node.id] === cell);
  if (own.length === 0) return trace;
  const ownIds = new Set(own.map((node) => node.id));
  const edgeById = new Map(trace.edges.map((edge) => [edge.id, edge]));
  const nodeById = new Map(trace.nodes.map((node) => [node.id, node]));

  const folded = new Map<number, TraceNode>();
  const edges: TraceEdge[] = [];
  for (const node of own) {
    for (const edgeId of node.inputEdges) {
      const edge = edgeById.get(edgeId);
      if (!edge) continue;
      edges.push(edge);
      const input = nodeById.get(edge.from);
      if (!input || ownIds.has(input.id) || folded.has(input.id)) continue;
      folded.set(input.id, foldedInput(input, cellOf[input.id]));
    }
  }
  const nodes = [...own, ...folded.values()].sort((a, b) => a.id - b.id);
  return {
    ...trace,
    nodes,
    edges,
    occurrences: trace.occurrences.filter((o) => ownIds.has(o.node)),
  };
}

/** An earlier cell's value as an input of this cell's graph: its history is not drawn. */
function foldedInput(node: TraceNode, cell: number): TraceNode {
  const expr = node.expr ?? (node.op === "" ? null : node.op);
  return {
    ...node,
    kind: node.kind === "const" ? "const" : "leaf",
    op: "",
    expr: `cell ${cell + 1}${expr ? `: ${expr}` : ""}`,
    inputEdges: [],
  };
}
