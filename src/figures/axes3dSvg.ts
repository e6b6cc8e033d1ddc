import { svg, type SvgNode } from "../view/render/svgTree";
import { artists3dSvg, type Frame3D } from "./artists3dSvg";
import { dashArray, fillAttrs, strokeAttrs, type DrawContext } from "./artistSvg";
import { viewLimits3d, type Limits } from "./autoscale";
import { axisTicks } from "./axesSvg";
import { BLACK, type Rgba } from "./colours";
import type { AxesFrame } from "./axesFrame";
import type { ArtistSpec, AxesSpec, AxisSpec } from "./figureSpec";
import { legendSvg } from "./legendSvg";
import { normTextAngle, project, projectionMatrix, VIEW_2D, type Matrix4, type Vec3 } from "./projection3d";
import { num } from "./svgNumbers";
import { textSvg } from "./textSvg";

/**
 * A 3-D axes as mplot3d draws it: a square box in the middle of its slot, the three grey
 * panes at the back of the data's box, then for each axis its black edge line, its label, its
 * grid lines across the two panes that meet there and its ticks with their labels, then the
 * artists (far collections first), and the title above the box.
 */

/** The panes' colours (x, y, z), half transparent. */
export const PANE_COLOURS: Rgba[] = [
  [0.95, 0.95, 0.95, 0.5],
  [0.9, 0.9, 0.9, 0.5],
  [0.925, 0.925, 0.925, 0.5],
];

/** Corners of the data box (mplot3d's unit cube order) and the faces they make, two per axis. */
const PLANES = [
  [0, 3, 7, 4],
  [1, 2, 6, 5],
  [0, 1, 5, 4],
  [3, 2, 6, 7],
  [0, 1, 2, 3],
  [4, 5, 6, 7],
];

/** Along which coordinate each axis' ticks point (z vertical): x ticks along y, y and z ticks along x. */
const TICK_DIR = [1, 0, 0];

/** Each axis' order of coordinates for finding its edge (mplot3d's "juggled"). */
const JUGGLED = [
  [1, 0, 2],
  [0, 1, 2],
  [0, 2, 1],
];

const TITLE_PAD = 6;
const LABEL_PAD = 4;
const TICK_PAD = 3.5;
const GRID_COLOUR: Rgba = [176 / 255, 176 / 255, 176 / 255, 1];

/** The axes' square box in page points and how its 2-D view coordinates map there. */
export function frame3d(axes: AxesSpec, pageWidth: number, pageHeight: number): Frame3D {
  const [fl, fb, fw, fh] = axes.position;
  const width = fw * pageWidth;
  const height = fh * pageHeight;
  const side = Math.min(width, height);
  // square, where the anchor says (the centre, or beside a colorbar)
  const [ax, ay] = axes.anchor ?? [0.5, 0.5];
  const left = fl * pageWidth + (width - side) * ax;
  const top = pageHeight - (fb + fh) * pageHeight + (height - side) * (1 - ay);
  const [v0, v1] = VIEW_2D;
  const view = axes.view3d!;
  const lims = viewLimits3d(axes);
  const m = projectionMatrix(view, lims.x, lims.y, lims.z);
  return {
    left,
    top,
    size: side,
    lims,
    m,
    px: (x) => left + ((x - v0) / (v1 - v0)) * side,
    py: (y) => top + side - ((y - v0) / (v1 - v0)) * side,
  };
}

interface Geometry {
  mins: Vec3;
  maxs: Vec3;
  centres: Vec3;
  deltas: Vec3;
  /** The projected corners of the (slightly grown) data box. */
  corners: Vec3[];
  /** For each axis, whether its far pane is the one at the high end. */
  highs: [boolean, boolean, boolean];
}

function bounds(l: Limits): [number, number] {
  return l[0] <= l[1] ? [l[0], l[1]] : [l[1], l[0]];
}

