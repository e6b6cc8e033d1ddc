import { viewLimits } from "../../../figures/autoscale";
import { BLACK, withAlpha, type Rgba } from "../../../figures/colours";
import type {
  AxisSpec,
  HorizontalAlign,
  TextArtist,
  TextStyleSpec,
  VerticalAlign,
} from "../../../figures/figureSpec";
import { PyDict, PyInstance, PyInt, PyList, PyTuple, type PyValue } from "../../interpreter/objects";
import { PyError, typeError, UnsupportedError, valueError } from "../../interpreter/pyErrors";
import type { AxesMethod } from "./axesPlotting";
import { fontSizeArg, Keywords, numberArg, stringArg, textArg } from "./keywordArgs";
import { numberArray } from "./plotData";
import { ArtistObject, type AxesState, type PlotState } from "./plotState";
import { alphaArg, colourArg, lineStyleArg } from "./styleArgs";

/**
 * What an axes says besides its data: titles, axis labels, the grid, `axis('off')`/`'equal'`,
 * texts, aspect and margins — the `set_*` methods of the object API, which pyplot's `title`,
 * `xlabel`, … call on the current axes. (Limits, ticks and scales: axesAxis.ts; the legend:
 * axesLegend.ts.)
 */

/** The limits as shown now (autoscaled from what is drawn so far, or as set). */
export function currentLimits(ax: AxesState, which: "x" | "y"): [number, number] {
  return viewLimits(ax.spec)[which];
}

/** A marker for `transform=ax.transAxes` / `fig.transFigure`: text positions in fractions. */
export class TransformObject extends PyInstance {
  constructor(
    cls: import("../../interpreter/objects").PyClass,
    readonly coords: TextArtist["coords"],
  ) {
    super(cls);
  }
}

const H_ALIGN = ["left", "center", "right"];
const V_ALIGN = ["top", "center", "bottom", "baseline", "center_baseline"];

/** Text properties (`fontsize`, `color`, `ha`, `va`, `rotation`, `fontweight`) from keywords and a `fontdict`. */
export function textProps(ps: PlotState, kw: Keywords, fontdict: PyValue | undefined, base: number) {
  const rt = ps.interp;
  const fromDict = (name: string): PyValue | undefined => {
    if (!(fontdict instanceof PyDict)) return undefined;
    for (const e of fontdict.entries.values()) if (e.key === name) return e.value;
    return undefined;
  };
  const pick = (...names: string[]) => kw.take(...names) ?? names.map(fromDict).find((v) => v !== undefined);
  const size = fontSizeArg(rt, pick("fontsize", "size"), base);
  const color = colourArg(pick("color", "c"));
  const alpha = alphaArg(pick("alpha"));
  const weightArg = pick("fontweight", "weight");
  const weight: "normal" | "bold" =
    weightArg === "bold" ||
    weightArg === "heavy" ||
    weightArg === "extra bold" ||
    weightArg === "black" ||
    (typeof weightArg === "number" && weightArg >= 600)
      ? "bold"
      : "normal";
  const ha = stringArg(pick("horizontalalignment", "ha"), "horizontalalignment");
  const va = stringArg(pick("verticalalignment", "va"), "verticalalignment");
  if (ha !== null && !H_ALIGN.includes(ha))
    throw valueError(
      `'${ha}' is not a valid value for horizontalalignment; supported values are 'center', 'right', 'left'`,
    );
  if (va !== null && !V_ALIGN.includes(va))
    throw valueError(
      `'${va}' is not a valid value for verticalalignment; supported values are 'top', 'bottom', 'center', 'baseline', 'center_baseline'`,
    );
  const rotationArg = pick("rotation");
  const rotation =
    rotationArg === undefined || rotationArg === null || rotationArg === "horizontal"
      ? 0
      : rotationArg === "vertical"
        ? 90
        : numberArg(rt, rotationArg, "rotation")!;
  for (const ignored of [
    "family",
    "fontfamily",
    "fontname",
    "style",
    "fontstyle",
    "bbox",
    "wrap",
    "multialignment",
    "ma",
    "linespacing",
    "rotation_mode",
    "fontstretch",
    "stretch",
    "variant",
    "fontvariant",
    "usetex",
    "parse_math",
    "clip_on",
  ])
    kw.take(ignored);
  return {
    size,
    color: color === null ? null : withAlpha(color, alpha),
    weight,
    ha: ha as HorizontalAlign | null,
    va: va as VerticalAlign | null,
    rotation,
  };
}

