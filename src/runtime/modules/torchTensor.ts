import * as T from "../../engine/tensor/index";
import type { IndexItem, Tensor } from "../../engine/tensor/index";
import {
  DONE,
  int,
  NotImplemented,
  PyBuiltin,
  PyClass,
  PyInt,
  PyIterator,
  PyList,
  PyProperty,
  PyRange,
  PySlice,
  PyTuple,
  type Kwargs,
  type PyValue,
} from "../interpreter/objects";
import { objectId } from "../hashing";
import { PyError, typeError, UnsupportedError } from "../interpreter/pyErrors";
import { typeName } from "../interpreter/stringify";
import { bind, boolArg, guard, nestedData, num, operand, pyNumber, tensorOf } from "./torchArgs";
import { cpuDevice } from "./torchDevice";
import { TENSOR_METHODS, makeSize } from "./torchTensorMethods";
import { TensorObject, type TorchState } from "./torchState";
import { gradFnObject } from "./torchValues";

/**
 * The Python class `torch.Tensor` and its subclass `nn.Parameter`. Operators are dunders in the
 * class (so reflected operands, `+=` keeping the same object, and comparisons returning tensors
 * all go through the interpreter's usual dispatch); attributes such as `.grad` and `.shape` are
 * properties; methods are properties that hand out the method bound to its tensor.
 */

type Dunder = (s: TorchState, self: TensorObject, other: PyValue, extra: PyValue) => PyValue;

/** `a <op> b` and its reflection `b <op> a` from one engine function. */
function arithmetic(f: (a: Tensor, b: Tensor) => Tensor): [Dunder, Dunder] {
  return [
    (s, self, other) => {
      const o = operand(other);
      return o === null ? NotImplemented : s.wrap(f(self.tensor, o));
    },
    (s, self, other) => {
      const o = operand(other);
      return o === null ? NotImplemented : s.wrap(f(o, self.tensor));
    },
  ];
}

function inPlace(f: (a: Tensor, b: Tensor) => Tensor): Dunder {
  return (s, self, other) => {
    const o = operand(other);
    return o === null ? NotImplemented : s.wrap(f(self.tensor, o));
  };
}

const OPERATORS: [string, (a: Tensor, b: Tensor) => Tensor, ((a: Tensor, b: Tensor) => Tensor) | null][] = [
  ["add", T.add, T.addInPlace],
  ["sub", T.sub, T.subInPlace],
  ["mul", T.mul, T.mulInPlace],
  ["truediv", T.div, T.divInPlace],
  ["floordiv", T.floorDivide, null],
  ["mod", T.remainder, null],
  ["pow", T.pow, null],
  ["matmul", T.matmul, null],
  ["and", T.bitwiseAnd, null],
  ["or", T.bitwiseOr, null],
  ["xor", T.bitwiseXor, null],
];

const COMPARISONS: [string, (a: Tensor, b: Tensor) => Tensor][] = [
  ["eq", T.eq],
  ["ne", T.ne],
  ["lt", T.lt],
  ["le", T.le],
  ["gt", T.gt],
  ["ge", T.ge],
];

/** What Python put between the brackets, as the engine's index items. */
function indexItems(index: PyValue): IndexItem[] {
  const items = index instanceof PyTuple ? index.items : [index];
  return items.map(indexItem);
}

function sliceBound(v: PyValue): number | null {
  if (v === null) return null;
  return num(v, "slice indices");
}

function indexItem(x: PyValue): IndexItem {
  if (x === null) return null;
  if (x instanceof PyInt) return x.v;
  if (typeof x === "boolean") return T.tensor(x ? 1 : 0, { dtype: "bool" });
  if (x instanceof PySlice)
    return { start: sliceBound(x.start), stop: sliceBound(x.stop), step: sliceBound(x.step) };
  if (x instanceof TensorObject) return x.tensor;
  if (x instanceof PyRange) {
    // a range indexes like the list of its ints
    const out: number[] = [];
    for (let i = x.start; x.step > 0 ? i < x.stop : i > x.stop; i += x.step) out.push(i);
    return out;
  }
  if (x instanceof PyList) {
    const flat: PyValue[] = [];
    const walk = (v: PyValue): unknown =>
      v instanceof PyList ? v.items.map(walk) : (flat.push(v), num(v, "index"));
    const nested = walk(x) as number[];
    if (flat.length > 0 && flat.every((v) => typeof v === "boolean"))
      return T.tensor(nested, { dtype: "bool" });
    return nested;
  }
  throw new PyError(
    "IndexError",
    "only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got " +
      typeName(x) +
      ")",
  );
}

