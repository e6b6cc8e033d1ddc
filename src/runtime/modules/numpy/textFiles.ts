import { chargeArray } from "../../../engine/memory";
import { getAttribute } from "../../interpreter/attributes";
import { PyInt, PyList, PyModule, PyTuple, type Kwargs, type PyValue } from "../../interpreter/objects";
import { PyError, typeError, UnsupportedError, valueError } from "../../interpreter/pyErrors";
import { typeName } from "../../interpreter/stringify";
import { convertToFloat, convertToInt } from "../../conversions";
import { bind, boolArg, native } from "../torchArgs";
import { dtypeArg, intOf } from "./convert";
import type { NdArray } from "./ndarray";
import type { NpDtype } from "./npDtype";
import type { NumpyState } from "./numpyState";

/**
 * `np.loadtxt` and `np.genfromtxt` (numpy 1.24's rules and messages) for numeric text: a
 * workspace file named by its path (read through the program's own `open()`, so the same
 * workspace rules and the same re-run on change apply), an open file, or a list of lines.
 */

/** The numeric dtypes these read into; others (str, structured) are not modelled. */
const NUMERIC: readonly NpDtype[] = ["float64", "float32", "int64", "int32"];

/** A field as Python's `float()` reads it (whitespace around, `_` between digits), or null. */
function pythonFloat(text: string): number | null {
  try {
    return convertToFloat(text);
  } catch (e) {
    if (e instanceof PyError) return null;
    throw e;
  }
}

/** A field as Python's `int()` reads it, or null. */
function pythonInt(text: string): number | null {
  try {
    const n = convertToInt([text], null);
    return n instanceof PyInt ? (n.big !== null ? Number(n.big) : n.v) : null;
  } catch (e) {
    if (e instanceof PyError) return null;
    throw e;
  }
}

/** numpy's own parser (loadtxt) is Python's without the `_` between digits. */
const numpyFloat = (text: string) => (text.includes("_") ? null : pythonFloat(text));
const numpyInt = (text: string) => (text.includes("_") ? null : pythonInt(text));

/** The lines of `source`: a path opened with the program's own `open()`, or anything iterable of str. */
function readLines(s: NumpyState, source: PyValue, encoding: PyValue | undefined): string[] {
  const interp = s.interp;
  if (typeof source === "string") {
    const open = interp.builtins.get("open")!;
    let file: PyValue;
    try {
      file = interp.call(open, [source], new Map([["encoding", encoding ?? null]]));
    } catch (e) {
      // numpy's own words for a file that is not there
      if (e instanceof PyError && e.pyType === "FileNotFoundError")
        throw new PyError("FileNotFoundError", `${source} not found.`);
      throw e;
    }
    try {
      return linesOf(s, file);
    } finally {
      interp.call(getAttribute(interp, file, "close"), []);
    }
  }
  if (typeof source !== "object" || source === null || source instanceof PyInt)
    throw typeError(
      `fname must be a string, filehandle, list of strings,\nor generator. Got ${typeName(source)} instead.`,
    );
  return linesOf(s, source);
}

function linesOf(s: NumpyState, iterable: PyValue): string[] {
  const lines: string[] = [];
  for (const line of s.interp.iterate(iterable)) {
    if (typeof line !== "string") throw typeError("non-string returned while reading data");
    lines.push(line.replace(/\r?\n$|\r$/, ""));
  }
  chargeArray(lines.length);
  return lines;
}

/** The comment markers given (`comments='#'`, a list of them, or None). */
function commentMarkers(v: PyValue | undefined, fallback: string[]): string[] {
  if (v === undefined) return fallback;
  if (v === null) return [];
  if (typeof v === "string") return [v];
  if (v instanceof PyList || v instanceof PyTuple)
    return v.items.map((c) => {
      if (typeof c !== "string") throw typeError("comments must be a string or a sequence of strings");
      return c;
    });
  throw typeError("comments must be a string or a sequence of strings");
}

/** `line` up to its first comment. */
function beforeComment(line: string, markers: readonly string[]): string {
  let end = line.length;
  for (const c of markers) {
    const at = c === "" ? -1 : line.indexOf(c);
    if (at >= 0 && at < end) end = at;
  }
  return line.slice(0, end);
}

function delimiterArg(v: PyValue | undefined): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "string") return v;
  if (v instanceof PyInt || typeof v === "number")
    throw new UnsupportedError("Fixed-width fields (an integer delimiter) are not supported by GradLens");
  throw typeError(`delimiter must be a string or None, not ${typeName(v)}`);
}

function fields(text: string, delimiter: string | null): string[] {
  return delimiter === null ? text.trim().split(/\s+/) : text.split(delimiter);
}

