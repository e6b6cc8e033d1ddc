import { type DType, getDefaultDtype, isFloating } from "./dtype";
import { numelOf } from "./shapeMath";
import { type Nested, Tensor } from "./tensor";
import { runtimeError, typeError, valueError } from "./tensorError";

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

/** `torch.linspace(start, end, steps)`. */
export function linspace(start: number, end: number, steps: number, options: CreateOptions = {}): Tensor {
  if (steps < 0) throw runtimeError("number of steps must be non-negative");
  const values = new Float64Array(steps);
  const step = steps > 1 ? (end - start) / (steps - 1) : 0;
  // PyTorch fills the two halves from both ends so the last value is exactly `end`.
  const half = Math.floor(steps / 2);
  for (let i = 0; i < steps; i++) values[i] = i < half ? start + step * i : end - step * (steps - 1 - i);
  return finish(Tensor.fromValues(values, [steps], options.dtype ?? getDefaultDtype()), options);
}

/** `torch.eye(n, m)`. */
export function eye(n: number, m = n, options: CreateOptions = {}): Tensor {
  if (n < 0) throw runtimeError(`n must be greater or equal to 0, got ${n}`);
  const values = new Float64Array(n * m);
  for (let i = 0; i < Math.min(n, m); i++) values[i * m + i] = 1;
  return finish(Tensor.fromValues(values, [n, m], options.dtype ?? getDefaultDtype()), options);
}
