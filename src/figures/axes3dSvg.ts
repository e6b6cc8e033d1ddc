import { svg, type SvgNode } from "../view/render/svgTree";
import { artists3dSvg, type Frame3D } from "./artists3dSvg";
import { dashArray, fillAttrs, strokeAttrs, type DrawContext } from "./artistSvg";
import { viewLimits3d, type Limits } from "./autoscale";
import { axisTicks } from "./axesSvg";
import { BLACK, type Rgba } from "./colours";
import type { AxesSpec, AxisSpec, View3D } from "./figureSpec";
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
const PANES: Rgba[] = [
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
  const left = fl * pageWidth + (width - side) / 2;
  const top = pageHeight - (fb + fh) * pageHeight + (height - side) / 2;
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
  const view = axes.view3d!;
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
  if (axes.axisOn) children.push(...axesDecorations(axes, view, f, fs, ctx));
  const clipId = ctx.id("clip");
  ctx.defs.push(
    svg("clipPath", { id: clipId }, [
      svg("rect", { x: num(f.left), y: num(f.top), width: num(f.size), height: num(f.size) }),
    ]),
  );
  const drawn = artists3dSvg(axes.artists, f, ctx);
  if (drawn.length > 0) children.push(svg("g", { "clip-path": `url(#${clipId})` }, drawn));
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
  return svg("g", { class: "axes axes3d" }, children);
}

function axesDecorations(
  axes: AxesSpec,
  view: View3D,
  f: Frame3D,
  fs: number,
  ctx: Omit<DrawContext, "frame">,
): SvgNode[] {
  const g = geometry(f.lims, f.m);
  const out: SvgNode[] = [];
  const to2d = (p: Vec3): [number, number] => {
    const [x, y] = project(f.m, ...p);
    return [f.px(x), f.py(y)];
  };
  // the panes: for each axis, the face of the box behind the data
  for (let i = 0; i < 3; i++) {
    const plane = PLANES[2 * i + (g.highs[i] ? 1 : 0)];
    const pts = plane.map((k) => [f.px(g.corners[k][0]), f.py(g.corners[k][1])] as [number, number]);
    out.push(
      svg("path", {
        d: pathOf(pts) + "Z",
        ...fillAttrs(PANES[i]),
        ...strokeAttrs(PANES[i], 1),
        "stroke-linejoin": "miter",
      }),
    );
  }
  const minmax = [0, 1, 2].map((i) => (g.highs[i] ? g.maxs[i] : g.mins[i])) as Vec3;
  const maxmin = [0, 1, 2].map((i) => (g.highs[i] ? g.mins[i] : g.maxs[i])) as Vec3;
  // estimates of a point in data units along each axis, as mplot3d makes them
  const deltasPerPoint = 48 / (2 * f.size);
  const specs: AxisSpec[] = [axes.x, axes.y, view.z];
  for (let i = 0; i < 3; i++) {
    const spec = specs[i];
    const jug = JUGGLED[i];
    const edge1 = [...minmax] as Vec3;
    edge1[jug[0]] = maxmin[jug[0]];
    const edge2 = [...edge1] as Vec3;
    edge2[jug[1]] = maxmin[jug[1]];
    const [ax1, ay1] = to2d(edge1);
    const [ax2, ay2] = to2d(edge2);
    out.push(
      svg("path", {
        d: pathOf([
          [ax1, ay1],
          [ax2, ay2],
        ]),
        fill: "none",
        ...strokeAttrs(BLACK, 0.8),
        "stroke-linecap": "square",
      }),
    );
    const mask = [true, true, true];
    mask[i] = false;
    // the axis label, beyond the middle of the edge, turned along it when longer than 4 characters
    const labelDeltas = g.deltas.map((d) => (LABEL_PAD + 21) * deltasPerPoint * d) as Vec3;
    const mid = [0, 1, 2].map((k) => 0.5 * (edge1[k] + edge2[k])) as Vec3;
    const [lx, ly] = to2d(awayFromCentre(mid, g.centres, labelDeltas, mask));
    const angle = normTextAngle((Math.atan2(-(ay2 - ay1), ax2 - ax1) * 180) / Math.PI);
    const label = textSvg(
      spec.label,
      lx,
      ly,
      {
        size: spec.labelStyle?.size ?? fs,
        color: spec.labelStyle?.color ?? BLACK,
        weight: spec.labelStyle?.weight,
      },
      { ha: "center", va: "center", rotation: spec.label.length > 4 ? angle : 0 },
      ctx.extent,
    );
    if (label) out.push(label);

    const lim = i === 0 ? f.lims.x : i === 1 ? f.lims.y : f.lims.z;
    const ticks = axisTicks(spec, lim, f.size, "x", fs);
    if (axes.grid.x && ticks.locs.length > 0) {
      // each grid line runs across the two panes that meet along this axis
      const a = (i + 1) % 3;
      const b = (i + 2) % 3;
      const d: string[] = [];
      for (const t of ticks.locs) {
        const at = [...minmax] as Vec3;
        at[i] = t;
        const p0 = [...at] as Vec3;
        p0[a] = maxmin[a];
        const p2 = [...at] as Vec3;
        p2[b] = maxmin[b];
        d.push(pathOf([to2d(p0), to2d(at), to2d(p2)]));
      }
      const style = axes.gridStyle;
      const attrs: Record<string, string | number> = {
        d: d.join(""),
        fill: "none",
        ...strokeAttrs(style?.color ?? GRID_COLOUR, style?.width ?? 0.8),
        "stroke-linecap": "square",
      };
      const dashes = style ? dashArray(style.style, style.width) : null;
      if (dashes !== null) attrs["stroke-dasharray"] = dashes;
      out.push(svg("path", attrs));
    }
    // ticks: a little outward and inward of the edge, along their own direction
    const dir = TICK_DIR[i];
    const tickDelta = g.highs[dir] ? g.deltas[dir] : -g.deltas[dir];
    const outAt = edge1[dir] + 0.1 * tickDelta;
    const inAt = edge1[dir] - 0.2 * tickDelta;
    const tickLabelDeltas = g.deltas.map((d) => (TICK_PAD + 8) * deltasPerPoint * d) as Vec3;
    const tickPaths: string[] = [];
    ticks.locs.forEach((t, k) => {
      const pos = [...edge1] as Vec3;
      pos[i] = t;
      pos[dir] = outAt;
      const p1 = to2d(pos);
      pos[dir] = inAt;
      const p2 = to2d(pos);
      tickPaths.push(pathOf([p1, p2]));
      pos[dir] = edge1[dir];
      const [tx, ty] = to2d(awayFromCentre(pos, g.centres, tickLabelDeltas, mask));
      const node = textSvg(
        ticks.labels[k],
        tx,
        ty,
        { size: fs, color: BLACK },
        { ha: "center", va: "top", rotation: spec.tickRotation },
        ctx.extent,
      );
      if (node) out.push(node);
    });
    if (tickPaths.length > 0)
      out.push(svg("path", { d: tickPaths.join(""), fill: "none", ...strokeAttrs(BLACK, 0.8) }));
  }
  return out;
}
