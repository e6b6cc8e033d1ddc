import { svg, type SvgNode } from "../view/render/svgTree";
import { dashArray, fillAttrs, markersSvg, strokeAttrs, type DrawContext } from "./artistSvg";
import type { Limits } from "./autoscale";
import type { Rgba } from "./colours";
import type { ArtistSpec, Line3DArtist, Poly3DArtist, Scatter3DArtist } from "./figureSpec";
import { project, type Matrix4 } from "./projection3d";
import { polylinePath } from "./svgNumbers";

/**
 * The artists of a 3-D axes, projected and drawn as mplot3d draws them: collections (scatter
 * points, surface faces, wireframes) ordered among themselves far to near, each sorted within
 * itself far to near, drawn above lines.
 */

/** A 3-D axes' square box on the page, its data limits and projection. */
export interface Frame3D {
  left: number;
  top: number;
  size: number;
  lims: { x: Limits; y: Limits; z: Limits };
  m: Matrix4;
  /** The 2-D view coordinates a point projects to → page points. */
  px(x: number): number;
  py(y: number): number;
}

type Ctx = Pick<DrawContext, "id" | "defs">;

interface Drawn {
  z: number;
  order: number;
  node: SvgNode;
}

export function artists3dSvg(artists: readonly ArtistSpec[], f: Frame3D, ctx: Ctx): SvgNode[] {
  // collections are given zorders 2.5, 3.5, … (above the axes' 1.5) from the farthest
  // (largest depth) to the nearest: above lines (2) and, but for the first, above texts (3)
  const collections = artists
    .map((a, order) => ({ a, order, depth: collectionDepth(a, f.m) }))
    .filter((c) => c.depth !== null)
    .sort((p, q) => (q.depth as number) - (p.depth as number));
  const zorders = new Map<ArtistSpec, number>();
  collections.forEach((c, k) => zorders.set(c.a, 2.5 + k));
  const drawn: Drawn[] = [];
  artists.forEach((a, order) => {
    let node: SvgNode | null = null;
    if (a.kind === "scatter3d") node = scatterSvg(a, f, ctx);
    else if (a.kind === "poly3d") node = polysSvg(a, f);
    else if (a.kind === "line3d") node = lineSvg(a, f, ctx);
    if (node) drawn.push({ z: zorders.get(a) ?? a.zorder, order, node });
  });
  drawn.sort((p, q) => p.z - q.z || p.order - q.order);
  return drawn.map((d) => d.node);
}

/** A collection's place in the far-to-near order (mplot3d's `do_3d_projection` value); null: not a collection. */
function collectionDepth(a: ArtistSpec, m: Matrix4): number | null {
  let lo = Infinity;
  if (a.kind === "scatter3d") {
    for (let i = 0; i < a.x.length; i++) lo = Math.min(lo, project(m, a.x[i], a.y[i], a.z[i])[2]);
  } else if (a.kind === "poly3d") {
    for (const piece of a.pieces)
      for (let k = 0; k + 2 < piece.length; k += 3)
        lo = Math.min(lo, project(m, piece[k], piece[k + 1], piece[k + 2])[2]);
  } else return null;
  return Number.isFinite(lo) ? lo : Number.NaN;
}

/** Colours made fainter with depth: the nearest keeps its alpha, the farthest keeps 30% of it. */
function depthShaded(colours: readonly Rgba[], depths: readonly number[]): Rgba[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const d of depths) {
    lo = Math.min(lo, d);
    hi = Math.max(hi, d);
  }
  return depths.map((d, i) => {
    const c = colours[colours.length === 1 ? 0 : i];
    const t = hi > lo ? (d - lo) / (hi - lo) : 0;
    return [c[0], c[1], c[2], c[3] * (1 - t * 0.7)];
  });
}

