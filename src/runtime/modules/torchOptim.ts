import { roundToDtype } from "../../engine/tensor/dtype";
import * as T from "../../engine/tensor/index";
import { dictGet, dictSet } from "../interpreter/collections";
import {
  int,
  PyBuiltin,
  PyDict,
  PyInstance,
  PyInt,
  PyList,
  PyTuple,
  type PyModule,
  type PyValue,
} from "../interpreter/objects";
import { typeError } from "../interpreter/pyErrors";
import { typeName } from "../interpreter/stringify";
import { libraryProgram } from "./libraryProgram";
import { boolArg, guard, num } from "./torchArgs";
import { TORCH_OPTIM_SOURCE } from "./torchOptimSource";
import { TensorObject, type TorchState } from "./torchState";

/**
 * `torch.optim`: the optimizer classes are Python (torchOptimSource.ts), as PyTorch's are, so a
 * program sees `param_groups`, `state` (a defaultdict keyed by parameter), `state_dict()`,
 * `load_state_dict()`, `add_param_group()` and can subclass `Optimizer`. Their `step` hands each
 * parameter to the engine's optimizer (`_engine_step`), which updates it with PyTorch's
 * formulas. Between steps the Python `state` dicts are the truth: a step reads a parameter's
 * entry back into the engine when the program replaced or changed it (load_state_dict, an
 * in-place edit), and writes the new state into the same tensors after the update, as PyTorch
 * updates its state tensors in place.
 */

/** Python keyword ↔ engine option, with how to read the Python value. */
interface OptionSpec {
  py: string;
  engine: string;
  read: (v: PyValue) => unknown;
}

const number = (py: string, engine = py): OptionSpec => ({ py, engine, read: (v) => num(v, py) });
const flag = (py: string, engine = py): OptionSpec => ({ py, engine, read: (v) => boolArg(v, false) });
const betas: OptionSpec = {
  py: "betas",
  engine: "betas",
  read: (v) => {
    const items = v instanceof PyTuple || v instanceof PyList ? v.items : null;
    if (items === null || items.length !== 2) throw typeError("betas must be a pair of floats");
    return [num(items[0], "beta1"), num(items[1], "beta2")];
  },
};

type AnyOptimizer = T.Optimizer<object, unknown>;

interface Kind {
  options: OptionSpec[];
  make: (first: T.Tensor) => AnyOptimizer;
  /** Adam keeps its step count as a float tensor (PyTorch 1.13), RMSprop as an int. */
  stepTensor: boolean;
}

const ADAM_OPTIONS = [
  number("lr"),
  betas,
  number("eps"),
  number("weight_decay", "weightDecay"),
  flag("amsgrad"),
  flag("maximize"),
];

const KINDS: Record<string, Kind> = {
  SGD: {
    options: [
      number("lr"),
      number("momentum"),
      number("dampening"),
      number("weight_decay", "weightDecay"),
      flag("nesterov"),
      flag("maximize"),
    ],
    make: (p) => new T.SGD([p]) as unknown as AnyOptimizer,
    stepTensor: false,
  },
  Adam: { options: ADAM_OPTIONS, make: (p) => new T.Adam([p]) as unknown as AnyOptimizer, stepTensor: true },
  AdamW: {
    options: ADAM_OPTIONS,
    make: (p) => new T.AdamW([p]) as unknown as AnyOptimizer,
    stepTensor: true,
  },
  RMSprop: {
    options: [
      number("lr"),
      number("alpha"),
      number("eps"),
      number("weight_decay", "weightDecay"),
      number("momentum"),
      flag("centered"),
      flag("maximize"),
    ],
    make: (p) => new T.RMSprop([p]) as unknown as AnyOptimizer,
    stepTensor: false,
  },
  Adagrad: {
    options: [
      number("lr"),
      number("lr_decay", "lrDecay"),
      number("eps"),
      number("weight_decay", "weightDecay"),
      number("initial_accumulator_value", "initialAccumulatorValue"),
      flag("maximize"),
    ],
    make: (p) => new T.Adagrad([p]) as unknown as AnyOptimizer,
    stepTensor: true,
  },
};

/** What the last step wrote into a parameter's state dict: the values, and each tensor's version then. */
interface Written {
  dict: PyDict;
  values: Map<string, { value: PyValue; version: number }>;
}

const versionOf = (v: PyValue) => (v instanceof TensorObject ? v.tensor.storage.version : -1);

/** True when the program left the state entry as the last step wrote it. */
function unchanged(entry: PyDict, written: Written | undefined): boolean {
  if (written === undefined || written.dict !== entry || entry.entries.size !== written.values.size)
    return false;
  for (const { key, value } of entry.entries.values()) {
    const w = typeof key === "string" ? written.values.get(key) : undefined;
    if (w === undefined || w.value !== value || w.version !== versionOf(value)) return false;
  }
  return true;
}

