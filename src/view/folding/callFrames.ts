import type { Box, Point, ViewFrame, ViewGraph, ViewNode } from "../viewGraph";
import { DEFAULT_LAYOUT_OPTIONS } from "../layout/layoutTypes";
import type { FoldTree } from "./foldTree";

/** Room between a frame and the boxes inside it (the layout keeps as much round the members). */
export const FRAME_PADDING = DEFAULT_LAYOUT_OPTIONS.clusterPadding;
/** The band along a frame's top that holds its label. */
export const FRAME_LABEL_BAND = DEFAULT_LAYOUT_OPTIONS.clusterLabel;
/** Least room between the outermost frame and the drawing's edge. */
const FRAME_MARGIN = 6;

/**
 * The call boxes the user opened (a layer's box, closed from the start, or any call box the user
 * expanded), each with the view nodes inside it: a value or op node
 * by the fold its trace node sits in, a group by the fold around its own (closed) one. Every
 * fold around a drawn node is open, or the node would be inside a group. Boxes are left empty:
 * `fitFrames` puts them round the members once the nodes are placed.
 */
export function callFrames(
  tree: FoldTree,
  nodes: readonly ViewNode[],
  expanded: ReadonlySet<string> = new Set(),
): ViewFrame[] {
  const { folds } = tree;
  const members = new Map<number, string[]>();
  for (const node of nodes) {
    let f: number;
    if (node.kind === "group") {
      const own = tree.byKey.get(node.key);
      f = own === undefined ? -1 : folds[own].parent;
    } else {
      const at = tree.indexOfId(node.trace);
      f = at < 0 ? -1 : tree.owner[at];
    }
    for (; f >= 0; f = folds[f].parent) {
      // Calls open from the start (micrograd's MLP → Layer → Neuron, each `__init__`) stay unframed:
      // packed as the layout packs them, their frames would overlap one another.
      if (folds[f].kind !== "call" || !(folds[f].shut || expanded.has(folds[f].key))) continue;
      let list = members.get(f);
      if (!list) members.set(f, (list = []));
      list.push(node.key);
    }
  }
  const frames: ViewFrame[] = [];
  for (const [f, keys] of members) {
    // the call's depth among call folds only: a loop's group between two calls draws no frame
    let depth = 1;
    for (let p = folds[f].parent; p >= 0; p = folds[p].parent) if (members.has(p)) depth++;
    frames.push({
      key: folds[f].key,
      label: folds[f].label,
      depth,
      members: keys,
      box: { x: 0, y: 0, width: 0, height: 0 },
    });
  }
  // outermost first, then in the order the program made them: the order they are drawn in
  frames.sort((a, b) => a.depth - b.depth || tree.byKey.get(a.key)! - tree.byKey.get(b.key)!);
  return frames;
}

/**
 * Puts each frame's box round its members and the frames inside it (innermost first), with
 * padding and a label band on top; when that reaches past the drawing's edge, moves the whole
 * drawing over and makes it bigger so every frame fits. Returns the graph with the new boxes.
 */
export function fitFrames(graph: ViewGraph): ViewGraph {
  const frames = graph.frames;
  if (!frames || frames.length === 0) return graph;
  const boxOf = new Map(graph.nodes.map((n) => [n.key, n.box]));
  const fitted: ViewFrame[] = frames.map((f) => ({ ...f, box: { ...f.box } }));
  const byDepth = fitted.map((_, i) => i).sort((a, b) => fitted[b].depth - fitted[a].depth || a - b);
  for (const i of byDepth) {
    const frame = fitted[i];
    const set = new Set(frame.members);
    let left = Infinity;
    let top = Infinity;
    let right = -Infinity;
    let bottom = -Infinity;
    const take = (b: Box) => {
      left = Math.min(left, b.x);
      top = Math.min(top, b.y);
      right = Math.max(right, b.x + b.width);
      bottom = Math.max(bottom, b.y + b.height);
    };
    for (const key of frame.members) {
      const b = boxOf.get(key);
      if (b) take(b);
    }
    // an inner frame is one whose members all belong to this one (fitted already: deeper)
    for (const other of fitted)
      if (other.depth > frame.depth && other.members.length > 0 && other.members.every((k) => set.has(k)))
        take(other.box);
    if (left > right) continue;
    frame.box = {
      x: left - FRAME_PADDING,
      y: top - FRAME_PADDING - FRAME_LABEL_BAND,
      width: right - left + 2 * FRAME_PADDING,
      height: bottom - top + 2 * FRAME_PADDING + FRAME_LABEL_BAND,
    };
  }
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const f of fitted) {
    minX = Math.min(minX, f.box.x);
    minY = Math.min(minY, f.box.y);
    maxX = Math.max(maxX, f.box.x + f.box.width);
    maxY = Math.max(maxY, f.box.y + f.box.height);
  }
  const dx = Math.max(0, FRAME_MARGIN - minX);
  const dy = Math.max(0, FRAME_MARGIN - minY);
  const width = Math.max(graph.width + dx, maxX + dx + FRAME_MARGIN);
  const height = Math.max(graph.height + dy, maxY + dy + FRAME_MARGIN);
  if (dx === 0 && dy === 0) return { ...graph, frames: fitted, width, height };
  const move = (p: Point): Point => ({ x: p.x + dx, y: p.y + dy });
  const moveBox = (b: Box): Box => ({ ...b, x: b.x + dx, y: b.y + dy });
  return {
    ...graph,
    nodes: graph.nodes.map((n) => ({ ...n, box: moveBox(n.box) })),
    edges: graph.edges.map((e) => ({
      ...e,
      points: e.points.map(move),
      labelAt: e.labelAt === null ? null : move(e.labelAt),
    })),
    frames: fitted.map((f) => ({ ...f, box: moveBox(f.box) })),
    width,
    height,
  };
}

/**
 * Each node's frames, outermost first, as indices into `frames` (the layout's clusters); none
 * for a node in no frame.
 */
export function framePaths(frames: readonly ViewFrame[], keys: readonly string[]): (number[] | undefined)[] {
  const paths = new Map<string, number[]>();
  // frames come outermost first, so each path is built outside in
  frames.forEach((frame, f) => {
    for (const key of frame.members) {
      let path = paths.get(key);
      if (!path) paths.set(key, (path = []));
      path.push(f);
    }
  });
  return keys.map((k) => paths.get(k));
}
