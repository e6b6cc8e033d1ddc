import { isGradEnabled } from "./autograd/gradMode";
import { armLeafMove } from "./leafMoves";
import { type CreateOptions } from "./create";
import { type DType, getDefaultDtype, isFloating, roundToDtype, scalarTypeName } from "./dtype";
import {
  bernoulliFromProbabilities,
  bernoulliValues,
  exponentialValues,
  integerValues,
  permutationValues,
  uniformValues,
} from "./distributions/draws";
import { normalValues } from "./distributions/normal";
import { expandValues } from "./ops/broadcast";
import { defaultGenerator, type Generator } from "./random";
import { broadcastShapes, numelOf } from "./shapeMath";
import { Tensor } from "./tensor";
import { runtimeError } from "./tensorError";

/**
 * The random creation functions and in-place fills (`rand`, `randn`, `randint`, `randperm`,
 * `uniform_`, `normal_`, `bernoulli`, `exponential_`, `torch.normal`), drawing from a generator
 * (the default one unless `generator=` names another) in PyTorch's order, so a seeded program
 * gets PyTorch's numbers. None of them is recorded in the graph.
 */

export interface RandomOptions extends CreateOptions {
  generator?: Generator;
}

function checkShape(shape: readonly number[]): void {
  for (const d of shape)
    if (!Number.isInteger(d) || d < 0)
      throw runtimeError(`Trying to create tensor with negative dimension ${d}: [${shape.join(", ")}]`);
}

function made(values: Float64Array, shape: readonly number[], dtype: DType, options: CreateOptions): Tensor {
  const t = Tensor.fromValues(values, shape, dtype);
  if (options.requiresGrad === true) {
    if (!isFloating(dtype))
      throw runtimeError("Only Tensors of floating point and complex dtype can require gradients");
    t.requiresGrad = true;
    armLeafMove(t); // a gradient check may move this leaf in a re-run
  }
  return t;
}

const generatorOf = (options: { generator?: Generator }) => options.generator ?? defaultGenerator;

/** `torch.rand(shape)`: uniform on [0, 1). */
export function rand(shape: readonly number[], options: RandomOptions = {}): Tensor {
  checkShape(shape);
  const dtype = options.dtype ?? getDefaultDtype();
  if (!isFloating(dtype))
    throw runtimeError(`"check_uniform_bounds" not implemented for '${scalarTypeName(dtype)}'`);
  return made(uniformValues(numelOf(shape), dtype, 0, 1, generatorOf(options)), shape, dtype, options);
}

/** `torch.randn(shape)`: standard normal (see distributions/normal for the three paths). */
export function randn(shape: readonly number[], options: RandomOptions = {}): Tensor {
  checkShape(shape);
  const dtype = options.dtype ?? getDefaultDtype();
  if (!isFloating(dtype))
    throw runtimeError(`"normal_kernel_cpu" not implemented for '${scalarTypeName(dtype)}'`);
  return made(normalValues(numelOf(shape), dtype, true, 0, 1, generatorOf(options)), shape, dtype, options);
}

/** `torch.randint(low, high, shape)`: int64 (or `dtype`) uniform on [low, high). */
export function randint(
  low: number,
  high: number,
  shape: readonly number[],
  options: RandomOptions = {},
): Tensor {
  checkShape(shape);
  const dtype = options.dtype ?? "int64";
  return made(integerValues(numelOf(shape), low, high, dtype, generatorOf(options)), shape, dtype, options);
}

/** `torch.randperm(n)`: a random permutation of 0 … n−1. */
export function randperm(n: number, options: RandomOptions = {}): Tensor {
  checkShape([n]);
  return made(permutationValues(n, generatorOf(options)), [n], options.dtype ?? "int64", options);
}

export const randLike = (t: Tensor, options: RandomOptions = {}) =>
  rand(t.shape, { dtype: t.dtype, ...options });
export const randnLike = (t: Tensor, options: RandomOptions = {}) =>
  randn(t.shape, { dtype: t.dtype, ...options });

/** `torch.manual_seed(seed)` on the default generator. */
export function manualSeed(seed: number | bigint): void {
  defaultGenerator.manualSeed(seed);
}

/**
 * The storage positions of t's elements in the order PyTorch's element loop visits them: memory
 * order, i.e. dims taken from the largest stride to the smallest (ties keep their order), so a
 * transposed tensor is filled as its storage lies, a slice row by row.
 */
function visitOrder(t: Tensor): number[] {
  const dims = t.shape.map((_, i) => i).sort((a, b) => t.strides[b] - t.strides[a] || a - b);
  const out: number[] = [];
  const walk = (k: number, at: number): void => {
    if (k === dims.length) {
      out.push(at);
      return;
    }
    const d = dims[k];
    for (let i = 0; i < t.shape[d]; i++) walk(k + 1, at + i * t.strides[d]);
  };
  walk(0, t.offset);
  return out;
}

/** Writes values produced in visiting order into t; not recorded, as PyTorch's init runs under no_grad. */
function fillInVisitOrder(t: Tensor, produce: (count: number, contiguous: boolean) => Float64Array): Tensor {
  if (isGradEnabled() && t.requiresGrad)
    throw runtimeError(
      t.isLeaf
        ? "a leaf Variable that requires grad is being used in an in-place operation."
        : "GradLens does not record random in-place fills of a tensor that requires grad",
    );
  const contiguous = t.isContiguous();
  const values = produce(t.numel, contiguous);
  roundToDtype(values, t.dtype);
  const data = t.storage.data;
  if (contiguous) data.set(values, t.offset);
  else visitOrder(t).forEach((p, i) => (data[p] = values[i]));
  t.storage.version++;
  return t;
}

