import { mapToFloat64, newStoredArray } from "../floatArray";
import type { FloatArray } from "../floatArray";
import { record } from "../autograd/gradNode";
import { isSinglePrecision } from "../dtype";
import { getDefaultDtype, isFloating, scalarTypeName } from "../dtype";
import { broadcastShapes, formatSize, sameShape } from "../shapeMath";
import { Tensor } from "../tensor";
import { indexError, runtimeError, valueError } from "../tensorError";
import { expandValues, sumToShape } from "./broadcast";
import { cascadeSum, sumContiguous } from "./cascadeSum";
import { SCRATCH_LIMIT, scratchArray } from "./scratchArray";
import { mapLanes } from "./lanes";
import { softmaxBackwardFloat32, softmaxFloat32 } from "./float32Softmax";
import { nllCascade } from "./nllCascade";
import { logSoftmaxLane } from "./softmax";

/**
 * The loss functions of torch.nn.functional, each one graph node with its own VJP (as in
 * PyTorch, where `mse_loss` is one MseLossBackward, not a sub, a pow and a mean).
 * `reduction` is "mean" (default), "sum" or "none".
 */

export type Reduction = "mean" | "sum" | "none";

function checkReduction(reduction: string): asserts reduction is Reduction {
  if (reduction !== "mean" && reduction !== "sum" && reduction !== "none")
    throw valueError(`${reduction} is not a valid value for reduction`);
}

/** Reduces per-element losses; returns the result and the per-element gradient scale for a given upstream g. */
function reduceLoss(
  losses: Float64Array,
  shape: readonly number[],
  reduction: Reduction,
  dtype: Tensor["dtype"],
  denominator = losses.length,
): { out: Tensor; scale: (g: Tensor) => Float64Array } {
  if (reduction === "none")
    return { out: Tensor.fromValues(losses, shape, dtype), scale: (g) => g.copyValues() };
  let total = 0;
  for (let i = 0; i < losses.length; i++) total += losses[i];
  const div = reduction === "mean" ? denominator : 1;
  return {
    out: Tensor.fromValues(new Float64Array([total / div]), [], dtype),
    scale: (g) => new Float64Array(losses.length).fill(g.item() / div),
  };
}

function floatOf(a: Tensor): Tensor["dtype"] {
  return isFloating(a.dtype) ? a.dtype : getDefaultDtype();
}

/**
 * `F.mse_loss(input, target)`: mean of (input − target)²; broadcasts like PyTorch (which warns).
 * As PyTorch's kernel: each (x − y)² in the input's dtype, then the sum (or mean) in its cascade
 * order; the gradient is (x − y)·(2/N)·g, each product rounded to the dtype.
 */
export function mseLoss(input: Tensor, target: Tensor, reduction: Reduction = "mean"): Tensor {
  checkReduction(reduction);
  const shape = broadcastShapes(input.shape, target.shape);
  const dtype = floatOf(input);
  const r = isSinglePrecision(dtype) ? Math.fround : (v: number) => v;
  // read in place when no broadcast is needed (the usual case): only written arrays are new
  const x = sameShape(input.shape, shape) ? input.values() : expandValues(input, shape);
  const y = sameShape(target.shape, shape) ? target.values() : expandValues(target, shape);
  const diff = new Float64Array(x.length);
  // summed at once unless kept (reduction "none"): then scratch will do
  const scratch = reduction !== "none" && x.length >= 2 && x.length <= SCRATCH_LIMIT;
  const losses = scratch ? scratchArray(x.length, isSinglePrecision(dtype)) : newStoredArray(x.length, dtype);
  if (isSinglePrecision(dtype))
    for (let i = 0; i < x.length; i++) {
      const d = Math.fround(x[i] - y[i]);
      diff[i] = d;
      losses[i] = Math.fround(d * d);
    }
  else
    for (let i = 0; i < x.length; i++) {
      const d = x[i] - y[i];
      diff[i] = d;
      losses[i] = d * d;
    }
  let out: Tensor;
  if (reduction === "none") out = Tensor.fromStored(losses, shape, dtype);
  else {
    const sumDtype = dtype as "float32" | "float64";
    const total = scratch
      ? sumContiguous(losses, 0, x.length, sumDtype)
      : cascadeSum(Tensor.fromStored(losses, [x.length], dtype), [0], sumDtype)[0];
    out = Tensor.fromValues(new Float64Array([reduction === "mean" ? total / x.length : total]), [], dtype);
  }
  const norm = r(reduction === "mean" ? 2 / Math.max(x.length, 1) : 2);
  return record(
    out,
    "mse_loss",
    [input, target],
    (g, needs) => {
      // PyTorch 1.13 computes the loss with a target of another dtype but refuses its backward
      if (target.dtype !== input.dtype)
        throw runtimeError(
          `Found dtype ${scalarTypeName(target.dtype)} but expected ${scalarTypeName(input.dtype)}`,
        );
      const gv = reduction === "none" ? g.values() : null;
      const gs = reduction === "none" ? 0 : g.item();
      const d = newStoredArray(diff.length, g.dtype);
      if (gv !== null) for (let i = 0; i < d.length; i++) d[i] = r(r(diff[i] * norm) * gv[i]);
      else if (r === Math.fround)
        for (let i = 0; i < d.length; i++) d[i] = Math.fround(Math.fround(diff[i] * norm) * gs);
      else for (let i = 0; i < d.length; i++) d[i] = diff[i] * norm * gs;
      const full = Tensor.fromStored(d, shape, g.dtype);
      return [
        needs[0] ? sumToShape(full, input.shape) : null,
        needs[1] ? sumToShape(Tensor.fromValues(negated(d), shape, g.dtype), target.shape) : null,
      ];
    },
    [
      `∂mse_loss/∂input = 2·(input − target)${reduction === "mean" ? "/N" : ""}`,
      `∂mse_loss/∂target = −2·(input − target)${reduction === "mean" ? "/N" : ""}`,
    ],
    [input, target],
  );
}

