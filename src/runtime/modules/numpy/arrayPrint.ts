import type { FloatArray } from "../../../engine/tensor/floatArray";
import { positional, scientific } from "./floatDigits";
import { isFloat, type NpDtype } from "./npDtype";
import type { PrintOptions } from "./numpyState";

/**
 * `repr(a)` and `str(a)` as numpy (1.14+, no legacy mode) writes them: one format for every
 * element (fixed or scientific, chosen from the magnitudes; shortest digits up to `precision`;
 * columns aligned by padding), rows wrapped at `linewidth`, arrays past `threshold` elements
 * summarised with `...`, and `dtype=` after types that a literal would not give back.
 */

type Formatter = (x: number) => string;

/** numpy's FloatingFormat in its default `maxprec` mode. */
function floatFormatter(data: readonly number[], float32: boolean, o: PrintOptions): Formatter {
  const finite = data.filter((v) => Number.isFinite(v));
  const nonZero = finite.filter((v) => v !== 0).map(Math.abs);
  let expFormat = false;
  if (nonZero.length > 0) {
    let max = 0;
    let min = Infinity;
    for (const v of nonZero) {
      if (v > max) max = v;
      if (v < min) min = v;
    }
    // numpy compares in the array's own type; a float32 array's 1e-4 is float32's
    const small = float32 ? Math.fround(0.0001) : 0.0001;
    const ratio = float32 ? Math.fround(max / min) : max / min;
    if (max >= 1e8 || (!o.suppress && (min < small || ratio > 1000))) expFormat = true;
  }
  let padLeft = 0;
  let padRight = 0;
  let precision = o.precision;
  let minDigits = 0;
  let expSize = -1;
  let trim: "." | "k" = ".";
  if (finite.length === 0) {
    // nothing to measure
  } else if (expFormat) {
    const parts = finite.map((x) => scientific(x, { precision: o.precision, float32, trim: "." }));
    let frac = 0;
    for (const s of parts) {
      const [mantissa, exp] = s.split("e");
      const [whole, f] = mantissa.split(".");
      expSize = Math.max(expSize, exp.length - 1);
      frac = Math.max(frac, f.length);
      padLeft = Math.max(padLeft, whole.length);
    }
    trim = "k";
    precision = frac;
    minDigits = frac;
    padRight = expSize + 2 + precision;
  } else {
    const parts = finite.map((x) => positional(x, { precision: o.precision, float32, trim: "." }));
    for (const s of parts) {
      const [whole, f] = s.split(".");
      padLeft = Math.max(padLeft, whole.length);
      padRight = Math.max(padRight, f.length);
    }
  }
  if (finite.length !== data.length) {
    const negInf = data.some((v) => v === -Infinity);
    const offset = padRight + 1;
    padLeft = Math.max(padLeft, 3 - offset, 3 + (negInf ? 1 : 0) - offset);
  }
  const width = padLeft + padRight + 1;
  return (x) => {
    if (!Number.isFinite(x)) return (x !== x ? "nan" : x < 0 ? "-inf" : "inf").padStart(width, " ");
    if (expFormat) return scientific(x, { precision, minDigits, float32, trim, padLeft, expDigits: expSize });
    return positional(x, { precision, minDigits, float32, trim, padLeft, padRight });
  };
}

function formatterFor(data: readonly number[], dtype: NpDtype, o: PrintOptions, zeroDim: boolean): Formatter {
  if (isFloat(dtype)) return floatFormatter(data, dtype === "float32", o);
  if (dtype === "bool") {
    const trueText = zeroDim ? "True" : " True";
    return (x) => (x !== 0 ? trueText : "False");
  }
  let width = 0;
  for (const v of data) width = Math.max(width, intText(v).length);
  return (x) => intText(x).padStart(width, " ");
}

/** An integer element: all its digits (an int64 past 2**53 is still printed whole). */
function intText(x: number): string {
  return Number.isSafeInteger(x) ? String(x) : BigInt(x).toString();
}

interface Layout {
  values: FloatArray;
  shape: readonly number[];
  strides: number[];
}

/** The elements that decide the format: all, or only the edge items of each axis when summarised. */
function shownValues(l: Layout, summarize: boolean, edge: number): number[] {
  const out: number[] = [];
  const walk = (axis: number, base: number) => {
    if (axis === l.shape.length) {
      out.push(l.values[base]);
      return;
    }
    const n = l.shape[axis];
    const cut = summarize && n > 2 * edge;
    for (let i = 0; i < n; i++) {
      if (cut && i === edge) i = n - edge;
      walk(axis + 1, base + i * l.strides[axis]);
    }
  };
  walk(0, 0);
  return out;
}

/** numpy's `_extendLine`: wrap before a word that would pass the width (unless the line holds only the indent). */
function extendLine(
  acc: { s: string; line: string },
  word: string,
  width: number,
  nextLinePrefix: string,
): void {
  let needsWrap = acc.line.length + word.length > width;
  if (acc.line.length <= nextLinePrefix.length) needsWrap = false;
  if (needsWrap) {
    acc.s += acc.line.replace(/\s+$/, "") + "\n";
    acc.line = nextLinePrefix;
  }
  acc.line += word;
}

