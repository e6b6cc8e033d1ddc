import { PyError } from "../../interpreter/pyErrors";
import { PyInt, type Kwargs, type PyValue } from "../../interpreter/objects";
import { typeError } from "../../interpreter/pyErrors";
import type { Runtime } from "../../interpreter/runtime";
import { typeName } from "../../interpreter/stringify";
import { scalarValue } from "./plotData";

/**
 * matplotlib's keyword arguments: each read once under its name or an alias (`c`/`color`,
 * `lw`/`linewidth`), and any left over refused as matplotlib refuses them
 * (`Line2D.set() got an unexpected keyword argument 'colour'`). Arguments that change only how
 * a backend renders (antialiasing, rasterising, snapping) are accepted and have no effect here.
 */

const RENDERING_ONLY = new Set([
  "antialiased",
  "aa",
  "antialiaseds",
  "rasterized",
  "snap",
  "solid_capstyle",
  "solid_joinstyle",
  "dash_capstyle",
  "dash_joinstyle",
  "gid",
  "url",
  "picker",
  "pickradius",
  "animated",
  "in_layout",
  "agg_filter",
  "sketch_params",
  "path_effects",
  "scalex",
  "scaley",
  "clip_on",
  "filternorm",
  "filterrad",
  "resample",
  "url",
  "plotnonfinite",
]);

export class Keywords {
  private readonly left: Map<string, PyValue>;

  constructor(
    kwargs: Kwargs,
    /** The artist whose `set()` would refuse an unknown keyword: `Line2D`, `PathCollection`, `Text`. */
    private readonly owner: string,
  ) {
    this.left = new Map(kwargs ?? []);
  }

  /** The value under any of these names (first given wins; two given is matplotlib's TypeError). */
  take(...names: string[]): PyValue | undefined {
    let found: PyValue | undefined;
    let foundName = "";
    for (const name of names) {
      if (!this.left.has(name)) continue;
      if (found !== undefined)
        throw typeError(`Got both '${foundName}' and '${name}', which are aliases of one another`);
      found = this.left.get(name);
      foundName = name;
      this.left.delete(name);
    }
    return found;
  }

  has(name: string): boolean {
    return this.left.has(name);
  }

  /** Refuses what no one read. */
  done(): void {
    for (const name of this.left.keys()) {
      if (RENDERING_ONLY.has(name)) continue;
      throw new PyError("AttributeError", `${this.owner}.set() got an unexpected keyword argument '${name}'`);
    }
  }
}

export function numberArg(rt: Runtime, v: PyValue | undefined, what: string): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "string") throw typeError(`${what} must be a number, not str`);
  return scalarValue(rt, v, what);
}

export function intArgument(v: PyValue | undefined, what: string): number | null {
  if (v === undefined || v === null) return null;
  if (v instanceof PyInt) return v.v;
  if (typeof v === "boolean") return Number(v);
  throw typeError(`'${typeName(v)}' object cannot be interpreted as an integer (${what})`);
}

export function stringArg(v: PyValue | undefined, what: string): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "string") return v;
  throw typeError(`${what} must be a str, not ${typeName(v)}`);
}

/** `label=` and the text of titles: anything, as `str()` gives it. */
export function textArg(rt: Runtime, v: PyValue | undefined): string | null {
  if (v === undefined || v === null) return null;
  return rt.str(v);
}

const FONT_SCALES: Record<string, number> = {
  "xx-small": 0.579,
  "x-small": 0.694,
  small: 0.833,
  medium: 1.0,
  large: 1.2,
  "x-large": 1.44,
  "xx-large": 1.728,
  larger: 1.2,
  smaller: 0.833,
};

/** `fontsize=`: points, or a name relative to the rc font size. */
export function fontSizeArg(rt: Runtime, v: PyValue | undefined, base: number): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "string") {
    if (!Object.hasOwn(FONT_SCALES, v))
      throw new PyError(
        "ValueError",
        `'${v}' is not a valid font size. Valid font sizes are xx-small, x-small, small, medium, large, x-large, xx-large, larger, smaller, None`,
      );
    return FONT_SCALES[v] * base;
  }
  return scalarValue(rt, v, "fontsize");
}
