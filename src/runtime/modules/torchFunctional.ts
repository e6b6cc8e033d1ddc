import * as T from "../../engine/tensor/index";
import type { Kwargs, PyModule, PyValue } from "../interpreter/objects";
import { typeError, UnsupportedError } from "../interpreter/pyErrors";
import { bind, boolArg, intArg, native, num, optionalNum, tensorArg, tensorOf } from "./torchArgs";
import type { TorchState } from "./torchState";
import { TENSOR_METHODS } from "./torchTensorMethods";

/**
 * `torch.nn.functional`: activations, softmax, `linear`, and the losses — each one engine
 * operation, so a loss is one node in the graph with PyTorch's grad_fn name.
 */

function reductionArg(v: PyValue | undefined): T.Reduction {
  if (v === undefined || v === null) return "mean";
  if (typeof v !== "string") throw typeError("reduction must be a string");
  return v as T.Reduction;
}

function optionalTensor(v: PyValue | undefined, fname: string, what: string): T.Tensor | null {
  if (v === undefined || v === null) return null;
  return tensorArg(v, fname, what);
}

/** The keyword options shared by cross_entropy and nll_loss. */
function classOptions(a: Record<string, PyValue | undefined>, fname: string): T.ClassLossOptions {
  return {
    reduction: reductionArg(a.reduction),
    ignoreIndex: a.ignore_index === undefined ? -100 : intArg(a.ignore_index, "ignore_index"),
    weight: optionalTensor(a.weight, fname, "weight"),
    labelSmoothing: optionalNum(a.label_smoothing, "label_smoothing") ?? 0,
  };
}

