import { int, PyModule, PyTuple, type PyValue } from "../interpreter/objects";
import { defineFunction } from "./native";

/**
 * The guessing behind `csv.Sniffer` (its class is Python, in csvModule.ts), following the steps
 * of CPython 3.11's `Sniffer._guess_quote_and_delimiter` and `_guess_delimiter`, so a sample
 * gets the dialect CPython guesses, including its quirks. GradLens has no `re`: the patterns are
 * JavaScript's, with Python's Unicode `\w` spelled out.
 */

const WORD = String.raw`\p{L}\p{N}_`;
/** Python's multiline `^` and `$`: only `\n` ends a line (JavaScript's also break at `\r`). */
const BOL = String.raw`(?<![^\n])`;
const EOL = String.raw`(?![^\n])`;

/** A quoted field and the delimiter around it, from most to least telling (CPython's order). */
const QUOTED_FIELD_PATTERNS = [
  String.raw`(?<delim>[^${WORD}\n"'])(?<space> ?)(?<quote>["']).*?\k<quote>\k<delim>`,
  String.raw`(?:${BOL}|\n)(?<quote>["']).*?\k<quote>(?<delim>[^${WORD}\n"'])(?<space> ?)`,
  String.raw`(?<delim>[^${WORD}\n"'])(?<space> ?)(?<quote>["']).*?\k<quote>(?:${EOL}|\n)`,
  String.raw`(?:${BOL}|\n)(?<quote>["']).*?\k<quote>(?:${EOL}|\n)`,
].map((source) => new RegExp(source, "gsu"));

/** `x in delimiters` for the optional `delimiters` argument (a str or any container of chars). */
type Allowed = (ch: string) => boolean;

/** The highest-counted key, the first of equals in insertion order (Python's `max(d, key=d.get)`). */
function mostFrequent(counts: Map<string, number>): string {
  let best = "";
  let bestCount = -Infinity;
  for (const [k, n] of counts)
    if (n > bestCount) {
      best = k;
      bestCount = n;
    }
  return best;
}

const escapeForRegExp = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");

/**
 * Step 1: quotes tell the delimiter. Returns [quotechar, doublequote, delimiter,
 * skipinitialspace]; skipinitialspace is the int 0 where CPython returns 0.
 */
export function guessQuoteAndDelimiter(
  data: string,
  allowed: Allowed,
): [string, boolean, string | null, boolean | 0] {
  let matches: RegExpMatchArray[] = [];
  for (const pattern of QUOTED_FIELD_PATTERNS) {
    matches = [...data.matchAll(pattern)];
    if (matches.length > 0) break;
  }
  if (matches.length === 0) return ["", false, null, 0];
  const quotes = new Map<string, number>();
  const delims = new Map<string, number>();
  let spaces = 0;
  for (const m of matches) {
    const groups = m.groups!;
    const quote = groups.quote;
    if (quote) quotes.set(quote, (quotes.get(quote) ?? 0) + 1);
    if (!("delim" in groups)) continue;
    const delim = groups.delim;
    if (delim && allowed(delim)) delims.set(delim, (delims.get(delim) ?? 0) + 1);
    if (groups.space) spaces += 1;
  }
  const quotechar = mostFrequent(quotes);
  let delim = "";
  let skipinitialspace: boolean | 0 = 0;
  if (delims.size > 0) {
    delim = mostFrequent(delims);
    skipinitialspace = delims.get(delim) === spaces;
    if (delim === "\n") delim = ""; // most likely a file with a single column
  }
  // a quote between the quotes of one field means quotes are doubled inside fields
  const d = escapeForRegExp(delim);
  const q = escapeForRegExp(quotechar);
  const doubled = new RegExp(
    String.raw`((${d})|${BOL})[^${WORD}]*${q}[^${d}\n]*${q}[^${d}\n]*${q}[^${WORD}]*((${d})|${EOL})`,
    "u",
  );
  return [quotechar, doubled.test(data), delim, skipinitialspace];
}

/**
 * Step 2, when no quotes told: the character whose count per line is the same on (nearly) every
 * line, looked for in chunks of ten lines, ties broken by `preferred`.
 */
