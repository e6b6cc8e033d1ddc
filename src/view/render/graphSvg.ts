import type { ViewGraph } from "../viewGraph";
import { edgePathData } from "./edgePath";
import { edgeStrokeSvg, edgeTagSvg, loopHeadDefs } from "./edgeSvg";
import { frameLabelsSvg, framesSvg } from "./frameSvg";
import { graphCss } from "./graphStyles";
import type { GraphTheme } from "./graphTheme";
import { nodeSvg } from "./nodeSvg";
import { svg, svgMarkup, type SvgNode } from "./svgTree";

/** Room around the graph in a picture, in pixels. */
const MARGIN = 16;

/**
 * The whole graph as a standalone SVG file, as the panel draws it: its stylesheet embedded
 * with the theme's concrete colours, a background, and the graph at 100% with a margin.
 */
export function graphSvgDocument(graph: ViewGraph, theme: GraphTheme): string {
  // No XML declaration: UTF-8 is XML's default, and a file that starts with `<svg` is what
  // notebooks and other tools sniff for.
  return `${svgMarkup(graphSvgTree(graph, theme))}\n`;
}

export function graphSvgTree(graph: ViewGraph, theme: GraphTheme): SvgNode {
  const width = Math.ceil(graph.width + 2 * MARGIN);
  const height = Math.ceil(graph.height + 2 * MARGIN);
  return svg(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      width,
      height,
      viewBox: `${-MARGIN} ${-MARGIN} ${width} ${height}`,
      role: "img",
    },
    [
      svg("style", {}, graphCss(theme)),
      svg("rect", { x: -MARGIN, y: -MARGIN, width, height, fill: theme.background }),
      svg("g", { class: "gl-viewport" }, graphLayers(graph)),
    ],
  );
}

/**
 * The graph's layers, bottom to top: the open call boxes' frames, edge strokes, then the edges' hover targets and labels
 * (so no stroke runs over a label), then the nodes, then the frames' names.
 */
export function graphLayers(graph: ViewGraph): SvgNode[] {
  const strokes: SvgNode[] = [];
  const tags: SvgNode[] = [];
  for (const edge of graph.edges) {
    const d = edgePathData(edge.points, graph.direction === "top-to-bottom");
    strokes.push(edgeStrokeSvg(edge, d));
    if (edge.kind !== "output") tags.push(edgeTagSvg(edge, d));
  }
  return [
    loopHeadDefs(),
    framesSvg(graph.frames),
    svg("g", { class: "gl-strokes" }, strokes),
    svg("g", { class: "gl-edges" }, tags),
    svg("g", { class: "gl-nodes" }, graph.nodes.map(nodeSvg)),
    frameLabelsSvg(graph.frames),
  ];
}
