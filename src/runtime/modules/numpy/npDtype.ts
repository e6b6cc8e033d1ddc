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

/** The kind of Python number an operand is (a Python bool, int or float), for type promotion. */
export type WeakKind = "bool" | "int" | "float";

/** The dtype a lone Python number becomes (`np.array(1.5)` → float64, `np.array(2)` → int64). */
export function defaultFor(kind: WeakKind): NpDtype {
  return kind === "float" ? "float64" : kind === "int" ? "int64" : "bool";
}

const WEAK_CATEGORY: Record<WeakKind, number> = { bool: 0, int: 1, float: 2 };

/** An operand as numpy 1.24's type promotion sees it. */
export interface PromotionOperand {
  dtype: NpDtype;
  /** a Python number's kind, else null */
  weak: WeakKind | null;
  /** the value of a scalar (a Python number, a numpy scalar or a 0-d array); null for an array */
  value: number | null;
}

function categoryOfOperand(o: PromotionOperand): number {
  return o.weak !== null ? WEAK_CATEGORY[o.weak] : categoryOf(o.dtype);
}

const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * numpy 1.24's result type (value-based casting, before NEP 50). With arrays among the operands,
 * a scalar (Python number, numpy scalar, 0-d array) of no higher category than the arrays counts
 * only by the smallest type that holds its value (`float32_array * np.float64(2.1)` stays
 * float32, `int32_array + 2**40` becomes int64, `float32_array + 70000` float64). Otherwise,
 * and when all operands are scalars, every operand counts with its full type, a Python float as
 * float64 and an int as int64 (`np.float32(2) * 0.5` is a float64). numpy's int8/int16/uint16
 * results (`uint8_array + 300`) are int64 here: GradLens has no such types.
 */
export function resultDtype(ops: readonly PromotionOperand[]): NpDtype {
  let arrays: NpDtype | null = null;
  let arrayCategory = -1;
  let scalarCategory = -1;
  for (const o of ops) {
    if (o.value === null) {
      arrays = arrays === null ? o.dtype : promote(arrays, o.dtype);
      arrayCategory = Math.max(arrayCategory, categoryOf(o.dtype));
    } else scalarCategory = Math.max(scalarCategory, categoryOfOperand(o));
  }
  if (arrays === null || scalarCategory > arrayCategory) {
    let r: NpDtype | null = null;
    for (const o of ops) {
      const d = o.weak !== null ? defaultFor(o.weak) : o.dtype;
      r = r === null ? d : promote(r, d);
    }
    return r ?? "float64";
  }
  let r: NpDtype = arrays;
  for (const o of ops) if (o.value !== null) r = promoteByValue(r, o.value, categoryOfOperand(o));
  return r;
}

/** An array's dtype promoted with the smallest type holding a scalar of no higher category. */
function promoteByValue(d: NpDtype, v: number, category: number): NpDtype {
  if (category === 0 || d === "float64" || d === "int64") return d;
  if (category === 2)
    return d === "float32" && Math.abs(v) > FLOAT32_MAX && Number.isFinite(v) ? "float64" : d;
  // an integer value: a float32 array holds up to 16-bit integers' types
  if (d === "float32") return v < -32768 || v > 65535 ? "float64" : d;
  if (d === "int32") return v < -2147483648 || v > 2147483647 ? "int64" : d;
  if (d === "uint8") return v < 0 || v > 255 ? "int64" : d;
  return d;
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
