import { colormap, normalise } from "../../../figures/colormaps";
import { cycleColour, withAlpha, type Rgba } from "../../../figures/colours";
import type { BarsArtist, FillArtist, LineArtist, ScatterArtist } from "../../../figures/figureSpec";
import { toArray } from "../../interpreter/collections";
import { PyList, PyTuple, type Kwargs, type PyValue } from "../../interpreter/objects";
import { typeError, UnsupportedError, valueError } from "../../interpreter/pyErrors";
import { Keywords, numberArg, textArg } from "./keywordArgs";
import { numberArray, shapeText, vector, type NumberArray } from "./plotData";
import { ArtistObject, type AxesState, type PlotState } from "./plotState";
import { noteMappable, type ScalarMappable } from "./colorbar";
import { alphaArg, colormapArg, colourArg, lineStyleArg, markerArg, parseFormat } from "./styleArgs";

/**
 * The plotting methods of an axes — `plot`, `scatter`, `bar`/`barh`, `fill_between`,
 * `axhline`/`axvline` — reading their arguments as matplotlib does (format strings, the colour
 * cycle, colormapped `c=`, broadcast bar sizes) and adding artists to the axes' figure spec.
 */

export type AxesMethod = (ps: PlotState, ax: AxesState, args: PyValue[], kwargs: Kwargs) => PyValue;

/** The next colour of the axes' line cycle (`plot`). */
export function nextLineColour(ax: AxesState): Rgba {
  return cycleColour(ax.lineCycle++);
}

/** The next colour of the axes' patch cycle (`bar`, `hist`, `scatter`, `fill_between`). */
export function nextPatchColour(ax: AxesState): Rgba {
  return cycleColour(ax.patchCycle++);
}

/** A label as matplotlib keeps it: None and `_`-prefixed labels stay out of legends. */
export function legendLabel(label: string | null): string | null {
  return label === null || label.startsWith("_") ? null : label;
}

interface LineOptions {
  color: Rgba | null;
  width: number;
  style: LineArtist["style"] | null;
  marker: LineArtist["marker"] | undefined;
  markerSize: number;
  face: Rgba | null;
  edge: Rgba | null;
  label: string | null;
  alpha: number | null;
  zorder: number;
  steps: LineArtist["steps"];
}

/** The `Line2D` properties a call was given. */
export function lineOptions(ps: PlotState, kw: Keywords): LineOptions {
  const rt = ps.interp;
  const drawstyle = kw.take("drawstyle", "ds");
  if (
    drawstyle !== undefined &&
    !["default", "steps", "steps-pre", "steps-mid", "steps-post"].includes(String(drawstyle))
  )
    throw valueError(`${rt.repr(drawstyle)} is not a valid value for drawstyle`);
  const steps =
    drawstyle === "steps" ? "steps-pre" : ((drawstyle as LineArtist["steps"] | undefined) ?? "default");
  const markerValue = kw.take("marker");
  return {
    color: colourArg(kw.take("color", "c")),
    width: numberArg(rt, kw.take("linewidth", "lw"), "linewidth") ?? ps.rcNumber("lines.linewidth", 1.5),
    style: lineStyleArg(kw.take("linestyle", "ls")),
    marker: markerValue === undefined ? undefined : markerArg(markerValue),
    markerSize:
      numberArg(rt, kw.take("markersize", "ms"), "markersize") ?? ps.rcNumber("lines.markersize", 6),
    face: colourArg(kw.take("markerfacecolor", "mfc"), "markerfacecolor"),
    edge: colourArg(kw.take("markeredgecolor", "mec"), "markeredgecolor"),
    label: textArg(rt, kw.take("label")),
    alpha: alphaArg(kw.take("alpha")),
    zorder: numberArg(rt, kw.take("zorder"), "zorder") ?? 2,
    steps,
  };
}

function makeLine(
  x: number[],
  y: number[],
  o: LineOptions,
  colour: Rgba,
  fmt: ReturnType<typeof parseFormat> | null,
): LineArtist {
  const color = withAlpha(o.color ?? colour, o.alpha);
  const style = o.style ?? fmt?.style ?? "-";
  const marker = o.marker !== undefined ? o.marker : (fmt?.marker ?? null);
  return {
    kind: "line",
    x,
    y,
    color,
    width: o.width,
    style,
    steps: o.steps,
    marker,
    markerSize: o.markerSize,
    markerFace: withAlpha(o.face ?? color, o.alpha),
    markerEdge: withAlpha(o.edge ?? color, o.alpha),
    coords: "data",
    zorder: o.zorder,
    label: o.label,
  };
}

