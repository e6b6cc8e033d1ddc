import type { LayoutEdge, LayoutNode } from "./layoutTypes";

/**
 * The graph the layered algorithms work on: every kept edge that spans several columns is cut
 * into one-column segments by dummy nodes, one per column crossed, so edges take room in the
 * columns they cross and crossing reduction sees them. Real nodes keep their indices; dummies
 * follow them. Neighbour lists are packed (CSR) because the sweeps read them thousands of times.
 */
export interface LayeredGraph {
  /** Real nodes first, then dummies. */
  count: number;
  realCount: number;
  layer: Int32Array;
  width: Float64Array;
  height: Float64Array;
  /** Neighbours one column to the left: `upList[upStart[n] .. upStart[n + 1])`. */
  upStart: Int32Array;
  upList: Int32Array;
  /** Neighbours one column to the right, likewise. */
  downStart: Int32Array;
  downList: Int32Array;
  /** Per input edge: the chain of layered nodes it passes, `from` … `to`; empty when not kept. */
  chains: number[][];
  layerCount: number;
}

export function buildLayeredGraph(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  layers: readonly number[],
  keep: readonly boolean[],
  dummyHeight: number,
): LayeredGraph {
  const layerList: number[] = [...layers];
  const chains: number[][] = [];
  let segments = 0;
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    if (!keep[i]) {
      chains.push([]);
      continue;
    }
    const chain = [e.from];
    for (let l = layers[e.from] + 1; l < layers[e.to]; l++) {
      chain.push(layerList.length);
      layerList.push(l);
    }
    chain.push(e.to);
    chains.push(chain);
    segments += chain.length - 1;
  }
  const count = layerList.length;
  const width = new Float64Array(count);
  const height = new Float64Array(count).fill(dummyHeight);
  nodes.forEach((n, i) => {
    width[i] = n.width;
    height[i] = n.height;
  });

  const upStart = new Int32Array(count + 1);
  const downStart = new Int32Array(count + 1);
  for (const chain of chains) {
    for (let k = 1; k < chain.length; k++) {
      downStart[chain[k - 1] + 1]++;
      upStart[chain[k] + 1]++;
    }
  }
  for (let n = 0; n < count; n++) {
    upStart[n + 1] += upStart[n];
    downStart[n + 1] += downStart[n];
  }
  const upList = new Int32Array(segments);
  const downList = new Int32Array(segments);
  const upFill = upStart.slice(0, count);
  const downFill = downStart.slice(0, count);
  for (const chain of chains) {
    for (let k = 1; k < chain.length; k++) {
      downList[downFill[chain[k - 1]]++] = chain[k];
      upList[upFill[chain[k]]++] = chain[k - 1];
    }
  }
  const layerCount = layerList.reduce((m, l) => Math.max(m, l + 1), 0);
  return {
    count,
    realCount: nodes.length,
    layer: Int32Array.from(layerList),
    width,
    height,
    upStart,
    upList,
    downStart,
    downList,
    chains,
    layerCount,
  };
}

/** One direction of a layered graph's neighbour lists. */
export interface Neighbours {
  start: Int32Array;
  list: Int32Array;
}

export const leftNeighbours = (g: LayeredGraph): Neighbours => ({ start: g.upStart, list: g.upList });
export const rightNeighbours = (g: LayeredGraph): Neighbours => ({ start: g.downStart, list: g.downList });
