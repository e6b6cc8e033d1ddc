import * as T from "../../engine/tensor/index";
import type { Interpreter } from "../interpreter/interpreter";
import { PyInt, PyModule, PyTuple, type Kwargs, type PyValue } from "../interpreter/objects";
import { typeError, UnsupportedError } from "../interpreter/pyErrors";
import type { ModuleFactory } from "../moduleLoader";
import {
  bind,
  boolArg,
  dtypeArg,
  intArg,
  isNumberLike,
  native,
  nestedData,
  num,
  optionalNum,
  shapeFrom,
  tensorArg,
  tensorList,
} from "./torchArgs";
import { fillFunction } from "./torchAutogradFunction";
import { torchEinsum } from "./torchEinsum";
import { CREATE_KEYWORDS, createOptions, sizeAndOptions } from "./torchCreation";
import {
  fillAccelerator,
  fillCuda,
  fillCudnn,
  fillDefaultDevice,
  fillMps,
  makeDeviceClass,
} from "./torchDevice";
import { fillFunctional } from "./torchFunctional";
import { fillInit } from "./torchInit";
import { fillNn } from "./torchNn";
import { fillLrScheduler } from "./torchLrScheduler";
import { fillOptim } from "./torchOptim";
import { fillTorchRandom, makeGeneratorClass } from "./torchRandom";
import { fillUtils, fillUtilsData } from "./torchData/torchUtilsData";
import { attachTorchState, TensorObject, torchStateOf, TorchState } from "./torchState";
import { makeTensorClasses } from "./torchTensor";
import { tensorSharing } from "./numpy/torchInterop";
import { TENSOR_METHODS } from "./torchTensorMethods";
import {
  makeDtypeClass,
  makeGradModeClass,
  makeReturnTypes,
  makeSetGradEnabledClass,
  makeSizeClass,
} from "./torchValues";

/**
 * The `torch` module: creation functions (seeded by `torch.manual_seed`), dtypes, `no_grad`,
 * and the functional forms of the tensor methods (`torch.sum(x, dim=0)`). Also the factories
 * the module loader registers for `torch`, `torch.nn`, `torch.nn.functional` and `torch.optim`.
 */

/** `torch.sum(x, …)` and friends: the tensor method with the tensor as first argument. */
const FUNCTIONAL_FORMS = (
  "sum mean max min argmax argmin prod std var norm logsumexp relu sigmoid tanh exp log sqrt abs neg sin " +
  "cos floor ceil round sign square pow clamp add sub mul div matmul mm dot maximum minimum eq ne lt " +
  "bmm le gt ge reshape flatten transpose permute unsqueeze squeeze softmax log_softmax t detach clone numel " +
  "log10 all any tril triu split chunk unbind masked_fill"
).split(" ");

/** What zeros/ones/full take (no generator); the *_like functions also take a memory format. */
const FILL_KEYWORDS = ["dtype", "device", "requires_grad", "layout", "pin_memory"];
const LIKE_KEYWORDS = ["dtype", "device", "requires_grad", "layout", "pin_memory", "memory_format"];

