import type { Rgba } from "./colours";

/**
 * What a matplotlib figure holds, as plain data: the interpreter's `matplotlib.pyplot` builds
 * it (src/runtime/modules/matplotlib) and `figureSvg` draws it. Data coordinates are the
 * program's numbers; colours are resolved already (colormaps applied); sizes are in points
 * (1/72 inch), as matplotlib's own are. Nothing here refers to the interpreter.
 */

export interface FigureSpec {
  /** matplotlib's `figsize`, in inches. */
  width: number;
  height: number;
  facecolor: Rgba;
  axes: AxesSpec[];
  /** `fig.suptitle` and `fig.text`: positions in figure fractions. */
  texts: TextArtist[];
  /** The rc font size (`font.size`); the other sizes are relative to it. */
  fontSize: number;
}

export type Scale = "linear" | "log";

export interface AxisSpec {
  label: string;
  /** Limits set by the program, in the order given (`ylim(5, 0)` flips the axis); null: autoscaled. */
  limits: [number, number] | null;
  /** Tick locations set by the program (`xticks([...])`); null: chosen as matplotlib's AutoLocator. */
  ticks: number[] | null;
  tickLabels: string[] | null;
  scale: Scale;
  /** Whether the data axis grows upward/rightward (false after `invert_yaxis()`). */
  inverted: boolean;
  /** How the axis label is set (`xlabel(..., fontsize=14)`); null: the default. */
  labelStyle: TextStyleSpec | null;
  /** Tick labels turned by this many degrees (`xticks(rotation=90)`). */
  tickRotation: number;
  /** A y axis with its ticks and label on the right (a colorbar's); absent: the left. */
  side?: "right";
}

/** A font size (null: the default for its place), colour and weight set by the program. */
export interface TextStyleSpec {
  size: number | null;
  color: Rgba;
  weight: "normal" | "bold";
}

export interface AxesSpec {
  /** left, bottom, width, height as fractions of the figure (matplotlib's `position`). */
  position: [number, number, number, number];
  title: { left: string; center: string; right: string };
  x: AxisSpec;
  y: AxisSpec;
  grid: { x: boolean; y: boolean };
  /** `axis('off')` hides the spines, ticks and labels. */
  axisOn: boolean;
  /** `'auto'` fills the box; a number (1 for `'equal'`) keeps y/x units in that ratio. */
  aspect: "auto" | number;
  /** How an aspect is kept: by shrinking the box (`imshow`), or by widening the limits (`axis('equal')`). */
  adjustable: "box" | "datalim";
  /** Where a box shrunk to its aspect sits in its position (fractions from the left and bottom); absent: the centre. */
  anchor?: [number, number];
  titleStyle: TextStyleSpec | null;
  /** The grid's look when the program set it (`grid(color=..., linestyle=...)`). */
  gridStyle: { color: Rgba; width: number; style: LineStyle } | null;
  facecolor: Rgba;
  /** Margin added around the data when autoscaling, as a fraction of the data range. */
  margins: { x: number; y: number };
  legend: LegendSpec | null;
  artists: ArtistSpec[];
  /** A 3-D axes (`projection='3d'`): its view and z axis; its artists are the `…3d` kinds. */
  view3d?: View3D;
}

/** A 3-D axes' pane: its fill (null: not filled) and edge colours. */
export interface PaneSpec {
  face: Rgba | null;
  edge: Rgba;
}

/** How a 3-D axes looks at its data: matplotlib's `view_init` angles (degrees) and the z axis. */
export interface View3D {
  elev: number;
  azim: number;
  roll: number;
  z: AxisSpec;
  /** The z margin: 0, until a scatter makes it 5% as mplot3d's does. */
  zMargin: number;
  /** The x, y and z panes as the program set them (`ax.xaxis.pane.fill = False`); absent: the defaults. */
  panes?: PaneSpec[];
}

export type LineStyle = "-" | "--" | ":" | "-." | "";

/** Marker codes matplotlib accepts in format strings and `marker=`. */
export type Marker =
  | "."
  | ","
  | "o"
  | "8"
  | "v"
  | "^"
  | "<"
  | ">"
  | "s"
  | "p"
  | "*"
  | "h"
  | "H"
  | "+"
  | "x"
  | "X"
  | "D"
  | "d"
  | "|"
  | "_";

interface ArtistBase {
  zorder: number;
  /** The legend label; null (or starting with `_`) keeps it out of the legend. */
  label: string | null;
}

export interface LineArtist extends ArtistBase {
  kind: "line";
  x: number[];
  y: number[];
  color: Rgba;
  width: number;
  style: LineStyle;
  /** `drawstyle='steps-…'`, and the outline of a `histtype='step'` histogram. */
  steps: "default" | "steps-pre" | "steps-mid" | "steps-post";
  marker: Marker | null;
  markerSize: number;
  markerFace: Rgba;
  markerEdge: Rgba;
  /** `axhline`/`axvline`: x (or y) in axes fractions rather than data. */
  coords: "data" | "xaxes" | "yaxes";
  /** Values autoscaling stops at (a step histogram's base). */
  sticky?: { x: number[]; y: number[] };
}