export function guessDelimiter(data: string, allowed: Allowed, preferred: string[]): [string, boolean] {
  const lines = data.split("\n").filter((line) => line !== "");
  const chunkLength = Math.min(10, lines.length);
  // per character (codes 0..126): how many lines had it how many times, in the order first seen
  const charFrequency = new Map<string, Map<number, number>>();
  const modes = new Map<string, [number, number]>();
  const delims = new Map<string, [number, number]>();
  const skipsSpace = (delim: string) => count(lines[0], delim) === count(lines[0], `${delim} `);
  let iteration = 0;
  for (let start = 0, end = chunkLength; start < lines.length; start = end, end += chunkLength) {
    iteration++;
    for (const line of lines.slice(start, end)) {
      const counts = new Map<string, number>();
      for (const ch of line)
        if (ch.length === 1 && ch.charCodeAt(0) < 127) counts.set(ch, (counts.get(ch) ?? 0) + 1);
      for (let c = 0; c < 127; c++) {
        const ch = String.fromCharCode(c);
        let meta = charFrequency.get(ch);
        if (meta === undefined) charFrequency.set(ch, (meta = new Map()));
        const freq = counts.get(ch) ?? 0;
        meta.set(freq, (meta.get(freq) ?? 0) + 1);
      }
    }
    for (const [ch, meta] of charFrequency) {
      const items = [...meta];
      if (items.length === 1 && items[0][0] === 0) continue;
      if (items.length > 1) {
        // the most common count, less the lines that had another count
        let mode = items[0];
        for (const item of items) if (item[1] > mode[1]) mode = item;
        const others = items.filter((item) => item !== mode).reduce((sum, item) => sum + item[1], 0);
        modes.set(ch, [mode[0], mode[1] - others]);
      } else modes.set(ch, items[0]);
    }
    const total = Math.min(chunkLength * iteration, lines.length);
    let consistency = 1.0;
    const threshold = 0.9;
    while (delims.size === 0 && consistency >= threshold) {
      for (const [ch, v] of modes)
        if (v[0] > 0 && v[1] > 0 && v[1] / total >= consistency && allowed(ch)) delims.set(ch, v);
      consistency -= 0.01;
    }
    if (delims.size === 1) {
      const delim = [...delims.keys()][0];
      return [delim, skipsSpace(delim)];
    }
  }
  if (delims.size === 0) return ["", false];
  if (delims.size > 1) for (const d of preferred) if (delims.has(d)) return [d, skipsSpace(d)];
  // the largest (mode, count), then the largest character
  const ranked = [...delims].sort(
    ([a, va], [b, vb]) => va[0] - vb[0] || va[1] - vb[1] || (a < b ? -1 : a > b ? 1 : 0),
  );
  const delim = ranked[ranked.length - 1][0];
  return [delim, skipsSpace(delim)];
}

function count(text: string, part: string): number {
  let n = 0;
  for (let i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length)) n++;
  return n;
}

const DIGITS = "[0-9](?:_?[0-9])*";
const REAL = `(?:(?:${DIGITS}\\.(?:${DIGITS})?|\\.${DIGITS}|${DIGITS})(?:[eE][+-]?${DIGITS})?|inf(?:inity)?|nan)`;
const COMPLEX_BODY = `(?:[+-]?${REAL}|[+-]?(?:${REAL})?[jJ]|[+-]?${REAL}[+-](?:${REAL})?[jJ])`;
const COMPLEX = new RegExp(`^\\s*(?:${COMPLEX_BODY}|\\(\\s*${COMPLEX_BODY}\\s*\\))\\s*$`, "i");

/** Whether `complex(text)` would succeed (what `Sniffer.has_header` asks of each cell). */
export function isComplexText(text: string): boolean {
  return COMPLEX.test(text);
}

/** `_csv`'s private helpers for csv.Sniffer. */
export function defineSnifferHelpers(m: PyModule, iterate: (v: PyValue) => Iterable<PyValue>): void {
  const allowedOf = (delimiters: PyValue | undefined): Allowed => {
    if (delimiters === undefined || delimiters === null) return () => true;
    const set = new Set<PyValue>(typeof delimiters === "string" ? [...delimiters] : iterate(delimiters));
    return (ch) => set.has(ch);
  };
  const text = (v: PyValue | undefined) => (typeof v === "string" ? v : "");
  defineFunction(m, "_guess_quote_and_delimiter", ([data, delimiters]) => {
    const [quote, doubled, delim, skip] = guessQuoteAndDelimiter(text(data), allowedOf(delimiters));
    return new PyTuple([quote, doubled, delim, skip === 0 ? int(0) : skip]);
  });
  defineFunction(m, "_guess_delimiter", ([data, delimiters, preferred]) => {
    const prefs = [...iterate(preferred ?? null)].filter((p): p is string => typeof p === "string");
    const [delim, skip] = guessDelimiter(text(data), allowedOf(delimiters), prefs);
    return new PyTuple([delim, skip]);
  });
  defineFunction(m, "_is_complex", ([v]) => typeof v === "string" && isComplexText(v));
}
