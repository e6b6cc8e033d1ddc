import { record } from "../autograd/gradNode";
import { isSinglePrecision } from "../dtype";
import { Tensor } from "../tensor";
import { runtimeError } from "../tensorError";
import { sumToShape } from "./broadcast";
import { float32Linear } from "./float32Linear";
import { gemm } from "./gemm";
import { resultType } from "./operand";

/**
 * `F.linear(x, W, b)` = x·Wᵀ + b, what `nn.Linear` computes with W stored as [out, in]. One
 * graph node (PyTorch's AddmmBackward), and the kernel reads Wᵀ through swapped strides:
 * forward x·Wᵀ, backward g·W and gᵀ·x, none of them copying a transpose.
 */
export function linear(x: Tensor, weight: Tensor, bias: Tensor | null = null): Tensor {
  if (x.ndim === 0)
    throw runtimeError("both arguments to linear need to be at least 1D, but they are 0D and 2D");
  if (weight.ndim !== 2)
    throw runtimeError(`t() expects a tensor with <= 2 dimensions, but self is ${weight.ndim}D`);
  const inFeatures = x.shape[x.ndim - 1];
  const [outFeatures, wIn] = weight.shape;
  const rows = x.numel / Math.max(inFeatures, 1);
  if (wIn !== inFeatures)
    throw runtimeError(
      `mat1 and mat2 shapes cannot be multiplied (${rows}x${inFeatures} and ${wIn}x${outFeatures})`,
    );
  if (bias !== null && !(bias.ndim <= 1 && (bias.numel === outFeatures || bias.numel === 1)))
    throw runtimeError(
      `The size of tensor a (${outFeatures}) must match the size of tensor b (${bias.shape[bias.ndim - 1]}) at non-singleton dimension ${x.ndim - 1}`,
    );
  if (
    isSinglePrecision(x.dtype) &&
    isSinglePrecision(weight.dtype) &&
    (bias === null || isSinglePrecision(bias.dtype))
  )
    return float32Linear(x, weight, bias);
  const xs = x.rowMajor();
  const out = new Float64Array(rows * outFeatures);
  const wd = weight.storage.data;
  const [wRow, wCol] = weight.strides;
  // Wᵀ as the right operand: element (p, j) is W[j][p].
  gemm(
    rows,
    outFeatures,
    inFeatures,
    xs.data,
    xs.offset,
    inFeatures,
    1,
    wd,
    weight.offset,
    wCol,
    wRow,
    out,
    0,
    outFeatures,
    false,
  );
  if (bias !== null) {
    const bv = bias.values();
    const step = bv.length === 1 ? 0 : 1;
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < outFeatures; j++) out[i * outFeatures + j] += bv[j * step];
  }
  const shape = [...x.shape.slice(0, -1), outFeatures];
  const inputs = bias === null ? [x, weight] : [x, weight, bias];
  return record(
    Tensor.fromValues(out, shape, resultType(inputs)),
    "linear",
    inputs,
    (g, needs) => {
      const gs = g.rowMajor();
      let gx: Tensor | null = null;
      let gw: Tensor | null = null;
      let gb: Tensor | null = null;
      if (needs[0]) {
        const r = new Float64Array(rows * inFeatures);
        gemm(
          rows,
          inFeatures,
          outFeatures,
          gs.data,
          gs.offset,
          outFeatures,
          1,
          wd,
          weight.offset,
          wRow,
          wCol,
          r,
          0,
          inFeatures,
          false,
        );
        gx = Tensor.fromValues(r, x.shape, g.dtype);
      }
      if (needs[1]) {
        const r = new Float64Array(outFeatures * inFeatures);
        gemm(
          outFeatures,
          inFeatures,
          rows,
          gs.data,
          gs.offset,
          1,
          outFeatures,
          xs.data,
          xs.offset,
          inFeatures,
          1,
          r,
          0,
          inFeatures,
          false,
        );
        gw = Tensor.fromValues(r, weight.shape, g.dtype);
      }
      if (bias !== null && needs[2]) gb = biasGradient(g, bias, rows, outFeatures);
      return bias === null ? [gx, gw] : [gx, gw, gb];
    },
    LINEAR_RULES.slice(0, inputs.length),
    [x, weight],
  );
}

/** The rules a `linear` node shows, one per input. */
export const LINEAR_RULES = ["∂linear/∂x: g @ W", "∂linear/∂W: gᵀ @ x", "∂linear/∂b: g summed over rows"];

/** ∂linear/∂b: g summed over the rows as PyTorch's sum_to sums them (its cascade order). */
export function biasGradient(g: Tensor, bias: Tensor, rows: number, outFeatures: number): Tensor {
  const rowsOfG = Tensor.fromValues(g.copyValues(), [rows, outFeatures], g.dtype);
  const summed = sumToShape(rowsOfG, bias.numel === 1 ? [1, 1] : [1, outFeatures]);
  return Tensor.fromValues(summed.copyValues(), bias.shape, g.dtype);
}
