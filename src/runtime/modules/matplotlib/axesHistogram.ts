import { withAlpha, type Rgba } from "../../../figures/colours";
import type { BarsArtist, FillArtist, LineArtist } from "../../../figures/figureSpec";
import { toArray } from "../../interpreter/collections";
import { PyInstance, PyList, PyTuple, type PyValue } from "../../interpreter/objects";
import { PyError, UnsupportedError, valueError } from "../../interpreter/pyErrors";
import type { AxesMethod } from "./axesPlotting";
import { nextPatchColour } from "./axesPlotting";
import { histogram, HistogramError } from "./histogram";
import { Keywords, intArgument, numberArg } from "./keywordArgs";
import { numberArray, tensorBehind, type NumberArray } from "./plotData";
import { ArtistObject, type PlotState } from "./plotState";
import { alphaArg, colourArg } from "./styleArgs";
import { pyArray } from "./pyArrays";

/**
 * `hist`: numpy's histogram of each data set (src/runtime/modules/matplotlib/histogram.ts)
 * drawn as matplotlib draws it — bars spanning the bins (several data sets side by side in
 * 80% of each bin, or stacked), or a step outline — and its return value `(n, bins, patches)`.
 */

/** The data sets `x` holds: one array, a list of arrays, or the columns of a 2-D array. */
function dataSets(ps: PlotState, x: PyValue): NumberArray[] {
  const rt = ps.interp;
  const t = tensorBehind(x);
  if (t === null && (x instanceof PyList || x instanceof PyTuple || x instanceof PyInstance)) {
    const items = x instanceof PyList || x instanceof PyTuple ? x.items : null;
    const nested =
      items !== null &&
      items.length > 0 &&
      items.every(
        (i) =>
          i instanceof PyList || i instanceof PyTuple || tensorBehind(i) !== null || i instanceof PyInstance,
      );
    if (nested) return toArray(rt, x).map((item) => flat(numberArray(rt, item, "x")));
  }
  const a = numberArray(rt, x, "x");
  if (a.shape.length === 2) {
    const [rows, cols] = a.shape;
    return Array.from({ length: cols }, (_, j) => ({
      ...a,
      shape: [rows],
      values: Array.from({ length: rows }, (_, i) => a.values[i * cols + j]),
    }));
  }
  return [flat(a)];
}

function flat(a: NumberArray): NumberArray {
  return { ...a, shape: [a.values.length] };
}

