import { svg, type SvgNode } from "../view/render/svgTree";
import type { AxesFrame } from "./axesFrame";
import { cssColour, type Rgba } from "./colours";
import type {
  ArtistSpec,
  BarsArtist,
  ContourArtist,
  FillArtist,
  LineArtist,
  LineStyle,
  Marker,
  ScatterArtist,
  TextArtist,
} from "./figureSpec";
import { imageSvg } from "./imageSvg";
import { bandRings, isolineSegments } from "./marchingSquares";
import { isLineMarker, markerPath } from "./markers";
import { num, polylinePath } from "./svgNumbers";
import { textSvg, type Extent } from "./textSvg";

/**
 * One artist of an axes as SVG, in page coordinates. Long lines are thinned to what a screen
 * can show (per half point of x, the first, lowest, highest and last point), so a loss curve
 * of 200,000 steps stays a small drawing that looks the same.
 */

/** What drawing an axes shares: its frame, and the definitions (marker shapes) of the document. */
export interface DrawContext {
  frame: AxesFrame;
  defs: SvgNode[];
  /** A document-unique id for a definition. */
  id(kind: string): string;
  /** The bounds of what is drawn outside the axes' box (texts), for a tight bounding box. */
  extent: Extent;
}

export function fillAttrs(c: Rgba): Record<string, string | number> {
  const a: Record<string, string | number> = { fill: cssColour(c) };
  if (c[3] < 1) a["fill-opacity"] = num(c[3]);
  return a;
}

export function strokeAttrs(c: Rgba, width: number): Record<string, string | number> {
  const a: Record<string, string | number> = { stroke: cssColour(c), "stroke-width": num(width) };
  if (c[3] < 1) a["stroke-opacity"] = num(c[3]);
  return a;
}

/** matplotlib's dash patterns, in multiples of the line width. */
export function dashArray(style: LineStyle, width: number): string | null {
  const pattern =
    style === "--" ? [3.7, 1.6] : style === ":" ? [1, 1.65] : style === "-." ? [6.4, 1.6, 1, 1.6] : null;
  return pattern === null ? null : pattern.map((p) => num(p * Math.max(width, 0.1))).join(" ");
}

export function artistSvg(artist: ArtistSpec, ctx: DrawContext): SvgNode | null {
  switch (artist.kind) {
    case "line":
      return lineSvg(artist, ctx);
    case "scatter":
      return scatterSvg(artist, ctx);
    case "bars":
      return barsSvg(artist, ctx);
    case "fill":
      return fillSvg(artist, ctx);
    case "image":
      return imageSvg(artist, ctx.frame);
    case "contour":
      return contourSvg(artist, ctx);
    case "text":
      return dataTextSvg(artist, ctx.frame, ctx.extent);
    case "line3d":
    case "scatter3d":
    case "poly3d":
      // only a 3-D axes holds these, and draws them itself (axes3dSvg)
      return null;
  }
}

function stepped(
  x: readonly number[],
  y: readonly number[],
  steps: LineArtist["steps"],
): [number[], number[]] {
  if (steps === "default" || x.length < 2) return [[...x], [...y]];
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (i > 0) {
      if (steps === "steps-pre") {
        xs.push(x[i - 1]);
        ys.push(y[i]);
      } else if (steps === "steps-post") {
        xs.push(x[i]);
        ys.push(y[i - 1]);
      } else {
        const mid = (x[i - 1] + x[i]) / 2;
        xs.push(mid, mid);
        ys.push(y[i - 1], y[i]);
      }
    }
    xs.push(x[i]);
    ys.push(y[i]);
  }
  return [xs, ys];
}

/** Page points of a line, thinned per half-point column of x (M4: first, min, max, last). */
export function thinned(points: [number, number][]): [number, number][] {
  if (points.length < 1000) return points;
  const out: [number, number][] = [];
  let column = NaN;
  let bucket: [number, number][] = [];
  const flush = () => {
    if (bucket.length <= 4) out.push(...bucket);
    else {
      let lo = bucket[0];
      let hi = bucket[0];
      for (const p of bucket) {
        if (p[1] < lo[1]) lo = p;
        if (p[1] > hi[1]) hi = p;
      }
      const keep = new Set([bucket[0], lo, hi, bucket[bucket.length - 1]]);
      for (const p of bucket) if (keep.has(p)) out.push(p);
    }
    bucket = [];
  };
  for (const p of points) {
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      flush();
      out.push(p);
      column = NaN;
      continue;
    }
    const c = Math.floor(p[0] * 2);
    if (c !== column) {
      flush();
      column = c;
    }
    bucket.push(p);
  }
  flush();
  return out;
}

