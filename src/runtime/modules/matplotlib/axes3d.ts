import { normalise } from "../../../figures/colormaps";
import { cycleColour, withAlpha, type Rgba } from "../../../figures/colours";
import type {
  ArtistSpec,
  ContourArtist,
  Line3DArtist,
  Poly3DArtist,
  Scatter3DArtist,
} from "../../../figures/figureSpec";
import { projectionMatrix } from "../../../figures/projection3d";
import { viewLimits3d } from "../../../figures/autoscale";
import { PyList, PyTuple, type PyValue } from "../../interpreter/objects";
import { typeError, UnsupportedError, valueError } from "../../interpreter/pyErrors";
import { setLabel, setMany, text } from "./axesDecor";
import { SETTERS } from "./axesMethods";
import { currentTicks, setLimits, setTickLabels, setTicks } from "./axesAxis";
import { nextLineColour, plot, scatter, type AxesMethod } from "./axesPlotting";
import { noteMappable } from "./colorbar";
import { contour } from "./axesImages";
import { isolineSegments } from "../../../figures/marchingSquares";
import { intArgument, Keywords, numberArg, textArg } from "./keywordArgs";
import { numberArray, shapeText, type NumberArray } from "./plotData";
import { pyArray, pyMatrix } from "./pyArrays";
import { truthy } from "../../interpreter/operators";
import { ArtistObject, type AxesState, type PlotState } from "./plotState";
import { alphaArg, colormapArg, colourArg } from "./styleArgs";

/**
 * The methods of a 3-D axes (`projection='3d'`, mplot3d's Axes3D): `scatter`, `plot`,
 * `plot_surface`, `plot_wireframe`, the z axis (`set_zlabel`, `set_zlim`) and the view
 * (`view_init`). Points and lines are read as the 2-D methods read them, then given their z.
 * Methods whose 2-D drawing mplot3d does not reproduce in 3-D are refused by name.
 */

/** `zs` for n points: one number for all, or one each. */
function zValues(ps: PlotState, v: PyValue | undefined, n: number): number[] {
  if (v === undefined || v === null) return new Array<number>(n).fill(0);
  const z = numberArray(ps.interp, v, "zs").values;
  if (z.length === 1) return new Array<number>(n).fill(z[0]);
  if (z.length !== n)
    throw valueError(
      `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (${n},) and arg 2 with shape (${z.length},).`,
    );
  return z;
}

/** mplot3d's `zdir`: which data axis the third coordinate goes along. */
function juggle(
  zdir: PyValue | undefined,
  x: number[],
  y: number[],
  z: number[],
): [number[], number[], number[]] {
  if (zdir === undefined || zdir === "z") return [x, y, z];
  if (zdir === "x") return [z, x, y];
  if (zdir === "y") return [x, z, y];
  throw new UnsupportedError(`zdir=${String(zdir)} is not supported by GradLens (use 'x', 'y' or 'z')`);
}

/** Turns an artist a 2-D method made into its 3-D kind, in place (its Python object and colorbar link stay). */
function lift<T extends ArtistSpec>(artist: ArtistSpec, extra: Partial<T> & { kind: T["kind"] }): T {
  return Object.assign(artist, extra) as unknown as T;
}

