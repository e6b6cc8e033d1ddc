import { record } from "../autograd/gradNode";
import { isGradEnabled } from "../autograd/gradMode";
import { isSinglePrecision } from "../dtype";
import { isInteger, scalarTypeName, type DType } from "../dtype";
import { rememberedPowf } from "../../math/rememberedPowf";
import { broadcastShapes, sameShape } from "../shapeMath";
import { newStoredArray } from "../floatArray";
import { Tensor } from "../tensor";
import { runtimeError, TensorError } from "../tensorError";
import { arithmeticTensor } from "./arithmeticKernel";
import { Binary, binaryValues, castOperand, powOf } from "./binaryKernel";
import { expandValues, gradFor } from "./broadcast";
import { asTensor, floatResultType, resultType, type TensorLike } from "./operand";
import { summedProduct } from "./summedProduct";

/**
 * The arithmetic operators with broadcasting, each with its vector–Jacobian product beside it.
 * Every gradient is summed back over the dimensions its operand was broadcast along.
 */

/**
 * What a binary op's VJP reads, as PyTorch saves it: only the values the gradients that will be
 * asked for need (so `h * 5` does not mind `h` changing in place afterwards).
 */
function savedFor(a: Tensor, b: Tensor, forA: Tensor[], forB: Tensor[]): Tensor[] {
  // each tensor once, in order of first appearance (a Set's order), without the Set: made per operation
  const out: Tensor[] = [];
  if (a.requiresGrad) for (const t of forA) if (!out.includes(t)) out.push(t);
  if (b.requiresGrad) for (const t of forB) if (!out.includes(t)) out.push(t);
  return out;
}

/** The rules in words, made once: every operation of every step shares them (read-only). */
const ADD_RULES: readonly string[] = ["∂(a+b)/∂a = 1", "∂(a+b)/∂b = 1"];
const SUB_RULES: readonly string[] = ["∂(a−b)/∂a = 1", "∂(a−b)/∂b = −1"];
const MUL_RULES: readonly string[] = ["∂(a·b)/∂a = b", "∂(a·b)/∂b = a"];
const DIV_RULES: readonly string[] = ["∂(a/b)/∂a = 1/b", "∂(a/b)/∂b = −a/b²"];

function compute(code: Binary, a: Tensor, b: Tensor, dtype = resultType([a, b])): Tensor {
  if (code <= Binary.Div) {
    const x = castOperand(a, dtype);
    const y = castOperand(b, dtype);
    const fast = arithmeticTensor(code, x, y, broadcastShapes(x.shape, y.shape), dtype);
    if (fast !== null) return fast;
  }
  const { values, shape } = binaryValues(code, a, b, dtype);
  return Tensor.fromValues(values, shape, dtype);
}

export function add(x: TensorLike, y: TensorLike): Tensor {
  const a = asTensor(x);
  const b = asTensor(y);
  return record(
    compute(Binary.Add, a, b),
    "+",
    [a, b],
    (g, needs) => [needs[0] ? gradFor(g, a) : null, needs[1] ? gradFor(g, b) : null],
    ADD_RULES,
  );
}

export function sub(x: TensorLike, y: TensorLike): Tensor {
  const a = asTensor(x);
  const b = asTensor(y);
  if (a.dtype === "bool" && b.dtype === "bool")
    throw runtimeError(
      "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.",
    );
  return record(
    compute(Binary.Sub, a, b),
    "-",
    [a, b],
    (g, needs) => [needs[0] ? gradFor(g, a) : null, needs[1] ? gradFor(neg(g), b) : null],
    SUB_RULES,
  );
}

export function mul(x: TensorLike, y: TensorLike): Tensor {
  const a = asTensor(x);
  const b = asTensor(y);
  return record(
    compute(Binary.Mul, a, b),
    "*",
    [a, b],
    (g, needs) => [
      needs[0] ? (summedProduct(g, b, a) ?? gradFor(mul(g, b), a)) : null,
      needs[1] ? (summedProduct(g, a, b) ?? gradFor(mul(g, a), b)) : null,
    ],
    MUL_RULES,
    savedFor(a, b, [b], [a]),
  );
}

