import { edgePathData } from "../src/view/render/edgePath";
import { edgeStrokeSvg, edgeTagSvg, loopHeadDefs } from "../src/view/render/edgeSvg";
import { heatmapsSvg } from "../src/view/render/heatmapSvg";
import { frameLabelsSvg, framesSvg } from "../src/view/render/frameSvg";
import { nodeSvg } from "../src/view/render/nodeSvg";
import type { Box, ViewEdge, ViewGraph, ViewNode, ViewValueNode } from "../src/view/viewGraph";
import { pointsBox } from "./spatialGrid";
import { mountSvg, svgElement } from "./svg";

/** What the renderer hands back so the app can react to the user and to host messages. */
export interface RenderedGraph {
  /** Value nodes by trace node id, and group nodes by the id of their output (filled in as they are drawn). */
  valueNodes: Map<number, SVGGElement>;
  /** Every drawn element of each view node and edge by key, for hover emphasis. */
  elementsByKey: Map<string, Element[]>;
  /** Stops drawing what is still queued (a newer graph replaces this one). */
  cancel(): void;
  /** Whether every node and edge is drawn (only then can a graph be patched in place). */
  complete(): boolean;
}

export interface RenderOptions {
  /**
   * For a big graph: whether a box is in (or near) view. What is drawn at once; the rest
   * follows in slices between tasks, so the first picture appears quickly. Null draws all now.
   */
  inView: ((box: Box) => boolean) | null;
  /** Called for each value node as it is drawn, to apply highlight and selection. */
  onValueNode: (node: ViewValueNode, group: SVGGElement) => void;
}

/** Items drawn per slice when drawing in the background. */
const SLICE = 600;

/**
 * Draws a laid-out graph into `viewport` with the shared renderer (src/view/render, which also
 * writes exported and CLI pictures), layer by layer as graphLayers does: edge strokes at the
 * bottom, then the edges' hover targets and labels, then the nodes. Items out of view are
 * mounted later in slices, each into its layer.
 */
export function renderGraph(viewport: SVGGElement, graph: ViewGraph, options: RenderOptions): RenderedGraph {
  viewport.replaceChildren();
  mountSvg(viewport, loopHeadDefs());
  mountSvg(viewport, framesSvg(graph.frames));
  const strokes = svgElement(viewport, "g", { class: "gl-strokes" });
  const edgeLayer = svgElement(viewport, "g", { class: "gl-edges" });
  const nodeLayer = svgElement(viewport, "g", { class: "gl-nodes" });
  mountSvg(viewport, frameLabelsSvg(graph.frames));
  const valueNodes = new Map<number, SVGGElement>();
  const elementsByKey = new Map<string, Element[]>();
  const remember = (key: string, element: Element) => {
    const list = elementsByKey.get(key);
    if (list) list.push(element);
    else elementsByKey.set(key, [element]);
  };

  const vertical = graph.direction === "top-to-bottom";
  const drawEdge = (edge: ViewEdge) => {
    const d = edgePathData(edge.points, vertical);
    remember(edge.key, mountSvg(strokes, edgeStrokeSvg(edge, d)));
    if (edge.kind !== "output") remember(edge.key, mountSvg(edgeLayer, edgeTagSvg(edge, d)));
  };
  const drawNode = (node: ViewNode) => {
    const group = mountSvg(nodeLayer, nodeSvg(node)) as SVGGElement;
    remember(node.key, group);
    if (node.kind === "value") {
      valueNodes.set(node.trace, group);
      options.onValueNode(node, group);
    } else if (node.kind === "group") valueNodes.set(node.trace, group);
  };

  const later: (() => void)[] = [];
  const { inView } = options;
  for (const edge of graph.edges) {
    if (inView === null || inView(pointsBox(edge.points))) drawEdge(edge);
    else later.push(() => drawEdge(edge));
  }
  for (const node of graph.nodes) {
    if (inView === null || inView(node.box)) drawNode(node);
    else later.push(() => drawNode(node));
  }

  let cancelled = false;
  let finished = later.length === 0;
  let next = 0;
  const slice = () => {
    if (cancelled) return;
    const end = Math.min(later.length, next + SLICE);
    for (; next < end; next++) later[next]();
    if (next < later.length) setTimeout(slice, 0);
    else finished = true;
  };
  slice();
  return {
    valueNodes,
    elementsByKey,
    cancel: () => (cancelled = true),
    complete: () => finished && !cancelled,
  };
}

/**
 * Redraws a drawn value node's heatmaps with `node`'s numbers (a training step patched in
 * place: same box, so the grids have the same size and only the cells change).
 */
export function redrawHeatmaps(group: Element, node: ViewValueNode): void {
  group.querySelector(":scope > .gl-heatmaps")?.remove();
  if (node.heatmaps) mountSvg(group, heatmapsSvg(node.heatmaps, node.box.x, node.box.y));
}