const scatter3d: AxesMethod = (ps, ax, args, kwargs) => {
  const kw = new Map(kwargs ?? []);
  const pick = (i: number, name: string): PyValue | undefined => {
    const v = args[i] ?? kw.get(name);
    kw.delete(name);
    return v;
  };
  const xs = pick(0, "xs");
  const ys = pick(1, "ys");
  const zs = pick(2, "zs");
  const zdir = pick(3, "zdir");
  const s = pick(4, "s");
  const c = pick(5, "c");
  const depthshade = pick(6, "depthshade");
  if (args.length > 7) throw typeError("scatter() takes from 3 to 8 positional arguments");
  if (xs === undefined || ys === undefined)
    throw typeError("scatter() missing 2 required positional arguments: 'xs' and 'ys'");
  // mplot3d's markers are 20 pt² unless sized
  kw.set("s", s ?? 20);
  if (c !== undefined) kw.set("c", c);
  const obj = scatter(ps, ax, [xs, ys], kw) as ArtistObject;
  const flat = obj.artist as Scatter3DArtist;
  const [jx, jy, jz] = juggle(zdir, flat.x, flat.y, zValues(ps, zs, flat.x.length));
  lift<Scatter3DArtist>(obj.artist, {
    kind: "scatter3d",
    x: jx,
    y: jy,
    z: jz,
    depthshade: depthshade === undefined || truthy(ps.interp, depthshade),
  });
  // mplot3d's z margin is 0 until a scatter makes it 5%
  const view = ax.spec.view3d!;
  if (view.zMargin < 0.05 && jx.length > 0) view.zMargin = 0.05;
  return obj;
};

/**
 * `ax.contour(X, Y, Z)` / `contour3D`: the 2-D contour lines, each lifted to the height of
 * its level (or to `offset`), coloured as in 2-D; the axes scale to all of X, Y and Z.
 */
const contour3d: AxesMethod = (ps, ax, args, kwargs) => {
  const rt = ps.interp;
  const kw = new Map(kwargs ?? []);
  const take = (name: string) => {
    const v = kw.get(name);
    kw.delete(name);
    return v;
  };
  const extend3d = take("extend3d");
  take("stride");
  const zdir = take("zdir");
  const offset = numberArg(rt, take("offset"), "offset");
  if (extend3d !== undefined && truthy(rt, extend3d))
    throw new UnsupportedError("contour(extend3d=True) is not supported by GradLens");
  if (zdir !== undefined && zdir !== "z")
    throw new UnsupportedError(`contour(zdir=${rt.repr(zdir)}) is not supported by GradLens (only 'z')`);
  if (args.length < 3)
    throw typeError("Axes3D.contour() missing 2 required positional arguments: 'Y' and 'Z'");
  const obj = contour(false)(ps, ax, args, kw) as ArtistObject;
  const c = obj.artist as ContourArtist;
  const grid = { rows: c.rows, cols: c.cols, x: c.x, y: c.y, z: c.z };
  const pieces: number[][] = [];
  const edges: Rgba[] = [];
  c.levels.forEach((level, k) => {
    const h = offset ?? level;
    for (const [x1, y1, x2, y2] of isolineSegments(grid, level)) {
      pieces.push([x1, y1, h, x2, y2, h]);
      edges.push(c.colors[Math.min(k, c.colors.length - 1)]);
    }
  });
  const range = (v: number[]) => {
    const f = v.filter(Number.isFinite);
    return f.length === 0 ? [] : [Math.min(...f), Math.max(...f)];
  };
  const [x0, x1] = range(c.x);
  const [y0, y1] = range(c.y);
  const [z0, z1] = range(c.z);
  lift<Poly3DArtist>(c, {
    kind: "poly3d",
    pieces,
    faces: null,
    edges: edges.length > 0 ? edges : null,
    linewidth: c.linewidth,
    // the corners of the data's box, for autoscaling
    bounds: x0 === undefined ? [] : [x0, y0, z0, x1, y1, z1],
  });
  return obj;
};

/** `ax.text(x, y, z, s)`: a text at a point in space, aligned as a 2-D text is. */
const text3d: AxesMethod = (ps, ax, args, kwargs) => {
  const kw = new Map(kwargs ?? []);
  const z = numberArg(ps.interp, args[2] ?? kw.get("z"), "z");
  const s = args[3] ?? kw.get("s");
  const zdir = kw.get("zdir");
  for (const k of ["z", "s", "zdir"]) kw.delete(k);
  if (args.length < 2 || z === null || s === undefined)
    throw typeError("text() missing 4 required positional arguments: 'x', 'y', 'z', and 's'");
  if (zdir !== undefined && zdir !== null)
    throw new UnsupportedError("text(zdir=...) on a 3-D axes is not supported by GradLens");
  const obj = text(ps, ax, [args[0], args[1], s, ...args.slice(4)], kw) as ArtistObject;
  if (obj.artist.kind === "text") {
    if (obj.artist.coords !== "data")
      throw new UnsupportedError("a 3-D text in axes coordinates is not supported by GradLens");
    obj.artist.z = z;
  }
  return obj;
};

