import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { placeInOrder } from "./orderedPlacement";

describe("placeInOrder", () => {
  it("gives every node its wish when the wishes leave room", () => {
    expect(placeInOrder([0, 50, 100], [20, 20], [1, 1, 1])).toEqual([0, 50, 100]);
  });

  it("shares the displacement of two nodes that want the same place", () => {
    expect(placeInOrder([10, 10], [20], [1, 1])).toEqual([0, 20]);
  });

  it("moves the lighter node more", () => {
    const [a, b] = placeInOrder([10, 10], [20], [3, 1]);
    expect(b - a).toBeCloseTo(20);
    expect(a).toBeCloseTo(5);
  });

  it("keeps order and separation, and is optimal among shifts of the answer", () => {
    const column = fc.integer({ min: 1, max: 12 }).chain((n) =>
      fc.record({
        desired: fc.array(fc.integer({ min: -200, max: 200 }), { minLength: n, maxLength: n }),
        separation: fc.array(fc.integer({ min: 1, max: 80 }), { minLength: n - 1, maxLength: n - 1 }),
        weight: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: n, maxLength: n }),
      }),
    );
    fc.assert(
      fc.property(column, ({ desired, separation, weight }) => {
        const y = placeInOrder(desired, separation, weight);
        for (let i = 0; i + 1 < y.length; i++)
          expect(y[i + 1] - y[i]).toBeGreaterThanOrEqual(separation[i] - 1e-9);
        const cost = (ys: number[]) => ys.reduce((s, v, i) => s + weight[i] * (v - desired[i]) ** 2, 0);
        for (const shift of [-1, 1])
          expect(cost(y)).toBeLessThanOrEqual(cost(y.map((v) => v + shift)) + 1e-6);
      }),
    );
  });
});
