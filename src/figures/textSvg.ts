import { svg, type SvgNode } from "../view/render/svgTree";
import { cssColour, type Rgba } from "./colours";
import type { HorizontalAlign, VerticalAlign } from "./figureSpec";
import { fontMetrics } from "./fontMetrics";
import { mathRuns, runsWidth, SCRIPT_SCALE, type TextRun } from "./mathText";
import { num } from "./svgNumbers";

/**
 * Text as matplotlib sets it: lines of (math) runs in a box whose height is the `lp` line box
 * of the font, aligned by `ha`/`va` on the box — after rotation, on the rotated box's bounds,
 * as matplotlib's default rotation mode does; or, with `anchor`, on the unrotated box, then
 * turned about the anchor (how axis labels are placed).
 */

export const FONT_FAMILY = "DejaVu Sans, Bitstream Vera Sans, Arial, Helvetica, sans-serif";

/** matplotlib's `text.linespacing`. */
const LINE_SPACING = 1.2;

export interface TextStyle {
  size: number;
  color: Rgba;
  weight?: "normal" | "bold";
}

export interface TextPlacement {
  ha: HorizontalAlign;
  va: VerticalAlign;
  /** Degrees, counter-clockwise. */
  rotation?: number;
  rotationMode?: "default" | "anchor";
}

interface Laid {
  lines: { runs: TextRun[]; width: number }[];
  width: number;
  height: number;
  ascent: number;
  descent: number;
  step: number;
}

function layOut(text: string, size: number): Laid {
  const m = fontMetrics("sans");
  const ascent = m.ascent * size;
  const descent = m.descent * size;
  const step = LINE_SPACING * (ascent + descent);
  const lines = text.split("\n").map((line) => {
    const runs = mathRuns(line);
    return { runs, width: runsWidth(runs, size) };
  });
  const width = Math.max(0, ...lines.map((l) => l.width));
  const height = ascent + descent + (lines.length - 1) * step;
  return { lines, width, height, ascent, descent, step };
}

/** The unrotated size of a text: width and height in the units of `size`. */
export function textExtent(text: string, size: number): { width: number; height: number } {
  const laid = layOut(text, size);
  return { width: laid.width, height: laid.height };
}