const plot3d: AxesMethod = (ps, ax, args, kwargs) => {
  const kw = new Map(kwargs ?? []);
  if (args.length < 2) throw typeError("plot() missing 2 required positional arguments: 'xs' and 'ys'");
  const [xs, ys, ...rest] = args;
  let zs: PyValue | undefined = kw.get("zs");
  kw.delete("zs");
  if (rest.length > 0 && typeof rest[0] !== "string") {
    if (zs !== undefined) throw typeError("plot() for multiple values for argument 'z'");
    zs = rest.shift();
  }
  if (rest.some((r) => typeof r !== "string"))
    throw new UnsupportedError("a 3-D plot() draws one line per call in GradLens: call plot() again");
  const zdir = kw.get("zdir");
  kw.delete("zdir");
  const lines = plot(ps, ax, [xs, ys, ...rest], kw) as PyList;
  for (const item of lines.items) {
    const line = (item as ArtistObject).artist;
    if (line.kind !== "line") continue;
    const z = zValues(ps, zs, line.x.length);
    const [jx, jy, jz] = juggle(zdir, line.x, line.y, z);
    lift<Line3DArtist>(line, { kind: "line3d", x: jx, y: jy, z: jz });
  }
  return lines;
};

interface Grid {
  rows: number;
  cols: number;
  x: number[];
  y: number[];
  z: number[];
}

/** X, Y, Z as `np.broadcast_arrays` makes them, Z two-dimensional. */
function gridArgs(ps: PlotState, args: PyValue[], kw: Keywords, what: string): Grid {
  const rt = ps.interp;
  const [xa, ya, za] = ["X", "Y", "Z"].map((n, i) => args[i] ?? kw.take(n));
  if (xa === undefined || ya === undefined || za === undefined)
    throw typeError(`${what}() missing 3 required positional arguments: 'X', 'Y', and 'Z'`);
  const z = numberArray(rt, za, "Z");
  if (z.shape.length !== 2) throw valueError("Argument Z must be 2-dimensional.");
  const [rows, cols] = z.shape;
  const spread = (a: NumberArray, name: string): number[] => {
    if (a.shape.length === 2 && a.shape[0] === rows && a.shape[1] === cols) return a.values;
    const n = a.values.length;
    if (a.shape.length <= 1 && (n === cols || n === 1))
      return Array.from({ length: rows * cols }, (_, k) => a.values[n === 1 ? 0 : k % cols]);
    if (a.shape.length === 2 && a.shape[1] === 1 && a.shape[0] === rows)
      return Array.from({ length: rows * cols }, (_, k) => a.values[Math.floor(k / cols)]);
    throw valueError(
      `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between ${name} with shape ${shapeText(a.shape)} and Z with shape ${shapeText(z.shape)}.`,
    );
  };
  return {
    rows,
    cols,
    x: spread(numberArray(rt, xa, "X"), "X"),
    y: spread(numberArray(rt, ya, "Y"), "Y"),
    z: z.values,
  };
}

