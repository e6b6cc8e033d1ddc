import { svg, svgMarkup, type SvgNode } from "../view/render/svgTree";
import type { Point } from "../view/viewGraph";
import { cssColour, parseColour, type Rgba } from "./colours";
import { layOutDot, type DotLayout, type LaidEdge, type LaidNode } from "./dotLayout";
import { parseDot, type DotModel } from "./dotParse";
import { num } from "./svgNumbers";

/**
 * A Graphviz graph as SVG, drawn as Graphviz draws it by default: black outlines and Times
 * labels on white, ellipses unless a shape is named, records divided into fields, edges as
 * curves ending in a filled arrowhead (none on an undirected graph). Colours, fill, pen width,
 * dashed/dotted/invisible styles and font colour and size are honoured.
 */

const FONT = "Times New Roman, Times, Liberation Serif, serif";
const ARROW = 10;

/** A Graphviz colour: a name, `#rrggbb(aa)`, or black when unknown. */
function colour(v: string | undefined, fallback: Rgba): Rgba {
  if (v === undefined || v === "") return fallback;
  const first = v.split(":")[0];
  return parseColour(first) ?? parseColour(first.replace(/[0-9]+$/, "")) ?? fallback;
}

function paint(attr: string, c: Rgba): Record<string, string | number> {
  if (c[3] === 0) return { [attr]: "none" };
  const a: Record<string, string | number> = { [attr]: cssColour(c) };
  if (c[3] < 1) a[`${attr}-opacity`] = num(c[3]);
  return a;
}

function styles(attrs: Map<string, string>): Set<string> {
  return new Set((attrs.get("style") ?? "").split(",").map((s) => s.trim().toLowerCase()));
}

function strokeStyle(style: Set<string>, penwidth: number): Record<string, string | number> {
  const a: Record<string, string | number> = { "stroke-width": num(style.has("bold") ? 2 : penwidth) };
  if (style.has("dashed")) a["stroke-dasharray"] = "5,2";
  if (style.has("dotted")) a["stroke-dasharray"] = "1,5";
  return a;
}

function textLines(lines: readonly string[], x: number, y: number, size: number, fill: Rgba): SvgNode[] {
  const step = size * 1.2;
  const first = y - ((lines.length - 1) * step) / 2 + size * 0.3;
  return lines.map((line, i) =>
    svg(
      "text",
      {
        x: num(x),
        y: num(first + i * step),
        "text-anchor": "middle",
        "font-family": FONT,
        "font-size": num(size),
        ...paint("fill", fill),
      },
      line,
    ),
  );
}

