import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layeredLayout, placeLayers, planLayers } from "./layeredLayout";
import { DEFAULT_LAYOUT_OPTIONS } from "./layoutTypes";
import { planFromLayout } from "./planFromLayout";

const dag = fc.integer({ min: 1, max: 40 }).chain((n) =>
  fc.record({
    nodes: fc.array(
      fc.record({ width: fc.integer({ min: 20, max: 180 }), height: fc.constantFrom(30, 66) }),
      { minLength: n, maxLength: n },
    ),
    edges: fc
      .array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.constantFrom(0, 40, 70)), { maxLength: 2 * n })
      .map((pairs) =>
        pairs
          .filter(([a, b]) => a !== b)
          .map(([a, b, labelWidth]) => ({ from: Math.min(a, b), to: Math.max(a, b), labelWidth })),
      ),
  }),
);

describe("planFromLayout", () => {
  it("reads back the order a layout was placed from: placing it again gives the same layout", () => {
    fc.assert(
      fc.property(dag, ({ nodes, edges }) => {
        const plan = planLayers(nodes, edges, DEFAULT_LAYOUT_OPTIONS);
        const layout = placeLayers(plan, nodes, edges, DEFAULT_LAYOUT_OPTIONS);
        const read = planFromLayout(nodes, edges, layout, DEFAULT_LAYOUT_OPTIONS);
        expect(read).not.toBeNull();
        expect(read!.order).toEqual(plan.order);
        expect(placeLayers(read!, nodes, edges, DEFAULT_LAYOUT_OPTIONS)).toEqual(layout);
      }),
      { numRuns: 150 },
    );
  });

  it("refuses a layout of another graph", () => {
    const box = { width: 40, height: 30 };
    const layout = layeredLayout([box, box], [{ from: 0, to: 1, labelWidth: 0 }]);
    expect(
      planFromLayout([box, box, box], [{ from: 0, to: 1, labelWidth: 0 }], layout, DEFAULT_LAYOUT_OPTIONS),
    ).toBeNull();
    expect(
      planFromLayout([box, box], [{ from: 1, to: 0, labelWidth: 0 }], layout, DEFAULT_LAYOUT_OPTIONS),
    ).toBeNull();
  });
});
