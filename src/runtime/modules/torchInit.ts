import * as T from "../../engine/tensor/index";
import { int, PyTuple, type Kwargs, type PyModule, type PyValue } from "../interpreter/objects";
import { PyError } from "../interpreter/pyErrors";
import { bind, native, num, optionalNum, tensorArg } from "./torchArgs";
import type { TorchState } from "./torchState";

/**
 * `torch.nn.init`: filling parameters in place, without recording (as PyTorch's init functions
 * run under no_grad), from the seeded generator. The Xavier and Kaiming variants scale their
 * range by the tensor's fans and the nonlinearity's gain, as PyTorch documents them.
 */

/** fan_in / fan_out: sizes of dims 1 and 0, times the receptive field (the dims after them). */
function fans(t: T.Tensor): { fanIn: number; fanOut: number } {
  if (t.ndim < 2)
    throw new PyError(
      "ValueError",
      "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions",
    );
  const receptive = t.shape.slice(2).reduce((p, d) => p * d, 1);
  return { fanIn: t.shape[1] * receptive, fanOut: t.shape[0] * receptive };
}

/** `nn.init.calculate_gain(nonlinearity, param)`. */
function gain(nonlinearity: string, param: number | null): number {
  switch (nonlinearity) {
    case "linear":
    case "sigmoid":
    case "conv1d":
    case "conv2d":
      return 1;
    case "tanh":
      return 5 / 3;
    case "relu":
      return Math.sqrt(2);
    case "leaky_relu": {
      const slope = param ?? 0.01;
      return Math.sqrt(2 / (1 + slope * slope));
    }
    case "selu":
      return 3 / 4;
  }
  throw new PyError("ValueError", `Unsupported nonlinearity ${nonlinearity}`);
}

export function fillInit(s: TorchState, m: PyModule): void {
  const set = (
    name: string,
    params: string[],
    f: (t: T.Tensor, a: Record<string, PyValue | undefined>) => void,
  ) =>
    m.attrs.set(
      name,
      native(name, (args: PyValue[], kwargs: Kwargs) => {
        const a = bind(name, args, kwargs, ["tensor", ...params]);
        const t = tensorArg(a.tensor, name, "tensor");
        T.withNoGrad(() => f(t, a));
        return s.wrap(t);
      }),
    );
  const uniform = (t: T.Tensor, bound: number) => T.uniformInPlace(t, -bound, bound);
  const kaimingStd = (t: T.Tensor, a: Record<string, PyValue | undefined>) => {
    const { fanIn, fanOut } = fans(t);
    const mode = a.mode === undefined ? "fan_in" : String(a.mode);
    const nonlinearity = a.nonlinearity === undefined ? "leaky_relu" : String(a.nonlinearity);
    return gain(nonlinearity, optionalNum(a.a, "a") ?? 0) / Math.sqrt(mode === "fan_out" ? fanOut : fanIn);
  };
  const xavierStd = (t: T.Tensor, a: Record<string, PyValue | undefined>) => {
    const { fanIn, fanOut } = fans(t);
    return (optionalNum(a.gain, "gain") ?? 1) * Math.sqrt(2 / (fanIn + fanOut));
  };
  set("uniform_", ["a", "b"], (t, a) =>
    T.uniformInPlace(t, optionalNum(a.a, "a") ?? 0, optionalNum(a.b, "b") ?? 1),
  );
  set("normal_", ["mean", "std"], (t, a) =>
    T.normalInPlace(t, optionalNum(a.mean, "mean") ?? 0, optionalNum(a.std, "std") ?? 1),
  );
  set("constant_", ["val"], (t, a) => T.fillInPlace(t, num(a.val, "val")));
  set("zeros_", [], (t) => T.fillInPlace(t, 0));
  set("ones_", [], (t) => T.fillInPlace(t, 1));
  set("xavier_uniform_", ["gain"], (t, a) => uniform(t, Math.sqrt(3) * xavierStd(t, a)));
  set("xavier_normal_", ["gain"], (t, a) => T.normalInPlace(t, 0, xavierStd(t, a)));
  set("kaiming_uniform_", ["a", "mode", "nonlinearity"], (t, a) =>
    uniform(t, Math.sqrt(3) * kaimingStd(t, a)),
  );
  set("kaiming_normal_", ["a", "mode", "nonlinearity"], (t, a) => T.normalInPlace(t, 0, kaimingStd(t, a)));
  m.attrs.set(
    "_calculate_fan_in_and_fan_out",
    native("_calculate_fan_in_and_fan_out", (args, kwargs) => {
      const a = bind("_calculate_fan_in_and_fan_out", args, kwargs, ["tensor"]);
      const { fanIn, fanOut } = fans(tensorArg(a.tensor, "_calculate_fan_in_and_fan_out", "tensor"));
      return new PyTuple([int(fanIn), int(fanOut)]);
    }),
  );
  m.attrs.set(
    "calculate_gain",
    native("calculate_gain", (args, kwargs) => {
      const a = bind("calculate_gain", args, kwargs, ["nonlinearity", "param"]);
      return gain(String(a.nonlinearity), optionalNum(a.param, "param"));
    }),
  );
}
