import type { FloatArray } from "../engine/tensor/floatArray";
import * as T from "../engine/tensor/index";
import type { RootGradients, Tensor } from "../engine/tensor/index";
import type { JsonNested, PyJson } from "../trace/trace";
import { jsonNumber } from "./variables";

/**
 * What both languages' runs report of a tensor: its entry in the CLI's JSON contract, and the
 * gradients of a one-element tensor chosen as the output.
 */

/** A tensor with more elements than this is given by its first TRUNCATED_ITEMS, flattened. */
export const MAX_TENSOR_ELEMENTS = 100_000;
/** How many items a truncated tensor or list keeps. */
export const TRUNCATED_ITEMS = 1_000;
/** The numbers one whole report may hold (about 50 MB of JSON), so that it is always written. */
export const REPORT_BUDGET = 2_000_000;

/**
 * What is left of the report's budget of numbers while variables are being reported (null when
 * nothing is counting). Past it, tensors and lists are reported truncated, down to no items.
 */
let budget: { left: number } | null = null;

/** Runs `fn` (which reports variables) with a fresh budget of `numbers` JSON numbers. */
export function withReportBudget<T>(numbers: number, fn: () => T): T {
  const saved = budget;
  budget = { left: numbers };
  try {
    return fn();
  } finally {
    budget = saved;
  }
}

/** Takes up to `wanted` items from the budget; how many may be given. */
export function spendReportBudget(wanted: number): number {
  if (budget === null) return wanted;
  const granted = Math.max(0, Math.min(wanted, budget.left));
  budget.left -= granted;
  return granted;
}

/**
 * `{"type": "Tensor", "shape", "data", "grad", "root_grad"}`, nested as the tensor is; a tensor
 * past MAX_TENSOR_ELEMENTS (or past what the report has left) adds `"truncated": true` and gives
 * the first TRUNCATED_ITEMS elements of each, flattened.
 */
export function tensorJson(t: Tensor, rootGrad: Tensor | undefined): PyJson {
  const parts = 1 + (t.grad === null ? 0 : 1) + (rootGrad === undefined ? 0 : 1);
  const whole = t.numel <= MAX_TENSOR_ELEMENTS && (budget === null || budget.left >= t.numel * parts);
  if (whole) {
    spendReportBudget(t.numel * parts);
    return {
      type: "Tensor",
      shape: [...t.shape],
      data: nested(t, t.values()),
      grad: t.grad === null ? null : nested(t, t.grad.values()),
      root_grad: rootGrad === undefined ? null : nested(t, rootGrad.values()),
    };
  }
  const keep = Math.floor(spendReportBudget(Math.min(t.numel, TRUNCATED_ITEMS) * parts) / parts);
  const first = (x: Tensor) => Array.from(x.values().subarray(0, keep), jsonNumber);
  return {
    type: "Tensor",
    shape: [...t.shape],
    truncated: true,
    data: first(t),
    grad: t.grad === null ? null : first(t.grad),
    root_grad: rootGrad === undefined ? null : first(rootGrad),
  };
}

function nested(t: Tensor, values: FloatArray): JsonNested {
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
