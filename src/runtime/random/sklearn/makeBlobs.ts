// sklearn.datasets.make_blobs (scikit-learn 1.2): isotropic Gaussian blobs. Random centres (if
// not given) come first, uniform in center_box; then each blob's points, loc = its centre and
// scale = its std, drawn row-major blob after blob; then the rows are shuffled.

import { allocFloat64 } from "../../../engine/memory";
import type { RandomState } from "../numpy/randomState";
import { checkRandomState, DatasetError, shuffleRows, type ToyDataset } from "./toyDataset";

export interface MakeBlobsOptions {
  /** Total samples split evenly (the first blobs get one more), or the size of each blob. */
  readonly nSamples?: number | readonly number[];
  readonly nFeatures?: number;
  /** Number of centres (default 3 for an int nSamples), or the centres, one row each. */
  readonly centers?: number | readonly (readonly number[])[] | null;
  readonly clusterStd?: number | readonly number[];
  readonly centerBox?: readonly [number, number];
  readonly shuffle?: boolean;
  readonly randomState: RandomState | number;
}

export interface BlobsDataset extends ToyDataset {
  /** The centres used, n_centers × n_features row-major (make_blobs' return_centers). */
  readonly centers: Float64Array;
  readonly nCenters: number;
}

function givenCenters(centers: readonly (readonly number[])[]): { values: Float64Array; nFeatures: number } {
  const nFeatures = centers[0]?.length ?? 0;
  const values = allocFloat64(centers.length * nFeatures);
  centers.forEach((row, i) => {
    if (row.length !== nFeatures) throw new DatasetError("setting an array element with a sequence.");
    values.set(row, i * nFeatures);
  });
  return { values, nFeatures };
}

export function makeBlobs(options: MakeBlobsOptions): BlobsDataset {
  const { nSamples = 100, clusterStd = 1, centerBox = [-10, 10], shuffle = true } = options;
  let nFeatures = options.nFeatures ?? 2;
  const rs = checkRandomState(options.randomState);
  let centers: Float64Array;
  let nCenters: number;
  const given = options.centers ?? null;
  if (typeof nSamples === "number") {
    const spec = given ?? 3;
    if (typeof spec === "number") {
      nCenters = spec;
      centers = rs.uniform(centerBox[0], centerBox[1], nCenters * nFeatures);
    } else {
      ({ values: centers, nFeatures } = givenCenters(spec));
      nCenters = spec.length;
    }
  } else {
    nCenters = nSamples.length;
    if (given === null) {
      centers = rs.uniform(centerBox[0], centerBox[1], nCenters * nFeatures);
    } else {
      if (typeof given === "number") {
        throw new DatasetError(`Parameter \`centers\` must be array-like. Got ${given} instead`);
      }
      if (given.length !== nCenters) {
        throw new DatasetError(
          `Length of \`n_samples\` not consistent with number of centers. Got n_samples = ` +
            `[${nSamples.join(", ")}] and centers = ${JSON.stringify(given)}`,
        );
      }
      ({ values: centers, nFeatures } = givenCenters(given));
    }
  }
  if (typeof clusterStd !== "number" && clusterStd.length !== nCenters) {
    throw new DatasetError(
      "Length of `clusters_std` not consistent with number of centers. " +
        `Got centers = ${nCenters} centers and cluster_std = [${clusterStd.join(", ")}]`,
    );
  }
  const stds = typeof clusterStd === "number" ? new Array<number>(nCenters).fill(clusterStd) : clusterStd;
  let perCenter: number[];
  if (typeof nSamples === "number") {
    perCenter = new Array<number>(nCenters).fill(Math.floor(nSamples / nCenters));
    for (let i = 0; i < nSamples % nCenters; i++) perCenter[i] += 1;
  } else {
    perCenter = [...nSamples];
  }
  const total = perCenter.reduce((a, b) => a + b, 0);
  const X = allocFloat64(total * nFeatures);
  const y = allocFloat64(total);
  let row = 0;
  for (let c = 0; c < nCenters; c++) {
    for (let k = 0; k < perCenter[c]; k++, row++) {
      for (let j = 0; j < nFeatures; j++)
        X[row * nFeatures + j] = rs.normalScalar(centers[c * nFeatures + j], stds[c]);
      y[row] = c;
    }
  }
  let data: ToyDataset = { X, y, nSamples: total, nFeatures };
  if (shuffle) data = shuffleRows(data, rs);
  return { ...data, centers, nCenters };
}
