import * as T from "../engine/tensor/index";
import type { RootGradients, Tensor } from "../engine/tensor/index";
import type { JsonNested, PyJson } from "../trace/trace";
import { jsonNumber } from "./variables";

/**
 * What both languages' runs report of a tensor: its entry in the CLI's JSON contract, and the
 * gradients of a one-element tensor chosen as the output.
 */

/** `{"type": "Tensor", "shape", "data", "grad", "root_grad"}`, nested as the tensor is. */
export function tensorJson(t: Tensor, rootGrad: Tensor | undefined): PyJson {
  return {
    type: "Tensor",
    shape: [...t.shape],
    data: nested(t, t.values()),
    grad: t.grad === null ? null : nested(t, t.grad.values()),
    root_grad: rootGrad === undefined ? null : nested(t, rootGrad.values()),
  };
}

function nested(t: Tensor, values: Float64Array): JsonNested {
  if (t.ndim === 0) return jsonNumber(values[0]);
  let pos = 0;
  const build = (d: number): JsonNested[] => {
    const out: JsonNested[] = [];
    for (let i = 0; i < t.shape[d]; i++)
      out.push(d === t.ndim - 1 ? jsonNumber(values[pos++]) : build(d + 1));
    return out;
  };
  return build(0);
}

/** ∂t/∂x for a one-element tensor that requires grad, or null (a graph already freed cannot be walked again). */
export function oneElementGradients(t: Tensor): RootGradients | null {
  if (t.numel !== 1 || !t.requiresGrad) return null;
  try {
    return T.rootGradients(t);
  } catch (e) {
    if (e instanceof T.TensorError) return null;
    throw e;
  }
}