/** mplot3d's coordinate info: the box grown by a 48th of each range, projected, and which panes are behind. */
function geometry(lims: Frame3D["lims"], m: Matrix4): Geometry {
  const b = [bounds(lims.x), bounds(lims.y), bounds(lims.z)];
  const mins = b.map((x) => x[0]) as Vec3;
  const maxs = b.map((x) => x[1]) as Vec3;
  const centres = [0, 1, 2].map((i) => 0.5 * (mins[i] + maxs[i])) as Vec3;
  const deltas = [0, 1, 2].map((i) => (maxs[i] - mins[i]) / 12) as Vec3;
  for (let i = 0; i < 3; i++) {
    mins[i] -= 0.25 * deltas[i];
    maxs[i] += 0.25 * deltas[i];
  }
  const [x0, y0, z0] = mins;
  const [x1, y1, z1] = maxs;
  const cube: Vec3[] = [
    [x0, y0, z0],
    [x1, y0, z0],
    [x1, y1, z0],
    [x0, y1, z0],
    [x0, y0, z1],
    [x1, y0, z1],
    [x1, y1, z1],
    [x0, y1, z1],
  ];
  const corners = cube.map((p) => project(m, ...p));
  const meanDepth = (plane: number[]) => plane.reduce((s, k) => s + corners[k][2], 0) / plane.length;
  const highs = [0, 1, 2].map((i) => meanDepth(PLANES[2 * i]) < meanDepth(PLANES[2 * i + 1])) as [
    boolean,
    boolean,
    boolean,
  ];
  const depths = [0, 1, 2].map((i) => [meanDepth(PLANES[2 * i]), meanDepth(PLANES[2 * i + 1])]);
  const equal = depths.map(([a, c]) => Math.abs(a - c) <= Number.EPSILON);
  if (equal.filter(Boolean).length === 2) {
    // seen edge-on: keep the panes matplotlib keeps
    const vertical = equal.indexOf(false);
    if (vertical === 2) highs.splice(0, 2, true, true);
    else if (vertical === 1) highs.splice(0, 3, true, highs[1], false);
    else highs.splice(1, 2, false, false);
  }
  return { mins, maxs, centres, deltas, corners, highs };
}

/** `coord` moved away from the box's centre by `deltas` in the coordinates `mask` allows. */
function awayFromCentre(coord: Vec3, centres: Vec3, deltas: Vec3, mask: boolean[]): Vec3 {
  return coord.map((c, i) => (mask[i] ? c + Math.sign(c - centres[i] || 1) * deltas[i] : c)) as Vec3;
}

function pathOf(points: [number, number][]): string {
  return points.map(([x, y], k) => `${k === 0 ? "M" : "L"}${num(x)} ${num(y)}`).join("");
}

export function axes3dSvg(
  axes: AxesSpec,
  page: { width: number; height: number; fontSize: number },
  ctx: Omit<DrawContext, "frame">,
): SvgNode {
  const f = frame3d(axes, page.width, page.height);
  const fs = page.fontSize;
  ctx.extent.add({ left: f.left, top: f.top, right: f.left + f.size, bottom: f.top + f.size });
  const children: SvgNode[] = [
    svg("rect", {
      x: num(f.left),
      y: num(f.top),
      width: num(f.size),
      height: num(f.size),
      ...fillAttrs(axes.facecolor),
    }),
  ];
  if (axes.axisOn) children.push(...axesDecorations(axes, f, fs, ctx));
  const clipId = ctx.id("clip");
  ctx.defs.push(
    svg("clipPath", { id: clipId }, [
      svg("rect", { x: num(f.left), y: num(f.top), width: num(f.size), height: num(f.size) }),
    ]),
  );
  const drawn = artists3dSvg(axes.artists, f, ctx);
  if (drawn.length > 0) children.push(svg("g", { "clip-path": `url(#${clipId})` }, drawn));
  // texts at points in space, unclipped, above the rest
  for (const a of axes.artists) {
    if (a.kind !== "text" || a.z === undefined) continue;
    const [x, y] = project(f.m, a.x, a.y, a.z);
    const node = textSvg(
      a.text,
      f.px(x),
      f.py(y),
      { size: a.fontSize, color: a.color, weight: a.weight },
      { ha: a.ha, va: a.va, rotation: a.rotation },
      ctx.extent,
    );
    if (node) children.push(node);
  }
  const titleStyle = axes.titleStyle;
  const titleSize = titleStyle?.size ?? 1.2 * fs;
  const titles: [string, "left" | "center" | "right", number][] = [
    [axes.title.left, "left", f.left],
    [axes.title.center, "center", f.left + f.size / 2],
    [axes.title.right, "right", f.left + f.size],
  ];
  for (const [text, ha, x] of titles) {
    const node = textSvg(
      text,
      x,
      f.top - TITLE_PAD,
      { size: titleSize, color: titleStyle?.color ?? BLACK, weight: titleStyle?.weight },
      { ha, va: "baseline" },
      ctx.extent,
    );
    if (node) children.push(node);
  }
  if (axes.legend) {
    const legend = legendSvg(axes.legend, flatFrame(f), projectedArtists(axes, f));
    if (legend) children.push(legend);
  }
  return svg("g", { class: "axes axes3d" }, children);
}

