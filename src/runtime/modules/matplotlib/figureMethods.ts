import { BLACK } from "../../../figures/colours";
import type { TextArtist } from "../../../figures/figureSpec";
import { int, PyDict, PyList, PyTuple, type Kwargs, type PyValue } from "../../interpreter/objects";
import { typeError, UnsupportedError, valueError } from "../../interpreter/pyErrors";
import { textProps } from "./axesDecor";
import { intArgument, Keywords, numberArg } from "./keywordArgs";
import { numberArray } from "./plotData";
import {
  ArtistObject,
  AxesArrayObject,
  gridPosition,
  type AxesState,
  type FigureState,
  type PlotState,
} from "./plotState";
import { colourArg } from "./styleArgs";
import { colorbar } from "./colorbar";
import { axes3dKeywords, projectionArg } from "./axes3d";

/**
 * The methods of a `Figure`: making axes (`add_subplot`, `add_axes`, `subplots`), titles and
 * texts in figure coordinates, its size, `savefig` (which writes nothing: see below) and `show`.
 */

export type FigureMethod = (fig: FigureState, args: PyValue[], kwargs: Kwargs) => PyValue;

/** `(2, 2, 3)` or `223`: rows, columns and the 1-based index of a subplot. */
export function subplotSpec(args: PyValue[]): [number, number, number] {
  if (args.length === 0) return [1, 1, 1];
  if (args.length === 1) {
    const code = intArgument(args[0], "subplot");
    if (code === null || code < 111 || code > 999)
      throw valueError(`Integer subplot specification must be a three-digit number, not ${code}`);
    return [Math.floor(code / 100), Math.floor(code / 10) % 10, code % 10];
  }
  if (args.length !== 3)
    throw typeError(`subplot() takes 1 or 3 positional arguments but ${args.length} were given`);
  const [r, c, i] = args.map((a, k) => intArgument(a, ["nrows", "ncols", "index"][k]));
  if (r === null || c === null || i === null || r < 1 || c < 1)
    throw valueError("Number of rows and columns must be positive integers");
  if (i < 1 || i > r * c) throw valueError(`num must be an integer with 1 <= num <= ${r * c}, not ${i}`);
  return [r, c, i];
}

/** The subplot at (rows, cols, index) of a figure: the one there already, or a new one. */
export function subplotAt(
  ps: PlotState,
  fig: FigureState,
  spec: [number, number, number],
  reuse: boolean,
  view3d: View3DAngles | null = null,
): AxesState {
  const [r, c, i] = spec;
  const slot = `${r},${c},${i - 1}`;
  // the axes there already, when it is of the kind asked for
  const existing = reuse
    ? fig.axes.find((a) => a.slot === slot && (a.spec.view3d !== undefined) === (view3d !== null))
    : undefined;
  if (existing) {
    fig.current = existing;
    ps.current = fig;
    return existing;
  }
  return ps.addAxes(fig, gridPosition(r, c, i - 1, fig.subplotParams), slot, view3d);
}

type View3DAngles = ReturnType<typeof axes3dKeywords>;

/** `projection=` (and a 3-D axes' own keywords) of a call making axes: the 3-D view, or null for 2-D. */
export function projectionKeywords(ps: PlotState, kw: Keywords): View3DAngles | null {
  return projectionArg(ps, kw) ? axes3dKeywords(ps, kw) : null;
}

