import type { LayeredGraph } from "./layeredGraph";

/** Room a cluster keeps round its members across the layers: before (its label's side) and after. */
export interface ClusterRoom {
  before: number;
  after: number;
  /** Least room between two boxes or clusters side by side in a column. */
  gap: number;
}

/** A cluster's members placed relative to its own top, ready to be put anywhere in its parent. */
interface Block {
  lo: number;
  hi: number;
  height: number;
  /** Where its top would go if every member had the centre it wanted. */
  wanted: number;
  nodes: number[];
}

/**
 * Moves the real nodes across their columns so every cluster (an open call's frame: the nodes
 * whose `clusters` path holds it) takes a band of its own, with `room` round its members, that
 * no other node or cluster enters over the columns it spans; nested clusters nest. Within a
 * cluster, each member and inner cluster goes where the unclustered placement (`centre`) put it,
 * pushed along only as far as the ones placed before it make it. Dummies then run straight
 * between their edge's ends. Nodes with no clusters at all are packed the same way, so none of
 * them lands inside a frame.
 */
export function packClusters(
  graph: LayeredGraph,
  centre: Float64Array,
  clusters: readonly (readonly number[] | undefined)[],
  room: ClusterRoom,
): void {
  const children = new Map<number, Set<number>>();
  const direct = new Map<number, number[]>();
  const ROOT = -1;
  for (let n = 0; n < graph.realCount; n++) {
    const path = clusters[n] ?? [];
    let parent = ROOT;
    for (const c of path) {
      let set = children.get(parent);
      if (!set) children.set(parent, (set = new Set()));
      set.add(c);
      parent = c;
    }
    let list = direct.get(parent);
    if (!list) direct.set(parent, (list = []));
    list.push(n);
  }
  const at = new Float64Array(graph.realCount); // centre relative to the enclosing block's top

  const pack = (cluster: number): Block => {
    const items: Block[] = [];
    for (const n of direct.get(cluster) ?? []) {
      const h = graph.height[n];
      at[n] = h / 2;
      items.push({
        lo: graph.layer[n],
        hi: graph.layer[n],
        height: h,
        wanted: centre[n] - h / 2,
        nodes: [n],
      });
    }
    for (const c of children.get(cluster) ?? []) items.push(pack(c));
    // stable: items that want the same place keep the order they were made in
    items.sort((a, b) => a.wanted - b.wanted);
    const floor = new Map<number, number>();
    let top = Infinity;
    let bottom = -Infinity;
    const nodes: number[] = [];
    let lo = Infinity;
    let hi = -Infinity;
    for (const item of items) {
      let y = item.wanted;
      for (let l = item.lo; l <= item.hi; l++) {
        const f = floor.get(l);
        if (f !== undefined) y = Math.max(y, f + room.gap);
      }
      for (let l = item.lo; l <= item.hi; l++) floor.set(l, y + item.height);
      for (const n of item.nodes) {
        at[n] += y;
        nodes.push(n);
      }
      top = Math.min(top, y);
      bottom = Math.max(bottom, y + item.height);
      lo = Math.min(lo, item.lo);
      hi = Math.max(hi, item.hi);
    }
    const before = cluster === ROOT ? 0 : room.before;
    const after = cluster === ROOT ? 0 : room.after;
    const origin = top - before;
    let wanted = 0;
    for (const n of nodes) {
      at[n] -= origin;
      wanted += centre[n] - at[n];
    }
    return { lo, hi, height: bottom - top + before + after, wanted: wanted / nodes.length, nodes };
  };

  pack(ROOT);
  for (let n = 0; n < graph.realCount; n++) centre[n] = at[n];
  for (const chain of graph.chains) {
    if (chain.length < 3) continue;
    const from = centre[chain[0]];
    const to = centre[chain[chain.length - 1]];
    const span = chain.length - 1;
    for (let k = 1; k < span; k++) centre[chain[k]] = from + ((to - from) * k) / span;
  }
}