function nodeSvg(n: LaidNode): SvgNode | null {
  const style = styles(n.attrs);
  if (style.has("invis")) return null;
  const stroke = colour(n.attrs.get("color"), [0, 0, 0, 1]);
  const filled = style.has("filled");
  const fill = filled
    ? colour(n.attrs.get("fillcolor") ?? n.attrs.get("color"), [0.827, 0.827, 0.827, 1])
    : ([0, 0, 0, 0] as Rgba);
  const fontColour = colour(n.attrs.get("fontcolor"), [0, 0, 0, 1]);
  const penwidth = Number(n.attrs.get("penwidth") ?? 1) || 1;
  const outline = { ...paint("fill", fill), ...paint("stroke", stroke), ...strokeStyle(style, penwidth) };
  const left = n.x - n.width / 2;
  const top = n.y - n.height / 2;
  const parts: SvgNode[] = [];
  switch (n.shape) {
    case "record":
    case "mrecord": {
      const r = n.record!;
      const rounded = n.shape === "mrecord" || style.has("rounded");
      parts.push(
        svg("rect", {
          x: num(left),
          y: num(top),
          width: num(n.width),
          height: num(n.height),
          ...(rounded ? { rx: 8 } : {}),
          ...outline,
        }),
      );
      for (const [x1, y1, x2, y2] of r.separators)
        parts.push(
          svg("path", {
            d: `M${num(left + x1)} ${num(top + y1)}L${num(left + x2)} ${num(top + y2)}`,
            ...paint("stroke", stroke),
            ...strokeStyle(style, penwidth),
          }),
        );
      for (const f of r.fields)
        parts.push(
          ...textLines(
            f.text.split("\n"),
            left + f.x + f.width / 2,
            top + f.y + f.height / 2,
            n.fontSize,
            fontColour,
          ),
        );
      return svg("g", { class: "node" }, parts);
    }
    case "box":
    case "rect":
    case "rectangle":
    case "square":
      parts.push(
        svg("rect", {
          x: num(left),
          y: num(top),
          width: num(n.width),
          height: num(n.height),
          ...(style.has("rounded") ? { rx: 8 } : {}),
          ...outline,
        }),
      );
      break;
    case "circle":
    case "doublecircle":
      parts.push(
        svg("ellipse", {
          cx: num(n.x),
          cy: num(n.y),
          rx: num(n.width / 2),
          ry: num(n.height / 2),
          ...outline,
        }),
      );
      if (n.shape === "doublecircle")
        parts.push(
          svg("ellipse", {
            cx: num(n.x),
            cy: num(n.y),
            rx: num(n.width / 2 - 4),
            ry: num(n.height / 2 - 4),
            fill: "none",
            ...paint("stroke", stroke),
            ...strokeStyle(style, penwidth),
          }),
        );
      break;
    case "point":
      parts.push(
        svg("ellipse", {
          cx: num(n.x),
          cy: num(n.y),
          rx: 1.8,
          ry: 1.8,
          ...paint("fill", filled ? fill : stroke),
          ...paint("stroke", stroke),
        }),
      );
      return svg("g", { class: "node" }, parts);
    case "diamond":
      parts.push(
        svg("polygon", {
          points: `${num(n.x)},${num(top)} ${num(left + n.width)},${num(n.y)} ${num(n.x)},${num(top + n.height)} ${num(left)},${num(n.y)}`,
          ...outline,
        }),
      );
      break;
    case "plaintext":
    case "plain":
    case "none":
      if (filled)
        parts.push(
          svg("rect", {
            x: num(left),
            y: num(top),
            width: num(n.width),
            height: num(n.height),
            ...paint("fill", fill),
            stroke: "none",
          }),
        );
      break;
    default:
      parts.push(
        svg("ellipse", {
          cx: num(n.x),
          cy: num(n.y),
          rx: num(n.width / 2),
          ry: num(n.height / 2),
          ...outline,
        }),
      );
  }
  parts.push(...textLines(n.lines, n.x, n.y, n.fontSize, fontColour));
  return svg("g", { class: "node" }, parts);
}

/** Moves an edge's end from its node's bounding box onto an elliptical node's outline. */
function onOutline(p: Point, n: LaidNode | undefined, vertical: boolean): Point {
  if (!n || !["ellipse", "oval", "circle", "doublecircle"].includes(n.shape)) return p;
  const a = n.width / 2;
  const b = n.height / 2;
  if (vertical) {
    const dx = Math.max(-a, Math.min(a, p.x - n.x));
    const dy = b * Math.sqrt(Math.max(0, 1 - (dx / a) ** 2));
    return { x: p.x, y: n.y + (p.y < n.y ? -dy : dy) };
  }
  const dy = Math.max(-b, Math.min(b, p.y - n.y));
  const dx = a * Math.sqrt(Math.max(0, 1 - (dy / b) ** 2));
  return { x: n.x + (p.x < n.x ? -dx : dx), y: p.y };
}

/** A curve through the route, leaving and entering along the direction of the ranks. */
function curve(points: readonly Point[], vertical: boolean): string {
  let d = `M${num(points[0].x)} ${num(points[0].y)}`;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (vertical) {
      const mid = (a.y + b.y) / 2;
      d += `C${num(a.x)} ${num(mid)} ${num(b.x)} ${num(mid)} ${num(b.x)} ${num(b.y)}`;
    } else {
      const mid = (a.x + b.x) / 2;
      d += `C${num(mid)} ${num(a.y)} ${num(mid)} ${num(b.y)} ${num(b.x)} ${num(b.y)}`;
    }
  }
  return d;
}

