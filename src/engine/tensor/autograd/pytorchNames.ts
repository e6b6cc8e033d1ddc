import type { Tensor } from "../tensor";

/**
 * The name PyTorch prints for a tensor's grad_fn (`tensor(2.5, grad_fn=<MeanBackward0>)`), so
 * the interpreter's repr matches what a learner sees in PyTorch. Ops whose PyTorch node depends
 * on the form of the call (`sum()` vs `sum(dim)`) are told apart by the operand shapes.
 */
const SIMPLE: Record<string, string> = {
  "+": "AddBackward0",
  "-": "SubBackward0",
  "*": "MulBackward0",
  "/": "DivBackward0",
  neg: "NegBackward0",
  "**": "PowBackward1",
  exp: "ExpBackward0",
  log: "LogBackward0",
  log10: "Log10Backward0",
  sqrt: "SqrtBackward0",
  abs: "AbsBackward0",
  clamp: "ClampBackward1",
  relu: "ReluBackward0",
  sigmoid: "SigmoidBackward0",
  tanh: "TanhBackward0",
  leaky_relu: "LeakyReluBackward0",
  softmax: "SoftmaxBackward0",
  log_softmax: "LogSoftmaxBackward0",
  maximum: "MaximumBackward0",
  minimum: "MinimumBackward0",
  where: "WhereBackward0",
  reshape: "ViewBackward0",
  view: "ViewBackward0",
  permute: "PermuteBackward0",
  transpose: "TransposeBackward0",
  unsqueeze: "UnsqueezeBackward0",
  expand: "ExpandBackward0",
  contiguous: "CloneBackward0",
  clone: "CloneBackward0",
  cat: "CatBackward0",
  stack: "StackBackward0",
  sin: "SinBackward0",
  silu: "SiluBackward0",
  softplus: "SoftplusBackward0",
  elu: "EluBackward0",
  dropout: "MulBackward0",
  cos: "CosBackward0",
  floor: "FloorBackward0",
  ceil: "CeilBackward0",
  round: "RoundBackward0",
  sign: "SignBackward0",
  "%": "RemainderBackward0",
  "//": "DivBackward0",
  index_put: "IndexPutBackward0",
  copy_: "CopyBackwards",
  fill_: "FillBackward0",
  var: "VarBackward0",
  std: "StdBackward0",
  logsumexp: "LogsumexpBackward0",
  norm: "LinalgVectorNormBackward0",
  linear: "AddmmBackward0",
  bmm: "BmmBackward0",
  index: "IndexBackward0",
  select: "SelectBackward0",
  slice: "SliceBackward0",
  embedding: "EmbeddingBackward0",
  mse_loss: "MseLossBackward0",
  conv2d: "ConvolutionBackward0",
  max_pool2d: "MaxPool2DWithIndicesBackward0",
  smooth_l1_loss: "SmoothL1LossBackward0",
  binary_cross_entropy: "BinaryCrossEntropyBackward0",
  binary_cross_entropy_with_logits: "BinaryCrossEntropyWithLogitsBackward0",
  cross_entropy: "NllLossBackward0",
  nll_loss: "NllLossBackward0",
};

export function pytorchGradFnName(t: Tensor): string | null {
  const node = t.gradFn;
  if (node === null) return null;
  const op = node.op;
  const input = node.inputs[0];
  if (op.startsWith("**")) return op === "**" ? "PowBackward1" : "PowBackward0";
  if (op.startsWith("to(")) return "ToCopyBackward0";
  if (op === "sum" || op === "mean" || op === "prod") {
    const whole = t.ndim === 0 && !node.rules[0].includes("dim=");
    const name = op[0].toUpperCase() + op.slice(1);
    return `${name}Backward${whole ? 0 : 1}`;
  }
  if (op === "max" || op === "min")
    return `${op === "max" ? "Max" : "Min"}Backward${node.rules[0].includes("dim=") ? 0 : 1}`;
  // PyTorch 1.13: squeeze() is SqueezeBackward0, squeeze(dim) SqueezeBackward1
  if (op === "squeeze") return `SqueezeBackward${node.rules[0].includes("dim=") ? 1 : 0}`;
  if (op === "@") return matmulName(input, node.inputs[1]);
  if (op === "linear") return linearName(input, node.inputs[1], node.inputs.length === 3);
  return SIMPLE[op] ?? `${op}Backward`;
}

/** What the matrix-product names look at. */
type Shaped = { readonly ndim: number; readonly shape: readonly number[] };

/**
 * `torch.matmul(a, b)`'s last node in PyTorch 1.13, which depends on how it reduces the call to
 * mm/mv/dot: a ≥3-d side is folded into rows and the result viewed back (UnsafeView); a matrix
 * times a batch is computed transposed, and the transposed result copied unless it is already
 * in row order (a single row of `a` or column of `b`).
 */
function matmulName(a: Shaped, b: Shaped): string {
  if (a.ndim === 1 && b.ndim === 1) return "DotBackward0";
  if (a.ndim === 2 && b.ndim === 2) return "MmBackward0";
  if (a.ndim === 2 && b.ndim === 1) return "MvBackward0";
  if (a.ndim === 1 && b.ndim === 2) return "SqueezeBackward3";
  if (a.ndim === 2 && b.ndim >= 3)
    return a.shape[0] === 1 || b.shape[b.ndim - 1] === 1 ? "TransposeBackward0" : "CloneBackward0";
  return "UnsafeViewBackward0";
}

/**
 * `nn.Linear`'s node: addmm for a matrix (and for a contiguous 3-d input, viewed back to 3-d),
 * otherwise `x @ Wᵀ` with the bias added after it.
 */
function linearName(x: Tensor, weight: Tensor, bias: boolean): string {
  if (bias && x.ndim === 2) return "AddmmBackward0";
  if (bias && x.ndim === 3 && x.isContiguous()) return "ViewBackward0";
  if (bias) return "AddBackward0";
  return matmulName(x, weight.ndim === 2 ? { ndim: 2, shape: [weight.shape[1], weight.shape[0]] } : weight);
}
