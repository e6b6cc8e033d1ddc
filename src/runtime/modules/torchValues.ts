import * as T from "../../engine/tensor/index";
import { sliceIndices } from "../interpreter/collections";
import {
  DONE,
  int,
  PyBuiltin,
  PyClass,
  PyInstance,
  PyInt,
  PyIterator,
  PyProperty,
  PySlice,
  PyTuple,
  type PyValue,
} from "../interpreter/objects";
import { PyError, typeError } from "../interpreter/pyErrors";
import { typeName } from "../interpreter/stringify";
import { DtypeObject, intArg, nativeMethod, sizeItems } from "./torchArgs";
import { customFunctionNodes, type TorchState } from "./torchState";

/**
 * The small Python-visible objects around tensors: `torch.Size`, `torch.dtype`, the
 * (values, indices) pair `max(dim=…)` returns, `grad_fn` objects and the `no_grad` context
 * manager. Each is a class whose dunders are native, so the interpreter's protocols apply.
 */

const method = (cls: PyClass, name: string, f: (self: never, ...args: PyValue[]) => PyValue) =>
  cls.dict.set(name, new PyBuiltin(name, (args) => f(args[0] as never, ...args.slice(1))));

/** A `torch.Size`: its dims. */
export class SizeObject extends PyInstance {
  constructor(
    cls: PyClass,
    readonly dims: readonly number[],
  ) {
    super(cls);
  }
}

function iterateItems(items: readonly PyValue[], name: string): PyIterator {
  let i = 0;
  return new PyIterator(() => (i < items.length ? items[i++] : DONE), name, items);
}

export function makeSizeClass(s: TorchState): PyClass {
  const cls: PyClass = new PyClass("Size", null, "torch", ([x]) => {
    const dims = x === undefined ? [] : sizeItems(s.interp, x);
    if (dims === null) throw typeError("torch.Size() takes an iterable of 'int'");
    return new SizeObject(cls, dims);
  });
  const ints = (self: SizeObject) => self.dims.map((d) => int(d));
  method(cls, "__repr__", (self: SizeObject) => `torch.Size([${self.dims.join(", ")}])`);
  method(cls, "__len__", (self: SizeObject) => int(self.dims.length));
  method(cls, "__iter__", (self: SizeObject) => iterateItems(ints(self), "tuple_iterator"));
  method(cls, "__getitem__", (self: SizeObject, index) => {
    if (index instanceof PySlice) {
      const { start, stop, step } = sliceIndices(index, self.dims.length);
      const out: number[] = [];
      if (step > 0) for (let i = start; i < stop; i += step) out.push(self.dims[i]);
      else for (let i = start; i > stop; i += step) out.push(self.dims[i]);
      return new SizeObject(cls, out);
    }
    let i = intArg(index, "index");
    if (i < 0) i += self.dims.length;
    if (i < 0 || i >= self.dims.length) throw new PyError("IndexError", "tuple index out of range");
    return int(self.dims[i]);
  });
  const same = (self: SizeObject, other: PyValue) => {
    const dims =
      other instanceof SizeObject ? other.dims : other instanceof PyTuple ? sizeItemsOrNull(s, other) : null;
    return dims !== null && dims.length === self.dims.length && dims.every((d, i) => d === self.dims[i]);
  };
  method(cls, "__eq__", (self: SizeObject, other) => same(self, other));
  method(cls, "__ne__", (self: SizeObject, other) => !same(self, other));
  method(cls, "__add__", (self: SizeObject, other) => {
    if (!(other instanceof PyTuple))
      throw typeError(`can only concatenate tuple (not "${typeName(other)}") to tuple`);
    return new PyTuple([...ints(self), ...other.items]);
  });
  cls.dict.set(
    "numel",
    nativeMethod("numel", (self) => int((self as SizeObject).dims.reduce((p, d) => p * d, 1))),
  );
  return cls;
}

function sizeItemsOrNull(s: TorchState, v: PyValue): number[] | null {
  try {
    return sizeItems(s.interp, v);
  } catch {
    return null;
  }
}

