import { bendControls } from "../src/view/render/edgePath";
import type { Point } from "../src/view/viewGraph";
import { meets, pointsBox, type Rect } from "./spatialGrid";

/** A cubic Bézier segment: start, two control points, end. */
export type Cubic = [Point, Point, Point, Point];

/**
 * The parts of an edge route (as edgePathData draws it: level stretches straight, bends as
 * S-curves with level tangents) that can show in `view`, as straight pieces and cubic pieces.
 * A dashed stroke costs time for its whole length, in view or not, and an edge's bend can run
 * the height of a big graph: so dashed routes are cut down to what is near the view first.
 */
export function routePiecesIn(
  points: readonly Point[],
  view: Rect,
  curves: boolean,
  vertical = false,
): (Cubic | [Point, Point])[] {
  const out: (Cubic | [Point, Point])[] = [];
  const reach = Math.max(view.right - view.left, view.bottom - view.top) / 2;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (!meets(pointsBox([a, b]), view)) continue;
    const controls = bendControls(a, b, vertical);
    if (controls === null && !vertical) {
      // Level: cut to the view's width.
      const left = Math.max(Math.min(a.x, b.x), view.left);
      const right = Math.min(Math.max(a.x, b.x), view.right);
      out.push([
        { x: left, y: a.y },
        { x: right, y: a.y },
      ]);
      continue;
    }
    if (controls === null) {
      // Straight down a column: cut to the view's height.
      const top = Math.max(Math.min(a.y, b.y), view.top);
      const bottom = Math.min(Math.max(a.y, b.y), view.bottom);
      out.push([
        { x: a.x, y: top },
        { x: a.x, y: bottom },
      ]);
      continue;
    }
    if (!curves) {
      out.push([a, b]);
      continue;
    }
    const curve: Cubic = [a, controls[0], controls[1], b];
    const span = Math.max(Math.abs(b.x - a.x), Math.abs(b.y - a.y));
    const n = Math.min(64, Math.max(1, Math.ceil(span / reach)));
    for (let j = 0; j < n; j++) {
      const piece = cubicPiece(curve, j / n, (j + 1) / n);
      // a cubic lies within its control points' bounds
      if (meets(pointsBox(piece), view)) out.push(piece);
    }
  }
  return out;
}

/** The part of a cubic between parameters t0 < t1, as a cubic of its own (de Casteljau). */
export function cubicPiece(c: Cubic, t0: number, t1: number): Cubic {
  const head = t1 >= 1 ? c : split(c, t1)[0];
  return t0 <= 0 ? head : split(head, t0 / t1)[1];
}

function split([p0, p1, p2, p3]: Cubic, t: number): [Cubic, Cubic] {
  const lerp = (a: Point, b: Point): Point => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });
  const a = lerp(p0, p1);
  const b = lerp(p1, p2);
  const c = lerp(p2, p3);
  const d = lerp(a, b);
  const e = lerp(b, c);
  const f = lerp(d, e);
  return [
    [p0, a, d, f],
    [f, e, c, p3],
  ];
}
