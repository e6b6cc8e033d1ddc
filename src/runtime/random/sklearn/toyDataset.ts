// What scikit-learn's toy-dataset generators share: the result (features row-major, labels as
// doubles), check_random_state (an int seeds a fresh RandomState; the interpreter passes numpy's
// global RandomState for random_state=None), and sklearn.utils.shuffle's row order.

import { allocFloat64 } from "../../../engine/memory";
import { RandomState } from "../numpy/randomState";

/** X is n_samples × n_features, row-major; y holds the integer labels as doubles. */
export interface ToyDataset {
  readonly X: Float64Array;
  readonly y: Float64Array;
  readonly nSamples: number;
  readonly nFeatures: number;
}

/** A Python ValueError raised by a dataset generator, with scikit-learn's message. */
export class DatasetError extends Error {
  readonly pyType = "ValueError";
  constructor(message: string) {
    super(message);
    this.name = "ValueError";
  }
}

/** check_random_state: a RandomState is used as is (pass np.random's for None), an int seeds one. */
export function checkRandomState(randomState: RandomState | number): RandomState {
  return randomState instanceof RandomState ? randomState : new RandomState(randomState);
}

/**
 * sklearn.utils.shuffle(X, y, random_state=rs): shuffles arange(n) with rs.shuffle and takes
 * those rows.
 */
export function shuffleRows(data: ToyDataset, rs: RandomState): ToyDataset {
  const { nSamples, nFeatures } = data;
  const order = rs.shuffleIndices(nSamples);
  const X = allocFloat64(nSamples * nFeatures);
  const y = allocFloat64(nSamples);
  for (let i = 0; i < nSamples; i++) {
    const from = order[i];
    y[i] = data.y[from];
    for (let j = 0; j < nFeatures; j++) X[i * nFeatures + j] = data.X[from * nFeatures + j];
  }
  return { X, y, nSamples, nFeatures };
}

/** X += rs.normal(scale=noise, size=X.shape): one normal per entry, row-major. */
export function addNoise(X: Float64Array, noise: number, rs: RandomState): void {
  const noiseValues = rs.normal(0, noise, X.length);
  for (let i = 0; i < X.length; i++) X[i] += noiseValues[i];
}

/** The two class sizes from make_moons' / make_circles' n_samples: an int is split out/in. */
export function splitSamples(nSamples: number | readonly number[]): [number, number] {
  if (typeof nSamples === "number") {
    const nOut = Math.floor(nSamples / 2);
    return [nOut, nSamples - nOut];
  }
  if (nSamples.length !== 2)
    throw new DatasetError("`n_samples` can be either an int or a two-element tuple.");
  return [nSamples[0], nSamples[1]];
}