/** Splits `plot`'s positional arguments into (x, y, fmt) groups, as matplotlib does. */
function plotGroups(args: PyValue[]): PyValue[][] {
  const groups: PyValue[][] = [];
  let rest = args;
  while (rest.length > 0) {
    const group = rest.slice(0, 2);
    rest = rest.slice(2);
    if (rest.length > 0 && typeof rest[0] === "string") {
      group.push(rest[0]);
      rest = rest.slice(1);
    }
    groups.push(group);
  }
  return groups;
}

/** Columns of a 1-D or 2-D array, as `plot` draws one line per column. */
function columns(a: NumberArray): number[][] {
  if (a.shape.length <= 1) return [a.values];
  if (a.shape.length > 2)
    throw valueError(`x and y can be no greater than 2D, but have shapes ${shapeText(a.shape)}`);
  const [rows, cols] = a.shape;
  const out: number[][] = [];
  for (let j = 0; j < cols; j++) {
    const col: number[] = [];
    for (let i = 0; i < rows; i++) col.push(a.values[i * cols + j]);
    out.push(col);
  }
  return out;
}

export const plot: AxesMethod = (ps, ax, args, kwargs) => {
  const kw = new Keywords(kwargs, "Line2D");
  if (kw.has("data")) throw new UnsupportedError("plot(data=...) is not supported by GradLens");
  const o = lineOptions(ps, kw);
  kw.done();
  const lines: PyValue[] = [];
  for (const group of plotGroups(args)) {
    const fmtArg = typeof group[group.length - 1] === "string" ? (group.pop() as string) : null;
    const fmt = fmtArg === null ? null : parseFormat(fmtArg);
    if (group.length === 0)
      throw typeError("plot() takes at least one positional argument besides the format string");
    const y = numberArray(ps.interp, group[group.length - 1], "y");
    const x =
      group.length === 2
        ? numberArray(ps.interp, group[0], "x")
        : {
            values: y.values.length === 0 ? [] : Array.from({ length: y.shape[0] ?? 1 }, (_, i) => i),
            shape: [y.shape[0] ?? 1],
            float32: false,
            integer: true,
          };
    if ((x.shape[0] ?? 1) !== (y.shape[0] ?? 1))
      throw valueError(
        `x and y must have same first dimension, but have shapes ${shapeText(x.shape.length ? x.shape : [1])} and ${shapeText(y.shape.length ? y.shape : [1])}`,
      );
    const xs = columns(x.shape.length === 0 ? { ...x, shape: [1] } : x);
    const ys = columns(y.shape.length === 0 ? { ...y, shape: [1] } : y);
    const count = Math.max(xs.length, ys.length);
    if (xs.length !== 1 && ys.length !== 1 && xs.length !== ys.length)
      throw valueError(`x has ${xs.length} columns but y has ${ys.length} columns`);
    for (let k = 0; k < count; k++) {
      const colour = o.color === null && fmt?.color == null ? nextLineColour(ax) : (fmt?.color ?? o.color!);
      const line = makeLine(xs[xs.length === 1 ? 0 : k], ys[ys.length === 1 ? 0 : k], o, colour, fmt);
      ax.spec.artists.push(line);
      const obj = new ArtistObject(ps.classes.line, line, ax);
      ax.handles.set(line, obj);
      lines.push(obj);
    }
  }
  ps.touch(ax.figure);
  return new PyList(lines);
};

/** `axhline(y)` / `axvline(x)`: a line across the axes at a data value. */
export function straightLine(which: "h" | "v"): AxesMethod {
  return (ps, ax, args, kwargs) => {
    const kw = new Keywords(kwargs, "Line2D");
    const rt = ps.interp;
    const at = numberArg(rt, args[0] ?? kw.take(which === "h" ? "y" : "x"), which === "h" ? "y" : "x") ?? 0;
    const lo = numberArg(rt, args[1] ?? kw.take(which === "h" ? "xmin" : "ymin"), "min") ?? 0;
    const hi = numberArg(rt, args[2] ?? kw.take(which === "h" ? "xmax" : "ymax"), "max") ?? 1;
    const o = lineOptions(ps, kw);
    kw.done();
    const fromAxes = [lo, hi];
    const line = makeLine(
      which === "h" ? fromAxes : [at, at],
      which === "h" ? [at, at] : fromAxes,
      o,
      cycleColour(0),
      null,
    );
    line.coords = which === "h" ? "xaxes" : "yaxes";
    ax.spec.artists.push(line);
    const obj = new ArtistObject(ps.classes.line, line, ax);
    ax.handles.set(line, obj);
    ps.touch(ax.figure);
    return obj;
  };
}

