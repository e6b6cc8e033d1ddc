import { fma, fmaf } from "../math/fusedMultiplyAdd";
import { type DType, getDefaultDtype, isFloating, isSinglePrecision } from "./dtype";
import { numelOf } from "./shapeMath";
import { type Nested, Tensor } from "./tensor";
import { runtimeError, typeError, valueError } from "./tensorError";
import { armLeafMove } from "./leafMoves";

/** Making tensors: from nested lists, filled, ranges, identity, and random. */

export interface CreateOptions {
  dtype?: DType;
  requiresGrad?: boolean;
}

function finish(t: Tensor, options: CreateOptions): Tensor {
  if (options.requiresGrad === true) {
    if (!isFloating(t.dtype))
      throw runtimeError("Only Tensors of floating point and complex dtype can require gradients");
    t.requiresGrad = true;
    armLeafMove(t);
  }
  return t;
}

/** The shape of a nested list, checking it is rectangular the way PyTorch words it. */
function nestedShape(data: Nested): number[] {
  const shape: number[] = [];
  let x: Nested = data;
  while (Array.isArray(x)) {
    shape.push(x.length);
    if (x.length === 0) break;
    x = x[0];
  }
  const check = (v: Nested, d: number): void => {
    if (d === shape.length) {
      if (Array.isArray(v))
        throw valueError(`expected sequence of length ${shape[d - 1]} at dim ${d - 1} (got ${v.length})`);
      if (typeof v !== "number") throw typeError(`new(): invalid data type '${typeof v}'`);
      return;
    }
    if (!Array.isArray(v)) throw typeError(`not a sequence`);
    if (v.length !== shape[d])
      throw valueError(`expected sequence of length ${shape[d]} at dim ${d} (got ${v.length})`);
    for (const e of v) check(e, d + 1);
  };
  check(data, 0);
  return shape;
}

function flattenNested(data: Nested): number[] {
  const out: number[] = [];
  const walk = (v: Nested): void => {
    if (Array.isArray(v)) for (const e of v) walk(e);
    else out.push(v);
  };
  walk(data);
  return out;
}

/**
 * `torch.tensor(data, dtype=..., requires_grad=...)`. The interpreter knows whether Python held
 * ints, floats or bools and passes the dtype PyTorch would infer (default: the default float).
 */
export function tensor(data: Nested, options: CreateOptions = {}): Tensor {
  const shape = nestedShape(data);
  const values = Float64Array.from(flattenNested(data));
  return finish(Tensor.fromValues(values, shape, options.dtype ?? getDefaultDtype()), options);
}

export function full(shape: readonly number[], value: number, options: CreateOptions = {}): Tensor {
  checkShape(shape);
  return finish(
    Tensor.fromValues(
      new Float64Array(numelOf(shape)).fill(value),
      shape,
      options.dtype ?? getDefaultDtype(),
    ),
    options,
  );
}

function checkShape(shape: readonly number[]): void {
  for (const d of shape)
    if (!Number.isInteger(d) || d < 0)
      throw runtimeError(`Trying to create tensor with negative dimension ${d}: [${shape.join(", ")}]`);
}

export const zeros = (shape: readonly number[], options: CreateOptions = {}) => full(shape, 0, options);
export const ones = (shape: readonly number[], options: CreateOptions = {}) => full(shape, 1, options);

export const zerosLike = (t: Tensor, options: CreateOptions = {}) =>
  full(t.shape, 0, { dtype: t.dtype, ...options });
export const onesLike = (t: Tensor, options: CreateOptions = {}) =>
  full(t.shape, 1, { dtype: t.dtype, ...options });
export const fullLike = (t: Tensor, value: number, options: CreateOptions = {}) =>
  full(t.shape, value, { dtype: t.dtype, ...options });

/**
 * `torch.arange(start, end, step)`: `end` exclusive. The dtype is int64 when the interpreter
 * says all arguments were Python ints (`allInts`), else the default float.
 */
export function arange(
  start: number,
  end: number,
  step = 1,
  options: CreateOptions & { allInts?: boolean } = {},
): Tensor {
  if (step === 0) throw runtimeError("step must be nonzero");
  if ((end - start) / step < 0)
    throw runtimeError("upper bound and larger bound inconsistent with step sign");
  const n = Math.ceil((end - start) / step);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = start + i * step;
  const dtype = options.dtype ?? (options.allInts === true ? "int64" : getDefaultDtype());
  return finish(Tensor.fromValues(values, [n], dtype), options);
}

/**
 * `torch.linspace(start, end, steps)` as PyTorch's CPU kernel fills it, in the dtype's own
 * arithmetic: step = (end − start)/(steps − 1); the first half counts up from start, the second
 * down from end (so the last value is exactly end). Whole blocks of 2 × 8 floats (2 × 4 doubles)
 * go through the vector path — each block's first value start + step·i (or end − step·k) with a
 * fused multiply-add, the rest base + j·step rounded twice — and the tail element by element,
 * fused. (Past 32,768 steps PyTorch splits the work between threads, which moves the blocks.)
 */
export function linspace(start: number, end: number, steps: number, options: CreateOptions = {}): Tensor {
  if (steps < 0) throw runtimeError("number of steps must be non-negative");
  const dtype = options.dtype ?? getDefaultDtype();
  const values = new Float64Array(steps);
  if (steps === 1) values[0] = start;
  else if (steps > 1) fillLinspace(values, start, end, dtype);
  return finish(Tensor.fromValues(values, [steps], dtype), options);
}

function fillLinspace(out: Float64Array, from: number, to: number, dtype: DType): void {
  const steps = out.length;
  const single = isSinglePrecision(dtype);
  if (!isFloating(dtype)) {
    // integer dtypes step in double and truncate
    const step = (to - from) / (steps - 1);
    const half = Math.floor(steps / 2);
    for (let i = 0; i < steps; i++) out[i] = i < half ? from + step * i : to - step * (steps - i - 1);
    return;
  }
  const r = single ? Math.fround : (x: number) => x;
  const fused = single ? fmaf : fma;
  const start = r(from);
  const end = r(to);
  const step = r(r(end - start) / (steps - 1));
  const half = Math.floor(steps / 2);
  const at = (i: number) => (i < half ? fused(step, i, start) : fused(-step, steps - i - 1, end));
  const lanes = single ? 8 : 4;
  let i = 0;
  for (; i + 2 * lanes <= steps; i += 2 * lanes)
    for (const block of [i, i + lanes]) {
      const base = at(block);
      out[block] = base;
      for (let j = 1; j < lanes; j++) out[block + j] = r(base + r(j * step));
    }
  for (; i < steps; i++) out[i] = at(i);
}

/** `torch.eye(n, m)`. */
export function eye(n: number, m = n, options: CreateOptions = {}): Tensor {
  if (n < 0) throw runtimeError(`n must be greater or equal to 0, got ${n}`);
  const values = new Float64Array(n * m);
  for (let i = 0; i < Math.min(n, m); i++) values[i * m + i] = 1;
  return finish(Tensor.fromValues(values, [n, m], options.dtype ?? getDefaultDtype()), options);
}
