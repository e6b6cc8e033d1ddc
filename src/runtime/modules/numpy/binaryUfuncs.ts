import { allocFloat64 } from "../../../engine/memory";
import * as T from "../../../engine/tensor/index";
import type { Tensor } from "../../../engine/tensor/index";
import { glibcExp } from "../../../engine/math/glibcExp";
import { glibcLog1p } from "../../../engine/math/glibcLog1p";
import { glibcPow } from "../../../engine/math/glibcPow";
import { glibcExp2 } from "../../../engine/math/glibcExp2";
import { ldexp, nextafter, nextafter32 } from "../../../engine/math/floatParts";
import * as E from "../../../engine/math/elementaryFunctions";
import { NotImplemented, type PyValue } from "../../interpreter/objects";
import { typeError, UnsupportedError, valueError } from "../../interpreter/pyErrors";
import { typeName } from "../../interpreter/stringify";
import { operandIn, operandOf, pairDtype, type Operand } from "./convert";
import { binaryGraph } from "./elementwiseGraph";
import { checkFloatErrors } from "./fpErrors";
import type { NdArray, NpScalar } from "./ndarray";
import { checkBroadcastPair, expandTo } from "./broadcastValues";
import { isFloat, roundInto, type NpDtype } from "./npDtype";
import type { NumpyState } from "./numpyState";
import { COMPARISON_OPS, float64ScalarBinary } from "./scalarArithmetic";

/**
 * numpy's two-operand ufuncs: broadcasting, numpy 1.24's type promotion (value-based), numpy's
 * integer and float semantics (`1/0` is inf with a warning; integer `//` and `%` by zero give
 * 0), each computed through the engine's operation of the same meaning so it is recorded with
 * its gradient rule — where numpy's numbers differ from the engine's kernel (power, floor
 * division), the result's values are numpy's.
 */

export type BinaryName =
  | "add"
  | "subtract"
  | "multiply"
  | "divide"
  | "floor_divide"
  | "remainder"
  | "power"
  | "maximum"
  | "minimum"
  | "equal"
  | "not_equal"
  | "less"
  | "less_equal"
  | "greater"
  | "greater_equal"
  | "logical_and"
  | "logical_or"
  | "logical_xor"
  | "bitwise_and"
  | "bitwise_or"
  | "bitwise_xor"
  | "arctan2"
  | "hypot"
  | "logaddexp"
  | "logaddexp2"
  | "fmod"
  | "copysign"
  | "nextafter"
  | "heaviside"
  | "fmax"
  | "fmin"
  | "float_power"
  | "ldexp"
  | "gcd"
  | "lcm"
  | "left_shift"
  | "right_shift";

/** Float functions: integer operands compute in float64 (bool ones in float16, which GradLens lacks). */
const FLOAT_ONLY: ReadonlySet<BinaryName> = new Set([
  "arctan2",
  "hypot",
  "logaddexp",
  "logaddexp2",
  "copysign",
  "nextafter",
  "heaviside",
]);

/** Integer functions: numpy has no float loop for them. */
const INT_ONLY: ReadonlySet<BinaryName> = new Set(["gcd", "lcm", "left_shift", "right_shift"]);

const COMPARISONS: Partial<Record<BinaryName, (a: Tensor, b: Tensor) => Tensor>> = COMPARISON_OPS;

/** The dtype an operation computes in (numpy's errors for operand types it has no loop for). */
function computeDtype(name: BinaryName, a: Operand, b: Operand): NpDtype {
  const common = pairDtype(a, b);
  if ((name === "gcd" || name === "lcm") && isFloat(common))
    throw typeError(
      `ufunc '${name}' did not contain a loop with signature matching types (<class 'numpy.dtype[${a.dtype}]'>, <class 'numpy.dtype[${b.dtype}]'>) -> None`,
    );
  if (INT_ONLY.has(name) && isFloat(common))
    throw typeError(
      `ufunc '${name}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''`,
    );
  switch (name) {
    case "float_power":
      return "float64";
    case "ldexp":
      if (isFloat(b.dtype))
        throw typeError(
          "ufunc 'ldexp' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''",
        );
      return isFloat(a.dtype) ? a.dtype : "float64";
    case "arctan2":
    case "hypot":
    case "logaddexp":
    case "logaddexp2":
    case "copysign":
    case "nextafter":
    case "heaviside":
      if (common === "bool")
        throw new UnsupportedError(
          `np.${name} of bool arrays gives float16 in numpy, which GradLens does not support; convert with .astype(float) first`,
        );
      return isFloat(common) ? common : "float64";
    case "divide":
      return isFloat(common) ? common : "float64";
    case "subtract":
      if (common === "bool")
        throw typeError(
          "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.",
        );
      return common;
    case "bitwise_and":
    case "bitwise_or":
    case "bitwise_xor":
      if (isFloat(common))
        throw typeError(
          `ufunc '${name}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''`,
        );
      return common;
    default:
      return common;
  }
}

