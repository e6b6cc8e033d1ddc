import { describe, expect, it } from "vitest";
import { cubicPiece, routePiecesIn, type Cubic } from "./routePieces";

const at = (c: Cubic, t: number) => {
  const u = 1 - t;
  const w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return { x: c.reduce((s, p, i) => s + w[i] * p.x, 0), y: c.reduce((s, p, i) => s + w[i] * p.y, 0) };
};

describe("cubicPiece", () => {
  it("is the same curve between its parameters", () => {
    const c: Cubic = [
      { x: 0, y: 0 },
      { x: 50, y: 0 },
      { x: 50, y: 1000 },
      { x: 100, y: 1000 },
    ];
    const piece = cubicPiece(c, 0.25, 0.5);
    for (const s of [0, 0.3, 0.7, 1]) {
      const p = at(piece, s);
      const q = at(c, 0.25 + 0.25 * s);
      expect(p.x).toBeCloseTo(q.x, 6);
      expect(p.y).toBeCloseTo(q.y, 6);
    }
    expect(cubicPiece(c, 0, 1)).toEqual(c);
  });
});

describe("routePiecesIn", () => {
  const view = { left: 0, top: 0, right: 100, bottom: 100 };

  it("cuts level stretches to the view and drops what is out of it", () => {
    const pieces = routePiecesIn(
      [
        { x: -500, y: 50 },
        { x: 500, y: 50 },
        { x: 600, y: 50 },
      ],
      view,
      true,
    );
    expect(pieces).toEqual([
      [
        { x: 0, y: 50 },
        { x: 100, y: 50 },
      ],
    ]);
  });

  it("keeps only the pieces of a long bend that come near the view", () => {
    const pieces = routePiecesIn(
      [
        { x: 0, y: -5000 },
        { x: 80, y: 5000 },
      ],
      view,
      true,
    );
    expect(pieces.length).toBeGreaterThan(0);
    expect(pieces.length).toBeLessThan(8);
    for (const p of pieces) for (const q of p) expect(Math.abs(q.y)).toBeLessThan(2000);
  });
});
