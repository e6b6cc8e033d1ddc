/**
 * Hostile mutants of real programs: the kinds of damage a fuzz run does to the examples — lost
 * tokens and lines, deep nesting, huge literals, bad bytes and line ends, runaway recursion and
 * memory, and attempts to leave the sandbox. Each kind is a function of the source and a random
 * stream, so a (program, kind, seed) triple always makes the same mutant.
 */

/** A seeded stream (mulberry32): the same seed, the same mutants. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

/** Where a mutation may write, and what it may try to read, outside the program. */
export interface Canary {
  /** A file outside the workspace whose text must never reach the program's output. */
  secretFile: string;
  /** A folder outside the workspace where nothing may appear. */
  trapDir: string;
}

export type Language = "python" | "javascript";

export interface MutationKind {
  name: string;
  /** The languages it makes sense for. */
  languages: readonly Language[];
  mutate(source: string, r: Random, canary: Canary): string;
}

const lines = (s: string) => s.split("\n");
const TOKEN = /[A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d*)?(?:e[+-]?\d+)?|\*\*|\/\/|[-+*/%@<>=!]=?|[()[\]{}:,.;'"`]/g;

function tokenSpans(source: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of source.matchAll(TOKEN)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

function atRandomLine(source: string, r: Random, make: (indent: string) => string): string {
  const ls = lines(source);
  const i = r.int(ls.length + 1);
  const indent = i < ls.length ? (/^\s*/.exec(ls[i])?.[0] ?? "") : "";
  ls.splice(i, 0, make(indent));
  return ls.join("\n");
}

/** A statement appended at the top level (after the program). */
const appended = (statement: string) => (source: string) => `${source}\n${statement}\n`;

function numberSpans(source: string): [number, number][] {
  return [...source.matchAll(/\b\d+(?:\.\d+)?\b/g)].map((m) => [m.index, m.index + m[0].length]);
}

function replaceRandom(source: string, spans: [number, number][], r: Random, text: string): string {
  if (spans.length === 0) return source + text;
  const [from, to] = r.pick(spans);
  return source.slice(0, from) + text + source.slice(to);
}

const both: Language[] = ["python", "javascript"];
const py: Language[] = ["python"];
const js: Language[] = ["javascript"];

export const MUTATIONS: readonly MutationKind[] = [
  // ---- lost and doubled text ----
  {
    name: "delete-token",
    languages: both,
    mutate: (s, r) => replaceRandom(s, tokenSpans(s), r, ""),
  },
  {
    name: "delete-tokens",
    languages: both,
    mutate(s, r) {
      let out = s;
      for (let i = 0; i < 5; i++) out = replaceRandom(out, tokenSpans(out), r, "");
      return out;
    },
  },
  {
    name: "delete-line",
    languages: both,
    mutate(s, r) {
      const ls = lines(s);
      ls.splice(r.int(ls.length), 1);
      return ls.join("\n");
    },
  },
  {
    name: "duplicate-line",
    languages: both,
    mutate(s, r) {
      const ls = lines(s);
      const i = r.int(ls.length);
      ls.splice(i, 0, ls[i]);
      return ls.join("\n");
    },
  },
  {
    name: "swap-lines",
    languages: both,
    mutate(s, r) {
      const ls = lines(s);
      const i = r.int(ls.length);
      const j = r.int(ls.length);
      [ls[i], ls[j]] = [ls[j], ls[i]];
      return ls.join("\n");
    },
  },
  {
    name: "truncate",
    languages: both,
    mutate: (s, r) => s.slice(0, r.int(s.length)),
  },
  {
    name: "delete-char",
    languages: both,
    mutate(s, r) {
      const i = r.int(s.length);
      return s.slice(0, i) + s.slice(i + 1);
    },
  },
  {
    name: "insert-char",
    languages: both,
    mutate(s, r) {
      const i = r.int(s.length + 1);
      return s.slice(0, i) + r.pick([..."()[]{}:,.'\"`\\#@$?!=+-*/%<>|&^~;"]) + s.slice(i);
    },
  },
  {
    name: "replace-operator",
    languages: both,
    mutate(s, r) {
      const ops = [...s.matchAll(/[-+*/%]|\*\*|\/\//g)].map((m): [number, number] => [
        m.index,
        m.index + m[0].length,
      ]);
      return replaceRandom(s, ops, r, r.pick(["+", "-", "*", "/", "//", "%", "**", "@", "<<", "&"]));
    },
  },
  {
    name: "rename-identifier",
    languages: both,
    mutate(s, r) {
      const names = [...s.matchAll(/\b[a-z_][A-Za-z0-9_]*\b/g)].map((m): [number, number] => [
        m.index,
        m.index + m[0].length,
      ]);
      return replaceRandom(
        s,
        names,
        r,
        r.pick(["undefined_name", "x", "self", "None", "len", "Value", "__class__"]),
      );
    },
  },
  {
    name: "dedent-line",
    languages: py,
    mutate(s, r) {
      const ls = lines(s);
      const i = r.int(ls.length);
      ls[i] = ls[i].replace(/^\s{1,4}/, "");
      return ls.join("\n");
    },
  },
  {
    name: "mixed-tabs",
    languages: py,
    mutate: (s, r) =>
      lines(s)
        .map((l) => (r.next() < 0.3 ? l.replace(/^ {4}/, "\t") : l))
        .join("\n"),
  },
  // ---- numbers ----
  {
    name: "huge-number",
    languages: both,
    mutate: (s, r) =>
      replaceRandom(s, numberSpans(s), r, r.pick(["1e308", "1e309", "10**100", "2**1000", "9".repeat(400)])),
  },
  {
    name: "zero-number",
    languages: both,
    mutate: (s, r) => replaceRandom(s, numberSpans(s), r, r.pick(["0", "0.0", "-0.0"])),
  },
  {
    name: "negative-number",
    languages: both,
    mutate: (s, r) => replaceRandom(s, numberSpans(s), r, r.pick(["-1", "-1e300", "-(10**20)"])),
  },
  {
    name: "nan-number",
    languages: py,
    mutate: (s, r) =>
      replaceRandom(s, numberSpans(s), r, r.pick(["float('nan')", "float('inf')", "-float('inf')"])),
  },
  // ---- size of the text itself ----
  {
    name: "deep-parentheses",
    languages: both,
    mutate: (s, r) => replaceRandom(s, numberSpans(s), r, `${"(".repeat(2000)}1${")".repeat(2000)}`),
  },
  {
    name: "deep-lists",
    languages: both,
    mutate: appended(`deep = ${"[".repeat(3000)}${"]".repeat(3000)}`),
  },
  {
    name: "deep-blocks",
    languages: py,
    mutate(s) {
      let block = "";
      for (let i = 0; i < 150; i++) block += `${" ".repeat(i)}if True:\n`;
      return `${s}\n${block}${" ".repeat(150)}pass\n`;
    },
  },
  {
    name: "deep-unary",
    languages: both,
    mutate: (s, r) => replaceRandom(s, numberSpans(s), r, `${"-".repeat(5000)}1`),
  },
  {
    name: "huge-string-literal",
    languages: both,
    mutate: appended(`big_text = "${"x".repeat(2_000_000)}"`),
  },
  {
    name: "huge-int-literal",
    languages: py,
    mutate: appended(`big_int = ${"7".repeat(6000)}`),
  },
  {
    name: "long-line",
    languages: both,
    mutate: appended(`total = ${Array.from({ length: 20000 }, (_, i) => String(i)).join(" + ")}`),
  },
  // ---- bytes and line ends ----
  {
    name: "bad-bytes",
    languages: both,
    mutate(s, r) {
      const i = r.int(s.length + 1);
      return (
        s.slice(0, i) +
        r.pick(["\uFFFD", "\uD800", "\uDFFF", "\u0000", "\u00FF\u00FE", "\u202E"]) +
        s.slice(i)
      );
    },
  },
  {
    name: "lone-cr",
    languages: both,
    mutate: (s) => s.replace(/\n/g, "\r"),
  },
  {
    name: "crlf",
    languages: both,
    mutate: (s) => s.replace(/\n/g, "\r\n"),
  },
  {
    name: "bom-and-formfeed",
    languages: both,
    mutate: (s) => `\uFEFF${s.replace(/\n\n/g, "\n\f\n")}`,
  },
  // ---- runaway programs ----
  {
    name: "recursion",
    languages: py,
    mutate: appended("def runaway(n):\n    return runaway(n + 1) + 1\nrunaway(0)"),
  },
  {
    name: "mutual-recursion",
    languages: py,
    mutate: appended("def ping(n):\n    return pong(n)\ndef pong(n):\n    return ping(n)\nping(0)"),
  },
  {
    name: "recursion-js",
    languages: js,
    mutate: appended("function runaway(n) { return runaway(n + 1) + 1; }\nrunaway(0);"),
  },
  {
    name: "infinite-loop",
    languages: py,
    mutate: (s, r) => atRandomLine(s, r, (indent) => `${indent}while True:\n${indent}    pass`),
  },
  {
    name: "infinite-loop-js",
    languages: js,
    mutate: appended("while (true) {}"),
  },
  {
    name: "memory-doubling-list",
    languages: py,
    mutate: appended("grow = [0]\nwhile True:\n    grow = grow + grow"),
  },
  {
    name: "memory-doubling-string",
    languages: py,
    mutate: appended("grow = 'ab'\nwhile True:\n    grow = grow + grow"),
  },
  {
    name: "memory-repeat",
    languages: py,
    mutate: (s, r) =>
      appended(r.pick(["big = [0] * 10**10", "big = 'x' * 10**10", "big = [[0] * 10**6] * 10**6"]))(s),
  },
  {
    name: "memory-dict",
    languages: py,
    mutate: appended("table = {}\ni = 0\nwhile True:\n    table[i] = [i] * 100\n    i += 1"),
  },
  {
    name: "memory-int",
    languages: py,
    mutate: (s, r) =>
      appended(
        r.pick([
          "n = 2 ** 10**9\nprint(n)",
          "n = 10 ** 10**10",
          "n = 1 << 10**10",
          "print(len(str(9**10**6)))",
        ]),
      )(s),
  },
  {
    name: "memory-graph-list",
    languages: py,
    mutate: appended(
      "from micrograd.engine import Value\nkept = []\nw = Value(0.5)\nwhile True:\n    loss = (w * w + 1.0).tanh()\n    loss.backward()\n    kept.append(loss)",
    ),
  },
  {
    name: "memory-doubling-js",
    languages: js,
    mutate: appended("let grow = [0];\nwhile (true) grow = grow.concat(grow);"),
  },
  {
    name: "memory-string-js",
    languages: js,
    mutate: appended("let grow = 'ab';\nwhile (true) grow = grow + grow;"),
  },
  {
    name: "huge-range",
    languages: py,
    mutate: appended("for i in range(10**12):\n    pass"),
  },
  {
    name: "format-width",
    languages: py,
    mutate: appended("print(f'{1:>1000000000}')"),
  },
  {
    name: "exception-storm",
    languages: py,
    mutate: appended(
      "def storm(n):\n    try:\n        raise ValueError(n)\n    finally:\n        return storm(n + 1)\nstorm(0)",
    ),
  },
  // ---- the sandbox ----
  {
    name: "escape-eval",
    languages: py,
    mutate: (s, _r, c) => appended(`print(eval("open('${c.secretFile}').read()"))`)(s),
  },
  {
    name: "escape-exec",
    languages: py,
    mutate: (s, _r, c) => appended(`exec("open('${c.trapDir}/pwned', 'w').write('x')")`)(s),
  },
  {
    name: "escape-open-read",
    languages: py,
    mutate: (s, _r, c) => appended(`print(open('${c.secretFile}').read())`)(s),
  },
  {
    name: "escape-open-write",
    languages: py,
    mutate: (s, _r, c) => appended(`with open('${c.trapDir}/pwned', 'w') as f:\n    f.write('x')`)(s),
  },
  {
    name: "escape-os-system",
    languages: py,
    mutate: (s, _r, c) => appended(`import os\nos.system('touch ${c.trapDir}/pwned')`)(s),
  },
  {
    name: "escape-import",
    languages: py,
    mutate: (s, _r, c) => appended(`__import__('os').system('touch ${c.trapDir}/pwned')`)(s),
  },
  {
    name: "escape-subprocess",
    languages: py,
    mutate: (s, _r, c) => appended(`import subprocess\nsubprocess.run(['touch', '${c.trapDir}/pwned'])`)(s),
  },
  {
    name: "escape-dunder-walk",
    languages: py,
    mutate: appended("print(().__class__.__bases__[0].__subclasses__())"),
  },
  {
    name: "escape-js-require",
    languages: js,
    mutate: (s, _r, c) =>
      appended(`const fs = require("fs");\nconsole.log(fs.readFileSync("${c.secretFile}", "utf8"));`)(s),
  },
  {
    name: "escape-js-function",
    languages: js,
    mutate: (s, _r, c) =>
      appended(
        `console.log(Function("return process")().mainModule.require("fs").readFileSync("${c.secretFile}"));`,
      )(s),
  },
  {
    name: "escape-js-import",
    languages: js,
    mutate: (s, _r, c) =>
      appended(`import("fs").then((fs) => fs.writeFileSync("${c.trapDir}/pwned", "x"));`)(s),
  },
  // ---- what the language does not have ----
  {
    name: "unsupported-syntax",
    languages: py,
    mutate: (s, r) =>
      atRandomLine(s, r, (indent) =>
        r.pick([
          `${indent}async def later(): await later()`,
          `${indent}match x:\n${indent}    case 1: pass`,
          `${indent}y = (z := 3)`,
          `${indent}def gen():\n${indent}    yield 1`,
          `${indent}class Both(int, str): pass`,
          `${indent}b = b'bytes'`,
          `${indent}c = 1j`,
        ]),
      ),
  },
];

export function kindsFor(language: Language): MutationKind[] {
  return MUTATIONS.filter((k) => k.languages.includes(language));
}
