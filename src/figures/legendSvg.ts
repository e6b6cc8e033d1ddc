import { svg, type SvgNode } from "../view/render/svgTree";
import { fillAttrs, strokeAttrs, dashArray, thinned } from "./artistSvg";
import type { AxesFrame } from "./axesFrame";
import { BLACK, type Rgba } from "./colours";
import type { ArtistSpec, LegendHandle, LegendLocation, LegendSpec, Marker } from "./figureSpec";
import { isLineMarker, markerPath } from "./markers";
import { num } from "./svgNumbers";
import { textExtent, textSvg } from "./textSvg";

/**
 * A legend as matplotlib lays it out (sizes in multiples of its font size: border padding 0.4,
 * handles 2.0 long, 0.8 before the label, 0.5 between rows, 0.5 from the axes' edge) in a
 * white, slightly transparent rounded frame. `loc='best'` tries matplotlib's nine places in
 * its order and takes the first that covers the fewest data points.
 */

const PLACES: Exclude<LegendLocation, "best">[] = [
  "upper right",
  "upper left",
  "lower left",
  "lower right",
  "right",
  "center left",
  "center right",
  "lower center",
  "upper center",
  "center",
];

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

function place(
  loc: Exclude<LegendLocation, "best">,
  frame: AxesFrame,
  w: number,
  h: number,
  pad: number,
): Box {
  const [vert, horiz] =
    loc === "center" ? ["center", "center"] : loc === "right" ? ["center", "right"] : loc.split(" ");
  const left =
    horiz === "left"
      ? frame.left + pad
      : horiz === "right"
        ? frame.left + frame.width - pad - w
        : frame.left + (frame.width - w) / 2;
  const top =
    vert === "upper"
      ? frame.top + pad
      : vert === "lower"
        ? frame.top + frame.height - pad - h
        : frame.top + (frame.height - h) / 2;
  return { left, top, width: w, height: h };
}

/** Page points of what the axes draws, for `loc='best'`. */
function dataPoints(artists: readonly ArtistSpec[], frame: AxesFrame): [number, number][] {
  const points: [number, number][] = [];
  for (const a of artists) {
    if (a.kind === "line" && a.coords === "data")
      points.push(...thinned(a.x.map((x, i) => [frame.px(x), frame.py(a.y[i])] as [number, number])));
    else if (a.kind === "scatter" || a.kind === "fill")
      a.x.forEach((x, i) => points.push([frame.px(x), frame.py(a.y[i])]));
    else if (a.kind === "bars")
      for (const r of a.rects) {
        points.push([frame.px(r.x + r.width / 2), frame.py(r.y + r.height)]);
        points.push([frame.px(r.x + r.width / 2), frame.py(r.y + r.height / 2)]);
      }
  }
  return points;
}

function badness(box: Box, points: readonly [number, number][]): number {
  let n = 0;
  for (const [x, y] of points)
    if (x >= box.left && x <= box.left + box.width && y >= box.top && y <= box.top + box.height) n++;
  return n;
}

function handleSvg(handle: LegendHandle, x: number, cy: number, length: number, f: number): SvgNode[] {
  switch (handle.kind) {
    case "line": {
      const out: SvgNode[] = [];
      if (handle.style !== "" && handle.width > 0) {
        const attrs: Record<string, string | number> = {
          d: `M${num(x)} ${num(cy)}L${num(x + length)} ${num(cy)}`,
          fill: "none",
          ...strokeAttrs(handle.color, handle.width),
          "stroke-linecap": handle.style === "-" ? "square" : "butt",
        };
        const dashes = dashArray(handle.style, handle.width);
        if (dashes !== null) attrs["stroke-dasharray"] = dashes;
        out.push(svg("path", attrs));
      }
      if (handle.marker !== null)
        out.push(
          markerAt(
            handle.marker,
            x + length / 2,
            cy,
            handle.markerSize,
            handle.markerFace,
            handle.markerEdge,
          ),
        );
      return out;
    }
    case "marker":
      return [markerAt(handle.marker, x + length / 2, cy, handle.size, handle.color, handle.color)];
    case "patch": {
      const attrs: Record<string, string | number> = {
        x: num(x),
        y: num(cy - 0.35 * f),
        width: num(length),
        height: num(0.7 * f),
        ...fillAttrs(handle.color),
      };
      if (handle.edgecolor !== null) Object.assign(attrs, strokeAttrs(handle.edgecolor, 1));
      return [svg("rect", attrs)];
    }
  }
}

