import { allocFloat64 } from "../../../engine/memory";
import * as T from "../../../engine/tensor/index";
import { toArray } from "../../interpreter/collections";
import {
  int,
  PyBuiltin,
  PyClass,
  PyDict,
  PyInt,
  PyList,
  PyModule,
  PyTuple,
  type Kwargs,
  type PyValue,
} from "../../interpreter/objects";
import { PyError, typeError, UnsupportedError } from "../../interpreter/pyErrors";
import { dictSet } from "../../interpreter/collections";
import { bind, boolArg, guarded } from "../torchArgs";
import { callMethod, clip, roundTo } from "./arrayMethods";
import { binaryFunction, type BinaryName } from "./binaryUfuncs";
import { broadcastShapesOf, expandTo } from "./broadcastValues";
import {
  asArray,
  axesArg,
  castTensor,
  dtypeArg,
  DtypeObject,
  intOf,
  normalizeAxis,
  numberOf,
  operandIn,
  operandOf,
  shapeArg,
  type Operand,
} from "./convert";
import * as C from "./creation";
import { einsum } from "./einsum";
import { dot, inner, matmul, outer } from "./linalg";
import { NdArray, NpScalar } from "./ndarray";
import { resultDtype, type NpDtype } from "./npDtype";
import type { FpErrorKind, FpErrorMode, NumpyState } from "./numpyState";
import * as S from "./shapes";
import { argsortAlong, sortAlong, unique } from "./sorting";
import { bincount } from "./bincount";
import { average } from "./average";
import { pythonFunction } from "./numpyPython";
import { frexpExponents, unary, type UnaryName } from "./unaryUfuncs";

/**
 * The functions of the `numpy` module: creation, ufuncs, reductions, shape and joining
 * functions, `where`, comparisons of whole arrays, print options and error modes.
 */

type Fn = (args: PyValue[], kwargs: Kwargs) => PyValue;

const BINARY: [string, BinaryName][] = [
  ["add", "add"],
  ["subtract", "subtract"],
  ["multiply", "multiply"],
  ["divide", "divide"],
  ["true_divide", "divide"],
  ["floor_divide", "floor_divide"],
  ["remainder", "remainder"],
  ["mod", "remainder"],
  ["power", "power"],
  ["maximum", "maximum"],
  ["minimum", "minimum"],
  ["equal", "equal"],
  ["not_equal", "not_equal"],
  ["less", "less"],
  ["less_equal", "less_equal"],
  ["greater", "greater"],
  ["greater_equal", "greater_equal"],
  ["logical_and", "logical_and"],
  ["logical_or", "logical_or"],
  ["logical_xor", "logical_xor"],
  ["bitwise_and", "bitwise_and"],
  ["bitwise_or", "bitwise_or"],
  ["bitwise_xor", "bitwise_xor"],
  ["arctan2", "arctan2"],
  ["hypot", "hypot"],
  ["logaddexp", "logaddexp"],
  ["logaddexp2", "logaddexp2"],
  ["fmod", "fmod"],
  ["copysign", "copysign"],
  ["nextafter", "nextafter"],
  ["heaviside", "heaviside"],
  ["fmax", "fmax"],
  ["fmin", "fmin"],
  ["float_power", "float_power"],
  ["ldexp", "ldexp"],
  ["gcd", "gcd"],
  ["lcm", "lcm"],
  ["left_shift", "left_shift"],
  ["right_shift", "right_shift"],
];

