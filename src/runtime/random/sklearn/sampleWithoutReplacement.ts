// sklearn.utils.random.sample_without_replacement with method="auto": a permutation's prefix
// when the sample is between 1% and 99% of the population, otherwise tracking selection
// (redraw repeats) below 20% and reservoir sampling above — each drawing from the RandomState
// with scalar randint calls, as scikit-learn's Cython does.

import { allocFloat64 } from "../../../engine/memory";
import type { RandomState } from "../numpy/randomState";
import { DatasetError } from "./toyDataset";

export function sampleWithoutReplacement(
  nPopulation: number,
  nSamples: number,
  rs: RandomState,
): Float64Array {
  if (nPopulation < 0) throw new DatasetError(`n_population should be greater than 0, got ${nPopulation}.`);
  if (nSamples > nPopulation) {
    throw new DatasetError(
      "n_population should be greater or equal than n_samples, got n_samples > n_population " +
        `(${nSamples} > ${nPopulation})`,
    );
  }
  const ratio = nPopulation !== 0 ? nSamples / nPopulation : 1;
  if (ratio > 0.01 && ratio < 0.99) return rs.permutation(nPopulation).slice(0, nSamples);
  const out = allocFloat64(nSamples);
  const randint = (high: number) => rs.randint(0, high, null)[0];
  if (ratio < 0.2) {
    const selected = new Set<number>();
    for (let i = 0; i < nSamples; i++) {
      let j = randint(nPopulation);
      while (selected.has(j)) j = randint(nPopulation);
      selected.add(j);
      out[i] = j;
    }
    return out;
  }
  for (let i = 0; i < nSamples; i++) out[i] = i;
  for (let i = nSamples; i < nPopulation; i++) {
    const j = randint(i + 1);
    if (j < nSamples) out[j] = i;
  }
  return out;
}
