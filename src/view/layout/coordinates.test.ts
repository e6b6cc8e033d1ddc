import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { verticalCentres } from "./coordinates";
import { orderLayers } from "./crossingReduction";
import { buildLayeredGraph } from "./layeredGraph";
import { assignLayers } from "./layering";
import { DEFAULT_LAYOUT_OPTIONS } from "./layoutTypes";

const dag = fc.integer({ min: 2, max: 30 }).chain((n) =>
  fc.record({
    heights: fc.array(fc.constantFrom(30, 66), { minLength: n, maxLength: n }),
    pairs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n }),
  }),
);

describe("verticalCentres", () => {
  it("keeps every column in order with its gaps, dummies (edges) included", () => {
    fc.assert(
      fc.property(dag, ({ heights, pairs }) => {
        const nodes = heights.map((height) => ({ width: 50, height }));
        const edges = pairs
          .filter(([a, b]) => a !== b)
          .map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b), labelWidth: 0 }));
        const { layers, acyclic } = assignLayers(nodes.length, edges);
        const graph = buildLayeredGraph(nodes, edges, layers, acyclic, 14);
        const order = orderLayers(graph, 4);
        const centre = verticalCentres(graph, order, DEFAULT_LAYOUT_OPTIONS);
        for (const column of order) {
          for (let i = 0; i + 1 < column.length; i++) {
            const [a, b] = [column[i], column[i + 1]];
            const dummies = a >= graph.realCount && b >= graph.realCount;
            const gap = dummies ? DEFAULT_LAYOUT_OPTIONS.edgeGap : DEFAULT_LAYOUT_OPTIONS.nodeGap;
            expect(centre[b] - centre[a]).toBeGreaterThanOrEqual(
              (graph.height[a] + graph.height[b]) / 2 + gap - 1e-6,
            );
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("runs a long edge straight when nothing is in its way", () => {
    // 0 → 1 → 2 → 3 and 0 → 3: the long edge's two dummies share one height.
    const box = { width: 50, height: 30 };
    const edges = [
      { from: 0, to: 1, labelWidth: 0 },
      { from: 1, to: 2, labelWidth: 0 },
      { from: 2, to: 3, labelWidth: 0 },
      { from: 0, to: 3, labelWidth: 0 },
    ];
    const { layers, acyclic } = assignLayers(4, edges);
    const graph = buildLayeredGraph([box, box, box, box], edges, layers, acyclic, 14);
    const centre = verticalCentres(graph, orderLayers(graph, 4), DEFAULT_LAYOUT_OPTIONS);
    const [first, second] = graph.chains[3].slice(1, -1);
    expect(centre[first]).toBe(centre[second]);
  });
});
