import { chargeArray, chargeGrowth } from "../../engine/memory";
import { floatRepr } from "../../format/floatFormat";
import {
  DONE,
  int,
  PyClass,
  PyClassMethod,
  PyDict,
  PyDictView,
  PyInstance,
  PyInt,
  PyIterator,
  PyList,
  PyRange,
  PySet,
  PySlice,
  PyTuple,
  type PyValue,
} from "./objects";
import { PyError, typeError } from "./pyErrors";
import { classProtocol } from "./classProtocols";
import { hashMethod, instanceKey } from "./objectKeys";
import { setIterationOrder } from "./setOrder";
import type { Runtime } from "./runtime";
import { typeName } from "./stringify";

/**
 * The JS Map key a Python dict key maps to: numbers by value (so 1, 1.0 and True are one key,
 * as in Python), strings as themselves, tuples by their items, objects of a class with its own
 * `__hash__` by an equal representative (objectKeys.ts), other hashable objects by identity.
 * Lists and dicts are unhashable.
 */
export function hashKey(v: PyValue): unknown {
  if (typeof v === "number") return v;
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof PyInt) return v.big !== null ? `\u0000int:${v.big}` : v.v;
  if (v instanceof PyTuple) return "\u0000tuple:" + v.items.map((x) => tupleItemKey(hashKey(x))).join(",");
  if (v instanceof PySet && v.frozen)
    // the same elements whatever their order: the element keys sorted
    return "\u0000frozenset:" + [...v.entries.keys()].map(tupleItemKey).sort().join(",");
  if (v instanceof PyList || v instanceof PyDict || v instanceof PySet) {
    throw typeError(`unhashable type: '${typeName(v)}'`);
  }
  if (v instanceof PyInstance) {
    // a class's own __hash__ (or its __eq__ alone, which makes it unhashable): see objectKeys.ts
    const method = hashMethod(v.cls);
    if (method !== undefined) return instanceKey(v, method);
  }
  return v;
}

const identityKeys = new WeakMap<object, number>();
let nextIdentity = 1;

function tupleItemKey(k: unknown): string {
  if (typeof k === "number") return `n${floatRepr(k)}`;
  if (typeof k === "string") return JSON.stringify(k);
  if (k === null) return "None";
  const obj = k as object;
  let id = identityKeys.get(obj);
  if (id === undefined) identityKeys.set(obj, (id = nextIdentity++));
  return `@${id}`;
}

export function setAdd(set: PySet, item: PyValue): void {
  const k = hashKey(item);
  if (!set.entries.has(k)) set.entries.set(k, item);
}

export function setOf(items: Iterable<PyValue>): PySet {
  const set = new PySet();
  for (const item of items) setAdd(set, item);
  return set;
}

/** KeyError shows the key's repr but carries the key itself as its argument. */
export function keyError(rt: Runtime, key: PyValue): PyError {
  const error = new PyError("KeyError", rt.repr(key));
  error.args = [key];
  return error;
}

export function dictHas(d: PyDict, key: PyValue): boolean {
  return d.entries.has(hashKey(key));
}

export function dictSet(d: PyDict, key: PyValue, value: PyValue): void {
  const k = hashKey(key);
  const entry = d.entries.get(k);
  if (entry) entry.value = value;
  else d.entries.set(k, { key, value });
}

export function dictGet(d: PyDict, key: PyValue): PyValue | undefined {
  return d.entries.get(hashKey(key))?.value;
}

/** A sequence index as Python reads it (negative from the end), checked against the length. */
function normalizeIndex(index: PyValue, length: number, what: string): number {
  let i: number;
  if (index instanceof PyInt) i = index.v;
  else if (typeof index === "boolean") i = index ? 1 : 0;
  else throw typeError(`${what} indices must be integers or slices, not ${typeName(index)}`);
  if (i < 0) i += length;
  if (i < 0 || i >= length) throw new PyError("IndexError", `${what} index out of range`);
  return i;
}

function sliceBound(v: PyValue, name: string): number | null {
  if (v === null) return null;
  if (v instanceof PyInt) return v.v;
  if (typeof v === "boolean") return v ? 1 : 0;
  throw typeError(`slice indices must be integers or None or have an __index__ method (${name})`);
}

/** The start, stop and step a slice selects from a sequence of `length` (CPython's `PySlice_AdjustIndices`). */
export function sliceIndices(s: PySlice, length: number): { start: number; stop: number; step: number } {
  const step = sliceBound(s.step, "step") ?? 1;
  if (step === 0) throw new PyError("ValueError", "slice step cannot be zero");
  const clamp = (v: number | null, fallback: number) => {
    if (v === null) return fallback;
    if (v < 0) {
      v += length;
      if (v < 0) v = step < 0 ? -1 : 0;
    } else if (v >= length) v = step < 0 ? length - 1 : length;
    return v;
  };
  const start = clamp(sliceBound(s.start, "start"), step < 0 ? length - 1 : 0);
  const stop = clamp(sliceBound(s.stop, "stop"), step < 0 ? -1 : length);
  return { start, stop, step };
}