function linePoints(a: LineArtist, frame: AxesFrame): [number, number][] {
  const [xs, ys] = stepped(a.x, a.y, a.steps);
  const px = (x: number) => (a.coords === "xaxes" ? frame.left + x * frame.width : frame.px(x));
  const py = (y: number) => (a.coords === "yaxes" ? frame.top + (1 - y) * frame.height : frame.py(y));
  const points: [number, number][] = [];
  for (let i = 0; i < xs.length; i++) points.push([px(xs[i]), py(ys[i])]);
  return points;
}

function lineSvg(a: LineArtist, ctx: DrawContext): SvgNode | null {
  const points = linePoints(a, ctx.frame);
  const children: SvgNode[] = [];
  if (a.style !== "" && a.width > 0 && a.color[3] > 0) {
    const attrs: Record<string, string | number> = {
      d: polylinePath(thinned(points)),
      fill: "none",
      ...strokeAttrs(a.color, a.width),
      "stroke-linejoin": "round",
      "stroke-linecap": a.style === "-" ? "square" : "butt",
    };
    const dashes = dashArray(a.style, a.width);
    if (dashes !== null) attrs["stroke-dasharray"] = dashes;
    if (attrs.d !== "") children.push(svg("path", attrs));
  }
  if (a.marker !== null) {
    const marks = markersSvg(points, a.marker, [a.markerSize], [a.markerFace], [a.markerEdge], 1, ctx);
    if (marks) children.push(marks);
  }
  if (children.length === 0) return null;
  return children.length === 1 ? children[0] : svg("g", {}, children);
}

/** Markers at page points: one shape per size in the document's definitions, used at each point. */
export function markersSvg(
  points: readonly [number, number][],
  marker: Marker,
  sizes: readonly number[],
  faces: readonly Rgba[],
  edges: readonly Rgba[] | null,
  edgeWidth: number,
  ctx: Pick<DrawContext, "id" | "defs">,
): SvgNode | null {
  const lineOnly = isLineMarker(marker);
  const shapes = new Map<number, string>();
  const shapeFor = (size: number) => {
    let id = shapes.get(size);
    if (id === undefined) {
      id = ctx.id("m");
      ctx.defs.push(svg("path", { id, d: markerPath(marker, size) }));
      shapes.set(size, id);
    }
    return id;
  };
  const pick = <T>(list: readonly T[], i: number): T => list[i % list.length];
  const uses: SvgNode[] = [];
  points.forEach(([x, y], i) => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    const size = pick(sizes, i);
    if (!(size > 0)) return;
    const face = pick(faces, i);
    const edge = edges === null ? face : pick(edges, i);
    const attrs: Record<string, string | number> = {
      "xlink:href": `#${shapeFor(size)}`,
      x: num(x),
      y: num(y),
    };
    if (lineOnly) {
      Object.assign(attrs, { fill: "none" }, strokeAttrs(edge, Math.max(edgeWidth, 1)));
    } else {
      Object.assign(attrs, fillAttrs(face));
      if (edgeWidth > 0 && edge[3] > 0) Object.assign(attrs, strokeAttrs(edge, edgeWidth));
    }
    uses.push(svg("use", attrs));
  });
  return uses.length === 0 ? null : svg("g", {}, uses);
}

function scatterSvg(a: ScatterArtist, ctx: DrawContext): SvgNode | null {
  const { frame } = ctx;
  const points: [number, number][] = a.x.map((x, i) => [frame.px(x), frame.py(a.y[i])]);
  const sizes = a.sizes.map((s) => Math.sqrt(s));
  return markersSvg(points, a.marker, sizes, a.colors, a.edgecolors, a.linewidth, ctx);
}

