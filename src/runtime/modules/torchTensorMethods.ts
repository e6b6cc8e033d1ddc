import * as T from "../../engine/tensor/index";
import type { Tensor } from "../../engine/tensor/index";
import { int, PyTuple, type Kwargs, type PyValue } from "../interpreter/objects";
import { typeError, UnsupportedError } from "../interpreter/pyErrors";
import { typeName } from "../interpreter/stringify";
import {
  bind,
  boolArg,
  dimsArg,
  dtypeArg,
  intArg,
  num,
  operand,
  optionalNum,
  pyNumber,
  shapeFrom,
  tensorArg,
  toPython,
} from "./torchArgs";
import { DEVICE_METHODS } from "./torchDevice";
import { RANDOM_METHODS } from "./torchRandom";
import { MASKING_METHODS } from "./torchMasking";
import { TensorObject, type TorchState } from "./torchState";
import { makeReturnTypes } from "./torchValues";
import { arraySharing } from "./numpy/torchInterop";

/**
 * The methods of `torch.Tensor` (`x.sum(dim=1)`, `x.relu()`, `x.backward()`, …), each a thin
 * translation of Python arguments into one engine call. `torch.sum(x, …)` and the other
 * functional forms call the same table with the tensor as first argument.
 */
export type TensorMethod = (s: TorchState, self: Tensor, args: PyValue[], kwargs: Kwargs) => PyValue;

const unary =
  (name: string, f: (t: Tensor) => Tensor): TensorMethod =>
  (s, self, args, kwargs) => {
    bind(name, args, kwargs, []);
    return s.wrap(f(self));
  };

/**
 * `x.add(y)`-style methods that are an operator under another name; in-place ones (`add_`) give
 * back the same tensor, so the same Python object.
 */
const binary =
  (name: string, f: (a: Tensor, b: Tensor) => Tensor, alphaSign = 0): TensorMethod =>
  (s, self, args, kwargs) => {
    const a = bind(name, args, kwargs, ["other", "*", "alpha"]);
    const other = operandArg(a.other);
    if (a.alpha === undefined) return s.wrap(f(self, other));
    const alpha = operandArg(a.alpha);
    // add/sub with alpha: one fused multiply-add in PyTorch's kernel (see writeScaledSum)
    const before =
      alphaSign !== 0 && name.endsWith("_")
        ? T.Tensor.fromValues(self.copyValues(), self.shape, self.dtype)
        : self;
    const out = f(self, T.mul(other, alpha));
    if (alphaSign !== 0 && alpha.numel === 1) T.writeScaledSum(out, before, other, alphaSign * alpha.item());
    return s.wrap(out);
  };

export function operandArg(v: PyValue | undefined): Tensor {
  const t = operand(v);
  if (t === null) throw typeError(`expected a Tensor or a number, not ${typeName(v ?? null)}`);
  return t;
}

/** `sum`/`mean`: (dim=None, keepdim=False, *, dtype=None). */
const reduction =
  (name: string, f: typeof T.sum): TensorMethod =>
  (s, self, args, kwargs) => {
    const a = bind(name, args, kwargs, ["dim", "keepdim", "*", "dtype"]);
    const dim = dimsArg(s.interp, a.dim);
    return s.wrap(f(self, dim, boolArg(a.keepdim, false), dtypeArg(a.dtype)));
  };

/** `max`/`min`: over everything, along a dim (values and indices), or elementwise with another tensor. */
const extreme =
  (kind: "max" | "min"): TensorMethod =>
  (s, self, args, kwargs) => {
    const a = bind(kind, args, kwargs, ["dim", "keepdim"]);
    if (a.dim === undefined || a.dim === null) return s.wrap(kind === "max" ? T.max(self) : T.min(self));
    const other = a.dim instanceof TensorObject ? a.dim.tensor : null;
    if (other !== null) return s.wrap(kind === "max" ? T.maximum(self, other) : T.minimum(self, other));
    const along = kind === "max" ? T.maxAlong : T.minAlong;
    const r = along(self, intArg(a.dim, "dim"), boolArg(a.keepdim, false));
    return makeReturnTypes(s, kind, s.wrap(r.values), s.wrap(r.indices));
  };

