import { chargeArray } from "../../../engine/memory";
import * as T from "../../../engine/tensor/index";
import type { PyValue } from "../../interpreter/objects";
import { valueError } from "../../interpreter/pyErrors";
import { asArray, normalizeAxis } from "./convert";
import type { NdArray, NpScalar } from "./ndarray";
import type { NumpyState } from "./numpyState";

/**
 * `np.repeat(a, repeats, axis=None)` / `a.repeat(...)`: each element (each slice along `axis`;
 * of the flattened array without one) `repeats` times in a row. Recorded as picking elements by
 * index, so each copy's gradient flows back to (and sums into) the element it came from.
 */
export function repeat(
  s: NumpyState,
  a: NdArray | NpScalar,
  repeats: PyValue,
  axis: number | null,
): NdArray | NpScalar {
  let t = s.read(a);
  if (axis === null) t = T.reshape(t, [t.numel]);
  const ax = normalizeAxis(s, axis ?? 0, t.ndim);
  const n = t.shape[ax];
  // numpy casts the counts to integers as a C cast does (2.0 → 2, 1.5 → 1)
  const counts = Array.from(s.read(asArray(s, repeats)).values(), (v) => Math.trunc(v));
  if (counts.length !== 1 && counts.length !== n)
    throw valueError(`operands could not be broadcast together with shape (${n},) (${counts.length},)`);
  if (counts.some((c) => c < 0)) throw valueError("negative dimensions are not allowed");
  const countOf = (i: number) => (counts.length === 1 ? counts[0] : counts[i]);
  let total = 0;
  for (let i = 0; i < n; i++) total += countOf(i);
  chargeArray(total);
  const picks = new Array<number>(total);
  let k = 0;
  for (let i = 0; i < n; i++) for (let c = countOf(i); c > 0; c--) picks[k++] = i;
  const items: T.IndexItem[] = [];
  for (let d = 0; d < ax; d++) items.push({});
  items.push(picks);
  return s.result(T.index(t, items), a.dtype);
}
