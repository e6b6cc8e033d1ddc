import { colormapNames } from "../../../figures/colormaps";
import { parseColour } from "../../../figures/colours";
import { dictSet } from "../../interpreter/collections";
import type { Interpreter } from "../../interpreter/interpreter";
import {
  PyBuiltin,
  PyInt,
  PyList,
  PyModule,
  PyTuple,
  int,
  type Kwargs,
  type PyValue,
} from "../../interpreter/objects";
import { PyError, typeError, UnsupportedError, valueError } from "../../interpreter/pyErrors";
import type { ModuleFactory } from "../../moduleLoader";
import { currentLimits, pyplotTicks, setLimits } from "./axesAxis";
import { AXES_METHODS } from "./axesMethods";
import { AXES3D_METHODS } from "./axes3d";
import type { AxesMethod } from "./axesPlotting";
import {
  figsizeArg,
  figureMethods,
  makeSubplots,
  projectionKeywords,
  saveFigure,
  subplotAt,
  subplotSpec,
} from "./figureMethods";
import { numberArray } from "./plotData";
import { intArgument, Keywords } from "./keywordArgs";
import { colormapObject, makeClasses } from "./mplClasses";
import { colorbar } from "./colorbar";
import {
  AxesObject,
  FigureObject,
  attachPlotState,
  plotStateOf,
  PlotState,
  type FigureState,
} from "./plotState";
import { ColormapObject, colourArg } from "./styleArgs";

/**
 * The modules `matplotlib`, `matplotlib.pyplot`, `matplotlib.cm`, `matplotlib.colors` and
 * `matplotlib.style`. pyplot's drawing functions are the current axes' methods; `show()`
 * draws every open figure into the run's figures.
 */

const VERSION = "3.6.3";

/** rc settings GradLens reads (others may be set and are kept, without effect). */
const RC_DEFAULTS: [string, PyValue][] = [
  ["figure.figsize", new PyList([6.4, 4.8])],
  ["figure.dpi", 100.0],
  ["font.size", 10.0],
  ["lines.linewidth", 1.5],
  ["lines.markersize", 6.0],
  ["axes.grid", false],
  ["image.cmap", "viridis"],
  ["hist.bins", int(10)],
];

/** Styles `plt.style.use` knows; GradLens draws matplotlib's default look whatever is chosen. */
const STYLES = [
  "default",
  "classic",
  "ggplot",
  "bmh",
  "dark_background",
  "fivethirtyeight",
  "grayscale",
  "fast",
  "Solarize_Light2",
  "tableau-colorblind10",
  "seaborn-v0_8",
  "seaborn-v0_8-darkgrid",
  "seaborn-v0_8-whitegrid",
  "seaborn-v0_8-dark",
  "seaborn-v0_8-white",
  "seaborn-v0_8-paper",
  "seaborn-v0_8-notebook",
  "seaborn-v0_8-talk",
  "seaborn-v0_8-poster",
  "seaborn",
];

function stateFor(interp: Interpreter): PlotState {
  const existing = plotStateOf(interp);
  if (existing) return existing;
  const ps = new PlotState(interp);
  attachPlotState(interp, ps);
  ps.classes = makeClasses(ps);
  for (const [k, v] of RC_DEFAULTS) dictSet(ps.rcParams, k, v);
  return ps;
}

function fn(m: PyModule, name: string, f: (args: PyValue[], kwargs: Kwargs) => PyValue): void {
  m.attrs.set(name, new PyBuiltin(name, f));
}

/** `plt.<name>(...)`: the axes method on the current axes. */
function onCurrentAxes(ps: PlotState, method: AxesMethod): (args: PyValue[], kwargs: Kwargs) => PyValue {
  return (args, kwargs) => {
    ps.callAt = ps.interp.at;
    return method(ps, ps.gca(), args, kwargs);
  };
}

function figureOf(ps: PlotState, v: PyValue): FigureState | null {
  if (v instanceof FigureObject) return v.figure;
  if (v instanceof PyInt) return ps.figures.get(v.v) ?? null;
  return null;
}

