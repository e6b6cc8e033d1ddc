import { normalise } from "../../../figures/colormaps";
import { withAlpha, type Rgba } from "../../../figures/colours";
import type { ContourArtist, ImageArtist } from "../../../figures/figureSpec";
import { DEFAULT_STEPS, maxNTicks } from "../../../figures/ticks";
import { PyList, PyTuple, type PyValue } from "../../interpreter/objects";
import { typeError, UnsupportedError, valueError } from "../../interpreter/pyErrors";
import { chargeArray } from "../../../engine/memory";
import type { AxesMethod } from "./axesPlotting";
import { intArgument, Keywords, numberArg, stringArg, textArg } from "./keywordArgs";
import { matrix, numberArray, shapeText, tensorBehind } from "./plotData";
import { ArtistObject, type PlotState } from "./plotState";
import { noteMappable, type ScalarMappable } from "./colorbar";
import { alphaArg, colormapArg, colourArg } from "./styleArgs";

/**
 * `imshow` (2-D data through a colormap, or RGB(A) pixels) and `contour`/`contourf` (levels
 * chosen as matplotlib's MaxNLocator chooses them, bands coloured at their middle value).
 */

/** Data minimum and maximum, NaN ignored (numpy's nanmin/nanmax as the norm autoscales). */
function finiteRange(values: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values)
    if (!Number.isNaN(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  return lo <= hi ? [lo, hi] : [0, 1];
}

const SMOOTH = new Set([
  "bilinear",
  "bicubic",
  "spline16",
  "spline36",
  "hanning",
  "hamming",
  "hermite",
  "kaiser",
  "quadric",
  "catrom",
  "gaussian",
  "bessel",
  "mitchell",
  "sinc",
  "lanczos",
  "blackman",
]);

export const imshow: AxesMethod = (ps, ax, args, kwargs) => {
  const rt = ps.interp;
  const kw = new Keywords(kwargs, "AxesImage");
  const xArg = args[0] ?? kw.take("X");
  if (xArg === undefined) throw typeError("imshow() missing 1 required positional argument: 'X'");
  const cmapArg = args[1] ?? kw.take("cmap");
  if ((args[2] ?? kw.take("norm")) != null)
    throw new UnsupportedError("imshow(norm=...) is not supported by GradLens; use vmin= and vmax=");
  const aspectArg = kw.take("aspect");
  const interpolation = stringArg(kw.take("interpolation"), "interpolation") ?? "antialiased";
  const alpha = alphaArg(kw.take("alpha"));
  const vminArg = numberArg(rt, kw.take("vmin"), "vmin");
  const vmaxArg = numberArg(rt, kw.take("vmax"), "vmax");
  const origin = stringArg(kw.take("origin"), "origin") ?? "upper";
  const extentArg = kw.take("extent");
  const label = textArg(rt, kw.take("label"));
  const zorder = numberArg(rt, kw.take("zorder"), "zorder") ?? 0;
  kw.take("interpolation_stage");
  kw.done();
  if (origin !== "upper" && origin !== "lower")
    throw valueError(`'${origin}' is not a valid value for origin; supported values are 'upper', 'lower'`);
  if (!SMOOTH.has(interpolation) && !["antialiased", "nearest", "none", "auto"].includes(interpolation))
    throw valueError(`Interpolation '${interpolation}' is not a valid interpolation`);

  const data = numberArray(rt, xArg, "X");
  const shape = data.shape;
  if (!(shape.length === 2 || (shape.length === 3 && (shape[2] === 3 || shape[2] === 4))))
    throw typeError(`Invalid shape ${shapeText(shape)} for image data`);
  const [rows, cols] = shape;
  chargeArray(rows * cols * 4);
  const pixels = new Uint8Array(rows * cols * 4);
  const byte = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 255);
  let scale: ScalarMappable | null = null;
  if (shape.length === 2) {
    const map = colormapArg(
      cmapArg,
      typeof ps.rc("image.cmap") === "string" ? (ps.rc("image.cmap") as string) : undefined,
    );
    const [lo0, hi0] = finiteRange(data.values);
    const lo = vminArg ?? lo0;
    const hi = vmaxArg ?? hi0;
    scale = { map, lo, hi, alpha, bands: null };
    data.values.forEach((v, k) => {
      const c = withAlpha(map.at(normalise(v, lo, hi)), Number.isNaN(v) ? 0 : alpha);
      pixels.set([byte(c[0]), byte(c[1]), byte(c[2]), byte(c[3])], k * 4);
    });
  } else {
    const channels = shape[2];
    const scale = data.integer ? 255 : 1;
    for (let k = 0; k < rows * cols; k++) {
      for (let ch = 0; ch < 4; ch++) {
        const v = ch < channels ? data.values[k * channels + ch] / scale : 1;
        pixels[k * 4 + ch] = byte(ch === 3 && alpha !== null ? v * alpha : v);
      }
    }
  }
  let extent: [number, number, number, number];
  if (extentArg !== undefined && extentArg !== null) {
    const e = numberArray(rt, extentArg, "extent").values;
    if (e.length !== 4) throw valueError("extent should have 4 elements");
    extent = [e[0], e[1], e[2], e[3]];
  } else
    extent = origin === "upper" ? [-0.5, cols - 0.5, rows - 0.5, -0.5] : [-0.5, cols - 0.5, -0.5, rows - 0.5];
  const artist: ImageArtist = {
    kind: "image",
    rows,
    cols,
    pixels,
    extent,
    origin,
    smooth: SMOOTH.has(interpolation),
    zorder,
    label,
  };
  ax.spec.artists.push(artist);
  if (aspectArg === undefined || aspectArg === null || aspectArg === "equal") {
    ax.spec.aspect = 1;
    ax.spec.adjustable = "box";
  } else if (aspectArg === "auto") ax.spec.aspect = "auto";
  else ax.spec.aspect = numberArg(rt, aspectArg, "aspect")!;
  // the image's first row at the top: the y axis runs downward, as matplotlib sets it
  if (extentArg === undefined || extentArg === null) ax.spec.y.inverted = origin === "upper";
  const obj = new ArtistObject(ps.classes.image, artist, ax);
  ax.handles.set(artist, obj);
  if (scale !== null) noteMappable(ps, ax, artist, scale);
  ps.touch(ax.figure);
  return obj;
};

