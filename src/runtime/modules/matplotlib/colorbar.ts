import type { Colormap } from "../../../figures/colormaps";
import { withAlpha, type Rgba } from "../../../figures/colours";
import type { ArtistSpec, BarsArtist, ImageArtist } from "../../../figures/figureSpec";
import { type Kwargs, type PyClass, PyInstance, type PyValue } from "../../interpreter/objects";
import { PyError, typeError, UnsupportedError, valueError } from "../../interpreter/pyErrors";
import { Keywords, numberArg, stringArg, textArg } from "./keywordArgs";
import { numberArray } from "./plotData";
import { ArtistObject, AxesObject, type AxesState, type FigureState, type PlotState } from "./plotState";

/**
 * `plt.colorbar` / `fig.colorbar`: a thin axes beside the mappable's axes (an image, a
 * contour set, a scatter coloured by value) showing its colormap from vmin to vmax, laid out as
 * matplotlib lays it out — the parent axes give up `fraction` (0.15) of their width plus `pad`
 * (0.05), and the bar keeps a height 20 times its width, at the left of its slot.
 */

/** What an artist coloured through a colormap keeps for a colorbar. */
export interface ScalarMappable {
  map: Colormap;
  lo: number;
  hi: number;
  alpha: number | null;
  /** A filled contour set: its levels and the colour of each band between two of them. */
  bands: { levels: number[]; colors: Rgba[] } | null;
}

/** Notes that `artist` on `axes` maps values through a colormap (what `plt.gci()` returns). */
export function noteMappable(ps: PlotState, axes: AxesState, artist: ArtistSpec, m: ScalarMappable): void {
  ps.mappables.set(artist, m);
  axes.figure.image = artist;
}

/** The colour steps a continuous bar is drawn with (matplotlib draws one per colormap entry). */
const STEPS = 256;

export function colorbar(ps: PlotState, fig: FigureState, args: PyValue[], kwargs: Kwargs): PyValue {
  const rt = ps.interp;
  const kw = new Keywords(kwargs, "Colorbar");
  const mappableArg = args[0] ?? kw.take("mappable");
  const caxArg = args[1] ?? kw.take("cax");
  const axArg = args[2] ?? kw.take("ax");
  const orientation = stringArg(kw.take("orientation"), "orientation") ?? "vertical";
  const location = stringArg(kw.take("location"), "location");
  const fraction = numberArg(rt, kw.take("fraction"), "fraction") ?? 0.15;
  const shrink = numberArg(rt, kw.take("shrink"), "shrink") ?? 1;
  const aspect = numberArg(rt, kw.take("aspect"), "aspect") ?? 20;
  const pad = numberArg(rt, kw.take("pad"), "pad") ?? 0.05;
  const label = textArg(rt, kw.take("label")) ?? "";
  const ticksArg = kw.take("ticks");
  const extend = stringArg(kw.take("extend"), "extend") ?? "neither";
  kw.take("use_gridspec");
  kw.take("drawedges");
  if (kw.take("format") != null)
    throw new UnsupportedError("colorbar(format=...) is not supported by GradLens");
  kw.done();
  if (orientation !== "vertical" || (location !== null && location !== "right"))
    throw new UnsupportedError("GradLens draws vertical colorbars on the right only");
  if (extend !== "neither")
    throw new UnsupportedError(`colorbar(extend='${extend}') is not supported by GradLens`);

  const artist =
    mappableArg === undefined || mappableArg === null
      ? fig.image
      : mappableArg instanceof ArtistObject
        ? mappableArg.artist
        : null;
  if (artist === null && (mappableArg === undefined || mappableArg === null))
    throw new PyError(
      "RuntimeError",
      "No mappable was found to use for colorbar creation. First define a mappable such as an image (with imshow) or a contour set (with contourf).",
    );
  const mappable = artist === null ? undefined : ps.mappables.get(artist);
  if (mappable === undefined)
    throw typeError(
      "the mappable of a colorbar must be an image, a contour set or a scatter coloured by values (c=...)",
    );
  const owner = artist === null ? null : ownerOf(fig, artist);

  let cax: AxesState;
  if (caxArg instanceof AxesObject) cax = caxArg.axes;
  else if (caxArg !== undefined && caxArg !== null) throw typeError("cax must be an Axes");
  else {
    const parent = axArg instanceof AxesObject ? axArg.axes : (owner ?? ps.gca(fig));
    if (axArg !== undefined && axArg !== null && !(axArg instanceof AxesObject))
      throw new UnsupportedError("colorbar(ax=[...]) of several axes is not supported by GradLens");
    const home = parent.figure;
    const [currentFigure, currentAxes] = [ps.current, home.current];
    cax = ps.addAxes(home, makeRoom(parent, home, { fraction, shrink, aspect, pad }), null);
    // the colorbar becomes neither the current axes nor (for another figure's image) the current figure
    [ps.current, home.current] = [currentFigure, currentAxes];
  }
  drawBar(cax, mappable);
  cax.spec.y.label = label;
  if (ticksArg !== undefined && ticksArg !== null)
    cax.spec.y.ticks = numberArray(rt, ticksArg, "ticks").values;
  ps.touch(cax.figure);
  return new ColorbarObject(ps.classes.colorbar, cax);
}