function scatterSvg(a: Scatter3DArtist, f: Frame3D, ctx: Ctx): SvgNode | null {
  const n = a.x.length;
  const projected = Array.from({ length: n }, (_, i) => project(f.m, a.x[i], a.y[i], a.z[i]));
  const depths = projected.map((p) => p[2]);
  const pick = <T>(list: readonly T[], i: number): T => list[list.length === 1 ? 0 : i];
  let faces: Rgba[] =
    a.colors.length === 1 ? [a.colors[0]] : Array.from({ length: n }, (_, i) => a.colors[i]);
  let edges = a.edgecolors;
  if (a.depthshade) {
    faces = depthShaded(a.colors, depths);
    if (edges !== null) edges = depthShaded(edges, depths);
  }
  // far to near
  const order = Array.from({ length: n }, (_, i) => i).sort((p, q) => depths[q] - depths[p]);
  const points = order.map((i) => [f.px(projected[i][0]), f.py(projected[i][1])] as [number, number]);
  const sortedFaces = faces.length === 1 ? faces : order.map((i) => faces[i]);
  const sortedEdges = edges === null ? null : edges.length === 1 ? edges : order.map((i) => pick(edges, i));
  const sizes = (a.sizes.length === 1 ? a.sizes : order.map((i) => a.sizes[i])).map((s) => Math.sqrt(s));
  return markersSvg(points, a.marker, sizes, sortedFaces, sortedEdges, a.linewidth, ctx);
}

function lineSvg(a: Line3DArtist, f: Frame3D, ctx: Ctx): SvgNode | null {
  const points = a.x.map((x, i) => {
    const [px, py] = project(f.m, x, a.y[i], a.z[i]);
    return [f.px(px), f.py(py)] as [number, number];
  });
  const children: SvgNode[] = [];
  if (a.style !== "" && a.width > 0 && a.color[3] > 0) {
    const d = polylinePath(points);
    const attrs: Record<string, string | number> = {
      d,
      fill: "none",
      ...strokeAttrs(a.color, a.width),
      "stroke-linejoin": "round",
      "stroke-linecap": a.style === "-" ? "square" : "butt",
    };
    const dashes = dashArray(a.style, a.width);
    if (dashes !== null) attrs["stroke-dasharray"] = dashes;
    if (d !== "") children.push(svg("path", attrs));
  }
  if (a.marker !== null) {
    const marks = markersSvg(points, a.marker, [a.markerSize], [a.markerFace], [a.markerEdge], 1, ctx);
    if (marks) children.push(marks);
  }
  if (children.length === 0) return null;
  return children.length === 1 ? children[0] : svg("g", {}, children);
}

function polysSvg(a: Poly3DArtist, f: Frame3D): SvgNode | null {
  const pieces = a.pieces.map((piece, index) => {
    const pts: [number, number][] = [];
    let depth = 0;
    for (let k = 0; k + 2 < piece.length; k += 3) {
      const [x, y, z] = project(f.m, piece[k], piece[k + 1], piece[k + 2]);
      pts.push([f.px(x), f.py(y)]);
      depth += z;
    }
    return { pts, depth: depth / Math.max(1, pts.length), index };
  });
  const colourOf = (list: readonly Rgba[], i: number) => list[list.length === 1 ? 0 : i];
  const nodes: SvgNode[] = [];
  if (a.faces === null) {
    // lines (a wireframe): drawn in the order given
    if (a.edges === null || a.linewidth <= 0) return null;
    for (const p of pieces) {
      const d = polylinePath(p.pts);
      if (d === "") continue;
      nodes.push(
        svg("path", {
          d,
          fill: "none",
          ...strokeAttrs(colourOf(a.edges, p.index), a.linewidth),
          "stroke-linecap": "square",
        }),
      );
    }
  } else {
    // faces far to near (the mean depth of their corners)
    pieces.sort((p, q) => q.depth - p.depth);
    for (const p of pieces) {
      const d = polylinePath(p.pts);
      if (d === "") continue;
      const face = colourOf(a.faces, p.index);
      const attrs: Record<string, string | number> = { d: d + "Z", ...fillAttrs(face) };
      if (a.edges !== null && a.linewidth > 0) {
        Object.assign(attrs, strokeAttrs(colourOf(a.edges, p.index), a.linewidth), {
          "stroke-linejoin": "round",
        });
      } else if (face[3] === 1) {
        // a hairline of the face's colour closes the anti-aliasing seams between faces
        Object.assign(attrs, strokeAttrs(face, 0.3), { "stroke-linejoin": "round" });
      }
      nodes.push(svg("path", attrs));
    }
  }
  return nodes.length === 0 ? null : svg("g", {}, nodes);
}
