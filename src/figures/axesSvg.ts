import { svg, type SvgNode } from "../view/render/svgTree";
import { artistSvg, dashArray, fillAttrs, strokeAttrs, type DrawContext } from "./artistSvg";
import { axesFrame, type AxesFrame } from "./axesFrame";
import { BLACK } from "./colours";
import type { AxesSpec, AxisSpec } from "./figureSpec";
import { legendSvg } from "./legendSvg";
import { num } from "./svgNumbers";
import { textBounds, textSvg, type Extent } from "./textSvg";
import { autoBins, decadeOf, inView, logTicks, maxNTicks, scalarLabels } from "./ticks";

/**
 * One axes as matplotlib draws it with its default style: the white patch, the artists in
 * z-order clipped to the box (texts are not clipped), the grid, the four spines, ticks 3.5 pt
 * long pointing out with their labels 3.5 pt beyond, the axis labels 4 pt further out, the title
 * 6 pt above the box in a 1.2× font, and the legend on top.
 */

const TICK = 3.5;
const TICK_PAD = 3.5;
const LABEL_PAD = 4;
const TITLE_PAD = 6;
const GRID_COLOUR = "#b0b0b0";

export interface AxisTicks {
  /** Tick locations in view, their labels, and the offset/exponent text. */
  locs: number[];
  labels: string[];
  offsetText: string;
  minor: number[];
}

/** The ticks an axis shows over its view limits, for a box edge `length` points long. */
export function axisTicks(
  spec: AxisSpec,
  lim: [number, number],
  length: number,
  which: "x" | "y",
  fontSize: number,
): AxisTicks {
  const [a, b] = lim;
  if (spec.ticks !== null) {
    const labels = spec.tickLabels ?? scalarLabels(spec.ticks, a, b).labels;
    const shown = spec.ticks.map((t, i) => ({ t, label: labels[i] ?? "" })).filter((p) => inView(p.t, a, b));
    return { locs: shown.map((p) => p.t), labels: shown.map((p) => p.label), offsetText: "", minor: [] };
  }
  if (spec.scale === "log") {
    const { major, minor } = logTicks(a, b, autoBins(length, fontSize, which));
    const locs = major.filter((t) => inView(t, a, b));
    const labels = locs.map((t) => {
      const k = decadeOf(t);
      return k === null ? "" : `$\\mathdefault{10^{${String(k).replace("-", "\u2212")}}}$`;
    });
    return { locs, labels, offsetText: "", minor: minor.filter((t) => inView(t, a, b)) };
  }
  const raw = maxNTicks(Math.min(a, b), Math.max(a, b), { nbins: autoBins(length, fontSize, which) });
  const { labels, offsetText } = scalarLabels(raw, a, b);
  const locs: number[] = [];
  const shown: string[] = [];
  raw.forEach((t, i) => {
    if (inView(t, a, b)) {
      locs.push(t);
      shown.push(labels[i]);
    }
  });
  return { locs, labels: shown, offsetText, minor: [] };
}

function gridSvg(d: string, style: AxesSpec["gridStyle"]): SvgNode {
  if (style === null)
    return svg("path", {
      d,
      fill: "none",
      stroke: GRID_COLOUR,
      "stroke-width": 0.8,
      "stroke-linecap": "square",
    });
  const attrs: Record<string, string | number> = {
    d,
    fill: "none",
    ...strokeAttrs(style.color, style.width),
  };
  const dashes = dashArray(style.style, style.width);
  if (dashes !== null) attrs["stroke-dasharray"] = dashes;
  return svg("path", attrs);
}

function line(x1: number, y1: number, x2: number, y2: number): string {
  return `M${num(x1)} ${num(y1)}L${num(x2)} ${num(y2)}`;
}

