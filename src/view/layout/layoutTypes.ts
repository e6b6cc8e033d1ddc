import type { Box, Point } from "../viewGraph";

/**
 * The layered layout's own vocabulary, independent of what the boxes mean: nodes are sizes,
 * edges are index pairs. The view model maps values and ops onto it and back.
 */

export interface LayoutNode {
  width: number;
  height: number;
  /**
   * The frames round this node, outermost first (any numbers naming them): the layout keeps each
   * frame's members together, with room for the frame, clear of every other box.
   */
  clusters?: readonly number[];
}

export interface LayoutEdge {
  from: number;
  to: number;
  /** Width of the label drawn on the edge's last stretch (0: none); the gap before `to` makes room for it. */
  labelWidth: number;
}

/**
 * Everything below is said for the layout's own frame, where layers are columns from left to
 * right: "across" is vertical there. With `vertical`, the same layout is made with every size
 * turned a quarter and then turned back, so layers become rows from top to bottom.
 */

export interface LayoutOptions {
  /** Smallest horizontal gap between two columns. */
  layerGap: number;
  /** Smallest vertical gap between two boxes in a column. */
  nodeGap: number;
  /** Vertical gap between two edges passing through a column side by side. */
  edgeGap: number;
  /** Room on each side of an edge label. */
  labelPadding: number;
  /** Vertical distance between parallel edges joining the same two nodes. */
  parallelSpread: number;
  /** Empty border around the drawing. */
  margin: number;
  /** Barycenter sweeps (down and up) at most. */
  sweeps: number;
  /** Height of an edge label (each edge gives its own width). */
  labelHeight: number;
  /** Layers as rows from top to bottom (the root at the bottom) instead of columns from left to right. */
  vertical: boolean;
  /** Room between a frame (see `LayoutNode.clusters`) and the boxes inside it. */
  clusterPadding: number;
  /** More room on a frame's top side, for its name (left to right only; a column's gap holds it when vertical). */
  clusterLabel: number;
}

export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = {
  layerGap: 26,
  nodeGap: 18,
  edgeGap: 10,
  labelPadding: 14,
  parallelSpread: 24,
  margin: 24,
  sweeps: 8,
  labelHeight: 17,
  vertical: false,
  clusterPadding: 8,
  clusterLabel: 18,
};

export interface Layout {
  /** One per input node, in input order. */
  boxes: Box[];
  /** Column (or row) of each input node, 0 = leftmost (topmost). */
  layers: number[];
  /**
   * One per input edge: from the right side of `from` to the left side of `to` (bottom and top
   * when vertical), x never decreasing, level through every column it crosses (it bends only
   * in the gaps), without points in the middle of a level run.
   */
  routes: Point[][];
  /** One per input edge: where its label's centre goes. */
  labelAt: Point[];
  width: number;
  height: number;
}