/** The dtype of an operation's result: bool for comparisons and logical operations, else the computing one. */
function outDtype(name: BinaryName, computed: NpDtype): NpDtype {
  if (name === "logical_and" || name === "logical_or" || name === "logical_xor") return "bool";
  return name in COMPARISONS ? "bool" : computed;
}

/** The name numpy's warnings give the operation: `scalar divide` for scalar arithmetic. */
function label(name: BinaryName, a: Operand, b: Operand): string {
  return a.scalar && b.scalar ? `scalar ${name}` : name;
}

/** numpy's float floor division: C's fmod-based divmod, inf or NaN for a zero divisor. */
export function floorDivideFloat(a: number, b: number): number {
  if (b === 0) return a / b;
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  if (div === 0) return Object.is(a / b, -0) || a / b < 0 ? -0 : 0;
  let floorDiv = Math.floor(div);
  if (div - floorDiv > 0.5) floorDiv += 1;
  return floorDiv;
}

/** numpy's float remainder (the divisor's sign), NaN for a zero divisor. */
export function remainderFloat(a: number, b: number): number {
  if (b === 0) return NaN;
  let mod = a % b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) mod += b;
  } else mod = b < 0 ? -0 : 0;
  return mod;
}

/** Integer floor division: exact for safe integers; 0 for a zero divisor (numpy warns). */
function floorDivideInt(a: number, b: number): number {
  if (b === 0) return 0;
  let q = Math.floor(a / b);
  const r = a - q * b;
  if (b > 0 ? r < 0 : r > 0) q -= 1;
  else if (b > 0 ? r >= b : r <= b) q += 1;
  return q + 0;
}

function remainderInt(a: number, b: number): number {
  if (b === 0) return 0;
  let r = a % b;
  if (r !== 0 && r < 0 !== b < 0) r += b;
  return r + 0;
}

function powerInt(a: number, b: number): number {
  if (b < 0) throw valueError("Integers to negative integer powers are not allowed.");
  let result = 1;
  let base = a;
  for (let e = b; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result *= base;
    base *= base;
  }
  return result;
}

/** numpy's logaddexp: the larger plus log1p(exp(−|a − b|)), ln 2 added to equal operands. */
function logaddexp(x: number, y: number): number {
  if (x === y) return x + Math.LN2;
  const d = x - y;
  if (d > 0) return x + glibcLog1p(glibcExp(-d));
  if (d <= 0) return y + glibcLog1p(glibcExp(d));
  return d;
}

const LOG2E = 1.442695040888963407359924681001892137;

/** numpy's logaddexp2: the larger plus log2(1 + 2^−|a − b|), 1 added to equal operands. */
function logaddexp2(x: number, y: number): number {
  if (x === y) return x + 1;
  const d = x - y;
  if (d > 0) return x + LOG2E * glibcLog1p(glibcExp2(-d));
  if (d <= 0) return y + LOG2E * glibcLog1p(glibcExp2(d));
  return d;
}

/** C's copysign. */
function copysign(x: number, y: number): number {
  const ax = Math.abs(x);
  return y < 0 || Object.is(y, -0) ? -ax : ax; // a NaN's sign bit is not kept by GradLens
}

/** numpy's heaviside: 0 below zero, the second operand at zero, 1 above, NaN for NaN. */
function heaviside(x: number, h: number): number {
  if (x < 0) return 0;
  if (x > 0) return 1;
  return x === 0 ? h : x;
}