export function axesSvg(
  axes: AxesSpec,
  page: { width: number; height: number; fontSize: number },
  ctx: Omit<DrawContext, "frame">,
): SvgNode {
  const frame = axesFrame(axes, page.width, page.height);
  const draw: DrawContext = { ...ctx, frame };
  ctx.extent.add({
    left: frame.left,
    top: frame.top,
    right: frame.left + frame.width,
    bottom: frame.top + frame.height,
  });
  const fs = page.fontSize;
  const children: SvgNode[] = [];
  const { left, top, width, height } = frame;
  const bottom = top + height;
  const right = left + width;
  children.push(
    svg("rect", {
      x: num(left),
      y: num(top),
      width: num(width),
      height: num(height),
      ...fillAttrs(axes.facecolor),
    }),
  );

  const xt = axisTicks(axes.x, frame.xlim, width, "x", fs);
  const yt = axisTicks(axes.y, frame.ylim, height, "y", fs);

  const clipId = ctx.id("clip");
  ctx.defs.push(
    svg("clipPath", { id: clipId }, [
      svg("rect", { x: num(left), y: num(top), width: num(width), height: num(height) }),
    ]),
  );
  // artists in z-order (stable), the grid among them at matplotlib's 1.5 ("below lines")
  const layers: { z: number; node: SvgNode; clipped: boolean }[] = [];
  axes.artists.forEach((artist) => {
    const node = artistSvg(artist, draw);
    if (node) layers.push({ z: artist.zorder, node, clipped: artist.kind !== "text" });
  });
  if (axes.axisOn && (axes.grid.x || axes.grid.y)) {
    const d: string[] = [];
    if (axes.grid.x) for (const t of xt.locs) d.push(line(frame.px(t), top, frame.px(t), bottom));
    if (axes.grid.y) for (const t of yt.locs) d.push(line(left, frame.py(t), right, frame.py(t)));
    if (d.length > 0)
      layers.push({
        z: 1.5,
        node: gridSvg(d.join(""), axes.gridStyle),
        clipped: true,
      });
  }
  layers.sort((a, b) => a.z - b.z);
  let run: SvgNode[] = [];
  const flush = () => {
    if (run.length > 0) children.push(svg("g", { "clip-path": `url(#${clipId})` }, run));
    run = [];
  };
  for (const layer of layers) {
    if (layer.clipped) run.push(layer.node);
    else {
      flush();
      children.push(layer.node);
    }
  }
  flush();

  if (axes.axisOn) children.push(...decorations(axes, frame, xt, yt, fs, ctx.extent));
  const titleStyle = axes.titleStyle;
  const titleSize = titleStyle?.size ?? 1.2 * fs;
  const titles: [string, "left" | "center" | "right", number][] = [
    [axes.title.left, "left", left],
    [axes.title.center, "center", left + width / 2],
    [axes.title.right, "right", right],
  ];
  for (const [text, ha, x] of titles) {
    const node = textSvg(
      text,
      x,
      top - TITLE_PAD,
      { size: titleSize, color: titleStyle?.color ?? BLACK, weight: titleStyle?.weight },
      { ha, va: "baseline" },
      ctx.extent,
    );
    if (node) children.push(node);
  }
  if (axes.legend) {
    const legend = legendSvg(axes.legend, frame, axes.artists);
    if (legend) children.push(legend);
  }
  return svg("g", { class: "axes" }, children);
}