function fillTorch(s: TorchState, m: PyModule): void {
  const set = (name: string, f: (args: PyValue[], kwargs: Kwargs) => PyValue) =>
    m.attrs.set(name, native(name, f));
  const wrap = (t: T.Tensor) => s.wrap(t);
  // the PyTorch whose numbers and defaults GradLens reproduces (zero_grad keeps zeros, as 1.13's does)
  m.attrs.set("__version__", "1.13.0");
  m.attrs.set("Tensor", s.tensorClass);
  m.attrs.set("Size", makeSizeClass(s));
  const { cls: dtypeClass, dtypes } = makeDtypeClass();
  m.attrs.set("dtype", dtypeClass);
  for (const [name, d] of [
    ["float32", "float32"],
    ["float", "float32"],
    ["float64", "float64"],
    ["double", "float64"],
    ["int64", "int64"],
    ["long", "int64"],
    ["int32", "int32"],
    ["int", "int32"],
    ["bool", "bool"],
  ] as const)
    m.attrs.set(name, dtypes.get(d)!);
  m.attrs.set("no_grad", makeGradModeClass(s, "no_grad"));
  m.attrs.set("enable_grad", makeGradModeClass(s, "enable_grad"));
  m.attrs.set("set_grad_enabled", makeSetGradEnabledClass());
  set("is_grad_enabled", () => T.isGradEnabled());
  set("get_default_dtype", () => dtypes.get(T.getDefaultDtype())!);
  set("set_default_dtype", ([d]) => {
    const dtype = dtypeArg(d);
    if (dtype === undefined || !T.isFloating(dtype))
      throw typeError("only floating-point types are supported as the default type");
    T.setDefaultDtype(dtype);
    return null;
  });
  set("is_tensor", ([x]) => x instanceof TensorObject);
  set("from_numpy", ([x]) => wrap(tensorSharing(x)));

  set("tensor", (args, kwargs) => {
    const a = bind("tensor", args, kwargs, ["data", "*", ...CREATE_KEYWORDS]);
    if (a.data === undefined) throw typeError('tensor() missing 1 required positional arguments: "data"');
    const { data, dtype } = nestedData(s.interp, a.data);
    return wrap(T.tensor(data, createOptions(a, dtype)));
  });
  m.attrs.set("as_tensor", m.attrs.get("tensor")!);
  for (const [name, value] of [
    ["zeros", 0],
    ["ones", 1],
    ["empty", 0],
  ] as const)
    set(name, (args, kwargs) => {
      const { shape, a } = sizeAndOptions(s, name, args, kwargs, FILL_KEYWORDS);
      return wrap(T.full(shape, value, createOptions(a)));
    });
  set("full", (args, kwargs) => {
    const a = bind("full", args, kwargs, ["size", "fill_value", "*", ...FILL_KEYWORDS]);
    const fill = a.fill_value;
    const inferred = fill instanceof PyInt ? "int64" : typeof fill === "boolean" ? "bool" : undefined;
    return wrap(T.full(shapeFrom(s.interp, [a.size!]), num(fill, "fill_value"), createOptions(a, inferred)));
  });
  for (const [name, like] of [
    ["zeros_like", (t: T.Tensor, o: T.CreateOptions) => T.zerosLike(t, o)],
    ["ones_like", (t: T.Tensor, o: T.CreateOptions) => T.onesLike(t, o)],
    ["empty_like", (t: T.Tensor, o: T.CreateOptions) => T.zerosLike(t, o)],
  ] as const)
    set(name, (args, kwargs) => {
      const a = bind(name, args, kwargs, ["input", "*", ...LIKE_KEYWORDS]);
      const options = createOptions(a);
      if (options.dtype === undefined) delete options.dtype;
      return wrap(like(tensorArg(a.input, name), options));
    });
  set("full_like", (args, kwargs) => {
    const a = bind("full_like", args, kwargs, ["input", "fill_value", "*", ...LIKE_KEYWORDS]);
    const options = createOptions(a);
    if (options.dtype === undefined) delete options.dtype;
    return wrap(T.fullLike(tensorArg(a.input, "full_like"), num(a.fill_value, "fill_value"), options));
  });
  set("arange", (args, kwargs) => {
    const a = bind("arange", args, kwargs, ["start", "end", "step", "*", ...CREATE_KEYWORDS]);
    const given = [a.start, a.end, a.step].filter((v) => v !== undefined) as PyValue[];
    const [start, end] =
      a.end === undefined ? [0, num(a.start, "end")] : [num(a.start, "start"), num(a.end, "end")];
    const allInts = given.every((v) => v instanceof PyInt);
    return wrap(T.arange(start, end, optionalNum(a.step, "step") ?? 1, { ...createOptions(a), allInts }));
  });
  set("linspace", (args, kwargs) => {
    const a = bind("linspace", args, kwargs, ["start", "end", "steps", "*", ...CREATE_KEYWORDS]);
    return wrap(
      T.linspace(num(a.start, "start"), num(a.end, "end"), intArg(a.steps, "steps"), createOptions(a)),
    );
  });
  set("eye", (args, kwargs) => {
    const a = bind("eye", args, kwargs, ["n", "m", "*", ...CREATE_KEYWORDS]);
    const n = intArg(a.n, "n");
    return wrap(T.eye(n, a.m === undefined || a.m === null ? n : intArg(a.m, "m"), createOptions(a)));
  });

  set("cat", (args, kwargs) => {
    const a = bind("cat", args, kwargs, ["tensors", "dim"]);
    return wrap(
      T.cat(tensorList(s.interp, a.tensors, "cat"), a.dim === undefined ? 0 : intArg(a.dim, "dim")),
    );
  });
  m.attrs.set("concat", m.attrs.get("cat")!);
  set("einsum", (args) => torchEinsum(s, args));
  set("stack", (args, kwargs) => {
    const a = bind("stack", args, kwargs, ["tensors", "dim"]);
    return wrap(
      T.stack(tensorList(s.interp, a.tensors, "stack"), a.dim === undefined ? 0 : intArg(a.dim, "dim")),
    );
  });
  set("where", (args, kwargs) => {
    const a = bind("where", args, kwargs, ["condition", "input", "other"]);
    if (a.input === undefined && a.other === undefined)
      throw new UnsupportedError("torch.where(condition) with one argument is not supported by GradLens");
    const operandOf = (v: PyValue | undefined, what: string) =>
      isNumberLike(v ?? null) ? num(v, what) : tensorArg(v, "where", what);
    return wrap(
      T.where(
        tensorArg(a.condition, "where", "condition"),
        operandOf(a.input, "input"),
        operandOf(a.other, "other"),
      ),
    );
  });
  set("allclose", (args, kwargs) => {
    const a = bind("allclose", args, kwargs, ["input", "other", "rtol", "atol", "equal_nan"]);
    return T.allclose(
      tensorArg(a.input, "allclose"),
      tensorArg(a.other, "allclose", "other"),
      optionalNum(a.rtol, "rtol") ?? 1e-5,
      optionalNum(a.atol, "atol") ?? 1e-8,
    );
  });
  set("histogram", (args, kwargs) => {
    const a = bind("histogram", args, kwargs, ["input", "bins", "*", "range", "weight", "density"]);
    if (a.bins instanceof TensorObject)
      throw new UnsupportedError("torch.histogram with a tensor of bin edges is not supported by GradLens");
    const range = a.range === undefined || a.range === null ? null : tensorList2(s, a.range);
    const { hist, edges } = T.histogram(
      tensorArg(a.input, "histogram"),
      a.bins === undefined ? 100 : intArg(a.bins, "bins"),
      range,
      a.weight === undefined || a.weight === null ? null : tensorArg(a.weight, "histogram", "weight"),
      boolArg(a.density, false),
    );
    return makeReturnTypes(s, "histogram", wrap(hist), wrap(edges), ["hist", "bin_edges"]);
  });
  set("histc", (args, kwargs) => {
    const a = bind("histc", args, kwargs, ["input", "bins", "min", "max"]);
    return wrap(
      T.histc(
        tensorArg(a.input, "histc"),
        a.bins === undefined ? 100 : intArg(a.bins, "bins"),
        optionalNum(a.min, "min") ?? 0,
        optionalNum(a.max, "max") ?? 0,
      ),
    );
  });
  set("equal", ([x, y]) => T.equal(tensorArg(x, "equal"), tensorArg(y, "equal", "other")));
  for (const name of FUNCTIONAL_FORMS) {
    const method = TENSOR_METHODS[name];
    set(name, (args, kwargs) => {
      const rest = kwargs ? new Map(kwargs) : null;
      const input = args.length > 0 ? args[0] : rest?.get("input");
      rest?.delete("input");
      return method(s, tensorArg(input, name), args.slice(1), rest);
    });
  }
  m.attrs.set("device", makeDeviceClass());
  fillTorchRandom(s, m, makeGeneratorClass(s));
  fillDefaultDevice(s, m);
  for (const name of SUBMODULES) m.attrs.set(name, torchModule(s, `torch.${name}`));
}

