import type { FloatArray } from "./floatArray";
import { isFloating, scalarTypeName } from "./dtype";
import { exponentialValues } from "./distributions/draws";
import { defaultGenerator, type Generator } from "./random";
import { Tensor } from "./tensor";
import { runtimeError } from "./tensorError";

/**
 * `torch.multinomial(probs, num_samples, replacement=False, generator=g)` as PyTorch 1.13 draws
 * it on the CPU (the version the makemore lectures ran; PyTorch 2 sends `num_samples=1` down the
 * no-replacement path, so it samples other names):
 *
 * - with replacement: per row, the running sum of the weights in the input's precision, each
 *   prefix divided by the total, the last set to 1; each sample is a double uniform u placed by
 *   binary search at the first prefix that is not below u;
 * - without replacement: q = exponential(1) per weight, then the largest p / q (one sample) or
 *   the num_samples largest in decreasing order.
 */
export function multinomial(
  probs: Tensor,
  numSamples: number,
  replacement = false,
  generator: Generator = defaultGenerator,
): Tensor {
  if (probs.ndim < 1 || probs.ndim > 2) throw runtimeError("prob_dist must be 1 or 2 dim");
  if (!isFloating(probs.dtype))
    throw runtimeError(
      `multinomial only supports floating-point dtypes for input, got: ${scalarTypeName(probs.dtype)}`,
    );
  if (numSamples <= 0) throw runtimeError("cannot sample n_sample <= 0 samples");
  const rows = probs.ndim === 1 ? 1 : probs.shape[0];
  const classes = probs.shape[probs.ndim - 1];
  if (!replacement && numSamples > classes)
    throw runtimeError("cannot sample n_sample > prob_dist.size(-1) samples without replacement");
  const shape = probs.ndim === 1 ? [numSamples] : [rows, numSamples];
  const weights = probs.values();
  const out = replacement
    ? withReplacement(weights, rows, classes, numSamples, probs.dtype === "float32", generator)
    : withoutReplacement(weights, rows, classes, numSamples, probs.dtype === "float32", generator);
  return Tensor.fromValues(out, shape, "int64");
}

function withReplacement(
  w: FloatArray,
  rows: number,
  classes: number,
  samples: number,
  single: boolean,
  g: Generator,
): Float64Array {
  const round = single ? Math.fround : (x: number) => x;
  const out = new Float64Array(rows * samples);
  const cumulative = new Float64Array(classes);
  for (let r = 0; r < rows; r++) {
    let total = 0;
    for (let c = 0; c < classes; c++) {
      const v = w[r * classes + c];
      // NaN fails the first check, as in PyTorch
      if (!(v >= 0))
        throw runtimeError("invalid multinomial distribution (encountering probability entry < 0)");
      if (v === Infinity)
        throw runtimeError(
          "invalid multinomial distribution (encountering probability entry = infinity or NaN)",
        );
      total = round(total + v);
      cumulative[c] = total;
    }
    if (!(total > 0)) throw runtimeError("invalid multinomial distribution (sum of probabilities <= 0)");
    for (let c = 0; c < classes; c++) cumulative[c] = round(cumulative[c] / total);
    cumulative[classes - 1] = 1;
    for (let s = 0; s < samples; s++) {
      const u = g.uniformDouble();
      let left = 0;
      let right = classes;
      while (right - left > 0) {
        const mid = left + Math.floor((right - left) / 2);
        if (cumulative[mid] < u) left = mid + 1;
        else right = mid;
      }
      out[r * samples + s] = left;
    }
  }
  return out;
}

function withoutReplacement(
  w: FloatArray,
  rows: number,
  classes: number,
  samples: number,
  single: boolean,
  g: Generator,
): Float64Array {
  for (const v of w)
    if (!(v >= 0) || v === Infinity)
      throw runtimeError("probability tensor contains either `inf`, `nan` or element < 0");
  for (let r = 0; r < rows; r++) {
    let total = 0;
    for (let c = 0; c < classes; c++) total += w[r * classes + c];
    if (total === 0) throw runtimeError("invalid multinomial distribution (sum of probabilities <= 0)");
  }
  const round = single ? Math.fround : (x: number) => x;
  const q = exponentialValues(w.length, 1, g);
  const keys = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) keys[i] = round(w[i] / round(q[i]));
  const out = new Float64Array(rows * samples);
  for (let r = 0; r < rows; r++) {
    const order = Array.from({ length: classes }, (_, c) => c);
    // largest first; ties keep the lower index first, as argmax does
    order.sort((a, b) => keys[r * classes + b] - keys[r * classes + a] || a - b);
    for (let s = 0; s < samples; s++) out[r * samples + s] = order[s];
  }
  return out;
}
