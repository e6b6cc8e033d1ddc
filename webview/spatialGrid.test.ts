import { describe, expect, it } from "vitest";
import { pointsBox, SpatialGrid, visibleRect } from "./spatialGrid";

const boxes = [
  { x: 0, y: 0, width: 100, height: 60 },
  { x: 300, y: 10, width: 100, height: 60 },
  { x: 50, y: 500, width: 700, height: 40 }, // spans several cells
  { x: 320, y: 20, width: 30, height: 30 }, // inside box 1, drawn over it
];

describe("SpatialGrid", () => {
  const grid = new SpatialGrid(boxes, 800, 600, 128);

  it("finds what meets a rectangle, each item once, in drawing order", () => {
    expect(grid.query({ left: 0, top: 0, right: 800, bottom: 600 })).toEqual([0, 1, 2, 3]);
    expect(grid.query({ left: 90, top: 0, right: 310, bottom: 50 })).toEqual([0, 1]);
    expect(grid.query({ left: 600, top: 450, right: 700, bottom: 520 })).toEqual([2]);
    expect(grid.query({ left: 150, top: 100, right: 250, bottom: 400 })).toEqual([]);
  });

  it("agrees with testing every box", () => {
    const many = Array.from({ length: 300 }, (_, i) => ({
      x: (i * 37) % 2000,
      y: (i * 53) % 1500,
      width: 20 + (i % 7) * 15,
      height: 30,
    }));
    const big = new SpatialGrid(many, 2100, 1600, 200);
    for (const r of [
      { left: 100, top: 100, right: 600, bottom: 400 },
      { left: -50, top: -50, right: 10, bottom: 10 },
      { left: 1900, top: 1400, right: 2500, bottom: 2000 },
    ]) {
      const brute = many
        .map((b, i) => [b, i] as const)
        .filter(
          ([b]) => b.x <= r.right && b.x + b.width >= r.left && b.y <= r.bottom && b.y + b.height >= r.top,
        )
        .map(([, i]) => i);
      expect(big.query(r)).toEqual(brute);
    }
  });

  it("hit-tests the topmost box under a point", () => {
    expect(grid.at({ x: 10, y: 10 })).toBe(0);
    expect(grid.at({ x: 310, y: 15 })).toBe(1);
    expect(grid.at({ x: 330, y: 30 })).toBe(3);
    expect(grid.at({ x: 700, y: 520 })).toBe(2);
    expect(grid.at({ x: 200, y: 200 })).toBe(-1);
  });

  it("clamps points and rectangles outside the drawing", () => {
    expect(grid.at({ x: -10, y: -10 })).toBe(-1);
    expect(grid.at({ x: 5000, y: 5000 })).toBe(-1);
    expect(grid.query({ left: -1000, top: -1000, right: -900, bottom: -900 })).toEqual([]);
  });
});

describe("visibleRect", () => {
  it("inverts the view's transform, grown by a margin in screen pixels", () => {
    expect(visibleRect({ k: 2, x: 100, y: 50 }, 800, 600)).toEqual({
      left: -50,
      top: -25,
      right: 350,
      bottom: 275,
    });
    expect(visibleRect({ k: 0.5, x: 0, y: 0 }, 100, 100, 10)).toEqual({
      left: -20,
      top: -20,
      right: 220,
      bottom: 220,
    });
  });
});

describe("pointsBox", () => {
  it("bounds a route", () => {
    expect(
      pointsBox([
        { x: 5, y: 10 },
        { x: 20, y: 2 },
        { x: 40, y: 30 },
      ]),
    ).toEqual({ x: 5, y: 2, width: 35, height: 28 });
    expect(pointsBox([])).toEqual({ x: 0, y: 0, width: 0, height: 0 });
  });
});