function decorations(
  axes: AxesSpec,
  frame: AxesFrame,
  xt: AxisTicks,
  yt: AxisTicks,
  fs: number,
  extent: Extent,
): SvgNode[] {
  const out: SvgNode[] = [];
  const { left, top, width, height } = frame;
  const bottom = top + height;
  const right = left + width;
  out.push(
    svg("path", {
      d: `M${num(left)} ${num(top)}L${num(right)} ${num(top)}L${num(right)} ${num(bottom)}L${num(left)} ${num(bottom)}Z`,
      fill: "none",
      stroke: "#000000",
      "stroke-width": 0.8,
      "stroke-linejoin": "miter",
      "stroke-linecap": "square",
    }),
  );
  const ticks: string[] = [];
  const minor: string[] = [];
  for (const t of xt.locs) ticks.push(line(frame.px(t), bottom, frame.px(t), bottom + TICK));
  // a colorbar's axis is on the right: ticks point right, labels and the axis label follow them
  const onRight = axes.y.side === "right";
  const yEdge = onRight ? right : left;
  const out1 = onRight ? 1 : -1;
  for (const t of yt.locs) ticks.push(line(yEdge + out1 * TICK, frame.py(t), yEdge, frame.py(t)));
  for (const t of xt.minor) minor.push(line(frame.px(t), bottom, frame.px(t), bottom + 2));
  for (const t of yt.minor) minor.push(line(yEdge + out1 * 2, frame.py(t), yEdge, frame.py(t)));
  if (ticks.length > 0) out.push(svg("path", { d: ticks.join(""), stroke: "#000000", "stroke-width": 0.8 }));
  if (minor.length > 0) out.push(svg("path", { d: minor.join(""), stroke: "#000000", "stroke-width": 0.6 }));

  const style = { size: fs, color: BLACK };
  let xLabelsBottom = bottom + TICK + TICK_PAD;
  const yLabelsAt = yEdge + out1 * (TICK + TICK_PAD);
  // the tick labels' outer edge: the axis label goes beyond it
  let yLabelsOuter = yLabelsAt;
  const xRotation = axes.x.tickRotation;
  xt.locs.forEach((t, i) => {
    const at = { ha: "center", va: "top", rotation: xRotation } as const;
    const node = textSvg(xt.labels[i], frame.px(t), bottom + TICK + TICK_PAD, style, at, extent);
    if (!node) return;
    out.push(node);
    xLabelsBottom = Math.max(
      xLabelsBottom,
      textBounds(xt.labels[i], frame.px(t), bottom + TICK + TICK_PAD, fs, at).bottom,
    );
  });
  yt.locs.forEach((t, i) => {
    const at = {
      ha: onRight ? "left" : "right",
      va: "center_baseline",
      rotation: axes.y.tickRotation,
    } as const;
    const node = textSvg(yt.labels[i], yLabelsAt, frame.py(t), style, at, extent);
    if (!node) return;
    out.push(node);
    const bounds = textBounds(yt.labels[i], yLabelsAt, frame.py(t), fs, at);
    yLabelsOuter = onRight ? Math.max(yLabelsOuter, bounds.right) : Math.min(yLabelsOuter, bounds.left);
  });
  const xOffset = textSvg(xt.offsetText, right, xLabelsBottom + 1, style, { ha: "right", va: "top" }, extent);
  if (xOffset) {
    out.push(xOffset);
    xLabelsBottom += 0.968 * fs + 1;
  }
  const yOffset = textSvg(
    yt.offsetText,
    yEdge,
    top - 4,
    style,
    { ha: onRight ? "right" : "left", va: "baseline" },
    extent,
  );
  if (yOffset) out.push(yOffset);
  const labelStyle = (spec: AxisSpec) => ({
    size: spec.labelStyle?.size ?? fs,
    color: spec.labelStyle?.color ?? BLACK,
    weight: spec.labelStyle?.weight,
  });
  const xlabel = textSvg(
    axes.x.label,
    left + width / 2,
    xLabelsBottom + LABEL_PAD,
    labelStyle(axes.x),
    { ha: "center", va: "top" },
    extent,
  );
  if (xlabel) out.push(xlabel);
  const ylabel = textSvg(
    axes.y.label,
    yLabelsOuter + out1 * LABEL_PAD,
    top + height / 2,
    labelStyle(axes.y),
    { ha: "center", va: onRight ? "top" : "bottom", rotation: 90, rotationMode: "anchor" },
    extent,
  );
  if (ylabel) out.push(ylabel);
  return out;
}