/** C's fmax/fmin: a NaN operand loses to a number. */
function fmax(x: number, y: number): number {
  if (x !== x) return y;
  if (y !== y) return x;
  return x >= y ? x : y;
}

function fmin(x: number, y: number): number {
  if (x !== x) return y;
  if (y !== y) return x;
  return x <= y ? x : y;
}

/** C's integer % (the dividend's sign); 0 for a zero divisor, as numpy gives (with a warning). */
function fmodInt(a: number, b: number): number {
  return b === 0 ? 0 : (a % b) + 0;
}

function gcdInt(a: number, b: number): number {
  let x = BigInt(Math.abs(a));
  let y = BigInt(Math.abs(b));
  while (y) [x, y] = [y, x % y];
  return Number(x);
}

function lcmInt(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  const g = BigInt(gcdInt(a, b));
  return Number(BigInt.asIntN(64, (BigInt(Math.abs(a)) / g) * BigInt(Math.abs(b))));
}

/** int64 shifts: past 63 bits a left shift gives 0 and a right shift the sign. */
function leftShift(a: number, b: number): number {
  if (b < 0 || b > 63) return 0;
  return Number(BigInt.asIntN(64, BigInt(a) << BigInt(b)));
}

function rightShift(a: number, b: number): number {
  if (b < 0 || b > 63) return a < 0 ? -1 : 0;
  return Number(BigInt(a) >> BigInt(b));
}

/** Replaces a fresh result's values, elementwise from its broadcast operands. */
function overwrite(out: Tensor, a: Tensor, b: Tensor, f: (x: number, y: number) => number): void {
  if (b.numel === 1 && a.numel === out.numel) {
    // one number on the right (`x ** 2`): not repeated out to the result's shape first
    const data = out.storage.data;
    const av = a.values();
    const y = b.storage.data[b.offset];
    for (let i = 0; i < av.length; i++) data[out.offset + i] = f(av[i], y);
    return;
  }
  const av = expandTo(a, out.shape);
  const bv = expandTo(b, out.shape);
  const data = out.storage.data;
  for (let i = 0; i < av.length; i++) data[out.offset + i] = f(av[i], bv[i]);
}

/** A fresh, zero-filled result of the operands' broadcast shape (for kernels GradLens writes itself). */
function blank(a: Tensor, b: Tensor, dtype: Tensor["dtype"]): Tensor {
  const shape = T.broadcastShapes(a.shape, b.shape);
  return T.Tensor.fromValues(allocFloat64(shape.reduce((p, d) => p * d, 1)), shape, dtype);
}