/** The box as a 2-D axes over the view coordinates, where a legend places itself. */
function flatFrame(f: Frame3D): AxesFrame {
  return {
    left: f.left,
    top: f.top,
    width: f.size,
    height: f.size,
    xlim: VIEW_2D,
    ylim: VIEW_2D,
    xscale: "linear",
    yscale: "linear",
    px: f.px,
    py: f.py,
  };
}

/** Lines and points as drawn (in view coordinates), for a legend's `loc='best'` to avoid. */
function projectedArtists(axes: AxesSpec, f: Frame3D): ArtistSpec[] {
  const out: ArtistSpec[] = [];
  for (const a of axes.artists) {
    if (a.kind !== "line3d" && a.kind !== "scatter3d") continue;
    const p = a.x.map((x, i) => project(f.m, x, a.y[i], a.z[i]));
    const x = p.map((q) => q[0]);
    const y = p.map((q) => q[1]);
    if (a.kind === "line3d") out.push({ ...a, kind: "line", x, y, coords: "data", steps: "default" });
    else out.push({ ...a, kind: "scatter", x, y });
  }
  return out;
}

type Point = [number, number];

/** One axis of a 3-D axes laid out in the 2-D view coordinates (before the page). */
export interface Axis3DLayout {
  /** The pane behind the data, across this axis' normal. */
  pane: Point[];
  line: [Point, Point];
  label: { at: Point; rotation: number };
  ticks: { loc: number; text: string; at: Point; line: [Point, Point] }[];
  /** Each grid line: from one pane's edge, through the panes' meeting line, to the other's. */
  grid: [Point, Point, Point][];
}

/** Where mplot3d puts the panes, axis lines, labels, ticks and grid of each axis (x, y, z). */
export function axes3dLayout(axes: AxesSpec, f: Frame3D, fontSize: number): Axis3DLayout[] {
  const g = geometry(f.lims, f.m);
  const view = (p: Vec3): Point => {
    const [x, y] = project(f.m, ...p);
    return [x, y];
  };
  const minmax = [0, 1, 2].map((i) => (g.highs[i] ? g.maxs[i] : g.mins[i])) as Vec3;
  const maxmin = [0, 1, 2].map((i) => (g.highs[i] ? g.mins[i] : g.maxs[i])) as Vec3;
  // a rough size of a point in data units along each axis, as mplot3d estimates it
  const deltasPerPoint = 48 / (2 * f.size);
  const specs: AxisSpec[] = [axes.x, axes.y, axes.view3d!.z];
  const lims = [f.lims.x, f.lims.y, f.lims.z];
  return specs.map((spec, i) => {
    const plane = PLANES[2 * i + (g.highs[i] ? 1 : 0)];
    const pane = plane.map((k) => [g.corners[k][0], g.corners[k][1]] as Point);
    const jug = JUGGLED[i];
    const edge1 = [...minmax] as Vec3;
    edge1[jug[0]] = maxmin[jug[0]];
    const edge2 = [...edge1] as Vec3;
    edge2[jug[1]] = maxmin[jug[1]];
    const line: [Point, Point] = [view(edge1), view(edge2)];
    const mask = [true, true, true];
    mask[i] = false;
    // the label beyond the middle of the edge, turned along it when longer than 4 characters
    const labelDeltas = g.deltas.map((d) => (LABEL_PAD + 21) * deltasPerPoint * d) as Vec3;
    const mid = [0, 1, 2].map((k) => 0.5 * (edge1[k] + edge2[k])) as Vec3;
    const along = (Math.atan2(line[1][1] - line[0][1], line[1][0] - line[0][0]) * 180) / Math.PI;
    const label = {
      at: view(awayFromCentre(mid, g.centres, labelDeltas, mask)),
      rotation: spec.label.length > 4 ? normTextAngle(along) : 0,
    };
    const ticks = axisTicks(spec, lims[i], f.size, "x", fontSize);
    const grid: [Point, Point, Point][] = [];
    const a = (i + 1) % 3;
    const b = (i + 2) % 3;
    for (const t of ticks.locs) {
      const at = [...minmax] as Vec3;
      at[i] = t;
      const p0 = [...at] as Vec3;
      p0[a] = maxmin[a];
      const p2 = [...at] as Vec3;
      p2[b] = maxmin[b];
      grid.push([view(p0), view(at), view(p2)]);
    }
    // ticks: a little outward and inward of the edge, along their own direction
    const dir = TICK_DIR[i];
    const tickDelta = g.highs[dir] ? g.deltas[dir] : -g.deltas[dir];
    const outAt = edge1[dir] + 0.1 * tickDelta;
    const inAt = edge1[dir] - 0.2 * tickDelta;
    const tickLabelDeltas = g.deltas.map((d) => (TICK_PAD + 8) * deltasPerPoint * d) as Vec3;
    const tickList = ticks.locs.map((loc, k) => {
      const pos = [...edge1] as Vec3;
      pos[i] = loc;
      pos[dir] = outAt;
      const p1 = view(pos);
      pos[dir] = inAt;
      const p2 = view(pos);
      pos[dir] = edge1[dir];
      const at = view(awayFromCentre(pos, g.centres, tickLabelDeltas, mask));
      return { loc, text: ticks.labels[k], at, line: [p1, p2] as [Point, Point] };
    });
    return { pane, line, label, ticks: tickList, grid };
  });
}