function sliceItems<T>(items: ArrayLike<T>, s: PySlice): T[] {
  const { start, stop, step } = sliceIndices(s, items.length);
  const out: T[] = [];
  if (step > 0) for (let i = start; i < stop; i += step) out.push(items[i]);
  else for (let i = start; i > stop; i += step) out.push(items[i]);
  return out;
}

/** An index given as an object with `__index__` (a numpy integer) as the int it stands for. */
export function asIndex(rt: Runtime, v: PyValue): PyValue {
  if (v instanceof PyInstance) {
    const f = v.cls.lookup("__index__");
    if (f !== undefined) return rt.call(f, [v]);
  }
  return v;
}

export function getItem(rt: Runtime, obj: PyValue, index: PyValue): PyValue {
  if (obj instanceof PyList || obj instanceof PyTuple || obj instanceof PyRange || typeof obj === "string")
    index = asIndex(rt, index);
  if (obj instanceof PyList) {
    if (index instanceof PySlice) return new PyList(sliceItems(obj.items, index));
    return obj.items[normalizeIndex(index, obj.items.length, "list")];
  }
  if (obj instanceof PyTuple) {
    if (index instanceof PySlice) return new PyTuple(sliceItems(obj.items, index));
    return obj.items[normalizeIndex(index, obj.items.length, "tuple")];
  }
  if (obj instanceof PyDict) {
    const v = dictGet(obj, index);
    if (v !== undefined) return v;
    // a dict subclass's __missing__ (defaultdict, Counter) answers for absent keys
    const missing = obj.cls?.lookup("__missing__");
    if (missing !== undefined) return rt.call(missing, [obj, index]);
    throw keyError(rt, index);
  }
  if (typeof obj === "string") {
    if (index instanceof PySlice) return sliceItems([...obj], index).join("");
    const chars = [...obj];
    return chars[normalizeIndex(index, chars.length, "string")];
  }
  if (obj instanceof PyRange) {
    if (index instanceof PySlice)
      throw new PyError("NotImplementedError", "slicing a range is not supported by GradLens");
    return int(obj.start + normalizeIndex(index, obj.length, "range object") * obj.step);
  }
  if (obj instanceof PyInstance) {
    const f = obj.cls.lookup("__getitem__");
    if (f !== undefined) return rt.call(f, [obj, index]);
  }
  if (obj instanceof PyClass) {
    // `list[int]`, `Stack[T]`: the class's __class_getitem__ (an implicit classmethod)
    const f = obj.lookup("__class_getitem__");
    if (f !== undefined) return rt.call(f instanceof PyClassMethod ? f.func : f, [obj, index]);
    throw typeError(`type '${obj.name}' is not subscriptable`);
  }
  throw typeError(`'${typeName(obj)}' object is not subscriptable`);
}

export function setItem(rt: Runtime, obj: PyValue, index: PyValue, value: PyValue): void {
  if (obj instanceof PyList) {
    index = asIndex(rt, index);
    if (index instanceof PySlice) {
      const { start, stop, step } = sliceIndices(index, obj.items.length);
      if (step !== 1)
        throw new PyError("NotImplementedError", "extended slice assignment is not supported by GradLens");
      obj.items.splice(start, Math.max(0, stop - start), ...rt.iterate(value));
      return;
    }
    obj.items[normalizeIndex(index, obj.items.length, "list assignment")] = value;
    return;
  }
  if (obj instanceof PyDict) {
    dictSet(obj, index, value);
    return;
  }
  if (obj instanceof PyInstance) {
    const f = obj.cls.lookup("__setitem__");
    if (f !== undefined) {
      rt.call(f, [obj, index, value]);
      return;
    }
  }
  throw typeError(`'${typeName(obj)}' object does not support item assignment`);
}

export function deleteItem(rt: Runtime, obj: PyValue, index: PyValue): void {
  if (obj instanceof PyList) {
    if (index instanceof PySlice) {
      const { start, stop, step } = sliceIndices(index, obj.items.length);
      if (step !== 1)
        throw new PyError("NotImplementedError", "extended slice deletion is not supported by GradLens");
      obj.items.splice(start, Math.max(0, stop - start));
    } else obj.items.splice(normalizeIndex(index, obj.items.length, "list assignment"), 1);
    return;
  }
  if (obj instanceof PyDict) {
    if (!obj.entries.delete(hashKey(index))) throw keyError(rt, index);
    return;
  }
  throw typeError(`'${typeName(obj)}' object doesn't support item deletion`);
}

