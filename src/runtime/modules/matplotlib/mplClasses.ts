import { colormap } from "../../../figures/colormaps";
import { withAlpha } from "../../../figures/colours";
import type { ArtistSpec } from "../../../figures/figureSpec";
import {
  DONE,
  PyBuiltin,
  PyClass,
  PyInstance,
  PyInt,
  PyIterator,
  PyList,
  PyProperty,
  PyTuple,
  int,
  type PyValue,
} from "../../interpreter/objects";
import { PyError, typeError, UnsupportedError } from "../../interpreter/pyErrors";
import { getItem } from "../../interpreter/collections";
import { AXES_METHODS } from "./axesMethods";
import { AXES3D_METHODS } from "./axes3d";
import { axis3dClasses, Axis3DObject } from "./axis3dObjects";
import { TransformObject } from "./axesDecor";
import { figureMethods } from "./figureMethods";
import { numberArray } from "./plotData";
import { pyArray } from "./pyArrays";
import {
  ArtistObject,
  AxesArrayObject,
  AxesObject,
  FigureObject,
  type MplClasses,
  type PlotState,
} from "./plotState";
import { alphaArg, colourArg, ColormapObject, lineStyleArg, markerArg } from "./styleArgs";
import { numberArg, textArg } from "./keywordArgs";
import { dunder, makeClass, method, notSupported, property } from "./pyClassParts";
import type { ColorbarObject } from "./colorbar";

/**
 * The Python classes of matplotlib's objects for one run: `Figure`, `Axes` (with every plotting
 * and `set_*` method), the artists they return (`Line2D`, `PathCollection`, `BarContainer`,
 * `AxesImage`, `QuadContourSet`, `Text`, `Legend`), colormaps, and the object array
 * `plt.subplots` returns. Names matplotlib has that GradLens does not are reported as not
 * supported rather than as missing.
 */

function fmtNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : String(v);
}

function artistOf(self: PyInstance): ArtistSpec {
  if (!(self instanceof ArtistObject)) throw typeError("descriptor requires a matplotlib artist");
  return self.artist;
}

/** `set_label`, `set_color`, … shared by the artists. */
function artistMethods(ps: PlotState): Record<string, PyValue> {
  const touch = (self: PyInstance) => {
    if (self instanceof ArtistObject && self.axes) ps.touch(self.axes.figure);
    return null;
  };
  return {
    set_label: method("set_label", (self, [label]) => {
      artistOf(self).label = label === null || label === undefined ? null : ps.interp.str(label);
      return touch(self);
    }),
    get_label: method("get_label", (self) => artistOf(self).label ?? "_nolegend_"),
    set_alpha: method("set_alpha", (self, [a]) => {
      const alpha = alphaArg(a);
      const artist = artistOf(self);
      if (artist.kind === "line") {
        artist.color = withAlpha(artist.color, alpha);
        artist.markerFace = withAlpha(artist.markerFace, alpha);
        artist.markerEdge = withAlpha(artist.markerEdge, alpha);
      } else if (artist.kind === "scatter" || artist.kind === "bars")
        artist.colors = artist.colors.map((c) => withAlpha(c, alpha));
      else if (artist.kind === "fill" || artist.kind === "text")
        artist.color = withAlpha(artist.color, alpha);
      return touch(self);
    }),
    set_zorder: method("set_zorder", (self, [z]) => {
      artistOf(self).zorder = numberArg(ps.interp, z, "zorder") ?? 0;
      return touch(self);
    }),
    remove: method("remove", (self) => {
      if (self instanceof ArtistObject && self.axes) {
        const list = self.axes.spec.artists;
        const i = list.indexOf(self.artist);
        if (i >= 0) list.splice(i, 1);
      }
      return touch(self);
    }),
    set_visible: method("set_visible", (self, [v]) => {
      if (v === false && self instanceof ArtistObject && self.axes) {
        const list = self.axes.spec.artists;
        const i = list.indexOf(self.artist);
        if (i >= 0) list.splice(i, 1);
      }
      return touch(self);
    }),
  };
}