function edgeSvg(
  e: LaidEdge,
  layout: DotLayout,
  byId: Map<string, LaidNode>,
  directed: boolean,
): SvgNode | null {
  const style = styles(e.attrs);
  if (style.has("invis") || e.points.length < 2) return null;
  const vertical = layout.direction === "TB" || layout.direction === "BT";
  const stroke = colour(e.attrs.get("color"), [0, 0, 0, 1]);
  const penwidth = Number(e.attrs.get("penwidth") ?? 1) || 1;
  const points = [...e.points];
  points[0] = onOutline(points[0], byId.get(e.tail), vertical);
  points[points.length - 1] = onOutline(points[points.length - 1], byId.get(e.head), vertical);
  const dir = (e.attrs.get("dir") ?? (directed ? "forward" : "none")).toLowerCase();
  const arrowhead = (e.attrs.get("arrowhead") ?? "normal").toLowerCase();
  const parts: SvgNode[] = [];
  const withHead = (dir === "forward" || dir === "both") && arrowhead !== "none";
  if (withHead) {
    // the line stops where the arrowhead's base begins
    const tip = points[points.length - 1];
    const from = points[points.length - 2];
    const along = vertical ? Math.sign(tip.y - from.y) || 1 : Math.sign(tip.x - from.x) || 1;
    const base = vertical ? { x: tip.x, y: tip.y - along * ARROW } : { x: tip.x - along * ARROW, y: tip.y };
    points[points.length - 1] = base;
    const half = 3.5;
    const wing = vertical
      ? `${num(base.x - half)},${num(base.y)} ${num(base.x + half)},${num(base.y)}`
      : `${num(base.x)},${num(base.y - half)} ${num(base.x)},${num(base.y + half)}`;
    parts.push(
      svg("polygon", {
        points: `${num(tip.x)},${num(tip.y)} ${wing}`,
        ...paint("fill", stroke),
        ...paint("stroke", stroke),
        "stroke-width": num(penwidth),
      }),
    );
  }
  parts.unshift(
    svg("path", {
      d: curve(points, vertical),
      fill: "none",
      ...paint("stroke", stroke),
      ...strokeStyle(style, penwidth),
    }),
  );
  if (e.labelAt && e.label !== "")
    parts.push(
      ...textLines(
        [e.label],
        e.labelAt.x,
        e.labelAt.y,
        Number(e.attrs.get("fontsize") ?? 14) || 14,
        colour(e.attrs.get("fontcolor"), [0, 0, 0, 1]),
      ),
    );
  return svg("g", { class: "edge" }, parts);
}

/** The graph of a DOT model as a standalone SVG document, sizes in points. */
export function dotModelSvg(model: DotModel): string {
  const layout = layOutDot(model);
  const labelH = layout.label === "" ? 0 : layout.label.split("\n").length * 14 * 1.2 + 8;
  const width = Math.ceil(layout.width);
  const height = Math.ceil(layout.height + labelH);
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const background = colour(model.graphAttrs.get("bgcolor"), [1, 1, 1, 1]);
  const children: SvgNode[] = [svg("rect", { x: 0, y: 0, width, height, ...paint("fill", background) })];
  for (const e of layout.edges) {
    const node = edgeSvg(e, layout, byId, model.directed);
    if (node) children.push(node);
  }
  for (const n of layout.nodes) {
    const node = nodeSvg(n);
    if (node) children.push(node);
  }
  if (layout.label !== "")
    children.push(
      ...textLines(layout.label.split("\n"), width / 2, layout.height + labelH / 2, 14, [0, 0, 0, 1]),
    );
  const root = svg(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      width: `${width}pt`,
      height: `${height}pt`,
      viewBox: `0 0 ${width} ${height}`,
      version: "1.1",
    },
    [svg("g", { class: "graph" }, children)],
  );
  return `${svgMarkup(root)}\n`;
}

/** DOT source as SVG (a syntax error in it is thrown as DotSyntaxError). */
export function dotSvg(source: string): string {
  return dotModelSvg(parseDot(source));
}
