import { PyBuiltin, type PyModule, type PyValue } from "../../interpreter/objects";
import { PyError } from "../../interpreter/pyErrors";
import { libraryModule } from "../libraryProgram";
import type { NumpyState } from "./numpyState";
import { NUMPY_PYTHON_INDEXING_SOURCE } from "./numpyPythonIndexing";
import { NUMPY_PYTHON_LIMITS_SOURCE } from "./numpyPythonLimits";
import { NUMPY_LINALG_SOURCE } from "./numpyLinalgSource";
import { NUMPY_TESTING_SOURCE } from "./numpyTestingSource";
import { NUMPY_UFUNC_METHODS_SOURCE } from "./numpyUfuncMethodsSource";
import { NUMPY_POLYNOMIAL_SOURCE } from "./numpyPolynomialSource";
import { NUMPY_PYTHON_SOURCE } from "./numpyPythonSource";
import { NUMPY_PYTHON_BREADTH_SOURCE } from "./numpyPythonBreadth";

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
  "sinc",
  "nansum",
  "nanmean",
  "logspace",
  "amax",
  "amin",
  "ptp",
  "cumprod",
  "polyval",
  "polyfit",
  "poly1d",
  "polyder",
  "polyint",
  "polyadd",
  "polysub",
  "polymul",
  "poly",
  "roots",
  "vander",
  "RankWarning",
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
  "moveaxis",
  "rot90",
  "atleast_3d",
  "dstack",
  "append",
  "delete",
  "insert",
  "tensordot",
  "indices",
  "unravel_index",
  "ravel_multi_index",
  "ndindex",
  "nditer",
  "ascontiguousarray",
  "asfortranarray",
  "convolve",
  "finfo",
  "iinfo",
  "broadcast_shapes",
  "broadcast_arrays",
  "vectorize",
  "apply_along_axis",
  "take_along_axis",
  "put_along_axis",
  "select",
  "piecewise",
  "choose",
  "compress",
  "extract",
  "resize",
  "putmask",
  "place",
  "put",
  "fill_diagonal",
  "triu_indices",
  "tril_indices",
  "triu_indices_from",
  "tril_indices_from",
  "diag_indices",
  "diag_indices_from",
  "ix_",
  "index_exp",
  "s_",
  "ndenumerate",
  "row_stack",
  "block",
  "hsplit",
  "vsplit",
  "dsplit",
  "trim_zeros",
  "rollaxis",
  "nanmax",
  "nanmin",
  "nanargmax",
  "nanargmin",
  "nanprod",
  "nancumsum",
  "nancumprod",
  "nanvar",
  "nanstd",
  "nanmedian",
  "nanquantile",
  "nanpercentile",
  "trapz",
  "vdot",
  "geomspace",
  "lexsort",
  "in1d",
  "correlate",
  "histogram2d",
  "array_equiv",
  "fromfunction",
  "fromiter",
  "issubdtype",
  "product",
  "cumproduct",
  "alltrue",
  "sometrue",
  "round_",
  "printoptions",
  "array_str",
  "array_repr",
  "array2string",
  "NINF",
  "PINF",
  "Inf",
  "NaN",
  "NZERO",
  "PZERO",
  "float_",
  "bool8",
  "int0",
  "argpartition",
  "partition",
]);

const loadedModules = new WeakMap<NumpyState, PyModule>();

/** A function of numpyPythonSource.ts (its module loaded on first use), for TypeScript callers. */
export function pythonFunction(s: NumpyState, name: string): PyValue {
  let loaded = loadedModules.get(s);
  if (loaded === undefined) {
    loaded = libraryModule(
      s.interp,
      "numpy._gradlens",
      NUMPY_PYTHON_SOURCE +
        NUMPY_PYTHON_INDEXING_SOURCE +
        NUMPY_PYTHON_LIMITS_SOURCE +
        NUMPY_LINALG_SOURCE +
        NUMPY_UFUNC_METHODS_SOURCE +
        NUMPY_POLYNOMIAL_SOURCE +
        NUMPY_PYTHON_BREADTH_SOURCE,
    );
    loadedModules.set(s, loaded);
  }
  return loaded.attrs.get(name)!;
}

const testingModules = new WeakMap<NumpyState, PyModule>();

/** `numpy.testing` (numpyTestingSource.ts), made on first use. */
export function numpyTestingModule(s: NumpyState): PyModule {
  let m = testingModules.get(s);
  if (m === undefined) {
    m = libraryModule(s.interp, "numpy.testing", NUMPY_TESTING_SOURCE);
    testingModules.set(s, m);
  }
  return m;
}

/**
 * Gives `numpy` a module `__getattr__` (PEP 562) that loads the Python-written functions on
 * first use — they import numpy themselves, so they cannot be made while numpy is — and keeps
 * each in the module once read. Any other missing name is numpy's AttributeError.
 */
export function addPythonFunctions(s: NumpyState, m: PyModule): void {
  m.attrs.set(
    "__getattr__",
    new PyBuiltin("__getattr__", ([name]): PyValue => {
      if (name === "testing") {
        const t = numpyTestingModule(s);
        m.attrs.set("testing", t);
        return t;
      }
      if (typeof name === "string" && NAMES.has(name)) {
        const f = pythonFunction(s, name);
        m.attrs.set(name, f);
        return f;
      }
      throw new PyError("AttributeError", `module 'numpy' has no attribute '${String(name)}'`);
    }),
  );
}
