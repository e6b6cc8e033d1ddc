import { PyBuiltin, type PyModule, type PyValue } from "../../interpreter/objects";
import { PyError } from "../../interpreter/pyErrors";
import { libraryModule } from "../libraryProgram";
import type { NumpyState } from "./numpyState";
import { NUMPY_PYTHON_SOURCE } from "./numpyPythonSource";

/** The numpy functions written in Python (numpyPythonSource.ts). */
const NAMES = new Set([
  "diff",
  "flip",
  "fliplr",
  "flipud",
  "roll",
  "tile",
  "pad",
  "tril",
  "triu",
  "diag",
  "trace",
  "count_nonzero",
  "atleast_1d",
  "atleast_2d",
  "array_split",
  "split",
  "median",
  "quantile",
  "percentile",
  "take",
  "argwhere",
  "flatnonzero",
  "nan_to_num",
  "nansum",
  "nanmean",
  "logspace",
  "amax",
  "amin",
  "ptp",
  "cumprod",
  "polyval",
  "gradient",
  "searchsorted",
  "digitize",
  "interp",
  "histogram",
  "isin",
  "union1d",
  "intersect1d",
  "setdiff1d",
  "cov",
  "corrcoef",
  "cross",
  "kron",
  "mgrid",
  "ogrid",
]);

/**
 * Gives `numpy` a module `__getattr__` (PEP 562) that loads the Python-written functions on
 * first use — they import numpy themselves, so they cannot be made while numpy is — and keeps
 * each in the module once read. Any other missing name is numpy's AttributeError.
 */
export function addPythonFunctions(s: NumpyState, m: PyModule): void {
  let loaded: PyModule | null = null;
  m.attrs.set(
    "__getattr__",
    new PyBuiltin("__getattr__", ([name]): PyValue => {
      if (typeof name === "string" && NAMES.has(name)) {
        loaded ??= libraryModule(s.interp, "numpy._gradlens", NUMPY_PYTHON_SOURCE);
        const f = loaded.attrs.get(name)!;
        m.attrs.set(name, f);
        return f;
      }
      throw new PyError("AttributeError", `module 'numpy' has no attribute '${String(name)}'`);
    }),
  );
}