function fillPyplot(ps: PlotState, m: PyModule): void {
  const rt = ps.interp;
  const axesFunctions: [string, string][] = [
    ["plot", "plot"],
    ["scatter", "scatter"],
    ["bar", "bar"],
    ["barh", "barh"],
    ["hist", "hist"],
    ["imshow", "imshow"],
    ["contour", "contour"],
    ["contourf", "contourf"],
    ["fill_between", "fill_between"],
    ["axhline", "axhline"],
    ["axvline", "axvline"],
    ["semilogy", "semilogy"],
    ["semilogx", "semilogx"],
    ["loglog", "loglog"],
    ["text", "text"],
    ["legend", "legend"],
    ["grid", "grid"],
    ["axis", "axis"],
    ["margins", "margins"],
    ["title", "set_title"],
    ["xlabel", "set_xlabel"],
    ["ylabel", "set_ylabel"],
    ["xscale", "set_xscale"],
    ["yscale", "set_yscale"],
    ["cla", "cla"],
    ["tick_params", "tick_params"],
  ];
  for (const [name, method] of axesFunctions)
    fn(m, name, (args, kwargs) => {
      ps.callAt = rt.at;
      const ax = ps.gca();
      // a 3-D current axes draws with its own methods (plt.plot on it is Axes3D.plot)
      const own = ax.spec.view3d ? AXES3D_METHODS[method] : undefined;
      // pyplot's scatter passes s=None on, which Axes3D.scatter cannot size (matplotlib 3.6)
      if (own && name === "scatter" && (kwargs?.get("s") ?? args[2] ?? null) === null)
        throw valueError("s must be a scalar, or float array-like with the same size as x and y");
      return (own ?? AXES_METHODS[method])(ps, ax, args, kwargs);
    });
  for (const which of ["x", "y"] as const) {
    const set = setLimits(which);
    fn(m, `${which}lim`, (args, kwargs) => {
      ps.callAt = rt.at;
      const ax = ps.gca();
      if (args.length === 0 && (kwargs === null || kwargs.size === 0))
        return new PyTuple(currentLimits(ax, which));
      return set(ps, ax, args, kwargs);
    });
    fn(m, `${which}ticks`, onCurrentAxes(ps, pyplotTicks(which)));
  }
  const figureFns = figureMethods(ps);

  fn(m, "figure", (args, kwargs) => {
    ps.callAt = rt.at;
    const kw = new Keywords(kwargs, "figure");
    const num = args[0] ?? kw.take("num");
    const size = figsizeArg(ps, args[1] ?? kw.take("figsize"));
    kw.take("dpi");
    const face = colourArg(kw.take("facecolor"), "facecolor");
    const clear = kw.take("clear") === true;
    kw.take("edgecolor");
    kw.take("frameon");
    kw.take("layout");
    kw.take("tight_layout");
    kw.take("constrained_layout");
    kw.done();
    if (num instanceof FigureObject) {
      ps.current = num.figure;
      return num;
    }
    if (num !== undefined && num !== null && !(num instanceof PyInt) && typeof num !== "string")
      throw typeError(`num must be an int, a str, a Figure or None, not ${rt.repr(num)}`);
    if (typeof num === "string")
      throw new UnsupportedError("figures named by a string are not supported by GradLens; use a number");
    const number = num instanceof PyInt ? num.v : null;
    const existing = number === null ? undefined : ps.figures.get(number);
    if (existing) {
      ps.current = existing;
      if (clear) figureFns.clf(existing, [], null);
      return existing.obj;
    }
    const fig = ps.newFigure(number, size);
    if (face) fig.spec.facecolor = face;
    return fig.obj;
  });
  fn(m, "subplots", (args, kwargs) => {
    ps.callAt = rt.at;
    const figKeys = [
      "figsize",
      "dpi",
      "num",
      "facecolor",
      "clear",
      "layout",
      "tight_layout",
      "constrained_layout",
    ];
    const figKw = new Map([...(kwargs ?? [])].filter(([k]) => figKeys.includes(k)));
    const rest = new Map([...(kwargs ?? [])].filter(([k]) => !figKeys.includes(k)));
    const figure = m.attrs.get("figure") as PyBuiltin;
    const fig = (figure.call([], figKw) as FigureObject).figure;
    return new PyTuple([fig.obj, makeSubplots(ps, fig, args, rest)]);
  });
  fn(m, "subplot", (args, kwargs) => {
    ps.callAt = rt.at;
    const kw = new Keywords(kwargs, "subplot");
    const view3d = projectionKeywords(ps, kw);
    kw.take("label");
    kw.done();
    return subplotAt(ps, ps.gcf(), subplotSpec(args), true, view3d).obj;
  });
  // `plt.axes()`: a new subplot filling the figure, or axes at `rect`
  fn(m, "axes", (args, kwargs) => {
    ps.callAt = rt.at;
    const kw = new Keywords(kwargs, "axes");
    const rectArg = args[0] ?? kw.take("arg", "rect");
    const view3d = projectionKeywords(ps, kw);
    kw.take("label");
    kw.done();
    const fig = ps.gcf();
    if (rectArg === undefined || rectArg === null) return subplotAt(ps, fig, [1, 1, 1], false, view3d).obj;
    if (rectArg instanceof AxesObject)
      throw new UnsupportedError("plt.axes(ax) is not supported by GradLens; use plt.sca(ax)");
    const rect = numberArray(rt, rectArg, "rect").values;
    if (rect.length !== 4)
      throw valueError("rect must be a sequence of 4 numbers: left, bottom, width, height");
    return ps.addAxes(fig, [rect[0], rect[1], rect[2], rect[3]], null, view3d).obj;
  });
  fn(m, "gcf", () => ps.gcf().obj);
  fn(m, "gca", () => ps.gca().obj);
  fn(m, "sca", ([ax]) => {
    if (!(ax instanceof AxesObject)) throw typeError("sca() argument must be an Axes");
    ax.axes.figure.current = ax.axes;
    ps.current = ax.axes.figure;
    return null;
  });
  fn(m, "show", () => {
    ps.callAt = rt.at;
    ps.showAll(ps.at);
    return null;
  });
  fn(m, "close", (args) => {
    const which = args[0];
    if (which === undefined || which === null) {
      if (ps.current) ps.close(ps.current);
    } else if (which === "all") {
      for (const fig of [...ps.figures.values()]) ps.close(fig);
    } else {
      const fig = figureOf(ps, which);
      if (fig === null && !(which instanceof PyInt))
        throw typeError(
          `close() argument must be a Figure, an int, a string, or None, not ${rt.repr(which)}`,
        );
      if (fig) ps.close(fig);
    }
    return null;
  });
  fn(m, "clf", () => {
    ps.callAt = rt.at;
    return figureFns.clf(ps.gcf(), [], null);
  });
  fn(m, "savefig", (args, kwargs) => {
    ps.callAt = rt.at;
    return saveFigure(ps, ps.gcf(), args, kwargs);
  });
  fn(m, "suptitle", (args, kwargs) => {
    ps.callAt = rt.at;
    return figureFns.suptitle(ps.gcf(), args, kwargs);
  });
  fn(m, "figtext", (args, kwargs) => {
    ps.callAt = rt.at;
    return figureFns.text(ps.gcf(), args, kwargs);
  });
  fn(m, "subplots_adjust", (args, kwargs) => {
    ps.callAt = rt.at;
    return figureFns.subplots_adjust(ps.gcf(), args, kwargs);
  });
  fn(m, "tight_layout", () => null);
  fn(m, "get_fignums", () => new PyList([...ps.figures.keys()].sort((a, b) => a - b).map(int)));
  fn(m, "fignum_exists", ([n]) => ps.figures.has(intArgument(n, "num") ?? -1));
  // interactive mode and redrawing only matter on a screen of its own
  for (const name of ["ion", "ioff", "draw", "draw_if_interactive"]) fn(m, name, () => null);
  fn(m, "pause", () => null);
  fn(m, "isinteractive", () => false);
  fn(m, "get_cmap", (args) => cmapByName(ps, args[0] ?? "viridis"));
  fn(m, "colorbar", (args, kwargs) => {
    ps.callAt = rt.at;
    return colorbar(ps, ps.gcf(), args, kwargs);
  });
  fn(m, "gci", () => {
    const fig = ps.current;
    const image = fig?.image ?? null;
    if (fig === null || image === null) return null;
    for (const ax of fig.axes) {
      const obj = ax.handles.get(image);
      if (obj) return obj;
    }
    return null;
  });
  fn(m, "rc", (args, kwargs) => {
    const group = args[0];
    if (typeof group !== "string") throw typeError("rc() group must be a str");
    for (const [k, v] of kwargs ?? []) dictSet(ps.rcParams, `${group}.${k}`, v);
    return null;
  });
  m.attrs.set("rcParams", ps.rcParams);
  m.attrs.set("cm", matplotlibModule(ps, "matplotlib.cm"));
  m.attrs.set("style", matplotlibModule(ps, "matplotlib.style"));
  m.attrs.set("Figure", ps.classes.figure);
  m.attrs.set("Axes", ps.classes.axes);
  m.attrs.set(
    "__getattr__",
    new PyBuiltin("__getattr__", ([name]) => {
      throw new UnsupportedError(
        `\`matplotlib.pyplot.${String(name)}\` is not supported by GradLens (or is not part of matplotlib)`,
      );
    }),
  );
}

