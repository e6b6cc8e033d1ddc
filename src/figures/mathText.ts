import { textWidth } from "./fontMetrics";

/**
 * A small part of matplotlib's mathtext, enough for labels such as `'$\alpha$'`, `'$x^2$'`,
 * `'$10^{-3}$'` or `'$W_{ij}$'`: between dollar signs, TeX symbol names become their characters
 * and `^`/`_` raise or lower what follows; letters are set in italics as TeX does. Anything
 * else inside is kept as written.
 */

export interface TextRun {
  text: string;
  italic: boolean;
  /** Raised (superscript) or lowered (subscript), set smaller. */
  shift: "none" | "sup" | "sub";
}

/** The size of raised and lowered text relative to the line's. */
export const SCRIPT_SCALE = 0.7;

const SYMBOLS: Record<string, string> = {
  alpha: "α",
  beta: "β",
  gamma: "γ",
  delta: "δ",
  epsilon: "ε",
  varepsilon: "ε",
  zeta: "ζ",
  eta: "η",
  theta: "θ",
  iota: "ι",
  kappa: "κ",
  lambda: "λ",
  mu: "μ",
  nu: "ν",
  xi: "ξ",
  pi: "π",
  rho: "ρ",
  sigma: "σ",
  tau: "τ",
  upsilon: "υ",
  phi: "φ",
  varphi: "φ",
  chi: "χ",
  psi: "ψ",
  omega: "ω",
  Gamma: "Γ",
  Delta: "Δ",
  Theta: "Θ",
  Lambda: "Λ",
  Xi: "Ξ",
  Pi: "Π",
  Sigma: "Σ",
  Phi: "Φ",
  Psi: "Ψ",
  Omega: "Ω",
  partial: "∂",
  nabla: "∇",
  infty: "∞",
  times: "×",
  cdot: "·",
  pm: "±",
  leq: "≤",
  geq: "≥",
  le: "≤",
  ge: "≥",
  neq: "≠",
  approx: "≈",
  sim: "∼",
  to: "→",
  rightarrow: "→",
  leftarrow: "←",
  sum: "∑",
  prod: "∏",
  int: "∫",
  sqrt: "√",
  log: "log",
  exp: "exp",
  tanh: "tanh",
  sin: "sin",
  cos: "cos",
  mathdefault: "",
  mathrm: "",
  rm: "",
  mathbf: "",
  ",": " ",
  ";": " ",
  " ": " ",
  "%": "%",
  $: "$",
  _: "_",
  "{": "{",
  "}": "}",
};

/** Splits a label into runs; text without a pair of `$` is one plain run. */
export function mathRuns(text: string): TextRun[] {
  const parts = splitMath(text);
  if (parts === null) return [{ text, italic: false, shift: "none" }];
  const runs: TextRun[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 0) {
      if (part !== "") runs.push({ text: part.replace(/\\\$/g, "$"), italic: false, shift: "none" });
    } else mathPart(part, "none", runs);
  });
  return merge(runs);
}

/** Text split at unescaped `$` (odd pieces are math), or null when there is no complete pair. */
function splitMath(text: string): string[] | null {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\" && text[i + 1] === "$") {
      current += "\\$";
      i++;
    } else if (text[i] === "$") {
      parts.push(current);
      current = "";
    } else current += text[i];
  }
  parts.push(current);
  if (parts.length < 3 || parts.length % 2 === 0) return null;
  return parts;
}

function mathPart(src: string, shift: TextRun["shift"], out: TextRun[]): void {
  let i = 0;
  const push = (text: string, italic: boolean) => {
    if (text !== "") out.push({ text, italic, shift });
  };
  while (i < src.length) {
    const ch = src[i];
    if (ch === "\\") {
      const name = /^\\([A-Za-z]+|.)/.exec(src.slice(i));
      const word = name ? name[1] : "";
      i += 1 + word.length;
      push(Object.hasOwn(SYMBOLS, word) ? SYMBOLS[word] : word, false);
    } else if ((ch === "^" || ch === "_") && shift === "none") {
      const { group, next } = groupAt(src, i + 1);
      mathPart(group, ch === "^" ? "sup" : "sub", out);
      i = next;
    } else if (ch === "{" || ch === "}") {
      i++;
    } else if (ch === " ") {
      i++; // TeX ignores spaces in math
    } else {
      push(ch, /[A-Za-z]/.test(ch));
      i++;
    }
  }
}

/** `{…}` or the one character (or `\name`) after `^`/`_`. */
function groupAt(src: string, i: number): { group: string; next: number } {
  if (src[i] === "{") {
    let depth = 0;
    for (let j = i; j < src.length; j++) {
      if (src[j] === "{") depth++;
      else if (src[j] === "}" && --depth === 0) return { group: src.slice(i + 1, j), next: j + 1 };
    }
    return { group: src.slice(i + 1), next: src.length };
  }
  if (src[i] === "\\") {
    const name = /^\\([A-Za-z]+|.)/.exec(src.slice(i));
    const length = name ? 1 + name[1].length : 1;
    return { group: src.slice(i, i + length), next: i + length };
  }
  return { group: src.slice(i, i + 1), next: i + 1 };
}

function merge(runs: TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (last && last.italic === run.italic && last.shift === run.shift) last.text += run.text;
    else out.push({ ...run });
  }
  return out;
}

/** The width of a line of runs set at `size`. */
export function runsWidth(runs: readonly TextRun[], size: number): number {
  let width = 0;
  for (const run of runs) width += textWidth(run.text, run.shift === "none" ? size : size * SCRIPT_SCALE);
  return width;
}