export const hist: AxesMethod = (ps, ax, args, kwargs) => {
  const rt = ps.interp;
  const kw = new Keywords(kwargs, "Rectangle");
  const xArg = args[0] ?? kw.take("x");
  if (xArg === undefined)
    throw new PyError("TypeError", "hist() missing 1 required positional argument: 'x'");
  const binsArg = args[1] ?? kw.take("bins");
  const rangeArg = args[2] ?? kw.take("range");
  const density = (args[3] ?? kw.take("density")) === true;
  const weightsArg = args[4] ?? kw.take("weights");
  const cumulativeArg = args[5] ?? kw.take("cumulative");
  const bottomArg = args[6] ?? kw.take("bottom");
  const histtype = String(args[7] ?? kw.take("histtype") ?? "bar");
  const align = String(args[8] ?? kw.take("align") ?? "mid");
  const orientation = String(args[9] ?? kw.take("orientation") ?? "vertical");
  const rwidth = numberArg(rt, args[10] ?? kw.take("rwidth"), "rwidth");
  const log = (args[11] ?? kw.take("log")) === true;
  const colorArg = args[12] ?? kw.take("color", "facecolor", "fc");
  const labelArg = args[13] ?? kw.take("label");
  const stacked = (args[14] ?? kw.take("stacked")) === true || histtype === "barstacked";
  const alpha = alphaArg(kw.take("alpha"));
  const edge = colourArg(kw.take("edgecolor", "ec"), "edgecolor");
  const linewidthArg = numberArg(rt, kw.take("linewidth", "lw"), "linewidth");
  const zorder = numberArg(rt, kw.take("zorder"), "zorder") ?? 1;
  kw.done();
  if (!["bar", "barstacked", "step", "stepfilled"].includes(histtype))
    throw valueError(
      `'${histtype}' is not a valid value for histtype; supported values are 'bar', 'barstacked', 'step', 'stepfilled'`,
    );
  if (!["left", "mid", "right"].includes(align))
    throw valueError(
      `'${align}' is not a valid value for align; supported values are 'left', 'mid', 'right'`,
    );
  if (orientation !== "vertical" && orientation !== "horizontal")
    throw valueError(
      `'${orientation}' is not a valid value for orientation; supported values are 'horizontal', 'vertical'`,
    );
  if (bottomArg !== undefined && bottomArg !== null)
    throw new UnsupportedError("hist(bottom=...) is not supported by GradLens");

  const sets = dataSets(ps, xArg);
  const nx = sets.length;
  const weights =
    weightsArg === undefined || weightsArg === null ? null : dataSets(ps, weightsArg).map((w) => w.values);
  if (weights !== null && weights.length !== nx) throw valueError("weights should have the same shape as x");
  let range: [number, number] | null = null;
  if (rangeArg !== undefined && rangeArg !== null) {
    const r = numberArray(rt, rangeArg, "range").values;
    if (r.length !== 2) throw valueError("too many values to unpack (expected 2)");
    range = [r[0], r[1]];
  }
  let bins: number | number[];
  if (binsArg === undefined || binsArg === null) bins = ps.rcNumber("hist.bins", 10);
  else if (typeof binsArg === "string")
    throw new UnsupportedError(
      `hist(bins='${binsArg}') is not supported by GradLens; give a number of bins or the edges`,
    );
  else {
    const count =
      tensorBehind(binsArg) === null && !(binsArg instanceof PyList || binsArg instanceof PyTuple)
        ? intArgument(binsArg, "bins")
        : null;
    bins = count ?? numberArray(rt, binsArg, "bins").values;
  }
  const float32 = sets.every((s) => s.float32);
  const run = (values: number[], w: number[] | null, b: number | number[], r: [number, number] | null) => {
    try {
      return histogram(values, { bins: b, range: r, weights: w, density, float32 });
    } catch (e) {
      if (e instanceof HistogramError) throw new PyError(e.pythonType, e.message);
      throw e;
    }
  };
  // several data sets share edges made from all their values together
  if (nx > 1 && typeof bins === "number")
    bins = run(
      sets.flatMap((s) => s.values),
      weights?.flat() ?? null,
      bins,
      range,
    ).edges;
  const results = sets.map((s, i) => run(s.values, weights?.[i] ?? null, bins, nx > 1 ? null : range));
  const edges = results[0].edges;
  let tops = results.map((r) => r.counts);
  if (stacked)
    tops = tops.map((_, i) => tops[0].map((__, k) => tops.slice(0, i + 1).reduce((s, t) => s + t[k], 0)));
  if (cumulativeArg !== undefined && cumulativeArg !== null && cumulativeArg !== false) {
    const reverse = typeof cumulativeArg === "number" && cumulativeArg < 0;
    tops = tops.map((t) => {
      const values = density ? t.map((v, k) => v * (edges[k + 1] - edges[k])) : [...t];
      const order = reverse ? [...values.keys()].reverse() : [...values.keys()];
      let sum = 0;
      for (const k of order) values[k] = sum += values[k];
      return values;
    });
  }

  const labels =
    labelArg === undefined || labelArg === null
      ? []
      : labelArg instanceof PyList || labelArg instanceof PyTuple
        ? labelArg.items.map((l) => rt.str(l))
        : [rt.str(labelArg)];
  const colours: Rgba[] = [];
  for (let i = 0; i < nx; i++) {
    if (colorArg === undefined || colorArg === null) colours.push(withAlpha(nextPatchColour(ax), alpha));
    else if (
      (colorArg instanceof PyList || colorArg instanceof PyTuple) &&
      colorArg.items.some((c) => typeof c === "string" || c instanceof PyTuple)
    )
      colours.push(withAlpha(colourArg(colorArg.items[i % colorArg.items.length])!, alpha));
    else colours.push(withAlpha(colourArg(colorArg)!, alpha));
  }
  const horizontal = orientation === "horizontal";
  if (log) (horizontal ? ax.spec.x : ax.spec.y).scale = "log";
  const patches: PyValue[] = [];
  const widths = edges.slice(1).map((e, k) => e - edges[k]);
  if (histtype.startsWith("bar")) {
    const dr = rwidth !== null ? Math.min(1, Math.max(0, rwidth)) : nx > 1 && !stacked ? 0.8 : 1;
    // side by side: each data set in its share of 80% of the bin; stacked: on top of each other
    const shift = align === "mid" ? 0.5 : align === "right" ? 1 : 0;
    let boffset = widths.map((w) => (stacked ? 0 : -0.5 * dr * w * (1 - 1 / nx)) + shift * w);
    tops.forEach((top, i) => {
      const width = widths.map((w) => (stacked ? dr * w : (dr * w) / nx));
      const bottom = stacked && i > 0 ? tops[i - 1] : top.map(() => 0);
      const rects = top.map((t, k) => {
        const centre = edges[k] + boffset[k];
        const height = t - bottom[k];
        return horizontal
          ? { x: bottom[k], y: centre - width[k] / 2, width: height, height: width[k] }
          : { x: centre - width[k] / 2, y: bottom[k], width: width[k], height };
      });
      if (!stacked) boffset = boffset.map((b, k) => b + width[k]);
      const artist: BarsArtist = {
        kind: "bars",
        rects,
        colors: [colours[i]],
        edgecolor: edge,
        linewidth: linewidthArg ?? (edge === null ? 0 : 1),
        sticky: horizontal ? { x: [0], y: [] } : { x: [], y: [0] },
        zorder,
        label: labels[i] ?? null,
      };
      ax.spec.artists.push(artist);
      const obj = new ArtistObject(ps.classes.barContainer, artist, ax);
      ax.handles.set(artist, obj);
      patches.push(obj);
    });
  } else {
    tops.forEach((top, i) => {
      const xs: number[] = [edges[0]];
      const ys: number[] = [stacked && i > 0 ? tops[i - 1][0] : 0];
      top.forEach((t, k) => {
        xs.push(edges[k], edges[k + 1]);
        ys.push(t, t);
      });
      xs.push(edges[edges.length - 1]);
      ys.push(stacked && i > 0 ? tops[i - 1][top.length - 1] : 0);
      const [px, py] = horizontal ? [ys, xs] : [xs, ys];
      // the outline starts and ends on the axis, which stays flush as it does under bars
      const sticky = horizontal ? { x: [0], y: [] } : { x: [], y: [0] };
      const label = labels[i] ?? null;
      if (histtype === "step") {
        const artist: LineArtist = {
          kind: "line",
          x: px,
          y: py,
          color: edge ?? colours[i],
          width: linewidthArg ?? 1,
          style: "-",
          steps: "default",
          marker: null,
          markerSize: 6,
          markerFace: colours[i],
          markerEdge: colours[i],
          coords: "data",
          zorder,
          label,
          sticky,
        };
        ax.spec.artists.push(artist);
        patches.push(new ArtistObject(ps.classes.polyCollection, artist, ax));
        ax.handles.set(artist, patches[patches.length - 1] as ArtistObject);
      } else {
        const artist: FillArtist = {
          kind: "fill",
          x: px,
          y: py,
          color: colours[i],
          edgecolor: edge,
          linewidth: linewidthArg ?? (edge === null ? 0 : 1),
          zorder,
          label,
          sticky,
        };
        ax.spec.artists.push(artist);
        patches.push(new ArtistObject(ps.classes.polyCollection, artist, ax));
        ax.handles.set(artist, patches[patches.length - 1] as ArtistObject);
      }
    });
  }
  ps.touch(ax.figure);
  const n = nx === 1 ? pyArray(ps, tops[0]) : new PyList(tops.map((t) => pyArray(ps, t)));
  const patchesValue = nx === 1 && histtype.startsWith("bar") ? patches[0] : new PyList(patches);
  return new PyTuple([n, pyArray(ps, edges), patchesValue]);
};