/** `t.uniform_(from, to)`. */
export function uniformInPlace(
  t: Tensor,
  low = 0,
  high = 1,
  generator: Generator = defaultGenerator,
): Tensor {
  if (!(low <= high))
    throw runtimeError(`uniform_ expects to return a [from, to) range, but found from=${low} > to=${high}`);
  return fillInVisitOrder(t, (n) => uniformValues(n, t.dtype, low, high, generator));
}

function checkFloating(t: Tensor, kernel: string): void {
  if (!isFloating(t.dtype))
    throw runtimeError(`"${kernel}" not implemented for '${scalarTypeName(t.dtype)}'`);
}

/** `t.normal_(mean, std)`. */
export function normalInPlace(t: Tensor, mean = 0, std = 1, generator: Generator = defaultGenerator): Tensor {
  if (!(std >= 0)) throw runtimeError(`normal expects std >= 0.0, but found std ${std}`);
  checkFloating(t, "normal_kernel_cpu");
  return fillInVisitOrder(t, (n, contiguous) => normalValues(n, t.dtype, contiguous, mean, std, generator));
}

/** `t.exponential_(lambd)`. */
export function exponentialInPlace(t: Tensor, lambd = 1, generator: Generator = defaultGenerator): Tensor {
  if (!(lambd >= 0)) throw runtimeError(`exponential_ expects lambda >= 0.0, but found lambda=${lambd}`);
  checkFloating(t, "exponential_cpu");
  return fillInVisitOrder(t, (n) => exponentialValues(n, lambd, generator));
}

/** `t.random_(from, to)`: integers on [from, to). */
export function randomInPlace(
  t: Tensor,
  from: number,
  to: number,
  generator: Generator = defaultGenerator,
): Tensor {
  return fillInVisitOrder(t, (n) => integerValues(n, from, to, t.dtype, generator));
}

/** `t.bernoulli_(p)`: p a Python float, or a tensor of probabilities broadcast to t. */
export function bernoulliInPlace(
  t: Tensor,
  p: number | Tensor,
  generator: Generator = defaultGenerator,
): Tensor {
  if (typeof p === "number") return fillInVisitOrder(t, (n) => bernoulliValues(n, p, generator));
  const probs = expandValues(p, broadcastShapes(t.shape, p.shape));
  if (probs.length !== t.numel)
    throw runtimeError(`The size of tensor a (${p.shape}) must match the size of tensor b (${t.shape})`);
  return fillInVisitOrder(t, () => bernoulliFromProbabilities(probs, p.dtype, generator));
}

/** `torch.bernoulli(probs)`: 0/1 draws in the probabilities' dtype. */
export function bernoulli(probs: Tensor, generator: Generator = defaultGenerator): Tensor {
  const values = bernoulliFromProbabilities(probs.values(), probs.dtype, generator);
  return Tensor.fromValues(values, probs.shape, probs.dtype);
}

/**
 * `torch.normal(mean, std)` with a tensor among them: standard normals for the broadcast shape
 * (std folded into the draw when it is a number), then scaled by a std tensor and shifted by
 * the mean, each in its own rounding as PyTorch's `mul_`/`add_` do.
 */
export function normal(
  mean: Tensor | number,
  std: Tensor | number,
  options: RandomOptions & { size?: readonly number[] } = {},
): Tensor {
  const generator = generatorOf(options);
  if (typeof std === "number" && !(std >= 0))
    throw runtimeError(`normal expects std >= 0.0, but found std ${std}`);
  if (typeof std !== "number" && std.values().some((s) => !(s >= 0)))
    throw runtimeError("normal expects all elements of std >= 0.0");
  if (typeof mean === "number" && typeof std === "number") {
    const shape = options.size ?? [];
    checkShape(shape);
    const dtype = options.dtype ?? getDefaultDtype();
    return made(normalValues(numelOf(shape), dtype, true, mean, std, generator), shape, dtype, options);
  }
  const meanT = typeof mean === "number" ? null : mean;
  const stdT = typeof std === "number" ? null : std;
  const shape = broadcastShapes(meanT?.shape ?? [], stdT?.shape ?? []);
  const dtype = (meanT ?? stdT)!.dtype;
  checkFloatingType(dtype);
  const n = numelOf(shape);
  const values = normalValues(n, dtype, true, 0, typeof std === "number" ? std : 1, generator);
  roundToDtype(values, dtype);
  if (stdT !== null) {
    const s = expandValues(stdT, shape);
    for (let i = 0; i < n; i++) values[i] *= s[i];
    roundToDtype(values, dtype);
  }
  // a number mean becomes a 0-d tensor of the output's dtype first
  const m = meanT !== null ? expandValues(meanT, shape) : null;
  const shift = typeof mean === "number" && dtype === "float32" ? Math.fround(mean) : (mean as number);
  for (let i = 0; i < n; i++) values[i] += m !== null ? m[i] : shift;
  return Tensor.fromValues(values, shape, dtype);
}

function checkFloatingType(dtype: DType): void {
  if (!isFloating(dtype))
    throw runtimeError(`"normal_kernel_cpu" not implemented for '${scalarTypeName(dtype)}'`);
}
