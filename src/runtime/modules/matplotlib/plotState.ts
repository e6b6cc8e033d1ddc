import type { SourceSpan } from "../../../lang/ir";
import { WHITE } from "../../../figures/colours";
import type { ArtistSpec, AxesSpec, AxisSpec, FigureSpec } from "../../../figures/figureSpec";
import { figureSvg, figureTitle } from "../../../figures/figureSvg";
import { figureOutputs, type FigureOutputs } from "../../figureOutputs";
import { dictGet } from "../../interpreter/collections";
import type { Interpreter } from "../../interpreter/interpreter";
import type { ScalarMappable } from "./colorbar";
import {
  PyDict,
  PyInstance,
  PyInt,
  PyList,
  PyTuple,
  type PyClass,
  type PyModule,
  type PyValue,
} from "../../interpreter/objects";

/**
 * pyplot's state for one run: the open figures by number, the current figure and axes, the
 * rc settings, and what is shown when. A figure is shown (drawn as SVG into the run's figure
 * outputs) by `plt.show()`, at the end of a notebook cell (as Jupyter's inline backend does,
 * closing it), by closing it after `savefig` (which writes no file), or at the end of the run
 * if it was never shown.
 */

export class FigureState {
  readonly axes: AxesState[] = [];
  current: AxesState | null = null;
  /** The user span of the last call that drew on it: where it is shown when no `show()` names a place. */
  span: SourceSpan | null = null;
  saved = false;
  shown = false;
  obj!: PyInstance;
  /** The last artist drawn through a colormap (matplotlib's current image, `plt.gci()`): a colorbar's default. */
  image: ArtistSpec | null = null;
  /** `subplots_adjust`: where the grid of subplots sits. */
  subplotParams: SubplotParams = { ...SUBPLOT };
  constructor(
    readonly number: number,
    readonly spec: FigureSpec,
  ) {}
}

export class AxesState {
  /** Next colours of matplotlib's two property cycles: lines, and patches (bars, fills, scatter). */
  lineCycle = 0;
  patchCycle = 0;
  /** `rows,cols,index` for an axes made by `subplot`, so asking again returns it. */
  slot: string | null = null;
  obj!: PyInstance;
  /** The Python object of each artist, for legends that name handles. */
  readonly handles = new Map<ArtistSpec, PyInstance>();
  constructor(
    readonly figure: FigureState,
    readonly spec: AxesSpec,
  ) {}
}

/** The Python classes of matplotlib objects, made once per run. */
export interface MplClasses {
  figure: PyClass;
  axes: PyClass;
  /** A 3-D axes' class (`Axes3DSubplot`), and mplot3d's `Axes3D` it derives from. */
  axes3d: PyClass;
  axes3dBase: PyClass;
  polyCollection3d: PyClass;
  lineCollection3d: PyClass;
  line: PyClass;
  pathCollection: PyClass;
  barContainer: PyClass;
  image: PyClass;
  contourSet: PyClass;
  text: PyClass;
  legend: PyClass;
  colormap: PyClass;
  axesArray: PyClass;
  polyCollection: PyClass;
  colorbar: PyClass;
}

function axisSpec(): AxisSpec {
  return {
    label: "",
    limits: null,
    ticks: null,
    tickLabels: null,
    scale: "linear",
    inverted: false,
    labelStyle: null,
    tickRotation: 0,
  };
}

export function newAxesSpec(position: [number, number, number, number], grid: boolean): AxesSpec {
  return {
    position,
    title: { left: "", center: "", right: "" },
    x: axisSpec(),
    y: axisSpec(),
    grid: { x: grid, y: grid },
    axisOn: true,
    aspect: "auto",
    adjustable: "box",
    titleStyle: null,
    gridStyle: null,
    facecolor: WHITE,
    margins: { x: 0.05, y: 0.05 },
    legend: null,
    artists: [],
  };
}