/** Colours for `c=`: one colour, a list of colours, or numbers mapped through a colormap. */
function scatterColours(
  ps: PlotState,
  c: PyValue,
  n: number,
  kw: Keywords,
  alpha: number | null,
  /** Hears the colormap and its range when the values are mapped through one. */
  onScale: (m: ScalarMappable) => void,
): Rgba[] {
  const rt = ps.interp;
  const cmapArg = kw.take("cmap");
  const vminArg = numberArg(rt, kw.take("vmin"), "vmin");
  const vmaxArg = numberArg(rt, kw.take("vmax"), "vmax");
  if (kw.take("norm") !== undefined)
    throw new UnsupportedError("scatter(norm=...) is not supported by GradLens");
  if (typeof c === "string") return [withAlpha(colourArg(c, "c")!, alpha)];
  if (
    (c instanceof PyList || c instanceof PyTuple) &&
    c.items.length > 0 &&
    c.items.every((x) => typeof x === "string")
  )
    return c.items.map((x) => withAlpha(colourArg(x, "c")!, alpha));
  const values = numberArray(rt, c, "c");
  if (values.values.length === n && (values.shape.length <= 1 || values.shape[1] === 1)) {
    const map = colormapArg(cmapArg);
    let lo = vminArg ?? Infinity;
    let hi = vmaxArg ?? -Infinity;
    if (vminArg === null || vmaxArg === null)
      for (const v of values.values)
        if (Number.isFinite(v)) {
          if (vminArg === null) lo = Math.min(lo, v);
          if (vmaxArg === null) hi = Math.max(hi, v);
        }
    onScale({ map, lo, hi, alpha, bands: null });
    return values.values.map((v) => withAlpha(map.at(normalise(v, lo, hi)), alpha));
  }
  if (values.shape.length === 1 && (values.values.length === 3 || values.values.length === 4))
    return [withAlpha(colourArg(new PyTuple(values.values), "c")!, alpha)];
  if (
    values.shape.length === 2 &&
    values.shape[0] === n &&
    (values.shape[1] === 3 || values.shape[1] === 4)
  ) {
    const k = values.shape[1];
    return Array.from({ length: n }, (_, i) =>
      withAlpha(colourArg(new PyTuple(values.values.slice(i * k, i * k + k)), "c")!, alpha),
    );
  }
  throw valueError(
    `'c' argument has ${values.values.length} elements, which is inconsistent with 'x' and 'y' with size ${n}.`,
  );
}

export const scatter: AxesMethod = (ps, ax, args, kwargs) => {
  const rt = ps.interp;
  const kw = new Keywords(kwargs, "PathCollection");
  const xArg = args[0] ?? kw.take("x");
  const yArg = args[1] ?? kw.take("y");
  if (xArg === undefined || yArg === undefined)
    throw typeError("scatter() missing 2 required positional arguments: 'x' and 'y'");
  const x = numberArray(rt, xArg, "x").values;
  const y = numberArray(rt, yArg, "y").values;
  if (x.length !== y.length) throw valueError("x and y must be the same size");
  const sArg = args[2] ?? kw.take("s");
  const cArg = args[3] ?? kw.take("c");
  const markerValue = args[4] ?? kw.take("marker");
  const colorArg = kw.take("color", "facecolor", "facecolors", "fc");
  const alpha = alphaArg(kw.take("alpha"));
  const sizes =
    sArg === undefined || sArg === null
      ? [ps.rcNumber("lines.markersize", 6) ** 2]
      : numberArray(rt, sArg, "s").values;
  if (sizes.length !== 1 && sizes.length !== x.length)
    throw valueError("s must be a scalar, or float array-like with the same size as x and y");
  let colors: Rgba[];
  let scale: ScalarMappable | null = null;
  if (cArg !== undefined && cArg !== null) {
    if (colorArg !== undefined)
      throw valueError(
        "Supply a 'c' argument or a 'color' kwarg but not both; they differ but their functionalities overlap.",
      );
    colors = scatterColours(ps, cArg, x.length, kw, alpha, (m) => (scale = m));
  } else {
    kw.take("cmap");
    kw.take("vmin");
    kw.take("vmax");
    const single = colourArg(colorArg ?? null);
    colors = [withAlpha(single ?? nextPatchColour(ax), alpha)];
  }
  const edgeArg = kw.take("edgecolors", "edgecolor", "ec");
  const edgecolors =
    edgeArg === undefined || edgeArg === null || edgeArg === "face"
      ? null
      : edgeArg === "none"
        ? [[0, 0, 0, 0] as Rgba]
        : [withAlpha(colourArg(edgeArg, "edgecolors")!, alpha)];
  const marker = markerArg(markerValue ?? "o") ?? "o";
  const artist: ScatterArtist = {
    kind: "scatter",
    x,
    y,
    sizes,
    colors,
    edgecolors,
    // a scatter's markers are patches: patch.linewidth, 1.0
    linewidth: numberArg(rt, kw.take("linewidths", "linewidth", "lw"), "linewidths") ?? 1.0,
    marker,
    zorder: numberArg(rt, kw.take("zorder"), "zorder") ?? 1,
    label: textArg(rt, kw.take("label")),
  };
  kw.done();
  ax.spec.artists.push(artist);
  const obj = new ArtistObject(ps.classes.pathCollection, artist, ax);
  ax.handles.set(artist, obj);
  if (scale !== null) noteMappable(ps, ax, artist, scale);
  ps.touch(ax.figure);
  return obj;
};

