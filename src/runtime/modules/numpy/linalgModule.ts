import { mapToFloat64 } from "../../../engine/tensor/floatArray";
import * as T from "../../../engine/tensor/index";
import { PyBuiltin, PyInt, PyModule } from "../../interpreter/objects";
import { UnsupportedError } from "../../interpreter/pyErrors";
import { bind, boolArg, guard } from "../torchArgs";
import { ddot } from "./blas";
import { asArray, axesArg, castTensor } from "./convert";
import { isFloat } from "./npDtype";
import type { NumpyState } from "./numpyState";
import { numpySum } from "./numpySum";
import { numpyErrorClass } from "./npErrors";
import { pythonFunction } from "./numpyPython";

/**
 * `numpy.linalg`: `norm` (the 2-norm of vectors, Frobenius of matrices, along axes), computed
 * as numpy does (without an axis: √(x·x) through BLAS's dot; with one: √Σx² summed pairwise),
 * recorded with the engine's norm rule; `inv`, `solve`, `det` and `slogdet` by LU in Python
 * (numpyLinalgSource.ts). The other decompositions and solvers are not modelled.
 */
export function makeLinalgModule(s: NumpyState): PyModule {
  const m = new PyModule("numpy.linalg");
  m.attrs.set(
    "norm",
    new PyBuiltin("norm", (args, kwargs) =>
      guard(() => {
        const a = bind("norm", args, kwargs, ["x", "ord", "axis", "keepdims"]);
        // the 2-norm of vectors and Frobenius of matrices here; other orders in Python
        if (a.ord !== undefined && a.ord !== null) {
          const n = axesArg(s, a.axis, asArray(s, a.x ?? null).ndim)?.length ?? asArray(s, a.x ?? null).ndim;
          const two = (a.ord instanceof PyInt && a.ord.v === 2) || a.ord === 2;
          if (!((a.ord === "fro" && n === 2) || (two && n === 1)))
            return s.interp.call(pythonFunction(s, "_norm"), [
              a.x ?? null,
              a.ord,
              a.axis ?? null,
              a.keepdims ?? false,
            ]);
        }
        const x = asArray(s, a.x ?? null);
        const dtype = isFloat(x.dtype) ? x.dtype : "float64";
        const t = castTensor(s.read(x), x.dtype, dtype);
        const axes = axesArg(s, a.axis, x.ndim);
        const keepdims = boolArg(a.keepdims, false);
        const dims = axes ?? t.shape.map((_, i) => i);
        const out = T.norm(t, dims, keepdims);
        let values: Float64Array;
        if (axes === null) {
          // numpy ravels (in memory order) and takes √(x·x)
          const flat = t.isContiguous() ? t.values() : t.copyValues();
          values = Float64Array.of(Math.sqrt(ddot(flat.length, flat, 0, 1, flat, 0, 1)));
        } else {
          const squares = T.Tensor.fromValues(
            mapToFloat64(t.values(), (v) => v * v),
            t.shape,
            t.dtype,
          );
          values = numpySum(squares, dims, dtype === "float32").map(Math.sqrt);
        }
        if (dtype === "float32") values = values.map(Math.fround);
        out.storage.data.set(values, out.offset);
        return s.result(out, dtype);
      }),
    ),
  );
  // written in Python over GradLens's numpy (numpyLinalgSource.ts)
  for (const name of ["inv", "solve", "det", "slogdet"]) {
    const f = new PyBuiltin(name, (args, kwargs) =>
      s.interp.call(pythonFunction(s, `_${name}`), args, kwargs),
    );
    m.attrs.set(name, f);
  }
  m.attrs.set("LinAlgError", numpyErrorClass(s, "LinAlgError"));
  for (const name of "eig eigh svd qr cholesky pinv lstsq matrix_rank matrix_power".split(" "))
    m.attrs.set(
      name,
      new PyBuiltin(name, () => {
        throw new UnsupportedError(`np.linalg.${name} is not supported by GradLens`);
      }),
    );
  return m;
}
