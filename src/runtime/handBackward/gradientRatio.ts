/**
 * When a wrong gradient is the chain rule's times one constant at every element, that constant
 * is the learner's best clue: the gradient of a sum used for a mean (`np.mean` over 4 values,
 * a gradient 4 times too large), a forgotten factor, a flipped sign. Returns the sentence that
 * says so, or null when the two are not proportional (or there are too few values to tell).
 */
export function ratioHint(yours: Float64Array, expected: Float64Array): string | null {
  let pivot = -1;
  let scale = 0;
  let nonZero = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = Math.abs(expected[i]);
    scale = Math.max(scale, e, Math.abs(yours[i]));
    if (e > 0) nonZero++;
    if (e > 0 && (pivot < 0 || e > Math.abs(expected[pivot]))) pivot = i;
  }
  if (nonZero < 2 || !Number.isFinite(scale)) return null;
  const k = yours[pivot] / expected[pivot];
  if (!Number.isFinite(k) || k === 0 || Math.abs(k - 1) < 1e-6) return null;
  for (let i = 0; i < expected.length; i++)
    if (!(Math.abs(yours[i] - k * expected[i]) <= 1e-6 * scale * Math.max(1, Math.abs(k)) + 1e-12))
      return null;
  if (Math.abs(k + 1) < 1e-6) return "yours is the chain rule's with the opposite sign at every element";
  const whole = Math.round(k);
  const integer = whole >= 2 && Math.abs(k - whole) <= 1e-6 * k;
  const times = integer ? String(whole) : String(Number(k.toPrecision(6)));
  const why = integer ? ` (a mean over ${whole} values differentiated as their sum?)` : "";
  return `yours is ${times} times the chain rule's at every element${why}`;
}