export function makeClasses(ps: PlotState): MplClasses {
  const rt = ps.interp;
  const common = artistMethods(ps);

  const lineMethods: Record<string, PyValue> = {
    ...common,
    set_color: method("set_color", (self, [c]) => {
      const a = artistOf(self);
      if (a.kind === "line") a.color = a.markerFace = a.markerEdge = colourArg(c)!;
      return null;
    }),
    get_color: method("get_color", (self) => {
      const a = artistOf(self);
      return a.kind === "line" ? new PyTuple([...a.color]) : null;
    }),
    set_linewidth: method("set_linewidth", (self, [w]) => {
      const a = artistOf(self);
      if (a.kind === "line") a.width = numberArg(rt, w, "linewidth") ?? 1.5;
      return null;
    }),
    set_linestyle: method("set_linestyle", (self, [s]) => {
      const a = artistOf(self);
      if (a.kind === "line") a.style = lineStyleArg(s) ?? "-";
      return null;
    }),
    set_marker: method("set_marker", (self, [m]) => {
      const a = artistOf(self);
      if (a.kind === "line") a.marker = markerArg(m);
      return null;
    }),
    set_data: method("set_data", (self, args) => {
      const a = artistOf(self);
      const [x, y] = args.length === 1 ? [...(args[0] as PyTuple).items] : args;
      if (a.kind === "line") {
        a.x = numberArray(rt, x, "x").values;
        a.y = numberArray(rt, y, "y").values;
      }
      return null;
    }),
    set_xdata: method("set_xdata", (self, [x]) => {
      const a = artistOf(self);
      if (a.kind === "line") a.x = numberArray(rt, x, "x").values;
      return null;
    }),
    set_ydata: method("set_ydata", (self, [y]) => {
      const a = artistOf(self);
      if (a.kind === "line") a.y = numberArray(rt, y, "y").values;
      return null;
    }),
    get_xdata: method("get_xdata", (self) => {
      const a = artistOf(self);
      return a.kind === "line" ? pyArray(ps, a.x) : null;
    }),
    get_ydata: method("get_ydata", (self) => {
      const a = artistOf(self);
      return a.kind === "line" ? pyArray(ps, a.y) : null;
    }),
    __getattr__: notSupported("Line2D"),
  };
  const line = makeClass("Line2D", "matplotlib.lines", lineMethods);

  const pathCollection = makeClass("PathCollection", "matplotlib.collections", {
    ...common,
    __getattr__: notSupported("PathCollection"),
  });
  const polyCollection = makeClass("PolyCollection", "matplotlib.collections", {
    ...common,
    __getattr__: notSupported("PolyCollection"),
  });

  const rectangle = makeClass("Rectangle", "matplotlib.patches", {
    set_facecolor: method("set_facecolor", (self, [c]) => {
      const r = self as RectangleObject;
      const a = r.bars.artist;
      if (a.kind !== "bars") return null;
      if (a.colors.length !== a.rects.length) a.colors = a.rects.map((_, i) => a.colors[i % a.colors.length]);
      a.colors[r.index] = colourArg(c)!;
      return null;
    }),
    get_height: method("get_height", (self) => {
      const r = self as RectangleObject;
      return r.bars.artist.kind === "bars" ? r.bars.artist.rects[r.index].height : 0;
    }),
    get_x: method("get_x", (self) => {
      const r = self as RectangleObject;
      return r.bars.artist.kind === "bars" ? r.bars.artist.rects[r.index].x : 0;
    }),
    get_width: method("get_width", (self) => {
      const r = self as RectangleObject;
      return r.bars.artist.kind === "bars" ? r.bars.artist.rects[r.index].width : 0;
    }),
    __getattr__: notSupported("Rectangle"),
  });
  rectangle.dict.set("set_color", rectangle.dict.get("set_facecolor")!);
  const barCount = (self: PyInstance) => {
    const a = artistOf(self);
    return a.kind === "bars" ? a.rects.length : 0;
  };
  const barContainer = makeClass("BarContainer", "matplotlib.container", {
    ...common,
    __repr__: dunder("__repr__", (self) => `<BarContainer object of ${barCount(self)} artists>`),
    __len__: dunder("__len__", (self) => int(barCount(self))),
    __getitem__: dunder("__getitem__", (self, [i]) => {
      const n = barCount(self);
      const patches = new PyList(
        Array.from({ length: n }, (_, k) => new RectangleObject(rectangle, self as ArtistObject, k)),
      );
      return getItem(rt, patches, i);
    }),
    __iter__: dunder("__iter__", (self) => {
      const n = barCount(self);
      const patches = new PyList(
        Array.from({ length: n }, (_, k) => new RectangleObject(rectangle, self as ArtistObject, k)),
      );
      return listIterator(patches.items);
    }),
    __getattr__: notSupported("BarContainer"),
  });

  const image = makeClass("AxesImage", "matplotlib.image", {
    ...common,
    __str__: dunder("__str__", (self) => {
      const a = artistOf(self);
      return a.kind === "image" ? `AxesImage(size=(${a.rows}, ${a.cols}))` : "AxesImage()";
    }),
    __getattr__: notSupported("AxesImage"),
  });
  const contourSet = makeClass("QuadContourSet", "matplotlib.contour", {
    ...common,
    levels: property("levels", (self) => {
      const a = artistOf(self);
      return a.kind === "contour" ? pyArray(ps, a.levels) : null;
    }),
    __getattr__: notSupported("QuadContourSet"),
  });
  const text = makeClass("Text", "matplotlib.text", {
    ...common,
    __repr__: dunder("__repr__", (self) => {
      const a = artistOf(self);
      return a.kind === "text" ? `Text(${fmtNumber(a.x)}, ${fmtNumber(a.y)}, ${rt.repr(a.text)})` : "Text()";
    }),
    set_text: method("set_text", (self, [s]) => {
      const a = artistOf(self);
      if (a.kind === "text") a.text = textArg(rt, s) ?? "";
      return null;
    }),
    get_text: method("get_text", (self) => {
      const a = artistOf(self);
      return a.kind === "text" ? a.text : "";
    }),
    set_color: method("set_color", (self, [c]) => {
      const a = artistOf(self);
      if (a.kind === "text") a.color = colourArg(c)!;
      return null;
    }),
    set_fontsize: method("set_fontsize", (self, [size]) => {
      const a = artistOf(self);
      if (a.kind === "text") a.fontSize = numberArg(rt, size, "fontsize") ?? a.fontSize;
      return null;
    }),
    __getattr__: notSupported("Text"),
  });
  const legend = makeClass("Legend", "matplotlib.legend", { __getattr__: notSupported("Legend") });

  const colormapClass = makeClass("Colormap", "matplotlib.colors", {
    __call__: dunder("__call__", (self, [x, ...rest]) => {
      const map = (self as ColormapObject).map;
      if (rest.length > 0)
        throw new UnsupportedError("a colormap called with alpha or bytes is not supported by GradLens");
      const one = (v: number) => new PyTuple([...map.at(v)]);
      if (typeof x === "number") return one(x);
      if (x instanceof PyInt) return one(x.v / map.size);
      const values = numberArray(rt, x ?? null, "X");
      return new PyList(values.values.map((v) => one(values.integer ? v / map.size : v)));
    }),
    name: property("name", (self) => (self as ColormapObject).map.name),
    N: property("N", (self) => int((self as ColormapObject).map.size)),
    __repr__: dunder(
      "__repr__",
      (self) => `<matplotlib.colors.Colormap object '${(self as ColormapObject).map.name}'>`,
    ),
    __getattr__: notSupported("Colormap"),
  });

  const transform = makeClass("Transform", "matplotlib.transforms", {});
  const axesClass = makeClass("AxesSubplot", "matplotlib.axes._subplots", {});
  for (const [name, f] of Object.entries(AXES_METHODS))
    axesClass.dict.set(
      name,
      method(name, (self, args, kwargs) => {
        const ax = (self as AxesObject).axes;
        ps.callAt = rt.at;
        return f(ps, ax, args, kwargs);
      }),
    );
  axesClass.dict.set(
    "transAxes",
    property("transAxes", () => new TransformObject(transform, "axes")),
  );
  axesClass.dict.set(
    "transData",
    property("transData", () => new TransformObject(transform, "data")),
  );
  axesClass.dict.set(
    "figure",
    property("figure", (self) => (self as AxesObject).axes.figure.obj),
  );
  axesClass.dict.set(
    "__repr__",
    dunder("__repr__", (self) => {
      const t = (self as AxesObject).axes.spec.title;
      const titles = (["left", "center", "right"] as const)
        .filter((k) => t[k] !== "")
        .map((k) => `'${k}': ${rt.repr(t[k])}`);
      return `<AxesSubplot: ${titles.length > 0 ? `title={${titles.join(", ")}}` : ""}>`;
    }),
  );
  axesClass.dict.set(
    "__str__",
    dunder("__str__", (self) => {
      const [l, b, w, h] = (self as AxesObject).axes.spec.position;
      const g = (v: number) => String(Number(v.toPrecision(6)));
      return `AxesSubplot(${g(l)},${g(b)};${g(w)}x${g(h)})`;
    }),
  );
  axesClass.dict.set("__getattr__", notSupported("Axes"));

  // a 3-D axes: an Axes3D (what `isinstance(ax, Axes3D)` checks), an Axes with its own methods
  const axes3dBase = new PyClass("Axes3D", axesClass, "mpl_toolkits.mplot3d.axes3d", () => {
    throw new UnsupportedError(
      "Axes3D(fig) makes axes matplotlib 3.6 does not add to the figure: GradLens does not make them; use fig.add_subplot(projection='3d')",
    );
  });
  const axes3d = new PyClass("Axes3DSubplot", axes3dBase, "matplotlib.axes._subplots");
  for (const [name, f] of Object.entries(AXES3D_METHODS))
    axes3d.dict.set(
      name,
      method(name, (self, args, kwargs) => {
        ps.callAt = rt.at;
        return f(ps, (self as AxesObject).axes, args, kwargs);
      }),
    );
  axes3d.dict.set(
    "__repr__",
    dunder("__repr__", (self) => {
      const t = (self as AxesObject).axes.spec.title.center;
      return `<Axes3DSubplot: ${t !== "" ? `title={'center': ${rt.repr(t)}}` : ""}>`;
    }),
  );
  const axis3d = axis3dClasses(ps);
  ["x", "y", "z"].forEach((name, i) => {
    const get = property(
      `${name}axis`,
      (self) => new Axis3DObject(axis3d.axis, (self as AxesObject).axes, i),
    );
    axes3d.dict.set(`${name}axis`, get);
    // mplot3d's older names (deprecated in 3.6, still there)
    axes3d.dict.set(`w_${name}axis`, get);
  });
  // the view's angles read and set as attributes (`ax.azim = 30`), as in mplot3d
  for (const name of ["elev", "azim", "roll"] as const)
    axes3d.dict.set(
      name,
      new PyProperty(
        new PyBuiltin(name, ([self]) => (self as AxesObject).axes.spec.view3d![name]),
        new PyBuiltin(name, ([self, value]) => {
          const ax = (self as AxesObject).axes;
          ax.spec.view3d![name] = numberArg(rt, value, name) ?? 0;
          ps.touch(ax.figure);
          return null;
        }),
      ),
    );
  // the camera's distance (a zoom, deprecated in 3.6) is not modelled: setting it is refused
  axes3d.dict.set(
    "dist",
    new PyProperty(
      new PyBuiltin("dist", () => 10),
      new PyBuiltin("dist", () => {
        throw new UnsupportedError("ax.dist (the 3-D camera's distance) is not supported by GradLens");
      }),
    ),
  );
  axes3d.dict.set("__getattr__", notSupported("Axes3D"));
  const polyCollection3d = makeClass("Poly3DCollection", "mpl_toolkits.mplot3d.art3d", {
    ...common,
    __getattr__: notSupported("Poly3DCollection"),
  });
  const lineCollection3d = makeClass("Line3DCollection", "mpl_toolkits.mplot3d.art3d", {
    ...common,
    __getattr__: notSupported("Line3DCollection"),
  });

  const figureClass = makeClass("Figure", "matplotlib.figure", {});
  for (const [name, f] of Object.entries(figureMethods(ps)))
    figureClass.dict.set(
      name,
      method(name, (self, args, kwargs) => {
        ps.callAt = rt.at;
        return f((self as FigureObject).figure, args, kwargs);
      }),
    );
  const sizeText = (self: PyInstance) => {
    const s = (self as FigureObject).figure.spec;
    return `${Math.round(s.width * 100)}x${Math.round(s.height * 100)}`;
  };
  figureClass.dict.set(
    "__repr__",
    dunder(
      "__repr__",
      (self) => `<Figure size ${sizeText(self)} with ${(self as FigureObject).figure.axes.length} Axes>`,
    ),
  );
  figureClass.dict.set(
    "__str__",
    dunder("__str__", (self) => `Figure(${sizeText(self)})`),
  );
  figureClass.dict.set(
    "axes",
    property("axes", (self) => new PyList((self as FigureObject).figure.axes.map((a) => a.obj))),
  );
  figureClass.dict.set(
    "number",
    property("number", (self) => int((self as FigureObject).figure.number)),
  );
  figureClass.dict.set(
    "transFigure",
    property("transFigure", () => new TransformObject(transform, "figure")),
  );
  figureClass.dict.set("__getattr__", notSupported("Figure"));

  const axesArray = makeAxesArrayClass(ps);
  const colorbarAxes = (self: PyInstance) => (self as ColorbarObject).axes;
  const colorbarClass = makeClass("Colorbar", "matplotlib.colorbar", {
    ax: property("ax", (self) => colorbarAxes(self).obj),
    set_label: method("set_label", (self, [label]) => {
      const ax = colorbarAxes(self);
      ax.spec.y.label = textArg(rt, label) ?? "";
      ps.touch(ax.figure);
      return null;
    }),
    set_ticks: method("set_ticks", (self, [ticks]) => {
      const ax = colorbarAxes(self);
      ax.spec.y.ticks = numberArray(rt, ticks ?? null, "ticks").values;
      ps.touch(ax.figure);
      return null;
    }),
    set_ticklabels: method("set_ticklabels", (self, [labels]) => {
      const ax = colorbarAxes(self);
      ax.spec.y.tickLabels = [...rt.iterate(labels ?? null)].map((l) => rt.str(l));
      ps.touch(ax.figure);
      return null;
    }),
    __getattr__: notSupported("Colorbar"),
  });
  return {
    figure: figureClass,
    axes: axesClass,
    axes3d,
    axes3dBase,
    polyCollection3d,
    lineCollection3d,
    line,
    pathCollection,
    barContainer,
    image,
    contourSet,
    text,
    legend,
    colormap: colormapClass,
    axesArray,
    polyCollection,
    colorbar: colorbarClass,
  };
}