/** rstride/cstride, or the strides that rcount/ccount (at most this many samples) give. */
function strides(ps: PlotState, kw: Keywords, g: Grid, fallback: number): [number, number] {
  const rt = ps.interp;
  const rstride = kw.take("rstride");
  const cstride = kw.take("cstride");
  const rcount = kw.take("rcount");
  const ccount = kw.take("ccount");
  const hasStride = rstride !== undefined || cstride !== undefined;
  if (hasStride && (rcount !== undefined || ccount !== undefined))
    throw valueError("Cannot specify both stride and count arguments");
  if (hasStride) {
    const r = intArgument(rstride ?? null, "rstride") ?? fallback;
    const c = intArgument(cstride ?? null, "cstride") ?? fallback;
    return [r, c];
  }
  const rc = numberArg(rt, rcount, "rcount") ?? 50;
  const cc = numberArg(rt, ccount, "ccount") ?? 50;
  return [rc ? Math.max(Math.ceil(g.rows / rc), 1) : 0, cc ? Math.max(Math.ceil(g.cols / cc), 1) : 0];
}

/** The indices a stride samples, the last row or column always among them. */
function sampled(n: number, stride: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n - 1; i += stride) out.push(i);
  out.push(n - 1);
  return out;
}

/** matplotlib's light for shading surfaces: from azimuth 225°, altitude 19.4712°. */
const LIGHT = (() => {
  const az = ((90 - 225) * Math.PI) / 180;
  const alt = (19.4712 * Math.PI) / 180;
  return [Math.cos(az) * Math.cos(alt), Math.sin(az) * Math.cos(alt), Math.sin(alt)];
})();

/** A face's colour lit by the light: 30% in full shadow, 100% facing the light. */
function shaded(c: Rgba, piece: number[]): Rgba {
  const n = piece.length / 3;
  const at = (k: number) => [piece[3 * k], piece[3 * k + 1], piece[3 * k + 2]];
  const [p1, p2, p3] = [at(0), at(Math.floor(n / 3)), at(Math.floor((2 * n) / 3))];
  const v1 = [p1[0] - p2[0], p1[1] - p2[1], p1[2] - p2[2]];
  const v2 = [p2[0] - p3[0], p2[1] - p3[1], p2[2] - p3[2]];
  const normal = [
    v1[1] * v2[2] - v1[2] * v2[1],
    v1[2] * v2[0] - v1[0] * v2[2],
    v1[0] * v2[1] - v1[1] * v2[0],
  ];
  const len = Math.hypot(normal[0], normal[1], normal[2]);
  const dot = (normal[0] * LIGHT[0] + normal[1] * LIGHT[1] + normal[2] * LIGHT[2]) / len;
  const k = Number.isFinite(dot) ? 0.3 + ((dot + 1) / 2) * 0.7 : 0.3 + 0.5 * 0.7;
  return [c[0] * k, c[1] * k, c[2] * k, c[3]];
}

