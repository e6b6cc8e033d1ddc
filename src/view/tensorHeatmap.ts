import { formatNumber } from "./format";
import { HEATMAP } from "./nodeMetrics";
import type { Heatmap } from "./viewGraph";

/**
 * How a tensor reads as a grid: a 1-d tensor is one row; from 2-d on, the last dimension is
 * the columns and every leading dimension folds into the rows (a 2×3×4 tensor: 6 rows of 4).
 */
export function gridShape(shape: readonly number[]): { rows: number; cols: number } {
  if (shape.length === 0) return { rows: 1, cols: 1 };
  const cols = shape[shape.length - 1];
  let rows = 1;
  for (let i = 0; i < shape.length - 1; i++) rows *= shape[i];
  return { rows, cols };
}

/**
 * A tensor downsampled to at most `maxCells` × `maxCells` cells, each scaled by the largest
 * finite |x| in the whole tensor into [-1, 1]. A cell standing for a block of elements shows
 * the block's strongest element with its sign: an average would let positive and negative
 * values cancel and hide the one gradient that exploded. A block holding NaN or ±∞ is null.
 * Null when there is nothing to draw: a scalar, an empty tensor, or a trace without the numbers.
 */
export function tensorHeatmap(
  values: readonly number[],
  shape: readonly number[],
  maxCells: number = HEATMAP.maxCells,
): Heatmap | null {
  if (shape.length === 0) return null;
  const { rows, cols } = gridShape(shape);
  if (rows * cols === 0 || values.length !== rows * cols) return null;
  let largest = 0;
  for (const v of values) if (Number.isFinite(v)) largest = Math.max(largest, Math.abs(v));
  const r = Math.min(rows, maxCells);
  const c = Math.min(cols, maxCells);
  const cells: (number | null)[] = [];
  for (let i = 0; i < r; i++) {
    const [top, bottom] = [Math.floor((i * rows) / r), Math.floor(((i + 1) * rows) / r)];
    for (let j = 0; j < c; j++) {
      const [left, right] = [Math.floor((j * cols) / c), Math.floor(((j + 1) * cols) / c)];
      cells.push(strongest(values, cols, top, bottom, left, right, largest));
    }
  }
  return { rows: r, cols: c, cells, scale: formatNumber(largest) };
}

function strongest(
  values: readonly number[],
  cols: number,
  top: number,
  bottom: number,
  left: number,
  right: number,
  largest: number,
): number | null {
  let best = 0;
  for (let row = top; row < bottom; row++) {
    for (let col = left; col < right; col++) {
      const v = values[row * cols + col];
      if (!Number.isFinite(v)) return null;
      if (Math.abs(v) > Math.abs(best)) best = v;
    }
  }
  // Three decimals are finer than any colour step and keep the message small; a value that is
  // not zero keeps at least ±0.001, so its cell still shows its sign.
  if (largest === 0 || best === 0) return 0;
  const rounded = Math.round((best / largest) * 1000) / 1000;
  return rounded === 0 ? Math.sign(best) * 0.001 : rounded;
}
