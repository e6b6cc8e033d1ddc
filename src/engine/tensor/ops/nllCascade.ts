/**
 * The float32 mean or sum of nll_loss (and so of cross_entropy) as PyTorch 1.13.1 adds it up:
 * each sample's loss −w·logp goes into a float partial sum that is passed up a ladder of eight
 * partial sums every 16 samples (a cascade, so a long batch does not drown small terms), the
 * weights likewise; the ladder is then added from the bottom (the mean divides in float).
 * Ignored samples are skipped without a step on the ladder. A plain double sum rounded once
 * differs from it in the last digit for about half of all batches.
 */

const f = Math.fround;
const LEVELS = 8;
/** log2 of the samples per step up the ladder: max(4, ceil(log2 N) / 8), 4 for any real N. */
const LEVEL_POWER = 4;

/**
 * The float sum of the losses and of the weights, `losses[i]` being sample i's float loss
 * −w·logp, `weights[i]` its class weight (null: all 1), `ignored(i)` whether its target is the
 * ignore index. The mean is sum / weight, rounded to float.
 */
export function nllCascade(
  losses: ArrayLike<number>,
  weights: ArrayLike<number> | null,
  ignored: (i: number) => boolean,
): { sum: number; weight: number } {
  const lossSums = new Float64Array(LEVELS);
  const weightSums = new Float64Array(LEVELS);
  let counted = 0;
  const mask = (1 << LEVEL_POWER) - 1;
  for (let b = 0; b < losses.length; b++) {
    if (ignored(b)) continue;
    counted++;
    lossSums[0] = f(lossSums[0] + losses[b]);
    if (weights !== null) weightSums[0] = f(weightSums[0] + weights[b]);
    for (let j = 0; j + 1 < LEVELS; j++) {
      if ((b / 2 ** (j * LEVEL_POWER)) & mask) break;
      lossSums[j + 1] = f(lossSums[j + 1] + lossSums[j]);
      weightSums[j + 1] = f(weightSums[j + 1] + weightSums[j]);
      lossSums[j] = 0;
      weightSums[j] = 0;
    }
  }
  let sum = 0;
  for (const s of lossSums) sum = f(sum + s);
  let weight = f(counted);
  if (weights !== null) {
    weight = 0;
    for (const s of weightSums) weight = f(weight + s);
  }
  return { sum, weight };
}