/** `fig.subplots(nrows, ncols, squeeze=True)`: one Axes, or an array of them. */
export function makeSubplots(ps: PlotState, fig: FigureState, args: PyValue[], kwargs: Kwargs): PyValue {
  const kw = new Keywords(kwargs, "subplots");
  const nrows = intArgument(args[0] ?? kw.take("nrows"), "nrows") ?? 1;
  const ncols = intArgument(args[1] ?? kw.take("ncols"), "ncols") ?? 1;
  const squeeze = kw.take("squeeze") !== false;
  // sharing limits between subplots is not modelled: each autoscales to its own data
  kw.take("sharex");
  kw.take("sharey");
  for (const k of ["width_ratios", "height_ratios", "gridspec_kw"])
    if (kw.has(k)) throw new UnsupportedError(`subplots(${k}=...) is not supported by GradLens`);
  const subplotKw = kw.take("subplot_kw");
  kw.done();
  let view3d: View3DAngles | null = null;
  if (subplotKw !== undefined && subplotKw !== null) {
    if (!(subplotKw instanceof PyDict)) throw typeError("subplot_kw must be a dict");
    const inner = new Keywords(
      new Map([...subplotKw.entries.values()].map((e) => [ps.interp.str(e.key), e.value])),
      "subplots",
    );
    view3d = projectionKeywords(ps, inner);
    inner.done();
  }
  if (nrows < 1 || ncols < 1) throw valueError(`Number of rows must be a positive integer, not ${nrows}`);
  const axes: PyValue[] = [];
  for (let k = 0; k < nrows * ncols; k++)
    axes.push(subplotAt(ps, fig, [nrows, ncols, k + 1], false, view3d).obj);
  fig.current = fig.axes[fig.axes.length - nrows * ncols] ?? fig.current;
  ps.touch(fig);
  if (squeeze && nrows === 1 && ncols === 1) return axes[0];
  const shape = squeeze && (nrows === 1 || ncols === 1) ? [nrows * ncols] : [nrows, ncols];
  return new AxesArrayObject(ps.classes.axesArray, axes, shape);
}

/** A figure size argument `(w, h)` in inches. */
export function figsizeArg(ps: PlotState, v: PyValue | undefined): [number, number] | null {
  if (v === undefined || v === null) return null;
  const size = numberArray(ps.interp, v, "figsize").values;
  if (size.length !== 2 || !size.every((s) => s > 0 && Number.isFinite(s)))
    throw valueError(`figure size must be positive finite not ${ps.interp.repr(v)}`);
  return [size[0], size[1]];
}

function figureText(
  ps: PlotState,
  fig: FigureState,
  x: number,
  y: number,
  s: PyValue,
  kw: Keywords,
  defaults: Partial<TextArtist>,
): ArtistObject {
  const props = textProps(ps, kw, kw.take("fontdict"), fig.spec.fontSize);
  kw.done();
  const spec: TextArtist = {
    kind: "text",
    x,
    y,
    text: ps.interp.str(s),
    coords: "figure",
    ha: props.ha ?? defaults.ha ?? "left",
    va: props.va ?? defaults.va ?? "baseline",
    color: props.color ?? BLACK,
    fontSize: props.size ?? defaults.fontSize ?? fig.spec.fontSize,
    rotation: props.rotation,
    weight: props.weight,
    zorder: 3,
    label: null,
  };
  fig.spec.texts.push(spec);
  ps.touch(fig);
  return new ArtistObject(ps.classes.text, spec, null);
}

/** `savefig` writes no file (programs may not write files): the figure is shown instead, and a note says so. */
export function saveFigure(ps: PlotState, fig: FigureState, args: PyValue[], kwargs: Kwargs): PyValue {
  const name = args[0] ?? kwargs?.get("fname");
  if (name === undefined) throw typeError("savefig() missing 1 required positional argument: 'fname'");
  fig.saved = true;
  ps.outputs.note(
    "info",
    `savefig(${ps.interp.repr(name)}) wrote no file: GradLens runs programs without writing files. The figure is shown instead (Figures tab, or the cell's output).`,
    ps.at,
    "savefig",
  );
  return null;
}

