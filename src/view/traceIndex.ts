import { nodeLabels } from "../trace/naming";
import type { Trace, TraceEdge, TraceNode } from "../trace/trace";

/**
 * Lookups over one trace by id, and its labels, made once per trace: a toggle of a group
 * rebuilds the view of the same trace, and at 66k values these cost more than the folding.
 * Ids are positions in the runtime's traces, so the common case needs no map at all.
 */
export interface TraceIndex {
  /** Position in `trace.nodes` of the node with this id, or -1. */
  position(id: number): number;
  node(id: number): TraceNode | undefined;
  edge(id: number): TraceEdge | undefined;
  /** `nodeLabels(trace)`: one name per node id, as the hover and the messages say it. */
  labels: string[];
}

const cache = new WeakMap<Trace, TraceIndex>();

export function traceIndex(trace: Trace): TraceIndex {
  let index = cache.get(trace);
  if (!index) {
    index = build(trace);
    cache.set(trace, index);
  }
  return index;
}

function build(trace: Trace): TraceIndex {
  const { nodes, edges } = trace;
  const position = byPosition(nodes);
  const edgeAt = byPosition(edges);
  return {
    position,
    node: (id) => nodes[position(id)],
    edge: (id) => edges[edgeAt(id)],
    labels: nodeLabels(trace),
  };
}

function byPosition(items: readonly { id: number }[]): (id: number) => number {
  if (items.every((item, i) => item.id === i)) return (id) => (id >= 0 && id < items.length ? id : -1);
  const map = new Map<number, number>();
  items.forEach((item, i) => map.set(item.id, i));
  return (id) => map.get(id) ?? -1;
}