/** True division: integer operands give a float result, as Python's `/` and PyTorch's do. */
export function div(x: TensorLike, y: TensorLike): Tensor {
  const a = asTensor(x);
  const b = asTensor(y);
  const out = compute(Binary.Div, a, b, floatResultType([a, b]));
  return record(
    out,
    "/",
    [a, b],
    (g, needs) => [
      needs[0] ? gradFor(div(g, b), a) : null,
      // PyTorch's −g·((a/b)/b), rounded step by step as it is (not g·a/b², off by an ulp in float32).
      needs[1] ? gradFor(mul(neg(g), div(div(a, b), b)), b) : null,
    ],
    DIV_RULES,
    savedFor(a, b, [b], [a, b]),
  );
}

export function neg(x: TensorLike): Tensor {
  const a = asTensor(x);
  if (a.dtype === "bool")
    throw runtimeError(
      "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.",
    );
  const v = a.copyValues();
  for (let i = 0; i < v.length; i++) v[i] = -v[i];
  return record(Tensor.fromValues(v, a.shape, a.dtype), "neg", [a], (g) => [neg(g)], ["∂(−a)/∂a = −1"]);
}

/**
 * `a ** b`. For a number exponent the rule is k·a^(k−1) (0 when k = 0); for a tensor exponent
 * ∂/∂b = a^b·ln a, taken as 0 where a = 0 and b ≥ 0 (the limit PyTorch uses, not NaN).
 */
export function pow(x: TensorLike, y: TensorLike): Tensor {
  const a = asTensor(x);
  const b = asTensor(y);
  const dtype = resultType([a, b]);
  if (isInteger(dtype)) {
    const bv = b.values();
    for (let i = 0; i < bv.length; i++)
      if (bv[i] < 0) throw runtimeError("Integers to negative integer powers are not allowed.");
  }
  const out =
    b.isWrappedNumber && !isInteger(dtype)
      ? powByNumber(a, b.item(), dtype)
      : compute(Binary.Pow, a, b, dtype);
  if (b.isWrappedNumber) {
    const k = b.item();
    const e = formatExponent(k);
    return record(
      out,
      `**${e}`,
      [a, b],
      (g, needs) => [needs[0] ? gradFor(k === 0 ? mul(g, 0) : powGrad(g, a, k), a) : null, null],
      [`∂(a**${e})/∂a = ${e}·a**${formatExponent(k - 1)}`, "exponent: constant"],
      [a],
    );
  }
  return record(
    out,
    "**",
    [a, b],
    (g, needs) => [
      needs[0] ? gradFor(mul(g, mul(b, pow(a, sub(b, 1)))), a) : null,
      needs[1] ? gradFor(mul(g, powExponentGrad(a, b, out)), b) : null,
    ],
    ["∂(a**b)/∂a = b·a**(b−1)", "∂(a**b)/∂b = a**b·ln(a)"],
    [a, b, out],
  );
}

/**
 * g·(k·a^(k−1)), the gradient of `a ** k`, as `mul(g, mul(pow(a, k - 1), k))` computes it: when g
 * has a's float dtype and shape and nothing is recorded, both products are taken in the buffer
 * of the power (one new array instead of three), each rounded to the dtype as `mul` rounds it.
 */
function powGrad(g: Tensor, a: Tensor, k: number): Tensor {
  const float = a.dtype === "float32" || a.dtype === "float64";
  if (!float || g.dtype !== a.dtype || !sameShape(g.shape, a.shape) || isGradEnabled())
    return mul(g, mul(pow(a, k - 1), k));
  const t = pow(a, k - 1);
  const d = t.storage.data;
  const gv = g.values();
  if (isSinglePrecision(a.dtype)) {
    const kc = Math.fround(k);
    for (let i = 0; i < d.length; i++) d[i] = Math.fround(gv[i] * Math.fround(d[i] * kc));
  } else for (let i = 0; i < d.length; i++) d[i] = gv[i] * (d[i] * k);
  return t;
}

/**
 * `x ** k` for a float tensor and a number k as PyTorch's kernel computes it: k = 2 and 3 as
 * products (x·x, (x·x)·x, each rounded to the dtype), −2 as 1/(x·x), ½ as sqrt, −½ as
 * 1/sqrt, −1 as 1/x; other exponents through pow — for float32, SLEEF's powf where PyTorch's
 * loop is vectorised and the C library's (correctly rounded) where it is not.
 */