function negated(v: FloatArray): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = -v[i];
  return out;
}

/** PyTorch clamps each log term of binary cross-entropy at −100 so p = 0 or 1 gives a finite loss. */
const clampedLog = (p: number) => Math.max(Math.log(p), -100);

/** `F.binary_cross_entropy(p, y, weight)`: −w·(y·log p + (1−y)·log(1−p)), p in [0, 1]. */
export function binaryCrossEntropy(
  input: Tensor,
  target: Tensor,
  reduction: Reduction = "mean",
  weight: Tensor | null = null,
): Tensor {
  checkReduction(reduction);
  if (!sameShape(input.shape, target.shape))
    throw valueError(
      `Using a target size (${formatSize(target.shape)}) that is different to the input size (${formatSize(input.shape)}) is deprecated. Please ensure they have the same size.`,
    );
  const p = input.values();
  const y = target.values();
  const w = weight === null ? null : expandValues(weight, input.shape);
  const losses = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) {
    if (!(p[i] >= 0 && p[i] <= 1)) throw runtimeError("all elements of input should be between 0 and 1");
    losses[i] = -(y[i] * clampedLog(p[i]) + (1 - y[i]) * clampedLog(1 - p[i])) * (w === null ? 1 : w[i]);
  }
  const { out, scale } = reduceLoss(losses, input.shape, reduction, floatOf(input));
  return record(
    out,
    "binary_cross_entropy",
    [input, target],
    (g, needs) => {
      const s = scale(g);
      const gp = new Float64Array(p.length);
      const gy = new Float64Array(p.length);
      for (let i = 0; i < p.length; i++) {
        const k = s[i] * (w === null ? 1 : w[i]);
        gp[i] = (k * (p[i] - y[i])) / Math.max((1 - p[i]) * p[i], 1e-12);
        gy[i] = k * (clampedLog(1 - p[i]) - clampedLog(p[i]));
      }
      return [
        needs[0] ? Tensor.fromValues(gp, input.shape, g.dtype) : null,
        needs[1] ? Tensor.fromValues(gy, target.shape, g.dtype) : null,
      ];
    },
    ["∂bce/∂p = (p − y) / (p·(1 − p))", "∂bce/∂y = log(1 − p) − log(p)"],
    [input, target],
  );
}

/**
 * `F.binary_cross_entropy_with_logits(x, y, weight, pos_weight)`, in the stable form
 * (1−y)·x + l·(log(1+e^−|x|) + max(−x, 0)) with l = 1 + (pos_weight − 1)·y: no exp overflows.
 */
