import { EDGE_LABEL, VALUE_NODE } from "../src/view/nodeMetrics";
import type { Box, ViewGraph, ViewNode } from "../src/view/viewGraph";
import type { Transform } from "./panZoom";

/**
 * What the panel shows when a graph opens, and at what size: the text in the graph is sized
 * from the editor's, so the numbers read as easily as the code beside them.
 */

/** At "100%", a node's numbers are this share of the editor's font size, edge labels a bit less. */
export const NUMBER_SHARE = 0.9;
export const LABEL_SHARE = 0.8;
/** The least the opening zoom may make them: below this a graph opens on its root instead. */
export const LEAST_NUMBER_SHARE = 0.85;
export const LEAST_LABEL_SHARE = 0.75;
/** VS Code's default editor font size, for a page without its variables (a browser, the bench). */
export const DEFAULT_EDITOR_FONT_PX = 14;
/** Room kept between a fitted graph and the view's edges, in pixels; at the bottom, the legend's too. */
const MARGIN = 16;
const BOTTOM_MARGIN = 40;

/** Scales (CSS pixels per drawing unit): "100%", and the smallest the opening zoom may use. */
export interface Readable {
  full: number;
  least: number;
}

/** The editor's font size in pixels from the webview's `--vscode-editor-font-size` (`14px`). */
export function editorFontPx(variable: string): number {
  const px = parseFloat(variable);
  return Number.isFinite(px) && px >= 6 && px <= 72 ? px : DEFAULT_EDITOR_FONT_PX;
}

/** The drawing's text is set at VALUE_NODE.lineFontSize (numbers) and EDGE_LABEL.fontSize (labels). */
export function readableScales(fontPx: number): Readable {
  return {
    full: Math.max(
      (NUMBER_SHARE * fontPx) / VALUE_NODE.lineFontSize,
      (LABEL_SHARE * fontPx) / EDGE_LABEL.fontSize,
    ),
    least: Math.max(
      (LEAST_NUMBER_SHARE * fontPx) / VALUE_NODE.lineFontSize,
      (LEAST_LABEL_SHARE * fontPx) / EDGE_LABEL.fontSize,
    ),
  };
}

/** The scale at which all of the graph fits the view, margins kept. */
function fitScale(graph: ViewGraph, width: number, height: number): number {
  return Math.min((width - 2 * MARGIN) / graph.width, (height - MARGIN - BOTTOM_MARGIN) / graph.height);
}

/** The whole graph, centred, as large as fits but not past `largest`. */
export function fitWhole(graph: ViewGraph, width: number, height: number, largest: number): Transform {
  const k = Math.max(Math.min(largest, fitScale(graph, width, height)), 0.01);
  const room = height - MARGIN - BOTTOM_MARGIN;
  return { k, x: (width - graph.width * k) / 2, y: MARGIN + (room - graph.height * k) / 2 };
}

/**
 * The view a graph opens with, in a view of `width` × `height` pixels. When the whole graph
 * fits at a readable size, all of it, centred (at most at "100%"). Otherwise "100%" on the root
 * and what feeds it: the nodes nearest it upstream, as many as fit, centred — kept inside the
 * drawing, so the view never shows empty space beside a graph that is larger than it.
 */
export function openingView(graph: ViewGraph, width: number, height: number, readable: Readable): Transform {
  if (fitScale(graph, width, height) >= readable.least) return fitWhole(graph, width, height, readable.full);
  const k = readable.full;
  const [roomX, roomY] = [(width - 2 * MARGIN) / k, (height - MARGIN - BOTTOM_MARGIN) / k];
  const area = neighbourhoodBox(graph, roomX, roomY);
  // The part of the drawing the view's room shows: centred on the area, but within [0, extent]
  // where the drawing is larger than the room.
  const start = (centre: number, room: number, extent: number) =>
    extent <= room ? (extent - room) / 2 : Math.min(Math.max(centre - room / 2, 0), extent - room);
  const left = start(area.x + area.width / 2, roomX, graph.width);
  const top = start(area.y + area.height / 2, roomY, graph.height);
  return { k, x: MARGIN - left * k, y: MARGIN - top * k };
}

/**
 * The box around the root (or, without one, the node at the end of the flow) and the nodes
 * that feed it, nearest first (breadth-first upstream), as long as the box stays within
 * `width` × `height` drawing units.
 */
export function neighbourhoodBox(graph: ViewGraph, width: number, height: number): Box {
  const start = endNode(graph);
  if (!start) return { x: 0, y: 0, width: graph.width, height: graph.height };
  const byKey = new Map(graph.nodes.map((n) => [n.key, n]));
  const inputs = new Map<string, string[]>();
  for (const e of graph.edges) {
    const list = inputs.get(e.to);
    if (list) list.push(e.from);
    else inputs.set(e.to, [e.from]);
  }
  let box = start.box;
  const seen = new Set([start.key]);
  const queue = [start.key];
  for (let head = 0; head < queue.length; head++) {
    for (const key of inputs.get(queue[head]) ?? []) {
      if (seen.has(key)) continue;
      seen.add(key);
      const node = byKey.get(key);
      if (!node) continue;
      const grown = union(box, node.box);
      if (grown.width > width || grown.height > height) return box;
      box = grown;
      queue.push(key);
    }
  }
  return box;
}

/** The root, or the value the flow ends at (the last in the last layer). */
function endNode(graph: ViewGraph): ViewNode | undefined {
  const root = graph.nodes.find((n) => n.kind !== "op" && n.root);
  if (root) return root;
  let end: ViewNode | undefined;
  for (const n of graph.nodes) if (n.kind !== "op" && (!end || n.layer >= end.layer)) end = n;
  return end;
}

function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}
