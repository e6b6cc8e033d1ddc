import type { Point } from "../viewGraph";

/**
 * SVG path data for an edge route: straight where the route runs level, an S-curve with
 * level tangents where it changes height, so edges leave and enter boxes horizontally and a
 * curve's midpoint is exactly halfway between its two points (where the label sits).
 */
export function edgePathData(points: readonly Point[]): string {
  if (points.length === 0) return "";
  let d = `M${num(points[0].x)},${num(points[0].y)}`;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a.y === b.y) {
      d += `L${num(b.x)},${num(b.y)}`;
    } else {
      const mid = (a.x + b.x) / 2;
      d += `C${num(mid)},${num(a.y)} ${num(mid)},${num(b.y)} ${num(b.x)},${num(b.y)}`;
    }
  }
  return d;
}

/** Two decimals are plenty on screen and keep the DOM small. */
function num(v: number): string {
  return String(Math.round(v * 100) / 100);
}
