import { type DType, roundsFloat32 } from "./dtype";

/**
 * The array a tensor's values live in. float32 tensors keep theirs in a Float32Array (4 bytes an
 * element, as PyTorch's do); every other dtype, and float32 in a run that computes it in float64
 * (Tape.float32AsFloat64), in a Float64Array. Kernels compute into Float64Array and round float32
 * results with Math.fround first, so storing them in a Float32Array loses nothing.
 */
export type FloatArray = Float64Array | Float32Array;

/** Whether a tensor of `dtype` made now keeps its values in a Float32Array. */
export function storesFloat32(dtype: DType): boolean {
  return dtype === "float32" && roundsFloat32();
}

/**
 * The array a fresh tensor of `dtype` keeps `values` (already rounded to the dtype) in: `values`
 * itself, or its float32 copy (exact: each value is a float32 already).
 */
export function storedAs(values: Float64Array, dtype: DType): FloatArray {
  return storesFloat32(dtype) ? new Float32Array(values) : values;
}

/** A zeroed array for a fresh tensor of `dtype` with n elements, which kernels write straight into. */
export function newStoredArray(n: number, dtype: DType): FloatArray {
  return storesFloat32(dtype) ? new Float32Array(n) : new Float64Array(n);
}

/** `f` of each value, into a new Float64Array (as `values.map(f)` would for a Float64Array: unrounded). */
export function mapToFloat64(values: FloatArray, f: (v: number, i: number) => number): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = f(values[i], i);
  return out;
}

/** A Float64Array copy of `values` (exact). */
export function float64Copy(values: FloatArray): Float64Array {
  return values instanceof Float64Array ? values.slice() : new Float64Array(values);
}
