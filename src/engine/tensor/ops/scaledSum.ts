import { fma, fmaf } from "../../math/fusedMultiplyAdd";
import { isFloating, isSinglePrecision } from "../dtype";
import type { Tensor } from "../tensor";
import { expandValues } from "./broadcast";

/**
 * `torch.add(a, b, alpha=α)` (and `sub`, `add_`, `sub_`): PyTorch's CPU kernel forms a + α·b with
 * one fused multiply-add, α cast to the tensors' dtype first. The graph is recorded as a + (α·b)
 * (its gradients are the same); this writes the fused values over the result `out` (a fresh
 * tensor, or `self` for the in-place forms), given `a` as it was before the operation.
 */
export function writeScaledSum(out: Tensor, a: Tensor, b: Tensor, alpha: number): void {
  if (!isFloating(out.dtype) || !out.isContiguous() || a.dtype !== out.dtype) return;
  if (b.dtype !== out.dtype && !b.isWrappedNumber) return;
  const single = isSinglePrecision(out.dtype);
  const madd = single ? fmaf : fma;
  const scale = single ? Math.fround(alpha) : alpha;
  const av = expandValues(a, out.shape);
  const bv = expandValues(b, out.shape);
  const data = out.storage.data;
  // (a broadcast single b is not always fused so in PyTorch's scalar loop: not followed yet)
  for (let i = 0; i < bv.length; i++) data[out.offset + i] = madd(bv[i], scale, av[i]);
}