export function length(rt: Runtime, v: PyValue): number {
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length;
  if (typeof v === "string") return [...v].length;
  if (v instanceof PyDict) return v.entries.size;
  if (v instanceof PyDictView) return v.dict.entries.size;
  if (v instanceof PySet) return v.entries.size;
  if (v instanceof PyRange) return v.length;
  if (v instanceof PyClass) {
    const protocol = classProtocol(v);
    if (protocol) return protocol.iterate().length;
  }
  if (v instanceof PyInstance) {
    const f = v.cls.lookup("__len__");
    if (f !== undefined) {
      const n = rt.call(f, [v]);
      if (n instanceof PyInt) return n.v;
      throw typeError(`'${typeName(n)}' object cannot be interpreted as an integer`);
    }
  }
  throw typeError(`object of type '${typeName(v)}' has no len()`);
}

/** `iter(v)`. A list iterator reads the list live, as Python's does. */
export function getIterator(rt: Runtime, v: PyValue): PyIterator {
  if (v instanceof PyIterator) return v;
  if (v instanceof PyList || v instanceof PyTuple) {
    let i = 0;
    return new PyIterator(() => (i < v.items.length ? v.items[i++] : DONE), `${typeName(v)}_iterator`, [v]);
  }
  if (v instanceof PyRange) {
    const { start, step } = v;
    const n = v.length;
    let i = 0;
    return new PyIterator(() => (i < n ? int(start + step * i++) : DONE), "range_iterator", []);
  }
  if (typeof v === "string") {
    const chars = [...v];
    let i = 0;
    return new PyIterator(() => (i < chars.length ? chars[i++] : DONE), "str_iterator", []);
  }
  if (v instanceof PySet) {
    const items = setIterationOrder(v);
    let i = 0;
    return new PyIterator(() => (i < items.length ? items[i++] : DONE), "set_iterator", items);
  }
  if (v instanceof PyDictView) {
    const items = v.items();
    let i = 0;
    return new PyIterator(
      () => (i < items.length ? items[i++] : DONE),
      `dict_${v.kind === "keys" ? "key" : v.kind === "values" ? "value" : "item"}iterator`,
      items,
    );
  }
  if (v instanceof PyDict) {
    const keys = [...v.entries.values()].map((e) => e.key);
    let i = 0;
    return new PyIterator(() => (i < keys.length ? keys[i++] : DONE), "dict_keyiterator", keys);
  }
  if (v instanceof PyClass) {
    const protocol = classProtocol(v);
    if (protocol) {
      const items = protocol.iterate();
      let i = 0;
      return new PyIterator(() => (i < items.length ? items[i++] : DONE));
    }
  }
  if (v instanceof PyInstance) {
    const f = v.cls.lookup("__iter__");
    if (f !== undefined) {
      const it = rt.call(f, [v]);
      if (it instanceof PyIterator) return it;
      if (it instanceof PyInstance && it.cls.lookup("__next__") !== undefined) {
        const next = it.cls.lookup("__next__")!;
        return new PyIterator(
          () => {
            try {
              return rt.call(next, [it]);
            } catch (e) {
              if (e instanceof PyError && e.pyType === "StopIteration") return DONE;
              throw e;
            }
          },
          "iterator",
          [it],
        );
      }
      throw typeError(`iter() returned non-iterator of type '${typeName(it)}'`);
    }
    // Python's older sequence protocol: v[0], v[1], … until IndexError (a torch Dataset has no __iter__)
    const getitem = v.cls.lookup("__getitem__");
    if (getitem !== undefined) {
      let i = 0;
      return new PyIterator(
        () => {
          try {
            return rt.call(getitem, [v, int(i++)]);
          } catch (e) {
            if (e instanceof PyError && (e.pyType === "IndexError" || e.pyType === "StopIteration"))
              return DONE;
            throw e;
          }
        },
        "iterator",
        [v],
      );
    }
  }
  throw typeError(`'${typeName(v)}' object is not iterable`);
}

/** The items of any iterable, each counted against the step budget (`any(range(10**12))` must stop). */
export function* iterate(rt: Runtime, v: PyValue): Generator<PyValue> {
  if (v instanceof PyList || v instanceof PyTuple) {
    for (let i = 0; i < v.items.length; i++) {
      rt.step();
      yield v.items[i];
    }
    return;
  }
  const it = getIterator(rt, v);
  for (let x = it.next(); x !== DONE; x = it.next()) {
    rt.step();
    yield x;
  }
}

/** The items of an iterable as a fresh array. */
export function toArray(rt: Runtime, v: PyValue): PyValue[] {
  if (v instanceof PyList || v instanceof PyTuple) {
    chargeArray(v.items.length);
    return v.items.slice();
  }
  if (v instanceof PyRange) chargeArray(v.length);
  const out: PyValue[] = [];
  const it = getIterator(rt, v);
  for (let x = it.next(); x !== DONE; x = it.next()) {
    rt.step();
    chargeGrowth(out.length + 1);
    out.push(x);
  }
  return out;
}