/** `float(t)` / `int(t)`: only a one-element tensor converts, with PyTorch's ValueError otherwise. */
function scalarOf(t: Tensor): number {
  if (t.numel !== 1)
    throw new PyError("ValueError", "only one element tensors can be converted to Python scalars");
  return t.item();
}

function dunders(s: TorchState): Record<string, Dunder> {
  const table: Record<string, Dunder> = {};
  for (const [name, f, inplace] of OPERATORS) {
    const [forward, reflected] = arithmetic(f);
    table[`__${name}__`] = forward;
    table[`__r${name}__`] = reflected;
    if (inplace) table[`__i${name}__`] = inPlace(inplace);
  }
  for (const [name, f] of COMPARISONS) table[`__${name}__`] = arithmetic(f)[0];
  Object.assign(table, {
    __neg__: (_s, self) => s.wrap(T.neg(self.tensor)),
    __pos__: (_s, self) => self,
    __abs__: (_s, self) => s.wrap(T.abs(self.tensor)),
    __invert__: (_s, self) => s.wrap(T.logicalNot(self.tensor)),
    __getitem__: (_s, self, index) => s.wrap(T.index(self.tensor, indexItems(index))),
    __setitem__(_s, self, index, value) {
      const v = operand(value);
      if (v === null) throw typeError(`can't assign a ${typeName(value)} to a torch.FloatTensor`);
      T.setIndex(self.tensor, indexItems(index), v);
      s.wrap(self.tensor);
      return null;
    },
    __len__: (_s, self) => int(self.tensor.length()),
    __iter__(_s, self) {
      const t = self.tensor;
      if (t.ndim === 0) throw typeError("iteration over a 0-d tensor");
      let i = 0;
      return new PyIterator(
        () => (i < t.shape[0] ? s.wrap(guard(() => T.index(t, [i++]))) : DONE),
        "iterator",
        [self], // what it holds, so a loop over a tensor's rows does not stop reclaiming
      );
    },
    __bool__: (_s, self) => self.tensor.toBool(),
    __float__: (_s, self) => scalarOf(self.tensor),
    __int__: (_s, self) => int(Math.trunc(scalarOf(self.tensor))),
    __index__(_s, self) {
      if (!T.isInteger(self.tensor.dtype) || self.tensor.numel !== 1)
        throw typeError("only integer tensors of a single element can be converted to an index");
      return int(self.tensor.item());
    },
    __repr__: (_s, self) =>
      (self.cls === s.parameterClass ? "Parameter containing:\n" : "") + T.formatTensor(self.tensor),
    __getattr__(_s, self, name) {
      // only reached for names the class does not define: most are PyTorch API GradLens lacks
      throw new UnsupportedError(
        `\`${self.cls.name}.${String(name)}\` is not supported by GradLens (or is not part of PyTorch)`,
      );
    },
    __format__(_s, self, spec) {
      const t = self.tensor;
      if (t.ndim === 0)
        return s.interp.format(pyNumber(t.item(), t.dtype), typeof spec === "string" ? spec : "");
      if (spec === "" || spec === undefined) return s.interp.repr(self);
      throw typeError("unsupported format string passed to Tensor.__format__");
    },
  } satisfies Record<string, Dunder>);
  return table;
}