const UNARY: [string, UnaryName][] = [
  ["negative", "negative"],
  ["positive", "positive"],
  ["absolute", "absolute"],
  ["abs", "absolute"],
  ["fabs", "absolute"],
  ["sign", "sign"],
  ["exp", "exp"],
  ["log", "log"],
  ["log1p", "log1p"],
  ["expm1", "expm1"],
  ["sqrt", "sqrt"],
  ["square", "square"],
  ["tanh", "tanh"],
  ["sin", "sin"],
  ["cos", "cos"],
  ["floor", "floor"],
  ["ceil", "ceil"],
  ["rint", "rint"],
  ["trunc", "trunc"],
  ["reciprocal", "reciprocal"],
  ["isnan", "isnan"],
  ["isinf", "isinf"],
  ["isfinite", "isfinite"],
  ["logical_not", "logical_not"],
  ["invert", "invert"],
  ["tan", "tan"],
  ["arctan", "arctan"],
  ["arcsin", "arcsin"],
  ["arccos", "arccos"],
  ["sinh", "sinh"],
  ["cosh", "cosh"],
  ["arcsinh", "arcsinh"],
  ["arccosh", "arccosh"],
  ["arctanh", "arctanh"],
  ["log2", "log2"],
  ["log10", "log10"],
  ["deg2rad", "deg2rad"],
  ["radians", "deg2rad"],
  ["rad2deg", "rad2deg"],
  ["degrees", "rad2deg"],
  ["exp2", "exp2"],
  ["cbrt", "cbrt"],
  ["spacing", "spacing"],
  ["signbit", "signbit"],
  ["bitwise_not", "invert"],
];

/** Array methods that are also module functions taking the array first (`np.sum(a, axis=0)`). */
const METHOD_FORMS = [
  "sum",
  "mean",
  "prod",
  "max",
  "min",
  "argmax",
  "argmin",
  "std",
  "var",
  "any",
  "all",
  "cumsum",
  "ravel",
  "squeeze",
  "nonzero",
  "repeat",
];

/** numpy's keywords for ufuncs that GradLens does not take. */
function ufuncKeywords(name: string, kwargs: Kwargs): void {
  for (const k of kwargs?.keys() ?? []) {
    if (k === "dtype" || k === "casting" || k === "order" || k === "subok") continue;
    if (k === "out" || k === "where")
      throw new UnsupportedError(`np.${name}(..., ${k}=...) is not supported by GradLens`);
    throw typeError(`${name}() got an unexpected keyword argument '${k}'`);
  }
}

function arrays(s: NumpyState, v: PyValue | undefined, fname: string): NdArray[] {
  if (v === undefined) throw typeError(`${fname}() missing required argument 'arrays'`);
  return toArray(s.interp, v).map((x) => asArray(s, x));
}

/** `np.isclose` elementwise: |a − b| ≤ atol + rtol·|b|, equal infinities close, NaN only with equal_nan. */
function isclose(
  s: NumpyState,
  x: PyValue,
  y: PyValue,
  rtol: number,
  atol: number,
  equalNan: boolean,
): NdArray | NpScalar {
  const a = asArray(s, x);
  const b = asArray(s, y);
  const shape = broadcastShapesOf([a.shape, b.shape]);
  const av = expandTo(castTensor(s.read(a), a.dtype, "float64"), shape);
  const bv = expandTo(castTensor(s.read(b), b.dtype, "float64"), shape);
  const out = allocFloat64(av.length);
  for (let i = 0; i < av.length; i++) {
    const p = av[i];
    const q = bv[i];
    if (p !== p || q !== q) out[i] = equalNan && p !== p && q !== q ? 1 : 0;
    else if (!Number.isFinite(p) || !Number.isFinite(q)) out[i] = p === q ? 1 : 0;
    else out[i] = Math.abs(p - q) <= atol + rtol * Math.abs(q) ? 1 : 0;
  }
  return s.result(T.Tensor.fromValues(out, shape, "bool"), "bool");
}

/** `np.where(cond, x, y)`: x where cond holds else y (types promoted as numpy 1.24 does); `np.where(cond)`: its nonzero indices. */
function where(s: NumpyState, args: PyValue[]): PyValue {
  if (args.length === 1) return callMethod(s, "nonzero", asArray(s, args[0]), [], null);
  if (args.length !== 3) throw typeError("where() takes either 1 or 3 positional arguments");
  const cond = asArray(s, args[0]);
  const a = operandOf(s, args[1]);
  const b = operandOf(s, args[2]);
  if (a === null || b === null) throw typeError("where() arguments must be arrays or numbers");
  const dtype = resultDtype([a, b]);
  broadcastShapesOf([cond.shape, a.tensor.shape, b.tensor.shape]);
  const c = castTensor(s.read(cond), cond.dtype, "bool");
  const out = T.where(c, operandIn(s, a, dtype), operandIn(s, b, dtype));
  return s.result(out, dtype);
}

