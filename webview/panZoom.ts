import type { Box } from "../src/view/viewGraph";

/** The drawing shown at p ↦ k·p + (x, y) in the view's pixels. */
export interface Transform {
  k: number;
  x: number;
  y: number;
}

export const IDENTITY: Transform = { k: 1, x: 0, y: 0 };

/** Small enough for Fit to show all of a graph of thousands of nodes. */
const MIN_SCALE = 0.01;
const MAX_SCALE = 6;
/** A press that moves less than this many pixels is a click, not a drag. */
const CLICK_SLOP = 3;

/**
 * Pan (drag, shift + wheel, one finger) and zoom (wheel, trackpad pinch, two fingers) of
 * `viewport` inside `svg` — what the panel needs of d3-zoom, without its transitions. Input
 * moves the view at most once per animation frame; `set` moves it at once. `onChange` hears
 * every move.
 */
export class PanZoom {
  private t: Transform = IDENTITY;
  private pending: Transform | null = null;
  private frame = 0;

  constructor(
    private readonly svg: SVGSVGElement,
    private readonly viewport: SVGGElement,
    private readonly onChange: (transform: Transform) => void,
  ) {
    svg.addEventListener("wheel", (e) => this.onWheel(e), { passive: false });
    svg.addEventListener("mousedown", (e) => this.onMouseDown(e));
    svg.addEventListener("touchstart", (e) => this.onTouch(e), { passive: false });
    svg.addEventListener("touchmove", (e) => this.onTouch(e), { passive: false });
    svg.addEventListener("touchend", (e) => this.onTouch(e));
    svg.addEventListener("touchcancel", (e) => this.onTouch(e));
  }

  /** The transform the view has, or will have at the next frame. */
  transform(): Transform {
    return this.pending ?? this.t;
  }

  /** The view's size in CSS pixels (0 × 0 while hidden). */
  size(): { width: number; height: number } {
    return { width: this.svg.clientWidth, height: this.svg.clientHeight };
  }

  /** Moves the view now. */
  set(transform: Transform): void {
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending = null;
    this.apply(transform);
  }

  /** Scales to `k` keeping the view's middle where it is. */
  scaleTo(k: number): void {
    const { width, height } = this.size();
    this.set(zoomAround(this.transform(), k / this.transform().k, width / 2, height / 2));
  }

  /**
   * A test for whether a box (in drawing coordinates) is in view, the view grown by `margin`
   * of its size on every side; everything counts as in view while the SVG has no size.
   */
  inView(margin: number): (box: Box) => boolean {
    const { width, height } = this.size();
    return viewTest(this.transform(), width, height, margin) ?? (() => true);
  }

  /** Pans (keeping the zoom) so that `box` is in view, when any of it is out of view. */
  reveal(box: Box): void {
    const { width: vw, height: vh } = this.size();
    const { k, x, y } = this.transform();
    const [left, top] = [box.x * k + x, box.y * k + y];
    const [right, bottom] = [left + box.width * k, top + box.height * k];
    if (left >= 0 && top >= 0 && right <= vw && bottom <= vh) return;
    this.centreOn(box.x + box.width / 2, box.y + box.height / 2);
  }

  /** What the view shows now, in drawing coordinates; null while the SVG has no size. */
  visibleBox(): Box | null {
    const { width: vw, height: vh } = this.size();
    if (vw === 0 || vh === 0) return null;
    const { k, x, y } = this.transform();
    return { x: -x / k, y: -y / k, width: vw / k, height: vh / k };
  }

  /** Pans (keeping the zoom) so that the drawing point (x, y) is in the middle of the view. */
  centreOn(px: number, py: number): void {
    const { width: vw, height: vh } = this.size();
    const { k } = this.transform();
    this.set({ k, x: vw / 2 - px * k, y: vh / 2 - py * k });
  }

  private apply(transform: Transform): void {
    const k = Math.min(MAX_SCALE, Math.max(MIN_SCALE, transform.k));
    this.t = { k, x: transform.x, y: transform.y };
    this.viewport.setAttribute("transform", `translate(${this.t.x},${this.t.y}) scale(${k})`);
    this.onChange(this.t);
  }

