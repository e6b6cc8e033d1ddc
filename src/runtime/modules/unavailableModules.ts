import { PyBuiltin, PyModule } from "../interpreter/objects";
import { UnsupportedError } from "../interpreter/pyErrors";

/**
 * Modules GradLens does not run, and why: standard modules (CPython always has them) and
 * scikit-learn's model families (the reference environment has scikit-learn). A program imports
 * them without a guard, often without using them (an `import pickle` left over from saving a
 * model, `from sklearn import linear_model` for a comparison it never runs): the import succeeds
 * here too, and the first call of one of their names stops the run with a located message,
 * rather than a ModuleNotFoundError no CPython would raise.
 */
const NO_BYTES = "GradLens has no bytes objects";
const NO_WRITES = "GradLens programs may read files but not write or move them";
const NO_NETWORK = "GradLens programs have no network";
const ALONE = "a GradLens program runs alone, without processes or threads";
const NOT_YET = "GradLens does not have it yet";
const SKLEARN_MODELS =
  "scikit-learn's models do not run in GradLens (its datasets, train_test_split and accuracy_score do)";

const WHY = new Map<string, string>([
  ["pickle", NO_BYTES],
  ["marshal", NO_BYTES],
  ["struct", NO_BYTES],
  ["gzip", NO_BYTES],
  ["bz2", NO_BYTES],
  ["lzma", NO_BYTES],
  ["zlib", NO_BYTES],
  ["zipfile", NO_BYTES],
  ["tarfile", NO_BYTES],
  ["hashlib", NO_BYTES],
  ["base64", NO_BYTES],
  ["array", NO_BYTES],
  ["shutil", NO_WRITES],
  ["tempfile", NO_WRITES],
  ["urllib", NO_NETWORK],
  ["http", NO_NETWORK],
  ["socket", NO_NETWORK],
  ["ssl", NO_NETWORK],
  ["subprocess", ALONE],
  ["multiprocessing", ALONE],
  ["threading", ALONE],
  ["concurrent", ALONE],
  ["signal", ALONE],
  ["asyncio", ALONE],
  ["inspect", NOT_YET],
  ["traceback", NOT_YET],
  ["textwrap", NOT_YET],
  ["fractions", NOT_YET],
  ["decimal", NOT_YET],
  ["uuid", NOT_YET],
  ["platform", NOT_YET],
  ["locale", NOT_YET],
  ["codecs", NOT_YET],
  ["weakref", NOT_YET],
  ["gc", NOT_YET],
  ["ctypes", NOT_YET],
  ["unittest", NOT_YET],
  ["doctest", NOT_YET],
  ...[
    "linear_model",
    "svm",
    "tree",
    "ensemble",
    "neighbors",
    "preprocessing",
    "decomposition",
    "cluster",
    "pipeline",
    "naive_bayes",
    "neural_network",
    "feature_extraction",
    "feature_selection",
    "impute",
    "manifold",
    "discriminant_analysis",
    "gaussian_process",
    "mixture",
    "multiclass",
    "kernel_ridge",
    "utils",
  ].map((sub): [string, string] => [`sklearn.${sub}`, SKLEARN_MODELS]),
]);

/** The reason for `name` (dotted) or the package it is in: a module GradLens imports but does not run. */
function reason(name: string): string | undefined {
  const parts = name.split(".");
  for (let n = parts.length; n > 0; n--) {
    const why = WHY.get(parts.slice(0, n).join("."));
    if (why !== undefined) return why;
  }
  return undefined;
}

/** Whether `name` (dotted) is a module GradLens imports but does not run. */
export function isUnavailableModule(name: string): boolean {
  return reason(name) !== undefined;
}

/**
 * The module `name` stands for: importable, and each name in it a stand-in that stops the run
 * with a located message when it is called, so that importing a name (`from pickle import
 * load`) costs nothing until the program uses it.
 */
export function unavailableModule(name: string): PyModule {
  const module = new PyModule(name);
  const why = reason(name)!;
  module.attrs.set(
    "__getattr__",
    new PyBuiltin("__getattr__", ([attr]) => {
      const full = `${name}.${String(attr)}`;
      return new PyBuiltin(full, () => {
        throw new UnsupportedError(`\`${full}\` is not available: ${why}`);
      });
    }),
  );
  return module;
}