/** Broadcasts a scalar or a sequence of numbers to n values. */
function broadcast(
  ps: PlotState,
  v: PyValue | undefined,
  n: number,
  fallback: number,
  what: string,
): number[] {
  if (v === undefined || v === null) return new Array<number>(n).fill(fallback);
  const a = vector(ps.interp, v, what).values;
  if (a.length === 1) return new Array<number>(n).fill(a[0]);
  if (a.length !== n)
    throw valueError(
      `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (${n},) and arg 1 with shape (${a.length},).`,
    );
  return a;
}

/** Colours for bars: one colour or one per bar. */
function barColours(ax: AxesState, v: PyValue | undefined, n: number, alpha: number | null): Rgba[] {
  if (v === undefined || v === null) return [withAlpha(nextPatchColour(ax), alpha)];
  if (
    (v instanceof PyList || v instanceof PyTuple) &&
    v.items.length > 0 &&
    v.items.some((x) => typeof x === "string" || x instanceof PyTuple)
  )
    return Array.from({ length: n }, (_, i) => withAlpha(colourArg(v.items[i % v.items.length])!, alpha));
  return [withAlpha(colourArg(v)!, alpha)];
}

export function bar(horizontal: boolean): AxesMethod {
  return (ps, ax, args, kwargs) => {
    const rt = ps.interp;
    const kw = new Keywords(kwargs, "Rectangle");
    const [posName, sizeName, thickName, baseName] = horizontal
      ? ["y", "width", "height", "left"]
      : ["x", "height", "width", "bottom"];
    const posArg = args[0] ?? kw.take(posName);
    const sizeArg = args[1] ?? kw.take(sizeName);
    const thickArg = args[2] ?? kw.take(thickName);
    const baseArg = args[3] ?? kw.take(baseName);
    if (posArg === undefined || sizeArg === undefined)
      throw typeError(
        `${horizontal ? "barh" : "bar"}() missing 2 required positional arguments: '${posName}' and '${sizeName}'`,
      );
    // category names along the axis become ticks 0, 1, 2, … labelled with the names
    const posItems =
      typeof posArg === "string"
        ? [posArg]
        : posArg instanceof PyList || posArg instanceof PyTuple
          ? posArg.items
          : null;
    let positions: number[];
    let categories: string[] | null = null;
    if (posItems !== null && posItems.length > 0 && posItems.every((p) => typeof p === "string")) {
      categories = posItems as string[];
      positions = categories.map((_, i) => i);
    } else positions = vector(rt, posArg, posName).values;
    const sizesRaw = vector(rt, sizeArg, sizeName).values;
    const n = Math.max(positions.length, sizesRaw.length);
    if (positions.length === 1 && n > 1) positions = new Array<number>(n).fill(positions[0]);
    const sizes = broadcast(ps, sizeArg, n, 0, sizeName);
    const thick = broadcast(ps, thickArg, n, 0.8, thickName);
    const base = broadcast(ps, baseArg, n, 0, baseName);
    const align = kw.take("align") ?? "center";
    if (align !== "center" && align !== "edge")
      throw valueError(
        `'${rt.str(align)}' is not a valid value for align; supported values are 'center', 'edge'`,
      );
    const alpha = alphaArg(kw.take("alpha"));
    const colors = barColours(ax, kw.take("color", "facecolor", "fc"), n, alpha);
    const edge = colourArg(kw.take("edgecolor", "ec"), "edgecolor");
    const linewidth = numberArg(rt, kw.take("linewidth", "lw"), "linewidth") ?? (edge === null ? 0 : 1);
    const label = textArg(rt, kw.take("label"));
    const tickLabel = kw.take("tick_label");
    const zorder = numberArg(rt, kw.take("zorder"), "zorder") ?? 1;
    if (kw.take("log") === true) (horizontal ? ax.spec.x : ax.spec.y).scale = "log";
    kw.done();
    const rects = positions.map((p, i) => {
      const start = align === "center" ? p - thick[i] / 2 : p;
      return horizontal
        ? { x: base[i], y: start, width: sizes[i], height: thick[i] }
        : { x: start, y: base[i], width: thick[i], height: sizes[i] };
    });
    const artist: BarsArtist = {
      kind: "bars",
      rects,
      colors,
      edgecolor: edge,
      linewidth,
      sticky: horizontal ? { x: base, y: [] } : { x: [], y: base },
      zorder,
      label,
    };
    ax.spec.artists.push(artist);
    const names =
      categories ??
      (tickLabel === undefined || tickLabel === null
        ? null
        : toArray(rt, typeof tickLabel === "string" ? new PyList([tickLabel]) : tickLabel).map((t) =>
            rt.str(t),
          ));
    if (names !== null) {
      const axis = horizontal ? ax.spec.y : ax.spec.x;
      axis.ticks = positions;
      axis.tickLabels = names;
    }
    const obj = new ArtistObject(ps.classes.barContainer, artist, ax);
    ax.handles.set(artist, obj);
    ps.touch(ax.figure);
    return obj;
  };
}