const plotSurface: AxesMethod = (ps, ax, args, kwargs) => {
  const rt = ps.interp;
  const kw = new Keywords(kwargs, "Poly3DCollection");
  const g = gridArgs(ps, args, kw, "plot_surface");
  const [rstride, cstride] = strides(ps, kw, g, 10);
  if (rstride < 1 || cstride < 1) throw valueError("rstride and cstride must be positive");
  for (const k of ["facecolors", "norm", "lightsource"])
    if (kw.has(k)) throw new UnsupportedError(`plot_surface(${k}=...) is not supported by GradLens`);
  const cmapArg = kw.take("cmap");
  const colorArg = kw.take("color");
  const shadeArg = kw.take("shade");
  const vmin = numberArg(rt, kw.take("vmin"), "vmin");
  const vmax = numberArg(rt, kw.take("vmax"), "vmax");
  const alpha = alphaArg(kw.take("alpha"));
  const edgeArg = kw.take("edgecolor", "edgecolors", "ec");
  const linewidth = numberArg(rt, kw.take("linewidth", "linewidths", "lw"), "linewidth") ?? 1;
  const label = textArg(rt, kw.take("label"));
  const zorder = numberArg(rt, kw.take("zorder"), "zorder") ?? 1;
  kw.done();
  const hasCmap = cmapArg !== undefined && cmapArg !== null;
  if (shadeArg === null) throw valueError("shade cannot be None.");
  const shade = shadeArg === undefined ? !hasCmap : truthy(rt, shadeArg);
  // one face per stride × stride patch: its perimeter, corner to corner
  const rowsAt = sampled(g.rows, rstride);
  const colsAt = sampled(g.cols, cstride);
  const pieces: number[][] = [];
  for (let a = 0; a + 1 < rowsAt.length; a++)
    for (let b = 0; b + 1 < colsAt.length; b++) {
      const [r0, r1, c0, c1] = [rowsAt[a], rowsAt[a + 1], colsAt[b], colsAt[b + 1]];
      const ring: [number, number][] = [];
      for (let c = c0; c < c1; c++) ring.push([r0, c]);
      for (let r = r0; r < r1; r++) ring.push([r, c1]);
      for (let c = c1; c > c0; c--) ring.push([r1, c]);
      for (let r = r1; r > r0; r--) ring.push([r, c0]);
      const piece: number[] = [];
      for (const [r, c] of ring) {
        const k = r * g.cols + c;
        // points with a NaN are left out of their face
        if (Number.isNaN(g.x[k]) || Number.isNaN(g.y[k]) || Number.isNaN(g.z[k])) continue;
        piece.push(g.x[k], g.y[k], g.z[k]);
      }
      if (piece.length > 0) pieces.push(piece);
    }
  let faces: Rgba[];
  let scale = null;
  if (hasCmap) {
    const map = colormapArg(cmapArg);
    const means = pieces.map((p) => {
      let s = 0;
      for (let k = 2; k < p.length; k += 3) s += p[k];
      return s / (p.length / 3);
    });
    const finite = means.filter(Number.isFinite);
    const lo = vmin ?? Math.min(...finite);
    const hi = vmax ?? Math.max(...finite);
    faces = means.map((m) => withAlpha(map.at(normalise(m, lo, hi)), alpha));
    scale = { map, lo, hi, alpha, bands: null };
  } else {
    const base = colourArg(colorArg ?? null, "color") ?? nextLineColour(ax);
    faces = shade ? pieces.map((p) => withAlpha(shaded(base, p), alpha)) : [withAlpha(base, alpha)];
  }
  const edge =
    edgeArg === undefined || edgeArg === null || edgeArg === "none" ? null : colourArg(edgeArg, "edgecolor");
  const artist: Poly3DArtist = {
    kind: "poly3d",
    pieces,
    faces,
    edges: edge === null ? null : [withAlpha(edge, alpha)],
    linewidth,
    zorder,
    label,
  };
  return addArtist(ps, ax, artist, scale);
};

const plotWireframe: AxesMethod = (ps, ax, args, kwargs) => {
  const rt = ps.interp;
  const kw = new Keywords(kwargs, "Line3DCollection");
  const g = gridArgs(ps, args, kw, "plot_wireframe");
  const [rstride, cstride] = strides(ps, kw, g, 1);
  if (rstride === 0 && cstride === 0) throw valueError("Either rstride or cstride must be non zero");
  const alpha = alphaArg(kw.take("alpha"));
  // a LineCollection's colour is lines.color (C0), not the next of the cycle
  const colour = colourArg(kw.take("color", "colors", "c", "edgecolor"), "color") ?? cycleColour(0);
  const linewidth =
    numberArg(rt, kw.take("linewidth", "linewidths", "lw"), "linewidth") ??
    ps.rcNumber("lines.linewidth", 1.5);
  const label = textArg(rt, kw.take("label"));
  const zorder = numberArg(rt, kw.take("zorder"), "zorder") ?? 1;
  kw.take("linestyle", "ls");
  // a LineCollection given a colormap but no values to map draws in its colour
  kw.take("cmap");
  kw.take("norm");
  kw.done();
  const lineAt = (n: number, stride: number) => {
    if (!stride) return [];
    const out: number[] = [];
    for (let i = 0; i < n; i += stride) out.push(i);
    if (n > 0 && out[out.length - 1] !== n - 1) out.push(n - 1);
    return out;
  };
  const pieces: number[][] = [];
  for (const r of lineAt(g.rows, rstride)) {
    const piece: number[] = [];
    for (let c = 0; c < g.cols; c++)
      piece.push(g.x[r * g.cols + c], g.y[r * g.cols + c], g.z[r * g.cols + c]);
    pieces.push(piece);
  }
  for (const c of lineAt(g.cols, cstride)) {
    const piece: number[] = [];
    for (let r = 0; r < g.rows; r++)
      piece.push(g.x[r * g.cols + c], g.y[r * g.cols + c], g.z[r * g.cols + c]);
    pieces.push(piece);
  }
  const artist: Poly3DArtist = {
    kind: "poly3d",
    pieces,
    faces: null,
    edges: [withAlpha(colour, alpha)],
    linewidth,
    zorder,
    label,
  };
  return addArtist(ps, ax, artist, null);
};

