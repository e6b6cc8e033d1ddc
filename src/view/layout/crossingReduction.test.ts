import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countCrossings, orderLayers } from "./crossingReduction";
import { buildLayeredGraph } from "./layeredGraph";
import { assignLayers } from "./layering";

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

  it("keeps each column's nodes and never ends with more crossings than it started with", () => {
    const dag = fc.integer({ min: 2, max: 30 }).chain((n) =>
      fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n }).map((pairs) => ({
        n,
        edges: pairs
          .filter(([a, b]) => a !== b)
          .map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b), labelWidth: 0 })),
      })),
    );
    fc.assert(
      fc.property(dag, ({ n, edges }) => {
        const { layers, acyclic } = assignLayers(n, edges);
        const graph = buildLayeredGraph(
          Array.from({ length: n }, () => box),
          edges,
          layers,
          acyclic,
          10,
        );
        const start: number[][] = Array.from({ length: graph.layerCount }, () => []);
        for (let node = 0; node < graph.count; node++) start[graph.layer[node]].push(node);
        const order = orderLayers(graph, 8);
        expect(order.map((column) => [...column].sort((a, b) => a - b))).toEqual(start);
        expect(countCrossings(graph, order, positions(order, graph.count))).toBeLessThanOrEqual(
          countCrossings(graph, start, positions(start, graph.count)),
        );
      }),
      { numRuns: 200 },
    );
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