export function binaryCrossEntropyWithLogits(
  input: Tensor,
  target: Tensor,
  reduction: Reduction = "mean",
  weight: Tensor | null = null,
  posWeight: Tensor | null = null,
): Tensor {
  checkReduction(reduction);
  if (!sameShape(input.shape, target.shape))
    throw valueError(
      `Target size (${formatSize(target.shape)}) must be the same as input size (${formatSize(input.shape)})`,
    );
  const x = input.values();
  const y = target.values();
  const w = weight === null ? null : expandValues(weight, input.shape);
  const pw = posWeight === null ? null : expandValues(posWeight, input.shape);
  const softplusNeg = new Float64Array(x.length); // log(1 + e^−x), stably
  const losses = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    softplusNeg[i] = Math.log1p(Math.exp(-Math.abs(x[i]))) + Math.max(-x[i], 0);
    const l = pw === null ? 1 : 1 + (pw[i] - 1) * y[i];
    losses[i] = ((1 - y[i]) * x[i] + l * softplusNeg[i]) * (w === null ? 1 : w[i]);
  }
  const { out, scale } = reduceLoss(losses, input.shape, reduction, floatOf(input));
  return record(
    out,
    "binary_cross_entropy_with_logits",
    [input, target],
    (g, needs) => {
      const s = scale(g);
      const gx = new Float64Array(x.length);
      const gy = new Float64Array(x.length);
      for (let i = 0; i < x.length; i++) {
        const k = s[i] * (w === null ? 1 : w[i]);
        const sigmaNeg = 1 / (1 + Math.exp(x[i])); // σ(−x); e^x overflowing to ∞ gives the right 0
        const l = pw === null ? 1 : 1 + (pw[i] - 1) * y[i];
        gx[i] = k * (1 - y[i] - l * sigmaNeg);
        gy[i] = k * (-x[i] + (pw === null ? 0 : (pw[i] - 1) * softplusNeg[i]));
      }
      return [
        needs[0] ? Tensor.fromValues(gx, input.shape, g.dtype) : null,
        needs[1] ? Tensor.fromValues(gy, target.shape, g.dtype) : null,
      ];
    },
    ["∂bce_logits/∂x = σ(x) − y", "∂bce_logits/∂y = −x"],
    [input, target],
  );
}

export interface ClassLossOptions {
  reduction?: Reduction;
  /** Targets equal to this are skipped and not counted in the mean (default −100). */
  ignoreIndex?: number;
  /** Per-class weights, shape [C]. */
  weight?: Tensor | null;
  /** cross_entropy only: mixes the target with a uniform distribution over the C classes. */
  labelSmoothing?: number;
}

/** The class dimension of (C), (N, C) or (N, C, d1, …) input, and the matching target shape. */
function classLayout(input: Tensor, target: Tensor): { classDim: number; classes: number } {
  if (input.ndim === 0)
    throw indexError("Dimension out of range (expected to be in range of [-1, 0], but got 1)");
  const classDim = input.ndim === 1 ? 0 : 1;
  const classes = input.shape[classDim];
  const expected = input.shape.filter((_, i) => i !== classDim);
  if (!sameShape(expected, target.shape)) {
    if (input.ndim >= 2 && target.ndim >= 1 && input.shape[0] !== target.shape[0])
      throw valueError(
        `Expected input batch_size (${input.shape[0]}) to match target batch_size (${target.shape[0]}).`,
      );
    throw runtimeError(`Expected target size ${formatSize(expected)}, got ${formatSize(target.shape)}`);
  }
  return { classDim, classes };
}

function checkTargets(t: FloatArray, classes: number, ignoreIndex: number): void {
  for (const c of t)
    if (c !== ignoreIndex && (c < 0 || c >= classes)) throw indexError(`Target ${c} is out of bounds.`);
}

/**
 * `F.nll_loss(logp, target)`: −w[t]·logp[t] per sample; the mean divides by the summed
 * weights of the samples not ignored.
 */
export function nllLoss(input: Tensor, target: Tensor, options: ClassLossOptions = {}): Tensor {
  return classLoss(input, target, options, false);
}

/**
 * `F.cross_entropy(logits, target)`: log_softmax then nll_loss, fused and stable. A float target
 * shaped like the input is a class-probability target: −Σ_c y_c·log softmax_c.
 */
