// sklearn.datasets.make_moons (scikit-learn 1.2): two interleaving half circles, the upper one
// labelled 0, the lower (shifted right by 1 and down by 0.5) labelled 1; rows shuffled, then
// Gaussian noise added, each from the given RandomState in scikit-learn's order.

import { glibcCos as cos, glibcSin as sin } from "../../../engine/math/glibcSinCos";
import { allocFloat64 } from "../../../engine/memory";
import type { RandomState } from "../numpy/randomState";
import { linspace } from "./linspace";
import { addNoise, checkRandomState, shuffleRows, splitSamples, type ToyDataset } from "./toyDataset";

export interface MakeMoonsOptions {
  /** An int (split floor(n/2) outer, the rest inner) or [n_outer, n_inner]. Default 100. */
  readonly nSamples?: number | readonly number[];
  readonly shuffle?: boolean;
  /** Standard deviation of the noise; null adds none (and draws nothing). */
  readonly noise?: number | null;
  /** numpy's global RandomState for random_state=None, or an int seed. */
  readonly randomState: RandomState | number;
}

export function makeMoons(options: MakeMoonsOptions): ToyDataset {
  const { nSamples = 100, shuffle = true, noise = null } = options;
  const [nOut, nIn] = splitSamples(nSamples);
  const rs = checkRandomState(options.randomState);
  const n = nOut + nIn;
  const X = allocFloat64(n * 2);
  const y = allocFloat64(n);
  const outer = linspace(0, Math.PI, nOut);
  const inner = linspace(0, Math.PI, nIn);
  for (let i = 0; i < nOut; i++) {
    X[2 * i] = cos(outer[i]);
    X[2 * i + 1] = sin(outer[i]);
  }
  for (let i = 0; i < nIn; i++) {
    const row = nOut + i;
    X[2 * row] = 1 - cos(inner[i]);
    X[2 * row + 1] = 1 - sin(inner[i]) - 0.5;
    y[row] = 1;
  }
  let data: ToyDataset = { X, y, nSamples: n, nFeatures: 2 };
  if (shuffle) data = shuffleRows(data, rs);
  if (noise !== null) addNoise(data.X, noise, rs);
  return data;
}
