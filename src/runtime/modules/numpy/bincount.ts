import { allocFloat64 } from "../../../engine/memory";
import { typeError, valueError } from "../../interpreter/pyErrors";
import type { NdArray } from "./ndarray";
import type { NumpyState } from "./numpyState";

/**
 * `np.bincount(x, weights=None, minlength=0)`: how often each non-negative integer occurs in
 * the 1-d `x` (int64), or the sum of the weights at each (float64, added in x's order as numpy
 * does). A count is not differentiable, so the result is a fresh array.
 */
export function bincount(s: NumpyState, x: NdArray, weights: NdArray | null, minlength: number): NdArray {
  if (x.ndim !== 1)
    throw valueError(
      x.ndim === 0 ? "object of too small depth for desired array" : "object too deep for desired array",
    );
  // an empty list is an empty float array, and numpy takes it
  if ((x.dtype === "float32" || x.dtype === "float64") && x.size > 0)
    throw typeError(
      `Cannot cast array data from dtype('${x.dtype}') to dtype('int64') according to the rule 'safe'`,
    );
  if (minlength < 0) throw valueError("'minlength' must not be negative");
  const v = s.current(x).values();
  let top = -1;
  for (const k of v) {
    if (k < 0) throw valueError("'list' argument must have no negative elements");
    if (k > top) top = k;
  }
  const out = allocFloat64(Math.max(top + 1, minlength));
  if (weights === null) {
    for (const k of v) out[k]++;
    return s.fresh(out, [out.length], "int64");
  }
  if (weights.ndim !== 1 || weights.shape[0] !== v.length)
    throw valueError("The weights and list don't have the same length.");
  const w = s.current(weights).values();
  for (let i = 0; i < v.length; i++) out[v[i]] += w[i];
  return s.fresh(out, [out.length], "float64");
}