function setPrintOptions(s: NumpyState, kwargs: Kwargs): PyValue {
  const o = s.printOptions;
  for (const [k, v] of kwargs ?? []) {
    if (v === null) continue;
    switch (k) {
      case "precision":
        o.precision = intOf(v);
        break;
      case "suppress":
        o.suppress = boolArg(v, false);
        break;
      case "threshold":
        o.threshold = numberOf(v);
        break;
      case "edgeitems":
        o.edgeitems = intOf(v);
        break;
      case "linewidth":
        o.linewidth = intOf(v);
        break;
      default:
        throw new UnsupportedError(`np.set_printoptions(${k}=...) is not supported by GradLens`);
    }
  }
  return null;
}

function errorModes(s: NumpyState): PyDict {
  const d = new PyDict();
  for (const k of ["divide", "over", "under", "invalid"] as FpErrorKind[]) dictSet(d, k, s.errorModes[k]);
  return d;
}

/** `np.seterr(all=None, divide=None, over=None, under=None, invalid=None)`: the old modes. */
export function setErrorModes(s: NumpyState, kwargs: Kwargs): PyDict {
  const old = errorModes(s);
  const all = kwargs?.get("all");
  for (const k of ["divide", "over", "under", "invalid"] as FpErrorKind[]) {
    const v = kwargs?.get(k) ?? all;
    if (v === undefined || v === null) continue;
    if (!["ignore", "warn", "raise", "call", "print", "log"].includes(String(v)))
      throw typeError(`invalid value for ${k}: ${String(v)}`);
    s.errorModes[k] = String(v) as FpErrorMode;
  }
  for (const k of kwargs?.keys() ?? [])
    if (!["all", "divide", "over", "under", "invalid"].includes(k))
      throw typeError(`seterr() got an unexpected keyword argument '${k}'`);
  return old;
}

/** `np.add.at(a, indices, b)`: unbuffered in-place application (numpyPythonIndexing.ts's `_ufunc_at`). */
function addUfuncAt(s: NumpyState, ufunc: PyBuiltin): void {
  (ufunc.attrs ??= new Map()).set(
    "at",
    new PyBuiltin("at", (args, kwargs) => {
      if (kwargs !== null && kwargs.size > 0) throw typeError("at() takes no keyword arguments");
      if (args.length < 2 || args.length > 3)
        throw typeError(`at() takes from 2 to 3 positional arguments but ${args.length} were given`);
      return s.interp.call(pythonFunction(s, "_ufunc_at"), [ufunc, ...args]);
    }),
  );
}

/**
 * A two-operand ufunc's `reduce`, `accumulate`, `outer` and `reduceat` (numpyUfuncMethodsSource.ts's
 * `_ufunc_<method>`, handed the ufunc and its name).
 */
function addUfuncMethods(s: NumpyState, ufunc: PyBuiltin, name: string): void {
  for (const method of ["reduce", "accumulate", "outer", "reduceat"])
    ufunc.attrs!.set(
      method,
      new PyBuiltin(method, (args, kwargs) =>
        s.interp.call(pythonFunction(s, `_ufunc_${method}`), [ufunc, name, ...args], kwargs),
      ),
    );
}