function powByNumber(a: Tensor, k: number, dtype: DType): Tensor {
  const single = isSinglePrecision(dtype);
  const r = single ? Math.fround : (v: number) => v;
  const x = castOperand(a, dtype).values();
  if (k === 2 || k === 3) {
    // the squares and cubes of polynomial models get loops of their own (no call per element),
    // into the array the tensor keeps (a Float32Array's store rounds as Math.fround does)
    const stored = newStoredArray(x.length, dtype);
    if (k === 2) for (let i = 0; i < x.length; i++) stored[i] = x[i] * x[i];
    else if (single) for (let i = 0; i < x.length; i++) stored[i] = Math.fround(x[i] * x[i]) * x[i];
    else for (let i = 0; i < x.length; i++) stored[i] = x[i] * x[i] * x[i];
    return Tensor.fromStored(stored, a.shape, dtype);
  }
  if (single && k !== -2 && k !== -1 && k !== 0.5 && k !== -0.5 && k !== 0 && k !== 1) {
    // every result is a float already, so it goes straight into the array the tensor keeps
    const stored = newStoredArray(x.length, dtype);
    const nearest =
      Number.isInteger(k) && Math.abs(k) <= 16
        ? (v: number) => Math.fround(singlePrecisionPower(v, k))
        : (v: number) => Math.fround(powOf(v, Math.fround(k)));
    if (!a.isContiguous()) for (let i = 0; i < x.length; i++) stored[i] = nearest(x[i]);
    else
      forEachVectorLoop(x.length, (from, vectorEnd, to) => {
        for (let i = from; i < vectorEnd; i++) stored[i] = rememberedPowf(x[i], k);
        for (let i = vectorEnd; i < to; i++) stored[i] = nearest(x[i]);
      });
    return Tensor.fromStored(stored, a.shape, dtype);
  }
  const f =
    k === -2
      ? (v: number) => 1 / r(v * v)
      : k === 0.5
        ? Math.sqrt
        : k === -0.5
          ? (v: number) => 1 / r(Math.sqrt(v))
          : k === -1
            ? (v: number) => 1 / v
            : single && Number.isInteger(k) && Math.abs(k) <= 16
              ? (v: number) => singlePrecisionPower(v, k)
              : (v: number) => powOf(v, r(k));
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = f(x[i]);
  return Tensor.fromValues(out, a.shape, dtype);
}

/** PyTorch's grain: an elementwise kernel over more elements than this is split among threads. */
const GRAIN_SIZE = 32768;
/** The threads PyTorch splits such a kernel among (fixed, as in openBlasSgemm.ts). */
const THREADS = 2;

/**
 * The loops PyTorch runs a contiguous float kernel of n elements in: one per thread past the
 * grain, each vectorised 16 elements at a time up to `vectorEnd`, the rest one by one. Which
 * elements are whose matters where the vector routine (SLEEF) and the scalar one (the C
 * library's, correctly rounded) give different floats.
 */
function forEachVectorLoop(n: number, loop: (from: number, vectorEnd: number, to: number) => void): void {
  const threads = n > GRAIN_SIZE ? Math.min(THREADS, Math.ceil(n / GRAIN_SIZE)) : 1;
  const chunk = Math.ceil(n / threads);
  for (let from = 0; from < n; from += chunk) {
    const to = Math.min(n, from + chunk);
    loop(from, from + Math.floor((to - from) / 16) * 16, to);
  }
}

/**
 * A float32 x to a small integer power, by products in float64: x·x is exact and each further
 * product rounds at 2^-53, so rounded to float32 it is the correctly rounded power but for a
 * chance of about 2^-28 (the same as float64 pow rounded to float32), at a fraction of its cost.
 */
function singlePrecisionPower(x: number, k: number): number {
  let result = 1;
  let base = x;
  for (let n = Math.abs(k); n > 0; n >>= 1) {
    if (n & 1) result *= base;
    if (n > 1) base *= base;
  }
  return k < 0 ? 1 / result : result;
}

function powExponentGrad(a: Tensor, b: Tensor, out: Tensor): Tensor {
  const ad = expandValues(a, out.shape);
  const bd = expandValues(b, out.shape);
  const o = out.values();
  const r = new Float64Array(o.length);
  for (let i = 0; i < r.length; i++) r[i] = ad[i] === 0 && bd[i] >= 0 ? 0 : o[i] * Math.log(ad[i]);
  return Tensor.fromValues(r, out.shape, out.dtype);
}

/** The exponent as Python would print it (2, 0.5, -1). */
function formatExponent(k: number): string {
  return String(k);
}