/** numpy's `_formatArray`: the nested brackets, rows wrapped, `...` where summarised. */
function formatArray(
  l: Layout,
  format: Formatter,
  lineWidth: number,
  nextLinePrefix: string,
  separator: string,
  edge: number,
  summaryInsert: string,
): string {
  const recurse = (axis: number, base: number, hangingIndent: string, currWidth: number): string => {
    const axesLeft = l.shape.length - axis;
    if (axesLeft === 0) return format(l.values[base]);
    const nextHanging = hangingIndent + " ";
    const nextWidth = currWidth - 1;
    const n = l.shape[axis];
    const stride = l.strides[axis];
    const showSummary = summaryInsert !== "" && 2 * edge < n;
    const leading = showSummary ? edge : 0;
    const trailing = showSummary ? edge : n;
    let s: string;
    if (axesLeft === 1) {
      const elemWidth = currWidth - Math.max(separator.replace(/\s+$/, "").length, 1);
      const acc = { s: "", line: hangingIndent };
      for (let i = 0; i < leading; i++) {
        extendLine(
          acc,
          recurse(axis + 1, base + i * stride, nextHanging, nextWidth),
          elemWidth,
          hangingIndent,
        );
        acc.line += separator;
      }
      if (showSummary) {
        extendLine(acc, summaryInsert, elemWidth, hangingIndent);
        acc.line += separator;
      }
      for (let i = trailing; i > 1; i--) {
        extendLine(
          acc,
          recurse(axis + 1, base + (n - i) * stride, nextHanging, nextWidth),
          elemWidth,
          hangingIndent,
        );
        acc.line += separator;
      }
      extendLine(
        acc,
        recurse(axis + 1, base + (n - 1) * stride, nextHanging, nextWidth),
        elemWidth,
        hangingIndent,
      );
      s = acc.s + acc.line;
    } else {
      s = "";
      const lineSep = separator.replace(/\s+$/, "") + "\n".repeat(axesLeft - 1);
      for (let i = 0; i < leading; i++)
        s += hangingIndent + recurse(axis + 1, base + i * stride, nextHanging, nextWidth) + lineSep;
      if (showSummary) s += hangingIndent + summaryInsert + lineSep;
      for (let i = trailing; i > 1; i--)
        s += hangingIndent + recurse(axis + 1, base + (n - i) * stride, nextHanging, nextWidth) + lineSep;
      s += hangingIndent + recurse(axis + 1, base + (n - 1) * stride, nextHanging, nextWidth);
    }
    return "[" + s.slice(hangingIndent.length) + "]";
  };
  return recurse(0, 0, nextLinePrefix, lineWidth);
}

function layoutOf(values: FloatArray, shape: readonly number[]): Layout {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return { values, shape, strides };
}

/** numpy's `array2string` for a non-empty array. */
function array2string(
  values: FloatArray,
  shape: readonly number[],
  dtype: NpDtype,
  o: PrintOptions,
  separator: string,
  prefix: string,
  suffix: string,
): string {
  const l = layoutOf(values, shape);
  const summarize = values.length > o.threshold;
  const shown = shownValues(l, summarize, o.edgeitems);
  const format = formatterFor(shown, dtype, o, shape.length === 0);
  return formatArray(
    l,
    format,
    o.linewidth - suffix.length,
    " " + " ".repeat(prefix.length),
    separator,
    o.edgeitems,
    summarize ? "..." : "",
  );
}

/** The types a printed array states (`dtype=float32`): those a literal of its values would not give. */
function dtypeImplied(dtype: NpDtype): boolean {
  return dtype === "float64" || dtype === "int64" || dtype === "bool";
}

/** `repr(a)`. */
export function arrayRepr(
  values: FloatArray,
  shape: readonly number[],
  dtype: NpDtype,
  o: PrintOptions,
): string {
  const size = values.length;
  const skipDtype = dtypeImplied(dtype) && size > 0;
  const prefix = "array(";
  const suffix = skipDtype ? ")" : ",";
  let list: string;
  if (size > 0) list = array2string(values, shape, dtype, o, ", ", prefix, suffix);
  else if (shape.length === 1) list = "[]";
  else list = `[], shape=(${shape.join(", ")}${shape.length === 1 ? "," : ""})`;
  const text = prefix + list + suffix;
  if (skipDtype) return text;
  const dtypeText = `dtype=${dtype})`;
  const lastLine = text.length - (text.lastIndexOf("\n") + 1);
  const spacer = lastLine + dtypeText.length + 1 > o.linewidth ? "\n" + " ".repeat(prefix.length) : " ";
  return text + spacer + dtypeText;
}

/** `str(a)` (a 0-d array prints as its scalar: the caller handles that). */
export function arrayStr(
  values: FloatArray,
  shape: readonly number[],
  dtype: NpDtype,
  o: PrintOptions,
): string {
  if (values.length === 0) return "[]";
  return array2string(values, shape, dtype, o, " ", "", "");
}
