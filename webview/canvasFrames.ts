import { FRAME_LABEL_BAND } from "../src/view/folding/callFrames";
import { frameLook } from "../src/view/render/graphStyles";
import type { GraphTheme } from "../src/view/render/graphTheme";
import type { Box, Point, ViewFrame } from "../src/view/viewGraph";
import { meets, type Rect } from "./spatialGrid";

/** The name's font size and its inset from the frame's corner, as frameSvg.ts and graphStyles.ts draw it. */
const LABEL_FONT_PX = 11.5;
const LABEL_INSET = 8;
const LABEL_BASELINE = FRAME_LABEL_BAND - 5;
const RADIUS = 6;

/**
 * The open call boxes' frames on the canvas, the same look as the SVG's `.gl-frame-box`: a
 * faint fill and a dashed outline, under the edges and nodes; outermost first, so inner ones lie
 * on top. `minWidth`: the thinnest outline that still shows at this zoom.
 */
export function paintFrames(
  ctx: CanvasRenderingContext2D,
  frames: readonly ViewFrame[] | undefined,
  theme: GraphTheme,
  view: Rect,
  minWidth: number,
  dashes: boolean,
): void {
  if (!frames || frames.length === 0) return;
  const look = frameLook(theme);
  ctx.save();
  ctx.fillStyle = look.fill;
  ctx.strokeStyle = look.stroke;
  ctx.lineWidth = Math.max(1, minWidth);
  ctx.setLineDash(dashes ? [5, 3] : []);
  for (const frame of frames) {
    const b = frame.box;
    if (!meets(b, view)) continue;
    ctx.beginPath();
    ctx.roundRect(b.x, b.y, b.width, b.height, Math.min(RADIUS, b.width / 2, b.height / 2));
    ctx.fill();
    ctx.stroke();
  }
  ctx.restore();
}

/** The frames' names over the nodes, haloed in the background's colour as the SVG's are. */
export function paintFrameLabels(
  ctx: CanvasRenderingContext2D,
  frames: readonly ViewFrame[] | undefined,
  theme: GraphTheme,
  view: Rect,
  font: string,
): void {
  if (!frames || frames.length === 0) return;
  const look = frameLook(theme);
  ctx.save();
  ctx.font = `600 ${LABEL_FONT_PX}px ${font}`;
  ctx.textAlign = "left";
  ctx.textBaseline = "alphabetic";
  ctx.lineJoin = "round";
  ctx.lineWidth = 3;
  ctx.strokeStyle = theme.background;
  ctx.fillStyle = look.label;
  for (const frame of frames) {
    if (!meets(labelBand(frame), view)) continue;
    const x = frame.box.x + LABEL_INSET;
    const y = frame.box.y + LABEL_BASELINE;
    ctx.strokeText(frame.label, x, y);
    ctx.fillText(frame.label, x, y);
  }
  ctx.restore();
}

/** The strip along a frame's top that holds its name: where a double-click folds it back. */
export function labelBand(frame: ViewFrame): Box {
  return { x: frame.box.x, y: frame.box.y, width: frame.box.width, height: FRAME_LABEL_BAND };
}

/** The innermost frame whose name's strip holds a point of the drawing, or null. */
export function frameLabelAt(frames: readonly ViewFrame[] | undefined, p: Point): ViewFrame | null {
  let found: ViewFrame | null = null;
  for (const frame of frames ?? []) {
    const b = labelBand(frame);
    const inside = p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;
    if (inside && (found === null || frame.depth > found.depth)) found = frame;
  }
  return found;
}