export function fillFunctions(s: NumpyState, m: PyModule): void {
  const set = (name: string, f: Fn) => m.attrs.set(name, new PyBuiltin(name, guarded(f)));
  const dtypeOf = (v: PyValue | undefined): NpDtype | undefined => dtypeArg(s, v);

  set("array", (args, kwargs) => {
    const a = bind("array", args, kwargs, [
      "object",
      "dtype",
      "*",
      "copy",
      "order",
      "subok",
      "ndmin",
      "like",
    ]);
    if (a.object === undefined) throw typeError("array() missing required argument 'object' (pos 0)");
    return C.array(
      s,
      a.object,
      dtypeOf(a.dtype),
      boolArg(a.copy, true),
      a.ndmin === undefined ? 0 : intOf(a.ndmin),
    );
  });
  set("asarray", (args, kwargs) => {
    const a = bind("asarray", args, kwargs, ["a", "dtype", "order", "*", "like"]);
    return C.asarray(s, a.a ?? null, dtypeOf(a.dtype));
  });
  m.attrs.set("asanyarray", m.attrs.get("asarray")!);
  // numpy 1.x takes None for the shape as a (deprecated) alias of (): a 0-d array
  const creationShape = (v: PyValue): number[] => (v === null ? [] : shapeArg([v]));
  for (const [name, value] of [
    ["zeros", 0],
    ["ones", 1],
    ["empty", 0],
  ] as const)
    set(name, (args, kwargs) => {
      const a = bind(name, args, kwargs, ["shape", "dtype", "order", "*", "like"]);
      if (a.shape === undefined) throw typeError(`${name}() missing required argument 'shape' (pos 0)`);
      return C.filled(s, creationShape(a.shape), value, dtypeOf(a.dtype) ?? "float64");
    });
  set("full", (args, kwargs) => {
    const a = bind("full", args, kwargs, ["shape", "fill_value", "dtype", "order", "*", "like"]);
    return C.full(s, creationShape(a.shape!), a.fill_value ?? null, dtypeOf(a.dtype));
  });
  for (const [name, value] of [
    ["zeros_like", int(0)],
    ["ones_like", int(1)],
    ["empty_like", int(0)],
  ] as const)
    set(name, (args, kwargs) => {
      const a = bind(name, args, kwargs, ["a", "dtype", "order", "subok", "shape"]);
      return C.like(s, a.a ?? null, value, dtypeOf(a.dtype));
    });
  set("full_like", (args, kwargs) => {
    const a = bind("full_like", args, kwargs, ["a", "fill_value", "dtype", "order", "subok", "shape"]);
    return C.like(s, a.a ?? null, a.fill_value ?? null, dtypeOf(a.dtype));
  });
  set("arange", (args, kwargs) => {
    const a = bind("arange", args, kwargs, ["start", "stop", "step", "dtype", "*", "like"]);
    const given = [a.start, a.stop, a.step].filter((v) => v !== undefined && v !== null) as PyValue[];
    return C.arange(s, given, dtypeOf(a.dtype));
  });
  set("linspace", (args, kwargs) => {
    const a = bind("linspace", args, kwargs, [
      "start",
      "stop",
      "num",
      "endpoint",
      "retstep",
      "dtype",
      "axis",
    ]);
    const { array, step } = C.linspace(
      s,
      a.start ?? null,
      a.stop ?? null,
      a.num === undefined ? 50 : intOf(a.num),
      boolArg(a.endpoint, true),
      dtypeOf(a.dtype),
    );
    return boolArg(a.retstep, false) ? new PyTuple([array, s.scalarOf(step, "float64")]) : array;
  });
  set("eye", (args, kwargs) => {
    const a = bind("eye", args, kwargs, ["N", "M", "k", "dtype", "order", "*", "like"]);
    const n = intOf(a.N);
    return C.eye(
      s,
      n,
      a.M === undefined || a.M === null ? n : intOf(a.M),
      a.k === undefined ? 0 : intOf(a.k),
      dtypeOf(a.dtype),
    );
  });
  set("identity", (args, kwargs) => {
    const a = bind("identity", args, kwargs, ["n", "dtype", "*", "like"]);
    const n = intOf(a.n);
    return C.eye(s, n, n, 0, dtypeOf(a.dtype));
  });
  set("copy", ([x]) => C.array(s, x, undefined, true));

  for (const [name, op] of BINARY) {
    set(name, (args, kwargs) => {
      ufuncKeywords(name, kwargs);
      if (args.length !== 2)
        throw typeError(`${name}() takes from 2 to 3 positional arguments but ${args.length} were given`);
      return binaryFunction(s, op, args[0], args[1]);
    });
    addUfuncAt(s, m.attrs.get(name) as PyBuiltin);
    addUfuncMethods(s, m.attrs.get(name) as PyBuiltin, name);
  }
  for (const [name, op] of UNARY)
    set(name, (args, kwargs) => {
      ufuncKeywords(name, kwargs);
      if (args.length !== 1)
        throw typeError(`${name}() takes from 1 to 2 positional arguments but ${args.length} were given`);
      return unary(s, op, args[0]);
    });
  // the ufuncs with two results, as numpy's tuples
  const twoResults = (name: string, f: (args: PyValue[]) => [PyValue, PyValue], arity: number) =>
    set(name, (args, kwargs) => {
      ufuncKeywords(name, kwargs);
      if (args.length !== arity)
        throw typeError(
          `${name}() takes from ${arity} to ${arity + 2} positional arguments but ${args.length} were given`,
        );
      return new PyTuple(f(args));
    });
  twoResults(
    "divmod",
    ([x, y]) => [binaryFunction(s, "floor_divide", x, y), binaryFunction(s, "remainder", x, y)],
    2,
  );
  twoResults("modf", ([x]) => [unary(s, "modf_fraction", x), unary(s, "trunc", x)], 1);
  twoResults("frexp", ([x]) => [unary(s, "frexp_mantissa", x), frexpExponents(s, x)], 1);
  for (const name of METHOD_FORMS)
    set(name, (args, kwargs) => {
      const rest = kwargs ? new Map(kwargs) : null;
      const first = args.length > 0 ? args[0] : (rest?.get("a") ?? null);
      rest?.delete("a");
      return callMethod(s, name, asArray(s, first), args.slice(1), rest);
    });
  m.attrs.set("amax", m.attrs.get("max")!);
  m.attrs.set("amin", m.attrs.get("min")!);
  for (const name of ["round", "around"])
    set(name, (args, kwargs) => {
      const a = bind(name, args, kwargs, ["a", "decimals", "out"]);
      return roundTo(s, asArray(s, a.a ?? null), a.decimals === undefined ? 0 : intOf(a.decimals));
    });
  set("clip", (args, kwargs) => {
    const a = bind("clip", args, kwargs, ["a", "a_min", "a_max", "out"]);
    return clip(s, a.a ?? null, a.a_min, a.a_max);
  });
  set("dot", ([x, y]) => dot(s, x, y));
  set("matmul", ([x, y]) => matmul(s, x, y));
  set("outer", ([x, y]) => outer(s, x, y));
  set("inner", ([x, y]) => inner(s, x, y));
  set("einsum", (args, kwargs) => einsum(s, args, kwargs));
  set("transpose", (args, kwargs) => {
    const a = bind("transpose", args, kwargs, ["a", "axes"]);
    const axes = a.axes === undefined || a.axes === null ? null : shapeArg([a.axes]);
    return S.transpose(s, asArray(s, a.a ?? null), axes);
  });
  set("swapaxes", ([x, a1, a2]) => S.swapaxes(s, asArray(s, x), intOf(a1), intOf(a2)));
  set("reshape", (args, kwargs) => {
    const a = bind("reshape", args, kwargs, ["a", "newshape", "order", "shape"]);
    return S.reshape(s, asArray(s, a.a ?? null), shapeArg([(a.newshape ?? a.shape)!]));
  });
  set("expand_dims", (args, kwargs) => {
    const a = bind("expand_dims", args, kwargs, ["a", "axis"]);
    const axes =
      a.axis instanceof PyTuple || a.axis instanceof PyList
        ? a.axis.items.map((x) => intOf(x))
        : [intOf(a.axis)];
    return S.expandDims(s, asArray(s, a.a ?? null), axes);
  });
  set("broadcast_to", ([x, shape]) => S.broadcastTo(s, asArray(s, x), shapeArg([shape])));
  set("concatenate", (args, kwargs) => {
    const a = bind("concatenate", args, kwargs, ["arrays", "axis", "out", "*", "dtype", "casting"]);
    const axis = a.axis === undefined ? 0 : a.axis === null ? null : intOf(a.axis);
    return S.concatenate(s, arrays(s, a.arrays, "concatenate"), axis);
  });
  set("stack", (args, kwargs) => {
    const a = bind("stack", args, kwargs, ["arrays", "axis", "out", "*", "dtype", "casting"]);
    return S.stack(s, arrays(s, a.arrays, "stack"), a.axis === undefined ? 0 : intOf(a.axis));
  });
  set("vstack", ([x]) => S.vstack(s, arrays(s, x, "vstack")));
  set("column_stack", ([x]) => S.columns(s, arrays(s, x, "column_stack")));
  set("meshgrid", (args, kwargs) => {
    const given = kwargs?.get("indexing") ?? "xy";
    const indexing = given === "ij" ? "ij" : "xy";
    if (given !== "xy" && given !== "ij")
      throw new PyError("ValueError", "Valid values for `indexing` are 'xy' and 'ij'.");
    for (const k of kwargs?.keys() ?? [])
      if (k !== "indexing" && k !== "copy")
        throw typeError(`meshgrid() got an unexpected keyword argument '${k}'`);
    return new PyTuple(
      S.meshgrid(
        s,
        args.map((a) => asArray(s, a)),
        indexing,
      ),
    );
  });
  set("hstack", ([x]) => S.hstack(s, arrays(s, x, "hstack")));
  set("where", (args) => where(s, args));
  set("isclose", (args, kwargs) => {
    const a = bind("isclose", args, kwargs, ["a", "b", "rtol", "atol", "equal_nan"]);
    return isclose(
      s,
      a.a ?? null,
      a.b ?? null,
      a.rtol === undefined ? 1e-5 : numberOf(a.rtol),
      a.atol === undefined ? 1e-8 : numberOf(a.atol),
      boolArg(a.equal_nan, false),
    );
  });
  set("allclose", (args, kwargs) => {
    const a = bind("allclose", args, kwargs, ["a", "b", "rtol", "atol", "equal_nan"]);
    const close = isclose(
      s,
      a.a ?? null,
      a.b ?? null,
      a.rtol === undefined ? 1e-5 : numberOf(a.rtol),
      a.atol === undefined ? 1e-8 : numberOf(a.atol),
      boolArg(a.equal_nan, false),
    );
    return s
      .current(close)
      .values()
      .every((v) => v !== 0);
  });
  set("array_equal", (args, kwargs) => {
    const a = bind("array_equal", args, kwargs, ["a1", "a2", "equal_nan"]);
    const x = asArray(s, a.a1 ?? null);
    const y = asArray(s, a.a2 ?? null);
    if (x.ndim !== y.ndim || x.shape.some((d, i) => d !== y.shape[i])) return false;
    const equalNan = boolArg(a.equal_nan, false);
    const xv = s.current(x).values();
    const yv = s.current(y).values();
    return xv.every((v, i) => v === yv[i] || (equalNan && v !== v && yv[i] !== yv[i]));
  });
  set("sort", (args, kwargs) => {
    const a = bind("sort", args, kwargs, ["a", "axis", "kind", "order"]);
    const arr = asArray(s, a.a ?? null);
    const axis = a.axis === undefined ? int(-1) : a.axis;
    return sortAlong(s, arr, axis === null ? null : normalizeAxis(s, intOf(axis), arr.ndim));
  });
  set("argsort", (args, kwargs) => {
    const a = bind("argsort", args, kwargs, ["a", "axis", "kind", "order"]);
    const arr = asArray(s, a.a ?? null);
    const axis = a.axis === undefined ? int(-1) : a.axis;
    return argsortAlong(s, arr, axis === null ? null : normalizeAxis(s, intOf(axis), arr.ndim));
  });
  set("unique", (args, kwargs) => {
    const a = bind("unique", args, kwargs, ["ar", "return_index", "return_inverse", "return_counts", "axis"]);
    if (a.axis !== undefined && a.axis !== null)
      throw new UnsupportedError("np.unique(axis=...) is not supported by GradLens");
    return unique(
      s,
      asArray(s, a.ar ?? null),
      boolArg(a.return_index, false),
      boolArg(a.return_inverse, false),
      boolArg(a.return_counts, false),
    );
  });
  set("average", (args, kwargs) => {
    const a = bind("average", args, kwargs, ["a", "axis", "weights", "returned"]);
    return average(s, a.a ?? null, a.axis, a.weights, boolArg(a.returned, false));
  });
  set("bincount", (args, kwargs) => {
    const a = bind("bincount", args, kwargs, ["x", "weights", "minlength"]);
    const x = asArray(s, a.x ?? null);
    const weights = a.weights === undefined || a.weights === null ? null : asArray(s, a.weights, "float64");
    return bincount(s, x, weights, a.minlength === undefined ? 0 : intOf(a.minlength));
  });
  set("shape", ([x]) => new PyTuple(asArray(s, x).shape.map((d) => int(d))));
  set("ndim", ([x]) => int(asArray(s, x).ndim));
  set("size", (args, kwargs) => {
    const a = bind("size", args, kwargs, ["a", "axis"]);
    const arr = asArray(s, a.a ?? null);
    return int(
      a.axis === undefined || a.axis === null
        ? arr.size
        : arr.shape[normalizeAxis(s, intOf(a.axis), arr.ndim)],
    );
  });
  set("set_printoptions", (_args, kwargs) => setPrintOptions(s, kwargs));
  set("get_printoptions", () => {
    const d = new PyDict();
    const o = s.printOptions;
    dictSet(d, "edgeitems", int(o.edgeitems));
    dictSet(d, "threshold", int(o.threshold));
    dictSet(d, "floatmode", "maxprec");
    dictSet(d, "precision", int(o.precision));
    dictSet(d, "suppress", o.suppress);
    dictSet(d, "linewidth", int(o.linewidth));
    return d;
  });
  set("seterr", (_args, kwargs) => setErrorModes(s, kwargs));
  set("geterr", () => errorModes(s));
  set("result_type", (args) => {
    // a dtype or a scalar type (`np.float64`) counts as an array of that type
    const ops = args.map((v) => {
      const d = v instanceof DtypeObject || v instanceof PyClass ? dtypeArg(s, v) : undefined;
      return d !== undefined ? { dtype: d, weak: null, value: null } : operandOf(s, v);
    });
    if (ops.some((o) => o === null))
      throw typeError("result_type() arguments must be arrays, dtypes or numbers");
    return s.dtypeObjects.get(resultDtype(ops as Pick<Operand, "dtype" | "weak" | "value">[]))!;
  });
  set("can_cast", ([from, to]) => {
    const a = from instanceof NdArray || from instanceof NpScalar ? from.dtype : dtypeArg(s, from);
    const b = dtypeArg(s, to);
    if (a === undefined || b === undefined) throw typeError("can_cast() needs two dtypes");
    return (
      a === b ||
      a === "bool" ||
      (a === "uint8" && b !== "bool") ||
      (a === "int32" && b !== "float32" && b !== "bool") ||
      (a === "int64" && b === "float64") ||
      (a === "float32" && b === "float64")
    );
  });
  set(
    "isscalar",
    ([x]) =>
      x instanceof NpScalar ||
      typeof x === "number" ||
      typeof x === "boolean" ||
      x instanceof PyInt ||
      typeof x === "string",
  );
  void axesArg;
}