/** `torch.where(cond, a, b)`: a where cond is true, else b, all three broadcast together. */
export function where(cond: Tensor, x: TensorLike, y: TensorLike): Tensor {
  const a = asTensor(x);
  const b = asTensor(y);
  if (cond.dtype !== "bool")
    throw runtimeError(
      `where expected condition to be a boolean tensor, but got a tensor with dtype ${scalarTypeName(cond.dtype)}`,
    );
  const picked = selectValues(cond, a, b);
  return record(
    Tensor.fromValues(picked.values, picked.shape, resultType([a, b])),
    "where",
    [a, b],
    (g, needs) => {
      const zero = Tensor.fromValues(new Float64Array(1), [], g.dtype);
      return [
        needs[0] ? gradFor(where(cond, g, zero), a) : null,
        needs[1] ? gradFor(where(cond, zero, g), b) : null,
      ];
    },
    ["∂where(c,a,b)/∂a = 1 where c else 0", "∂where(c,a,b)/∂b = 0 where c else 1"],
    [cond],
  );
}

function selectValues(cond: Tensor, a: Tensor, b: Tensor): { values: Float64Array; shape: number[] } {
  const shape = broadcastShapes(broadcastShapes(cond.shape, a.shape), b.shape);
  const c = expandValues(cond, shape);
  const av = expandValues(a, shape);
  const bv = expandValues(b, shape);
  const out = new Float64Array(c.length);
  for (let i = 0; i < out.length; i++) out[i] = c[i] !== 0 ? av[i] : bv[i];
  return { values: out, shape };
}

/** `torch.maximum`: the larger element; a tie splits the gradient evenly, as PyTorch does. */
export function maximum(x: TensorLike, y: TensorLike): Tensor {
  return extremum(Binary.Maximum, "maximum", asTensor(x), asTensor(y));
}

export function minimum(x: TensorLike, y: TensorLike): Tensor {
  return extremum(Binary.Minimum, "minimum", asTensor(x), asTensor(y));
}

function extremum(code: Binary, op: string, a: Tensor, b: Tensor): Tensor {
  const out = compute(code, a, b);
  const pick = code === Binary.Maximum ? Binary.Gt : Binary.Lt;
  return record(
    out,
    op,
    [a, b],
    (g, needs) => {
      const aWins = Tensor.fromValues(binaryValues(pick, a, b).values, out.shape, "float64");
      const tie = Tensor.fromValues(binaryValues(Binary.Eq, a, b).values, out.shape, "float64");
      const wa = add(aWins, mul(tie, 0.5));
      return [needs[0] ? gradFor(mul(g, wa), a) : null, needs[1] ? gradFor(mul(g, sub(1, wa)), b) : null];
    },
    [`∂${op}(a,b)/∂a = 1 where a wins, ½ on ties`, `∂${op}(a,b)/∂b = 1 where b wins, ½ on ties`],
    [a, b],
  );
}

/** Integer `//` and `%` by zero raise, as PyTorch does (a float result is ±inf or NaN instead). */
function checkIntegerDivisor(b: Tensor, dtype: DType): void {
  if (isInteger(dtype) && b.values().some((v) => v === 0))
    throw new TensorError("ZeroDivisionError", "ZeroDivisionError");
}

/** `a // b`: floor division (ints stay ints; integer division by zero raises, as PyTorch does). No gradient. */
export function floorDivide(x: TensorLike, y: TensorLike): Tensor {
  const a = asTensor(x);
  const b = asTensor(y);
  const dtype = resultType([a, b]);
  checkIntegerDivisor(b, dtype);
  return record(
    compute(Binary.FloorDivide, a, b, dtype),
    "//",
    [a, b],
    (g, needs) => [needs[0] ? gradFor(mul(g, 0), a) : null, needs[1] ? gradFor(mul(g, 0), b) : null],
    ["∂(a // b)/∂a = 0 (piecewise constant)", "∂(a // b)/∂b = 0 (piecewise constant)"],
  );
}

/** `a % b` with the divisor's sign, as Python and PyTorch. ∂/∂a = 1, ∂/∂b = −floor(a/b). */
export function remainder(x: TensorLike, y: TensorLike): Tensor {
  const a = asTensor(x);
  const b = asTensor(y);
  const dtype = resultType([a, b]);
  checkIntegerDivisor(b, dtype);
  return record(
    compute(Binary.Remainder, a, b, dtype),
    "%",
    [a, b],
    (g, needs) => [
      needs[0] ? gradFor(g, a) : null,
      needs[1] ? gradFor(neg(mul(g, compute(Binary.FloorDivide, a, b, g.dtype))), b) : null,
    ],
    ["∂(a % b)/∂a = 1", "∂(a % b)/∂b = −floor(a/b)"],
    [a, b],
  );
}