/** A state entry as the engine reads it: tensors as their values, numbers as numbers. */
function entriesOf(entry: PyDict): Map<string, Float64Array | number | null> {
  const out = new Map<string, Float64Array | number | null>();
  for (const { key, value } of entry.entries.values()) {
    if (typeof key !== "string") continue;
    if (value instanceof TensorObject) out.set(key, value.tensor.copyValues());
    else if (value === null) out.set(key, null);
    else if (typeof value === "number" || value instanceof PyInt || typeof value === "boolean")
      out.set(key, num(value, key));
  }
  return out;
}

/** Writes `values` into the state tensor the entry holds when it fits (in place, as PyTorch's `mul_`/`add_`), else a new one. */
function stateTensor(
  s: TorchState,
  old: PyValue | undefined,
  values: Float64Array,
  shape: readonly number[],
  dtype: T.DType,
): TensorObject {
  if (
    old instanceof TensorObject &&
    old.tensor.dtype === dtype &&
    old.tensor.numel === values.length &&
    old.tensor.isContiguous()
  ) {
    const t = old.tensor;
    const rounded = values.slice();
    roundToDtype(rounded, dtype);
    t.storage.data.set(rounded, t.offset);
    t.storage.version++;
    return old;
  }
  return s.wrap(T.Tensor.fromValues(values.slice(), shape, dtype));
}

function engineStep(
  s: TorchState,
  engines: WeakMap<PyInstance, AnyOptimizer>,
  written: WeakMap<T.Tensor, Written>,
) {
  return new PyBuiltin("_engine_step", (args) =>
    guard(() => {
      const [opt, kindName] = args;
      const kind = KINDS[String(kindName)];
      if (!(opt instanceof PyInstance) || kind === undefined) throw typeError("_engine_step: bad arguments");
      const state = opt.attrs.get("state");
      if (!(state instanceof PyDict)) throw typeError("optimizer.state must be a dict");
      for (const group of s.interp.iterate(opt.attrs.get("param_groups") ?? null)) {
        if (!(group instanceof PyDict)) throw typeError("param group must be a dict");
        const options: Record<string, unknown> = {};
        for (const spec of kind.options) {
          const v = dictGet(group, spec.py);
          if (v !== undefined) options[spec.engine] = spec.read(v);
        }
        for (const p of s.interp.iterate(dictGet(group, "params") ?? null)) {
          if (!(p instanceof TensorObject))
            throw typeError(`optimizer can only optimize Tensors, but one of the params is ${typeName(p)}`);
          const t = p.tensor;
          if (t.grad === null) continue;
          let engine = engines.get(opt);
          if (engine === undefined) engines.set(opt, (engine = kind.make(t)));
          const entry = dictGet(state, p);
          if (entry === undefined) engine.importState(t, null);
          else if (!(entry instanceof PyDict))
            throw typeError("optimizer state of a parameter must be a dict");
          else if (!unchanged(entry, written.get(t))) engine.importState(t, entriesOf(entry));
          engine.stepParam(t, { ...engine.paramGroups[0].options, ...options });
          const out = entry instanceof PyDict ? entry : new PyDict();
          if (entry === undefined) dictSet(state, p, out);
          const values = new Map<string, { value: PyValue; version: number }>();
          for (const [name, v] of engine.exportState(t) ?? []) {
            const old = dictGet(out, name);
            let value: PyValue;
            if (v === null) value = null;
            else if (typeof v === "number")
              value = kind.stepTensor ? stateTensor(s, old, Float64Array.of(v), [], "float32") : int(v);
            else value = stateTensor(s, old, v, t.shape, t.dtype);
            dictSet(out, name, value);
            values.set(name, { value, version: versionOf(value) });
          }
          written.set(t, { dict: out, values });
        }
      }
      return null;
    }),
  );
}

/** `torch.typename(v)`: a tensor's type string (`torch.FloatTensor`), else the qualified class name. */
const TENSOR_TYPES: Partial<Record<T.DType, string>> = {
  float64: "Double",
  int64: "Long",
  int32: "Int",
  bool: "Bool",
};
const typename = new PyBuiltin("_typename", ([v]) =>
  v instanceof TensorObject ? `torch.${TENSOR_TYPES[v.tensor.dtype] ?? "Float"}Tensor` : typeName(v ?? null),
);

export function fillOptim(s: TorchState, m: PyModule, torch: PyModule): void {
  const globals = s.interp.runLibraryModule(libraryProgram("torch.optim", TORCH_OPTIM_SOURCE), "torch.optim");
  globals.set("torch", torch);
  globals.set("_engine_step", engineStep(s, new WeakMap(), new WeakMap()));
  globals.set("_typename", typename);
  for (const [k, v] of globals) if (!k.startsWith("_") && k !== "defaultdict") m.attrs.set(k, v);
}
