import { select } from "d3-selection";
import { zoom, zoomIdentity, zoomTransform, type ZoomBehavior, type ZoomTransform } from "d3-zoom";
import type { Box } from "../src/view/viewGraph";

/** Fitting never enlarges past 100% (that is the size the text is set for), nor shrinks below this. */
const MIN_FIT_SCALE = 0.55;
const FIT_MARGIN = 16;

/** Pan (drag, wheel with shift) and zoom (wheel, pinch) of `viewport` inside `svg`, via d3-zoom. */
export class PanZoom {
  private readonly behavior: ZoomBehavior<SVGSVGElement, unknown>;

  constructor(
    private readonly svg: SVGSVGElement,
    viewport: SVGGElement,
    onChange: (transform: ZoomTransform) => void,
  ) {
    this.behavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.05, 4])
      .on("zoom", (event: { transform: ZoomTransform }) => {
        viewport.setAttribute("transform", event.transform.toString());
        onChange(event.transform);
      });
    select(svg).call(this.behavior).on("dblclick.zoom", null);
  }

  /**
   * Returns false, changing nothing, while the SVG has no size yet.
   *
   * Shows the whole drawing when it fits at a readable scale, or always when there is no
   * `focus`; otherwise shows `focus` (the root, where the gradient starts) at the smallest
   * readable scale, at the right edge.
   */
  fit(width: number, height: number, focus: { x: number; y: number } | null): boolean {
    const { clientWidth: vw, clientHeight: vh } = this.svg;
    if (vw === 0 || vh === 0) return false; // not laid out yet (a hidden view): the caller retries
    const scale = Math.min(1, (vw - 2 * FIT_MARGIN) / width, (vh - 2 * FIT_MARGIN) / height);
    if (scale >= MIN_FIT_SCALE || focus === null) {
      const s = Math.max(scale, 0.05);
      this.set(zoomIdentity.translate((vw - width * s) / 2, (vh - height * s) / 2).scale(s));
      return true;
    }
    const s = MIN_FIT_SCALE;
    const x = Math.min(FIT_MARGIN, vw - FIT_MARGIN - focus.x * s - 60);
    this.set(zoomIdentity.translate(x, vh / 2 - focus.y * s).scale(s));
    return true;
  }

  /** Back to 100% around the middle of what is shown now. */
  actualSize(): void {
    const { clientWidth: vw, clientHeight: vh } = this.svg;
    this.behavior.scaleTo(select(this.svg), 1, [vw / 2, vh / 2]);
  }

  /**
   * A test for whether a box (in drawing coordinates) is in view, the view grown by `margin`
   * of its size on every side; everything counts as in view while the SVG has no size.
   */
  inView(margin: number): (box: Box) => boolean {
    const { clientWidth: vw, clientHeight: vh } = this.svg;
    if (vw === 0 || vh === 0) return () => true;
    const t = zoomTransform(this.svg);
    const [left, top] = t.invert([-margin * vw, -margin * vh]);
    const [right, bottom] = t.invert([(1 + margin) * vw, (1 + margin) * vh]);
    return (b) => b.x < right && b.x + b.width > left && b.y < bottom && b.y + b.height > top;
  }

  /** Pans (keeping the zoom) so that `box` is in view, when any of it is out of view. */
  reveal(box: Box): void {
    const { clientWidth: vw, clientHeight: vh } = this.svg;
    const t = zoomTransform(this.svg);
    const [left, top] = t.apply([box.x, box.y]);
    const [right, bottom] = t.apply([box.x + box.width, box.y + box.height]);
    if (left >= 0 && top >= 0 && right <= vw && bottom <= vh) return;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    this.set(zoomIdentity.translate(vw / 2 - cx * t.k, vh / 2 - cy * t.k).scale(t.k));
  }

  /** What the view shows now, in drawing coordinates; null while the SVG has no size. */
  visibleBox(): Box | null {
    const { clientWidth: vw, clientHeight: vh } = this.svg;
    if (vw === 0 || vh === 0) return null;
    const t = zoomTransform(this.svg);
    const [left, top] = t.invert([0, 0]);
    const [right, bottom] = t.invert([vw, vh]);
    return { x: left, y: top, width: right - left, height: bottom - top };
  }

  /** Pans (keeping the zoom) so that the drawing point (x, y) is in the middle of the view. */
  centreOn(x: number, y: number): void {
    const { clientWidth: vw, clientHeight: vh } = this.svg;
    const t = zoomTransform(this.svg);
    this.set(zoomIdentity.translate(vw / 2 - x * t.k, vh / 2 - y * t.k).scale(t.k));
  }

  set(transform: ZoomTransform): void {
    this.behavior.transform(select(this.svg), transform);
  }
}