export const fillBetween: AxesMethod = (ps, ax, args, kwargs) => {
  const rt = ps.interp;
  const kw = new Keywords(kwargs, "PolyCollection");
  const xArg = args[0] ?? kw.take("x");
  if (xArg === undefined)
    throw typeError("fill_between() missing 2 required positional arguments: 'x' and 'y1'");
  const x = vector(rt, xArg, "x").values;
  const y1 = broadcast(ps, args[1] ?? kw.take("y1"), x.length, 0, "y1");
  const y2 = broadcast(ps, args[2] ?? kw.take("y2"), x.length, 0, "y2");
  const whereArg = args[3] ?? kw.take("where");
  const where =
    whereArg === undefined || whereArg === null
      ? null
      : numberArray(rt, whereArg, "where").values.map((v) => v !== 0);
  if (where !== null && where.length !== x.length) throw valueError("where size does not match x size");
  const alpha = alphaArg(kw.take("alpha"));
  const given = colourArg(kw.take("color", "facecolor", "fc"));
  const edge = colourArg(kw.take("edgecolor", "ec"), "edgecolor");
  const linewidth = numberArg(rt, kw.take("linewidth", "lw"), "linewidth") ?? (edge === null ? 0 : 1);
  const label = textArg(rt, kw.take("label"));
  kw.take("interpolate");
  kw.take("step");
  const zorder = numberArg(rt, kw.take("zorder"), "zorder") ?? 1;
  kw.done();
  const color = withAlpha(given ?? nextPatchColour(ax), alpha);
  // one polygon per run of points where `where` holds
  const runs: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= x.length; i++) {
    const on = i < x.length && (where === null || where[i]);
    if (on && start < 0) start = i;
    if (!on && start >= 0) {
      runs.push([start, i]);
      start = -1;
    }
  }
  let first: PyValue = null;
  runs.forEach(([a, b], k) => {
    const xs = [...x.slice(a, b), ...x.slice(a, b).reverse()];
    const ys = [...y1.slice(a, b), ...y2.slice(a, b).reverse()];
    const artist: FillArtist = {
      kind: "fill",
      x: xs,
      y: ys,
      color,
      edgecolor: edge,
      linewidth,
      zorder,
      label: k === 0 ? label : null,
    };
    ax.spec.artists.push(artist);
    const obj = new ArtistObject(ps.classes.polyCollection, artist, ax);
    ax.handles.set(artist, obj);
    if (k === 0) first = obj;
  });
  ps.touch(ax.figure);
  return (
    first ??
    new ArtistObject(
      ps.classes.polyCollection,
      { kind: "fill", x: [], y: [], color, edgecolor: null, linewidth: 0, zorder, label },
      ax,
    )
  );
};

/** A colormap by name for `plt.get_cmap` / `plt.cm.<name>`. */
export function namedColormap(name: string) {
  return colormap(name);
}
