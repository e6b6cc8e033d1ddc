import { defaultGenerator, type Generator } from "./random";
import { Tensor } from "./tensor";
import { runtimeError } from "./tensorError";

/**
 * `torch.multinomial(probs, num_samples, replacement=False, generator=g)`: class indices drawn
 * in proportion to the (unnormalised) weights of each row, as makemore samples names.
 */
export function multinomial(
  probs: Tensor,
  numSamples: number,
  replacement = false,
  generator: Generator = defaultGenerator,
): Tensor {
  if (probs.ndim < 1 || probs.ndim > 2) throw runtimeError("prob_dist must be 1 or 2 dim");
  const rows = probs.ndim === 1 ? 1 : probs.shape[0];
  const classes = probs.shape[probs.ndim - 1];
  if (!replacement && numSamples > classes)
    throw runtimeError("cannot sample n_sample > prob_dist.size(-1) samples without replacement");
  const v = probs.values();
  const out = new Float64Array(rows * numSamples);
  for (let r = 0; r < rows; r++) {
    const w = Array.from(v.subarray(r * classes, (r + 1) * classes));
    if (w.some((x) => x < 0 || !Number.isFinite(x)))
      throw runtimeError("probability tensor contains either `inf`, `nan` or element < 0");
    for (let s = 0; s < numSamples; s++) {
      const total = w.reduce((a, b) => a + b, 0);
      if (total <= 0) throw runtimeError("invalid multinomial distribution (sum of probabilities <= 0)");
      let u = generator.uniform() * total;
      let pick = classes - 1;
      for (let c = 0; c < classes; c++) {
        u -= w[c];
        if (u < 0) {
          pick = c;
          break;
        }
      }
      while (w[pick] === 0 && pick > 0) pick--;
      out[r * numSamples + s] = pick;
      if (!replacement) w[pick] = 0;
    }
  }
  return Tensor.fromValues(out, probs.ndim === 1 ? [numSamples] : [rows, numSamples], "int64");
}
