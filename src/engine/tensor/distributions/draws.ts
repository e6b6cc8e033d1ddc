import type { FloatArray } from "../floatArray";
import { log } from "../../math/correctlyRounded";
import { fma, fmaf } from "../../math/fusedMultiplyAdd";
import { type DType, scalarTypeName } from "../dtype";
import type { Generator } from "../random";
import { runtimeError } from "../tensorError";

/**
 * The per-element random kernels besides the normal one, each consuming the generator exactly
 * as PyTorch's CPU kernel does (one element after another, in the order the tensor is visited).
 */

/**
 * `uniform_(from, to)` / `rand`: x·(to − from) + from with one rounding, x a float uniform (24
 * bits of one draw) for float32 and a double uniform (53 bits of two) for float64; float32
 * bounds are first rounded to float32, as the kernel casts them.
 */
export function uniformValues(
  count: number,
  dtype: DType,
  from: number,
  to: number,
  g: Generator,
): Float64Array {
  const out = new Float64Array(count);
  if (dtype === "float32") {
    const lo = Math.fround(from);
    const range = Math.fround(Math.fround(to) - lo);
    for (let i = 0; i < count; i++) out[i] = fmaf(g.uniformFloat(), range, lo);
  } else if (dtype === "float64") {
    const range = to - from;
    for (let i = 0; i < count; i++) out[i] = fma(g.uniformDouble(), range, from);
  } else {
    throw runtimeError(`"check_uniform_bounds" not implemented for '${scalarTypeName(dtype)}'`);
  }
  return out;
}

/**
 * `randint(low, high)` / `random_(from, to)`: (draw mod range) + low, the draw one 32-bit output,
 * or a 64-bit one when the range needs more than 32 bits (int64 and floating dtypes).
 */
export function integerValues(
  count: number,
  low: number,
  high: number,
  dtype: DType,
  g: Generator,
): Float64Array {
  if (!(low < high))
    throw runtimeError(`random_ expects 'from' to be less than 'to', but got from=${low} >= to=${high}`);
  const range = high - low;
  const out = new Float64Array(count);
  if (range >= 2 ** 32 && dtype !== "int32" && dtype !== "bool") {
    const big = BigInt(range);
    for (let i = 0; i < count; i++) out[i] = Number(g.random64() % big) + low;
  } else {
    for (let i = 0; i < count; i++) out[i] = (g.random() % range) + low;
  }
  return out;
}

/**
 * `randperm(n)`: 0 … n−1 shuffled by swapping position i with i + (draw mod (n − i)), for i from
 * the front. (PyTorch switches to an inside-out shuffle with 64-bit draws past 2^32/20
 * elements, a size no program here can hold.)
 */
export function permutationValues(n: number, g: Generator): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  if (n >= Math.floor(0xffffffff / 20)) {
    for (let i = 0; i < n; i++) {
      const z = Number(g.random64() % BigInt(i + 1));
      out[i] = out[z];
      out[z] = i;
    }
    return out;
  }
  for (let i = 0; i < n - 1; i++) {
    const z = g.random() % (n - i);
    const saved = out[i];
    out[i] = out[z + i];
    out[z + i] = saved;
  }
  return out;
}

/** `bernoulli_(p)` with a Python float p: 1 where a double uniform falls below p. */
export function bernoulliValues(count: number, p: number, g: Generator): Float64Array {
  if (!(p >= 0 && p <= 1)) throw runtimeError(`bernoulli_ expects p to be in [0, 1], but got p=${p}`);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = g.uniformDouble() < p ? 1 : 0;
  return out;
}

/**
 * `torch.bernoulli(probs)`: one draw per probability, a float uniform against float32
 * probabilities and a double uniform against float64 ones.
 */
export function bernoulliFromProbabilities(probs: FloatArray, dtype: DType, g: Generator): Float64Array {
  const out = new Float64Array(probs.length);
  const double = dtype === "float64";
  for (let i = 0; i < probs.length; i++) {
    const p = probs[i];
    if (!(p >= 0 && p <= 1))
      throw runtimeError(
        "Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error message be improved?  If so, please report an enhancement request to PyTorch.)",
      );
    out[i] = (double ? g.uniformDouble() : g.uniformFloat()) < p ? 1 : 0;
  }
  return out;
}

/** `exponential_(lambd)`: −ln(1 − u)/λ from a double uniform u. */
export function exponentialValues(count: number, lambd: number, g: Generator): Float64Array {
  const out = new Float64Array(count);
  const scale = -1 / lambd;
  for (let i = 0; i < count; i++) out[i] = scale * log(1 - g.uniformDouble());
  return out;
}
