import { pytorchGradFnName } from "./autograd/pytorchNames";
import { dtypeName, getDefaultDtype, isFloating } from "./dtype";
import type { Tensor } from "./tensor";

/**
 * `repr(t)` / `print(t)` as PyTorch writes it (torch/_tensor_str.py with default print
 * options): 4 decimals, scientific notation when magnitudes are far apart, a trailing `.` for
 * whole floats, columns padded to one width, long tensors summarised with `...`, and the
 * `dtype=` / `grad_fn=` / `requires_grad=` suffixes.
 */

const PRECISION = 4;
const LINE_WIDTH = 80;
const THRESHOLD = 1000;
const EDGE_ITEMS = 3;

/** Python's `f"{x:.{p}f}"`: exact decimal value rounded half to even (JS toFixed rounds ties up). */
export function formatFixed(x: number, p: number): string {
  if (!Number.isFinite(x)) return x !== x ? "nan" : x > 0 ? "inf" : "-inf";
  if (Math.abs(x) >= 1e21) return BigInt(Math.round(x)).toString() + (p > 0 ? "." + "0".repeat(p) : "");
  const exact = Math.abs(x).toFixed(100);
  const [whole, frac] = exact.split(".");
  const kept = whole + frac.slice(0, p);
  const rest = frac.slice(p);
  const half = rest[0] === "5" && /^50*$/.test(rest);
  const up = rest[0] > "5" || (rest[0] === "5" && !half) || (half && Number(kept[kept.length - 1]) % 2 === 1);
  let digits = up ? (BigInt(kept) + 1n).toString() : BigInt(kept).toString();
  digits = digits.padStart(p + 1, "0");
  const intPart = digits.slice(0, digits.length - p);
  const fracPart = digits.slice(digits.length - p);
  const text = p > 0 ? `${intPart}.${fracPart}` : intPart;
  return x < 0 || Object.is(x, -0) ? `-${text}` : text;
}