function usecolsArg(s: NumpyState, v: PyValue | undefined): number[] | null {
  if (v === undefined || v === null) return null;
  if (v instanceof PyInt || typeof v === "boolean") return [intOf(v)];
  return [...s.interp.iterate(v)].map((c) => intOf(c));
}

function numericDtype(s: NumpyState, v: PyValue | undefined, fname: string): NpDtype {
  const d = dtypeArg(s, v) ?? "float64";
  if (!NUMERIC.includes(d))
    throw new UnsupportedError(
      `np.${fname} reads numbers into float64, float32, int64 or int32 arrays in GradLens, not ${d}`,
    );
  return d;
}

/** The array of `rows` (each `cols` long) as numpy leaves it: squeezed unless `ndmin` keeps it, transposed to unpack. */
function finish(
  s: NumpyState,
  rows: number[][],
  cols: number,
  dtype: NpDtype,
  ndmin: number,
  unpack: boolean,
): NdArray {
  const values = new Float64Array(rows.length * cols);
  rows.forEach((r, i) =>
    r.forEach((x, j) => (values[i * cols + j] = dtype === "float32" ? Math.fround(x) : x)),
  );
  let shape = rows.length === 0 ? [0] : [rows.length, cols];
  if (shape.length > ndmin) shape = shape.filter((n) => n !== 1);
  if (shape.length < ndmin) shape = ndmin === 1 ? [1] : shape.length === 0 ? [1, 1] : [shape[0], 1];
  if (unpack && shape.length === 2) {
    const [r, c] = shape;
    const t = new Float64Array(values.length);
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) t[j * r + i] = values[i * c + j];
    return s.fresh(t, [c, r], dtype);
  }
  return s.fresh(values, shape, dtype);
}

function ndminArg(v: PyValue | undefined): number {
  const n = v === undefined || v === null ? 0 : intOf(v);
  if (n < 0 || n > 2) throw valueError(`Illegal value of ndmin keyword: ${n}`);
  return n;
}

function describe(s: NumpyState, source: PyValue): string {
  return typeof source === "string" ? source : s.interp.str(source);
}

function loadtxt(s: NumpyState, args: PyValue[], kwargs: Kwargs): NdArray {
  const a = bind("loadtxt", args, kwargs, [
    "fname",
    "dtype",
    "comments",
    "delimiter",
    "converters",
    "skiprows",
    "usecols",
    "unpack",
    "ndmin",
    "encoding",
    "max_rows",
    "*",
    "quotechar",
    "like",
  ]);
  if (a.fname === undefined) throw typeError("loadtxt() missing 1 required positional argument: 'fname'");
  for (const unsupported of ["converters", "quotechar"] as const)
    if (a[unsupported] !== undefined && a[unsupported] !== null)
      throw new UnsupportedError(`np.loadtxt(${unsupported}=...) is not supported by GradLens`);
  const dtype = numericDtype(s, a.dtype, "loadtxt");
  const markers = commentMarkers(a.comments, ["#"]);
  const delimiter = delimiterArg(a.delimiter);
  const skip = a.skiprows === undefined ? 0 : intOf(a.skiprows);
  const usecols = usecolsArg(s, a.usecols);
  const maxRows = a.max_rows === undefined || a.max_rows === null ? -1 : intOf(a.max_rows);
  const ndmin = ndminArg(a.ndmin);
  const lines = readLines(s, a.fname, a.encoding);
  const rows: number[][] = [];
  let width = -1;
  for (const line of lines.slice(Math.max(0, skip))) {
    if (maxRows >= 0 && rows.length >= maxRows) break;
    const text = beforeComment(line, markers);
    if (text.trim() === "") continue;
    const all = fields(text, delimiter);
    let picked = all;
    if (usecols !== null) {
      picked = usecols.map((c) => {
        if (c < -all.length || c >= all.length)
          throw valueError(`invalid column index ${c} at row ${rows.length + 1} with ${all.length} columns`);
        return all[c < 0 ? c + all.length : c];
      });
    } else if (width >= 0 && all.length !== width)
      throw valueError(
        `the number of columns changed from ${width} to ${all.length} at row ${rows.length + 1}; use \`usecols\` to select a subset and avoid this error`,
      );
    width = all.length;
    rows.push(
      picked.map((field, j) => {
        const asInt = dtype.startsWith("int") ? numpyInt(field) : null;
        if (asInt !== null) return asInt;
        // an integer written as a float is read through the float (numpy 1.23+, deprecated)
        const x = numpyFloat(field);
        if (x !== null && !dtype.startsWith("int")) return x;
        if (x !== null && Number.isFinite(x)) return Math.trunc(x);
        throw valueError(
          `could not convert string ${s.interp.repr(field)} to ${dtype} at row ${rows.length}, column ${j + 1}.`,
        );
      }),
    );
    chargeArray(picked.length);
  }
  if (rows.length === 0) s.warn(`loadtxt: input contained no data: "${describe(s, a.fname)}"`, "UserWarning");
  return finish(s, rows, rows[0]?.length ?? 0, dtype, ndmin, boolArg(a.unpack, false));
}

