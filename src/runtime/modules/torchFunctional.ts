import * as T from "../../engine/tensor/index";
import { PyList, PyTuple, type Kwargs, type PyModule, type PyValue } from "../interpreter/objects";
import { PyError, typeError, UnsupportedError } from "../interpreter/pyErrors";
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

/** An int or a pair of ints (`stride=2`, `kernel_size=(2, 2)`) as (height, width). */
function pairArg(v: PyValue | undefined, name: string, fallback: number): [number, number] {
  if (v === undefined || v === null) return [fallback, fallback];
  if (v instanceof PyTuple || v instanceof PyList) {
    if (v.items.length !== 2) throw new PyError("RuntimeError", `${name} must be an int or a pair of ints`);
    return [intArg(v.items[0], name), intArg(v.items[1], name)];
  }
  const k = intArg(v, name);
  return [k, k];
}

/** conv2d's `padding`: a number, a pair, or "valid"/"same" (same: stride 1 only, split as PyTorch splits it). */
function paddingArg(
  v: PyValue | undefined,
  kernel: [number, number],
  dilation: [number, number],
  stride: [number, number],
): [number, number] {
  if (v === "valid") return [0, 0];
  if (v === "same") {
    if (stride[0] !== 1 || stride[1] !== 1)
      throw new PyError("ValueError", "padding='same' is not supported for strided convolutions");
    const total = [0, 1].map((i) => dilation[i] * (kernel[i] - 1));
    if (total.some((t) => t % 2 !== 0))
      throw new UnsupportedError(
        "padding='same' with an even kernel (padded unevenly) is not supported by GradLens",
      );
    return [total[0] / 2, total[1] / 2];
  }
  if (typeof v === "string")
    throw new PyError("ValueError", `Invalid padding string '${v}', should be one of {'valid', 'same'}`);
  return pairArg(v, "padding", 0);
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
  set("conv2d", (args, kwargs) => {
    const a = bind("conv2d", args, kwargs, [
      "input",
      "weight",
      "bias",
      "stride",
      "padding",
      "dilation",
      "groups",
    ]);
    const weight = tensorArg(a.weight, "conv2d", "weight");
    const stride = pairArg(a.stride, "stride", 1);
    const dilation = pairArg(a.dilation, "dilation", 1);
    const kernel: [number, number] = [weight.shape[2] ?? 1, weight.shape[3] ?? 1];
    return T.conv2d(
      tensorArg(a.input, "conv2d"),
      weight,
      optionalTensor(a.bias, "conv2d", "bias"),
      { stride, dilation, padding: paddingArg(a.padding, kernel, dilation, stride) },
      a.groups === undefined ? 1 : intArg(a.groups, "groups"),
    );
  });
  const maxPool = (name: string, indices: boolean) =>
    m.attrs.set(
      name,
      native(name, (args, kwargs) => {
        const a = bind(name, args, kwargs, [
          "input",
          "kernel_size",
          "stride",
          "padding",
          "dilation",
          "ceil_mode",
          "return_indices",
        ]);
        const kernel = pairArg(a.kernel_size, "kernel_size", 1);
        const stride =
          a.stride === undefined ||
          a.stride === null ||
          (a.stride instanceof PyList && a.stride.items.length === 0)
            ? kernel
            : pairArg(a.stride, "stride", 1);
        const { out, indices: where } = T.maxPool2d(
          tensorArg(a.input, name),
          kernel,
          { stride, padding: pairArg(a.padding, "padding", 0), dilation: pairArg(a.dilation, "dilation", 1) },
          boolArg(a.ceil_mode, false),
        );
        return indices || boolArg(a.return_indices, false)
          ? new PyTuple([s.wrap(out), s.wrap(where)])
          : s.wrap(out);
      }),
    );
  maxPool("max_pool2d", false);
  maxPool("max_pool2d_with_indices", true);
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