/** matplotlib's automatic contour levels: MaxNLocator(n + 1) over the data, trimmed to it. */
export function autoLevels(n: number, zmin: number, zmax: number): number[] {
  const lev = maxNTicks(zmin, zmax, { nbins: n + 1, steps: DEFAULT_STEPS, minTicks: 1 });
  let i0 = 0;
  for (let i = 0; i < lev.length; i++) if (lev[i] < zmin) i0 = i;
  let i1 = lev.length;
  for (let i = lev.length - 1; i >= 0; i--) if (lev[i] > zmax) i1 = i + 1;
  if (i1 - i0 < 3) return lev;
  return lev.slice(i0, i1);
}

/** X and Y as full grids: given 2-D, or 1-D along the columns and the rows. */
function coordinateGrid(ps: PlotState, v: PyValue, rows: number, cols: number, along: "x" | "y"): number[] {
  const a = numberArray(ps.interp, v, along.toUpperCase());
  if (a.shape.length === 2) {
    if (a.shape[0] !== rows || a.shape[1] !== cols)
      throw typeError(`Shapes of x ${shapeText(a.shape)} and z ${shapeText([rows, cols])} do not match`);
    return a.values;
  }
  const n = along === "x" ? cols : rows;
  if (a.values.length !== n)
    throw typeError(
      `Length of ${along} (${a.values.length}) must match number of ${along === "x" ? "columns" : "rows"} in z (${n})`,
    );
  const out: number[] = [];
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) out.push(along === "x" ? a.values[j] : a.values[i]);
  return out;
}

