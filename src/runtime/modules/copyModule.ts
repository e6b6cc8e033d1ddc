import { chargeArray } from "../../engine/memory";
import { OpCode } from "../../engine/scalar/scalarOps";
import { callMethod } from "../interpreter/attributes";
import { hashKey } from "../interpreter/collections";
import type { Interpreter } from "../interpreter/interpreter";
import {
  PyDict,
  PyInstance,
  PyList,
  PyModule,
  PySet,
  PyTuple,
  ValueRef,
  type PyValue,
} from "../interpreter/objects";
import { UnsupportedError } from "../interpreter/pyErrors";
import { typeName } from "../interpreter/stringify";
import { DequeObject } from "./dequeClass";
import { defineFunction } from "./native";

/**
 * Python's `copy`: `copy` and `deepcopy` of lists, tuples, dicts, sets and instances of classes
 * written in Python (a new object of the class with its attributes copied; `__init__` is not
 * called, as in CPython), through `__copy__`/`__deepcopy__` when a class defines them. A
 * micrograd Value is a row of the tape: a leaf copies to a new leaf with the same data and
 * grad; a Value made by an operation would need its graph copied, which GradLens does not do.
 */

/** A copy of a Value: a leaf with the same data and grad (its own row on the tape). */
function copyValue(interp: Interpreter, v: ValueRef): ValueRef {
  const tape = interp.tape;
  const op = tape.op[v.row];
  if (op !== OpCode.Leaf && op !== OpCode.Const)
    throw new UnsupportedError(
      "Copying a Value made by an operation (with its graph) is not supported by GradLens; copying a leaf Value is",
    );
  const row = tape.leaf(tape.data[v.row], tape.isDataInt(v.row));
  tape.setGrad(row, tape.grad[v.row], tape.isGradInt(v.row));
  return interp.value(row);
}

/** An instance of a class written in TypeScript (a tensor, a deque) has state beyond its attributes. */
function nativeState(v: PyInstance): boolean {
  return Object.getPrototypeOf(v) !== PyInstance.prototype;
}

export function shallowCopy(interp: Interpreter, x: PyValue): PyValue {
  if (x instanceof PyList) {
    chargeArray(x.items.length);
    return new PyList(x.items.slice());
  }
  if (x instanceof PyDict) {
    if (x.cls !== null) return callMethod(interp, x, "copy", [], null);
    const d = new PyDict();
    x.entries.forEach((e, k) => d.entries.set(k, { key: e.key, value: e.value }));
    return d;
  }
  if (x instanceof PySet) {
    if (x.frozen) return x; // immutable: copy.copy gives the same object, as CPython
    const s = new PySet();
    x.entries.forEach((v, k) => s.entries.set(k, v));
    return s;
  }
  if (x instanceof ValueRef) return copyValue(interp, x);
  if (x instanceof PyInstance) {
    const custom = x.cls.lookup("__copy__");
    if (custom !== undefined) return interp.call(custom, [x]);
    if (x instanceof DequeObject) return callMethod(interp, x, "copy", [], null);
    if (nativeState(x)) throw new UnsupportedError(`copy of a '${typeName(x)}' is not supported by GradLens`);
    const c = new PyInstance(x.cls);
    x.attrs.forEach((v, k) => c.attrs.set(k, v));
    return c;
  }
  // numbers, strs, tuples, functions, classes and modules are their own copies
  return x;
}

export function deepCopy(interp: Interpreter, x: PyValue, memo = new Map<unknown, PyValue>()): PyValue {
  if (x === null || typeof x !== "object") return x;
  const seen = memo.get(x);
  if (seen !== undefined) return seen;
  interp.step();
  if (x instanceof PyList) {
    const out = new PyList([]);
    memo.set(x, out);
    chargeArray(x.items.length);
    for (const item of x.items) out.items.push(deepCopy(interp, item, memo));
    return out;
  }
  if (x instanceof PyTuple) {
    const items = x.items.map((item) => deepCopy(interp, item, memo));
    // a tuple of things that copy to themselves is itself, as in CPython
    const out = items.every((item, i) => item === x.items[i]) ? x : new PyTuple(items, x.cls);
    memo.set(x, out);
    return out;
  }
  if (x instanceof PyDict) {
    const out = x.cls !== null ? (shallowCopy(interp, x) as PyDict) : new PyDict();
    out.entries.clear();
    memo.set(x, out);
    x.entries.forEach((e, k) => {
      const key = deepCopy(interp, e.key, memo);
      out.entries.set(key === e.key ? k : hashKey(key), { key, value: deepCopy(interp, e.value, memo) });
    });
    return out;
  }
  if (x instanceof PySet) {
    const out = new PySet();
    out.frozen = x.frozen;
    memo.set(x, out);
    x.entries.forEach((v, k) => out.entries.set(k, deepCopy(interp, v, memo)));
    return out;
  }
  if (x instanceof ValueRef) {
    const out = copyValue(interp, x);
    memo.set(x, out);
    return out;
  }
  if (x instanceof PyInstance) {
    const custom = x.cls.lookup("__deepcopy__");
    if (custom !== undefined) {
      const out = interp.call(custom, [x, new PyDict()]);
      memo.set(x, out);
      return out;
    }
    if (x instanceof DequeObject) {
      const out = callMethod(interp, x, "copy", [], null) as DequeObject;
      memo.set(x, out);
      out.items = out.items.map((item) => deepCopy(interp, item, memo));
      return out;
    }
    if (nativeState(x))
      throw new UnsupportedError(`deepcopy of a '${typeName(x)}' is not supported by GradLens`);
    const out = new PyInstance(x.cls);
    memo.set(x, out);
    x.attrs.forEach((v, k) => out.attrs.set(k, deepCopy(interp, v, memo)));
    return out;
  }
  return x;
}

export function makeCopyModule(interp: Interpreter): PyModule {
  const m = new PyModule("copy");
  defineFunction(m, "copy", ([x]) => shallowCopy(interp, x));
  defineFunction(m, "deepcopy", ([x]) => deepCopy(interp, x));
  return m;
}
