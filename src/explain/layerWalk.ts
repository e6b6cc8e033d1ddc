import { backwardOfForward, isBackwardMethod } from "../trace/layerCalls";
import type { Trace, TraceCall } from "../trace/trace";

/**
 * The program's hand-written layers, as the step-through walks them: each layer's values
 * together, the layers in the order the program's own backward loop called them (`for layer in
 * reversed(network)`: the last layer first), and the values outside any layer (the loss, the
 * activations a `predict` applies between layers) just before the first layer that feeds them.
 */
export interface LayerWalk {
  /** Per node (by id): which of the ready nodes goes first — lower first; -1 for "as soon as ready". */
  rank: Int32Array;
  /** Per node: the layer it belongs to (`Dense (network[0])`), or null. */
  layer: (string | null)[];
}

/** The walk's ranks and layer names; null when the trace records no layer's backward call. */
export function layerWalk(trace: Trace): LayerWalk | null {
  const calls = trace.calls ?? [];
  const paired = backwardOfForward(calls);
  if (paired.size === 0) return null;

  // The layer forward call each call runs inside (itself included), or -1; and for a
  // layer's backward call, the object it ran on (its update makes the weights the forward reads).
  const forwardOf = new Int32Array(calls.length).fill(-1);
  const titleOf = new Map<number, string>();
  for (let c = 0; c < calls.length; c++) {
    const p = calls[c].parent;
    forwardOf[c] = paired.has(c) ? c : p !== null && p < c ? forwardOf[p] : -1;
    if (paired.has(c) && calls[c].instance !== null) titleOf.set(calls[c].instance!, objectTitle(calls[c]));
  }
  const objectOf = (c: number): string | null => {
    for (let k: number | null = c, hops = 0; k !== null && k < calls.length && hops < 64; hops++) {
      const call: TraceCall = calls[k];
      if (isBackwardMethod(call)) return titleOf.get(call.instance!) ?? null;
      k = call.parent !== null && call.parent < k ? call.parent : null;
    }
    return null;
  };

  const n = trace.nodes.length;
  const rank = new Int32Array(n).fill(-1);
  const layer: (string | null)[] = new Array(n).fill(null);
  // What the values outside a layer inherit: the earliest rank among the layers that feed them.
  const inherited = new Int32Array(n).fill(-1);
  for (const node of trace.nodes) {
    const c = node.call;
    const fwd = c == null || c >= calls.length ? -1 : forwardOf[c];
    if (fwd >= 0) {
      // per layer (by its backward call) three ranks: what it feeds, just before it; its own
      // values; what only it reads (an input), just after it
      rank[node.id] = inherited[node.id] = 3 * paired.get(fwd)! + 1;
      layer[node.id] = objectTitle(calls[fwd]);
      continue;
    }
    let least = -1;
    for (const edgeId of node.inputEdges) {
      const from = inherited[trace.edges[edgeId].from];
      if (from >= 0 && (least < 0 || from < least)) least = from;
    }
    inherited[node.id] = least;
    rank[node.id] = least < 0 ? -1 : least - 1;
    if (c != null && c < calls.length) layer[node.id] = objectOf(c);
  }
  // What no layer feeds goes with the last group that reads it rather than cutting into a layer
  // as soon as it is ready: the weights a layer's update made, with the layer; an input, after
  // the layer's own values; a target, with the loss that reads it.
  const readBy = new Int32Array(n).fill(-1);
  for (let i = n - 1; i >= 0; i--) {
    const node = trace.nodes[i];
    const by = readBy[node.id];
    if (inherited[node.id] < 0) rank[node.id] = by % 3 === 1 && layer[node.id] === null ? by + 1 : by;
    for (const edgeId of node.inputEdges) {
      const from = trace.edges[edgeId].from;
      if (rank[node.id] > readBy[from]) readBy[from] = rank[node.id];
    }
  }
  return { rank, layer };
}

/** `Dense (network[0])`: the object a call ran on, as the graph's box for it reads. */
function objectTitle(call: TraceCall): string {
  const cls = call.instanceClass ?? call.name;
  return call.place ? `${cls} (${call.place})` : cls;
}