export function textObject(
  ps: PlotState,
  ax: AxesState | null,
  text: string,
  x: number,
  y: number,
  color: Rgba = BLACK,
): ArtistObject {
  const spec: TextArtist = {
    kind: "text",
    x,
    y,
    text,
    coords: "axes",
    ha: "center",
    va: "baseline",
    color,
    fontSize: 10,
    rotation: 0,
    weight: "normal",
    zorder: 3,
    label: null,
  };
  return new ArtistObject(ps.classes.text, spec, ax);
}

function styleOf(p: ReturnType<typeof textProps>): TextStyleSpec | null {
  if (p.size === null && p.color === null && p.weight === "normal") return null;
  return { size: p.size, color: p.color ?? BLACK, weight: p.weight };
}

export const setTitle: AxesMethod = (ps, ax, args, kwargs) => {
  const kw = new Keywords(kwargs, "Text");
  const label = textArg(ps.interp, args[0] ?? kw.take("label")) ?? "";
  const fontdict = args[1] ?? kw.take("fontdict");
  const loc = stringArg(args[2] ?? kw.take("loc"), "loc") ?? "center";
  if (loc !== "left" && loc !== "center" && loc !== "right")
    throw valueError(`'${loc}' is not a valid value for loc; supported values are 'left', 'center', 'right'`);
  kw.take("pad");
  kw.take("y");
  const props = textProps(ps, kw, fontdict, 1.2 * ax.figure.spec.fontSize);
  kw.done();
  ax.spec.title[loc] = label;
  ax.spec.titleStyle = styleOf(props) ?? ax.spec.titleStyle;
  ps.touch(ax.figure);
  return textObject(ps, ax, label, loc === "left" ? 0 : loc === "center" ? 0.5 : 1, 1);
};

export function setLabel(which: "x" | "y" | "z"): AxesMethod {
  return (ps, ax, args, kwargs) => {
    const kw = new Keywords(kwargs, "Text");
    const label = textArg(ps.interp, args[0] ?? kw.take(`${which}label`)) ?? "";
    const fontdict = args[1] ?? kw.take("fontdict");
    kw.take("labelpad");
    kw.take("loc");
    const props = textProps(ps, kw, fontdict, ax.figure.spec.fontSize);
    kw.done();
    const axis = which === "z" ? ax.spec.view3d!.z : ax.spec[which];
    axis.label = label;
    axis.labelStyle = styleOf(props) ?? axis.labelStyle;
    ps.touch(ax.figure);
    return textObject(ps, ax, label, which === "x" ? 0.5 : 0, which === "x" ? 0 : 0.5);
  };
}

export const grid: AxesMethod = (ps, ax, args, kwargs) => {
  const kw = new Keywords(kwargs, "Line2D");
  let visible = args[0] ?? kw.take("visible", "b");
  const which = args[1] ?? kw.take("which") ?? "major";
  const axisArg = args[2] ?? kw.take("axis") ?? "both";
  const color = colourArg(kw.take("color", "c"));
  const style = lineStyleArg(kw.take("linestyle", "ls"));
  const width = numberArg(ps.interp, kw.take("linewidth", "lw"), "linewidth");
  const alpha = alphaArg(kw.take("alpha"));
  kw.take("zorder");
  kw.done();
  if (which === "minor") return null;
  if (axisArg !== "both" && axisArg !== "x" && axisArg !== "y")
    throw valueError(
      `'${ps.interp.str(axisArg)}' is not a valid value for axis; supported values are 'x', 'y', 'both'`,
    );
  const styled = color !== null || style !== null || width !== null || alpha !== null;
  if (styled) {
    if (visible === undefined || visible === null) visible = true;
    const base = ax.spec.gridStyle ?? {
      color: [0.690196, 0.690196, 0.690196, 1] as Rgba,
      width: 0.8,
      style: "-" as const,
    };
    ax.spec.gridStyle = {
      color: withAlpha(color ?? base.color, alpha),
      width: width ?? base.width,
      style: style ?? base.style,
    };
  }
  for (const a of axisArg === "both" ? (["x", "y"] as const) : [axisArg as "x" | "y"]) {
    // grid() with nothing toggles, as matplotlib's does; grid('minor') is truthy, so on
    ax.spec.grid[a] = visible === undefined || visible === null ? !ax.spec.grid[a] : truthy(visible);
  }
  ps.touch(ax.figure);
  return null;
};

