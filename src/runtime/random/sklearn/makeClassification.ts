// sklearn.datasets.make_classification (scikit-learn 1.2): clusters of normally distributed
// points around the vertices of a hypercube, a random covariance per cluster, then redundant
// (linear combinations), repeated and useless features, flipped labels, shift, scale and the
// two shuffles — every draw from the RandomState in scikit-learn's order.
//
// The matrix products (scikit-learn's np.dot) are summed left to right in doubles, one rounding
// per operation. numpy hands np.dot to its BLAS, whose rounding varies (OpenBLAS fuses
// multiply-adds on FMA CPUs, reference BLAS does not), so there the last bit is platform's.

import { allocFloat64 } from "../../../engine/memory";
import type { RandomState } from "../numpy/randomState";
import { sampleWithoutReplacement } from "./sampleWithoutReplacement";
import { checkRandomState, DatasetError, type ToyDataset } from "./toyDataset";

export interface MakeClassificationOptions {
  readonly nSamples?: number;
  readonly nFeatures?: number;
  readonly nInformative?: number;
  readonly nRedundant?: number;
  readonly nRepeated?: number;
  readonly nClasses?: number;
  readonly nClustersPerClass?: number;
  /** Class proportions (n_classes, or n_classes - 1 with the last inferred); null: balanced. */
  readonly weights?: readonly number[] | null;
  readonly flipY?: number;
  readonly classSep?: number;
  readonly hypercube?: boolean;
  /** A shift for every feature, one per feature, or null for a random one. Default 0. */
  readonly shift?: number | readonly number[] | null;
  /** A scale for every feature, one per feature, or null for a random one. Default 1. */
  readonly scale?: number | readonly number[] | null;
  readonly shuffle?: boolean;
  readonly randomState: RandomState | number;
}

/** Distinct vertices of the unit hypercube in `dimensions` dimensions, one row per sample. */
function hypercubeVertices(samples: number, dimensions: number, rs: RandomState): Float64Array {
  const out = allocFloat64(samples * dimensions);
  let low = dimensions;
  if (dimensions > 30) {
    // scikit-learn draws the extra leading columns as random bits first
    const extra = dimensions - 30;
    const bits = rs.randint(0, 2, samples * extra);
    for (let i = 0; i < samples; i++)
      for (let c = 0; c < extra; c++) out[i * dimensions + c] = bits[i * extra + c];
    low = 30;
  }
  const values = sampleWithoutReplacement(2 ** low, samples, rs);
  for (let i = 0; i < samples; i++) {
    // the low `low` bits of each value, most significant first (numpy's unpackbits)
    for (let c = 0; c < low; c++) {
      out[i * dimensions + (dimensions - low) + c] = Math.floor(values[i] / 2 ** (low - 1 - c)) % 2;
    }
  }
  return out;
}

/** A draw of `count` uniforms in [0, 1) mapped to 2u - 1. */
function signedUniforms(rs: RandomState, count: number): Float64Array {
  const u = rs.uniform(0, 1, count);
  for (let i = 0; i < count; i++) u[i] = 2 * u[i] - 1;
  return u;
}

