import { mapToFloat64 } from "../../../engine/tensor/floatArray";
import * as T from "../../../engine/tensor/index";
import { int, PyList, PyTuple, type Kwargs, type PyValue } from "../../interpreter/objects";
import { PyError, typeError, UnsupportedError, valueError } from "../../interpreter/pyErrors";
import { bind, boolArg } from "../torchArgs";
import { binaryFunction } from "./binaryUfuncs";
import { asArray, axesArg, castTensor, dtypeArg, intOf, normalizeAxis, numberOf, shapeArg } from "./convert";
import { dot } from "./linalg";
import { NdArray, NpScalar } from "./ndarray";
import { isFloat, roundInto, type NpDtype } from "./npDtype";
import type { NumpyState } from "./numpyState";
import * as R from "./reductions";
import * as S from "./shapes";
import { repeat } from "./repeat";
import { sortAlong, argsortAlong } from "./sorting";

/**
 * The methods of `ndarray` (numpy scalars have them too: they act as 0-d arrays), each also
 * what the module's function of the same name calls (`np.sum(a, axis=0)` is `a.sum(axis=0)`).
 */
export type Method = (s: NumpyState, self: NdArray, args: PyValue[], kwargs: Kwargs) => PyValue;

/** A Python number for one element (float, int or bool, as `tolist` and `item` give). */
export function pyNumber(x: number, dtype: NpDtype): PyValue {
  if (dtype === "bool") return x !== 0;
  if (dtype === "int64" || dtype === "int32" || dtype === "uint8")
    return Number.isSafeInteger(x) ? int(x) : int(Math.trunc(x));
  return x;
}

function axisOf(s: NumpyState, v: PyValue | undefined, ndim: number): number | null {
  return v === undefined || v === null ? null : normalizeAxis(s, intOf(v), ndim);
}

/** Reductions share their arguments: `(axis=None, dtype=None, out=None, keepdims=False)`. */
function reduction(
  name: string,
  f: (
    s: NumpyState,
    a: NdArray,
    axes: number[] | null,
    keepdims: boolean,
    dtype: NpDtype | undefined,
  ) => PyValue,
): Method {
  return (s, self, args, kwargs) => {
    const a = bind(name, args, kwargs, ["axis", "dtype", "out", "keepdims", "initial", "where"]);
    if (a.out !== undefined && a.out !== null)
      throw new PyError("NotImplementedError", `${name}(out=...) is not supported by GradLens`);
    if (a.initial !== undefined || a.where !== undefined)
      throw new PyError(
        "NotImplementedError",
        `${name}(initial=..., where=...) is not supported by GradLens`,
      );
    return f(s, self, axesArg(s, a.axis, self.ndim), boolArg(a.keepdims, false), dtypeArg(s, a.dtype));
  };
}

function statistics(name: string, std: boolean): Method {
  return (s, self, args, kwargs) => {
    const a = bind(name, args, kwargs, ["axis", "dtype", "out", "ddof", "keepdims"]);
    const ddof = a.ddof === undefined ? 0 : numberOf(a.ddof);
    return R.variance(s, self, axesArg(s, a.axis, self.ndim), boolArg(a.keepdims, false), ddof, std);
  };
}

function extreme(name: string, kind: "max" | "min"): Method {
  return (s, self, args, kwargs) => {
    const a = bind(name, args, kwargs, ["axis", "out", "keepdims", "initial", "where"]);
    // read and ignored they would give another answer than numpy's
    for (const k of ["out", "initial", "where"] as const)
      if (a[k] !== undefined && a[k] !== null)
        throw new UnsupportedError(`${name}(${k}=...) is not supported by GradLens`);
    return R.extreme(s, self, axesArg(s, a.axis, self.ndim), boolArg(a.keepdims, false), kind);
  };
}

function argExtreme(name: string, kind: "max" | "min"): Method {
  return (s, self, args, kwargs) => {
    const a = bind(name, args, kwargs, ["axis", "out", "*", "keepdims"]);
    return R.argExtreme(s, self, axisOf(s, a.axis, self.ndim), boolArg(a.keepdims, false), kind);
  };
}

function anyAll(name: string, all: boolean): Method {
  return (s, self, args, kwargs) => {
    const a = bind(name, args, kwargs, ["axis", "out", "keepdims", "*", "where"]);
    return R.anyAll(s, self, axesArg(s, a.axis, self.ndim), boolArg(a.keepdims, false), all);
  };
}