/** Read-only and writable attributes: `.grad`, `.data`, `.shape`, `.T`, … */
function properties(
  s: TorchState,
): Record<string, [(t: Tensor, self: TensorObject) => PyValue, ((t: Tensor, v: PyValue) => void) | null]> {
  const dtypes = () => s.modules.get("torch")!.attrs;
  return {
    shape: [(t) => makeSize(s, t.shape), null],
    grad: [
      (t) => (t.grad === null ? null : s.wrap(t.grad)),
      (t, v) => {
        if (v !== null && !(v instanceof TensorObject))
          throw typeError(
            `assigned grad expected to be a Tensor or None but got grad of type ${typeName(v)}`,
          );
        T.setGrad(t, v === null ? null : v.tensor);
      },
    ],
    data: [
      (t) => s.wrap(T.dataOf(t)),
      (t, v) => {
        const other = tensorOf(v);
        if (other === null) throw typeError(`data must be a Tensor, not ${typeName(v)}`);
        T.setData(t, other);
      },
    ],
    T: [(t) => s.wrap(T.T(t)), null],
    mT: [(t) => s.wrap(T.transpose(t, -2, -1)), null],
    ndim: [(t) => int(t.ndim), null],
    // torch.float32 and friends are attributes of the torch module named as the engine names them
    dtype: [(t) => dtypes().get(t.dtype)!, null],
    requires_grad: [(t) => t.requiresGrad, (t, v) => void T.requiresGradInPlace(t, boolArg(v, true))],
    is_leaf: [(t) => t.isLeaf, null],
    grad_fn: [(t) => gradFnObject(s, t), null],
    retains_grad: [(t) => t.retainsGrad, null],
    device: [() => cpuDevice(s), null],
    is_cuda: [() => false, null],
  };
}

/** Binds a native method to the tensor it is read from (`x.sum` → a callable that sums x). */
function boundMethod(s: TorchState, name: string): PyProperty {
  const m = TENSOR_METHODS[name];
  return new PyProperty(
    new PyBuiltin(name, ([self]) => {
      const t = (self as TensorObject).tensor;
      return new PyBuiltin(name, (args: PyValue[], kwargs: Kwargs) => guard(() => m(s, t, args, kwargs)));
    }),
    null,
  );
}

/** Makes `torch.Tensor` and `nn.Parameter` for this run. */
export function makeTensorClasses(s: TorchState): void {
  const cls = new PyClass("Tensor", null, "torch", (args, kwargs) =>
    guard(() => {
      bind("Tensor", args.length === 1 ? args : [], kwargs, ["data"]);
      if (args.length === 1 && (args[0] instanceof PyList || args[0] instanceof PyTuple)) {
        const { data } = nestedData(s.interp, args[0]);
        return s.wrap(T.tensor(data, { dtype: "float32" }));
      }
      return s.wrap(
        T.zeros(
          args.map((a) => num(a, "size")),
          { dtype: "float32" },
        ),
      );
    }),
  );
  for (const [name, f] of Object.entries(dunders(s)))
    cls.dict.set(
      name,
      new PyBuiltin(name, ([self, other, extra]) => guard(() => f(s, self as TensorObject, other, extra))),
    );
  for (const [name, [get, set]] of Object.entries(properties(s))) {
    const getter = new PyBuiltin(name, ([self]) =>
      guard(() => get((self as TensorObject).tensor, self as TensorObject)),
    );
    const setter =
      set === null
        ? null
        : new PyBuiltin(name, ([self, v]) =>
            guard(() => {
              set((self as TensorObject).tensor, v);
              return null;
            }),
          );
    cls.dict.set(name, new PyProperty(getter, setter));
  }
  for (const name of Object.keys(TENSOR_METHODS)) cls.dict.set(name, boundMethod(s, name));
  // `==` compares elements, yet a tensor hashes by identity (PyTorch's Tensor.__hash__ is id):
  // parameters are dict keys (`opt.state[p]`) and set members
  cls.dict.set("__hash__", new PyBuiltin("__hash__", ([self]) => int(objectId(self))));
  s.tensorClass = cls;

  const parameter: PyClass = new PyClass("Parameter", cls, "torch.nn.parameter", (args, kwargs) =>
    guard(() => {
      const a = bind("Parameter", args, kwargs, ["data", "requires_grad"]);
      const source = a.data === undefined || a.data === null ? T.tensor([]) : tensorOf(a.data);
      if (source === null) throw typeError(`Parameter(): data must be a Tensor, not ${typeName(a.data!)}`);
      // a Parameter is a new leaf with the same values; it starts without history
      const t = T.Tensor.fromValues(source.copyValues(), source.shape, source.dtype);
      T.requiresGradInPlace(t, boolArg(a.requires_grad, true));
      return s.wrap(t, parameter);
    }),
  );
  s.parameterClass = parameter;
}