  /** Input: the view follows at the next frame, however many events come before it. */
  private schedule(transform: Transform): void {
    this.pending = transform;
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const next = this.pending;
      this.pending = null;
      if (next) this.apply(next);
    });
  }

  private pointer(e: { clientX: number; clientY: number }): [number, number] {
    const r = this.svg.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  }

  private onWheel(e: WheelEvent): void {
    e.preventDefault();
    const t = this.transform();
    const unit = e.deltaMode === 1 ? 25 : e.deltaMode === 2 ? 500 : 1; // d3-zoom's: a line, a page
    if (e.shiftKey && !e.ctrlKey) {
      // Shift turns the wheel into a pan (sideways when the wheel only turns one way).
      const dx = (e.deltaX !== 0 ? e.deltaX : e.deltaY) * unit;
      const dy = e.deltaX !== 0 ? e.deltaY * unit : 0;
      this.schedule({ k: t.k, x: t.x - dx, y: t.y - dy });
      return;
    }
    // d3-zoom's rate: a notch of the wheel (100 px) zooms by 2^0.2; a pinch (ctrlKey) ten times faster.
    const factor = Math.pow(2, -e.deltaY * unit * 0.002 * (e.ctrlKey ? 10 : 1));
    const [px, py] = this.pointer(e);
    this.schedule(zoomAround(t, factor, px, py));
  }

  private onMouseDown(e: MouseEvent): void {
    if (e.button !== 0) return;
    const start = this.transform();
    const [x0, y0] = [e.clientX, e.clientY];
    let moved = false;
    const move = (m: MouseEvent) => {
      const [dx, dy] = [m.clientX - x0, m.clientY - y0];
      if (!moved && Math.hypot(dx, dy) < CLICK_SLOP) return;
      moved = true;
      m.preventDefault();
      this.schedule({ k: this.transform().k, x: start.x + dx, y: start.y + dy });
    };
    const up = () => {
      window.removeEventListener("mousemove", move);
      window.removeEventListener("mouseup", up);
      if (moved) swallowNextClick();
    };
    window.addEventListener("mousemove", move);
    window.addEventListener("mouseup", up);
  }

  private touches: { id: number; x: number; y: number }[] = [];

  /** One finger pans; two pan and pinch, keeping the drawing under the fingers. */
  private onTouch(e: TouchEvent): void {
    const now = Array.from(e.touches).map((t) => ({ id: t.identifier, ...pointOf(this.pointer(t)) }));
    if (e.type === "touchmove" && this.touches.length > 0 && now.length === this.touches.length) {
      e.preventDefault();
      const t = this.transform();
      const [a0, a1] = [centroid(this.touches), centroid(now)];
      const factor = now.length >= 2 ? spread(now) / Math.max(1, spread(this.touches)) : 1;
      const zoomed = zoomAround(t, factor, a0.x, a0.y);
      this.schedule({ k: zoomed.k, x: zoomed.x + a1.x - a0.x, y: zoomed.y + a1.y - a0.y });
    }
    this.touches = now;
  }
}

/** `t` scaled by `factor` (within the scale's limits) about the view point (px, py). */
export function zoomAround(t: Transform, factor: number, px: number, py: number): Transform {
  const k = Math.min(MAX_SCALE, Math.max(MIN_SCALE, t.k * factor));
  const r = k / t.k;
  return { k, x: px - (px - t.x) * r, y: py - (py - t.y) * r };
}

/**
 * The test for "in the view grown by `margin` of its size on every side", for a drawing shown
 * at p ↦ k·p + (x, y) in a view of `width` × `height`; null for a view without size or scale.
 */
export function viewTest(
  transform: Transform,
  width: number,
  height: number,
  margin: number,
): ((box: Box) => boolean) | null {
  const { k, x, y } = transform;
  if (width <= 0 || height <= 0 || !(k > 0)) return null;
  const left = (-margin * width - x) / k;
  const right = ((1 + margin) * width - x) / k;
  const top = (-margin * height - y) / k;
  const bottom = ((1 + margin) * height - y) / k;
  return (b) => b.x < right && b.x + b.width > left && b.y < bottom && b.y + b.height > top;
}

/** After a drag, the click the browser sends on release is not a click on what lies under it. */
function swallowNextClick(): void {
  const swallow = (e: Event) => {
    e.stopImmediatePropagation();
    e.preventDefault();
  };
  window.addEventListener("click", swallow, { capture: true, once: true });
  setTimeout(() => window.removeEventListener("click", swallow, { capture: true }), 0);
}

const pointOf = ([x, y]: [number, number]) => ({ x, y });

function centroid(points: readonly { x: number; y: number }[]): { x: number; y: number } {
  const n = points.length;
  return {
    x: points.reduce((s, p) => s + p.x, 0) / n,
    y: points.reduce((s, p) => s + p.y, 0) / n,
  };
}

function spread(points: readonly { x: number; y: number }[]): number {
  return Math.hypot(points[0].x - points[1].x, points[0].y - points[1].y);
}
