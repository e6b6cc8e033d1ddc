import type { Interpreter } from "../../interpreter/interpreter";
import { toArray } from "../../interpreter/collections";
import {
  PyBuiltin,
  PyInt,
  PyList,
  PyModule,
  PyTuple,
  type Kwargs,
  type PyValue,
} from "../../interpreter/objects";
import { PyError, typeError } from "../../interpreter/pyErrors";
import type { ModuleFactory } from "../../moduleLoader";
import {
  DatasetError,
  makeBlobs,
  makeCircles,
  makeClassification,
  makeMoons,
  type ToyDataset,
} from "../../random/sklearn/index";
import type { RandomState } from "../../random/numpy/index";
import { boolArg } from "../torchArgs";
import { asArray, intOf, isNumberLike, numberOf } from "../numpy/convert";
import { arrayFromValues } from "../numpy/creation";
import { NdArray, NpScalar } from "../numpy/ndarray";
import { numpyState } from "../numpy/numpyModule";
import type { NumpyState } from "../numpy/numpyState";
import { bindArgs, randomGuard } from "../numpy/random/randomArgs";
import { globalRandomState, randomStateOf } from "../numpy/random/randomModule";
import { libraryModule } from "../libraryProgram";
import { SKLEARN_METRICS_SOURCE, SKLEARN_MODEL_SELECTION_SOURCE } from "./sklearnSplitSource";

/**
 * `sklearn` with its toy-dataset generators (`sklearn.datasets.make_moons`, `make_blobs`,
 * `make_circles`, `make_classification`): scikit-learn 1.2's arrays for the same `random_state`
 * — an int, None (numpy's global RandomState, as scikit-learn uses) or a RandomState object.
 * X comes back as a float64 array, y as int64. The rest of scikit-learn is not in GradLens.
 */

/** What the datasets' arguments are read with, and the messages scikit-learn gives. */
function guardDatasets<T>(body: () => T): T {
  return randomGuard(() => {
    try {
      return body();
    } catch (e) {
      if (e instanceof DatasetError) throw new PyError("ValueError", e.message);
      throw e;
    }
  });
}

/** check_random_state: None or np.random → the global RandomState; an int seeds a new one. */
function randomStateArg(s: NumpyState, v: PyValue | undefined): RandomState | number {
  if (v === undefined || v === null) return globalRandomState(s);
  const rs = randomStateOf(s, v);
  if (rs !== null) return rs;
  if (v instanceof PyInt || typeof v === "boolean" || (v instanceof NpScalar && v.dtype.startsWith("int")))
    return intOf(v);
  throw new PyError(
    "ValueError",
    `${s.interp.repr(v)} cannot be used to seed a numpy.random.RandomState instance`,
  );
}

/** `n_samples`: an int, or a sequence of ints (per class / per blob). */
function samplesArg(s: NumpyState, v: PyValue | undefined): number | number[] | undefined {
  if (v === undefined) return undefined;
  if (v instanceof PyList || v instanceof PyTuple || v instanceof NdArray)
    return toArray(s.interp, v).map((x) => intOf(x));
  return intOf(v);
}

function optionalFloat(v: PyValue | undefined): number | null | undefined {
  if (v === undefined) return undefined;
  return v === null ? null : numberOf(v);
}

function floatList(s: NumpyState, v: PyValue): number[] {
  return [...s.current(asArray(s, v, "float64")).values()];
}

/** Rows of floats (`centers=[[0, 0], [5, 5]]`). */
function floatRows(s: NumpyState, v: PyValue): number[][] {
  const a = asArray(s, v, "float64");
  if (a.ndim !== 2) throw new PyError("ValueError", `Expected 2D array, got ${a.ndim}D array instead`);
  const values = s.current(a).values();
  const [rows, cols] = a.shape;
  return Array.from({ length: rows }, (_, i) => [...values.subarray(i * cols, (i + 1) * cols)]);
}

/** A number, a sequence of numbers, or None (a random shift/scale). */
function numberOrList(s: NumpyState, v: PyValue | undefined): number | number[] | null | undefined {
  if (v === undefined || v === null) return v === null ? null : undefined;
  return isNumberLike(v) ? numberOf(v) : floatList(s, v);
}

/** (X, y): X float64 of n_samples × n_features, y int64. */
function xy(s: NumpyState, d: ToyDataset, extra: PyValue[] = []): PyTuple {
  const X = arrayFromValues(s, d.X, [d.nSamples, d.nFeatures], "float64");
  const y = arrayFromValues(s, d.y, [d.nSamples], "int64");
  return new PyTuple([X, y, ...extra]);
}

