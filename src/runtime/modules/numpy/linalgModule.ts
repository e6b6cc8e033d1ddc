import { mapToFloat64 } from "../../../engine/tensor/floatArray";
import * as T from "../../../engine/tensor/index";
import { int, PyBuiltin, PyInt, PyModule, PyTuple, type PyValue } from "../../interpreter/objects";
import { bind, boolArg, guard } from "../torchArgs";
import { ddot } from "./blas";
import * as D from "./decompositions";
import { mat, type Mat } from "./lapack";
import { eig } from "./lapackEig";
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
 * (numpyLinalgSource.ts); `svd`, `eig`, `eigh`, `qr`, `cholesky` and `lstsq` through LAPACK's
 * algorithms in TypeScript (decompositions.ts), wrapped in Python with `pinv`, `matrix_rank`
 * and `matrix_power`.
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
  addKernels(s, m);
  // written in Python over GradLens's numpy (numpyLinalgSource.ts)
  for (const name of [
    "inv",
    "solve",
    "det",
    "slogdet",
    "svd",
    "eigh",
    "eigvalsh",
    "eig",
    "eigvals",
    "qr",
    "cholesky",
    "lstsq",
    "pinv",
    "matrix_rank",
    "matrix_power",
  ]) {
    const f = new PyBuiltin(name, (args, kwargs) =>
      s.interp.call(pythonFunction(s, `_${name}`), args, kwargs),
    );
    m.attrs.set(name, f);
  }
  m.attrs.set("LinAlgError", numpyErrorClass(s, "LinAlgError"));
  return m;
}

/** A 2-d float64 array as a column-major matrix. */
function matOf(s: NumpyState, v: PyValue): Mat {
  const x = asArray(s, v);
  const [rows, cols] = x.shape;
  const values = castTensor(s.read(x), x.dtype, "float64").copyValues();
  const out = mat(rows, cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out.a[i + j * rows] = values[i * cols + j];
  return out;
}

function arrayOf(s: NumpyState, a: Mat): PyValue {
  const values = new Float64Array(a.m * a.n);
  for (let i = 0; i < a.m; i++) for (let j = 0; j < a.n; j++) values[i * a.n + j] = a.a[i + j * a.m];
  return s.result(T.Tensor.fromValues(values, [a.m, a.n], "float64"), "float64");
}

function vectorOf(s: NumpyState, v: Float64Array): PyValue {
  return s.result(T.Tensor.fromValues(Float64Array.from(v), [v.length], "float64"), "float64");
}

/**
 * The LAPACK drivers (decompositions.ts) on one 2-d float64 matrix each, for the Python
 * wrappers of numpyLinalgSource.ts: `_svd_kernel(a, full, uv)`, `_eigh_kernel(a, vectors)`,
 * `_eig_kernel(a, vectors)`, `_qr_kernel(a, complete)`, `_cholesky_kernel(a)`,
 * `_lstsq_kernel(a, b, rcond)` (m ≥ n). Each gives None
 * where LAPACK reports a failure.
 */
function addKernels(s: NumpyState, m: PyModule): void {
  const set = (name: string, f: (args: PyValue[]) => PyValue) =>
    m.attrs.set(name, new PyBuiltin(name, (args) => guard(() => f(args))));
  set("_svd_kernel", ([a, full, uv]) => {
    const r = D.svd(matOf(s, a), full === true, uv === true);
    if (r === null) return null;
    if (r.u === null) return vectorOf(s, r.s);
    return new PyTuple([arrayOf(s, r.u), vectorOf(s, r.s), arrayOf(s, r.vt!)]);
  });
  set("_eigh_kernel", ([a, vectors]) => {
    const r = D.eigh(matOf(s, a), vectors === true);
    if (r === null) return null;
    return r.z === null ? vectorOf(s, r.w) : new PyTuple([vectorOf(s, r.w), arrayOf(s, r.z)]);
  });
  set("_eig_kernel", ([a, vectors]) => {
    const r = eig(matOf(s, a), vectors === true);
    if (r === null) return null;
    if (r === "complex")
      return "np.linalg.eig: the matrix has complex eigenvalues, and GradLens has no complex numbers";
    return r.v === null ? vectorOf(s, r.wr) : new PyTuple([vectorOf(s, r.wr), arrayOf(s, r.v)]);
  });
  set("_lstsq_kernel", ([a, b, rcond]) => {
    const r = D.lstsq(matOf(s, a), matOf(s, b), typeof rcond === "number" ? rcond : -1);
    if (r === null) return null;
    return new PyTuple([arrayOf(s, r.x), arrayOf(s, r.tail), vectorOf(s, r.s), int(r.rank)]);
  });
  set("_qr_kernel", ([a, complete]) => {
    const r = D.qr(matOf(s, a), complete === true);
    return new PyTuple([arrayOf(s, r.q), arrayOf(s, r.r), arrayOf(s, r.raw), vectorOf(s, r.tau)]);
  });
  set("_cholesky_kernel", ([a]) => {
    const r = D.cholesky(matOf(s, a));
    return r === null ? null : arrayOf(s, r);
  });
}