function genfromtxt(s: NumpyState, args: PyValue[], kwargs: Kwargs): NdArray {
  const a = bind("genfromtxt", args, kwargs, [
    "fname",
    "dtype",
    "comments",
    "delimiter",
    "skip_header",
    "skip_footer",
    "converters",
    "missing_values",
    "filling_values",
    "usecols",
    "names",
    "excludelist",
    "deletechars",
    "replace_space",
    "autostrip",
    "case_sensitive",
    "defaultfmt",
    "unpack",
    "usemask",
    "loose",
    "invalid_raise",
    "max_rows",
    "encoding",
    "*",
    "ndmin",
    "like",
  ]);
  if (a.fname === undefined) throw typeError("genfromtxt() missing 1 required positional argument: 'fname'");
  for (const unsupported of ["converters", "missing_values", "filling_values", "names"] as const) {
    const v = a[unsupported];
    if (v !== undefined && v !== null && v !== false)
      throw new UnsupportedError(`np.genfromtxt(${unsupported}=...) is not supported by GradLens`);
  }
  if (boolArg(a.usemask, false))
    throw new UnsupportedError("np.genfromtxt(usemask=True) is not supported by GradLens");
  const dtype = numericDtype(s, a.dtype, "genfromtxt");
  const markers = commentMarkers(a.comments, ["#"]);
  const delimiter = delimiterArg(a.delimiter);
  const skipHeader = a.skip_header === undefined ? 0 : intOf(a.skip_header);
  const skipFooter = a.skip_footer === undefined ? 0 : intOf(a.skip_footer);
  const usecols = usecolsArg(s, a.usecols);
  const maxRows = a.max_rows === undefined || a.max_rows === null ? -1 : intOf(a.max_rows);
  const ndmin = ndminArg(a.ndmin);
  const invalidRaise = boolArg(a.invalid_raise, true);
  const lines = readLines(s, a.fname, a.encoding);
  // the rows with data, each with its line number (1-based, the header counted)
  let rows: { line: number; fields: string[] }[] = [];
  lines.slice(Math.max(0, skipHeader)).forEach((line, i) => {
    const text = beforeComment(line, markers);
    if (text.trim() !== "") rows.push({ line: skipHeader + i + 1, fields: fields(text, delimiter) });
  });
  if (skipFooter > 0) rows = rows.slice(0, Math.max(0, rows.length - skipFooter));
  if (maxRows >= 0) rows = rows.slice(0, maxRows);
  if (rows.length === 0) {
    s.warn(`genfromtxt: Empty input file: "${describe(s, a.fname)}"`, "UserWarning");
    return finish(s, [], 0, dtype, ndmin, false);
  }
  const width = usecols?.length ?? rows[0].fields.length;
  const errors: string[] = [];
  const kept: number[][] = [];
  for (const row of rows) {
    let picked = row.fields;
    if (usecols !== null) {
      const n = row.fields.length;
      if (usecols.some((c) => c < -n || c >= n)) {
        errors.push(`    Line #${row.line} (got ${n} columns instead of ${width})`);
        continue;
      }
      picked = usecols.map((c) => row.fields[c < 0 ? c + n : c]);
    } else if (picked.length !== width) {
      errors.push(`    Line #${row.line} (got ${picked.length} columns instead of ${width})`);
      continue;
    }
    // a missing or unreadable value is nan (-1 for integers), as genfromtxt's loose converters give
    kept.push(
      picked.map((field) => {
        if (dtype.startsWith("int")) return pythonInt(field) ?? -1;
        return pythonFloat(field) ?? NaN;
      }),
    );
    chargeArray(picked.length);
  }
  if (errors.length > 0) {
    const message = `Some errors were detected !\n${errors.join("\n")}`;
    if (invalidRaise) throw valueError(message);
    s.warn(message, "ConversionWarning");
  }
  return finish(s, kept, width, dtype, ndmin, a.unpack !== undefined && boolArg(a.unpack, false));
}

/** Adds `loadtxt` and `genfromtxt` to the numpy module. */
export function fillTextFiles(s: NumpyState, m: PyModule): void {
  m.attrs.set(
    "loadtxt",
    native("loadtxt", (args, kwargs) => loadtxt(s, args, kwargs)),
  );
  m.attrs.set(
    "genfromtxt",
    native("genfromtxt", (args, kwargs) => genfromtxt(s, args, kwargs)),
  );
}
