import type { Trace } from "../trace/trace";

/**
 * Walks over the traced graph shared by the step-through and the gradient checks. All of them
 * iterate with explicit stacks and heaps: a recursive walk overflows Node's stack on the
 * 40,000-deep graphs a long scalar loop makes.
 */

/** Per node, the ids of the edges that use it (its outgoing edges), in edge order. */
export function outgoingEdges(trace: Trace): number[][] {
  const out: number[][] = trace.nodes.map(() => []);
  for (const edge of trace.edges) out[edge.from].push(edge.id);
  return out;
}

/** Which nodes the root depends on (the root included): the only ones backward() visits. */
export function reachesRoot(trace: Trace): Uint8Array {
  const reached = new Uint8Array(trace.nodes.length);
  if (trace.root === null) return reached;
  const stack = [trace.root];
  reached[trace.root] = 1;
  while (stack.length > 0) {
    const id = stack.pop()!;
    for (const edgeId of trace.nodes[id].inputEdges) {
      const from = trace.edges[edgeId].from;
      if (!reached[from]) {
        reached[from] = 1;
        stack.push(from);
      }
    }
  }
  return reached;
}

/**
 * The nodes the root depends on in the order backward() visits them: the root first, and every
 * node only after all the values it feeds, so its gradient is complete when it is reached. Among
 * the nodes ready at once the latest made goes first, which on a tape is plain descending id —
 * or, given `rank` (per node id), the lowest rank first and then the latest made: the
 * step-through walks a program's layers in the order its own backward loop called them.
 */
export function reverseTopologicalOrder(trace: Trace, rank?: Int32Array): number[] {
  if (trace.root === null) return [];
  const reached = reachesRoot(trace);
  const waiting = new Int32Array(trace.nodes.length);
  for (const edge of trace.edges) if (reached[edge.to]) waiting[edge.from]++;
  const order: number[] = [];
  const ready = new MaxHeap(rank ? (a, b) => rank[a] < rank[b] || (rank[a] === rank[b] && a > b) : undefined);
  ready.push(trace.root);
  while (ready.size > 0) {
    const id = ready.pop();
    order.push(id);
    for (const edgeId of trace.nodes[id].inputEdges) {
      const from = trace.edges[edgeId].from;
      if (--waiting[from] === 0) ready.push(from);
    }
  }
  return order;
}

/** A binary heap of node ids, the largest id on top unless `before` says which goes first. */
class MaxHeap {
  private readonly items: number[] = [];

  constructor(private readonly before: (a: number, b: number) => boolean = (a, b) => a > b) {}

  get size(): number {
    return this.items.length;
  }

  push(value: number): void {
    const items = this.items;
    let i = items.push(value) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(value, items[parent])) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = value;
  }

  pop(): number {
    const items = this.items;
    const top = items[0];
    const last = items.pop()!;
    if (items.length > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= items.length) break;
        const child = left + 1 < items.length && this.before(items[left + 1], items[left]) ? left + 1 : left;
        if (!this.before(items[child], last)) break;
        items[i] = items[child];
        i = child;
      }
      items[i] = last;
    }
    return top;
  }
}