export function figureMethods(ps: PlotState): Record<string, FigureMethod> {
  const rt = ps.interp;
  return {
    add_subplot: (fig, args, kwargs) => {
      const kw = new Keywords(kwargs, "add_subplot");
      const view3d = projectionKeywords(ps, kw);
      kw.take("label");
      kw.done();
      return subplotAt(ps, fig, subplotSpec(args), false, view3d).obj;
    },
    add_axes: (fig, args, kwargs) => {
      const kw = new Keywords(kwargs, "add_axes");
      const rect = numberArray(rt, args[0] ?? kw.take("rect") ?? null, "rect").values;
      const view3d = projectionKeywords(ps, kw);
      kw.take("label");
      kw.done();
      if (rect.length !== 4)
        throw valueError("rect must be a sequence of 4 numbers: left, bottom, width, height");
      return ps.addAxes(fig, [rect[0], rect[1], rect[2], rect[3]], null, view3d).obj;
    },
    subplots: (fig, args, kwargs) => makeSubplots(ps, fig, args, kwargs),
    gca: (fig) => ps.gca(fig).obj,
    suptitle: (fig, args, kwargs) => {
      const kw = new Keywords(kwargs, "Text");
      const x = numberArg(rt, kw.take("x"), "x") ?? 0.5;
      const y = numberArg(rt, kw.take("y"), "y") ?? 0.98;
      const t = args[0] ?? kw.take("t");
      if (t === undefined) throw typeError("suptitle() missing 1 required positional argument: 't'");
      return figureText(ps, fig, x, y, t, kw, { ha: "center", va: "top", fontSize: 1.2 * fig.spec.fontSize });
    },
    text: (fig, args, kwargs) => {
      const kw = new Keywords(kwargs, "Text");
      const x = numberArg(rt, args[0] ?? kw.take("x"), "x");
      const y = numberArg(rt, args[1] ?? kw.take("y"), "y");
      const s = args[2] ?? kw.take("s");
      if (x === null || y === null || s === undefined)
        throw typeError("text() missing 3 required positional arguments: 'x', 'y', and 's'");
      return figureText(ps, fig, x, y, s, kw, {});
    },
    savefig: (fig, args, kwargs) => saveFigure(ps, fig, args, kwargs),
    show: (fig) => {
      ps.record(fig, ps.at);
      return null;
    },
    // matplotlib's tight_layout moves subplots so labels fit; GradLens keeps its default layout
    tight_layout: () => null,
    set_size_inches: (fig, args) => {
      const [w, h] =
        args.length === 1
          ? figsizeArg(ps, args[0])!
          : [numberArg(rt, args[0], "w")!, numberArg(rt, args[1], "h")!];
      fig.spec.width = w;
      fig.spec.height = h;
      ps.touch(fig);
      return null;
    },
    get_size_inches: (fig) => new PyTuple([fig.spec.width, fig.spec.height]),
    set_figwidth: (fig, [w]) => {
      fig.spec.width = numberArg(rt, w, "val") ?? fig.spec.width;
      return null;
    },
    set_figheight: (fig, [h]) => {
      fig.spec.height = numberArg(rt, h, "val") ?? fig.spec.height;
      return null;
    },
    set_facecolor: (fig, [c]) => {
      fig.spec.facecolor = colourArg(c ?? null, "facecolor") ?? fig.spec.facecolor;
      return null;
    },
    clf: (fig) => {
      fig.axes.length = 0;
      fig.spec.axes.length = 0;
      fig.spec.texts.length = 0;
      fig.current = null;
      fig.image = null;
      ps.touch(fig);
      return null;
    },
    subplots_adjust: (fig, args, kwargs) => {
      const names = ["left", "bottom", "right", "top", "wspace", "hspace"] as const;
      const kw = new Keywords(kwargs, "subplots_adjust");
      names.forEach((n, i) => {
        const v = numberArg(rt, args[i] ?? kw.take(n), n);
        if (v !== null) fig.subplotParams[n] = v;
      });
      kw.done();
      if (fig.subplotParams.left >= fig.subplotParams.right) throw valueError("left cannot be >= right");
      if (fig.subplotParams.bottom >= fig.subplotParams.top) throw valueError("bottom cannot be >= top");
      for (const ax of fig.axes) {
        if (ax.slot === null) continue;
        const [r, c, i] = ax.slot.split(",").map(Number);
        ax.spec.position = gridPosition(r, c, i, fig.subplotParams);
      }
      ps.touch(fig);
      return null;
    },
    colorbar: (fig, args, kwargs) => colorbar(ps, fig, args, kwargs),
    legend: () => {
      throw new UnsupportedError("Figure.legend is not supported by GradLens; use ax.legend()");
    },
    get_axes: (fig) => new PyList(fig.axes.map((a) => a.obj)),
    get_dpi: () => int(100),
  };
}