/** `a.tolist()`: nested Python lists of Python numbers (a number for a 0-d array). */
export function toList(s: NumpyState, a: NdArray): PyValue {
  const t = s.current(a);
  const v = t.values();
  if (t.ndim === 0) return pyNumber(v[0], a.dtype);
  let pos = 0;
  const build = (d: number): PyList =>
    new PyList(
      Array.from({ length: t.shape[d] }, () =>
        d === t.ndim - 1 ? pyNumber(v[pos++], a.dtype) : build(d + 1),
      ),
    );
  return build(0);
}

/** `astype(dtype)`: a copy in the new dtype (numpy casts unsafely: floats to ints truncate). */
export function astype(s: NumpyState, a: NdArray, dtype: NpDtype, copy: boolean): NdArray {
  if (dtype === a.dtype) return copy ? s.array(T.clone(s.read(a)), dtype) : a;
  const source = s.read(a);
  if (
    isFloat(a.dtype) &&
    !isFloat(dtype) &&
    dtype !== "bool" &&
    source.values().some((v) => !Number.isFinite(v))
  )
    s.fpError("invalid", "invalid value encountered in cast");
  const t = castTensor(source, a.dtype, dtype);
  return s.array(t, dtype);
}

/** `a.clip(min, max)` / `np.clip`: the bounds broadcast (arrays or numbers); the gradient passes inside. */
export function clip(
  s: NumpyState,
  a: PyValue,
  low: PyValue | undefined,
  high: PyValue | undefined,
): PyValue {
  const noLow = low === undefined || low === null;
  const noHigh = high === undefined || high === null;
  if (noLow && noHigh) throw valueError("One of max or min must be given");
  let r: PyValue = a;
  if (!noLow) r = binaryFunction(s, "maximum", r, low);
  if (!noHigh) r = binaryFunction(s, "minimum", r, high);
  return r;
}

/** `np.round(a, decimals)`: half to even at the decimal (numpy scales by 10**decimals, rounds, scales back). */
export function roundTo(s: NumpyState, a: NdArray, decimals: number): PyValue {
  const t = s.read(a);
  if (!isFloat(a.dtype)) {
    if (decimals >= 0) return s.result(T.clone(t), a.dtype);
    const f = 10 ** -decimals;
    const v = mapToFloat64(t.values(), (x) => roundHalfEven(x / f) * f);
    return s.result(T.Tensor.fromValues(v, t.shape, t.dtype), a.dtype);
  }
  const out = T.stepFunction(t, "round");
  const f = 10 ** Math.abs(decimals);
  const x = t.values();
  const data = out.storage.data;
  for (let i = 0; i < x.length; i++) {
    const scaled = decimals >= 0 ? x[i] * f : x[i] / f;
    const r = roundHalfEven(scaled);
    data[out.offset + i] = decimals >= 0 ? r / f : r * f;
  }
  if (a.dtype === "float32") roundInto(data, "float32");
  return s.result(out, a.dtype);
}

function roundHalfEven(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Math.round(x);
  return (Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r) + (x < 0 && r === 0 ? -0 : 0);
}

