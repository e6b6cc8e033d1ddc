import { describe, expect, it } from "vitest";
import { viewTest, zoomAround } from "./panZoom";

describe("viewTest (what a patch writes at once)", () => {
  const box = (x: number, y: number) => ({ x, y, width: 10, height: 10 });

  it("takes the view, grown by the margin, back into drawing coordinates", () => {
    // Drawn at half size, shifted 100 right and 50 down, in a 400 × 200 view: the view shows
    // drawing x in [-200, 600], y in [-100, 300]; a margin of 0.5 adds 400 and 200 a side.
    const near = viewTest({ k: 0.5, x: 100, y: 50 }, 400, 200, 0.5)!;
    expect(near(box(0, 0))).toBe(true);
    expect(near(box(-595, -295))).toBe(true);
    expect(near(box(-615, 0))).toBe(false);
    expect(near(box(995, 0))).toBe(true);
    expect(near(box(1000, 0))).toBe(false);
    expect(near(box(0, 499))).toBe(true);
    expect(near(box(0, 500))).toBe(false);
  });

  it("is exact without a margin", () => {
    const near = viewTest({ k: 1, x: 0, y: 0 }, 100, 100, 0)!;
    expect(near(box(95, 95))).toBe(true);
    expect(near(box(100, 50))).toBe(false);
    expect(near(box(-10, 50))).toBe(false);
  });

  it("cannot tell for a view without size or scale", () => {
    expect(viewTest({ k: 1, x: 0, y: 0 }, 0, 100, 0.5)).toBeNull();
    expect(viewTest({ k: 0, x: 0, y: 0 }, 100, 100, 0.5)).toBeNull();
    expect(viewTest({ k: NaN, x: 0, y: 0 }, 100, 100, 0.5)).toBeNull();
  });
});

describe("zoomAround (wheel and pinch)", () => {
  it("keeps the drawing point under the pointer where it was", () => {
    const t = { k: 1.2, x: -40, y: 25 };
    const [px, py] = [300, 180];
    const drawn = { x: (px - t.x) / t.k, y: (py - t.y) / t.k };
    const z = zoomAround(t, 1.5, px, py);
    expect(z.k).toBeCloseTo(1.8, 12);
    expect(drawn.x * z.k + z.x).toBeCloseTo(px, 9);
    expect(drawn.y * z.k + z.y).toBeCloseTo(py, 9);
  });

  it("stays within its scale's limits", () => {
    expect(zoomAround({ k: 1, x: 0, y: 0 }, 1e6, 0, 0).k).toBe(6);
    expect(zoomAround({ k: 1, x: 0, y: 0 }, 1e-6, 0, 0).k).toBe(0.01);
  });
});