function markerAt(marker: Marker, x: number, y: number, size: number, face: Rgba, edge: Rgba): SvgNode {
  const d = markerPath(marker, size);
  const attrs: Record<string, string | number> = { d, transform: `translate(${num(x)} ${num(y)})` };
  if (isLineMarker(marker)) Object.assign(attrs, { fill: "none" }, strokeAttrs(edge, 1));
  else Object.assign(attrs, fillAttrs(face), strokeAttrs(edge, 1));
  return svg("path", attrs);
}

export function legendSvg(
  legend: LegendSpec,
  frame: AxesFrame,
  artists: readonly ArtistSpec[],
): SvgNode | null {
  if (legend.entries.length === 0) return null;
  const f = legend.fontSize;
  const pad = 0.4 * f;
  const rowH = 0.968 * f;
  const spacing = 0.5 * f;
  const handleLength = 2.0 * f;
  const handlePad = 0.8 * f;
  const columnSpacing = 2.0 * f;
  const ncol = Math.max(1, Math.min(legend.ncol, legend.entries.length));
  const nrows = Math.ceil(legend.entries.length / ncol);
  const columns: { width: number; entries: typeof legend.entries }[] = [];
  for (let c = 0; c < ncol; c++) {
    // matplotlib fills columns top to bottom
    const entries = legend.entries.slice(c * nrows, (c + 1) * nrows);
    const width = handleLength + handlePad + Math.max(0, ...entries.map((e) => textExtent(e.label, f).width));
    columns.push({ width, entries });
  }
  const titleExtent = legend.title === "" ? null : textExtent(legend.title, f);
  const contentW = Math.max(
    columns.reduce((s, c) => s + c.width, 0) + (ncol - 1) * columnSpacing,
    titleExtent?.width ?? 0,
  );
  const titleH = titleExtent === null ? 0 : titleExtent.height + spacing;
  const w = contentW + 2 * pad;
  const h = titleH + nrows * rowH + (nrows - 1) * spacing + 2 * pad;
  const axesPad = 0.5 * f;
  let box: Box;
  if (legend.loc === "best") {
    const points = dataPoints(artists, frame);
    let best: Box | null = null;
    let fewest = Infinity;
    for (const loc of PLACES) {
      const candidate = place(loc, frame, w, h, axesPad);
      const bad = badness(candidate, points);
      if (bad < fewest) {
        fewest = bad;
        best = candidate;
        if (bad === 0) break;
      }
    }
    box = best!;
  } else box = place(legend.loc, frame, w, h, axesPad);

  const children: SvgNode[] = [];
  if (legend.frame)
    children.push(
      svg("rect", {
        x: num(box.left),
        y: num(box.top),
        width: num(w),
        height: num(h),
        rx: num(0.2 * f),
        fill: "#ffffff",
        "fill-opacity": 0.8,
        stroke: "#cccccc",
        "stroke-width": 1,
      }),
    );
  const top = box.top + pad;
  if (legend.title !== "") {
    const t = textSvg(
      legend.title,
      box.left + w / 2,
      top,
      { size: f, color: BLACK },
      { ha: "center", va: "top" },
    );
    if (t) children.push(t);
  }
  let x = box.left + pad;
  for (const column of columns) {
    column.entries.forEach((entry, r) => {
      const cy = top + titleH + r * (rowH + spacing) + rowH / 2;
      children.push(...handleSvg(entry.handle, x, cy, handleLength, f));
      const label = textSvg(
        entry.label,
        x + handleLength + handlePad,
        cy,
        { size: f, color: BLACK },
        { ha: "left", va: "center" },
      );
      if (label) children.push(label);
    });
    x += column.width + columnSpacing;
  }
  return svg("g", { class: "legend" }, children);
}
