import { nodeLabel } from "../trace/naming";
import type { Trace, TraceEdge, TraceNode } from "../trace/trace";

/** One use of a value on the way to the root: upstream gradient × local derivative = contribution. */
export interface ChainRuleTerm {
  edge: TraceEdge;
  /** The value this use feeds (the edge's `to`). */
  via: TraceNode;
  /** ∂root/∂via. */
  upstream: number[];
  local: number[] | null;
  contribution: number[];
}

/** How a value's ∂root/∂x is made: one term per outgoing edge that reaches the root. */
export interface ChainRule {
  node: TraceNode;
  root: TraceNode | null;
  terms: ChainRuleTerm[];
  /** ∂root/∂x, the sum of the terms (1 for the root itself); null when x does not reach the root. */
  total: number[] | null;
}

export function chainRuleFor(trace: Trace, nodeId: number): ChainRule {
  const node = trace.nodes[nodeId];
  const root = trace.root === null ? null : trace.nodes[trace.root];
  const terms: ChainRuleTerm[] = [];
  for (const edge of trace.edges) {
    if (edge.from !== nodeId || edge.contribution === null) continue;
    const via = trace.nodes[edge.to];
    if (via.rootGrad === null) continue;
    terms.push({ edge, via, upstream: via.rootGrad, local: edge.local, contribution: edge.contribution });
  }
  return { node, root, terms, total: node.rootGrad };
}

/** The name a person would call a value (see src/trace/naming.ts). */
export function displayName(trace: Trace, node: TraceNode): string {
  return nodeLabel(trace, node.id);
}
