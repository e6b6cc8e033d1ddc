import { PANE_COLOURS } from "../../../figures/axes3dSvg";
import type { Rgba } from "../../../figures/colours";
import type { PaneSpec } from "../../../figures/figureSpec";
import { truthy } from "../../interpreter/operators";
import { PyBuiltin, PyClass, PyInstance, PyProperty, PyTuple, type PyValue } from "../../interpreter/objects";
import { valueError } from "../../interpreter/pyErrors";
import { alphaArg, colourArg } from "./styleArgs";
import { makeClass, method, notSupported } from "./pyClassParts";
import type { AxesState, PlotState } from "./plotState";

/**
 * A 3-D axes' `xaxis`, `yaxis` and `zaxis` (mplot3d's Axis) as far as programs restyle them:
 * the pane behind the data (`ax.xaxis.pane.fill = False`, `set_pane_color`, the pane's
 * `set_facecolor`/`set_edgecolor`/`set_alpha`). A pane keeps one alpha (0.5 until set) that
 * its colours are drawn with, as a matplotlib patch does.
 */

/** One axis of a 3-D axes (0: x, 1: y, 2: z), or its pane. */
export class Axis3DObject extends PyInstance {
  constructor(
    cls: PyClass,
    readonly axes: AxesState,
    readonly index: number,
  ) {
    super(cls);
  }
}

interface PaneState {
  face: Rgba;
  edge: Rgba;
  fill: boolean;
  alpha: number | null;
}

const states = new WeakMap<AxesState, PaneState[]>();

function paneState(ax: AxesState, i: number): PaneState {
  let list = states.get(ax);
  if (!list) {
    list = PANE_COLOURS.map((c) => ({ face: c, edge: c, fill: true, alpha: c[3] }));
    states.set(ax, list);
  }
  return list[i];
}

/** The pane's colours with its alpha, into the axes' spec. */
function apply(ps: PlotState, ax: AxesState): void {
  const view = ax.spec.view3d!;
  const withAlpha = (c: Rgba, a: number | null): Rgba => [c[0], c[1], c[2], a ?? c[3]];
  view.panes = [0, 1, 2].map((i): PaneSpec => {
    const p = paneState(ax, i);
    return { face: p.fill ? withAlpha(p.face, p.alpha) : null, edge: withAlpha(p.edge, p.alpha) };
  });
  ps.touch(ax.figure);
}

export function axis3dClasses(ps: PlotState): { axis: PyClass; pane: PyClass } {
  const of = (self: PyInstance) => self as Axis3DObject;
  const colour = (v: PyValue | undefined, what: string): Rgba => {
    const c = colourArg(v ?? null, what);
    if (c === null) throw valueError(`Invalid RGBA argument: ${ps.interp.repr(v ?? null)}`);
    return c;
  };
  const pane = makeClass("Polygon", "matplotlib.patches", {
    fill: new PyProperty(
      new PyBuiltin(
        "fill",
        ([self]) => paneState(of(self as PyInstance).axes, of(self as PyInstance).index).fill,
      ),
      new PyBuiltin("fill", ([self, value]) => {
        const o = of(self as PyInstance);
        paneState(o.axes, o.index).fill = truthy(ps.interp, value ?? null);
        apply(ps, o.axes);
        return null;
      }),
    ),
    set_fill: method("set_fill", (self, [value]) => {
      const o = of(self);
      paneState(o.axes, o.index).fill = truthy(ps.interp, value ?? null);
      apply(ps, o.axes);
      return null;
    }),
    set_facecolor: method("set_facecolor", (self, [c]) => {
      const o = of(self);
      paneState(o.axes, o.index).face = colour(c, "facecolor");
      apply(ps, o.axes);
      return null;
    }),
    set_edgecolor: method("set_edgecolor", (self, [c]) => {
      const o = of(self);
      paneState(o.axes, o.index).edge = colour(c, "edgecolor");
      apply(ps, o.axes);
      return null;
    }),
    set_color: method("set_color", (self, [c]) => {
      const o = of(self);
      const p = paneState(o.axes, o.index);
      p.face = p.edge = colour(c, "color");
      apply(ps, o.axes);
      return null;
    }),
    set_alpha: method("set_alpha", (self, [a]) => {
      const o = of(self);
      paneState(o.axes, o.index).alpha = alphaArg(a ?? null);
      apply(ps, o.axes);
      return null;
    }),
    get_facecolor: method("get_facecolor", (self) => {
      const o = of(self);
      const p = paneState(o.axes, o.index);
      return new PyTuple([p.face[0], p.face[1], p.face[2], p.alpha ?? p.face[3]]);
    }),
    __getattr__: notSupported("Polygon"),
  });
  const axis = makeClass("Axis", "mpl_toolkits.mplot3d.axis3d", {
    pane: new PyProperty(
      new PyBuiltin("pane", ([self]) => {
        const o = of(self as PyInstance);
        return new Axis3DObject(pane, o.axes, o.index);
      }),
      null,
    ),
    set_pane_color: method("set_pane_color", (self, [c, a]) => {
      const o = of(self);
      const p = paneState(o.axes, o.index);
      const rgba = colour(c, "color");
      const alpha = a === undefined || a === null ? rgba[3] : alphaArg(a);
      p.face = p.edge = rgba;
      p.alpha = alpha;
      apply(ps, o.axes);
      return null;
    }),
    __getattr__: notSupported("Axis"),
  });
  return { axis, pane };
}
