import type { FloatArray } from "../../../engine/tensor/floatArray";
import type { DType } from "../../../engine/tensor/index";

/**
 * numpy's element types as GradLens runs them, and numpy's rules between them. The engine
 * stores every element in a Float64Array with one of its own dtypes; numpy's `int32` and `uint8`
 * (the class labels of CS231n's spiral data) live in the engine's int64 with their values wrapped
 * to 32 or 8 bits after each operation.
 */
export type NpDtype = "float64" | "float32" | "int64" | "int32" | "uint8" | "bool";

export const NP_DTYPES: readonly NpDtype[] = ["bool", "uint8", "int32", "int64", "float32", "float64"];

/** The engine dtype an array of this numpy dtype is stored as. */
export function engineDtype(d: NpDtype): DType {
  return d === "int32" || d === "uint8" ? "int64" : d;
}

/** numpy's dtype for an engine tensor's dtype (the reverse of engineDtype for the four it has). */
export function fromEngine(d: DType): NpDtype {
  return d;
}

export function isFloat(d: NpDtype): boolean {
  return d === "float64" || d === "float32";
}

export function isInteger(d: NpDtype): boolean {
  return d === "int64" || d === "int32" || d === "uint8";
}

/** `dtype.kind`: 'b' bool, 'u' unsigned integer, 'i' signed integer, 'f' floating. */
export function kindOf(d: NpDtype): "b" | "u" | "i" | "f" {
  return d === "bool" ? "b" : d === "uint8" ? "u" : isInteger(d) ? "i" : "f";
}

/** bool < integer < floating, the order numpy's categories promote in. */
export function categoryOf(d: NpDtype): 0 | 1 | 2 {
  return d === "bool" ? 0 : isInteger(d) ? 1 : 2;
}

export function itemsize(d: NpDtype): number {
  return d === "bool" || d === "uint8" ? 1 : d === "int32" || d === "float32" ? 4 : 8;
}

/** `dtype.str` as numpy writes it on little-endian machines. */
export function typestr(d: NpDtype): string {
  return d === "bool" || d === "uint8" ? `|${kindOf(d)}1` : `<${kindOf(d)}${itemsize(d)}`;
}

/**
 * `np.promote_types(a, b)` over the six dtypes: uint8 fits in every wider type (float32 too);
 * int32 with float32 is float64, as numpy has it.
 */
export function promote(a: NpDtype, b: NpDtype): NpDtype {
  if (a === b) return a;
  const ca = categoryOf(a);
  const cb = categoryOf(b);
  if (ca === 0) return b;
  if (cb === 0) return a;
  if (a === "uint8") return b;
  if (b === "uint8") return a;
  if (ca === 1 && cb === 1) return "int64";
  if (ca === 2 && cb === 2) return "float64";
  // an integer with a float: float32 holds int32/int64 exactly only as float64
  return "float64";
}

/** What a Python number contributes to a result type under NEP 50 (numpy 2): its kind only. */
export type WeakKind = "bool" | "int" | "float";

/** The dtype a lone Python number becomes (`np.array(1.5)` → float64, `np.array(2)` → int64). */
export function defaultFor(kind: WeakKind): NpDtype {
  return kind === "float" ? "float64" : kind === "int" ? "int64" : "bool";
}

const WEAK_CATEGORY: Record<WeakKind, number> = { bool: 0, int: 1, float: 2 };

/**
 * numpy 2's result type (NEP 50): arrays and numpy scalars decide; a Python bool, int or float
 * only lifts the result to its own category's default when it is of a higher category
 * (`float32_array * 2.0` stays float32, `int_array * 2.0` becomes float64, `bool_array + 1`
 * becomes int64).
 */
export function resultDtype(strong: readonly NpDtype[], weak: readonly WeakKind[]): NpDtype {
  let r: NpDtype | null = null;
  for (const d of strong) r = r === null ? d : promote(r, d);
  let weakKind: WeakKind | null = null;
  for (const w of weak) if (weakKind === null || WEAK_CATEGORY[w] > WEAK_CATEGORY[weakKind]) weakKind = w;
  if (r === null) return defaultFor(weakKind ?? "float");
  if (weakKind !== null && WEAK_CATEGORY[weakKind] > categoryOf(r)) return defaultFor(weakKind);
  return r;
}

/** `resultDtype([d], [w])` without its arrays: one array operand and one Python number (`2 * a`). */
export function resultDtypeWithWeak(d: NpDtype, w: WeakKind): NpDtype {
  return WEAK_CATEGORY[w] > categoryOf(d) ? defaultFor(w) : d;
}

/**
 * numpy's `same_kind` casting, which in-place operators and `out=` use: a value may only move
 * to the same or a higher category (a float result cannot be stored into an int array).
 */
export function canCastSameKind(from: NpDtype, to: NpDtype): boolean {
  return categoryOf(from) <= categoryOf(to);
}

/** numpy's `safe` casting (what `np.can_cast` answers by default). */
export function canCastSafe(from: NpDtype, to: NpDtype): boolean {
  if (from === to) return true;
  if (from === "bool") return true;
  if (to === "bool") return false;
  if (from === "uint8") return true;
  if (from === "int32") return to !== "float32";
  if (from === "int64") return to === "float64";
  if (from === "float32") return to === "float64";
  return false;
}

/** Stores values as a dtype holds them: float32 rounding, integer truncation and 32-bit wrap, 0/1 bools. */
export function roundInto(values: FloatArray, d: NpDtype): void {
  switch (d) {
    case "float32":
      for (let i = 0; i < values.length; i++) values[i] = Math.fround(values[i]);
      return;
    case "int64":
      for (let i = 0; i < values.length; i++) values[i] = toInt64(values[i]);
      return;
    case "int32":
      for (let i = 0; i < values.length; i++) values[i] = toInt64(values[i]) | 0;
      return;
    case "uint8":
      for (let i = 0; i < values.length; i++) values[i] = toInt64(values[i]) & 255;
      return;
    case "bool":
      for (let i = 0; i < values.length; i++) values[i] = values[i] !== 0 ? 1 : 0;
      return;
  }
}

/**
 * A float cast to int64 as C does on x86 (truncation; NaN and out-of-range values become the
 * "integer indefinite" −2⁶³, which numpy prints as -9223372036854775808).
 */
export function toInt64(x: number): number {
  if (x !== x || x >= 9223372036854775807 || x < -9223372036854775808) return -9223372036854775808;
  return Math.trunc(x) + 0;
}

/** The names numpy accepts for a dtype in `dtype=` strings and `np.dtype(...)`. */
export const DTYPE_NAMES: Readonly<Record<string, NpDtype>> = {
  float64: "float64",
  f8: "float64",
  d: "float64",
  double: "float64",
  float: "float64",
  float_: "float64",
  "<f8": "float64",
  float32: "float32",
  f4: "float32",
  f: "float32",
  single: "float32",
  "<f4": "float32",
  int64: "int64",
  i8: "int64",
  int: "int64",
  int_: "int64",
  long: "int64",
  l: "int64",
  "<i8": "int64",
  int32: "int32",
  i4: "int32",
  i: "int32",
  intc: "int32",
  "<i4": "int32",
  uint8: "uint8",
  u1: "uint8",
  B: "uint8",
  ubyte: "uint8",
  "|u1": "uint8",
  bool: "bool",
  bool_: "bool",
  "?": "bool",
  b1: "bool",
  "|b1": "bool",
};