function truthy(v: PyValue): boolean {
  if (v === false || v === null || v === "") return false;
  if (typeof v === "number") return v !== 0;
  if (v instanceof PyInt) return v.v !== 0;
  return true;
}

export const axis: AxesMethod = (ps, ax, args, kwargs) => {
  const rt = ps.interp;
  const arg = args[0];
  const kw = new Keywords(kwargs, "axis");
  const limits = {
    xmin: kw.take("xmin"),
    xmax: kw.take("xmax"),
    ymin: kw.take("ymin"),
    ymax: kw.take("ymax"),
  };
  kw.take("emit");
  kw.done();
  if (typeof arg === "string") {
    switch (arg) {
      case "off":
        ax.spec.axisOn = false;
        break;
      case "on":
        ax.spec.axisOn = true;
        break;
      case "equal":
        ax.spec.aspect = 1;
        ax.spec.adjustable = "datalim";
        break;
      case "scaled":
      case "square":
        ax.spec.aspect = 1;
        ax.spec.adjustable = "box";
        break;
      case "image": {
        ax.spec.aspect = 1;
        ax.spec.adjustable = "box";
        ax.spec.margins = { x: 0, y: 0 };
        break;
      }
      case "tight":
        ax.spec.margins = { x: 0, y: 0 };
        break;
      case "auto":
      case "normal":
        ax.spec.aspect = "auto";
        break;
      default:
        throw valueError(`Unrecognized string '${arg}' to axis; try 'on' or 'off'`);
    }
  } else if (arg instanceof PyList || arg instanceof PyTuple) {
    const v = numberArray(rt, arg, "limits").values;
    if (v.length !== 4)
      throw typeError(
        "the first argument to axis() must be an iterable of the form [xmin, xmax, ymin, ymax]",
      );
    ax.spec.x.limits = [v[0], v[1]];
    ax.spec.y.limits = [v[2], v[3]];
  } else if (typeof arg === "boolean") ax.spec.axisOn = arg;
  else if (arg !== undefined && arg !== null)
    throw typeError("the first argument to axis() must be an iterable of the form [xmin, xmax, ymin, ymax]");
  for (const which of ["x", "y"] as const) {
    const lo = limits[`${which}min`];
    const hi = limits[`${which}max`];
    if (lo !== undefined || hi !== undefined) {
      const current = currentLimits(ax, which);
      ax.spec[which].limits = [
        numberArg(rt, lo, `${which}min`) ?? current[0],
        numberArg(rt, hi, `${which}max`) ?? current[1],
      ];
    }
  }
  ps.touch(ax.figure);
  const [x0, x1] = currentLimits(ax, "x");
  const [y0, y1] = currentLimits(ax, "y");
  return new PyTuple([x0, x1, y0, y1]);
};

export const text: AxesMethod = (ps, ax, args, kwargs) => {
  const rt = ps.interp;
  const kw = new Keywords(kwargs, "Text");
  const x = numberArg(rt, args[0] ?? kw.take("x"), "x");
  const y = numberArg(rt, args[1] ?? kw.take("y"), "y");
  const s = args[2] ?? kw.take("s");
  if (x === null || y === null || s === undefined)
    throw typeError("text() missing 3 required positional arguments: 'x', 'y', and 's'");
  const transform = kw.take("transform");
  const props = textProps(ps, kw, args[3] ?? kw.take("fontdict"), ax.figure.spec.fontSize);
  const zorder = numberArg(rt, kw.take("zorder"), "zorder") ?? 3;
  const label = textArg(rt, kw.take("label"));
  kw.done();
  const coords = transform instanceof TransformObject ? transform.coords : "data";
  if (transform !== undefined && transform !== null && !(transform instanceof TransformObject))
    throw new UnsupportedError(
      "text(transform=...) is supported by GradLens only for ax.transAxes, ax.transData and fig.transFigure",
    );
  const spec: TextArtist = {
    kind: "text",
    x,
    y,
    text: rt.str(s),
    coords: coords === "figure" ? "axes" : coords,
    ha: props.ha ?? "left",
    va: props.va ?? "baseline",
    color: props.color ?? BLACK,
    fontSize: props.size ?? ax.figure.spec.fontSize,
    rotation: props.rotation,
    weight: props.weight,
    zorder,
    label,
  };
  if (coords === "figure") {
    ax.figure.spec.texts.push(spec);
  } else ax.spec.artists.push(spec);
  ps.touch(ax.figure);
  return new ArtistObject(ps.classes.text, spec, ax);
};