export interface ScatterArtist extends ArtistBase {
  kind: "scatter";
  x: number[];
  y: number[];
  /** Marker areas in points² (`s=`): one for all, or one per point. */
  sizes: number[];
  /** Face colours: one for all, or one per point. */
  colors: Rgba[];
  /** Edge colours; null: the face colour (matplotlib's `'face'`). */
  edgecolors: Rgba[] | null;
  linewidth: number;
  marker: Marker;
}

export interface BarsArtist extends ArtistBase {
  kind: "bars";
  /** Rectangles in data coordinates: left, bottom, width, height. */
  rects: { x: number; y: number; width: number; height: number }[];
  colors: Rgba[];
  edgecolor: Rgba | null;
  linewidth: number;
  /** Values autoscaling stops at (a bar's base): matplotlib's sticky edges. */
  sticky: { x: number[]; y: number[] };
}

export interface ImageArtist extends ArtistBase {
  kind: "image";
  rows: number;
  cols: number;
  /** RGBA bytes, row-major, row 0 first (drawn at the top for `origin='upper'`). */
  pixels: Uint8Array | number[];
  /** left, right, bottom, top in data coordinates. */
  extent: [number, number, number, number];
  origin: "upper" | "lower";
  /** `interpolation='nearest'` (and matplotlib's default when enlarging) draws crisp pixels. */
  smooth: boolean;
}

export interface ContourArtist extends ArtistBase {
  kind: "contour";
  filled: boolean;
  rows: number;
  cols: number;
  /** Coordinates and values of the grid points, row-major (`X[i][j]`, `Y[i][j]`, `Z[i][j]`). */
  x: number[];
  y: number[];
  z: number[];
  levels: number[];
  /** Filled: one colour per band between two levels; lines: one per level. */
  colors: Rgba[];
  linewidth: number;
}

export type HorizontalAlign = "left" | "center" | "right";
export type VerticalAlign = "top" | "center" | "bottom" | "baseline" | "center_baseline";

export interface TextArtist extends ArtistBase {
  kind: "text";
  x: number;
  y: number;
  /** On a 3-D axes (`ax.text(x, y, z, s)`): its z; x, y and z are projected. */
  z?: number;
  text: string;
  /** `data` (plt.text), `axes` (`transform=ax.transAxes`) or `figure` fractions. */
  coords: "data" | "axes" | "figure";
  ha: HorizontalAlign;
  va: VerticalAlign;
  color: Rgba;
  fontSize: number;
  rotation: number;
  weight: "normal" | "bold";
}

/** `fill_between`: the polygon between two curves. */
export interface FillArtist extends ArtistBase {
  kind: "fill";
  x: number[];
  y: number[];
  color: Rgba;
  edgecolor: Rgba | null;
  linewidth: number;
  sticky?: { x: number[]; y: number[] };
}

/** `ax.plot(xs, ys, zs)` on a 3-D axes: a line through data points in space. */
export interface Line3DArtist extends Omit<LineArtist, "kind" | "coords" | "steps" | "sticky"> {
  kind: "line3d";
  z: number[];
}

/** `ax.scatter(xs, ys, zs)` on a 3-D axes: markers drawn far to near, fainter with depth (`depthshade`). */
export interface Scatter3DArtist extends Omit<ScatterArtist, "kind"> {
  kind: "scatter3d";
  z: number[];
  depthshade: boolean;
}

/**
 * Polygons in space (a Poly3DCollection: `plot_surface`'s faces) or open polylines (a
 * Line3DCollection: `plot_wireframe`), each drawn as one piece, far pieces first.
 */
export interface Poly3DArtist extends ArtistBase {
  kind: "poly3d";
  /** Vertices of each piece: x, y, z in turn. */
  pieces: number[][];
  /** Fill of each piece (one for all, or one each); null: not filled (lines). */
  faces: Rgba[] | null;
  /** Edge or line colours (one for all, or one each); null: no edges. */
  edges: Rgba[] | null;
  linewidth: number;
  /** Points (x, y, z in turn) the axes scale to instead of the pieces: a contour set's data box. */
  bounds?: number[];
}

export type ArtistSpec =
  | LineArtist
  | ScatterArtist
  | BarsArtist
  | ImageArtist
  | ContourArtist
  | TextArtist
  | FillArtist
  | Line3DArtist
  | Scatter3DArtist
  | Poly3DArtist;

export type LegendLocation =
  | "best"
  | "upper right"
  | "upper left"
  | "lower left"
  | "lower right"
  | "right"
  | "center left"
  | "center right"
  | "lower center"
  | "upper center"
  | "center";

/** What a legend entry shows beside its label: a line (with its marker), a marker alone, or a patch. */
export type LegendHandle =
  | {
      kind: "line";
      color: Rgba;
      width: number;
      style: LineStyle;
      marker: Marker | null;
      markerFace: Rgba;
      markerEdge: Rgba;
      markerSize: number;
    }
  | { kind: "marker"; marker: Marker; color: Rgba; size: number }
  | { kind: "patch"; color: Rgba; edgecolor: Rgba | null };

export interface LegendSpec {
  entries: { label: string; handle: LegendHandle }[];
  loc: LegendLocation;
  fontSize: number;
  title: string;
  frame: boolean;
  ncol: number;
}
