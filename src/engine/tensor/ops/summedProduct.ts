import { isGradEnabled } from "../autograd/gradMode";
import { roundsFloat32 } from "../dtype";
import { sameShape } from "../shapeMath";
import { Tensor } from "../tensor";
import { sumContiguous } from "./cascadeSum";
import { SCRATCH_LIMIT, scratchArray } from "./scratchArray";

/**
 * The gradient of a one-element operand of `·` (a 0-d parameter times a data vector, the
 * tutorials' polynomial models): `gradFor(mul(g, other), operand)`, the product summed to one
 * element, without the product as a tensor. Products and sum are the same roundings in the
 * same order (arithmeticKernel.ts, cascadeSum.ts): the same float. The product goes into a
 * scratch array reused by every such gradient, as nothing else sees it: a training loop
 * otherwise allocated (and the collector freed) one array of the data's size per parameter and
 * step. Null when this is not that case (the caller then multiplies and sums as ever).
 */
export function summedProduct(g: Tensor, other: Tensor, operand: Tensor): Tensor | null {
  const dtype = g.dtype;
  if (dtype !== "float32" && dtype !== "float64") return null;
  if (other.dtype !== dtype || operand.dtype !== dtype || operand.numel !== 1 || isGradEnabled()) return null;
  const n = g.numel;
  if (n < 2 || n > SCRATCH_LIMIT || !sameShape(g.shape, other.shape)) return null;
  if (!g.isContiguous() || !other.isContiguous()) return null;
  const product = scratchArray(n, dtype === "float32" && roundsFloat32());
  const gd = g.storage.data;
  const od = other.storage.data;
  const go = g.offset;
  const oo = other.offset;
  // a Float32Array's store rounds as Math.fround does
  for (let j = 0; j < n; j++) product[j] = gd[go + j] * od[oo + j];
  const total = sumContiguous(product, 0, n, dtype);
  return Tensor.fromValues(new Float64Array([total]), operand.shape, dtype);
}
