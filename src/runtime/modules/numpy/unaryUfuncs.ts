import { mapToFloat64 } from "../../../engine/tensor/floatArray";
import { allocFloat64 } from "../../../engine/memory";
import * as T from "../../../engine/tensor/index";
import type { Tensor } from "../../../engine/tensor/index";
import { glibcExp } from "../../../engine/math/glibcExp";
import { glibcExpm1 } from "../../../engine/math/glibcExpm1";
import { glibcLog } from "../../../engine/math/glibcLog";
import { glibcLog1p } from "../../../engine/math/glibcLog1p";
import { glibcCos, glibcSin } from "../../../engine/math/glibcSinCos";
import { glibcCbrt, glibcCbrtf } from "../../../engine/math/glibcCbrt";
import { glibcExp2 } from "../../../engine/math/glibcExp2";
import { glibcExp2f } from "../../../engine/math/glibcExpf";
import { frexp } from "../../../engine/math/floatParts";
import * as E from "../../../engine/math/elementaryFunctions";
import type { PyValue } from "../../interpreter/objects";
import { typeError, UnsupportedError } from "../../interpreter/pyErrors";
import { castTensor, operandOf } from "./convert";
import { unaryGraph } from "./elementwiseGraph";
import { checkFloatErrors } from "./fpErrors";
import type { NdArray, NpScalar } from "./ndarray";
import { isFloat, roundInto, type NpDtype } from "./npDtype";
import type { NumpyState } from "./numpyState";

/**
 * numpy's one-operand ufuncs. The float functions compute glibc's (exp, expm1, log, log1p, sin,
 * cos, and in elementaryFunctions.ts tan, the inverse trigonometric and hyperbolic functions,
 * log2, log10) or the platform's (tanh): numpy on a plain libm
 * gives the same numbers; numpy's own SIMD kernels (AVX-512) can differ in the last bit, and so
 * can glibc's float32 versions, which compute in float32 where GradLens rounds the float64 value. Each is recorded
 * through the engine's operation with its gradient rule.
 */

export type UnaryName =
  | "negative"
  | "positive"
  | "absolute"
  | "sign"
  | "exp"
  | "log"
  | "log1p"
  | "expm1"
  | "sqrt"
  | "square"
  | "tanh"
  | "sin"
  | "cos"
  | "floor"
  | "ceil"
  | "rint"
  | "trunc"
  | "reciprocal"
  | "isnan"
  | "isinf"
  | "isfinite"
  | "logical_not"
  | "invert"
  | "tan"
  | "arctan"
  | "arcsin"
  | "arccos"
  | "sinh"
  | "cosh"
  | "arcsinh"
  | "arccosh"
  | "arctanh"
  | "log2"
  | "log10"
  | "deg2rad"
  | "rad2deg"
  | "exp2"
  | "cbrt"
  | "spacing"
  | "signbit"
  | "modf_fraction"
  | "frexp_mantissa";

interface FloatFunction {
  /** The engine operation that records the gradient (on float input). */
  graph: (a: Tensor) => Tensor;
  /** numpy's value of one element. */
  value: (x: number) => number;
  /** Whether an infinity from a finite input is a pole (divide by zero) rather than an overflow. */
  pole?: (x: number) => boolean;
  /** The engine's float64 values are numpy's already (the same function): not computed twice. */
  same64?: true;
  /** numpy's float32 value where it is not f rounded to float32 (a float32 constant). */
  value32?: (x: number) => number;
}

/** A function with no engine operation: its graph records d(x, f(x)) as the local derivative. */
function custom(
  name: string,
  value: (x: number) => number,
  d: (x: number, y: number) => number,
  rule: string,
  pole?: (x: number) => boolean,
): FloatFunction {
  return { graph: (a) => unaryGraph(name, a, value, d, rule), value, pole, same64: true };
}

const DEG = Math.PI / 180;
const RAD = 180 / Math.PI;
// numpy's float32 constants are computed in float32 from π in float32
const DEG32 = Math.fround(Math.fround(Math.PI) / 180);
const RAD32 = Math.fround(180 / Math.fround(Math.PI));

