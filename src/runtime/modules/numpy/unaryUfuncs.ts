import { mapToFloat64 } from "../../../engine/tensor/floatArray";
import { allocFloat64 } from "../../../engine/memory";
import * as T from "../../../engine/tensor/index";
import type { Tensor } from "../../../engine/tensor/index";
import { cos as crCos, log as crLog, sin as crSin } from "../../../engine/math/correctlyRounded";
import { glibcExp } from "../../../engine/math/glibcExp";
import { glibcExpm1 } from "../../../engine/math/glibcExpm1";
import type { PyValue } from "../../interpreter/objects";
import { typeError, UnsupportedError } from "../../interpreter/pyErrors";
import { castTensor, operandOf } from "./convert";
import { checkFloatErrors } from "./fpErrors";
import type { NdArray, NpScalar } from "./ndarray";
import { isFloat, roundInto, type NpDtype } from "./npDtype";
import type { NumpyState } from "./numpyState";

/**
 * numpy's one-operand ufuncs. The float functions compute glibc's (exp, expm1), correctly rounded
 * values (log, sin, cos) or the platform's (tanh, log1p): numpy on a plain libm gives the same
 * numbers; numpy's own SIMD kernels (AVX-512) can differ in the last bit. Each is recorded
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
  | "invert";

interface FloatFunction {
  /** The engine operation that records the gradient (on float input). */
  graph: (a: Tensor) => Tensor;
  /** numpy's value of one element. */
  value: (x: number) => number;
  /** Whether an infinity from a finite input is a pole (divide by zero) rather than an overflow. */
  pole?: (x: number) => boolean;
  /** The engine's float64 values are numpy's already (the same function): not computed twice. */
  same64?: true;
}

const FLOAT_FUNCTIONS: Partial<Record<UnaryName, FloatFunction>> = {
  exp: { graph: T.exp, value: glibcExp },
  log: { graph: T.log, value: (x) => (x < 0 ? NaN : x === 0 ? -Infinity : crLog(x)), pole: (x) => x === 0 },
  log1p: { graph: (a) => T.log(T.add(a, 1)), value: Math.log1p, pole: (x) => x === -1 },
  expm1: { graph: (a) => T.sub(T.exp(a), 1), value: glibcExpm1 },
  sqrt: { graph: T.sqrt, value: Math.sqrt, same64: true },
  tanh: { graph: T.tanh, value: Math.tanh, same64: true },
  sin: { graph: T.sin, value: crSin },
  cos: { graph: T.cos, value: crCos },
  reciprocal: { graph: (a) => T.div(1, a), value: (x) => 1 / x, pole: (x) => x === 0 },
};

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
    if (!(fn.same64 && outType === "float64")) overwriteUnary(out, input, fn.value);
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