export function makeClassification(options: MakeClassificationOptions): ToyDataset {
  const {
    nSamples = 100,
    nFeatures = 20,
    nInformative = 2,
    nRedundant = 2,
    nRepeated = 0,
    nClasses = 2,
    nClustersPerClass = 2,
    flipY = 0.01,
    classSep = 1,
    hypercube = true,
    shift = 0,
    scale = 1,
    shuffle = true,
  } = options;
  const rs = checkRandomState(options.randomState);
  if (nInformative + nRedundant + nRepeated > nFeatures) {
    throw new DatasetError(
      "Number of informative, redundant and repeated features must sum to less than the number of total features",
    );
  }
  if (nInformative < Math.log2(nClasses * nClustersPerClass)) {
    throw new DatasetError(
      `n_classes(${nClasses}) * n_clusters_per_class(${nClustersPerClass}) must be smaller or equal ` +
        `2**n_informative(${nInformative})=${2 ** nInformative}`,
    );
  }
  let weights: number[];
  if (options.weights) {
    if (options.weights.length !== nClasses && options.weights.length !== nClasses - 1) {
      throw new DatasetError("Weights specified but incompatible with number of classes.");
    }
    weights = [...options.weights];
    if (weights.length === nClasses - 1) weights.push(1 - weights.reduce((a, b) => a + b, 0));
  } else {
    weights = new Array<number>(nClasses).fill(1 / nClasses);
  }
  const nUseless = nFeatures - nInformative - nRedundant - nRepeated;
  const nClusters = nClasses * nClustersPerClass;
  const perCluster = Array.from({ length: nClusters }, (_, k) =>
    Math.trunc((nSamples * weights[k % nClasses]) / nClustersPerClass),
  );
  const missing = nSamples - perCluster.reduce((a, b) => a + b, 0);
  for (let i = 0; i < missing; i++) perCluster[i % nClusters] += 1;

  const F = nFeatures;
  const X = allocFloat64(nSamples * F);
  const y = allocFloat64(nSamples);
  const centroids = hypercubeVertices(nClusters, nInformative, rs);
  for (let i = 0; i < centroids.length; i++) centroids[i] = centroids[i] * (2 * classSep) - classSep;
  if (!hypercube) {
    const rows = rs.uniform(0, 1, nClusters);
    const cols = rs.uniform(0, 1, nInformative);
    for (let k = 0; k < nClusters; k++)
      for (let c = 0; c < nInformative; c++) centroids[k * nInformative + c] *= rows[k];
    for (let k = 0; k < nClusters; k++)
      for (let c = 0; c < nInformative; c++) centroids[k * nInformative + c] *= cols[c];
  }

  // Informative features: standard normals, then each cluster's covariance and vertex.
  const informative = rs.standardNormal(nSamples * nInformative);
  for (let i = 0; i < nSamples; i++)
    for (let c = 0; c < nInformative; c++) X[i * F + c] = informative[i * nInformative + c];
  const row = new Float64Array(nInformative);
  let stop = 0;
  for (let k = 0; k < nClusters; k++) {
    const start = stop;
    stop += perCluster[k];
    const A = signedUniforms(rs, nInformative * nInformative);
    for (let i = start; i < stop; i++) {
      y[i] = k % nClasses;
      for (let c = 0; c < nInformative; c++) row[c] = X[i * F + c];
      for (let j = 0; j < nInformative; j++) {
        let sum = row[0] * A[j];
        for (let l = 1; l < nInformative; l++) sum += row[l] * A[l * nInformative + j];
        X[i * F + j] = sum;
      }
      for (let c = 0; c < nInformative; c++) X[i * F + c] += centroids[k * nInformative + c];
    }
  }

  if (nRedundant > 0) {
    const B = signedUniforms(rs, nInformative * nRedundant);
    for (let i = 0; i < nSamples; i++) {
      for (let j = 0; j < nRedundant; j++) {
        let sum = X[i * F] * B[j];
        for (let l = 1; l < nInformative; l++) sum += X[i * F + l] * B[l * nRedundant + j];
        X[i * F + nInformative + j] = sum;
      }
    }
  }

  if (nRepeated > 0) {
    const n = nInformative + nRedundant;
    const picks = rs.uniform(0, 1, nRepeated);
    const indices = Array.from(picks, (u) => Math.trunc((n - 1) * u + 0.5));
    for (let i = 0; i < nSamples; i++)
      for (let r = 0; r < nRepeated; r++) X[i * F + n + r] = X[i * F + indices[r]];
  }

  if (nUseless > 0) {
    const useless = rs.standardNormal(nSamples * nUseless);
    for (let i = 0; i < nSamples; i++) {
      for (let c = 0; c < nUseless; c++) X[i * F + F - nUseless + c] = useless[i * nUseless + c];
    }
  }

  if (flipY >= 0) {
    const u = rs.uniform(0, 1, nSamples);
    const flipped: number[] = [];
    for (let i = 0; i < nSamples; i++) if (u[i] < flipY) flipped.push(i);
    const labels = rs.randint(0, nClasses, flipped.length);
    flipped.forEach((i, n) => (y[i] = labels[n]));
  }

  const shifts = perFeature(shift, F, () => {
    const s = signedUniforms(rs, F);
    for (let j = 0; j < F; j++) s[j] *= classSep;
    return s;
  });
  for (let i = 0; i < nSamples; i++) for (let j = 0; j < F; j++) X[i * F + j] += shifts[j];
  const scales = perFeature(scale, F, () => {
    const s = rs.uniform(0, 1, F);
    for (let j = 0; j < F; j++) s[j] = 1 + 100 * s[j];
    return s;
  });
  for (let i = 0; i < nSamples; i++) for (let j = 0; j < F; j++) X[i * F + j] *= scales[j];

  if (!shuffle) return { X, y, nSamples, nFeatures: F };
  // Rows as sklearn.utils.shuffle, then the columns by a second shuffle.
  const rowOrder = rs.shuffleIndices(nSamples);
  const columnOrder = rs.shuffleIndices(F);
  const outX = allocFloat64(nSamples * F);
  const outY = allocFloat64(nSamples);
  for (let i = 0; i < nSamples; i++) {
    const from = rowOrder[i];
    outY[i] = y[from];
    for (let j = 0; j < F; j++) outX[i * F + j] = X[from * F + columnOrder[j]];
  }
  return { X: outX, y: outY, nSamples, nFeatures: F };
}

function perFeature(
  value: number | readonly number[] | null,
  n: number,
  random: () => Float64Array,
): ArrayLike<number> {
  if (value === null) return random();
  if (typeof value === "number") return new Array<number>(n).fill(value);
  if (value.length !== n) {
    throw new DatasetError(`operands could not be broadcast together with shapes (${n},) (${value.length},)`);
  }
  return value;
}
