import { nodeLabel } from "../trace/naming";
import type { Trace, TraceNode } from "../trace/trace";
import { formatValues } from "../view/format";

/** The pieces every text export draws: value boxes, op circles, and the edges between them. */
export interface ExportGraph {
  values: { id: string; label: string; data: string; grad: string; root: boolean; kind: TraceNode["kind"] }[];
  ops: { id: string; symbol: string }[];
  /** operand value → op (labelled with the contribution) and op → result (unlabelled). */
  edges: { from: string; to: string; label: string | null }[];
}

/** The trace as micrograd's `draw_dot` draws it, with each edge's contribution as its label. */
export function exportGraph(trace: Trace): ExportGraph {
  const graph: ExportGraph = { values: [], ops: [], edges: [] };
  for (const node of trace.nodes) {
    const grad = node.rootGrad ?? node.grad;
    graph.values.push({
      id: `v${node.id}`,
      label: nodeLabel(trace, node.id),
      data: formatValues(node.data, node.shape),
      grad: grad === null ? "None" : formatValues(grad, node.shape),
      root: node.id === trace.root,
      kind: node.kind,
    });
    if (node.kind !== "op") continue;
    graph.ops.push({ id: `o${node.id}`, symbol: node.op });
    for (const edgeId of node.inputEdges) {
      const edge = trace.edges[edgeId];
      const operand = trace.nodes[edge.from];
      graph.edges.push({
        from: `v${edge.from}`,
        to: `o${node.id}`,
        label: edge.contribution === null ? null : formatValues(edge.contribution, operand.shape),
      });
    }
    graph.edges.push({ from: `o${node.id}`, to: `v${node.id}`, label: null });
  }
  return graph;
}