function makeDatasetsModule(s: NumpyState): PyModule {
  const m = new PyModule("sklearn.datasets");
  const set = (name: string, f: (args: PyValue[], kwargs: Kwargs) => PyValue) =>
    m.attrs.set(name, new PyBuiltin(name, (args, kwargs) => guardDatasets(() => f(args, kwargs))));
  /** Positional parameters first, then the keyword-only ones (a `*` in the list). */
  const bind = (fname: string, args: PyValue[], kwargs: Kwargs, names: string[]) => {
    const star = names.indexOf("*");
    if (args.length > star)
      throw typeError(
        `${fname}() takes from 0 to ${star} positional arguments but ${args.length} were given`,
      );
    return bindArgs(
      fname,
      args,
      kwargs,
      names.filter((n) => n !== "*"),
    );
  };

  set("make_moons", (args, kwargs) => {
    const a = bind("make_moons", args, kwargs, ["n_samples", "*", "shuffle", "noise", "random_state"]);
    return xy(
      s,
      makeMoons({
        nSamples: samplesArg(s, a.n_samples),
        shuffle: boolArg(a.shuffle, true),
        noise: optionalFloat(a.noise),
        randomState: randomStateArg(s, a.random_state),
      }),
    );
  });
  set("make_circles", (args, kwargs) => {
    const a = bind("make_circles", args, kwargs, [
      "n_samples",
      "*",
      "shuffle",
      "noise",
      "random_state",
      "factor",
    ]);
    return xy(
      s,
      makeCircles({
        nSamples: samplesArg(s, a.n_samples),
        shuffle: boolArg(a.shuffle, true),
        noise: optionalFloat(a.noise),
        factor: optionalFloat(a.factor) ?? undefined,
        randomState: randomStateArg(s, a.random_state),
      }),
    );
  });
  set("make_blobs", (args, kwargs) => {
    const a = bind("make_blobs", args, kwargs, [
      "n_samples",
      "n_features",
      "*",
      "centers",
      "cluster_std",
      "center_box",
      "shuffle",
      "random_state",
      "return_centers",
    ]);
    const centers =
      a.centers === undefined || a.centers === null
        ? null
        : isNumberLike(a.centers)
          ? intOf(a.centers)
          : floatRows(s, a.centers);
    const box = a.center_box === undefined ? undefined : floatList(s, a.center_box);
    const d = makeBlobs({
      nSamples: samplesArg(s, a.n_samples),
      nFeatures: a.n_features === undefined ? undefined : intOf(a.n_features),
      centers,
      clusterStd: numberOrList(s, a.cluster_std) ?? undefined,
      centerBox: box === undefined ? undefined : [box[0], box[1]],
      shuffle: boolArg(a.shuffle, true),
      randomState: randomStateArg(s, a.random_state),
    });
    // given centres come back as check_array leaves them (ints stay ints)
    const givenCenters = centers !== null && typeof centers !== "number" ? asArray(s, a.centers!) : null;
    const extra = boolArg(a.return_centers, false)
      ? [givenCenters ?? arrayFromValues(s, d.centers, [d.nCenters, d.nFeatures], "float64")]
      : [];
    return xy(s, d, extra);
  });
  set("make_classification", (args, kwargs) => {
    const a = bind("make_classification", args, kwargs, [
      "n_samples",
      "n_features",
      "*",
      "n_informative",
      "n_redundant",
      "n_repeated",
      "n_classes",
      "n_clusters_per_class",
      "weights",
      "flip_y",
      "class_sep",
      "hypercube",
      "shift",
      "scale",
      "shuffle",
      "random_state",
    ]);
    const optInt = (v: PyValue | undefined) => (v === undefined ? undefined : intOf(v));
    return xy(
      s,
      makeClassification({
        nSamples: optInt(a.n_samples),
        nFeatures: optInt(a.n_features),
        nInformative: optInt(a.n_informative),
        nRedundant: optInt(a.n_redundant),
        nRepeated: optInt(a.n_repeated),
        nClasses: optInt(a.n_classes),
        nClustersPerClass: optInt(a.n_clusters_per_class),
        weights: a.weights === undefined || a.weights === null ? null : floatList(s, a.weights),
        flipY: optionalFloat(a.flip_y) ?? undefined,
        classSep: optionalFloat(a.class_sep) ?? undefined,
        hypercube: boolArg(a.hypercube, true),
        shift: numberOrList(s, a.shift),
        scale: numberOrList(s, a.scale),
        shuffle: boolArg(a.shuffle, true),
        randomState: randomStateArg(s, a.random_state),
      }),
    );
  });
  return m;
}

function sklearnPackage(): PyModule {
  const m = new PyModule("sklearn");
  m.attrs.set("__version__", "1.2.1");
  return m;
}

const datasets = new WeakMap<Interpreter, PyModule>();

export const SKLEARN_MODULES: [string, ModuleFactory][] = [
  ["sklearn", () => sklearnPackage()],
  [
    "sklearn.datasets",
    (interp) => {
      let m = datasets.get(interp);
      if (m === undefined) {
        m = makeDatasetsModule(numpyState(interp));
        datasets.set(interp, m);
      }
      return m;
    },
  ],
  [
    "sklearn.model_selection",
    (interp) => libraryModule(interp, "sklearn.model_selection", SKLEARN_MODEL_SELECTION_SOURCE),
  ],
  ["sklearn.metrics", (interp) => libraryModule(interp, "sklearn.metrics", SKLEARN_METRICS_SOURCE)],
];

/** What an import of another part of scikit-learn says. */
export const SKLEARN_HINT =
  "GradLens has only sklearn.datasets (make_moons, make_blobs, make_circles, make_classification), sklearn.model_selection.train_test_split and sklearn.metrics.accuracy_score";
