import type { NodeKind, Span } from "../trace/trace";
import type { NumberStatus } from "./format";

/**
 * The laid-out graph the webview draws: plain data (it crosses the worker boundary and
 * `postMessage`), every string already formatted and every coordinate already computed, so the
 * webview only turns it into SVG. Value nodes are the trace's values; op nodes sit between an
 * operation's inputs and its result, as micrograd's `draw_dot` draws them.
 */
export interface ViewGraph {
  nodes: ViewNode[];
  edges: ViewEdge[];
  /** Extent of the drawing; every box and point lies within [0, width] × [0, height]. */
  width: number;
  height: number;
  /** Trace id of the root of the last `backward()`, or null when there is none. */
  root: number | null;
  /** The root's name as the chain-rule text calls it (`L` when the program gave it none). */
  rootName: string;
  /**
   * Which way it flows: the view model lays out left to right; the host turns it for the panel
   * (direction.ts). Edges bend across the flow: up and down in a row, sideways in a column.
   */
  direction: LayoutDirection;
  /** The open call boxes, outermost first; absent when none is open. */
  frames?: ViewFrame[];
}

/**
 * From the inputs on the left to the root on the right (the forward pass reads left to right),
 * mirrored (the root on the left, so the backward pass does), or from the inputs at the top to
 * the root at the bottom (for a tall panel).
 */
export type LayoutDirection = "left-to-right" | "right-to-left" | "top-to-bottom";

export type ViewNode = ViewValueNode | ViewOpNode | ViewGroupNode;

/** A rectangle in drawing coordinates: top-left corner and size. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** One value of the trace: a leaf (parameter or input), a constant, or an operation's result. */
export interface ViewValueNode {
  kind: "value";
  /** Unique within the graph; edges refer to nodes by key. */
  key: string;
  /** The trace node's id: what `reveal` and `highlight` messages name. */
  trace: number;
  role: NodeKind;
  /** Whether this is the root of the last `backward()`. */
  root: boolean;
  /** The variable name, else the (shortened) expression text. */
  label: string;
  /** The tooltip: names, expression, role and shape, data and grad. */
  title: string;
  /** Formatted data, e.g. `30.2500` or `‖5.4772‖ 2×3`. */
  data: string;
  /** Formatted gradient (∂root/∂x when there is a root, else `.grad`); `None` when there is none. */
  grad: string;
  dataStatus: NumberStatus;
  gradStatus: NumberStatus | "none";
  span: Span | null;
  /** The innermost open fold it belongs to (what a `toggleGroup` closes again), or null. */
  fold: string | null;
  /** For a tensor with its numbers in the trace: small pictures of its values and gradients. */
  heatmaps?: TensorHeatmaps;
  /** Made from values that require grad but outside the graph (no gradient flows back through it). */
  cut?: "no_grad" | "detach";
  box: Box;
  layer: number;
}

/** A tensor's values and its gradient (when it has one) drawn side by side in its node. */
export interface TensorHeatmaps {
  data: Heatmap;
  grad: Heatmap | null;
}

/**
 * A tensor downsampled to a small grid (see tensorHeatmap.ts): each cell is a number in
 * [-1, 1], the cell's value over the largest |x| in the tensor, or null where the cell holds
 * NaN or ±∞. The renderer picks the colours, so the same grid follows any theme.
 */
export interface Heatmap {
  rows: number;
  cols: number;
  /** Row-major, `rows × cols` cells. */
  cells: (number | null)[];
  /** The largest finite |x| in the tensor, formatted: what a full-strength cell stands for. */
  scale: string;
}

/**
 * A closed fold drawn as one box: the values one expression made in a loop (`h * w ×100`),
 * or a call's values (`Neuron`), or several such on one cycle. Edges to and from it are bundled.
 */
export interface ViewGroupNode {
  kind: "group";
  /** Its fold's key (`g<from>:<to>`, `c<call>`, …): what `toggleGroup` names. */
  key: string;
  /** Every fold it stands for; they open together (more than one when a loop merged them). */
  folds: string[];
  /** The last trace node inside: its output, what a click reveals. */
  trace: number;
  /** `span`: one expression's values across a loop; `call`: one call's values. */
  fold: "span" | "call";
  label: string;
  /** What `×N` counts: how many times the expression (or call) ran; 1 for one call. */
  count: number;
  /** Trace values inside. */
  values: number;
  /**
   * The trace ids inside, as inclusive runs `[from0, to0, from1, to1, …]` (a call's values are
   * one run), so a highlight or a backward step naming a folded value can light its group.
   */
  members: number[];
  /** Summary lines, e.g. `-0.98 … 1.23` and `mean |∂| 0.0123`. */
  data: string;
  grad: string;
  dataStatus: NumberStatus;
  gradStatus: NumberStatus | "none";
  /** The label of its self-edge (a value feeding the next iteration), e.g. `↻ 99`; null when none. */
  loop: string | null;
  /** Whether the root of `backward()` is inside. */
  root: boolean;
  title: string;
  span: Span | null;
  box: Box;
  layer: number;
}

/** The operation that made a value, drawn as a small circle before its result. */
export interface ViewOpNode {
  kind: "op";
  key: string;
  /** The trace id of the operation's result. */
  trace: number;
  /** What the circle shows: `+`, `×`, `²`, `relu`, … */
  symbol: string;
  /** The tooltip: the operation as the trace names it (`**2`), its expression and local rules. */
  title: string;
  box: Box;
  layer: number;
}

/**
 * - `input`: an operand value → the op node; carries the contribution ∂L/∂out · ∂out/∂in.
 * - `output`: the op node → its result value; carries no label.
 * - `bundle`: every trace edge between a group and another node (or group), summed.
 */
export type ViewEdgeKind = "input" | "output" | "bundle";

export interface ViewEdge {
  kind: ViewEdgeKind;
  key: string;
  /** View keys of the two ends. */
  from: string;
  to: string;
  /** Trace ids: the operand and the operation's result (for `output`, both are the result). */
  fromTrace: number;
  toTrace: number;
  /** The formatted contribution; null for `output` edges and where it does not reach the root. */
  label: string | null;
  /** The chain rule spelled out with numbers, for the hover; null where there is none. */
  chainRule: string | null;
  status: NumberStatus | "none";
  /** How much gradient flows here relative to the largest flow in the graph, in [0, 1]. */
  weight: number;
  /** The route, from the end of `from` to the start of `to`, x strictly left to right. */
  points: Point[];
  /** Where the label's centre goes (the middle of the edge's last stretch), or null. */
  labelAt: Point | null;
  /**
   * The program's own backward (its autograd class's `_backward`) sent another contribution
   * along this edge than the chain rule: drawn in the error colour.
   */
  mismatch?: true;
}

/**
 * An open call box (a layer the user expanded, `Dense (network[0])`, or an `MLP`'s `Layer`):
 * drawn as a labelled frame around its members, as Graphviz draws a cluster, so the values
 * still read as that layer's. Drawn under the nodes and edges; outer frames before inner ones.
 */
export interface ViewFrame {
  /** Its fold's key: what a `toggleGroup` names to fold it back. */
  key: string;
  /** The call box's title, as its closed box reads. */
  label: string;
  /** 1 for a frame inside no other frame. */
  depth: number;
  /** View keys of the nodes inside, at any depth (an inner frame's members are also the outer's). */
  members: string[];
  /** Around its members' boxes and its inner frames, with a band on top for the label. */
  box: Box;
}