const FLOAT_FUNCTIONS: Partial<Record<UnaryName, FloatFunction>> = {
  exp: { graph: T.exp, value: glibcExp },
  log: { graph: T.log, value: glibcLog, pole: (x) => x === 0 },
  log1p: { graph: (a) => T.log(T.add(a, 1)), value: glibcLog1p, pole: (x) => x === -1 },
  expm1: { graph: (a) => T.sub(T.exp(a), 1), value: glibcExpm1 },
  sqrt: { graph: T.sqrt, value: Math.sqrt, same64: true },
  tanh: { graph: T.tanh, value: Math.tanh, same64: true },
  sin: { graph: T.sin, value: glibcSin },
  cos: { graph: T.cos, value: glibcCos },
  reciprocal: { graph: (a) => T.div(1, a), value: (x) => 1 / x, pole: (x) => x === 0 },
  tan: custom("tan", E.tan, (_x, y) => 1 + y * y, "∂tan(a)/∂a = 1 + tan²(a)"),
  arctan: custom("arctan", E.atan, (x) => 1 / (1 + x * x), "∂arctan(a)/∂a = 1/(1 + a²)"),
  arcsin: custom("arcsin", E.asin, (x) => 1 / Math.sqrt(1 - x * x), "∂arcsin(a)/∂a = 1/√(1 − a²)"),
  arccos: custom("arccos", E.acos, (x) => -1 / Math.sqrt(1 - x * x), "∂arccos(a)/∂a = −1/√(1 − a²)"),
  sinh: custom("sinh", E.sinh, (x) => E.cosh(x), "∂sinh(a)/∂a = cosh(a)"),
  cosh: custom("cosh", E.cosh, (x) => E.sinh(x), "∂cosh(a)/∂a = sinh(a)"),
  arcsinh: custom("arcsinh", E.asinh, (x) => 1 / Math.sqrt(x * x + 1), "∂arcsinh(a)/∂a = 1/√(a² + 1)"),
  arccosh: custom("arccosh", E.acosh, (x) => 1 / Math.sqrt(x * x - 1), "∂arccosh(a)/∂a = 1/√(a² − 1)"),
  arctanh: custom(
    "arctanh",
    E.atanh,
    (x) => 1 / (1 - x * x),
    "∂arctanh(a)/∂a = 1/(1 − a²)",
    (x) => x === 1 || x === -1,
  ),
  log2: custom(
    "log2",
    E.log2,
    (x) => 1 / (x * Math.LN2),
    "∂log2(a)/∂a = 1/(a·ln 2)",
    (x) => x === 0,
  ),
  log10: custom(
    "log10",
    E.log10,
    (x) => 1 / (x * Math.LN10),
    "∂log10(a)/∂a = 1/(a·ln 10)",
    (x) => x === 0,
  ),
  // float32 arrays take glibc's float exp2 and cbrt, which are not the float64 ones rounded
  exp2: {
    ...custom("exp2", glibcExp2, (_x, y) => y * Math.LN2, "∂exp2(a)/∂a = exp2(a)·ln 2"),
    value32: glibcExp2f,
  },
  cbrt: {
    ...custom("cbrt", glibcCbrt, (_x, y) => 1 / (3 * y * y), "∂cbrt(a)/∂a = 1/(3·cbrt(a)²)"),
    value32: glibcCbrtf,
  },
  // the distance to the next double away from zero: a step function of a, so no gradient flows
  spacing: { ...custom("spacing", spacing, () => 0, "∂spacing(a)/∂a = 0"), value32: spacing32 },
  // the first results of np.modf and np.frexp (their second ones carry no gradient)
  modf_fraction: custom("modf", modfFraction, () => 1, "∂modf(a)[0]/∂a = 1"),
  frexp_mantissa: custom(
    "frexp",
    (x) => frexp(x)[0],
    (x, y) => (x === 0 || !Number.isFinite(x) ? 1 : y / x),
    "∂frexp(a)[0]/∂a = 2^−exponent",
  ),
  // numpy multiplies by the constant in the array's own type
  deg2rad: {
    ...custom(
      "deg2rad",
      (x) => x * DEG,
      () => DEG,
      "∂deg2rad(a)/∂a = π/180",
    ),
    value32: (x) => x * DEG32,
  },
  rad2deg: {
    ...custom(
      "rad2deg",
      (x) => x * RAD,
      () => RAD,
      "∂rad2deg(a)/∂a = 180/π",
    ),
    value32: (x) => x * RAD32,
  },
};

/** C's modf fraction: x − trunc(x) with x's sign, ±0 for infinities. */
function modfFraction(x: number): number {
  if (x === Infinity || x === -Infinity) return x > 0 ? 0 : -0;
  const r = x - Math.trunc(x);
  return r === 0 && (x < 0 || Object.is(x, -0)) ? -0 : r;
}

const spacingView = new DataView(new ArrayBuffer(8));

/** numpy's spacing in float64: nextafter(x, ±inf) − x, NaN for infinities. */
function spacing(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (x === 0) return 5e-324; // -0 too
  spacingView.setFloat64(0, x);
  const bits = spacingView.getBigUint64(0);
  if ((bits & 0x7fffffffffffffffn) === 0x7fefffffffffffffn) return x < 0 ? -Infinity : Infinity;
  spacingView.setBigUint64(0, bits + 1n);
  return spacingView.getFloat64(0) - x;
}

/** The same in float32. */
function spacing32(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (x === 0) return 2 ** -149;
  spacingView.setFloat32(0, x);
  const bits = spacingView.getUint32(0);
  if ((bits & 0x7fffffff) === 0x7f7fffff) return x < 0 ? -Infinity : Infinity;
  spacingView.setUint32(0, bits + 1);
  return spacingView.getFloat32(0) - x;
}