export function crossEntropy(input: Tensor, target: Tensor, options: ClassLossOptions = {}): Tensor {
  if (isFloating(target.dtype) && sameShape(target.shape, input.shape) && input.ndim >= 1)
    return probabilityCrossEntropy(input, target, options.reduction ?? "mean", options.labelSmoothing ?? 0);
  return classLoss(input, target, options, true);
}

function classLoss(input: Tensor, target: Tensor, options: ClassLossOptions, fromLogits: boolean): Tensor {
  const reduction = options.reduction ?? "mean";
  checkReduction(reduction);
  const ignoreIndex = options.ignoreIndex ?? -100;
  const smoothing = fromLogits ? (options.labelSmoothing ?? 0) : 0;
  if (!(smoothing >= 0 && smoothing <= 1))
    throw runtimeError(`label_smoothing must be between 0.0 and 1.0. Got: ${smoothing}`);
  if (target.dtype !== "int64")
    throw runtimeError(`expected scalar type Long but found ${scalarTypeName(target.dtype)}`);
  const { classDim, classes } = classLayout(input, target);
  const t = target.values();
  checkTargets(t, classes, ignoreIndex);
  const w = options.weight?.values() ?? null;
  if (w !== null && w.length !== classes)
    throw runtimeError(
      `weight tensor should be defined either for all ${classes} classes or no classes but got weight tensor of shape: ${formatSize(options.weight?.shape ?? [])}`,
    );
  const weightOf = (c: number) => (w === null ? 1 : w[c]);
  let classWeightSum = 0;
  for (let c = 0; c < classes; c++) classWeightSum += weightOf(c);
  // float32 reduced: PyTorch's own steps (its float log_softmax, the nll cascade, its backward)
  const single =
    reduction !== "none" && smoothing === 0 && input.dtype === "float32" && isSinglePrecision(input.dtype);
  // Sample i's class c sits at base[i] + c·inner (input is (C), (N, C) or (N, C, d1, …)).
  const inner = input.shape.slice(classDim + 1).reduce((p, d) => p * d, 1);
  const base = Float64Array.from({ length: t.length }, (_, i) =>
    input.ndim === 1 ? 0 : Math.floor(i / inner) * classes * inner + (i % inner),
  );
  const f32 = single
    ? float32ClassLoss(input, classDim, fromLogits, t, base, inner, w, ignoreIndex, reduction === "mean")
    : null;
  const logp =
    f32 !== null
      ? f32.logp
      : fromLogits
        ? mapLanes([input], classDim, ([x], o) => logSoftmaxLane(x, o))
        : input.copyValues();
  const losses = new Float64Array(t.length);
  const sampleWeight = new Float64Array(t.length);
  let weightSum = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === ignoreIndex) continue;
    sampleWeight[i] = weightOf(t[i]);
    weightSum += sampleWeight[i];
    let loss = -sampleWeight[i] * logp[base[i] + t[i] * inner];
    if (smoothing > 0) {
      let smooth = 0;
      for (let c = 0; c < classes; c++) smooth -= weightOf(c) * logp[base[i] + c * inner];
      loss = (1 - smoothing) * loss + (smoothing / classes) * smooth;
    }
    losses[i] = loss;
  }
  const reduced = reduceLoss(losses, target.shape, reduction, floatOf(input), weightSum);
  const { scale } = reduced;
  const out = f32 !== null ? f32.out : reduced.out;
  const op = fromLogits ? "cross_entropy" : "nll_loss";
  return record(
    out,
    op,
    [input],
    (g) => {
      if (f32 !== null && g.dtype === "float32" && isSinglePrecision(g.dtype)) {
        // nll_loss's backward −g/total at each target (times its weight), then log_softmax's
        const grad = -(reduction === "mean" ? Math.fround(g.item() / f32.weightTotal) : g.item());
        const nllGrad = new Float32Array(input.numel);
        for (let i = 0; i < t.length; i++)
          if (t[i] !== ignoreIndex) nllGrad[base[i] + t[i] * inner] = w === null ? grad : w[t[i]] * grad;
        if (!fromLogits) return [Tensor.fromStored(nllGrad, input.shape, "float32")];
        const r = new Float32Array(input.numel);
        softmaxBackwardFloat32(nllGrad, f32.logp, input.shape, classDim, true, r);
        return [Tensor.fromStored(r, input.shape, "float32")];
      }
      const s = scale(g);
      const r = new Float64Array(input.numel);
      for (let i = 0; i < t.length; i++) {
        if (t[i] === ignoreIndex || s[i] === 0) continue;
        const k = s[i] * sampleWeight[i] * (1 - smoothing);
        const b = base[i];
        if (fromLogits)
          for (let c = 0; c < classes; c++) {
            const p = Math.exp(logp[b + c * inner]);
            r[b + c * inner] =
              k * p +
              (smoothing > 0 ? ((s[i] * smoothing) / classes) * (p * classWeightSum - weightOf(c)) : 0);
          }
        r[b + t[i] * inner] -= k;
      }
      return [Tensor.fromValues(r, input.shape, g.dtype)];
    },
    [
      fromLogits
        ? "∂cross_entropy/∂logits = softmax(logits) − onehot(target)"
        : "∂nll_loss/∂input = −1 at the target class",
    ],
    [input, target],
  );
}