/** matplotlib's default subplot parameters (`figure.subplot.*`). */
export const SUBPLOT = { left: 0.125, right: 0.9, bottom: 0.11, top: 0.88, wspace: 0.2, hspace: 0.2 };

export type SubplotParams = typeof SUBPLOT;

/** Where cell `index` (0-based, row-major) of an nrows × ncols grid sits, as GridSpec places it. */
export function gridPosition(
  nrows: number,
  ncols: number,
  index: number,
  p: SubplotParams = SUBPLOT,
): [number, number, number, number] {
  const totW = p.right - p.left;
  const totH = p.top - p.bottom;
  const cellW = totW / (ncols + p.wspace * (ncols - 1));
  const cellH = totH / (nrows + p.hspace * (nrows - 1));
  const row = Math.floor(index / ncols);
  const col = index % ncols;
  const left = p.left + col * cellW * (1 + p.wspace);
  const top = p.top - row * cellH * (1 + p.hspace);
  return [left, top - cellH, cellW, cellH];
}

export class PlotState {
  readonly figures = new Map<number, FigureState>();
  current: FigureState | null = null;
  classes!: MplClasses;
  readonly modules = new Map<string, PyModule>();
  readonly rcParams = new PyDict();
  readonly outputs: FigureOutputs;
  /** How each artist drawn through a colormap maps values to colours (for colorbars). */
  readonly mappables = new WeakMap<ArtistSpec, ScalarMappable>();
  /** The span of the pyplot or object-API call running now (set on entry, before arguments are read). */
  callAt: SourceSpan | null = null;

  constructor(readonly interp: Interpreter) {
    this.outputs = figureOutputs(interp);
    this.outputs.cellEndListeners.push(() => this.showAll(null));
    // a Figure displayed (a cell's last expression, display(fig)) is shown as its picture
    this.outputs.displayers.push((value, span) => {
      if (!(value instanceof FigureObject)) return false;
      this.record(value.figure, span);
      return true;
    });
  }

  /** The user span of the call running now: where a figure was last drawn on. */
  get at(): SourceSpan | null {
    return this.callAt ?? this.interp.at;
  }

  rc(key: string): PyValue | undefined {
    return dictGet(this.rcParams, key);
  }

  rcNumber(key: string, fallback: number): number {
    const v = this.rc(key);
    if (typeof v === "number") return v;
    if (v instanceof PyInt) return v.v;
    return fallback;
  }

  /** A new figure (`plt.figure(num)`), numbered after the highest open one when no number is given. */
  newFigure(num: number | null, size: [number, number] | null): FigureState {
    const number = num ?? Math.max(0, ...this.figures.keys()) + 1;
    const [w, h] = size ?? this.defaultSize();
    const spec: FigureSpec = {
      width: w,
      height: h,
      facecolor: WHITE,
      axes: [],
      texts: [],
      fontSize: this.rcNumber("font.size", 10),
    };
    const fig = new FigureState(number, spec);
    fig.span = this.at;
    fig.obj = new FigureObject(this.classes.figure, fig);
    this.figures.set(number, fig);
    this.current = fig;
    return fig;
  }

  private defaultSize(): [number, number] {
    const v = this.rc("figure.figsize");
    if ((v instanceof PyList || v instanceof PyTuple) && v.items.length === 2) {
      const n = v.items.map((x) => (typeof x === "number" ? x : x instanceof PyInt ? x.v : NaN));
      if (n.every((x) => x > 0)) return [n[0], n[1]];
    }
    return [6.4, 4.8];
  }

  gcf(): FigureState {
    return this.current ?? this.newFigure(null, null);
  }

  /** The current axes, made (one subplot filling the figure) when the figure has none. */
  gca(fig: FigureState = this.gcf()): AxesState {
    return fig.current ?? this.addAxes(fig, gridPosition(1, 1, 0, fig.subplotParams), "1,1,0");
  }