/** The bounds a text takes when placed (for layout: tick labels, titles, legends). */
export function textBounds(
  text: string,
  x: number,
  y: number,
  size: number,
  place: TextPlacement,
): { left: number; top: number; right: number; bottom: number } {
  const laid = layOut(text, size);
  const { tx, ty, corners } = placement(laid, x, y, place);
  const xs = corners.map((c) => c[0] + tx);
  const ys = corners.map((c) => c[1] + ty);
  return { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
}

function rotate(x: number, y: number, degrees: number): [number, number] {
  // SVG's y points down: a counter-clockwise turn on screen is rotate(-degrees)
  const t = (degrees * Math.PI) / 180;
  const c = Math.cos(t);
  const s = Math.sin(t);
  return [x * c + y * s, -x * s + y * c];
}

function placement(laid: Laid, x: number, y: number, place: TextPlacement) {
  const rotation = place.rotation ?? 0;
  const { width: w, height: h } = laid;
  const local: [number, number][] = [
    [0, 0],
    [w, 0],
    [0, h],
    [w, h],
  ];
  const lastBaseline = laid.ascent + (laid.lines.length - 1) * laid.step;
  if (place.rotationMode === "anchor") {
    // align the unrotated box on the anchor, then turn about it
    const ax = place.ha === "left" ? 0 : place.ha === "center" ? w / 2 : w;
    const ay = verticalAnchor(place.va, h, laid.ascent, laid.descent, lastBaseline);
    const corners = local.map(([cx, cy]) => rotate(cx - ax, cy - ay, rotation));
    return { tx: x, ty: y, corners, origin: [-ax, -ay] as [number, number] };
  }
  const turned = local.map(([cx, cy]) => rotate(cx, cy, rotation));
  const minX = Math.min(...turned.map((c) => c[0]));
  const maxX = Math.max(...turned.map((c) => c[0]));
  const minY = Math.min(...turned.map((c) => c[1]));
  const maxY = Math.max(...turned.map((c) => c[1]));
  const bw = maxX - minX;
  const bh = maxY - minY;
  const left = x - (place.ha === "left" ? 0 : place.ha === "center" ? bw / 2 : bw);
  const top =
    rotation % 180 === 0
      ? y - verticalAnchor(place.va, h, laid.ascent, laid.descent, lastBaseline)
      : y - (place.va === "top" ? 0 : place.va === "bottom" ? bh : bh / 2);
  return { tx: left - minX, ty: top - minY, corners: turned, origin: [0, 0] as [number, number] };
}

/** How far below the box's top the anchor of a vertical alignment lies. */
function verticalAnchor(
  va: VerticalAlign,
  h: number,
  ascent: number,
  descent: number,
  lastBaseline: number,
): number {
  switch (va) {
    case "top":
      return 0;
    case "bottom":
      return h;
    case "center":
      return h / 2;
    case "baseline":
      return lastBaseline;
    case "center_baseline":
      return (ascent - descent) / 2 + (lastBaseline - ascent) / 2;
  }
}

/** The bounds of what a figure draws, grown as it is drawn (for a tight bounding box). */
export class Extent {
  left = Infinity;
  top = Infinity;
  right = -Infinity;
  bottom = -Infinity;

  add(b: { left: number; top: number; right: number; bottom: number }): void {
    if (![b.left, b.top, b.right, b.bottom].every(Number.isFinite)) return;
    this.left = Math.min(this.left, b.left);
    this.top = Math.min(this.top, b.top);
    this.right = Math.max(this.right, b.right);
    this.bottom = Math.max(this.bottom, b.bottom);
  }

  get empty(): boolean {
    return !(this.left <= this.right && this.top <= this.bottom);
  }
}

/** A text as SVG: a `<text>` per line, runs as `<tspan>`s, turned when rotated; its bounds go to `extent`. */
export function textSvg(
  text: string,
  x: number,
  y: number,
  style: TextStyle,
  place: TextPlacement,
  extent?: Extent,
): SvgNode | null {
  if (text === "") return null;
  extent?.add(textBounds(text, x, y, style.size, place));
  const laid = layOut(text, style.size);
  const rotation = place.rotation ?? 0;
  const { tx, ty, origin } = placement(laid, x, y, place);
  const lines: SvgNode[] = laid.lines.map((line, i) => {
    const baseline = origin[1] + laid.ascent + i * laid.step;
    // the line's own alignment goes to the viewer, whose font may measure differently
    const anchor = place.ha === "left" ? "start" : place.ha === "center" ? "middle" : "end";
    const lx = origin[0] + (place.ha === "left" ? 0 : place.ha === "center" ? laid.width / 2 : laid.width);
    return svg(
      "text",
      { x: num(lx), y: num(baseline), "text-anchor": anchor },
      runsSvg(line.runs, style.size),
    );
  });
  const attrs: Record<string, string | number> = {
    "font-family": FONT_FAMILY,
    "font-size": num(style.size),
    fill: cssColour(style.color),
  };
  if (style.color[3] < 1) attrs["fill-opacity"] = num(style.color[3]);
  if (style.weight === "bold") attrs["font-weight"] = "bold";
  attrs.transform =
    rotation === 0
      ? `translate(${num(tx)} ${num(ty)})`
      : `translate(${num(tx)} ${num(ty)}) rotate(${num(-rotation)})`;
  return svg("g", attrs, lines);
}

function runsSvg(runs: readonly TextRun[], size: number): SvgNode[] | string {
  if (runs.length === 1 && runs[0].shift === "none" && !runs[0].italic) return runs[0].text;
  const out: SvgNode[] = [];
  let raised = 0;
  for (const run of runs) {
    const attrs: Record<string, string | number> = {};
    const target = run.shift === "sup" ? -0.35 * size : run.shift === "sub" ? 0.2 * size : 0;
    if (target !== raised) attrs.dy = num(target - raised);
    raised = target;
    if (run.shift !== "none") attrs["font-size"] = num(size * SCRIPT_SCALE);
    if (run.italic) attrs["font-style"] = "italic";
    out.push(svg("tspan", attrs, run.text));
  }
  return out;
}
