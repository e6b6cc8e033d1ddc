import { record } from "../autograd/gradNode";
import { broadcastShapes, sameShape } from "../shapeMath";
import { Tensor } from "../tensor";
import { isFloating } from "../dtype";
import { runtimeError, TensorError } from "../tensorError";
import { expandValues } from "./broadcast";

/**
 * Operations that keep some elements and set the rest to a constant — `torch.tril`/`triu` (a
 * causal mask in attention) and `masked_fill` — each recorded under its own name. The gradient
 * passes where the element was kept and is zero where the constant was written.
 */

/** The elements of a matrix (the last two dims) on and below (`tril`) or above (`triu`) a diagonal. */
export function triangle(x: Tensor, diagonal: number, lower: boolean): Tensor {
  const op = lower ? "tril" : "triu";
  if (x.ndim < 2)
    throw new TensorError(
      "IndexError",
      `Dimension out of range (expected to be in range of [${-Math.max(x.ndim, 1)}, ${Math.max(x.ndim, 1) - 1}], but got -2)`,
    );
  const keep = (i: number) => {
    const cols = x.shape[x.ndim - 1];
    const rows = x.shape[x.ndim - 2];
    const within = i % (rows * cols);
    const offset = (within % cols) - Math.floor(within / cols);
    return lower ? offset <= diagonal : offset >= diagonal;
  };
  return keepWhere(x, keep, 0, op, [
    `∂${op}(x)/∂x = 1 ${lower ? "on and below" : "on and above"} the diagonal, else 0`,
  ]);
}

/** `x.masked_fill(mask, value)`: `value` where the bool mask (broadcast to x's shape) is true. */
export function maskedFill(x: Tensor, mask: Tensor, value: number): Tensor {
  // PyTorch 1.13 still takes an integer mask of 0s and 1s; a float mask it reads in a way of its own
  if (isFloating(mask.dtype))
    throw new TensorError(
      "TypeError",
      "masked_fill() with a floating-point mask is not supported by GradLens: use a bool mask",
    );
  if (mask.dtype !== "bool" && mask.values().some((v) => v !== 0 && v !== 1))
    throw runtimeError("Mask tensor can take 0 and 1 values only");
  const shape = broadcastShapes(x.shape, mask.shape);
  if (!sameShape(shape, x.shape))
    throw runtimeError(
      `The size of tensor a (${x.shape[x.ndim - 1] ?? 1}) must match the size of tensor b (${mask.shape[mask.ndim - 1]}) at non-singleton dimension ${x.ndim - 1}`,
    );
  const m = expandValues(mask, x.shape);
  return keepWhere(x, (i) => m[i] === 0, value, "masked_fill", [
    "∂masked_fill(x)/∂x = 1 where the mask is false, else 0",
  ]);
}

function keepWhere(
  x: Tensor,
  keep: (i: number) => boolean,
  value: number,
  op: string,
  rules: string[],
): Tensor {
  const v = x.values();
  const out = new Float64Array(v.length);
  const kept = new Uint8Array(v.length);
  for (let i = 0; i < v.length; i++) {
    kept[i] = keep(i) ? 1 : 0;
    out[i] = kept[i] === 1 ? v[i] : value;
  }
  return record(
    Tensor.fromValues(out, x.shape, x.dtype),
    op,
    [x],
    (g) => {
      const gv = g.values();
      const d = new Float64Array(gv.length);
      for (let i = 0; i < gv.length; i++) d[i] = kept[i] === 1 ? gv[i] : 0;
      return [Tensor.fromValues(d, g.shape, g.dtype)];
    },
    rules,
  );
}