/** `range=(lo, hi)` of torch.histogram. */
function tensorList2(s: TorchState, v: PyValue): [number, number] {
  const items = [...s.interp.iterate(v)];
  if (items.length !== 2) throw typeError("histogram(): argument 'range' must be a pair of floats");
  return [num(items[0], "range"), num(items[1], "range")];
}

/** The submodules `import torch` makes reachable as attributes. */
const SUBMODULES = ["nn", "optim", "autograd", "cuda", "backends", "accelerator", "utils"];

const FILLERS: Record<string, (s: TorchState, m: PyModule) => void> = {
  torch: fillTorch,
  "torch.cuda": fillCuda,
  "torch.backends": (s, m) => {
    m.attrs.set("mps", torchModule(s, "torch.backends.mps"));
    m.attrs.set("cudnn", torchModule(s, "torch.backends.cudnn"));
  },
  "torch.backends.mps": fillMps,
  "torch.backends.cudnn": fillCudnn,
  "torch.accelerator": fillAccelerator,
  "torch.nn.parameter": (s, m) => m.attrs.set("Parameter", s.parameterClass),
  "torch.nn": (s, m) => {
    const functional = torchModule(s, "torch.nn.functional");
    const init = torchModule(s, "torch.nn.init");
    fillNn(s, m, torchModule(s, "torch"), functional, init);
    m.attrs.set("functional", functional);
    m.attrs.set("init", init);
    m.attrs.set("parameter", torchModule(s, "torch.nn.parameter"));
  },
  "torch.nn.functional": fillFunctional,
  "torch.nn.init": fillInit,
  "torch.optim": (s, m) => {
    fillOptim(s, m, torchModule(s, "torch"));
    m.attrs.set("lr_scheduler", torchModule(s, "torch.optim.lr_scheduler"));
  },
  "torch.optim.lr_scheduler": (s, m) => fillLrScheduler(s, m, torchModule(s, "torch.optim")),
  "torch.autograd": fillAutograd,
  "torch.utils": (s, m) => fillUtils(m, torchModule(s, "torch.utils.data")),
  "torch.utils.data": (s, m) => fillUtilsData(s, m, torchModule(s, "torch")),
};

