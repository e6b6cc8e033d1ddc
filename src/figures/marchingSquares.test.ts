import { describe, expect, it } from "vitest";
import { bandRings, isolineSegments, isRectilinear, type Grid } from "./marchingSquares";

function area(ring: number[]): number {
  let a = 0;
  for (let k = 0; k < ring.length; k += 2) {
    const j = (k + 2) % ring.length;
    a += ring[k] * ring[j + 1] - ring[j] * ring[k + 1];
  }
  return Math.abs(a) / 2;
}

/** z = x + y on a 5 × 5 grid over 0…4. */
function plane(): Grid {
  const x: number[] = [];
  const y: number[] = [];
  const z: number[] = [];
  for (let i = 0; i < 5; i++)
    for (let j = 0; j < 5; j++) {
      x.push(j);
      y.push(i);
      z.push(i + j);
    }
  return { rows: 5, cols: 5, x, y, z };
}

describe("marching squares", () => {
  it("covers the grid exactly with the bands between levels", () => {
    const grid = plane();
    expect(isRectilinear(grid)).toBe(true);
    const levels = [0, 2, 4, 6, 8];
    const total = levels
      .slice(1)
      .reduce((s, hi, k) => s + bandRings(grid, levels[k], hi).reduce((t, r) => t + area(r), 0), 0);
    expect(total).toBeCloseTo(16, 10);
    // the band 0 ≤ x + y ≤ 2 is the triangle under the line x + y = 2: area 2
    expect(bandRings(grid, 0, 2).reduce((t, r) => t + area(r), 0)).toBeCloseTo(2, 10);
  });

  it("merges whole cells of a row into one rectangle", () => {
    const flat: Grid = {
      rows: 2,
      cols: 4,
      x: [0, 1, 2, 3, 0, 1, 2, 3],
      y: [0, 0, 0, 0, 1, 1, 1, 1],
      z: new Array(8).fill(1),
    };
    expect(bandRings(flat, 0, 2)).toEqual([[0, 0, 3, 0, 3, 1, 0, 1]]);
  });

  it("leaves out cells with a NaN corner", () => {
    const holes: Grid = { rows: 2, cols: 2, x: [0, 1, 0, 1], y: [0, 0, 1, 1], z: [0, NaN, 1, 1] };
    expect(bandRings(holes, -1, 2)).toEqual([]);
  });

  it("traces a contour line through the crossings, resolving a saddle", () => {
    const grid = plane();
    const segments = isolineSegments(grid, 3.5);
    for (const [x0, y0, x1, y1] of segments) {
      expect(x0 + y0).toBeCloseTo(3.5, 10);
      expect(x1 + y1).toBeCloseTo(3.5, 10);
    }
    const saddle: Grid = { rows: 2, cols: 2, x: [0, 1, 0, 1], y: [0, 0, 1, 1], z: [1, 0, 0, 1] };
    expect(isolineSegments(saddle, 0.5)).toHaveLength(2);
  });
});