const argExtreme =
  (name: string, f: typeof T.argmax): TensorMethod =>
  (s, self, args, kwargs) => {
    const a = bind(name, args, kwargs, ["dim", "keepdim"]);
    const dim = a.dim === undefined || a.dim === null ? null : intArg(a.dim, "dim");
    return s.wrap(f(self, dim, boolArg(a.keepdim, false)));
  };

const softmaxLike =
  (name: string, f: typeof T.softmax): TensorMethod =>
  (s, self, args, kwargs) => {
    const a = bind(name, args, kwargs, ["dim", "*", "dtype"]);
    if (a.dim === undefined || a.dim === null)
      throw typeError(`${name}() missing 1 required positional arguments: "dim"`);
    const dtype = dtypeArg(a.dtype);
    return s.wrap(f(dtype ? T.cast(self, dtype) : self, intArg(a.dim, "dim")));
  };

const cast =
  (name: string, dtype: T.DType): TensorMethod =>
  (s, self, args, kwargs) => {
    bind(name, args, kwargs, []);
    return s.wrap(T.cast(self, dtype));
  };

/**
 * `x.all()` / `x.any()` over every element or along a dim: a bool tensor, not recorded — the
 * count of non-zero elements compared with the size (all) or with zero (any).
 */
const truthOf =
  (name: "all" | "any"): TensorMethod =>
  (s, self, args, kwargs) => {
    const a = bind(name, args, kwargs, ["dim", "keepdim"]);
    const nonZero = T.ne(self, 0);
    if (a.dim === undefined || a.dim === null) {
      const count = T.sum(nonZero).item();
      return s.wrap(
        T.tensor(name === "all" ? (count === self.numel ? 1 : 0) : count > 0 ? 1 : 0, { dtype: "bool" }),
      );
    }
    const dim = intArg(a.dim, "dim");
    const counts = T.sum(nonZero, dim, boolArg(a.keepdim, false));
    return s.wrap(
      name === "all" ? T.eq(counts, T.scalar(self.size(dim), "int")) : T.gt(counts, T.scalar(0, "int")),
    );
  };

function shapeArgs(s: TorchState, args: PyValue[], kwargs: Kwargs, key: string): number[] {
  const k = kwargs?.get(key);
  return shapeFrom(s.interp, k !== undefined ? [k] : args);
}

