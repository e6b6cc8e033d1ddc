import { record } from "../autograd/gradNode";
import { isSinglePrecision } from "../dtype";
import { type DType, getDefaultDtype, isFloating, isInteger, scalarTypeName } from "../dtype";
import { cos as crCos, sin as crSin } from "../../math/correctlyRounded";
import { cosf, expf, logf, sinf } from "../../math/sleefFloat";
import { Tensor } from "../tensor";
import { runtimeError } from "../tensorError";
import { div, mul } from "./elementwise";

/** Elementwise math functions, each with its local-gradient rule beside it. */

/** `f` applied to every element, row-major, as a new array. */
export function mapValues(a: Tensor, f: (x: number) => number): Float64Array {
  const v = a.copyValues();
  for (let i = 0; i < v.length; i++) v[i] = f(v[i]);
  return v;
}

/** Elementwise `f(a[i], b[i])` of two same-shape tensors. */
export function zipValues(a: Tensor, b: Tensor, f: (x: number, y: number) => number): Float64Array {
  const v = a.copyValues();
  const w = b.values();
  for (let i = 0; i < v.length; i++) v[i] = f(v[i], w[i]);
  return v;
}

function floatType(a: Tensor): DType {
  return isFloating(a.dtype) ? a.dtype : getDefaultDtype();
}

/** f for a float64 result; PyTorch's SLEEF routine (see math/sleefFloat) for a float32 one. */
function byType(a: Tensor, double: (x: number) => number, single: (x: number) => number): Float64Array {
  return mapValues(a, isSinglePrecision(floatType(a)) ? single : double);
}

export function exp(a: Tensor): Tensor {
  const out = Tensor.fromValues(byType(a, Math.exp, expf), a.shape, floatType(a));
  return record(out, "exp", [a], (g) => [mul(g, out)], ["∂exp(a)/∂a = exp(a)"], [out]);
}

/** Natural log; log(0) = −inf and log(x<0) = NaN, as tensors do (no exception). */
export function log(a: Tensor): Tensor {
  const out = Tensor.fromValues(byType(a, Math.log, logf), a.shape, floatType(a));
  return record(out, "log", [a], (g) => [div(g, a)], ["∂log(a)/∂a = 1/a"], [a]);
}

/** Base-10 log; its rule divides by a·ln 10, as PyTorch's does. */
export function log10(a: Tensor): Tensor {
  const out = Tensor.fromValues(mapValues(a, Math.log10), a.shape, floatType(a));
  return record(out, "log10", [a], (g) => [div(g, mul(a, Math.LN10))], ["∂log10(a)/∂a = 1/(a·ln 10)"], [a]);
}

export function sqrt(a: Tensor): Tensor {
  const out = Tensor.fromValues(mapValues(a, Math.sqrt), a.shape, floatType(a));
  return record(out, "sqrt", [a], (g) => [div(g, mul(out, 2))], ["∂√a/∂a = 1/(2√a)"], [out]);
}

export function abs(a: Tensor): Tensor {
  const out = Tensor.fromValues(mapValues(a, Math.abs), a.shape, a.dtype);
  return record(
    out,
    "abs",
    [a],
    (g) => [
      Tensor.fromValues(
        zipValues(g, a, (gi, x) => (x > 0 ? gi : x < 0 ? -gi : 0)),
        a.shape,
        g.dtype,
      ),
    ],
    ["∂|a|/∂a = sign(a)"],
    [a],
  );
}

/** `clamp(min, max)`: the gradient passes where min ≤ a ≤ max, PyTorch's inclusive mask. */
export function clamp(a: Tensor, min: number | null, max: number | null): Tensor {
  if (min === null && max === null)
    throw runtimeError("torch.clamp: At least one of 'min' or 'max' must not be None");
  const lo = min ?? -Infinity;
  const hi = max ?? Infinity;
  const dtype =
    isFloating(a.dtype) || (Number.isInteger(lo) && Number.isInteger(hi)) ? a.dtype : getDefaultDtype();
  const out = Tensor.fromValues(
    mapValues(a, (x) => (x !== x ? x : Math.min(Math.max(x, lo), hi))),
    a.shape,
    dtype,
  );
  return record(
    out,
    "clamp",
    [a],
    (g) => [
      Tensor.fromValues(
        zipValues(g, a, (gi, x) => (x >= lo && x <= hi ? gi : 0)),
        a.shape,
        g.dtype,
      ),
    ],
    [`∂clamp(a, ${min ?? "None"}, ${max ?? "None"})/∂a = 1 inside the range, else 0`],
    [a],
  );
}

/** `x.to(dtype)` / `.float()` / `.double()` / `.long()`: a copy in another type; gradients flow between float types. */
export function cast(a: Tensor, dtype: DType): Tensor {
  if (dtype === a.dtype) return a;
  let values = a.copyValues();
  if (isInteger(dtype)) values = values.map((x) => (x !== x || !Number.isFinite(x) ? 0 : Math.trunc(x)));
  const out = Tensor.fromValues(values, a.shape, dtype);
  if (!isFloating(dtype)) return out;
  return record(
    out,
    `to(${scalarTypeName(dtype)})`,
    [a],
    (g) => [isFloating(a.dtype) ? Tensor.fromValues(g.copyValues(), a.shape, a.dtype) : g],
    ["∂a/∂a = 1 (type conversion)"],
  );
}

export function sin(a: Tensor): Tensor {
  const out = Tensor.fromValues(
    byType(a, Math.sin, (x) => sinf(x, crSin)),
    a.shape,
    floatType(a),
  );
  return record(
    out,
    "sin",
    [a],
    (g) => [
      Tensor.fromValues(
        zipValues(g, a, (gi, x) => gi * Math.cos(x)),
        a.shape,
        g.dtype,
      ),
    ],
    ["∂sin(a)/∂a = cos(a)"],
    [a],
  );
}

export function cos(a: Tensor): Tensor {
  const out = Tensor.fromValues(
    byType(a, Math.cos, (x) => cosf(x, crCos)),
    a.shape,
    floatType(a),
  );
  return record(
    out,
    "cos",
    [a],
    (g) => [
      Tensor.fromValues(
        zipValues(g, a, (gi, x) => -gi * Math.sin(x)),
        a.shape,
        g.dtype,
      ),
    ],
    ["∂cos(a)/∂a = −sin(a)"],
    [a],
  );
}

/** Round half to even, as torch.round does. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

const STEP_FUNCTIONS: Record<string, (x: number) => number> = {
  floor: Math.floor,
  ceil: Math.ceil,
  round: roundHalfEven,
  trunc: Math.trunc,
  sign: (x) => (x !== x ? x : Math.sign(x) + 0),
};

/** floor, ceil, round, trunc, sign: piecewise constant, so their gradient is 0 (as PyTorch defines it). */
export function stepFunction(a: Tensor, name: "floor" | "ceil" | "round" | "trunc" | "sign"): Tensor {
  const out = Tensor.fromValues(mapValues(a, STEP_FUNCTIONS[name]), a.shape, a.dtype);
  return record(out, name, [a], (g) => [Tensor.fromValues(new Float64Array(g.numel), a.shape, g.dtype)], [
    `∂${name}(a)/∂a = 0`,
  ]);
}