function addArtist(
  ps: PlotState,
  ax: AxesState,
  artist: Poly3DArtist,
  scale: Parameters<typeof noteMappable>[3] | null,
): ArtistObject {
  ax.spec.artists.push(artist);
  const cls = artist.faces === null ? ps.classes.lineCollection3d : ps.classes.polyCollection3d;
  const obj = new ArtistObject(cls, artist, ax);
  ax.handles.set(artist, obj);
  if (scale !== null) noteMappable(ps, ax, artist, scale);
  ps.touch(ax.figure);
  return obj;
}

/** `set_zlim(bottom, top)` (also as a pair). */
const setZlim: AxesMethod = (ps, ax, args, kwargs) => {
  const rt = ps.interp;
  const kw = new Keywords(kwargs, "set_zlim");
  let lo: PyValue | undefined = args[0] ?? kw.take("bottom", "zmin");
  let hi: PyValue | undefined = args[1] ?? kw.take("top", "zmax");
  kw.take("emit");
  kw.take("auto");
  kw.done();
  if (hi === undefined && (lo instanceof PyTuple || lo instanceof PyList)) {
    if (lo.items.length !== 2) throw valueError("too many values to unpack (expected 2)");
    [lo, hi] = lo.items;
  }
  const current = viewLimits3d(ax.spec).z;
  const a = numberArg(rt, lo, "bottom") ?? current[0];
  const b = numberArg(rt, hi, "top") ?? current[1];
  if (!Number.isFinite(a) || !Number.isFinite(b)) throw valueError("Axis limits cannot be NaN or Inf");
  ax.spec.view3d!.z.limits = [a, b];
  ps.touch(ax.figure);
  return new PyTuple([a, b]);
};

const viewInit: AxesMethod = (ps, ax, args, kwargs) => {
  const rt = ps.interp;
  const kw = new Keywords(kwargs, "view_init");
  const elev = numberArg(rt, args[0] ?? kw.take("elev"), "elev");
  const azim = numberArg(rt, args[1] ?? kw.take("azim"), "azim");
  const roll = numberArg(rt, args[2] ?? kw.take("roll"), "roll");
  const vertical = args[3] ?? kw.take("vertical_axis") ?? "z";
  kw.done();
  if (vertical !== "z")
    throw new UnsupportedError(`view_init(vertical_axis=${rt.repr(vertical)}) is not supported by GradLens`);
  const view = ax.spec.view3d!;
  view.elev = elev ?? 30;
  view.azim = azim ?? -60;
  view.roll = roll ?? 0;
  ps.touch(ax.figure);
  return null;
};

/** 2-D methods that would draw wrongly on a 3-D axes. */
const NOT_IN_3D = [
  "bar",
  "barh",
  "hist",
  "imshow",
  "contourf",
  "fill_between",
  "axhline",
  "axvline",
  "semilogx",
  "semilogy",
  "loglog",
  "set_xscale",
  "set_yscale",
  "set_aspect",
  "invert_xaxis",
  "invert_yaxis",
];