function cmapByName(ps: PlotState, name: PyValue): PyValue {
  if (name instanceof ColormapObject) return name;
  if (typeof name !== "string") throw typeError("get_cmap() argument must be a str or Colormap");
  const map = colormapObject(ps, name);
  if (map === null)
    throw valueError(
      `${name} is not a valid value for name; supported values are ${colormapNames()
        .map((n) => `'${n}'`)
        .join(", ")}`,
    );
  return map;
}

function fillCm(ps: PlotState, m: PyModule): void {
  for (const name of colormapNames()) {
    m.attrs.set(name, colormapObject(ps, name)!);
    m.attrs.set(`${name}_r`, colormapObject(ps, `${name}_r`)!);
  }
  fn(m, "get_cmap", (args) => cmapByName(ps, args[0] ?? "viridis"));
  m.attrs.set(
    "__getattr__",
    new PyBuiltin("__getattr__", ([name]) => {
      throw new UnsupportedError(
        `the colormap or name \`matplotlib.cm.${String(name)}\` is not supported by GradLens`,
      );
    }),
  );
}

function fillColors(ps: PlotState, m: PyModule): void {
  const rgba = (v: PyValue) => {
    const c = typeof v === "string" ? parseColour(v) : colourArg(v);
    if (c === null) throw valueError(`Invalid RGBA argument: ${ps.interp.repr(v)}`);
    return c;
  };
  fn(m, "to_rgba", ([c]) => new PyTuple([...rgba(c ?? null)]));
  fn(m, "to_rgb", ([c]) => new PyTuple(rgba(c ?? null).slice(0, 3)));
  fn(m, "to_hex", ([c]) => {
    const [r, g, b] = rgba(c ?? null);
    return `#${[r, g, b]
      .map((v) =>
        Math.round(v * 255)
          .toString(16)
          .padStart(2, "0"),
      )
      .join("")}`;
  });
  fn(m, "is_color_like", ([c]) => {
    try {
      rgba(c ?? null);
      return true;
    } catch (e) {
      if (e instanceof PyError) return false;
      throw e;
    }
  });
  m.attrs.set(
    "__getattr__",
    new PyBuiltin("__getattr__", ([name]) => {
      throw new UnsupportedError(`\`matplotlib.colors.${String(name)}\` is not supported by GradLens`);
    }),
  );
}

