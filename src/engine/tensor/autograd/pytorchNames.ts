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
  index: "IndexBackward0",
  select: "SelectBackward0",
  slice: "SliceBackward0",
  embedding: "EmbeddingBackward0",
  mse_loss: "MseLossBackward0",
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
  if (op === "squeeze") return "SqueezeBackward0";
  if (op === "@") {
    const b = node.inputs[1];
    if (input.ndim === 1 && b.ndim === 1) return "DotBackward0";
    if (input.ndim === 2 && b.ndim === 2) return "MmBackward0";
    if (input.ndim === 2 && b.ndim === 1) return "MvBackward0";
    return input.ndim >= 3 && b.ndim >= 3 ? "BmmBackward0" : "UnsafeViewBackward0";
  }
  if (op === "linear") return node.inputs.length === 3 && input.ndim === 2 ? "AddmmBackward0" : "MmBackward0";
  return SIMPLE[op] ?? `${op}Backward`;
}