/** nll_loss of float32 (log_softmax'd, for cross_entropy) input, reduced in float as PyTorch does. */
function float32ClassLoss(
  input: Tensor,
  classDim: number,
  fromLogits: boolean,
  t: FloatArray,
  base: Float64Array,
  inner: number,
  w: FloatArray | null,
  ignoreIndex: number,
  mean: boolean,
): { out: Tensor; logp: FloatArray; weightTotal: number } {
  let logp = input.values();
  if (fromLogits) {
    const out = new Float32Array(input.numel);
    softmaxFloat32(logp, input.shape, classDim, true, out);
    logp = out;
  }
  const losses = new Float64Array(t.length);
  const weights = w === null ? null : new Float64Array(t.length);
  for (let i = 0; i < t.length; i++) {
    if (t[i] === ignoreIndex) continue;
    const x = logp[base[i] + t[i] * inner];
    losses[i] = w === null ? -x : Math.fround(-x * w[t[i]]);
    if (weights !== null && w !== null) weights[i] = w[t[i]];
  }
  const { sum, weight } = nllCascade(losses, weights, (i) => t[i] === ignoreIndex);
  const value = mean ? Math.fround(sum / weight) : sum;
  return { out: Tensor.fromValues(new Float64Array([value]), [], "float32"), logp, weightTotal: weight };
}

function probabilityCrossEntropy(
  input: Tensor,
  target: Tensor,
  reduction: Reduction,
  smoothing: number,
): Tensor {
  checkReduction(reduction);
  const classDim = input.ndim === 1 ? 0 : 1;
  const logp = mapLanes([input], classDim, ([x], o) => logSoftmaxLane(x, o));
  const classCount = input.shape[classDim];
  // Label smoothing mixes each target with the uniform distribution.
  const y = mapToFloat64(target.values(), (v) => v * (1 - smoothing) + smoothing / classCount);
  const outShape = input.shape.filter((_, i) => i !== classDim);
  const inner = input.shape.slice(classDim + 1).reduce((p, d) => p * d, 1);
  const samples = input.numel / classCount;
  const baseOf = (i: number) =>
    input.ndim === 1 ? 0 : Math.floor(i / inner) * classCount * inner + (i % inner);
  const losses = new Float64Array(samples);
  for (let i = 0; i < samples; i++) {
    const b = baseOf(i);
    for (let c = 0; c < classCount; c++) losses[i] -= y[b + c * inner] * logp[b + c * inner];
  }
  const { out, scale } = reduceLoss(losses, outShape, reduction, floatOf(input));
  return record(
    out,
    "cross_entropy",
    [input, target],
    (g, needs) => {
      const s = scale(g);
      const gx = new Float64Array(input.numel);
      const gy = new Float64Array(input.numel);
      for (let i = 0; i < samples; i++) {
        const base = baseOf(i);
        let ySum = 0;
        for (let c = 0; c < classCount; c++) ySum += y[base + c * inner];
        for (let c = 0; c < classCount; c++) {
          const p = base + c * inner;
          gx[p] = s[i] * (Math.exp(logp[p]) * ySum - y[p]);
          gy[p] = -s[i] * logp[p] * (1 - smoothing);
        }
      }
      return [
        needs[0] ? Tensor.fromValues(gx, input.shape, g.dtype) : null,
        needs[1] ? Tensor.fromValues(gy, target.shape, g.dtype) : null,
      ];
    },
    ["∂cross_entropy/∂logits = softmax(logits)·Σy − y", "∂cross_entropy/∂y = −log softmax(logits)"],
    [input, target],
  );
}