function fillStyle(ps: PlotState, m: PyModule): void {
  m.attrs.set("available", new PyList(STYLES.filter((s) => s !== "default")));
  fn(m, "use", ([style]) => {
    const names = style instanceof PyList || style instanceof PyTuple ? style.items : [style ?? null];
    for (const name of names) {
      if (typeof name !== "string") throw typeError("style must be a str, dict, Path or list");
      if (!STYLES.includes(name))
        throw new PyError(
          "OSError",
          `'${name}' not found in the style library and input is not a valid URL or path; see \`style.available\` for list of available styles`,
        );
      if (name !== "default")
        ps.outputs.note(
          "info",
          `plt.style.use('${name}'): GradLens draws figures in matplotlib's default style`,
          ps.interp.at,
          "matplotlib",
        );
    }
    return null;
  });
}

function fillMatplotlib(ps: PlotState, m: PyModule): void {
  m.attrs.set("__version__", VERSION);
  m.attrs.set("rcParams", ps.rcParams);
  fn(m, "use", () => null);
  fn(m, "get_backend", () => "module://matplotlib_inline.backend_inline");
  fn(m, "rc", (args, kwargs) =>
    (matplotlibModule(ps, "matplotlib.pyplot").attrs.get("rc") as PyBuiltin).call(args, kwargs),
  );
}

/**
 * `mpl_toolkits.mplot3d` (and `.axes3d`): `Axes3D`, which programs import out of habit (old
 * matplotlib needed the import for `projection='3d'`) and test with `isinstance`.
 */
function fillMplot3d(ps: PlotState, m: PyModule): void {
  m.attrs.set("Axes3D", ps.classes.axes3dBase);
  if (m.name === "mpl_toolkits.mplot3d")
    m.attrs.set("axes3d", matplotlibModule(ps, "mpl_toolkits.mplot3d.axes3d"));
}

const FILLERS: Record<string, (ps: PlotState, m: PyModule) => void> = {
  matplotlib: fillMatplotlib,
  "matplotlib.pyplot": fillPyplot,
  "matplotlib.cm": fillCm,
  "matplotlib.colors": fillColors,
  "matplotlib.style": fillStyle,
  mpl_toolkits: () => {},
  "mpl_toolkits.mplot3d": fillMplot3d,
  "mpl_toolkits.mplot3d.axes3d": fillMplot3d,
};

function matplotlibModule(ps: PlotState, name: string): PyModule {
  let m = ps.modules.get(name);
  if (m === undefined) {
    m = new PyModule(name);
    ps.modules.set(name, m);
    FILLERS[name](ps, m);
  }
  return m;
}

/** The factories the module loader registers for matplotlib's modules. */
export const MATPLOTLIB_MODULES: [string, ModuleFactory][] = Object.keys(FILLERS).map((name) => [
  name,
  (interp: Interpreter) => matplotlibModule(stateFor(interp), name),
]);

/** The end of a run: figures never shown are shown (see PlotState.finish). */
export function finishPlots(interp: Interpreter): void {
  plotStateOf(interp)?.finish();
}
