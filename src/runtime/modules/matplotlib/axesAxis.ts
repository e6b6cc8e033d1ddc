import { axesFrame } from "../../../figures/axesFrame";
import { axisTicks } from "../../../figures/axesSvg";
import { frame3d } from "../../../figures/axes3dSvg";
import type { AxisSpec } from "../../../figures/figureSpec";
import { toArray } from "../../interpreter/collections";
import { PyList, PyTuple, type PyValue } from "../../interpreter/objects";
import { typeError, UnsupportedError, valueError } from "../../interpreter/pyErrors";
import { currentLimits, textObject, textProps } from "./axesDecor";

export { currentLimits };
import type { AxesMethod } from "./axesPlotting";
import { Keywords, numberArg } from "./keywordArgs";
import { numberArray } from "./plotData";
import { pyArray } from "./pyArrays";
import type { AxesState, PlotState } from "./plotState";

/**
 * An axes' two axes: their limits (read as drawn, set in either order), ticks and tick labels
 * (`set_xticks`, pyplot's `xticks`), and scales — the methods pyplot's `xlim`, `xticks`,
 * `yscale`, … call on the current axes.
 */

export function getLimits(which: "x" | "y"): AxesMethod {
  return (_ps, ax) => new PyTuple(currentLimits(ax, which));
}

export function setLimits(which: "x" | "y"): AxesMethod {
  return (ps, ax, args, kwargs) => {
    const rt = ps.interp;
    const [loName, hiName] = which === "x" ? ["left", "right"] : ["bottom", "top"];
    const kw = new Keywords(kwargs, `set_${which}lim`);
    let lo: PyValue | undefined = args[0] ?? kw.take(loName, `${which}min`);
    let hi: PyValue | undefined = args[1] ?? kw.take(hiName, `${which}max`);
    kw.take("emit");
    kw.take("auto");
    kw.done();
    if (args.length > 2)
      throw typeError(
        `set_${which}lim() takes from 1 to 3 positional arguments but ${args.length + 1} were given`,
      );
    if (hi === undefined && (lo instanceof PyTuple || lo instanceof PyList)) {
      if (lo.items.length !== 2) throw valueError(`too many values to unpack (expected 2)`);
      [lo, hi] = lo.items;
    }
    const current = currentLimits(ax, which);
    const a = numberArg(rt, lo, loName) ?? current[0];
    const b = numberArg(rt, hi, hiName) ?? current[1];
    if (!Number.isFinite(a) || !Number.isFinite(b)) throw valueError(`Axis limits cannot be NaN or Inf`);
    ax.spec[which].limits = [a, b];
    ps.touch(ax.figure);
    return new PyTuple([a, b]);
  };
}

/** The tick locations shown now (as the drawing would place them). */
export function currentTicks(ax: AxesState, which: "x" | "y" | "z"): { locs: number[]; labels: string[] } {
  const fig = ax.figure.spec;
  if (ax.spec.view3d) {
    // every axis of a 3-D axes ticks as an x axis as long as the square box
    const f = frame3d(ax.spec, fig.width * 72, fig.height * 72);
    const t = axisTicks(axisSpecOf(ax, which), f.lims[which], f.size, "x", fig.fontSize);
    return { locs: t.locs, labels: t.labels };
  }
  if (which === "z") throw new UnsupportedError("a 2-D axes has no z axis");
  const frame = axesFrame(ax.spec, fig.width * 72, fig.height * 72);
  const t = axisTicks(
    ax.spec[which],
    which === "x" ? frame.xlim : frame.ylim,
    which === "x" ? frame.width : frame.height,
    which,
    fig.fontSize,
  );
  return { locs: t.locs, labels: t.labels };
}

/** An axes' x, y or (3-D) z axis. */
export function axisSpecOf(ax: AxesState, which: "x" | "y" | "z"): AxisSpec {
  return which === "z" ? ax.spec.view3d!.z : ax.spec[which];
}

export function labelsFrom(ps: PlotState, v: PyValue): string[] {
  return toArray(ps.interp, v).map((l) => ps.interp.str(l));
}