export function makeDtypeClass(): { cls: PyClass; dtypes: Map<string, DtypeObject> } {
  const cls = new PyClass("dtype", null, "torch");
  method(cls, "__repr__", (self: DtypeObject) => T.dtypeName(self.dtype));
  const dtypes = new Map<string, DtypeObject>();
  for (const d of ["float32", "float64", "int64", "int32", "bool"] as const) {
    const obj = new DtypeObject(cls, d);
    obj.attrs.set("is_floating_point", T.isFloating(d));
    dtypes.set(d, obj);
  }
  return { cls, dtypes };
}

/**
 * `x.max(dim=1)`: a pair that unpacks like a tuple and has `.values` and `.indices` (or, for
 * `torch.histogram`, `.hist` and `.bin_edges`).
 */
export function makeReturnTypes(
  s: TorchState,
  kind: string,
  first: PyValue,
  second: PyValue,
  fields: readonly [string, string] = ["values", "indices"],
): PyValue {
  let cls = returnTypes.get(s)?.get(kind);
  if (cls === undefined) {
    const made = new PyClass(kind, null, "torch.return_types");
    const items = (self: PyInstance) => [self.attrs.get(fields[0])!, self.attrs.get(fields[1])!];
    method(made, "__iter__", (self: PyInstance) => iterateItems(items(self), "tuple_iterator"));
    method(made, "__len__", () => int(2));
    method(made, "__getitem__", (self: PyInstance, i) => {
      const k = intArg(i, "index");
      const list = items(self);
      if (k < -2 || k > 1) throw new PyError("IndexError", "tuple index out of range");
      return list[k < 0 ? k + 2 : k];
    });
    method(
      made,
      "__repr__",
      (self: PyInstance) =>
        `torch.return_types.${kind}(\n${fields[0]}=${s.interp.repr(self.attrs.get(fields[0])!)},\n${fields[1]}=${s.interp.repr(self.attrs.get(fields[1])!)})`,
    );
    if (!returnTypes.has(s)) returnTypes.set(s, new Map());
    returnTypes.get(s)!.set(kind, made);
    cls = made;
  }
  const obj = new PyInstance(cls);
  obj.attrs.set(fields[0], first);
  obj.attrs.set(fields[1], second);
  return obj;
}

const returnTypes = new WeakMap<TorchState, Map<string, PyClass>>();
const gradFnClasses = new WeakMap<TorchState, Map<string, PyClass>>();
const gradFnObjects = new WeakMap<T.GradNode, PyInstance>();
const nodeOfObject = new WeakMap<PyInstance, T.GradNode>();
const accumulateObjects = new WeakMap<T.Tensor, PyInstance>();

/** `y.grad_fn`: an object named as PyTorch names the node (`<AddBackward0 object at 0x…>`). */
export function gradFnObject(s: TorchState, t: T.Tensor): PyValue {
  const name = T.pytorchGradFnName(t);
  return t.gradFn === null || name === null ? null : nodeObject(s, t.gradFn, name);
}

/**
 * The class of a node's Python object. `next_functions` gives, per operand, the node that made
 * it, `AccumulateGrad` (with `.variable`) for a leaf that requires grad, or None.
 */
function nodeClass(s: TorchState, name: string): PyClass {
  let classes = gradFnClasses.get(s);
  if (!classes) gradFnClasses.set(s, (classes = new Map()));
  let cls = classes.get(name);
  if (cls !== undefined) return cls;
  cls = new PyClass(name, null, "torch.autograd");
  cls.dict.set(
    "name",
    nativeMethod("name", () => name),
  );
  method(cls, "__repr__", (self: PyInstance) => {
    // the same made-up address `id()` gives, in hex as CPython prints it
    const id = s.interp.call(s.interp.builtins.get("id")!, [self]);
    const node = nodeOfObject.get(self);
    const qualified =
      node !== undefined && customFunctionNodes.has(node) ? `torch.autograd.function.${name}` : name;
    return `<${qualified} object at 0x${(id instanceof PyInt ? id.v : 0).toString(16)}>`;
  });
  if (name !== "AccumulateGrad")
    cls.dict.set(
      "next_functions",
      new PyProperty(
        new PyBuiltin("next_functions", ([self]) => {
          const node = nodeOfObject.get(self as PyInstance);
          return node === undefined ? transposeNext.get(self as PyInstance)! : nextFunctions(s, node);
        }),
        null,
      ),
    );
  classes.set(name, cls);
  return cls;
}