export const setAspect: AxesMethod = (ps, ax, args, kwargs) => {
  const kw = new Keywords(kwargs, "set_aspect");
  const aspect = args[0] ?? kw.take("aspect");
  const adjustable = args[1] ?? kw.take("adjustable");
  kw.take("anchor");
  kw.take("share");
  kw.done();
  if (aspect === "auto") ax.spec.aspect = "auto";
  else if (aspect === "equal") ax.spec.aspect = 1;
  else ax.spec.aspect = numberArg(ps.interp, aspect, "aspect") ?? "auto";
  if (adjustable === "datalim" || adjustable === "box") ax.spec.adjustable = adjustable as "box" | "datalim";
  else if (adjustable !== undefined && adjustable !== null)
    throw valueError(
      `'${ps.interp.str(adjustable)}' is not a valid value for adjustable; supported values are 'box', 'datalim'`,
    );
  ps.touch(ax.figure);
  return null;
};

export function invert(which: "x" | "y"): AxesMethod {
  return (ps, ax) => {
    const axis: AxisSpec = ax.spec[which];
    if (axis.limits !== null) axis.limits = [axis.limits[1], axis.limits[0]];
    else axis.inverted = !axis.inverted;
    ps.touch(ax.figure);
    return null;
  };
}

export const margins: AxesMethod = (ps, ax, args, kwargs) => {
  const rt = ps.interp;
  const kw = new Keywords(kwargs, "margins");
  const x = numberArg(rt, kw.take("x"), "x");
  const y = numberArg(rt, kw.take("y"), "y");
  kw.take("tight");
  kw.done();
  if (args.length === 0 && x === null && y === null)
    return new PyTuple([ax.spec.margins.x, ax.spec.margins.y]);
  const both = args.length === 1 ? numberArg(rt, args[0], "margins") : null;
  const mx = args.length === 2 ? numberArg(rt, args[0], "x") : (x ?? both);
  const my = args.length === 2 ? numberArg(rt, args[1], "y") : (y ?? both);
  for (const m of [mx, my]) if (m !== null && m <= -0.5) throw valueError("margin must be greater than -0.5");
  ax.spec.margins = { x: mx ?? ax.spec.margins.x, y: my ?? ax.spec.margins.y };
  ps.touch(ax.figure);
  return null;
};

export const setFacecolor: AxesMethod = (ps, ax, args) => {
  ax.spec.facecolor = colourArg(args[0] ?? null, "facecolor") ?? ax.spec.facecolor;
  ps.touch(ax.figure);
  return null;
};

/** `ax.cla()`: everything drawn and set is cleared; the axes keeps its place. */
export const clear: AxesMethod = (ps, ax) => {
  const s = ax.spec;
  s.artists.length = 0;
  s.legend = null;
  s.title = { left: "", center: "", right: "" };
  for (const a of s.view3d ? [s.x, s.y, s.view3d.z] : [s.x, s.y])
    Object.assign(a, {
      label: "",
      limits: null,
      ticks: null,
      tickLabels: null,
      scale: "linear",
      inverted: false,
      labelStyle: null,
      tickRotation: 0,
    });
  s.aspect = "auto";
  s.axisOn = true;
  if (s.view3d) s.view3d.zMargin = 0;
  ax.lineCycle = 0;
  ax.patchCycle = 0;
  ax.handles.clear();
  ps.touch(ax.figure);
  return null;
};

/** `ax.set(title=..., xlabel=..., xlim=...)`: each keyword is its `set_` method. */
export function setMany(methods: Record<string, AxesMethod>): AxesMethod {
  return (ps, ax, args, kwargs) => {
    if (args.length > 0) throw typeError("set() takes 1 positional argument but more were given");
    for (const [name, value] of kwargs ?? []) {
      const method = methods[`set_${name}`];
      if (method === undefined)
        throw new PyError("AttributeError", `Axes.set() got an unexpected keyword argument '${name}'`);
      method(
        ps,
        ax,
        value instanceof PyTuple && (name === "xlim" || name === "ylim") ? value.items : [value],
        null,
      );
    }
    return null;
  };
}
