import { bendControls } from "../src/view/render/edgePath";
import type { Point } from "../src/view/viewGraph";

/** Samples per S-curve: its drawn shape to well under a pixel at the zooms text is shown at. */
const CURVE_SAMPLES = 12;

/**
 * How far a point is from an edge as it is drawn: straight where the route is level, the
 * S-curve (level tangents at both ends, edgePath.ts) where it moves across, sampled finely.
 */
export function distanceToRoute(p: Point, points: readonly Point[], vertical = false): number {
  let best = Infinity;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    const controls = bendControls(a, b, vertical);
    if (controls === null) {
      best = Math.min(best, distanceToSegment(p, a, b));
      continue;
    }
    let prev = a;
    for (let s = 1; s <= CURVE_SAMPLES; s++) {
      const t = s / CURVE_SAMPLES;
      const next = cubic(a, controls[0], controls[1], b, t);
      best = Math.min(best, distanceToSegment(p, prev, next));
      prev = next;
    }
  }
  return best;
}

function cubic(p0: Point, p1: Point, p2: Point, p3: Point, t: number): Point {
  const u = 1 - t;
  const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return { x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y };
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}
