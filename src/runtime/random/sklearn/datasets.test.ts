import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RandomState } from "../numpy/randomState";
import { makeBlobs } from "./makeBlobs";
import { makeCircles } from "./makeCircles";
import { makeClassification } from "./makeClassification";
import { makeMoons } from "./makeMoons";
import { DatasetError, type ToyDataset } from "./toyDataset";

// The recorder ran scikit-learn's own code with np.sin/np.cos and the polar method's log correctly
// rounded and np.dot summed left to right (as GradLens computes them; numpy's own last bit
// depends on the CPU, libm and BLAS); every draw is from numpy's stream.
interface Case {
  fn: "make_moons" | "make_circles" | "make_blobs" | "make_classification";
  kwargs: Record<string, unknown>;
  global_seed: number | null;
  X: number[];
  y: number[];
  centers?: number[];
  after?: number[];
}
const { cases } = JSON.parse(
  readFileSync(new URL("./fixtures/sklearnDatasets.json", import.meta.url), "utf8"),
) as { cases: Case[] };

/** Runs a recorded call: random_state=None means numpy's global RandomState, seeded first. */
function run(c: Case, globalState: RandomState): ToyDataset & { centers?: Float64Array } {
  const k = c.kwargs as Record<string, never>;
  const randomState = k.random_state ?? globalState;
  if (c.fn === "make_moons") {
    return makeMoons({ nSamples: k.n_samples, shuffle: k.shuffle, noise: k.noise, randomState });
  }
  if (c.fn === "make_circles") {
    return makeCircles({
      nSamples: k.n_samples,
      shuffle: k.shuffle,
      noise: k.noise,
      factor: k.factor,
      randomState,
    });
  }
  if (c.fn === "make_classification") {
    return makeClassification({
      nSamples: k.n_samples,
      nFeatures: k.n_features,
      nInformative: k.n_informative,
      nRedundant: k.n_redundant,
      nRepeated: k.n_repeated,
      nClasses: k.n_classes,
      nClustersPerClass: k.n_clusters_per_class,
      weights: k.weights,
      flipY: k.flip_y,
      classSep: k.class_sep,
      hypercube: k.hypercube,
      shift: "shift" in k ? k.shift : undefined,
      scale: "scale" in k ? k.scale : undefined,
      shuffle: k.shuffle,
      randomState,
    });
  }
  return makeBlobs({
    nSamples: k.n_samples,
    nFeatures: k.n_features,
    centers: k.centers,
    clusterStd: k.cluster_std,
    centerBox: k.center_box,
    shuffle: k.shuffle,
    randomState,
  });
}

function expectSame(actual: Float64Array, expected: number[], label: string): void {
  expect(actual.length, `${label} length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i]))
      expect.fail(`${label}[${i}]: got ${actual[i]}, scikit-learn gave ${expected[i]}`);
  }
}

describe("scikit-learn 1.2 toy datasets, bit for bit", () => {
  it.each(cases.map((c) => [c.fn, JSON.stringify(c.kwargs), c.global_seed, c] as const))(
    "%s(%s) after np.random.seed(%s)",
    (_, __, globalSeed, c) => {
      const globalState = new RandomState(globalSeed ?? 0);
      const data = run(c, globalState);
      expectSame(data.X, c.X, "X");
      expectSame(data.y, c.y, "y");
      if (c.centers) expectSame(data.centers!, c.centers, "centers");
      // with random_state=None the global stream must end where numpy's did
      if (c.after) expectSame(globalState.randomSample(3), c.after, "np.random.rand(3) afterwards");
    },
  );

  it("micrograd's demo: make_moons(n_samples=100, noise=0.1) after np.random.seed(1337)", () => {
    const rs = new RandomState(1337);
    const { X, y, nSamples, nFeatures } = makeMoons({ nSamples: 100, noise: 0.1, randomState: rs });
    expect([nSamples, nFeatures]).toEqual([100, 2]);
    const recorded = cases[0];
    expect(recorded.global_seed).toBe(1337);
    expectSame(X, recorded.X, "X");
    expectSame(y, recorded.y, "y");
  });
});

describe("scikit-learn's errors", () => {
  it("rejects a bad n_samples tuple, factor and blob lengths", () => {
    expect(() => makeMoons({ nSamples: [1, 2, 3], randomState: 0 })).toThrow(
      new DatasetError("`n_samples` can be either an int or a two-element tuple."),
    );
    expect(() => makeCircles({ factor: 1, randomState: 0 })).toThrow(
      new DatasetError("'factor' has to be between 0 and 1."),
    );
    expect(() => makeBlobs({ nSamples: [5, 5], centers: [[0, 0]], randomState: 0 })).toThrow(DatasetError);
    expect(() => makeBlobs({ nSamples: 10, centers: 2, clusterStd: [1, 2, 3], randomState: 0 })).toThrow(
      DatasetError,
    );
  });
});
