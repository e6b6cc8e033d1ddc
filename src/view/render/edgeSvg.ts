import { EDGE_LABEL, textWidth } from "../nodeMetrics";
import type { ViewEdge } from "../viewGraph";
import { weightClass } from "./graphStyles";
import { at, svg, type SvgNode } from "./svgTree";

/**
 * An edge is drawn in two parts on two layers: its stroke at the bottom, and above every
 * stroke its hover target and label (so no stroke runs over a label). `output` edges (op →
 * result) have only the stroke. `d` is the route's path data (edgePathData), made once for both.
 */
export function edgeStrokeSvg(edge: ViewEdge, d: string): SvgNode {
  return svg("path", {
    d,
    class: edgeStrokeClass(edge),
  });
}

/** The stroke's classes: kind, status, weight, and a mismatch with the program's own backward. */
export function edgeStrokeClass(edge: ViewEdge): string {
  return `gl-edge-stroke gl-edge-${edge.kind} ${edgeClasses(edge)}`;
}

/** The classes of the group holding an edge's hover target and label. */
export function edgeTagClass(edge: ViewEdge): string {
  return `gl-edge ${edgeClasses(edge)}`;
}

function edgeClasses(edge: ViewEdge): string {
  return `gl-status-${edge.status} ${weightClass(edge.weight)}${edge.mismatch ? " gl-mismatch" : ""}`;
}

export function edgeTagSvg(edge: ViewEdge, d: string): SvgNode {
  const children = [svg("path", { d, class: "gl-edge-hit" })];
  if (edge.chainRule !== null) children.push(svg("title", {}, edge.chainRule));
  if (edge.label !== null && edge.labelAt !== null) {
    const width = edgeTagWidth(edge.label);
    const { x, y } = edge.labelAt;
    // placed at absolute coordinates, no transform: see nodeSvg.ts
    children.push(
      svg("g", { class: "gl-edge-tag" }, [
        svg("rect", {
          x: edgeTagLeft(x, width),
          y: at(y, -EDGE_LABEL.height / 2),
          width,
          height: EDGE_LABEL.height,
          rx: EDGE_LABEL.height / 2,
        }),
        svg(
          "text",
          { "data-testid": "edge-label", x: at(x), y: at(y, 0.5), "dominant-baseline": "middle" },
          edge.label,
        ),
      ]),
    );
  }
  return svg(
    "g",
    {
      class: edgeTagClass(edge),
      "data-testid": "edge",
      "data-from": edge.fromTrace,
      "data-to": edge.toTrace,
      "data-key": edge.key,
    },
    children,
  );
}

/** The width of the pill behind an edge's label. */
export function edgeTagWidth(label: string): number {
  return textWidth(label, EDGE_LABEL.fontSize) + 2 * EDGE_LABEL.paddingX;
}

/** The left of a label's pill of `width`, centred on the label's point's `x`. */
export function edgeTagLeft(x: number, width: number): number {
  return at(x, -width / 2);
}

/** The arrowhead of a group's loop marker, referenced as `url(#gl-loop-head)`. */
export function loopHeadDefs(): SvgNode {
  return svg("defs", {}, [
    svg(
      "marker",
      {
        id: "gl-loop-head",
        viewBox: "0 0 6 6",
        refX: 3,
        refY: 3,
        markerWidth: 6,
        markerHeight: 6,
        orient: "auto-start-reverse",
      },
      [svg("path", { d: "M0,0L6,3L0,6z", class: "gl-loop-head" })],
    ),
  ]);
}
