/**
 * Sizes the layout reserves for text, shared by the view model (which sizes the boxes) and the
 * webview (which draws into them), so a label always fits its box. Text is monospace: the
 * width of a string is its length times an average advance, which is what makes the layout
 * computable away from a DOM.
 */

/** Average advance of a monospace glyph, as a fraction of the font size. */
const MONO_ADVANCE = 0.61;

export const VALUE_NODE = {
  paddingX: 12,
  nameFontSize: 12.5,
  lineFontSize: 12,
  /** Baselines from the box's top: name, then `data …`, then `grad …`. */
  nameBaseline: 19,
  dataBaseline: 40,
  gradBaseline: 57,
  /** Where the hairline under the name runs. */
  ruleY: 26,
  height: 66,
  minWidth: 96,
  radius: 8,
} as const;

export const OP_NODE = {
  fontSize: 11,
  /** A circle this wide; longer symbols (`log_softmax`) stretch it into a pill. */
  diameter: 30,
  paddingX: 9,
} as const;

export const EDGE_LABEL = {
  fontSize: 11,
  /** Characters of room kept for a label (see edgeLabelRoom). */
  roomChars: 10,
  paddingX: 5,
  height: 17,
} as const;

/** Width of `text` set in the monospace font at `fontSize`, bold glyphs a little wider. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  return [...text].length * fontSize * (bold ? MONO_ADVANCE + 0.02 : MONO_ADVANCE);
}

export function valueNodeWidth(label: string, dataLine: string, gradLine: string): number {
  const content = Math.max(
    textWidth(label, VALUE_NODE.nameFontSize, true),
    textWidth(dataLine, VALUE_NODE.lineFontSize),
    textWidth(gradLine, VALUE_NODE.lineFontSize),
  );
  return Math.max(VALUE_NODE.minWidth, Math.ceil(content + 2 * VALUE_NODE.paddingX));
}

export function opNodeWidth(symbol: string): number {
  return Math.max(OP_NODE.diameter, Math.ceil(textWidth(symbol, OP_NODE.fontSize) + 2 * OP_NODE.paddingX));
}

/**
 * The room the layout keeps for an edge label: at least a number of the usual widths
 * (`-0.1234`, `Σ 12.3456`, `1.235e-05`), so a training step's new labels fit the old gaps.
 */
export function edgeLabelRoom(label: string): number {
  return edgeLabelWidth(label.padStart(EDGE_LABEL.roomChars));
}

export function edgeLabelWidth(label: string): number {
  return Math.ceil(textWidth(label, EDGE_LABEL.fontSize) + 2 * EDGE_LABEL.paddingX);
}

/** A group is drawn as a stack of cards: this many behind the front one, each this much lower right. */
export const GROUP_NODE = {
  stack: 2,
  offset: 4,
  /** Room above the cards for the loop marker (an arc back into the group) when it has one. */
  loopRoom: 18,
} as const;

/**
 * A tensor's heatmaps sit under its `grad` line: values on the left, gradients on the right,
 * each with a label above (`data ±0.8000`: what a full-strength cell stands for).
 */
export const HEATMAP = {
  /** Grids are at most this many cells a side (see tensorHeatmap). */
  maxCells: 12,
  /** A grid's longer side aims at this many pixels; cells stay square within these bounds. */
  side: 72,
  minCell: 6,
  maxCell: 14,
  /** Between the two grids. */
  gap: 14,
  labelFontSize: 10,
  /** From the top of the heatmap band to the labels' baseline, and to the grids. */
  labelBaseline: 10,
  gridTop: 15,
  /** Below the grids, to the bottom of the box. */
  bottom: 10,
  /** Characters of room kept for the scale in a label, so a training step's new scale fits. */
  scaleChars: 9,
} as const;

export interface HeatmapsLayout {
  cell: number;
  /** Width of one column: its grid or its label, whichever is wider. */
  columnWidth: number;
  /** The band under the text lines: both columns side by side, and its height. */
  width: number;
  height: number;
}

/** Sizes the heatmap band of a value node whose grids are `rows × cols` (`columns`: 1 or 2). */
export function heatmapsLayout(rows: number, cols: number, columns: number): HeatmapsLayout {
  const cell = Math.min(
    HEATMAP.maxCell,
    Math.max(HEATMAP.minCell, Math.floor(HEATMAP.side / Math.max(rows, cols))),
  );
  const label = textWidth(`grad ±${"0".repeat(HEATMAP.scaleChars)}`, HEATMAP.labelFontSize);
  const columnWidth = Math.ceil(Math.max(cols * cell, label));
  return {
    cell,
    columnWidth,
    width: columns * columnWidth + (columns - 1) * HEATMAP.gap,
    height: HEATMAP.gridTop + rows * cell + HEATMAP.bottom,
  };
}

/** The tag a value cut off from the graph wears beside its name (its width counts in the box). */
export const CUT_TAG = { no_grad: "no_grad", detach: "detached" } as const;
