import { newStoredArray } from "../floatArray";
import { record } from "../autograd/gradNode";
import { getDefaultDtype, isFloating, isSinglePrecision } from "../dtype";
import { broadcastShapes, sameShape } from "../shapeMath";
import { Tensor } from "../tensor";
import { runtimeError, valueError } from "../tensorError";
import { expandValues, sumToShape } from "./broadcast";
import { cascadeSum } from "./cascadeSum";
import type { Reduction } from "./loss";

/**
 * `F.smooth_l1_loss(input, target, beta=1.0)` (pytorch/examples' polynomial regression): per
 * element ½·d²/β where |d| = |input − target| < β, else |d| − ½β; then the mean or sum. One
 * SmoothL1LossBackward node, as in PyTorch. Each step is rounded to the input's dtype in
 * PyTorch's order (½·z·z/β; the gradient norm·d·g/β, or ±norm·g beyond β).
 */
export function smoothL1Loss(
  input: Tensor,
  target: Tensor,
  reduction: Reduction = "mean",
  beta = 1.0,
): Tensor {
  if (reduction !== "mean" && reduction !== "sum" && reduction !== "none")
    throw valueError(`${String(reduction)} is not a valid value for reduction`);
  if (beta < 0) throw runtimeError("smooth_l1_loss does not support negative values for beta.");
  const shape = broadcastShapes(input.shape, target.shape);
  const dtype = isFloating(input.dtype) ? input.dtype : getDefaultDtype();
  const r = isSinglePrecision(dtype) ? Math.fround : (v: number) => v;
  const x = sameShape(input.shape, shape) ? input.values() : expandValues(input, shape);
  const y = sameShape(target.shape, shape) ? target.values() : expandValues(target, shape);
  const n = x.length;
  const b = r(beta);
  const half = r(0.5 * b);
  const diff = new Float64Array(n);
  const losses = newStoredArray(n, dtype);
  for (let i = 0; i < n; i++) {
    const d = r(x[i] - y[i]);
    const z = Math.abs(d);
    diff[i] = d;
    losses[i] = z < b ? r(r(r(0.5 * z) * z) / b) : r(z - half);
  }
  const kept = Tensor.fromStored(losses, shape, dtype);
  let out = kept;
  if (reduction !== "none") {
    const total = cascadeSum(Tensor.fromStored(losses, [n], dtype), [0], dtype as "float32" | "float64")[0];
    out = Tensor.fromValues(new Float64Array([reduction === "mean" ? r(total / n) : total]), [], dtype);
  }
  const norm = r(reduction === "mean" ? 1 / Math.max(n, 1) : 1);
  return record(
    out,
    "smooth_l1_loss",
    [input, target],
    (g, needs) => {
      const gv = reduction === "none" ? g.values() : null;
      const gs = reduction === "none" ? 0 : g.item();
      const grad = newStoredArray(n, g.dtype);
      for (let i = 0; i < n; i++) {
        const gi = gv !== null ? gv[i] : gs;
        const d = diff[i];
        grad[i] = d <= -b ? r(-norm * gi) : d >= b ? r(norm * gi) : r(r(r(norm * d) * gi) / b);
      }
      const negated = new Float64Array(n);
      for (let i = 0; i < n; i++) negated[i] = -grad[i];
      return [
        needs[0] ? sumToShape(Tensor.fromStored(grad, shape, g.dtype), input.shape) : null,
        needs[1] ? sumToShape(Tensor.fromValues(negated, shape, g.dtype), target.shape) : null,
      ];
    },
    [
      `∂smooth_l1_loss/∂input = (input − target)/β within β, else ±1${reduction === "mean" ? ", /N" : ""}`,
      `∂smooth_l1_loss/∂target = −∂smooth_l1_loss/∂input`,
    ],
    [input, target],
  );
}