/** `set_xticks(ticks, labels=None)`. */
export function setTicks(which: "x" | "y" | "z"): AxesMethod {
  return (ps, ax, args, kwargs) => {
    const kw = new Keywords(kwargs, "Text");
    const ticksArg = args[0] ?? kw.take("ticks");
    const labelsArg = args[1] ?? kw.take("labels");
    if (kw.take("minor") === true) throw new UnsupportedError("minor ticks are not supported by GradLens");
    const props = textProps(ps, kw, undefined, ax.figure.spec.fontSize);
    kw.done();
    const axis = axisSpecOf(ax, which);
    if (ticksArg === undefined)
      throw typeError(`set_${which}ticks() missing 1 required positional argument: 'ticks'`);
    axis.ticks = numberArray(ps.interp, ticksArg, "ticks").values;
    axis.tickLabels = labelsArg === undefined || labelsArg === null ? null : labelsFrom(ps, labelsArg);
    if (axis.tickLabels !== null && axis.tickLabels.length !== axis.ticks.length)
      throw valueError(
        `The number of FixedLocator locations (${axis.ticks.length}), usually from a call to set_ticks, does not match the number of labels (${axis.tickLabels.length}).`,
      );
    if (props.rotation !== 0) axis.tickRotation = props.rotation;
    ps.touch(ax.figure);
    return new PyList(axis.ticks.map(() => null));
  };
}

export function setTickLabels(which: "x" | "y" | "z"): AxesMethod {
  return (ps, ax, args, kwargs) => {
    const kw = new Keywords(kwargs, "Text");
    const labelsArg = args[0] ?? kw.take("labels");
    kw.take("minor");
    const props = textProps(ps, kw, args[1] ?? kw.take("fontdict"), ax.figure.spec.fontSize);
    kw.done();
    if (labelsArg === undefined)
      throw typeError(`set_${which}ticklabels() missing 1 required positional argument: 'labels'`);
    const axis = axisSpecOf(ax, which);
    if (axis.ticks === null) axis.ticks = currentTicks(ax, which).locs;
    const labels = labelsFrom(ps, labelsArg);
    axis.tickLabels = axis.ticks.map((_, i) => labels[i] ?? "");
    if (props.rotation !== 0) axis.tickRotation = props.rotation;
    ps.touch(ax.figure);
    return new PyList(labels.map((l) => textObject(ps, ax, l, 0, 0)));
  };
}

/** pyplot's `xticks(ticks=None, labels=None, **kwargs)`: reads or sets, and returns (locs, labels). */
export function pyplotTicks(which: "x" | "y"): AxesMethod {
  return (ps, ax, args, kwargs) => {
    const kw = new Keywords(kwargs, "Text");
    const ticksArg = args[0] ?? kw.take("ticks");
    const labelsArg = args[1] ?? kw.take("labels");
    kw.take("minor");
    const props = textProps(ps, kw, undefined, ax.figure.spec.fontSize);
    kw.done();
    const axis = ax.spec[which];
    if (ticksArg !== undefined && ticksArg !== null) {
      axis.ticks = numberArray(ps.interp, ticksArg, "ticks").values;
      axis.tickLabels = null;
    }
    if (labelsArg !== undefined && labelsArg !== null) {
      if (axis.ticks === null)
        throw typeError("xticks(): Parameter 'labels' can't be set without setting 'ticks'");
      axis.tickLabels = labelsFrom(ps, labelsArg);
      if (axis.tickLabels.length !== axis.ticks.length)
        throw valueError(
          `The number of FixedLocator locations (${axis.ticks.length}), usually from a call to set_ticks, does not match the number of labels (${axis.tickLabels.length}).`,
        );
    }
    if (props.rotation !== 0) axis.tickRotation = props.rotation;
    ps.touch(ax.figure);
    const { locs, labels } = currentTicks(ax, which);
    return new PyTuple([
      pyArray(ps, locs),
      new PyList(labels.map((l, i) => textObject(ps, ax, l, locs[i], 0))),
    ]);
  };
}

export function setScale(which: "x" | "y"): AxesMethod {
  return (ps, ax, args, kwargs) => {
    const value = args[0] ?? (kwargs?.get("value") as PyValue | undefined);
    if (value !== "linear" && value !== "log") {
      if (value === "symlog" || value === "logit" || value === "asinh" || value === "function")
        throw new UnsupportedError(
          `the '${value}' scale is not supported by GradLens; use 'linear' or 'log'`,
        );
      throw valueError(
        `${ps.interp.repr(value ?? null)} is not a valid value for scale; supported values are 'asinh', 'function', 'functionlog', 'linear', 'log', 'logit', 'symlog'`,
      );
    }
    for (const k of kwargs?.keys() ?? [])
      if (!["value", "base", "nonpositive"].includes(k))
        throw typeError(`set_${which}scale() got an unexpected keyword argument '${k}'`);
    ax.spec[which].scale = value as "linear" | "log";
    ps.touch(ax.figure);
    return null;
  };
}
