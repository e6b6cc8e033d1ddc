import { describe, expect, it } from "vitest";
import { distanceToRoute } from "./edgeHit";

describe("distanceToRoute", () => {
  it("measures to a level segment", () => {
    expect(
      distanceToRoute({ x: 5, y: 3 }, [
        { x: 0, y: 0 },
        { x: 10, y: 0 },
      ]),
    ).toBeCloseTo(3, 12);
    expect(
      distanceToRoute({ x: 14, y: 0 }, [
        { x: 0, y: 0 },
        { x: 10, y: 0 },
      ]),
    ).toBeCloseTo(4, 12);
  });

  it("follows the drawn S-curve, not the chord between its ends", () => {
    const route = [
      { x: 0, y: 0 },
      { x: 100, y: 100 },
    ];
    // the curve passes through its midpoint and leaves level: (10, 1) is near it, (10, 10) on the chord is not
    expect(distanceToRoute({ x: 50, y: 50 }, route)).toBeLessThan(0.5);
    expect(distanceToRoute({ x: 10, y: 1 }, route)).toBeLessThan(1.5);
    expect(distanceToRoute({ x: 10, y: 10 }, route)).toBeGreaterThan(5);
  });
});
