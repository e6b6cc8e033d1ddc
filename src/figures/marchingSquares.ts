/**
 * Contours of a grid of values by marching squares. For a filled band (`contourf`), each cell
 * — its four corners, values linear along its edges — is clipped to lo ≤ z ≤ hi, which gives
 * the band's polygon in that cell (saddles included: the clip joins the crossings around the
 * cell's border in order). Whole cells inside the band are merged along a row into one
 * rectangle when the grid is rectilinear (a `meshgrid`), which keeps the drawing small. For a
 * contour line (`contour`), each cell's edge crossings are paired into segments, a saddle
 * resolved by the value at the cell's centre.
 */

export interface Grid {
  rows: number;
  cols: number;
  /** Row-major coordinates and values of the grid points. */
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  z: ArrayLike<number>;
}

/** A polygon as a flat list of coordinates x0, y0, x1, y1, … (closed implicitly). */
export type Ring = number[];

interface Vertex {
  x: number;
  y: number;
  z: number;
}

/** Whether X depends only on the column and Y only on the row (so cells are axis-aligned rectangles). */
export function isRectilinear(grid: Grid): boolean {
  const { rows, cols, x, y } = grid;
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      if (x[i * cols + j] !== x[j] || y[i * cols + j] !== y[i * cols]) return false;
    }
  return true;
}

function clip(polygon: Vertex[], level: number, keepAbove: boolean): Vertex[] {
  const out: Vertex[] = [];
  const inside = (v: Vertex) => (keepAbove ? v.z >= level : v.z <= level);
  for (let k = 0; k < polygon.length; k++) {
    const p = polygon[k];
    const q = polygon[(k + 1) % polygon.length];
    const pIn = inside(p);
    const qIn = inside(q);
    if (pIn !== qIn) {
      const t = (level - p.z) / (q.z - p.z);
      out.push({ x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t, z: level });
    }
    if (qIn) out.push(q);
  }
  return out;
}

/** The polygons covering lo ≤ z ≤ hi. */
export function bandRings(grid: Grid, lo: number, hi: number): Ring[] {
  const { rows, cols, x, y, z } = grid;
  const rings: Ring[] = [];
  const rect = isRectilinear(grid);
  const at = (i: number, j: number): Vertex => {
    const k = i * cols + j;
    return { x: x[k], y: y[k], z: z[k] };
  };
  for (let i = 0; i + 1 < rows; i++) {
    let runStart = -1; // first column of a run of whole cells inside the band
    const flush = (end: number) => {
      if (runStart < 0) return;
      const a = at(i, runStart);
      const b = at(i + 1, end);
      rings.push([a.x, a.y, b.x, a.y, b.x, b.y, a.x, b.y]);
      runStart = -1;
    };
    for (let j = 0; j + 1 < cols; j++) {
      const corners = [at(i, j), at(i, j + 1), at(i + 1, j + 1), at(i + 1, j)];
      if (corners.some((c) => !Number.isFinite(c.z) || !Number.isFinite(c.x) || !Number.isFinite(c.y))) {
        flush(j);
        continue;
      }
      const whole = corners.every((c) => c.z >= lo && c.z <= hi);
      if (whole && rect) {
        if (runStart < 0) runStart = j;
        continue;
      }
      flush(j);
      if (whole) {
        rings.push(corners.flatMap((c) => [c.x, c.y]));
        continue;
      }
      if (corners.every((c) => c.z < lo) || corners.every((c) => c.z > hi)) continue;
      const piece = clip(clip(corners, lo, true), hi, false);
      if (piece.length >= 3) rings.push(piece.flatMap((v) => [v.x, v.y]));
    }
    flush(cols - 1);
  }
  return rings;
}

/** Segments x0, y0, x1, y1 of the contour line z = level. */
export function isolineSegments(grid: Grid, level: number): number[][] {
  const { rows, cols, x, y, z } = grid;
  const segments: number[][] = [];
  for (let i = 0; i + 1 < rows; i++)
    for (let j = 0; j + 1 < cols; j++) {
      const ks = [i * cols + j, i * cols + j + 1, (i + 1) * cols + j + 1, (i + 1) * cols + j];
      if (ks.some((k) => !Number.isFinite(z[k]))) continue;
      const crossings: number[][] = [];
      for (let e = 0; e < 4; e++) {
        const a = ks[e];
        const b = ks[(e + 1) % 4];
        const za = z[a] - level;
        const zb = z[b] - level;
        if (za < 0 !== zb < 0) {
          const t = za / (za - zb);
          crossings.push([x[a] + (x[b] - x[a]) * t, y[a] + (y[b] - y[a]) * t]);
        }
      }
      if (crossings.length === 2) segments.push([...crossings[0], ...crossings[1]]);
      else if (crossings.length === 4) {
        // a saddle: the centre's value says which corners join
        const centre = (z[ks[0]] + z[ks[1]] + z[ks[2]] + z[ks[3]]) / 4 - level;
        const firstAbove = z[ks[0]] - level >= 0;
        if (centre >= 0 === firstAbove) {
          segments.push([...crossings[0], ...crossings[1]], [...crossings[2], ...crossings[3]]);
        } else {
          segments.push([...crossings[3], ...crossings[0]], [...crossings[1], ...crossings[2]]);
        }
      }
    }
  return segments;
}