function barsSvg(a: BarsArtist, ctx: DrawContext): SvgNode | null {
  const { frame } = ctx;
  const rects: SvgNode[] = [];
  a.rects.forEach((r, i) => {
    const x0 = frame.px(r.x);
    const x1 = frame.px(r.x + r.width);
    const y0 = frame.py(r.y);
    const y1 = frame.py(r.y + r.height);
    if (![x0, x1, y0, y1].every(Number.isFinite)) return;
    const attrs: Record<string, string | number> = {
      x: num(Math.min(x0, x1)),
      y: num(Math.min(y0, y1)),
      width: num(Math.abs(x1 - x0)),
      height: num(Math.abs(y1 - y0)),
      ...fillAttrs(a.colors[a.colors.length === 1 ? 0 : i]),
    };
    if (a.edgecolor !== null && a.linewidth > 0) Object.assign(attrs, strokeAttrs(a.edgecolor, a.linewidth));
    rects.push(svg("rect", attrs));
  });
  // snapped to whole pixels, as matplotlib snaps bars: neighbours meet without a seam
  return rects.length === 0 ? null : svg("g", { "shape-rendering": "crispEdges" }, rects);
}

function fillSvg(a: FillArtist, ctx: DrawContext): SvgNode | null {
  const points: [number, number][] = a.x.map((x, i) => [ctx.frame.px(x), ctx.frame.py(a.y[i])]);
  const d = polylinePath(points);
  if (d === "") return null;
  const attrs: Record<string, string | number> = { d: d + "Z", ...fillAttrs(a.color) };
  if (a.edgecolor !== null && a.linewidth > 0) Object.assign(attrs, strokeAttrs(a.edgecolor, a.linewidth));
  return svg("path", attrs);
}

function ringsPath(rings: readonly number[][], frame: AxesFrame): string {
  const parts: string[] = [];
  for (const ring of rings) {
    for (let k = 0; k < ring.length; k += 2)
      parts.push(`${k === 0 ? "M" : "L"}${num(frame.px(ring[k]))} ${num(frame.py(ring[k + 1]))}`);
    parts.push("Z");
  }
  return parts.join("");
}

function contourSvg(a: ContourArtist, ctx: DrawContext): SvgNode | null {
  const grid = { rows: a.rows, cols: a.cols, x: a.x, y: a.y, z: a.z };
  const children: SvgNode[] = [];
  // one alpha for the whole set goes on the group, so the seams between pieces do not show
  const alpha = a.colors.length > 0 && a.colors.every((c) => c[3] === a.colors[0][3]) ? a.colors[0][3] : 1;
  if (a.filled) {
    for (let k = 0; k + 1 < a.levels.length; k++) {
      const rings = bandRings(grid, a.levels[k], a.levels[k + 1]);
      if (rings.length === 0) continue;
      const colour = a.colors[Math.min(k, a.colors.length - 1)];
      const opaque: Rgba = alpha < 1 ? [colour[0], colour[1], colour[2], 1] : colour;
      children.push(
        svg("path", {
          d: ringsPath(rings, ctx.frame),
          ...fillAttrs(opaque),
          // a hairline of the same colour closes the anti-aliasing seams between cells
          ...strokeAttrs(opaque, 0.3),
          "stroke-linejoin": "round",
        }),
      );
    }
  } else {
    a.levels.forEach((level, k) => {
      const segments = isolineSegments(grid, level);
      if (segments.length === 0) return;
      const d = segments
        .map(
          (s) =>
            `M${num(ctx.frame.px(s[0]))} ${num(ctx.frame.py(s[1]))}L${num(ctx.frame.px(s[2]))} ${num(ctx.frame.py(s[3]))}`,
        )
        .join("");
      const colour = a.colors[Math.min(k, a.colors.length - 1)];
      children.push(
        svg("path", { d, fill: "none", ...strokeAttrs(colour, a.linewidth), "stroke-linecap": "round" }),
      );
    });
  }
  if (children.length === 0) return null;
  return svg("g", alpha < 1 && a.filled ? { opacity: num(alpha) } : {}, children);
}

function dataTextSvg(a: TextArtist, frame: AxesFrame, extent: Extent): SvgNode | null {
  const x = a.coords === "axes" ? frame.left + a.x * frame.width : frame.px(a.x);
  const y = a.coords === "axes" ? frame.top + (1 - a.y) * frame.height : frame.py(a.y);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  return textSvg(
    a.text,
    x,
    y,
    { size: a.fontSize, color: a.color, weight: a.weight },
    { ha: a.ha, va: a.va, rotation: a.rotation },
    extent,
  );
}
