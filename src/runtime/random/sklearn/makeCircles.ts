// sklearn.datasets.make_circles (scikit-learn 1.2): a unit circle (label 0) around a smaller
// one scaled by `factor` (label 1), points evenly spaced without repeating the start; rows
// shuffled, then Gaussian noise added, from the given RandomState in scikit-learn's order.

import { glibcCos as cos, glibcSin as sin } from "../../../engine/math/glibcSinCos";
import { allocFloat64 } from "../../../engine/memory";
import type { RandomState } from "../numpy/randomState";
import { linspace } from "./linspace";
import {
  addNoise,
  checkRandomState,
  DatasetError,
  shuffleRows,
  splitSamples,
  type ToyDataset,
} from "./toyDataset";

export interface MakeCirclesOptions {
  readonly nSamples?: number | readonly number[];
  readonly shuffle?: boolean;
  readonly noise?: number | null;
  readonly randomState: RandomState | number;
  /** Inner radius over outer, in [0, 1). Default 0.8. */
  readonly factor?: number;
}

export function makeCircles(options: MakeCirclesOptions): ToyDataset {
  const { nSamples = 100, shuffle = true, noise = null, factor = 0.8 } = options;
  if (factor >= 1 || factor < 0) throw new DatasetError("'factor' has to be between 0 and 1.");
  const [nOut, nIn] = splitSamples(nSamples);
  const rs = checkRandomState(options.randomState);
  const n = nOut + nIn;
  const X = allocFloat64(n * 2);
  const y = allocFloat64(n);
  const twoPi = 2 * Math.PI;
  const outer = linspace(0, twoPi, nOut, false);
  const inner = linspace(0, twoPi, nIn, false);
  for (let i = 0; i < nOut; i++) {
    X[2 * i] = cos(outer[i]);
    X[2 * i + 1] = sin(outer[i]);
  }
  for (let i = 0; i < nIn; i++) {
    const row = nOut + i;
    X[2 * row] = cos(inner[i]) * factor;
    X[2 * row + 1] = sin(inner[i]) * factor;
    y[row] = 1;
  }
  let data: ToyDataset = { X, y, nSamples: n, nFeatures: 2 };
  if (shuffle) data = shuffleRows(data, rs);
  if (noise !== null) addNoise(data.X, noise, rs);
  return data;
}