function nodeObject(s: TorchState, node: T.GradNode, name: string): PyInstance {
  let obj = gradFnObjects.get(node);
  if (obj === undefined) {
    obj = new PyInstance(nodeClass(s, name));
    gradFnObjects.set(node, obj);
    nodeOfObject.set(obj, node);
  }
  return obj;
}

/** The TBackward0 objects PyTorch's linear nodes hold for Wᵀ, with what each leads to. */
const transposeNext = new WeakMap<PyInstance, PyTuple>();

/**
 * The order of a linear node's operands in PyTorch's `next_functions`: AddmmBackward0 lists the
 * bias, the input and Wᵀ (a TBackward0 leading to W); MmBackward0 the input and Wᵀ. Other
 * nodes list their operands in order.
 */
function nextFunctions(s: TorchState, node: T.GradNode): PyTuple {
  const entries = operandEntries(s, node);
  if (node.op !== "linear") return new PyTuple(entries);
  const name = T.pytorchGradFnName({ gradFn: node, ndim: 2 } as unknown as T.Tensor);
  if (name !== "AddmmBackward0" && name !== "MmBackward0") return new PyTuple(entries);
  const transpose = new PyInstance(nodeClass(s, "TBackward0"));
  transposeNext.set(transpose, new PyTuple([entries[1]]));
  const wt = new PyTuple([transpose, int(0)]);
  return new PyTuple(entries.length === 3 ? [entries[2], entries[0], wt] : [entries[0], wt]);
}

function operandEntries(s: TorchState, node: T.GradNode): PyTuple[] {
  return node.inputs.map((x, j) => {
    let next: PyValue = null;
    const fn = node.inputFns[j];
    if (fn !== null) {
      // the name depends on the node only (a reduction over all dims gives a 0-d result)
      const standIn = { gradFn: fn, ndim: fn.rules[0]?.includes("dim=") ? 1 : 0 } as unknown as T.Tensor;
      next = nodeObject(s, fn, T.pytorchGradFnName(standIn) ?? `${fn.op}Backward`);
    } else if (node.inputRequiresGrad[j]) {
      let acc = accumulateObjects.get(x);
      if (acc === undefined) {
        acc = new PyInstance(nodeClass(s, "AccumulateGrad"));
        acc.attrs.set("variable", s.wrap(x));
        accumulateObjects.set(x, acc);
      }
      next = acc;
    }
    return new PyTuple([next, int(0)]);
  });
}

/**
 * `torch.no_grad()` / `torch.enable_grad()`: context managers that switch recording, and
 * decorators (`@torch.no_grad()`) that run the function with recording switched.
 */
export function makeGradModeClass(s: TorchState, name: "no_grad" | "enable_grad"): PyClass {
  const enter = () => (name === "no_grad" ? T.enterNoGrad() : T.pushGradMode(true));
  const exit = () => (name === "no_grad" ? T.exitNoGrad() : T.popGradMode());
  const cls: PyClass = new PyClass(name, null, "torch.autograd.grad_mode", (args) => {
    if (args.length > 0)
      throw typeError(`${name}.__init__() takes 1 positional argument but ${args.length + 1} were given`);
    return new PyInstance(cls);
  });
  method(cls, "__enter__", () => {
    enter();
    return null;
  });
  method(cls, "__exit__", () => {
    exit();
    return false;
  });
  cls.dict.set(
    "__call__",
    new PyBuiltin("__call__", ([, f]) => {
      if (f === undefined) throw typeError(`${name} object takes a function to decorate`);
      return new PyBuiltin(`${name}_wrapper`, (args, kwargs) => {
        enter();
        try {
          return s.interp.call(f, args, kwargs);
        } finally {
          exit();
        }
      });
    }),
  );
  return cls;
}

/**
 * `torch.set_grad_enabled(mode)`: switches recording when called (so it works as a plain call)
 * and, used as a context manager, puts the previous state back on exit.
 */
export function makeSetGradEnabledClass(): PyClass {
  const cls: PyClass = new PyClass("set_grad_enabled", null, "torch.autograd.grad_mode", (args) => {
    if (args.length !== 1 || typeof args[0] !== "boolean")
      throw typeError("set_grad_enabled() takes one bool argument, mode");
    T.pushGradMode(args[0]);
    return new PyInstance(cls);
  });
  method(cls, "__enter__", () => null);
  method(cls, "__exit__", () => {
    T.popGradMode();
    return false;
  });
  return cls;
}
