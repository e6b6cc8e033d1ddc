import type { Box, Point } from "../src/view/viewGraph";

/** A rectangle as its four sides, in drawing coordinates. */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * A uniform grid over the drawing: each item (by its index) is listed in every cell its box
 * touches, so what lies in a rectangle (the view, for culling) or under a point (the pointer,
 * for hit testing) is found by looking at a few cells instead of every item.
 */
export class SpatialGrid {
  private readonly cols: number;
  private readonly rows: number;
  private readonly cells: number[][];
  private readonly boxes: Box[];
  /** Per item, the query that last returned it: one pass collects each item once. */
  private readonly seen: Uint32Array;
  private stamp = 0;

  constructor(
    boxes: readonly Box[],
    width: number,
    height: number,
    private readonly cellSize = 256,
  ) {
    this.boxes = boxes.slice();
    this.cols = Math.max(1, Math.ceil(width / cellSize));
    this.rows = Math.max(1, Math.ceil(height / cellSize));
    this.cells = Array.from({ length: this.cols * this.rows }, () => []);
    this.seen = new Uint32Array(boxes.length);
    boxes.forEach((b, i) => {
      const [c0, c1] = this.span(b.x, b.x + b.width, this.cols);
      const [r0, r1] = this.span(b.y, b.y + b.height, this.rows);
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) this.cells[r * this.cols + c].push(i);
    });
  }

  /** Indices of the items whose box meets `rect`, in ascending order (the drawing order). */
  query(rect: Rect): number[] {
    const out: number[] = [];
    if (rect.right < rect.left || rect.bottom < rect.top) return out;
    const stamp = this.nextStamp();
    const [c0, c1] = this.span(rect.left, rect.right, this.cols);
    const [r0, r1] = this.span(rect.top, rect.bottom, this.rows);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        for (const i of this.cells[r * this.cols + c]) {
          if (this.seen[i] === stamp) continue;
          this.seen[i] = stamp;
          if (meets(this.boxes[i], rect)) out.push(i);
        }
      }
    }
    return out.sort((a, b) => a - b);
  }

  /** The topmost item (the highest index: drawn last) whose box holds `p`, or -1. */
  at(p: Point): number {
    const [c] = this.span(p.x, p.x, this.cols);
    const [r] = this.span(p.y, p.y, this.rows);
    let best = -1;
    for (const i of this.cells[r * this.cols + c]) {
      const b = this.boxes[i];
      if (i > best && p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height) best = i;
    }
    return best;
  }

  /** The range of cells [first, last] a stretch [from, to] covers along one axis, clamped to the grid. */
  private span(from: number, to: number, count: number): [number, number] {
    const clamp = (v: number) => Math.min(count - 1, Math.max(0, Math.floor(v / this.cellSize)));
    return [clamp(from), clamp(to)];
  }

  private nextStamp(): number {
    if (this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }
}

export function meets(b: Box, r: Rect): boolean {
  return b.x <= r.right && b.x + b.width >= r.left && b.y <= r.bottom && b.y + b.height >= r.top;
}

/** The smallest box holding every point of a route (an edge's, for culling). */
export function pointsBox(points: readonly Point[]): Box {
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    left = Math.min(left, p.x);
    right = Math.max(right, p.x);
    top = Math.min(top, p.y);
    bottom = Math.max(bottom, p.y);
  }
  if (left > right) return { x: 0, y: 0, width: 0, height: 0 };
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * What a view of `width` × `height` CSS pixels shows of a drawing placed at p ↦ k·p + (x, y),
 * grown by `margin` screen pixels on every side (so strokes and labels at the border are drawn).
 */
export function visibleRect(
  transform: { k: number; x: number; y: number },
  width: number,
  height: number,
  margin = 0,
): Rect {
  const { k, x, y } = transform;
  return {
    left: (-margin - x) / k,
    top: (-margin - y) / k,
    right: (width + margin - x) / k,
    bottom: (height + margin - y) / k,
  };
}