/** `torch.autograd.grad`: gradients of an output with respect to inputs, leaving `.grad` alone. */
function fillAutograd(s: TorchState, m: PyModule): void {
  fillFunction(s, m, torchModule(s, "torch"));
  m.attrs.set(
    "grad",
    native("grad", (args, kwargs) => {
      const a = bind("grad", args, kwargs, [
        "outputs",
        "inputs",
        "grad_outputs",
        "retain_graph",
        "create_graph",
        "allow_unused",
      ]);
      if (boolArg(a.create_graph, false))
        throw new UnsupportedError("torch.autograd.grad(create_graph=True) is not supported by GradLens");
      const one = (v: PyValue | undefined, what: string) =>
        v instanceof TensorObject ? [v.tensor] : tensorList(s.interp, v, `grad(${what})`);
      const outputs = one(a.outputs, "outputs");
      if (outputs.length !== 1)
        throw new UnsupportedError("torch.autograd.grad with several outputs is not supported by GradLens");
      const gradOutputs =
        a.grad_outputs === undefined || a.grad_outputs === null
          ? [null]
          : one(a.grad_outputs, "grad_outputs");
      const grads = T.grad(outputs[0], one(a.inputs, "inputs"), {
        gradOutput: gradOutputs[0],
        retainGraph: boolArg(a.retain_graph, false),
        allowUnused: boolArg(a.allow_unused, false),
      });
      return new PyTuple(grads.map((g) => (g === null ? null : s.wrap(g))));
    }),
  );
}

/** One module per run, registered before it is filled so modules can refer to each other. */
export function torchModule(s: TorchState, name: string): PyModule {
  let m = s.modules.get(name);
  if (m === undefined) {
    m = new PyModule(name);
    s.modules.set(name, m);
    FILLERS[name](s, m);
  }
  return m;
}

/** The run's torch state, made (and the engine reset to PyTorch's start-up state) on first import. */
function stateFor(interp: Interpreter): TorchState {
  const existing = torchStateOf(interp);
  if (existing !== null) return existing;
  T.resetEngineState();
  const s = new TorchState(interp);
  attachTorchState(interp, s);
  makeTensorClasses(s);
  // a hook set before (numpy's) keeps being told
  const previous = interp.nameHook;
  interp.nameHook = (value, occurrence, name) => {
    previous?.(value, occurrence, name);
    s.noteName(value, occurrence, name);
  };
  return s;
}

export const TORCH_MODULES: [string, ModuleFactory][] = Object.keys(FILLERS).map((name) => [
  name,
  (interp: Interpreter) => torchModule(stateFor(interp), name),
]);