/** Computes `name(a, b)` in `compute` dtype; returns the result tensor (a fresh one). */
function compute(
  s: NumpyState,
  name: BinaryName,
  a: Tensor,
  b: Tensor,
  dtype: NpDtype,
  where: string,
): Tensor {
  const float = isFloat(dtype);
  let out: Tensor;
  switch (name) {
    case "add":
      out = T.add(a, b);
      break;
    case "subtract":
      out = T.sub(a, b);
      break;
    case "multiply":
      out = T.mul(a, b);
      break;
    case "divide":
      out = T.div(a, b);
      checkFloatErrors(s, where, out, [a, b], (r, i) => r[1](i) === 0);
      return out;
    case "floor_divide":
    case "remainder": {
      const floor = name === "floor_divide";
      if (float) {
        out = floor ? T.floorDivide(a, b) : T.remainder(a, b);
        overwrite(out, a, b, floor ? floorDivideFloat : remainderFloat);
        checkFloatErrors(s, where, out, [a, b], (r, i) => r[1](i) === 0);
      } else {
        out = blank(a, b, a.dtype);
        overwrite(out, a, b, floor ? floorDivideInt : remainderInt);
        if (b.values().some((v) => v === 0)) s.fpError("divide", `divide by zero encountered in ${where}`);
      }
      break;
    }
    case "power":
      if (float) {
        out = T.pow(a, b);
        overwrite(out, a, b, glibcPow);
        checkFloatErrors(s, where, out, [a, b], (r, i) => r[0](i) === 0 && r[1](i) < 0);
        break;
      }
      out = blank(a, b, a.dtype);
      overwrite(out, a, b, dtype === "bool" ? (x, y) => (x !== 0 || y === 0 ? 1 : 0) : powerInt);
      break;
    case "maximum":
      out = T.maximum(a, b);
      break;
    case "minimum":
      out = T.minimum(a, b);
      break;
    case "logical_and":
    case "logical_or":
    case "logical_xor": {
      out = blank(a, b, "bool");
      const f =
        name === "logical_and"
          ? (x: number, y: number) => (x !== 0 && y !== 0 ? 1 : 0)
          : name === "logical_or"
            ? (x: number, y: number) => (x !== 0 || y !== 0 ? 1 : 0)
            : (x: number, y: number) => ((x !== 0) !== (y !== 0) ? 1 : 0);
      overwrite(out, a, b, f);
      return out;
    }
    case "arctan2":
      out = binaryGraph(
        "arctan2",
        a,
        b,
        E.atan2,
        (x, y) => y / (x * x + y * y),
        (x, y) => -x / (x * x + y * y),
        ["∂arctan2(a, b)/∂a = b/(a² + b²)", "∂arctan2(a, b)/∂b = −a/(a² + b²)"],
      );
      break;
    case "hypot":
      out = binaryGraph(
        "hypot",
        a,
        b,
        E.hypot,
        (x, _y, z) => x / z,
        (_x, y, z) => y / z,
        ["∂hypot(a, b)/∂a = a/hypot(a, b)", "∂hypot(a, b)/∂b = b/hypot(a, b)"],
      );
      break;
    case "logaddexp":
      out = binaryGraph(
        "logaddexp",
        a,
        b,
        logaddexp,
        (x, _y, z) => glibcExp(x - z),
        (_x, y, z) => glibcExp(y - z),
        ["∂logaddexp(a, b)/∂a = exp(a − logaddexp(a, b))", "∂logaddexp(a, b)/∂b = exp(b − logaddexp(a, b))"],
      );
      break;
    case "logaddexp2":
      out = binaryGraph(
        "logaddexp2",
        a,
        b,
        logaddexp2,
        (x, _y, z) => glibcExp2(x - z),
        (_x, y, z) => glibcExp2(y - z),
        [
          "∂logaddexp2(a, b)/∂a = 2^(a − logaddexp2(a, b))",
          "∂logaddexp2(a, b)/∂b = 2^(b − logaddexp2(a, b))",
        ],
      );
      break;
    case "fmod":
      if (!float) {
        out = blank(a, b, a.dtype);
        overwrite(out, a, b, fmodInt);
        if (b.values().some((v) => v === 0)) s.fpError("divide", `divide by zero encountered in ${where}`);
        break;
      }
      out = binaryGraph(
        "fmod",
        a,
        b,
        (x, y) => x % y,
        () => 1,
        (x, y) => -Math.trunc(x / y),
        ["∂fmod(a, b)/∂a = 1", "∂fmod(a, b)/∂b = −trunc(a/b)"],
      );
      break;
    case "copysign":
      out = binaryGraph(
        "copysign",
        a,
        b,
        copysign,
        (x, _y, z) => (x === 0 ? 0 : z / x),
        () => 0,
        ["∂copysign(a, b)/∂a = ±1 (1 where the signs agree)", "∂copysign(a, b)/∂b = 0"],
      );
      break;
    case "nextafter":
      out = binaryGraph(
        "nextafter",
        a,
        b,
        dtype === "float32" ? nextafter32 : nextafter,
        () => 1,
        () => 0,
        ["∂nextafter(a, b)/∂a = 1", "∂nextafter(a, b)/∂b = 0"],
      );
      break;
    case "heaviside":
      out = binaryGraph(
        "heaviside",
        a,
        b,
        heaviside,
        () => 0,
        (x) => (x === 0 ? 1 : 0),
        ["∂heaviside(a, h)/∂a = 0", "∂heaviside(a, h)/∂h = 1 where a = 0"],
      );
      break;
    case "fmax":
    case "fmin": {
      const f = name === "fmax" ? fmax : fmin;
      out = binaryGraph(
        name,
        a,
        b,
        f,
        (x, y, z) => (Object.is(z, x) && !(y === x && !Number.isNaN(x)) ? 1 : y === x ? 0.5 : 0),
        (x, y, z) => (Object.is(z, y) && !(y === x && !Number.isNaN(x)) ? 1 : y === x ? 0.5 : 0),
        [`∂${name}(a, b)/∂a = 1 where a is chosen`, `∂${name}(a, b)/∂b = 1 where b is chosen`],
      );
      if (!float) return out;
      break;
    }
    case "float_power":
      out = T.pow(a, b);
      overwrite(out, a, b, glibcPow);
      checkFloatErrors(s, where, out, [a, b], (r, i) => r[0](i) === 0 && r[1](i) < 0);
      return out;
    case "ldexp":
      out = binaryGraph(
        "ldexp",
        a,
        b,
        (x, n) => ldexp(x, n),
        (_x, n) => 2 ** n,
        () => 0,
        ["∂ldexp(a, n)/∂a = 2^n", "∂ldexp(a, n)/∂n = 0 (an integer)"],
      );
      break;
    case "gcd":
    case "lcm":
    case "left_shift":
    case "right_shift": {
      out = blank(a, b, a.dtype);
      const f = { gcd: gcdInt, lcm: lcmInt, left_shift: leftShift, right_shift: rightShift }[name];
      overwrite(out, a, b, f);
      if (dtype === "int32" || dtype === "uint8") roundInto(out.storage.data, dtype);
      return out;
    }
    case "bitwise_and":
      return T.bitwiseAnd(a, b);
    case "bitwise_or":
      return T.bitwiseOr(a, b);
    case "bitwise_xor":
      return T.bitwiseXor(a, b);
    default:
      return COMPARISONS[name]!(a, b);
  }
  if (dtype === "float32" && (FLOAT_ONLY.has(name) || name === "fmod" || name === "ldexp"))
    roundInto(out.storage.data, "float32");
  if (float && name !== "power" && name !== "floor_divide" && name !== "remainder")
    checkFloatErrors(s, where, out, [a, b], null);
  if (dtype === "int32" || dtype === "uint8") roundInto(out.storage.data, dtype);
  return out;
}

