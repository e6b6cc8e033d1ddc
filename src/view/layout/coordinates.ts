import { leftNeighbours, rightNeighbours, type LayeredGraph, type Neighbours } from "./layeredGraph";
import type { LayoutOptions } from "./layoutTypes";
import { placeInOrderInto } from "./orderedPlacement";

/** Dummies hold their line harder than real nodes, so long edges run straight. */
const DUMMY_WEIGHT = 4;
const REFINEMENTS = 4;

/**
 * Vertical centres for every layered node, given the order within each column.
 *
 * 1. Stack each column, centred on 0.
 * 2. Sweep right (each node wants the mean centre of its left neighbours), then left (of its
 *    right neighbours), a few times; each column is placed by `placeInOrder`, which keeps the
 *    order and the gaps.
 * 3. A last sweep with both neighbours balances a node between its inputs and its consumers.
 */
export function verticalCentres(
  graph: LayeredGraph,
  order: readonly number[][],
  options: LayoutOptions,
): Float64Array {
  const centre = new Float64Array(graph.count);
  const separations = order.map((column) => columnSeparations(graph, column, options));
  const weights = order.map((column) => column.map((node) => (node >= graph.realCount ? DUMMY_WEIGHT : 1)));

  order.forEach((column, l) => {
    let y = 0;
    column.forEach((node, i) => {
      centre[node] = y;
      if (i < column.length - 1) y += separations[l][i];
    });
    for (const node of column) centre[node] -= y / 2;
  });

  const widest = order.reduce((m, column) => Math.max(m, column.length), 0);
  const desired = new Float64Array(widest);
  const placed = new Float64Array(widest);
  const place = (l: number, a: Neighbours, b: Neighbours | null) => {
    const column = order[l];
    for (let i = 0; i < column.length; i++) {
      const node = column[i];
      let sum = 0;
      for (let k = a.start[node]; k < a.start[node + 1]; k++) sum += centre[a.list[k]];
      let count = a.start[node + 1] - a.start[node];
      if (b !== null) {
        for (let k = b.start[node]; k < b.start[node + 1]; k++) sum += centre[b.list[k]];
        count += b.start[node + 1] - b.start[node];
      }
      desired[i] = count === 0 ? centre[node] : sum / count;
    }
    placeInOrderInto(desired, separations[l], weights[l], column.length, placed);
    for (let i = 0; i < column.length; i++) centre[column[i]] = placed[i];
  };
  const left = leftNeighbours(graph);
  const right = rightNeighbours(graph);
  for (let round = 0; round < REFINEMENTS; round++) {
    for (let l = 1; l < order.length; l++) place(l, left, null);
    for (let l = order.length - 2; l >= 0; l--) place(l, right, null);
  }
  for (let l = 0; l < order.length; l++) place(l, left, right);
  straightenLongEdges(graph, order, separations, centre);
  return centre;
}

/**
 * Placement leaves a long edge with small steps wherever a column nudged one of its dummies.
 * Each long edge is run straight from one end for as long as its dummies may move there
 * without crowding a neighbour, and bends only where it must; of the two ends, the one that
 * needs fewer bends wins.
 */
function straightenLongEdges(
  graph: LayeredGraph,
  order: readonly number[][],
  separations: readonly number[][],
  centre: Float64Array,
): void {
  const slot = new Int32Array(graph.count);
  for (const column of order) column.forEach((node, i) => (slot[node] = i));
  const room = (node: number): [number, number] => {
    const column = order[graph.layer[node]];
    const i = slot[node];
    const gaps = separations[graph.layer[node]];
    const lo = i > 0 ? centre[column[i - 1]] + gaps[i - 1] : -Infinity;
    const hi = i + 1 < column.length ? centre[column[i + 1]] - gaps[i] : Infinity;
    return [lo, hi];
  };
  const run = (dummies: readonly number[], from: number): { ys: number[]; bends: number } => {
    let y = from;
    let bends = 0;
    const ys = dummies.map((d) => {
      const [lo, hi] = room(d);
      const clamped = Math.min(hi, Math.max(lo, y));
      if (clamped !== y) bends++;
      y = clamped;
      return y;
    });
    return { ys, bends };
  };
  for (const chain of graph.chains) {
    if (chain.length < 3) continue;
    const dummies = chain.slice(1, -1);
    const start = centre[chain[0]];
    const end = centre[chain[chain.length - 1]];
    const forward = run(dummies, start);
    const backward = run([...dummies].reverse(), end);
    const forwardBends = forward.bends + (forward.ys[forward.ys.length - 1] !== end ? 1 : 0);
    const backwardBends = backward.bends + (backward.ys[backward.ys.length - 1] !== start ? 1 : 0);
    const ys = forwardBends <= backwardBends ? forward.ys : backward.ys.reverse();
    dummies.forEach((d, k) => (centre[d] = ys[k]));
  }
}

function columnSeparations(graph: LayeredGraph, column: readonly number[], options: LayoutOptions): number[] {
  const result: number[] = [];
  for (let i = 0; i + 1 < column.length; i++) {
    const a = column[i];
    const b = column[i + 1];
    const bothDummies = a >= graph.realCount && b >= graph.realCount;
    const gap = bothDummies ? options.edgeGap : options.nodeGap;
    result.push((graph.height[a] + graph.height[b]) / 2 + gap);
  }
  return result;
}
