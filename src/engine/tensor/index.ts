/**
 * The tensor engine's public API — what the interpreter's `torch` modules and the benchmarks
 * call. Everything is a free function on `Tensor`; Python operators map one to one.
 *
 * Types:      Tensor, Storage, DType, Nested, TensorError (pythonType + PyTorch's message),
 *             GradNode (x.gradFn: op, inputs, rules), IndexItem / Slice, Reduction
 * Creation:   tensor, scalar (a Python number with its int/float kind), zeros, ones, full,
 *             arange, linspace, eye, zerosLike, onesLike, fullLike,
 *             get/setDefaultDtype
 * Random:     PyTorch's CPU streams bit for bit (./random, ./distributions): Generator,
 *             defaultGenerator, manualSeed, rand, randn, randint, randperm, randLike, randnLike,
 *             normal, bernoulli, multinomial, dropout, and the in-place fills uniformInPlace,
 *             normalInPlace, exponentialInPlace, randomInPlace, bernoulliInPlace
 * Arithmetic: add, sub, mul, div, neg, pow, floorDivide (`//`), remainder (`%`),
 *             matmul (`@`), linear (x·Wᵀ + b), where, maximum, minimum
 * Math:       exp, log, sqrt, abs, clamp, sin, cos, stepFunction (floor/ceil/round/sign),
 *             cast (`.to(dtype)`, `.float()`, …)
 * Activation: relu, sigmoid, tanh, leakyRelu, silu, softplus, elu, dropout, softmax,
 *             logSoftmax
 * Reduction:  sum, mean, prod (dim int/list, keepdim), max/min (all), maxAlong/minAlong
 *             (values + indices), argmax, argmin, variance (`var`), std, logsumexp, norm
 * Compare:    eq, ne, lt, le, gt, ge, logicalNot, bitwiseAnd/Or/Xor (`&`, `|`, `^`), equal,
 *             allclose, oneHot
 * Shape:      reshape, view, flatten, permute, transpose, t, T, squeeze, unsqueeze, expand,
 *             contiguous, detach, dataOf (`x.data`), clone, cat, stack,
 *             index (`x[...]`), setIndex (`x[...] = v`)
 * Losses:     mseLoss, smoothL1Loss, binaryCrossEntropy, binaryCrossEntropyWithLogits, crossEntropy, nllLoss
 * In place:   addInPlace, subInPlace, mulInPlace, divInPlace, copyInPlace, fillInPlace,
 *             zeroInPlace, setIndex, requiresGradInPlace, setData, setGrad — recorded in the
 *             graph (history rebased, the tensor gets a new id) unless on a view; indexPut
 * Autograd:   backward (retainGraph, gradient, trace → RootGradients), rootGradients, grad,
 *             isGradEnabled, enterNoGrad/exitNoGrad/withNoGrad/setGradEnabled,
 *             pushGradMode/popGradMode (enable_grad, set_grad_enabled blocks),
 *             retainGrad, pytorchGradFnName (for repr), anomaly watch (setAnomalyDetection,
 *             firstAnomaly, resetAnomaly), setRecordOrigins (t.origin for ops without grad)
 * Printing:   formatTensor (`repr(t)` as PyTorch prints it), formatFixed/formatExponential
 * Kernel:     gemm (strided C = A·B on Float64Arrays)
 * Per run:    resetEngineState (grad mode, default dtype, seed, anomaly watch) before each program;
 *             recordTensorsOn (the run's tape: tensor ids become its rows), recordingTape
 * Optimizers: SGD, Adam, AdamW, RMSprop (step, zeroGrad, paramGroups, state) from ../optim.
 * Gradcheck:  gradcheck, describeMismatches from ../gradcheck.
 *
 * Conventions: a plain JS number operand is a Python float (use `scalar(2, "int")` for an
 * int); the default float dtype is float32 as in PyTorch (values rounded after each op);
 * a node is recorded only when recording is on and an operand requires grad; failures throw
 * TensorError whose `pythonType` the interpreter raises. W3 in this API:
 *
 *   const loss = crossEntropy(add(matmul(relu(add(matmul(X, W1), b1)), W2), b2), y);
 *   opt.zeroGrad(); backward(loss); opt.step();        // opt = new SGD([W1, b1, W2, b2], { lr: 0.1 })
 */