/** Python's `f"{x:.{p}e}"`: mantissa rounded half to even, exponent signed with two digits at least. */
export function formatExponential(x: number, p: number): string {
  if (!Number.isFinite(x)) return x !== x ? "nan" : x > 0 ? "inf" : "-inf";
  if (x === 0) return `${Object.is(x, -0) ? "-" : ""}${formatFixed(0, p)}e+00`;
  // The digits come from the exact expansion (toPrecision(100)), so rounding sees the true value.
  const sig = Math.abs(x).toPrecision(100);
  const [mant, expPart] = sig.includes("e") ? sig.split("e") : [sig, "0"];
  const digitsOnly = mant.replace(".", "");
  const firstNonZero = digitsOnly.search(/[1-9]/);
  const pointPos = mant.includes(".") ? mant.indexOf(".") : mant.length;
  let exponent = pointPos - firstNonZero - 1 + Number(expPart);
  const significant = digitsOnly.slice(firstNonZero);
  const kept = significant.slice(0, p + 1).padEnd(p + 1, "0");
  const rest = significant.slice(p + 1);
  const half = rest[0] === "5" && /^50*$/.test(rest);
  const up = rest[0] > "5" || (rest[0] === "5" && !half) || (half && Number(kept[kept.length - 1]) % 2 === 1);
  let digits = up ? (BigInt(kept) + 1n).toString() : kept;
  if (digits.length > p + 1) {
    digits = digits.slice(0, p + 1);
    exponent += 1;
  }
  const mantissa = p > 0 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const e = `${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
  return `${x < 0 ? "-" : ""}${mantissa}e${e}`;
}

/** How every element of one tensor is written: one mode and one width for all. */
class ElementFormatter {
  private intMode = true;
  private sciMode = false;
  private width = 1;

  constructor(
    values: readonly number[],
    private readonly floating: boolean,
    private readonly bool: boolean,
  ) {
    if (!floating) {
      for (const v of values) this.width = Math.max(this.width, this.plain(v).length);
      return;
    }
    const finite = values.filter((v) => Number.isFinite(v) && v !== 0);
    if (finite.length === 0) return;
    const abs = finite.map(Math.abs);
    const min = Math.min(...abs);
    const max = Math.max(...abs);
    this.intMode = finite.every((v) => v === Math.ceil(v));
    if (this.intMode) {
      if (max / min > 1000 || max > 1e8) {
        this.sciMode = true;
        for (const v of finite) this.width = Math.max(this.width, formatExponential(v, PRECISION).length);
      } else for (const v of finite) this.width = Math.max(this.width, formatFixed(v, 0).length + 1);
    } else if (max / min > 1000 || max > 1e8 || min < 1e-4) {
      this.sciMode = true;
      for (const v of finite) this.width = Math.max(this.width, formatExponential(v, PRECISION).length);
    } else for (const v of finite) this.width = Math.max(this.width, formatFixed(v, PRECISION).length);
  }

  private plain(v: number): string {
    return this.bool ? (v !== 0 ? "True" : "False") : String(v);
  }

  get columnWidth(): number {
    return this.width;
  }

  format(v: number): string {
    let s: string;
    if (!this.floating) s = this.plain(v);
    else if (this.sciMode) s = formatExponential(v, PRECISION);
    else if (this.intMode) s = formatFixed(v, 0) + (Number.isFinite(v) ? "." : "");
    else s = formatFixed(v, PRECISION);
    return s.padStart(this.width, " ");
  }
}

/** Nested lists of numbers, summarised to the edge items along each long dimension. */
interface Block {
  shape: number[];
  /** For a vector: its (possibly summarised) elements; null marks the `...`. */
  items: (number | null)[] | Block[] | null;
}

function slices(t: Tensor, summarize: boolean): Block {
  const values = t.values();
  const strides: number[] = [];
  let s = 1;
  for (let i = t.ndim - 1; i >= 0; i--) {
    strides[i] = s;
    s *= t.shape[i];
  }
  const pick = (n: number): (number | null)[] =>
    summarize && n > 2 * EDGE_ITEMS
      ? [
          ...Array.from({ length: EDGE_ITEMS }, (_, i) => i),
          null,
          ...Array.from({ length: EDGE_ITEMS }, (_, i) => n - EDGE_ITEMS + i),
        ]
      : Array.from({ length: n }, (_, i) => i);
  const build = (dim: number, base: number): Block => {
    const n = t.shape[dim];
    const idx = pick(n);
    if (dim === t.ndim - 1)
      return { shape: t.shape.slice(dim), items: idx.map((i) => (i === null ? null : values[base + i])) };
    return {
      shape: t.shape.slice(dim),
      items: idx.map((i) =>
        i === null ? { shape: [], items: null } : build(dim + 1, base + i * strides[dim]),
      ),
    } as Block;
  };
  return t.ndim === 0 ? { shape: [], items: [values[0]] } : build(0, 0);
}

function collect(block: Block, out: number[]): void {
  if (block.items === null) return;
  for (const it of block.items as (number | null | Block)[]) {
    if (it === null) continue;
    if (typeof it === "number") out.push(it);
    else collect(it, out);
  }
}

function render(block: Block, indent: number, f: ElementFormatter): string {
  if (block.shape.length === 1) {
    const perLine = Math.max(1, Math.floor((LINE_WIDTH - indent) / (f.columnWidth + 2)));
    const data = (block.items as (number | null)[]).map((v) => (v === null ? " ..." : f.format(v)));
    const lines: string[] = [];
    for (let i = 0; i < data.length; i += perLine) lines.push(data.slice(i, i + perLine).join(", "));
    return "[" + lines.join(",\n" + " ".repeat(indent + 1)) + "]";
  }
  const dim = block.shape.length;
  const parts = (block.items as Block[]).map((b) => (b.items === null ? "..." : render(b, indent + 1, f)));
  return "[" + parts.join("," + "\n".repeat(dim - 1) + " ".repeat(indent + 1)) + "]";
}

/** `repr(t)`: what `print(t)` shows in PyTorch. */
export function formatTensor(t: Tensor): string {
  const prefix = "tensor(";
  const indent = prefix.length;
  const suffixes: string[] = [];
  const defaultType = t.dtype === getDefaultDtype() || t.dtype === "int64" || t.dtype === "bool";
  let body: string;
  if (t.numel === 0) {
    if (t.ndim !== 1) suffixes.push(`size=(${t.shape.join(", ")})`);
    if (t.dtype !== getDefaultDtype()) suffixes.push(`dtype=${dtypeName(t.dtype)}`);
    body = "[]";
  } else {
    if (!defaultType) suffixes.push(`dtype=${dtypeName(t.dtype)}`);
    const summarize = t.numel > THRESHOLD;
    const block = slices(t, summarize);
    const shown: number[] = [];
    collect(block, shown);
    const f = new ElementFormatter(shown, isFloating(t.dtype), t.dtype === "bool");
    body = t.ndim === 0 ? f.format(shown[0]) : render(block, indent, f);
  }
  const gradFn = pytorchGradFnName(t);
  if (gradFn !== null) suffixes.push(`grad_fn=<${gradFn}>`);
  else if (t.requiresGrad) suffixes.push("requires_grad=True");
  let text = prefix + body;
  let lastLine = text.length - text.lastIndexOf("\n") + 1;
  for (const suffix of suffixes) {
    if (lastLine + suffix.length + 2 > LINE_WIDTH) {
      text += ",\n" + " ".repeat(indent) + suffix;
      lastLine = indent + suffix.length;
    } else {
      text += ", " + suffix;
      lastLine += suffix.length + 2;
    }
  }
  return text + ")";
}