  /** A new axes on `fig`; with `view3d`, a 3-D one looking from those angles. */
  addAxes(
    fig: FigureState,
    position: [number, number, number, number],
    slot: string | null,
    view3d: { elev: number; azim: number; roll: number } | null = null,
  ): AxesState {
    // mplot3d draws its grid unless told not to (axes3d.grid)
    const grid = view3d !== null || this.rc("axes.grid") === true;
    const spec = newAxesSpec(position, grid);
    if (view3d !== null) spec.view3d = { ...view3d, z: axisSpec(), zMargin: 0 };
    const axes = new AxesState(fig, spec);
    axes.slot = slot;
    axes.obj = new AxesObject(view3d === null ? this.classes.axes : this.classes.axes3d, axes);
    fig.axes.push(axes);
    fig.spec.axes.push(spec);
    fig.current = axes;
    this.current = fig;
    return axes;
  }

  /** Notes that the running call drew on `fig` (where it will be shown if nothing else says). */
  touch(fig: FigureState): void {
    fig.span = this.at ?? fig.span;
    fig.shown = false;
  }

  /** Draws the figure into the run's outputs. */
  record(fig: FigureState, span: SourceSpan | null): void {
    fig.shown = true;
    if (!this.outputs.drawing || (fig.spec.axes.length === 0 && fig.spec.texts.length === 0)) return;
    this.outputs.add({
      svg: figureSvg(fig.spec, `fig${this.outputs.count + 1}`, { tight: this.outputs.notebook }),
      span: span ?? fig.span,
      kind: "matplotlib",
      title: figureTitle(fig.spec),
    });
  }

  /** `plt.show()`, and the end of a notebook cell: every open figure shown, then closed. */
  showAll(span: SourceSpan | null): void {
    for (const fig of [...this.figures.values()].sort((a, b) => a.number - b.number)) {
      if (!fig.shown) this.record(fig, span);
    }
    this.figures.clear();
    this.current = null;
  }

  close(fig: FigureState): void {
    // a figure saved and never shown was meant to be seen: it is shown rather than lost
    if (fig.saved && !fig.shown) this.record(fig, fig.span);
    this.figures.delete(fig.number);
    if (this.current === fig) {
      const rest = [...this.figures.values()];
      this.current = rest.length > 0 ? rest[rest.length - 1] : null;
    }
  }

  /** The end of the run: figures never shown are shown where they were last drawn on. */
  finish(): void {
    for (const fig of [...this.figures.values()].sort((a, b) => a.number - b.number))
      if (!fig.shown) this.record(fig, fig.span);
  }
}

/** A `Figure` as a Python object. */
export class FigureObject extends PyInstance {
  constructor(
    cls: PyClass,
    readonly figure: FigureState,
  ) {
    super(cls);
  }
}

/** An `Axes` as a Python object. */
export class AxesObject extends PyInstance {
  constructor(
    cls: PyClass,
    readonly axes: AxesState,
  ) {
    super(cls);
  }
}

/** An artist (`Line2D`, `PathCollection`, `AxesImage`, `Text`, …) as a Python object. */
export class ArtistObject extends PyInstance {
  constructor(
    cls: PyClass,
    readonly artist: ArtistSpec,
    readonly axes: AxesState | null,
  ) {
    super(cls);
  }
}

/** The object array `plt.subplots(2, 2)` returns: indexable by `[i]`, `[i, j]`, iterable, `.flat`. */
export class AxesArrayObject extends PyInstance {
  constructor(
    cls: PyClass,
    readonly items: PyValue[],
    readonly shape: number[],
  ) {
    super(cls);
  }
}

const states = new WeakMap<Interpreter, PlotState>();

export function plotStateOf(interp: Interpreter): PlotState | null {
  return states.get(interp) ?? null;
}

export function attachPlotState(interp: Interpreter, state: PlotState): void {
  states.set(interp, state);
}
