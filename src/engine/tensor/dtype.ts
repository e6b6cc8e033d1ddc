import { recordingTape } from "./tensorIds";

/**
 * Element types. Storage is a Float64Array (a Float32Array for float32: floatArray.ts); the dtype says how the values are meant
 * (and printed): int64, int32 and bool hold exact integers (int32 wrapping as C++ does), float32 results are rounded to float32
 * after every operation so a program sees PyTorch's float32 numbers (to the last ulp of
 * reductions and transcendental functions, which PyTorch computes in its own order).
 */
export type DType = "float32" | "float64" | "int64" | "int32" | "bool";

/** bool < integer < floating: the order PyTorch promotes categories in. */
export function category(dtype: DType): 0 | 1 | 2 {
  return dtype === "bool" ? 0 : isInteger(dtype) ? 1 : 2;
}

/** int64 or int32: integer arithmetic, `//` and `%` by zero raise. */
export function isInteger(dtype: DType): boolean {
  return dtype === "int64" || dtype === "int32";
}

export function isFloating(dtype: DType): boolean {
  return dtype === "float32" || dtype === "float64";
}

let defaultFloat: DType = "float32";

/** `torch.get_default_dtype()`: what a Python float (or `torch.tensor([1.5])`) becomes. */
export function getDefaultDtype(): DType {
  return defaultFloat;
}

/** `torch.set_default_dtype(...)`; only floating types are allowed, as in PyTorch. */
export function setDefaultDtype(dtype: DType): void {
  if (!isFloating(dtype)) throw new TypeError("only floating-point types are supported as the default type");
  defaultFloat = dtype;
}

/** `torch.promote_types`. */
export function promoteTypes(a: DType, b: DType): DType {
  if (a === b) return a;
  if (a === "float64" || b === "float64") return "float64";
  if (a === "float32" || b === "float32") return "float32";
  if (a === "int64" || b === "int64") return "int64";
  if (a === "int32" || b === "int32") return "int32";
  return "bool";
}

/** The PyTorch name, as `x.dtype` prints it. */
export function dtypeName(dtype: DType): string {
  return `torch.${dtype}`;
}

/** Title-case scalar type names PyTorch uses in messages ("expected scalar type Long but found Float"). */
export function scalarTypeName(dtype: DType): string {
  return { float32: "Float", float64: "Double", int64: "Long", int32: "Int", bool: "Bool" }[dtype];
}

/** Whether float32 values are rounded to float32 (not in a run that computes them in float64: Tape.float32AsFloat64). */
export function roundsFloat32(): boolean {
  return recordingTape()?.float32AsFloat64 !== true;
}

/**
 * Whether an operation in `dtype` computes in single precision now: float32, unless the run
 * computes float32 in float64 (a gradient check's re-runs). Every float32-only kernel path
 * (PyTorch's float32 routines, Python numbers cast to float32, float32 summation) asks this.
 */
export function isSinglePrecision(dtype: DType): boolean {
  return dtype === "float32" && roundsFloat32();
}

/** Rounds values in place to what the dtype can hold. */
export function roundToDtype(values: Float64Array, dtype: DType): void {
  if (dtype === "float32") {
    if (!roundsFloat32()) return;
    for (let i = 0; i < values.length; i++) values[i] = Math.fround(values[i]);
  } else if (dtype === "int64") {
    for (let i = 0; i < values.length; i++) values[i] = Math.trunc(values[i]);
  } else if (dtype === "int32") {
    // ToInt32 truncates and wraps modulo 2^32, as C++'s int32 arithmetic does
    for (let i = 0; i < values.length; i++) values[i] = values[i] | 0;
  } else if (dtype === "bool") {
    for (let i = 0; i < values.length; i++) values[i] = values[i] !== 0 ? 1 : 0;
  }
}