function refused(name: string): AxesMethod {
  return () => {
    throw new UnsupportedError(`${name}() on a 3-D axes is not supported by GradLens`);
  };
}

const SETTERS_3D: Record<string, AxesMethod> = {
  ...SETTERS,
  set_zlabel: setLabel("z"),
  set_zlim: setZlim,
  set_zticks: setTicks("z"),
};

export const AXES3D_METHODS: Record<string, AxesMethod> = {
  set: setMany(SETTERS_3D),
  ...Object.fromEntries(NOT_IN_3D.map((name) => [name, refused(name)])),
  scatter: scatter3d,
  scatter3D: scatter3d,
  plot: plot3d,
  contour: contour3d,
  contour3D: contour3d,
  text: text3d,
  text3D: text3d,
  plot3D: plot3d,
  plot_surface: plotSurface,
  plot_wireframe: plotWireframe,
  set_zlabel: setLabel("z"),
  get_zlabel: (_ps, ax) => ax.spec.view3d!.z.label,
  set_zticks: setTicks("z"),
  set_zticklabels: setTickLabels("z"),
  get_zticks: (ps, ax) => pyArray(ps, currentTicks(ax, "z").locs),
  set_xlim3d: setLimits("x"),
  set_ylim3d: setLimits("y"),
  set_zlim: setZlim,
  set_zlim3d: setZlim,
  get_zlim: (_ps, ax) => new PyTuple(viewLimits3d(ax.spec).z),
  get_zlim3d: (_ps, ax) => new PyTuple(viewLimits3d(ax.spec).z),
  view_init: viewInit,
  get_proj: (ps, ax) => {
    const lims = viewLimits3d(ax.spec);
    const m = projectionMatrix(ax.spec.view3d!, lims.x, lims.y, lims.z);
    return pyMatrix(ps, m);
  },
  set_zmargin: (ps, ax, args) => {
    ax.spec.view3d!.zMargin = numberArg(ps.interp, args[0], "m") ?? 0.05;
    return null;
  },
};

/** `Axes3D`'s keyword in `add_subplot`/`subplot`/`axes`: whether a 3-D axes is asked for. */
export function projectionArg(ps: PlotState, kw: Keywords): boolean {
  const projection = kw.take("projection");
  const polar = kw.take("polar");
  if (polar !== undefined && polar !== false && polar !== null)
    throw new UnsupportedError("polar axes are not supported by GradLens");
  if (projection === undefined || projection === null || projection === "rectilinear") return false;
  if (projection === "3d") return true;
  if (
    typeof projection === "string" &&
    ["polar", "aitoff", "hammer", "lambert", "mollweide"].includes(projection)
  )
    throw new UnsupportedError(`projection='${projection}' is not supported by GradLens`);
  throw valueError(`Unknown projection ${ps.interp.repr(projection)}`);
}

/** Reads the 3-D axes' keywords matplotlib draws the same without (mouse interaction, zorder sorting). */
export function axes3dKeywords(ps: PlotState, kw: Keywords): { elev: number; azim: number; roll: number } {
  const rt = ps.interp;
  const elev = numberArg(rt, kw.take("elev"), "elev") ?? 30;
  const azim = numberArg(rt, kw.take("azim"), "azim") ?? -60;
  const roll = numberArg(rt, kw.take("roll"), "roll") ?? 0;
  for (const k of ["box_aspect", "proj_type", "focal_length", "sharez"])
    if (kw.has(k) && kw.take(k) !== null && k !== "proj_type")
      throw new UnsupportedError(`a 3-D axes' ${k} is not supported by GradLens`);
  const proj = kw.take("proj_type");
  if (proj !== undefined && proj !== "persp")
    throw new UnsupportedError(`proj_type=${rt.repr(proj)} is not supported by GradLens`);
  const sorted = kw.take("computed_zorder");
  if (sorted !== undefined && !truthy(rt, sorted))
    throw new UnsupportedError("computed_zorder=False is not supported by GradLens");
  return { elev, azim, roll };
}
