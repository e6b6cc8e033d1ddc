import type { ViewGraph } from "../src/view/viewGraph";

/**
 * Graphs with more drawn nodes (values, ops and groups) than this are drawn on a canvas. Any
 * change inside an SVG makes Chromium paint and layerize the whole of it again: a training
 * step's new numbers cost ~15 ms of a frame at 240 drawn nodes, ~55 at 500 and ~240 at 1,600
 * (headless Chromium, shared 2 cores under load), against 7–40 ms on a canvas, which redraws
 * only the view. Smaller graphs stay SVG, with every DOM-based interaction (keyboard focus,
 * native tooltips, the step's pulse).
 */
export const CANVAS_NODES = 300;

export function usesCanvas(graph: ViewGraph, threshold = CANVAS_NODES): boolean {
  return graph.nodes.length > threshold;
}

/** What a canvas frame draws at a given on-screen scale (CSS pixels per drawing unit). */
export interface Detail {
  /** Names, data and grad lines, op symbols, edge labels, group loop labels. */
  text: boolean;
  /** Heatmap cells (else only the grids' frames, or nothing when far out). */
  heatCells: boolean;
  heatFrames: boolean;
  /** Rounded corners (else plain rectangles: cheaper, and no different at a few pixels). */
  rounded: boolean;
  /** Leaves' and the root's coloured top edge, group card stacks, rules under the names. */
  decorations: boolean;
  /** Edge routes as curves (else as straight segments between their points). */
  curves: boolean;
  /** Dash patterns (const, cut, zero edges); far out they only cost time and read as grey. */
  dashes: boolean;
  /** Boxes filled and outlined (else, a few pixels small, only filled in the outline's colour). */
  outlines: boolean;
}

/** Text is set for 100%: below half of that it is too small to read (and costly to draw). */
export const TEXT_SCALE = 0.5;
/** A heatmap cell is 6–14 units: at this scale the smallest is still 3 pixels. */
export const HEAT_CELL_SCALE = 0.5;
const DECORATION_SCALE = 0.25;
/** Dashes 3–4 units long: below this they blur into a grey line, and cost much time to lay out. */
const DASH_SCALE = 0.35;
const SHAPE_SCALE = 0.15;
/** A value node is 66 units high: below this it is a few pixels, and its outline would be all of it. */
const OUTLINE_SCALE = 0.1;

export function detailAt(scale: number): Detail {
  return {
    text: scale >= TEXT_SCALE,
    heatCells: scale >= HEAT_CELL_SCALE,
    heatFrames: scale >= DECORATION_SCALE,
    rounded: scale >= DECORATION_SCALE,
    decorations: scale >= DECORATION_SCALE,
    curves: scale >= SHAPE_SCALE,
    dashes: scale >= DASH_SCALE,
    outlines: scale >= OUTLINE_SCALE,
  };
}

/**
 * The canvas's size in device pixels for a view of `width` × `height` CSS pixels, and the
 * ratio actually used (capped, so a huge high-DPI view does not cost four times the pixels
 * of what the eye can tell apart while moving).
 */
export function backingSize(
  width: number,
  height: number,
  devicePixelRatio: number,
  maxRatio = 2,
): { width: number; height: number; ratio: number } {
  const ratio = Math.max(1, Math.min(maxRatio, devicePixelRatio || 1));
  return { width: Math.round(width * ratio), height: Math.round(height * ratio), ratio };
}
