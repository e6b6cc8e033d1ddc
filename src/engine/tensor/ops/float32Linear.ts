import { fmaf } from "../../math/fusedMultiplyAdd";
import { record } from "../autograd/gradNode";
import type { FloatArray } from "../floatArray";
import { Tensor } from "../tensor";
import {
  float32Tensor,
  float32Values,
  mmFloat32,
  mmGradLeft,
  mmGradRight,
  operandOf,
  rowsOf,
  transposed,
} from "./float32Mm";
import { LINEAR_RULES, biasGradient } from "./linear";

/**
 * `F.linear(x, W, b)` on float32 tensors, computed as PyTorch 1.13 computes it so the numbers
 * agree to the last bit: a 2-d input, or a contiguous 3-d one folded into rows, is one `addmm`
 * (the bias is where the sums start); any other input is `x @ Wᵀ` followed by adding the bias.
 * The products are PyTorch's (float32Mm.ts), forward and backward.
 */
export function float32Linear(x: Tensor, weight: Tensor, bias: Tensor | null): Tensor {
  const [outFeatures, inFeatures] = weight.shape;
  const rows = x.numel / Math.max(inFeatures, 1);
  // Wᵀ read through W's swapped strides; the input as rows (operands, not tensor views: the
  // float64 path Check Gradients re-runs makes no such tensors, and every tensor takes a row)
  const wt = transposed(operandOf(weight));
  const x2 = x.ndim === 2 ? operandOf(x) : rowsOf(x, rows, inFeatures);
  const bv = bias === null ? null : bias.values();
  const step = bv !== null && bv.length === 1 ? 0 : 1;
  const fused = bv !== null && (x.ndim === 2 || (x.ndim === 3 && x.isContiguous()));
  let init: FloatArray | undefined;
  if (fused) {
    init = float32Values(rows * outFeatures);
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < outFeatures; j++) init[i * outFeatures + j] = bv[j * step];
  }
  const out = mmFloat32(x2, wt, init);
  if (bv !== null && !fused)
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < outFeatures; j++)
        out[i * outFeatures + j] = fmaf(out[i * outFeatures + j], 1, bv[j * step]);
  const inputs = bias === null ? [x, weight] : [x, weight, bias];
  return record(
    float32Tensor(out, [...x.shape.slice(0, -1), outFeatures]),
    "linear",
    inputs,
    (g, needs) => {
      const g2 = rowsOf(g, rows, outFeatures);
      const gx = needs[0] ? Tensor.fromValues(mmGradLeft(g2, x2, wt), x.shape, "float32") : null;
      let gw: Tensor | null = null;
      if (needs[1]) {
        // PyTorch forms the gradient of Wᵀ; W's is its transpose, moved without arithmetic
        const gwt = mmGradRight(g2, x2, wt);
        const values = new Float64Array(outFeatures * inFeatures);
        for (let i = 0; i < inFeatures; i++)
          for (let j = 0; j < outFeatures; j++) values[j * inFeatures + i] = gwt[i * outFeatures + j];
        gw = Tensor.fromValues(values, weight.shape, "float32");
      }
      const gb = bias !== null && needs[2] ? biasGradient(g, bias, rows, outFeatures) : null;
      return bias === null ? [gx, gw] : [gx, gw, gb];
    },
    LINEAR_RULES.slice(0, inputs.length),
    [x, weight],
  );
}