export const TENSOR_METHODS: Record<string, TensorMethod> = {
  sum: reduction("sum", T.sum),
  mean: reduction("mean", T.mean),
  max: extreme("max"),
  min: extreme("min"),
  argmax: argExtreme("argmax", T.argmax),
  argmin: argExtreme("argmin", T.argmin),
  prod(s, self, args, kwargs) {
    const a = bind("prod", args, kwargs, ["dim", "keepdim"]);
    const dim = a.dim === undefined || a.dim === null ? null : intArg(a.dim, "dim");
    return s.wrap(T.prod(self, dim, boolArg(a.keepdim, false)));
  },
  std(s, self, args, kwargs) {
    const a = bind("std", args, kwargs, ["dim", "unbiased", "keepdim", "*", "correction"]);
    const correction =
      a.correction !== undefined ? num(a.correction, "correction") : boolArg(a.unbiased, true) ? 1 : 0;
    return s.wrap(T.std(self, dimsArg(s.interp, a.dim), correction, boolArg(a.keepdim, false), "torch"));
  },
  var(s, self, args, kwargs) {
    const a = bind("var", args, kwargs, ["dim", "unbiased", "keepdim", "*", "correction"]);
    const correction =
      a.correction !== undefined ? num(a.correction, "correction") : boolArg(a.unbiased, true) ? 1 : 0;
    return s.wrap(T.variance(self, dimsArg(s.interp, a.dim), correction, boolArg(a.keepdim, false), "torch"));
  },
  norm(s, self, args, kwargs) {
    const a = bind("norm", args, kwargs, ["p", "dim", "keepdim"]);
    if (a.p !== undefined && a.p !== null && a.p !== "fro" && num(a.p, "p") !== 2)
      throw new UnsupportedError("norm() with p other than 2 is not supported by GradLens");
    return s.wrap(T.norm(self, dimsArg(s.interp, a.dim), boolArg(a.keepdim, false)));
  },
  logsumexp(s, self, args, kwargs) {
    const a = bind("logsumexp", args, kwargs, ["dim", "keepdim"]);
    const dim = dimsArg(s.interp, a.dim);
    if (dim === null) throw typeError('logsumexp() missing 1 required positional arguments: "dim"');
    return s.wrap(T.logsumexp(self, dim, boolArg(a.keepdim, false)));
  },
  relu: unary("relu", T.relu),
  sigmoid: unary("sigmoid", T.sigmoid),
  tanh: unary("tanh", T.tanh),
  exp: unary("exp", T.exp),
  log: unary("log", T.log),
  log10: unary("log10", T.log10),
  sqrt: unary("sqrt", T.sqrt),
  abs: unary("abs", T.abs),
  neg: unary("neg", (t) => T.neg(t)),
  sin: unary("sin", T.sin),
  cos: unary("cos", T.cos),
  floor: unary("floor", (t) => T.stepFunction(t, "floor")),
  ceil: unary("ceil", (t) => T.stepFunction(t, "ceil")),
  round: unary("round", (t) => T.stepFunction(t, "round")),
  sign: unary("sign", (t) => T.stepFunction(t, "sign")),
  t: unary("t", T.t),
  contiguous: unary("contiguous", T.contiguous),
  clone: unary("clone", T.clone),
  detach: unary("detach", T.detach),
  square: unary("square", (t) => T.pow(t, T.scalar(2, "int"))),
  pow(s, self, args, kwargs) {
    const a = bind("pow", args, kwargs, ["exponent"]);
    return s.wrap(T.pow(self, operandArg(a.exponent)));
  },
  clamp(s, self, args, kwargs) {
    const a = bind("clamp", args, kwargs, ["min", "max"]);
    return s.wrap(T.clamp(self, optionalNum(a.min, "min"), optionalNum(a.max, "max")));
  },
  add: binary("add", T.add, 1),
  sub: binary("sub", T.sub, -1),
  mul: binary("mul", T.mul),
  div: binary("div", T.div),
  matmul: binary("matmul", T.matmul),
  mm: binary("mm", T.matmul),
  bmm: (s, self, args, kwargs) => s.wrap(T.bmm(self, operandArg(bind("bmm", args, kwargs, ["mat2"]).mat2))),
  dot: binary("dot", T.matmul),
  maximum: binary("maximum", T.maximum),
  minimum: binary("minimum", T.minimum),
  eq: binary("eq", T.eq),
  ne: binary("ne", T.ne),
  lt: binary("lt", T.lt),
  le: binary("le", T.le),
  gt: binary("gt", T.gt),
  ge: binary("ge", T.ge),
  add_: binary("add_", T.addInPlace, 1),
  sub_: binary("sub_", T.subInPlace, -1),
  mul_: binary("mul_", T.mulInPlace),
  div_: binary("div_", T.divInPlace),
  copy_: binary("copy_", T.copyInPlace),
  zero_: (s, self, args, kwargs) => {
    bind("zero_", args, kwargs, []);
    return s.wrap(T.zeroInPlace(self));
  },
  fill_(s, self, args, kwargs) {
    const a = bind("fill_", args, kwargs, ["value"]);
    return s.wrap(T.fillInPlace(self, num(a.value, "value")));
  },
  ...RANDOM_METHODS,
  ...MASKING_METHODS,
  reshape: (s, self, args, kwargs) => s.wrap(T.reshape(self, shapeArgs(s, args, kwargs, "shape"))),
  view: (s, self, args, kwargs) => s.wrap(T.view(self, shapeArgs(s, args, kwargs, "size"))),
  expand: (s, self, args, kwargs) => s.wrap(T.expand(self, shapeArgs(s, args, kwargs, "size"))),
  permute: (s, self, args, kwargs) => s.wrap(T.permute(self, shapeArgs(s, args, kwargs, "dims"))),
  flatten(s, self, args, kwargs) {
    const a = bind("flatten", args, kwargs, ["start_dim", "end_dim"]);
    const start = a.start_dim === undefined ? 0 : intArg(a.start_dim, "start_dim");
    return s.wrap(T.flatten(self, start, a.end_dim === undefined ? -1 : intArg(a.end_dim, "end_dim")));
  },
  transpose(s, self, args, kwargs) {
    const a = bind("transpose", args, kwargs, ["dim0", "dim1"]);
    return s.wrap(T.transpose(self, intArg(a.dim0, "dim0"), intArg(a.dim1, "dim1")));
  },
  unsqueeze(s, self, args, kwargs) {
    const a = bind("unsqueeze", args, kwargs, ["dim"]);
    return s.wrap(T.unsqueeze(self, intArg(a.dim, "dim")));
  },
  squeeze(s, self, args, kwargs) {
    const a = bind("squeeze", args, kwargs, ["dim"]);
    return s.wrap(T.squeeze(self, dimsArg(s.interp, a.dim)));
  },
  softmax: softmaxLike("softmax", T.softmax),
  log_softmax: softmaxLike("log_softmax", T.logSoftmax),
  float: cast("float", "float32"),
  double: cast("double", "float64"),
  long: cast("long", "int64"),
  int: cast("int", "int32"),
  bool: cast("bool", "bool"),
  ...DEVICE_METHODS,
  numpy: (s, self, args, kwargs) => {
    bind("numpy", args, kwargs, ["*", "force"]);
    return arraySharing(s.interp, self);
  },
  all: truthOf("all"),
  any: truthOf("any"),
  item(_s, self, args, kwargs) {
    bind("item", args, kwargs, []);
    return pyNumber(self.item(), self.dtype);
  },
  tolist(_s, self, args, kwargs) {
    bind("tolist", args, kwargs, []);
    return toPython(self.toNested(), self.dtype);
  },
  size(s, self, args, kwargs) {
    const a = bind("size", args, kwargs, ["dim"]);
    if (a.dim === undefined || a.dim === null) return makeSize(s, self.shape);
    return int(self.size(intArg(a.dim, "dim")));
  },
  dim: (_s, self) => int(self.ndim),
  numel: (_s, self) => int(self.numel),
  nelement: (_s, self) => int(self.numel),
  is_floating_point: (_s, self) => T.isFloating(self.dtype),
  requires_grad_(s, self, args, kwargs) {
    const a = bind("requires_grad_", args, kwargs, ["requires_grad"]);
    return s.wrap(T.requiresGradInPlace(self, boolArg(a.requires_grad, true)));
  },
  retain_grad(_s, self, args, kwargs) {
    bind("retain_grad", args, kwargs, []);
    T.retainGrad(self);
    return null;
  },
  backward(s, self, args, kwargs) {
    const a = bind("backward", args, kwargs, ["gradient", "retain_graph", "create_graph", "inputs"]);
    if (boolArg(a.create_graph, false))
      throw new UnsupportedError("backward(create_graph=True) is not supported by GradLens");
    const gradient =
      a.gradient === undefined || a.gradient === null ? null : tensorArg(a.gradient, "backward", "gradient");
    if (a.inputs !== undefined && a.inputs !== null)
      throw new UnsupportedError("backward(inputs=...) is not supported by GradLens");
    const rootId = self.id;
    s.lastBackward = T.backward(self, { gradient, retainGraph: boolArg(a.retain_graph, false), trace: true });
    s.lastRootId = rootId;
    // the tensor root is now the run's root; a micrograd backward() after this one takes over again
    s.interp.lastRoot = null;
    return null;
  },
};

/** `torch.Size`: a tuple-like object that prints as `torch.Size([2, 3])`. */
export function makeSize(s: TorchState, shape: readonly number[]): PyValue {
  const size = s.modules.get("torch")?.attrs.get("Size");
  return size !== undefined
    ? s.interp.call(size, [new PyTuple(shape.map((d) => int(d)))])
    : new PyTuple(shape.map((d) => int(d)));
}