/** Each axis drawn in mplot3d's order: the panes first, then per axis its line, label, grid and ticks. */
function axesDecorations(axes: AxesSpec, f: Frame3D, fs: number, ctx: Omit<DrawContext, "frame">): SvgNode[] {
  const layout = axes3dLayout(axes, f, fs);
  const page = (p: Point): Point => [f.px(p[0]), f.py(p[1])];
  const out: SvgNode[] = layout.map((axis, i) => {
    const pane = axes.view3d!.panes?.[i] ?? { face: PANE_COLOURS[i], edge: PANE_COLOURS[i] };
    // an open polygon, as mplot3d's: filled whole, its edge stroked along three sides
    return svg("path", {
      d: pathOf(axis.pane.map(page)),
      ...(pane.face === null ? { fill: "none" } : fillAttrs(pane.face)),
      ...strokeAttrs(pane.edge, 1),
      "stroke-linejoin": "miter",
    });
  });
  const specs: AxisSpec[] = [axes.x, axes.y, axes.view3d!.z];
  layout.forEach((axis, i) => {
    const spec = specs[i];
    out.push(
      svg("path", {
        d: pathOf(axis.line.map(page)),
        fill: "none",
        ...strokeAttrs(BLACK, 0.8),
        "stroke-linecap": "square",
      }),
    );
    const [lx, ly] = page(axis.label.at);
    const label = textSvg(
      spec.label,
      lx,
      ly,
      {
        size: spec.labelStyle?.size ?? fs,
        color: spec.labelStyle?.color ?? BLACK,
        weight: spec.labelStyle?.weight,
      },
      { ha: "center", va: "center", rotation: axis.label.rotation },
      ctx.extent,
    );
    if (label) out.push(label);
    if (axes.grid.x && axis.grid.length > 0) {
      const style = axes.gridStyle;
      const attrs: Record<string, string | number> = {
        d: axis.grid.map((l) => pathOf(l.map(page))).join(""),
        fill: "none",
        ...strokeAttrs(style?.color ?? GRID_COLOUR, style?.width ?? 0.8),
        "stroke-linecap": "square",
      };
      const dashes = style ? dashArray(style.style, style.width) : null;
      if (dashes !== null) attrs["stroke-dasharray"] = dashes;
      out.push(svg("path", attrs));
    }
    for (const t of axis.ticks) {
      const [tx, ty] = page(t.at);
      const node = textSvg(
        t.text,
        tx,
        ty,
        { size: fs, color: BLACK },
        { ha: "center", va: "top", rotation: spec.tickRotation },
        ctx.extent,
      );
      if (node) out.push(node);
    }
    if (axis.ticks.length > 0)
      out.push(
        svg("path", {
          d: axis.ticks.map((t) => pathOf(t.line.map(page))).join(""),
          fill: "none",
          ...strokeAttrs(BLACK, 0.8),
        }),
      );
  });
  return out;
}
