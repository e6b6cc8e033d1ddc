import * as T from "../../engine/tensor/index";
import { dictGet, dictSet } from "../interpreter/collections";
import {
  PyClass,
  PyDict,
  PyInstance,
  PyList,
  PyTuple,
  type Kwargs,
  type PyModule,
  type PyValue,
} from "../interpreter/objects";
import { typeError, UnsupportedError } from "../interpreter/pyErrors";
import { typeName } from "../interpreter/stringify";
import { bind, boolArg, guard, nativeMethod, num } from "./torchArgs";
import { TensorObject, type TorchState } from "./torchState";

/**
 * `torch.optim.SGD`, `Adam`, `AdamW` and `RMSprop` over the engine's optimizers. `param_groups` is a list
 * of dicts the program may edit between steps (`opt.param_groups[0]["lr"] = 0.01`): each step
 * reads the hyper-parameters back from those dicts first.
 */

type AnyOptimizer = T.Optimizer<object, unknown>;

/** Python keyword ↔ engine option, with how to read the Python value. */
interface OptionSpec {
  py: string;
  engine: string;
  read: (v: PyValue) => unknown;
  write: (v: unknown) => PyValue;
}

const number = (py: string, engine = py): OptionSpec => ({
  py,
  engine,
  read: (v) => num(v, py),
  write: (v) => v as number,
});
const flag = (py: string, engine = py): OptionSpec => ({
  py,
  engine,
  read: (v) => boolArg(v, false),
  write: (v) => v as boolean,
});
const betas: OptionSpec = {
  py: "betas",
  engine: "betas",
  read: (v) => {
    const items = v instanceof PyTuple || v instanceof PyList ? v.items : null;
    if (items === null || items.length !== 2) throw typeError("betas must be a pair of floats");
    return [num(items[0], "beta1"), num(items[1], "beta2")];
  },
  write: (v) => new PyTuple((v as number[]).slice()),
};

const SGD_OPTIONS = [
  number("lr"),
  number("momentum"),
  number("dampening"),
  number("weight_decay", "weightDecay"),
  flag("nesterov"),
  flag("maximize"),
];
const ADAM_OPTIONS = [
  number("lr"),
  betas,
  number("eps"),
  number("weight_decay", "weightDecay"),
  flag("amsgrad"),
  flag("maximize"),
];
const RMSPROP_OPTIONS = [
  number("lr"),
  number("alpha"),
  number("eps"),
  number("weight_decay", "weightDecay"),
  number("momentum"),
  flag("centered"),
  flag("maximize"),
];

const optimizers = new WeakMap<PyInstance, { engine: AnyOptimizer; groups: PyDict[]; specs: OptionSpec[] }>();

function paramsOf(s: TorchState, v: PyValue): T.Tensor[] {
  return [...s.interp.iterate(v)].map((p) => {
    if (p instanceof TensorObject) return p.tensor;
    throw typeError(`optimizer can only optimize Tensors, but one of the params is ${typeName(p)}`);
  });
}

function readOptions(specs: OptionSpec[], get: (k: string) => PyValue | undefined): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const spec of specs) {
    const v = get(spec.py);
    if (v !== undefined) options[spec.engine] = spec.read(v);
  }
  return options;
}

function makeOptimizerClass(
  s: TorchState,
  name: string,
  specs: OptionSpec[],
  make: (groups: { params: T.Tensor[]; options: object }[], defaults: object) => AnyOptimizer,
): PyClass {
  const cls: PyClass = new PyClass(name, null, `torch.optim.${name.toLowerCase()}`, (args, kwargs) =>
    guard(() => {
      const a = bind(name, args, kwargs, [
        "params",
        ...specs.map((o) => o.py),
        "foreach",
        "differentiable",
        "fused",
        "capturable",
      ]);
      if (a.params === undefined)
        throw typeError(`${name}.__init__() missing 1 required positional argument: 'params'`);
      const defaults = readOptions(specs, (k) => a[k]);
      const items = [...s.interp.iterate(a.params)];
      const groups =
        items.length > 0 && items[0] instanceof PyDict
          ? items.map((g) => {
              const d = g as PyDict;
              const params = dictGet(d, "params");
              if (params === undefined) throw typeError("param group must have 'params'");
              return { params: paramsOf(s, params), options: readOptions(specs, (k) => dictGet(d, k)) };
            })
          : [{ params: paramsOf(s, new PyList(items)), options: {} }];
      if (groups.every((g) => g.params.length === 0))
        throw new T.TensorError("ValueError", "optimizer got an empty parameter list");
      const engine = make(groups, defaults);
      const self = new PyInstance(cls);
      const dicts = engine.paramGroups.map((g) => {
        const d = new PyDict();
        dictSet(d, "params", new PyList(g.params.map((p) => s.wrap(p))));
        const options = g.options as Record<string, unknown>;
        for (const spec of specs) dictSet(d, spec.py, spec.write(options[spec.engine]));
        return d;
      });
      optimizers.set(self, { engine, groups: dicts, specs });
      self.attrs.set("param_groups", new PyList(dicts));
      self.attrs.set("state", new PyDict());
      return self;
    }),
  );
  const method = (m: string, f: (self: PyInstance, args: PyValue[], kwargs: Kwargs) => PyValue) =>
    cls.dict.set(
      m,
      nativeMethod(m, (self, args, kwargs) => f(self as PyInstance, args, kwargs)),
    );
  method("step", (self, args, kwargs) => {
    const a = bind("step", args, kwargs, ["closure"]);
    if (a.closure !== undefined && a.closure !== null)
      throw new UnsupportedError("optimizer.step(closure) is not supported by GradLens");
    const o = optimizers.get(self)!;
    // the program may have edited param_groups since the last step
    o.engine.paramGroups.forEach((g, i) =>
      Object.assign(
        g.options,
        readOptions(o.specs, (k) => dictGet(o.groups[i], k)),
      ),
    );
    o.engine.step();
    return null;
  });
  method("zero_grad", (self, args, kwargs) => {
    const a = bind("zero_grad", args, kwargs, ["set_to_none"]);
    optimizers.get(self)!.engine.zeroGrad(boolArg(a.set_to_none, false));
    return null;
  });
  return cls;
}

/** The engine's constructors take groups too (typed as a flat list); one cast for all three. */
type EngineOptimizer = new (params: readonly T.Tensor[], options: object) => AnyOptimizer;
const withGroups =
  (Ctor: EngineOptimizer) =>
  (groups: { params: T.Tensor[]; options: object }[], defaults: object): AnyOptimizer =>
    new Ctor(groups as unknown as T.Tensor[], defaults);

export function fillOptim(s: TorchState, m: PyModule): void {
  // PyTorch's SGD requires lr in 2.x only as a default of 1e-3, which the engine already has
  m.attrs.set(
    "SGD",
    makeOptimizerClass(s, "SGD", SGD_OPTIONS, withGroups(T.SGD as unknown as EngineOptimizer)),
  );
  m.attrs.set(
    "Adam",
    makeOptimizerClass(s, "Adam", ADAM_OPTIONS, withGroups(T.Adam as unknown as EngineOptimizer)),
  );
  m.attrs.set(
    "AdamW",
    makeOptimizerClass(s, "AdamW", ADAM_OPTIONS, withGroups(T.AdamW as unknown as EngineOptimizer)),
  );
  m.attrs.set(
    "RMSprop",
    makeOptimizerClass(s, "RMSprop", RMSPROP_OPTIONS, withGroups(T.RMSprop as unknown as EngineOptimizer)),
  );
}
