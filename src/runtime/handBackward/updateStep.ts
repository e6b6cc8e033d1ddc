import type { Tensor } from "../../engine/tensor/index";

/**
 * What an update of an array says about the gradient the program computed: `p -= lr * g`
 * (`p += -lr * g`, `p -= g * lr / n`, `p = p - lr * g`) moves p against `g`, which is the
 * program's ∂loss/∂p. Read from the recorded operation that made the right-hand side: a product
 * with one constant factor (the learning rate), possibly negated or divided by constants. Any
 * other shape (Adam's `m / (sqrt(v) + eps)`, `p -= v` with a velocity) claims nothing.
 */
export interface UpdateStep {
  /** The array the program computed as its gradient (`g`). */
  gradient: Tensor;
  /** What multiplies `g` in the claimed ∂loss/∂p (the divisions and signs besides the learning rate). */
  factor: number;
}

/**
 * `operand` is what `p -= operand` subtracts (`sign` 1) or `p += operand` adds (`sign` -1, an
 * ascent if the learning rate is positive: the claimed gradient is then -g).
 */
export function updateStep(operand: Tensor, sign: 1 | -1): UpdateStep | null {
  let t = operand;
  let factor: number = sign;
  // outer negations and divisions by constants: `-(lr * g)`, `lr * g / n`
  for (let depth = 0; depth < 8; depth++) {
    const node = t.gradFn;
    if (node === null) return null;
    if (node.op === "neg" && node.inputs.length === 1) {
      factor = -factor;
      t = node.inputs[0];
      continue;
    }
    if (node.op === "/" && node.inputs.length === 2) {
      const d = constantOf(node.inputs[1], node.inputs[0]);
      if (d === null || d === 0) return null;
      factor /= d;
      t = node.inputs[0];
      continue;
    }
    if (node.op === "*" && node.inputs.length === 2) {
      const [a, b] = node.inputs;
      const ca = constantOf(a, b);
      const cb = ca === null ? constantOf(b, a) : null;
      const lr = ca ?? cb;
      if (lr === null || lr === 0 || !Number.isFinite(lr)) return null;
      const g = ca !== null ? b : a;
      // the learning rate's sign belongs to the step: `p += -lr * g` descends along g
      return { gradient: g, factor: lr < 0 ? -factor : factor };
    }
    return null;
  }
  return null;
}

/** A one-element operand that is a constant beside `other` (a Python number, a 0-d leaf), or null. */
function constantOf(t: Tensor, other: Tensor): number | null {
  if (t.numel !== 1) return null;
  if (t.isWrappedNumber || (t.gradFn === null && t.ndim === 0 && other.ndim > 0)) return t.values()[0];
  return null;
}