export function fillFunctional(s: TorchState, m: PyModule): void {
  const set = (name: string, f: (args: PyValue[], kwargs: Kwargs) => T.Tensor) =>
    m.attrs.set(
      name,
      native(name, (args, kwargs) => s.wrap(f(args, kwargs))),
    );
  const activation = (name: string, f: (t: T.Tensor) => T.Tensor) =>
    set(name, (args, kwargs) => {
      const a = bind(name, args, kwargs, ["input", "inplace"]);
      if (boolArg(a.inplace, false)) throw typeError(`${name}(inplace=True) is not supported by GradLens`);
      return f(tensorArg(a.input, name));
    });
  activation("relu", T.relu);
  activation("sigmoid", T.sigmoid);
  activation("tanh", T.tanh);
  activation("silu", T.silu);
  set("leaky_relu", (args, kwargs) => {
    const a = bind("leaky_relu", args, kwargs, ["input", "negative_slope", "inplace"]);
    return T.leakyRelu(
      tensorArg(a.input, "leaky_relu"),
      optionalNum(a.negative_slope, "negative_slope") ?? 0.01,
    );
  });
  set("softplus", (args, kwargs) => {
    const a = bind("softplus", args, kwargs, ["input", "beta", "threshold"]);
    return T.softplus(
      tensorArg(a.input, "softplus"),
      optionalNum(a.beta, "beta") ?? 1,
      optionalNum(a.threshold, "threshold") ?? 20,
    );
  });
  set("elu", (args, kwargs) => {
    const a = bind("elu", args, kwargs, ["input", "alpha", "inplace"]);
    return T.elu(tensorArg(a.input, "elu"), optionalNum(a.alpha, "alpha") ?? 1);
  });
  set("dropout", (args, kwargs) => {
    const a = bind("dropout", args, kwargs, ["input", "p", "training", "inplace"]);
    return T.dropout(tensorArg(a.input, "dropout"), optionalNum(a.p, "p") ?? 0.5, boolArg(a.training, true));
  });
  for (const name of ["softmax", "log_softmax"])
    m.attrs.set(
      name,
      native(name, (args, kwargs) => {
        const rest = kwargs ? new Map(kwargs) : null;
        const input = args[0] ?? rest?.get("input");
        rest?.delete("input");
        rest?.delete("_stacklevel");
        return TENSOR_METHODS[name](s, tensorArg(input, name), args.slice(1), rest);
      }),
    );
  set("linear", (args, kwargs) => {
    const a = bind("linear", args, kwargs, ["input", "weight", "bias"]);
    return T.linear(
      tensorArg(a.input, "linear"),
      tensorArg(a.weight, "linear", "weight"),
      optionalTensor(a.bias, "linear", "bias"),
    );
  });
  set("embedding", (args, kwargs) => {
    const a = bind("embedding", args, kwargs, [
      "input",
      "weight",
      "padding_idx",
      "max_norm",
      "norm_type",
      "scale_grad_by_freq",
      "sparse",
    ]);
    if (a.max_norm !== undefined && a.max_norm !== null)
      throw new UnsupportedError("F.embedding(max_norm=...) is not supported by GradLens");
    const weight = tensorArg(a.weight, "embedding", "weight");
    let padding =
      a.padding_idx === undefined || a.padding_idx === null ? null : intArg(a.padding_idx, "padding_idx");
    if (padding !== null && padding < 0) padding += weight.shape[0];
    return T.embedding(tensorArg(a.input, "embedding"), weight, padding);
  });
  set("one_hot", (args, kwargs) => {
    const a = bind("one_hot", args, kwargs, ["tensor", "num_classes"]);
    return T.oneHot(
      tensorArg(a.tensor, "one_hot", "tensor"),
      a.num_classes === undefined ? -1 : intArg(a.num_classes, "num_classes"),
    );
  });

  const LEGACY = ["size_average", "reduce"];
  set("mse_loss", (args, kwargs) => {
    const a = bind("mse_loss", args, kwargs, ["input", "target", ...LEGACY, "reduction"]);
    return T.mseLoss(
      tensorArg(a.input, "mse_loss"),
      tensorArg(a.target, "mse_loss", "target"),
      reductionArg(a.reduction),
    );
  });
  set("smooth_l1_loss", (args, kwargs) => {
    const a = bind("smooth_l1_loss", args, kwargs, ["input", "target", ...LEGACY, "reduction", "beta"]);
    return T.smoothL1Loss(
      tensorArg(a.input, "smooth_l1_loss"),
      tensorArg(a.target, "smooth_l1_loss", "target"),
      reductionArg(a.reduction),
      a.beta === undefined ? 1.0 : num(a.beta, "beta"),
    );
  });
  set("cross_entropy", (args, kwargs) => {
    const a = bind("cross_entropy", args, kwargs, [
      "input",
      "target",
      "weight",
      ...LEGACY,
      "ignore_index",
      "reduction",
      "label_smoothing",
    ]);
    return T.crossEntropy(
      tensorArg(a.input, "cross_entropy"),
      tensorArg(a.target, "cross_entropy", "target"),
      classOptions(a, "cross_entropy"),
    );
  });
  set("nll_loss", (args, kwargs) => {
    const a = bind("nll_loss", args, kwargs, [
      "input",
      "target",
      "weight",
      ...LEGACY,
      "ignore_index",
      "reduction",
    ]);
    return T.nllLoss(
      tensorArg(a.input, "nll_loss"),
      tensorArg(a.target, "nll_loss", "target"),
      classOptions(a, "nll_loss"),
    );
  });
  set("binary_cross_entropy", (args, kwargs) => {
    const a = bind("binary_cross_entropy", args, kwargs, [
      "input",
      "target",
      "weight",
      ...LEGACY,
      "reduction",
    ]);
    return T.binaryCrossEntropy(
      tensorArg(a.input, "binary_cross_entropy"),
      tensorArg(a.target, "binary_cross_entropy", "target"),
      reductionArg(a.reduction),
      optionalTensor(a.weight, "binary_cross_entropy", "weight"),
    );
  });
  set("binary_cross_entropy_with_logits", (args, kwargs) => {
    const fname = "binary_cross_entropy_with_logits";
    const a = bind(fname, args, kwargs, ["input", "target", "weight", ...LEGACY, "reduction", "pos_weight"]);
    return T.binaryCrossEntropyWithLogits(
      tensorArg(a.input, fname),
      tensorArg(a.target, fname, "target"),
      reductionArg(a.reduction),
      optionalTensor(a.weight, fname, "weight"),
      tensorOf(a.pos_weight),
    );
  });
}
