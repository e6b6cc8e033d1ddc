import type { Point } from "../viewGraph";

/**
 * SVG path data for an edge route: straight where the route runs level with the flow, an
 * S-curve with level tangents where it moves across, so edges leave and enter boxes along the
 * flow and a curve's midpoint is exactly halfway between its two points. The flow runs left to
 * right (or right to left), or, `vertical`, top to bottom.
 */
export function edgePathData(points: readonly Point[], vertical = false): string {
  if (points.length === 0) return "";
  let d = `M${num(points[0].x)},${num(points[0].y)}`;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    const c = bendControls(a, b, vertical);
    if (c === null) d += `L${num(b.x)},${num(b.y)}`;
    else d += `C${num(c[0].x)},${num(c[0].y)} ${num(c[1].x)},${num(c[1].y)} ${num(b.x)},${num(b.y)}`;
  }
  return d;
}

/**
 * The control points of the S-curve from `a` to `b` — halfway along the flow, level with each
 * end — or null where the stretch runs level (drawn straight). The one definition of an edge's
 * shape: the SVG, the canvas, hit testing and the layout's label lanes all follow it.
 */
export function bendControls(a: Point, b: Point, vertical: boolean): [Point, Point] | null {
  if (vertical) {
    if (a.x === b.x) return null;
    const mid = (a.y + b.y) / 2;
    return [
      { x: a.x, y: mid },
      { x: b.x, y: mid },
    ];
  }
  if (a.y === b.y) return null;
  const mid = (a.x + b.x) / 2;
  return [
    { x: mid, y: a.y },
    { x: mid, y: b.y },
  ];
}

/** Two decimals are plenty on screen and keep the DOM small. */
function num(v: number): string {
  return String(Math.round(v * 100) / 100);
}