export const METHODS: Record<string, Method> = {
  sum: reduction("sum", (s, a, axes, k, d) => R.sum(s, a, axes, k, d)),
  mean: reduction("mean", (s, a, axes, k, d) => R.mean(s, a, axes, k, d)),
  prod: reduction("prod", (s, a, axes, k, d) => R.prod(s, a, axes, k, d)),
  max: extreme("max", "max"),
  min: extreme("min", "min"),
  argmax: argExtreme("argmax", "max"),
  argmin: argExtreme("argmin", "min"),
  var: statistics("var", false),
  std: statistics("std", true),
  any: anyAll("any", false),
  all: anyAll("all", true),
  cumsum: (s, self, args, kwargs) => {
    const a = bind("cumsum", args, kwargs, ["axis", "dtype", "out"]);
    return R.cumsum(s, self, axisOf(s, a.axis, self.ndim), dtypeArg(s, a.dtype));
  },
  reshape: (s, self, args, kwargs) => {
    const order = kwargs?.get("order");
    if (order !== undefined && order !== "C")
      throw new PyError(
        "NotImplementedError",
        "reshape(order=...) other than 'C' is not supported by GradLens",
      );
    if (args.length === 0 && kwargs?.has("shape"))
      return S.reshape(s, self, shapeArg([kwargs.get("shape")!]));
    return S.reshape(s, self, shapeArg(args));
  },
  transpose: (s, self, args) =>
    S.transpose(
      s,
      self,
      args.length === 0 || (args.length === 1 && args[0] === null) ? null : shapeArg(args),
    ),
  swapaxes: (s, self, [a1, a2]) => S.swapaxes(s, self, intOf(a1), intOf(a2)),
  repeat: (s, self, args, kwargs) => {
    const a = bind("repeat", args, kwargs, ["repeats", "axis"]);
    if (a.repeats === undefined) throw typeError("repeat() missing required argument 'repeats' (pos 1)");
    return repeat(s, self, a.repeats, a.axis === undefined || a.axis === null ? null : intOf(a.axis));
  },
  ravel: (s, self) => S.ravel(s, self),
  flatten: (s, self) => S.flatten(s, self),
  squeeze: (s, self, args, kwargs) => {
    const a = bind("squeeze", args, kwargs, ["axis"]);
    return S.squeeze(s, self, axesArg(s, a.axis, self.ndim));
  },
  astype: (s, self, args, kwargs) => {
    const a = bind("astype", args, kwargs, ["dtype", "order", "casting", "subok", "copy"]);
    const d = dtypeArg(s, a.dtype);
    if (d === undefined) throw typeError("astype() missing required argument 'dtype' (pos 1)");
    return astype(s, self, d, boolArg(a.copy, true));
  },
  copy: (s, self) => s.array(T.clone(s.read(self)), self.dtype),
  tolist: (s, self) => toList(s, self),
  item: (s, self, args) => {
    const v = s.current(self).values();
    if (args.length === 0) {
      if (v.length !== 1) throw valueError("can only convert an array of size 1 to a Python scalar");
      return pyNumber(v[0], self.dtype);
    }
    const i = intOf(args[0]);
    if (i < -v.length || i >= v.length)
      throw new PyError("IndexError", `index ${i} is out of bounds for size ${v.length}`);
    return pyNumber(v[i < 0 ? i + v.length : i], self.dtype);
  },
  dot: (s, self, [other]) => dot(s, self, other),
  clip: (s, self, args, kwargs) => {
    const a = bind("clip", args, kwargs, ["min", "max", "out"]);
    return clip(s, self, a.min, a.max);
  },
  round: (s, self, args, kwargs) => {
    const a = bind("round", args, kwargs, ["decimals", "out"]);
    return roundTo(s, self, a.decimals === undefined ? 0 : intOf(a.decimals));
  },
  fill: (s, self, [value]) => {
    s.interp.call(s.ndarrayClass.lookup("__setitem__")!, [self, new PyTuple([]), value]);
    return null;
  },
  sort: (s, self, args, kwargs) => {
    const a = bind("sort", args, kwargs, ["axis", "kind", "order"]);
    const axis = a.axis === undefined ? int(-1) : a.axis;
    const sorted = sortAlong(s, self, axis === null ? null : normalizeAxis(s, intOf(axis), self.ndim));
    s.interp.call(s.ndarrayClass.lookup("__setitem__")!, [self, new PyTuple([]), sorted]);
    return null;
  },
  argsort: (s, self, args, kwargs) => {
    const a = bind("argsort", args, kwargs, ["axis", "kind", "order"]);
    const axis = a.axis === undefined ? int(-1) : a.axis;
    return argsortAlong(s, self, axis === null ? null : normalizeAxis(s, intOf(axis), self.ndim));
  },
  nonzero: (s, self) => {
    const t = s.current(self);
    const v = t.values();
    const coords: number[][] = t.shape.map(() => []);
    const strides = t.shape.map((_, i) => t.shape.slice(i + 1).reduce((p, d) => p * d, 1));
    for (let p = 0; p < v.length; p++) {
      if (v[p] === 0) continue;
      let rest = p;
      strides.forEach((st, k) => {
        coords[k].push(Math.floor(rest / st));
        rest %= st;
      });
    }
    return new PyTuple(coords.map((c) => s.fresh(Float64Array.from(c), [c.length], "int64")));
  },
};

/** Applies a method to a value that may be a numpy scalar (as a 0-d array). */
export function callMethod(
  s: NumpyState,
  name: string,
  self: NdArray | NpScalar,
  args: PyValue[],
  kwargs: Kwargs,
): PyValue {
  const arr = self instanceof NdArray ? self : asArray(s, self);
  return METHODS[name](s, arr, args, kwargs);
}