/**
 * `np.<name>(x, y)` (and the operators): the result array, or a numpy scalar when it has no
 * dimensions; NotImplemented when an operand is nothing numpy would read as an array (so the
 * other operand's reflected operator gets its turn).
 */
export function binary(
  s: NumpyState,
  name: BinaryName,
  x: PyValue,
  y: PyValue,
): NdArray | NpScalar | typeof NotImplemented {
  const scalar = float64ScalarBinary(s, name, x, y);
  if (scalar !== null) return scalar;
  const a = operandOf(s, x);
  const b = operandOf(s, y);
  if (a === null || b === null) return NotImplemented;
  return binaryOperands(s, name, a, b);
}

export function binaryOperands(s: NumpyState, name: BinaryName, a: Operand, b: Operand): NdArray | NpScalar {
  const { tensor, dtype } = binaryTensor(s, name, a, b);
  return s.result(tensor, dtype);
}

/** The result of `name(a, b)` as a tensor and its dtype, not yet made a Python value. */
export function binaryTensor(
  s: NumpyState,
  name: BinaryName,
  a: Operand,
  b: Operand,
): { tensor: Tensor; dtype: NpDtype } {
  checkBroadcastPair(a.tensor.shape, b.tensor.shape);
  const dtype = computeDtype(name, a, b);
  const ta = operandIn(s, a, dtype);
  const tb = operandIn(s, b, dtype);
  return { tensor: compute(s, name, ta, tb, dtype, label(name, a, b)), dtype: outDtype(name, dtype) };
}

/** The function form's error for operands numpy cannot read (`np.add(1, "a")`). */
export function binaryFunction(s: NumpyState, name: BinaryName, x: PyValue, y: PyValue): NdArray | NpScalar {
  const r = binary(s, name, x, y);
  if (r === NotImplemented)
    throw typeError(
      `ufunc '${name}' did not contain a loop with signature matching types (${typeName(x)}, ${typeName(y)})`,
    );
  return r as NdArray | NpScalar;
}