export { Tensor, Storage, type Nested } from "./tensor";
export { type FloatArray, mapToFloat64, float64Copy } from "./floatArray";
export {
  type DType,
  getDefaultDtype,
  setDefaultDtype,
  promoteTypes,
  dtypeName,
  isFloating,
  isInteger,
} from "./dtype";
export { TensorError, type TensorErrorType } from "./tensorError";
export { broadcastShapes, formatSize } from "./shapeMath";
export { GradNode, setRecordOrigins, type Vjp, record as recordCustom } from "./autograd/gradNode";
export {
  isGradEnabled,
  enterNoGrad,
  exitNoGrad,
  withNoGrad,
  setGradEnabled,
  pushGradMode,
  popGradMode,
} from "./autograd/gradMode";
export {
  backward,
  rootGradients,
  grad,
  summarize,
  type BackwardOptions,
  type RootGradients,
  type EdgeGradient,
  type GradientSummary,
} from "./autograd/backward";
export {
  setAnomalyDetection,
  isAnomalyDetectionEnabled,
  firstAnomaly,
  resetAnomaly,
  type Anomaly,
} from "./autograd/anomaly";
export {
  tensor,
  full,
  zeros,
  ones,
  zerosLike,
  onesLike,
  fullLike,
  arange,
  linspace,
  eye,
  type CreateOptions,
} from "./create";
export {
  rand,
  randn,
  randint,
  randperm,
  randLike,
  randnLike,
  manualSeed,
  uniformInPlace,
  normalInPlace,
  exponentialInPlace,
  randomInPlace,
  bernoulliInPlace,
  bernoulli,
  normal,
  type RandomOptions,
} from "./randomOps";
export { Generator, defaultGenerator, DEFAULT_SEED, seedInRange } from "./random";
export { scalar, asTensor, resultType, type TensorLike } from "./ops/operand";
export {
  add,
  sub,
  mul,
  div,
  neg,
  pow,
  where,
  maximum,
  minimum,
  floorDivide,
  remainder,
} from "./ops/elementwise";
export { exp, log, log10, sqrt, abs, clamp, cast, sin, cos, stepFunction } from "./ops/unary";
export { relu, sigmoid, tanh, leakyRelu, silu, softplus, elu, dropout } from "./ops/activation";
export { softmax, logSoftmax } from "./ops/softmax";
export { sum, mean, prod, type Dims } from "./ops/reduce";
export { max, min, maxAlong, minAlong, argmax, argmin } from "./ops/minmax";
export {
  eq,
  ne,
  lt,
  le,
  gt,
  ge,
  logicalNot,
  bitwiseAnd,
  bitwiseOr,
  bitwiseXor,
  equal,
  allclose,
} from "./ops/compare";
export { bmm, matmul } from "./ops/matmul";
export { gemm } from "./ops/gemm";
export {
  reshape,
  view,
  flatten,
  permute,
  transpose,
  t,
  T,
  squeeze,
  unsqueeze,
  expand,
  contiguous,
  detach,
  dataOf,
  clone,
} from "./ops/shape";
export { cat, stack } from "./ops/join";
export { smoothL1Loss } from "./ops/smoothL1Loss";
export { index, setIndex, indexPut, type IndexItem, type Slice } from "./ops/indexing";
export { triangle, maskedFill } from "./ops/masking";
export {
  mseLoss,
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  crossEntropy,
  nllLoss,
  type Reduction,
  type ClassLossOptions,
} from "./ops/loss";
export {
  addInPlace,
  subInPlace,
  mulInPlace,
  divInPlace,
  copyInPlace,
  fillInPlace,
  zeroInPlace,
  requiresGradInPlace,
  setData,
  setGrad,
} from "./ops/inplace";
export { retainGrad } from "./autograd/retainGrad";
export { linear } from "./ops/linear";
export { conv2d, maxPool2d, type Window2d } from "./ops/conv2d";
export { oneHot } from "./ops/oneHot";
export { embedding } from "./ops/embedding";
export { histogram, histc } from "./ops/histogram";
export { pytorchGradFnName } from "./autograd/pytorchNames";
export {
  SGD,
  Adam,
  AdamW,
  RMSprop,
  Adagrad,
  Optimizer,
  type SGDOptions,
  type AdamOptions,
  type RMSpropOptions,
  type AdagradOptions,
  type ParamGroup,
  type StateEntry,
} from "../optim/index";
export {
  gradcheck,
  describeMismatches,
  type GradcheckOptions,
  type GradcheckResult,
  type GradMismatch,
} from "../gradcheck/gradcheck";
export { formatTensor, formatFixed, formatExponential } from "./format";
export { variance, std, logsumexp, norm } from "./ops/statistics";
export { multinomial } from "./sampling";
export { resetEngineState } from "./engineState";
export { writeScaledSum } from "./ops/scaledSum";
export { recordTensorsOn, recordingTape, FIRST_OFF_TAPE_ID } from "./tensorIds";