/** One bar of a `BarContainer` (what iterating `hist`'s patches gives). */
class RectangleObject extends PyInstance {
  constructor(
    cls: PyClass,
    readonly bars: ArtistObject,
    readonly index: number,
  ) {
    super(cls);
  }
}

function makeAxesArrayClass(ps: PlotState): PyClass {
  const rt = ps.interp;
  const cls: PyClass = new PyClass("ndarray", null, "numpy");
  const rowsOf = (a: AxesArrayObject): PyValue[] =>
    a.shape.length === 1
      ? a.items
      : Array.from(
          { length: a.shape[0] },
          (_, i) =>
            new AxesArrayObject(cls, a.items.slice(i * a.shape[1], (i + 1) * a.shape[1]), [a.shape[1]]),
        );
  const index = (i: PyValue, n: number): number => {
    if (!(i instanceof PyInt) && typeof i !== "boolean")
      throw new PyError(
        "IndexError",
        "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices",
      );
    const k = i instanceof PyInt ? i.v : Number(i);
    const j = k < 0 ? k + n : k;
    if (j < 0 || j >= n)
      throw new PyError("IndexError", `index ${k} is out of bounds for axis 0 with size ${n}`);
    return j;
  };
  cls.dict.set(
    "__getitem__",
    dunder("__getitem__", (self, [i]) => {
      const a = self as AxesArrayObject;
      if (i instanceof PyTuple) {
        if (i.items.length > a.shape.length)
          throw new PyError(
            "IndexError",
            `too many indices for array: array is ${a.shape.length}-dimensional, but ${i.items.length} were indexed`,
          );
        let v: PyValue = a;
        for (const k of i.items) v = getItem(rt, v, k);
        return v;
      }
      if (i instanceof PyInt || typeof i === "boolean") return rowsOf(a)[index(i, a.shape[0])];
      return getItem(rt, new PyList(rowsOf(a)), i ?? null);
    }),
  );
  cls.dict.set(
    "__len__",
    dunder("__len__", (self) => int((self as AxesArrayObject).shape[0])),
  );
  cls.dict.set(
    "__iter__",
    dunder("__iter__", (self) => listIterator(rowsOf(self as AxesArrayObject))),
  );
  const flat = (self: PyInstance) =>
    new AxesArrayObject(cls, (self as AxesArrayObject).items, [(self as AxesArrayObject).items.length]);
  cls.dict.set(
    "flat",
    property("flat", (self) => listIterator((self as AxesArrayObject).items)),
  );
  cls.dict.set("flatten", method("flatten", flat));
  cls.dict.set("ravel", method("ravel", flat));
  cls.dict.set(
    "shape",
    property("shape", (self) => new PyTuple((self as AxesArrayObject).shape.map(int))),
  );
  cls.dict.set(
    "size",
    property("size", (self) => int((self as AxesArrayObject).items.length)),
  );
  cls.dict.set(
    "ndim",
    property("ndim", (self) => int((self as AxesArrayObject).shape.length)),
  );
  cls.dict.set(
    "__repr__",
    dunder("__repr__", (self) => {
      const a = self as AxesArrayObject;
      const row = (items: PyValue[]) => `[${items.map((x) => rt.repr(x)).join(", ")}]`;
      const body =
        a.shape.length === 1
          ? row(a.items)
          : `[${rowsOf(a)
              .map((r) => row((r as AxesArrayObject).items))
              .join(",\n       ")}]`;
      return `array(${body}, dtype=object)`;
    }),
  );
  cls.dict.set("__getattr__", notSupported("ndarray of Axes"));
  return cls;
}

/** A colormap object (`plt.cm.Spectral`, `plt.get_cmap('viridis')`). */
export function colormapObject(ps: PlotState, name: string): ColormapObject | null {
  const map = colormap(name);
  return map === null ? null : new ColormapObject(ps.classes.colormap, map);
}

function listIterator(items: readonly PyValue[]): PyIterator {
  let i = 0;
  return new PyIterator(() => (i < items.length ? items[i++] : DONE), "list_iterator");
}
