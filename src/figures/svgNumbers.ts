/**
 * A coordinate or size as written into a figure's SVG: to a hundredth of a point, which is
 * finer than any screen shows and keeps the markup short (`12.5`, not `12.499999999999998`).
 */
export function num(v: number): number {
  const r = Math.round(v * 100) / 100;
  return r === 0 ? 0 : r;
}

/** Points as an SVG path: `M x y L x y …` (a NaN breaks the line, as matplotlib does). */
export function polylinePath(points: readonly (readonly [number, number])[]): string {
  const parts: string[] = [];
  let pen = false;
  for (const [x, y] of points) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      pen = false;
      continue;
    }
    parts.push(`${pen ? "L" : "M"}${num(x)} ${num(y)}`);
    pen = true;
  }
  return parts.join("");
}
