import { colormap, colormapNames, DEFAULT_COLORMAP, type Colormap } from "../../../figures/colormaps";
import { colourFromNumbers, cycleColour, parseColour, type Rgba } from "../../../figures/colours";
import type { LineStyle, Marker } from "../../../figures/figureSpec";
import { PyInstance, PyInt, PyList, PyTuple, type PyValue } from "../../interpreter/objects";
import { typeError, valueError } from "../../interpreter/pyErrors";
import { typeName } from "../../interpreter/stringify";

/**
 * Style arguments as matplotlib reads them: colours (names, hex, grey levels, `'C1'`, RGB(A)
 * tuples), format strings (`'r--'`, `'o'`, `'k'`), line styles, markers and colormaps.
 */

const MARKERS = new Set<string>([
  ".",
  ",",
  "o",
  "8",
  "v",
  "^",
  "<",
  ">",
  "s",
  "p",
  "*",
  "h",
  "H",
  "+",
  "x",
  "X",
  "D",
  "d",
  "|",
  "_",
]);
/** Markers matplotlib has that GradLens does not draw. */
const OTHER_MARKERS = new Set(["1", "2", "3", "4", "P"]);
const LINE_STYLES: Record<string, LineStyle> = {
  "-": "-",
  solid: "-",
  "--": "--",
  dashed: "--",
  ":": ":",
  dotted: ":",
  "-.": "-.",
  dashdot: "-.",
  "": "",
  " ": "",
  None: "",
  none: "",
};

/** A colour argument (`color=`, `c=` when it is one colour); null when `v` is None. */
export function colourArg(v: PyValue | undefined, what = "color"): Rgba | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "string") {
    const c = parseColour(v);
    if (c === null) throw valueError(`'${v}' is not a valid value for ${what}`);
    return c;
  }
  if (v instanceof PyTuple || v instanceof PyList) {
    const numbers = v.items.map((x) => (typeof x === "number" ? x : x instanceof PyInt ? x.v : NaN));
    const c = colourFromNumbers(numbers);
    if (c === null) {
      if (numbers.length === 3 || numbers.length === 4)
        throw valueError("RGBA values should be within 0-1 range");
      throw valueError(`Invalid RGBA argument: ${reprOf(v)}`);
    }
    return c;
  }
  throw valueError(`Invalid RGBA argument: ${reprOf(v)}`);
}

function reprOf(v: PyValue): string {
  if (typeof v === "string") return `'${v}'`;
  if (typeof v === "number") return String(v);
  if (v instanceof PyInt) return String(v.v);
  return `<${typeName(v)}>`;
}

export function lineStyleArg(v: PyValue | undefined): LineStyle | null {
  if (v === undefined) return null;
  const key = v === null ? "None" : typeof v === "string" ? v : null;
  if (key === null || !Object.hasOwn(LINE_STYLES, key))
    throw valueError(
      `${reprOf(v ?? null)} is not a valid value for ls; supported values are '-', '--', '-.', ':', 'None', ' ', '', 'solid', 'dashed', 'dashdot', 'dotted'`,
    );
  return LINE_STYLES[key];
}

/** A `marker=` argument; null for none. */
export function markerArg(v: PyValue | undefined): Marker | null {
  if (v === undefined || v === null || v === "" || v === "None" || v === "none" || v === " ") return null;
  if (typeof v === "string" && MARKERS.has(v)) return v as Marker;
  if (typeof v === "string" && OTHER_MARKERS.has(v)) throw unsupportedMarker(v);
  throw valueError(`Unrecognized marker style ${reprOf(v)}`);
}

function unsupportedMarker(m: string): Error {
  return valueError(`The marker '${m}' is not drawn by GradLens; use one of . o s ^ v < > * + x D d p h | _`);
}

export interface FormatSpec {
  style: LineStyle | null;
  marker: Marker | null;
  color: Rgba | null;
}

/** A format string such as `'r--'`, `'bo'`, `'k'`, `'C2:'` (matplotlib's `_process_plot_format`). */
export function parseFormat(fmt: string): FormatSpec {
  // a string that is a colour on its own (`'red'`, `'0.5'`) is one, unless it reads as a marker too
  const whole = parseColour(fmt);
  if (whole !== null && !/^[0-9]$/.test(fmt)) return { style: "-", marker: null, color: whole };
  let style: LineStyle | null = null;
  let marker: Marker | null = null;
  let color: Rgba | null = null;
  const bad = (why: string) => valueError(`'${fmt}' is not a valid format string (${why})`);
  let i = 0;
  while (i < fmt.length) {
    const two = fmt.slice(i, i + 2);
    const c = fmt[i];
    if (two === "--" || two === "-.") {
      if (style !== null) throw bad("two linestyle symbols");
      style = LINE_STYLES[two];
      i += 2;
    } else if (c === "-" || c === ":") {
      if (style !== null) throw bad("two linestyle symbols");
      style = LINE_STYLES[c];
      i += 1;
    } else if (MARKERS.has(c)) {
      if (marker !== null) throw bad("two marker symbols");
      marker = c as Marker;
      i += 1;
    } else if (OTHER_MARKERS.has(c)) {
      throw unsupportedMarker(c);
    } else if ("bgrcmykw".includes(c)) {
      if (color !== null) throw bad("two color symbols");
      color = parseColour(c);
      i += 1;
    } else if (c === "C" && /[0-9]/.test(fmt[i + 1] ?? "")) {
      if (color !== null) throw bad("two color symbols");
      const digits = /^C([0-9]+)/.exec(fmt.slice(i))!;
      color = cycleColour(Number(digits[1]));
      i += digits[0].length;
    } else throw bad(`unrecognized character '${c}'`);
  }
  if (style === null && marker === null) style = "-";
  else if (style === null) style = "";
  return { style, marker, color };
}

/** The colormap class's objects carry their map. */
export class ColormapObject extends PyInstance {
  constructor(
    cls: import("../../interpreter/objects").PyClass,
    readonly map: Colormap,
  ) {
    super(cls);
  }
}

/** A `cmap=` argument: a name or a colormap object; the default (viridis) when absent. */
export function colormapArg(v: PyValue | undefined, fallback = DEFAULT_COLORMAP): Colormap {
  if (v === undefined || v === null) return colormap(fallback)!;
  if (v instanceof ColormapObject) return v.map;
  if (typeof v === "string") {
    const map = colormap(v);
    if (map === null)
      throw valueError(
        `'${v}' is not a valid value for cmap; supported values are ${colormapNames()
          .map((n) => `'${n}'`)
          .join(", ")}`,
      );
    return map;
  }
  throw typeError(`cmap must be a str or Colormap, not ${typeName(v)}`);
}

/** `alpha=`: a number in 0…1, or None. */
export function alphaArg(v: PyValue | undefined): number | null {
  if (v === undefined || v === null) return null;
  const a = typeof v === "number" ? v : v instanceof PyInt ? v.v : typeof v === "boolean" ? Number(v) : NaN;
  if (Number.isNaN(a)) throw typeError(`alpha must be numeric or None, not ${typeName(v)}`);
  if (a < 0 || a > 1) throw valueError(`alpha (${a}) is outside 0-1 range`);
  return a;
}
