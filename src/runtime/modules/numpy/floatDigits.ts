import { formatExponential, formatFixed } from "../../../engine/tensor/index";

/**
 * numpy's float-to-text primitives (`np.format_float_positional` / `_scientific`, which numpy
 * computes with Dragon4): the shortest digits that read back as the same value — float32's
 * shortest for float32 — and, when a precision cuts them, the exact value rounded half to even
 * at that digit.
 */

/** How trailing zeros are trimmed: keep them, `1.`, `1.0`, or `1`. */
export type Trim = "k" | "." | "0" | "-";

export interface DigitOptions {
  /** Digits after the point (positional) or after the first digit (scientific); −1 for no limit. */
  precision: number;
  float32: boolean;
  trim: Trim;
  /** Pad the fraction with zeros to at least this many digits. */
  minDigits: number;
  /** Pad the integer part (sign included) with spaces to at least this width. */
  padLeft: number;
  /** Pad the fraction (positional) with spaces to at least this many characters after the point. */
  padRight: number;
  /** Scientific only: at least this many exponent digits (−1: two). */
  expDigits: number;
}

const DEFAULTS: DigitOptions = {
  precision: -1,
  float32: false,
  trim: "k",
  minDigits: -1,
  padLeft: -1,
  padRight: -1,
  expDigits: -1,
};

/** Significant digits (no leading zeros) and the decimal exponent of the first: value = d.ddd × 10^exponent. */
interface Digits {
  digits: string;
  exponent: number;
}

/** The shortest digits that round-trip for |x| (x finite, non-zero), closest to x among them. */
export function shortestDigits(x: number, float32: boolean): Digits {
  const a = Math.abs(x);
  if (!float32) return splitExponential(a.toExponential());
  for (let p = 1; p <= 9; p++) {
    const candidate = splitExponential(a.toExponential(p - 1));
    let best: Digits | null = null;
    let bestDistance = Infinity;
    // the nearest p-digit decimal, and its neighbours (the round-trip interval is lopsided at powers of two)
    for (const delta of [0, -1, 1]) {
      const d = neighbour(candidate, delta);
      if (d === null) continue;
      const v = Number(`${d.digits[0]}.${d.digits.slice(1)}e${d.exponent}`);
      if (Math.fround(v) !== a) continue;
      const distance = Math.abs(v - a);
      if (distance < bestDistance) {
        best = d;
        bestDistance = distance;
      }
    }
    if (best !== null) return trimZeros(best);
  }
  return splitExponential(a.toExponential(8));
}

function splitExponential(text: string): Digits {
  const [mantissa, exp] = text.split("e");
  return trimZeros({ digits: mantissa.replace(".", ""), exponent: Number(exp) });
}

function trimZeros(d: Digits): Digits {
  const digits = d.digits.replace(/0+$/, "");
  return { digits: digits === "" ? "0" : digits, exponent: d.exponent };
}

/** The digit string moved by `delta` units in its last place (null when that leaves the length). */
function neighbour(d: Digits, delta: number): Digits | null {
  if (delta === 0) return d;
  const n = BigInt(d.digits) + BigInt(delta);
  if (n <= 0n) return null;
  const s = n.toString();
  if (s.length === d.digits.length) return { digits: s, exponent: d.exponent };
  if (s.length > d.digits.length) return { digits: s.slice(0, -1), exponent: d.exponent + 1 };
  return { digits: s + "9", exponent: d.exponent - 1 };
}

function signOf(x: number): string {
  return x < 0 || Object.is(x, -0) ? "-" : "";
}

function trimFraction(frac: string, trim: Trim, minDigits: number): { frac: string; dot: boolean } {
  let f = frac;
  if (trim !== "k") f = f.replace(/0+$/, "");
  if (minDigits > 0 && f.length < minDigits) f = f.padEnd(minDigits, "0");
  if (f.length === 0) {
    if (trim === "0") return { frac: "0", dot: true };
    if (trim === "-") return { frac: "", dot: false };
  }
  return { frac: f, dot: true };
}

/** `np.format_float_positional(x, unique=True, fractional=True, ...)` for finite x. */
export function positional(x: number, options: Partial<DigitOptions> = {}): string {
  const o = { ...DEFAULTS, ...options };
  let whole: string;
  let frac: string;
  if (x === 0) {
    whole = "0";
    frac = "";
  } else {
    const { digits, exponent } = shortestDigits(x, o.float32);
    const fracCount = Math.max(0, digits.length - 1 - exponent);
    if (o.precision >= 0 && fracCount > o.precision) {
      [whole, frac = ""] = formatFixed(Math.abs(x), o.precision).split(".");
    } else if (exponent >= 0) {
      whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, "0");
      frac = digits.slice(exponent + 1);
    } else {
      whole = "0";
      frac = "0".repeat(-exponent - 1) + digits;
    }
  }
  const t = trimFraction(frac, o.trim, o.minDigits);
  const left = (signOf(x) + whole).padStart(o.padLeft, " ");
  const right = o.padRight > 0 ? t.frac.padEnd(o.padRight, " ") : t.frac;
  return t.dot ? `${left}.${right}` : left;
}

/** `np.format_float_scientific(x, unique=True, ...)` for finite x. */
export function scientific(x: number, options: Partial<DigitOptions> = {}): string {
  const o = { ...DEFAULTS, ...options };
  let first: string;
  let frac: string;
  let exponent: number;
  if (x === 0) {
    first = "0";
    frac = "";
    exponent = 0;
  } else {
    const shortest = shortestDigits(x, o.float32);
    if (o.precision >= 0 && shortest.digits.length - 1 > o.precision) {
      const [mantissa, exp] = formatExponential(Math.abs(x), o.precision).split("e");
      [first, frac = ""] = mantissa.split(".");
      exponent = Number(exp);
    } else {
      first = shortest.digits[0];
      frac = shortest.digits.slice(1);
      exponent = shortest.exponent;
    }
  }
  const t = trimFraction(frac, o.trim, o.minDigits);
  const left = (signOf(x) + first).padStart(o.padLeft, " ");
  const expText = String(Math.abs(exponent)).padStart(o.expDigits > 0 ? o.expDigits : 2, "0");
  return `${left}${t.dot ? "." + t.frac : ""}e${exponent < 0 ? "-" : "+"}${expText}`;
}

/**
 * `str(np.float64(x))` / `str(np.float32(x))`: positional between 1e-4 and 1e16 (compared on the
 * exact value, so float32's 0.0001 — just below — prints as 1e-04), `1.0` for whole numbers,
 * scientific `1e-05` elsewhere.
 */
export function scalarFloatText(x: number, float32: boolean): string {
  if (x !== x) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  const a = Math.abs(x);
  if (a === 0 || (a >= 1e-4 && a < 1e16)) return positional(x, { float32, trim: "0" });
  return scientific(x, { float32, trim: "-" });
}