/** The axes that holds `artist`. */
function ownerOf(fig: FigureState, artist: ArtistSpec): AxesState | null {
  for (const ax of fig.axes) if (ax.spec.artists.includes(artist)) return ax;
  return null;
}

/**
 * Takes the colorbar's slot from the right of `parent` and returns the bar's position: its
 * height the slot's (times `shrink`), its width a 1/`aspect` of that in inches, at the slot's left.
 */
function makeRoom(
  parent: AxesState,
  fig: FigureState,
  o: { fraction: number; shrink: number; aspect: number; pad: number },
): [number, number, number, number] {
  if (o.fraction <= 0 || o.fraction + o.pad >= 1) throw valueError("colorbar fraction and pad leave no room");
  const [x, y, w, h] = parent.spec.position;
  parent.spec.position = [x, y, w * (1 - o.fraction - o.pad), h];
  parent.spec.anchor = [1, 0.5]; // a parent shrunk to its aspect moves next to the bar

  const slot = { x: x + w * (1 - o.fraction), w: w * o.fraction, h: h * o.shrink };
  const bottom = y + (h - slot.h) / 2;
  const { width: figW, height: figH } = fig.spec;
  const wide = (slot.h * figH) / o.aspect / figW; // the bar's width for the slot's full height
  if (wide <= slot.w) return [slot.x, bottom, wide, slot.h];
  const tall = (slot.w * figW * o.aspect) / figH;
  return [slot.x, bottom + (slot.h - tall) / 2, slot.w, tall];
}

/** The bar: the colormap from vmin to vmax (or a contour set's bands), its axis on the right. */
function drawBar(cax: AxesState, m: ScalarMappable): void {
  const spec = cax.spec;
  spec.artists.length = 0;
  spec.margins = { x: 0, y: 0 };
  spec.grid = { x: false, y: false };
  spec.x.ticks = [];
  spec.x.limits = [0, 1];
  spec.y.side = "right";
  if (m.bands !== null) {
    const { levels, colors } = m.bands;
    const bars: BarsArtist = {
      kind: "bars",
      rects: colors.map((_, i) => ({ x: 0, y: levels[i], width: 1, height: levels[i + 1] - levels[i] })),
      colors,
      edgecolor: null,
      linewidth: 0,
      sticky: { x: [], y: [] },
      zorder: 0,
      label: null,
    };
    spec.artists.push(bars);
    spec.y.limits = [levels[0], levels[levels.length - 1]];
    spec.y.ticks = fixedTicks(levels, 10);
    return;
  }
  const pixels = new Uint8Array(STEPS * 4);
  const byte = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 255);
  for (let i = 0; i < STEPS; i++) {
    const c = withAlpha(m.map.at((i + 0.5) / STEPS), m.alpha);
    pixels.set([byte(c[0]), byte(c[1]), byte(c[2]), byte(c[3])], i * 4);
  }
  const lo = m.lo === m.hi ? m.lo - 0.5 : m.lo;
  const hi = m.lo === m.hi ? m.hi + 0.5 : m.hi;
  const image: ImageArtist = {
    kind: "image",
    rows: STEPS,
    cols: 1,
    pixels,
    extent: [0, 1, lo, hi],
    origin: "lower",
    smooth: false,
    zorder: 0,
    label: null,
  };
  spec.artists.push(image);
  spec.y.limits = [lo, hi];
}

/** matplotlib's FixedLocator with `nbins`: every step-th level, the offset whose smallest tick is nearest 0. */
export function fixedTicks(locs: readonly number[], nbins: number): number[] {
  const step = Math.max(Math.ceil(locs.length / nbins), 1);
  const every = (from: number) => locs.filter((_, i) => i >= from && (i - from) % step === 0);
  const smallest = (t: number[]) => Math.min(...t.map(Math.abs));
  let ticks = every(0);
  for (let i = 1; i < step; i++) {
    const other = every(i);
    if (other.length > 0 && smallest(other) < smallest(ticks)) ticks = other;
  }
  return ticks;
}

/** The Python `Colorbar`: its axes (`.ax`), whose label and ticks it sets. */
export class ColorbarObject extends PyInstance {
  constructor(
    cls: PyClass,
    readonly axes: AxesState,
  ) {
    super(cls);
  }
}
