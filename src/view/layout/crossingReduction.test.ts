import { describe, expect, it } from "vitest";
import { countCrossings, orderLayers } from "./crossingReduction";
import { buildLayeredGraph } from "./layeredGraph";

const box = { width: 10, height: 10 };

function twoColumns(edges: [number, number][]) {
  // Nodes 0..2 in column 0, 3..5 in column 1.
  const nodes = Array.from({ length: 6 }, () => box);
  const layers = [0, 0, 0, 1, 1, 1];
  const layoutEdges = edges.map(([from, to]) => ({ from, to, labelWidth: 0 }));
  return buildLayeredGraph(
    nodes,
    layoutEdges,
    layers,
    layoutEdges.map(() => true),
    10,
  );
}

function positions(order: number[][], count: number) {
  const position = new Float64Array(count);
  order.forEach((column) => column.forEach((n, i) => (position[n] = i)));
  return position;
}

describe("countCrossings", () => {
  it("counts each pair of crossing segments once", () => {
    // 0→5, 1→4, 2→3: every pair crosses.
    const graph = twoColumns([
      [0, 5],
      [1, 4],
      [2, 3],
    ]);
    const order = [
      [0, 1, 2],
      [3, 4, 5],
    ];
    expect(countCrossings(graph, order, positions(order, 6))).toBe(3);
  });

  it("does not count segments that share an end", () => {
    const graph = twoColumns([
      [0, 3],
      [0, 4],
      [1, 4],
    ]);
    const order = [
      [0, 1, 2],
      [3, 4, 5],
    ];
    expect(countCrossings(graph, order, positions(order, 6))).toBe(0);
  });
});

describe("orderLayers", () => {
  it("untangles a twisted pair of columns", () => {
    const graph = twoColumns([
      [0, 5],
      [1, 4],
      [2, 3],
    ]);
    const order = orderLayers(graph, 4);
    expect(countCrossings(graph, order, positions(order, 6))).toBe(0);
  });

  it("routes a long edge through one dummy per column it crosses", () => {
    const nodes = [box, box, box];
    const edges = [
      { from: 0, to: 1, labelWidth: 0 },
      { from: 1, to: 2, labelWidth: 0 },
      { from: 0, to: 2, labelWidth: 0 },
    ];
    const graph = buildLayeredGraph(nodes, edges, [0, 1, 2], [true, true, true], 10);
    expect(graph.count).toBe(4);
    expect(graph.chains[2]).toEqual([0, 3, 2]);
    expect(graph.layer[3]).toBe(1);
  });
});
