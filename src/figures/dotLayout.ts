import { layeredLayout } from "../view/layout/layeredLayout";
import type { Point } from "../view/viewGraph";
import type { Attrs, DotModel } from "./dotParse";
import { textWidth } from "./fontMetrics";
import { layOutRecord, parseRecordLabel, type RecordLayout } from "./recordLabel";

/**
 * A Graphviz graph laid out by GradLens's own layered layout (src/view/layout): node sizes as
 * Graphviz gives them (Times 14 pt labels, at least 0.75 × 0.5 in, records split into fields),
 * ranks along `rankdir` (the layout runs left to right; top-to-bottom graphs are laid out
 * turned and turned back), Graphviz's gaps between ranks and nodes.
 */

export type Direction = "LR" | "RL" | "TB" | "BT";

export interface LaidNode {
  id: string;
  attrs: Attrs;
  /** Centre and size in points. */
  x: number;
  y: number;
  width: number;
  height: number;
  shape: string;
  /** The label's lines (for a record: the fields'). */
  lines: string[];
  record: RecordLayout | null;
  fontSize: number;
}

export interface LaidEdge {
  attrs: Attrs;
  points: Point[];
  label: string;
  labelAt: Point | null;
  tail: string;
  head: string;
}

export interface DotLayout {
  width: number;
  height: number;
  direction: Direction;
  nodes: LaidNode[];
  edges: LaidEdge[];
  label: string;
}

const POINTS_PER_INCH = 72;
const LINE_SPACING = 1.2;

/** A label's text: the node's name when it has none, `\N` the node name, `\n` `\l` `\r` line breaks. */
export function labelLines(label: string | undefined, name: string): string[] {
  const text = (label ?? "\\N").replace(/\\N/g, name);
  return text
    .replace(/\\[nlr]$/, "")
    .split(/\\[nlr]|\n/)
    .map((l) => l.replace(/\\(.)/g, "$1"));
}

function number(v: string | undefined, fallback: number): number {
  const n = v === undefined ? NaN : Number(v);
  return Number.isFinite(n) ? n : fallback;
}

function measure(fontSize: number) {
  return (text: string) => {
    const lines = text.split("\n");
    return {
      width: Math.max(0, ...lines.map((l) => textWidth(l, fontSize, "times"))),
      height: lines.length * fontSize * LINE_SPACING,
    };
  };
}

function nodeGeometry(id: string, attrs: Attrs, direction: Direction) {
  const shape = (attrs.get("shape") ?? "ellipse").toLowerCase();
  const fontSize = number(attrs.get("fontsize"), 14);
  const minW = number(attrs.get("width"), 0.75) * POINTS_PER_INCH;
  const minH = number(attrs.get("height"), 0.5) * POINTS_PER_INCH;
  const fixed = attrs.get("fixedsize") === "true";
  const label = attrs.get("label");
  if (shape === "record" || shape === "mrecord") {
    const record = layOutRecord(
      parseRecordLabel(label ?? id),
      direction === "TB" || direction === "BT",
      measure(fontSize),
      minW,
      minH,
    );
    return { shape, fontSize, width: record.width, height: record.height, lines: [], record };
  }
  const lines = labelLines(label, id);
  const m = measure(fontSize)(lines.join("\n"));
  if (shape === "point") return { shape, fontSize, width: 3.6, height: 3.6, lines: [], record: null };
  const padded = { width: m.width + 16, height: m.height + 8 };
  let width = padded.width;
  let height = padded.height;
  if (shape === "ellipse" || shape === "oval" || shape === "circle" || shape === "doublecircle") {
    // the text's box fits inside the ellipse
    width *= Math.SQRT2;
    height *= Math.SQRT2;
  } else if (shape === "diamond") {
    width *= 2;
    height *= 2;
  }
  if (shape === "plain") return { shape, fontSize, width: m.width, height: m.height, lines, record: null };
  if (fixed) [width, height] = [minW, minH];
  else [width, height] = [Math.max(minW, width), Math.max(minH, height)];
  if (shape === "circle" || shape === "doublecircle" || shape === "square")
    width = height = Math.max(width, height);
  if (shape === "doublecircle") {
    width += 8;
    height += 8;
  }
  return { shape, fontSize, width, height, lines, record: null };
}

export function layOutDot(model: DotModel): DotLayout {
  const rankdir = (model.graphAttrs.get("rankdir") ?? "TB").toUpperCase();
  const direction: Direction = rankdir === "LR" || rankdir === "RL" || rankdir === "BT" ? rankdir : "TB";
  const across = direction === "TB" || direction === "BT";
  const nodes = model.nodes.map((n) => ({
    id: n.id,
    attrs: n.attrs,
    ...nodeGeometry(n.id, n.attrs, direction),
  }));
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const edgeLabels = model.edges.map((e) => (e.attrs.get("label") ?? "").replace(/\\[nlr]/g, " "));
  // Graphviz's ranksep (0.5 in) and nodesep (0.25 in), in points
  const ranksep = number(model.graphAttrs.get("ranksep"), 0.5) * POINTS_PER_INCH;
  const nodesep = number(model.graphAttrs.get("nodesep"), 0.25) * POINTS_PER_INCH;
  // the layered layout runs left to right: a top-to-bottom graph is laid out turned
  const layout = layeredLayout(
    nodes.map((n) => (across ? { width: n.height, height: n.width } : { width: n.width, height: n.height })),
    model.edges.map((e, k) => ({
      from: index.get(e.tail)!,
      to: index.get(e.head)!,
      labelWidth:
        edgeLabels[k] === "" ? 0 : across ? 14 * LINE_SPACING : textWidth(edgeLabels[k], 14, "times"),
    })),
    { layerGap: ranksep, nodeGap: nodesep, margin: 4, labelPadding: 6 },
  );
  const W = across ? layout.height : layout.width;
  const H = across ? layout.width : layout.height;
  const place = (p: Point): Point => {
    let x = across ? p.y : p.x;
    let y = across ? p.x : p.y;
    if (direction === "RL") x = W - x;
    if (direction === "BT") y = H - y;
    return { x, y };
  };
  const laidNodes: LaidNode[] = nodes.map((n, i) => {
    const b = layout.boxes[i];
    const centre = place({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
    return { ...n, x: centre.x, y: centre.y };
  });
  const edges: LaidEdge[] = model.edges.map((e, k) => ({
    attrs: e.attrs,
    tail: e.tail,
    head: e.head,
    points: layout.routes[k].map(place),
    label: edgeLabels[k],
    labelAt: edgeLabels[k] === "" ? null : place(layout.labelAt[k]),
  }));
  return {
    width: W,
    height: H,
    direction,
    nodes: laidNodes,
    edges,
    label: (model.graphAttrs.get("label") ?? "").replace(/\\[nlr]/g, "\n"),
  };
}
