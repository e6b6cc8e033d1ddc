import { PyList, PyTuple } from "../../interpreter/objects";
import { pyArray } from "./pyArrays";
import { currentTicks, getLimits, setLimits, setScale, setTickLabels, setTicks } from "./axesAxis";
import {
  axis,
  clear,
  grid,
  invert,
  margins,
  setAspect,
  setFacecolor,
  setLabel,
  setMany,
  setTitle,
  text,
} from "./axesDecor";
import { legend } from "./axesLegend";
import { hist } from "./axesHistogram";
import { contour, imshow } from "./axesImages";
import { bar, fillBetween, plot, scatter, straightLine, type AxesMethod } from "./axesPlotting";
import { Keywords } from "./keywordArgs";

/**
 * Every method of an `Axes` by its matplotlib name; pyplot's functions call the same ones on
 * the current axes.
 */

/** `semilogy(...)` and friends: `plot` on a log scale. */
function logPlot(x: boolean, y: boolean): AxesMethod {
  return (ps, ax, args, kwargs) => {
    if (x) ax.spec.x.scale = "log";
    if (y) ax.spec.y.scale = "log";
    const rest = kwargs
      ? new Map([...kwargs].filter(([k]) => !["base", "subs", "nonpositive"].includes(k)))
      : null;
    return plot(ps, ax, args, rest);
  };
}

/** `tick_params`: only label rotation changes the drawing; sizes and colours of ticks are left as they are. */
const tickParams: AxesMethod = (ps, ax, args, kwargs) => {
  const kw = new Keywords(kwargs, "tick_params");
  const which = args[0] ?? kw.take("axis") ?? "both";
  const rotation = kw.take("labelrotation", "rotation");
  for (const k of [...(kwargs?.keys() ?? [])]) kw.take(k);
  if (rotation !== undefined && rotation !== null) {
    const degrees = typeof rotation === "number" ? rotation : Number(ps.interp.str(rotation));
    if (which === "x" || which === "both") ax.spec.x.tickRotation = degrees;
    if (which === "y" || which === "both") ax.spec.y.tickRotation = degrees;
  }
  return null;
};

/** The `set_*` methods `ax.set(...)` calls. */
export const SETTERS: Record<string, AxesMethod> = {
  set_title: setTitle,
  set_xlabel: setLabel("x"),
  set_ylabel: setLabel("y"),
  set_xlim: setLimits("x"),
  set_ylim: setLimits("y"),
  set_xticks: setTicks("x"),
  set_yticks: setTicks("y"),
  set_xticklabels: setTickLabels("x"),
  set_yticklabels: setTickLabels("y"),
  set_xscale: setScale("x"),
  set_yscale: setScale("y"),
  set_aspect: setAspect,
  set_facecolor: setFacecolor,
};

export const AXES_METHODS: Record<string, AxesMethod> = {
  plot,
  scatter,
  bar: bar(false),
  barh: bar(true),
  hist,
  imshow,
  contour: contour(false),
  contourf: contour(true),
  fill_between: fillBetween,
  axhline: straightLine("h"),
  axvline: straightLine("v"),
  semilogy: logPlot(false, true),
  semilogx: logPlot(true, false),
  loglog: logPlot(true, true),
  text,
  legend,
  grid,
  axis,
  margins,
  invert_xaxis: invert("x"),
  invert_yaxis: invert("y"),
  cla: clear,
  clear,
  tick_params: tickParams,
  get_xlim: getLimits("x"),
  get_ylim: getLimits("y"),
  get_xticks: (ps, ax) => pyArray(ps, currentTicks(ax, "x").locs),
  get_yticks: (ps, ax) => pyArray(ps, currentTicks(ax, "y").locs),
  get_title: (_ps, ax, args) =>
    ax.spec.title[(args[0] as "left" | "center" | "right" | undefined) ?? "center"] ?? "",
  get_xlabel: (_ps, ax) => ax.spec.x.label,
  get_ylabel: (_ps, ax) => ax.spec.y.label,
  get_xscale: (_ps, ax) => ax.spec.x.scale,
  get_yscale: (_ps, ax) => ax.spec.y.scale,
  set_axis_off: (ps, ax) => {
    ax.spec.axisOn = false;
    ps.touch(ax.figure);
    return null;
  },
  set_axis_on: (ps, ax) => {
    ax.spec.axisOn = true;
    ps.touch(ax.figure);
    return null;
  },
  get_legend_handles_labels: (_ps, ax) => {
    const labelled = ax.spec.artists.filter((a) => a.label !== null && !a.label.startsWith("_"));
    return new PyTuple([
      new PyList(labelled.map((a) => ax.handles.get(a) ?? null)),
      new PyList(labelled.map((a) => a.label)),
    ]);
  },
  ...SETTERS,
  set: setMany(SETTERS),
};