function overwriteUnary(out: Tensor, input: Tensor, f: (x: number) => number): void {
  const x = input.values();
  const data = out.storage.data;
  for (let i = 0; i < x.length; i++) data[out.offset + i] = f(x[i]);
}

/** A float function's result dtype: floats keep theirs, integers compute in float64. */
function floatOut(d: NpDtype, name: string): NpDtype {
  if (isFloat(d)) return d;
  if (d === "bool")
    throw new UnsupportedError(
      `np.${name} of a bool array gives float16 in numpy, which GradLens does not support; convert with .astype(float) first`,
    );
  return "float64";
}

/** `np.<name>(x)`: an array, or a numpy scalar for a 0-d result. */
export function unary(s: NumpyState, name: UnaryName, x: PyValue): NdArray | NpScalar {
  const o = operandOf(s, x);
  if (o === null)
    throw typeError(
      `ufunc '${name}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''`,
    );
  const d = o.dtype;
  const t = o.tensor;
  const fn = FLOAT_FUNCTIONS[name];
  if (fn !== undefined) {
    const outType = floatOut(d, name);
    const input = castTensor(t, d, outType);
    const out = fn.graph(input);
    if (outType === "float32" && fn.value32 !== undefined) overwriteUnary(out, input, fn.value32);
    else if (!(fn.same64 && outType === "float64")) overwriteUnary(out, input, fn.value);
    if (outType === "float32") roundInto(out.storage.data, "float32");
    checkFloatErrors(s, name, out, [input], fn.pole ? (r, i) => fn.pole!(r[0](i)) : null);
    return s.result(out, outType);
  }
  switch (name) {
    case "negative":
      if (d === "bool")
        throw typeError(
          "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.",
        );
      return s.result(wrapInt(T.neg(t), d), d);
    case "positive":
      return s.result(T.clone(t), d);
    case "absolute": {
      const out = T.abs(t);
      return s.result(wrapInt(out, d), d);
    }
    case "sign":
      return s.result(T.stepFunction(t, "sign"), d);
    case "square": {
      if (d === "bool") return s.result(T.clone(t), d);
      const out = T.pow(t, T.scalar(2, "int"));
      overwriteUnary(out, t, (v) => v * v);
      if (d === "float32") roundInto(out.storage.data, "float32");
      if (isFloat(d)) checkFloatErrors(s, name, out, [t], null);
      return s.result(wrapInt(out, d), d);
    }
    case "floor":
    case "ceil":
    case "rint":
    case "trunc": {
      const outType = floatOut(d === "bool" ? "int64" : d, name);
      const input = castTensor(t, d, outType);
      return s.result(T.stepFunction(input, name === "rint" ? "round" : name), outType);
    }
    case "signbit":
      if (!isFloat(d))
        return s.result(
          boolOf(t, (v) => v < 0),
          "bool",
        );
      return s.result(
        boolOf(t, (v) => v < 0 || Object.is(v, -0)),
        "bool",
      );
    case "isnan":
    case "isinf":
    case "isfinite": {
      const test =
        name === "isnan"
          ? (v: number) => v !== v
          : name === "isinf"
            ? (v: number) => v === Infinity || v === -Infinity
            : (v: number) => Number.isFinite(v);
      return s.result(boolOf(t, test), "bool");
    }
    case "logical_not":
      return s.result(
        boolOf(t, (v) => v === 0),
        "bool",
      );
    case "invert":
      if (d === "bool")
        return s.result(
          boolOf(t, (v) => v === 0),
          "bool",
        );
      if (isFloat(d))
        throw typeError(
          "ufunc 'invert' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''",
        );
      return s.result(
        T.Tensor.fromValues(
          mapToFloat64(t.values(), (v) => -v - 1),
          t.shape,
          t.dtype,
        ),
        d,
      );
  }
  throw new UnsupportedError(`np.${name} is not supported by GradLens`);
}

/** np.frexp's second result: the exponents as int32 (0 for zeros, infinities and NaN). */
export function frexpExponents(s: NumpyState, x: PyValue): NdArray | NpScalar {
  const o = operandOf(s, x);
  if (o === null)
    throw typeError(
      "ufunc 'frexp' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''",
    );
  floatOut(o.dtype, "frexp");
  const v = o.tensor.values();
  const out = allocFloat64(v.length);
  for (let i = 0; i < v.length; i++) out[i] = frexp(v[i])[1];
  return s.result(T.Tensor.fromValues(out, o.tensor.shape, "int32"), "int32");
}

function boolOf(t: Tensor, test: (v: number) => boolean): Tensor {
  const v = t.values();
  const out = allocFloat64(v.length);
  for (let i = 0; i < v.length; i++) out[i] = test(v[i]) ? 1 : 0;
  return T.Tensor.fromValues(out, t.shape, "bool");
}

function wrapInt(t: Tensor, d: NpDtype): Tensor {
  if (d === "int32" || d === "uint8") roundInto(t.storage.data, d);
  return t;
}