export function contour(filled: boolean): AxesMethod {
  return (ps, ax, args, kwargs) => {
    const rt = ps.interp;
    const kw = new Keywords(kwargs, filled ? "QuadContourSet" : "QuadContourSet");
    if (args.length === 0 || args.length > 4)
      throw typeError(
        `${filled ? "contourf" : "contour"}() takes from 1 to 4 positional arguments but ${args.length} were given`,
      );
    const [xArg, yArg, zArg, levelsPos] =
      args.length <= 2 ? [null, null, args[0], args[1]] : [args[0], args[1], args[2], args[3]];
    const z = matrix(rt, zArg, "z");
    const { rows, cols } = z;
    if (rows < 2 || cols < 2)
      throw typeError(
        `Input z must be at least a (2, 2) shaped array, but has shape ${shapeText([rows, cols])}`,
      );
    const x =
      xArg === null
        ? coordinateGrid(ps, new PyList(Array.from({ length: cols }, (_, j) => j)), rows, cols, "x")
        : coordinateGrid(ps, xArg, rows, cols, "x");
    const y =
      yArg === null
        ? coordinateGrid(ps, new PyList(Array.from({ length: rows }, (_, i) => i)), rows, cols, "y")
        : coordinateGrid(ps, yArg, rows, cols, "y");
    const levelsArg = levelsPos ?? kw.take("levels");
    const cmapArg = kw.take("cmap");
    const colorsArg = kw.take("colors");
    const alpha = alphaArg(kw.take("alpha"));
    const vminArg = numberArg(rt, kw.take("vmin"), "vmin");
    const vmaxArg = numberArg(rt, kw.take("vmax"), "vmax");
    const linewidth =
      numberArg(rt, kw.take("linewidths", "linewidth"), "linewidths") ?? ps.rcNumber("lines.linewidth", 1.5);
    const label = textArg(rt, kw.take("label"));
    const zorder = numberArg(rt, kw.take("zorder"), "zorder") ?? (filled ? 1 : 2);
    const extend = kw.take("extend");
    if (extend !== undefined && extend !== null && extend !== "neither")
      throw new UnsupportedError(
        `${filled ? "contourf" : "contour"}(extend=...) is not supported by GradLens`,
      );
    if (kw.take("norm") != null) throw new UnsupportedError("contour(norm=...) is not supported by GradLens");
    kw.take("antialiased");
    kw.done();
    const [zmin, zmax] = finiteRange(z.values);
    let levels: number[];
    if (levelsArg === undefined || levelsArg === null) levels = autoLevels(7, zmin, zmax);
    else if (
      tensorBehind(levelsArg) === null &&
      !(levelsArg instanceof PyList || levelsArg instanceof PyTuple)
    )
      levels = autoLevels(intArgument(levelsArg, "levels")!, zmin, zmax);
    else levels = numberArray(rt, levelsArg, "levels").values;
    if (filled && levels.length < 2) throw valueError("Filled contours require at least 2 levels.");
    for (let i = 1; i < levels.length; i++)
      if (!(levels[i] > levels[i - 1])) throw valueError("Contour levels must be increasing");
    const layers = filled ? levels.slice(1).map((l, i) => 0.5 * (levels[i] + l)) : levels;
    let colors: Rgba[];
    let scale: ScalarMappable | null = null;
    if (colorsArg !== undefined && colorsArg !== null) {
      const list =
        colorsArg instanceof PyList || colorsArg instanceof PyTuple
          ? colorsArg.items.every((c) => typeof c === "number")
            ? [colorsArg]
            : colorsArg.items
          : [colorsArg];
      colors = layers.map((_, i) => withAlpha(colourArg(list[i % list.length], "colors")!, alpha));
    } else {
      const map = colormapArg(cmapArg);
      const lo = vminArg ?? levels[0];
      const hi = vmaxArg ?? levels[levels.length - 1];
      colors = layers.map((l) => withAlpha(map.at(normalise(l, lo, hi)), alpha));
      scale = { map, lo, hi, alpha, bands: null };
    }
    // a filled set's colorbar shows its bands, whatever coloured them
    if (filled)
      scale = {
        ...(scale ?? { map: colormapArg(undefined), lo: levels[0], hi: levels[levels.length - 1], alpha }),
        bands: { levels, colors },
      };
    const artist: ContourArtist = {
      kind: "contour",
      filled,
      rows,
      cols,
      x,
      y,
      z: z.values,
      levels,
      colors,
      linewidth,
      zorder,
      label,
    };
    ax.spec.artists.push(artist);
    const obj = new ArtistObject(ps.classes.contourSet, artist, ax);
    ax.handles.set(artist, obj);
    if (scale !== null) noteMappable(ps, ax, artist, scale);
    ps.touch(ax.figure);
    return obj;
  };
}
