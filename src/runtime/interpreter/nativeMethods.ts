import { bitLength } from "./numbers";
import { floatFromHex, floatToHex } from "./floatHex";
import { chargeArray, chargeGrowth } from "../../engine/memory";
import { dictGet, dictHas, dictSet, hashKey, keyError, setAdd, setOf, toArray } from "./collections";
import { equals } from "./operators";
import { int, PyDict, PyDictView, PyInt, PyList, PySet, PyTuple, type Kwargs, type PyValue } from "./objects";
import { PyError, typeError } from "./pyErrors";
import type { Runtime } from "./runtime";
import { setIterationOrder } from "./setOrder";
import { sortValues } from "./sorting";
import { typeName } from "./stringify";

/** A method of a built-in type, written in TypeScript. */
export type NativeMethod = (rt: Runtime, self: never, args: PyValue[], kwargs: Kwargs) => PyValue;

function arity(name: string, args: PyValue[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    if (max === 0) throw typeError(`${name}() takes no arguments (${args.length} given)`);
    if (min === max)
      throw typeError(
        `${name}() takes exactly ${min === 1 ? "one argument" : `${min} arguments`} (${args.length} given)`,
      );
    throw typeError(`${name} expected at most ${max} argument${max === 1 ? "" : "s"}, got ${args.length}`);
  }
}

function indexArg(v: PyValue, what: string): number {
  if (v instanceof PyInt) return v.v;
  if (typeof v === "boolean") return v ? 1 : 0;
  throw typeError(`'${typeName(v)}' object cannot be interpreted as an integer${what}`);
}

export const LIST_METHODS: Record<
  string,
  (rt: Runtime, self: PyList, args: PyValue[], kwargs: Kwargs) => PyValue
> = {
  append(_rt, self, args) {
    arity("list.append", args, 1, 1);
    chargeGrowth(self.items.length + 1);
    self.items.push(args[0]);
    return null;
  },
  extend(rt, self, args) {
    arity("list.extend", args, 1, 1);
    const added = toArray(rt, args[0]);
    chargeArray(self.items.length + added.length);
    // one push per item: spreading a long list into push() would overflow the call stack
    for (const item of added) self.items.push(item);
    return null;
  },
  pop(_rt, self, args) {
    arity("pop", args, 0, 1);
    if (self.items.length === 0) throw new PyError("IndexError", "pop from empty list");
    let i = args.length ? indexArg(args[0], "") : self.items.length - 1;
    if (i < 0) i += self.items.length;
    if (i < 0 || i >= self.items.length) throw new PyError("IndexError", "pop index out of range");
    return self.items.splice(i, 1)[0];
  },
  insert(_rt, self, args) {
    arity("insert", args, 2, 2);
    let i = indexArg(args[0], "");
    if (i < 0) i = Math.max(0, i + self.items.length);
    chargeGrowth(self.items.length + 1);
    self.items.splice(Math.min(i, self.items.length), 0, args[1]);
    return null;
  },
  remove(rt, self, args) {
    arity("list.remove", args, 1, 1);
    const i = self.items.findIndex((x) => equals(rt, x, args[0]));
    if (i < 0) throw new PyError("ValueError", "list.remove(x): x not in list");
    self.items.splice(i, 1);
    return null;
  },
  index(rt, self, args) {
    arity("index", args, 1, 1);
    const i = self.items.findIndex((x) => equals(rt, x, args[0]));
    if (i < 0) throw new PyError("ValueError", `${rt.repr(args[0])} is not in list`);
    return int(i);
  },
  count(rt, self, args) {
    arity("list.count", args, 1, 1);
    return int(self.items.filter((x) => equals(rt, x, args[0])).length);
  },
  reverse(_rt, self, args) {
    arity("list.reverse", args, 0, 0);
    self.items.reverse();
    return null;
  },
  sort(rt, self, args, kwargs) {
    if (args.length) throw typeError("sort() takes no positional arguments");
    self.items = sortValues(rt, self.items, kwargs?.get("key") ?? null, kwargs?.get("reverse") ?? false);
    return null;
  },
  copy(_rt, self) {
    return new PyList(self.items.slice());
  },
  clear(_rt, self) {
    self.items.length = 0;
    return null;
  },
};

export const TUPLE_METHODS: Record<
  string,
  (rt: Runtime, self: PyTuple, args: PyValue[], kwargs: Kwargs) => PyValue
> = {
  index(rt, self, args) {
    const i = self.items.findIndex((x) => equals(rt, x, args[0]));
    if (i < 0) throw new PyError("ValueError", "tuple.index(x): x not in tuple");
    return int(i);
  },
  count(rt, self, args) {
    return int(self.items.filter((x) => equals(rt, x, args[0])).length);
  },
};

export const DICT_METHODS: Record<
  string,
  (rt: Runtime, self: PyDict, args: PyValue[], kwargs: Kwargs) => PyValue
> = {
  keys: (_rt, self) => new PyDictView(self, "keys"),
  values: (_rt, self) => new PyDictView(self, "values"),
  items: (_rt, self) => new PyDictView(self, "items"),
  get(_rt, self, args) {
    arity("get", args, 1, 2);
    return dictGet(self, args[0]) ?? args[1] ?? null;
  },
  pop(rt, self, args) {
    arity("pop", args, 1, 2);
    const k = hashKey(args[0]);
    const e = self.entries.get(k);
    if (e) {
      self.entries.delete(k);
      return e.value;
    }
    if (args.length > 1) return args[1];
    throw keyError(rt, args[0]);
  },
  setdefault(_rt, self, args) {
    arity("setdefault", args, 1, 2);
    if (!dictHas(self, args[0])) dictSet(self, args[0], args[1] ?? null);
    return dictGet(self, args[0])!;
  },
  update(rt, self, args, kwargs) {
    if (args.length) {
      const other = args[0];
      if (other instanceof PyDict) other.entries.forEach((e) => dictSet(self, e.key, e.value));
      else {
        for (const pair of toArray(rt, other)) {
          const [k, v] = toArray(rt, pair);
          dictSet(self, k, v);
        }
      }
    }
    kwargs?.forEach((v, k) => dictSet(self, k, v));
    return null;
  },
  copy(_rt, self) {
    const d = new PyDict();
    self.entries.forEach((e, k) => d.entries.set(k, { key: e.key, value: e.value }));
    return d;
  },
  clear(_rt, self) {
    self.entries.clear();
    return null;
  },
};

export const SET_METHODS: Record<
  string,
  (rt: Runtime, self: PySet, args: PyValue[], kwargs: Kwargs) => PyValue
> = {
  add(_rt, self, args) {
    arity("set.add", args, 1, 1);
    setAdd(self, args[0]);
    return null;
  },
  remove(rt, self, args) {
    arity("set.remove", args, 1, 1);
    if (!self.entries.delete(hashKey(args[0]))) throw keyError(rt, args[0]);
    return null;
  },
  discard(_rt, self, args) {
    arity("set.discard", args, 1, 1);
    self.entries.delete(hashKey(args[0]));
    return null;
  },
  pop(_rt, self) {
    const [first] = setIterationOrder(self);
    if (first === undefined) throw new PyError("KeyError", "'pop from an empty set'");
    self.entries.delete(hashKey(first));
    return first;
  },
  update(rt, self, args) {
    for (const other of args) for (const x of rt.iterate(other)) setAdd(self, x);
    return null;
  },
  union: (rt, self, args) => {
    const out = setOf(self.entries.values());
    for (const other of args) for (const x of rt.iterate(other)) setAdd(out, x);
    return like(self, out);
  },
  intersection: (rt, self, args) => like(self, kept(rt, self, args, true)),
  difference: (rt, self, args) => like(self, kept(rt, self, args, false)),
  symmetric_difference: (rt, self, args) => {
    arity("symmetric_difference", args, 1, 1);
    return like(self, symmetric(rt, self, args[0]));
  },
  intersection_update(rt, self, args) {
    replace(self, kept(rt, self, args, true));
    return null;
  },
  difference_update(rt, self, args) {
    replace(self, kept(rt, self, args, false));
    return null;
  },
  symmetric_difference_update(rt, self, args) {
    arity("symmetric_difference_update", args, 1, 1);
    replace(self, symmetric(rt, self, args[0]));
    return null;
  },
  issubset: (rt, self, args) => {
    arity("issubset", args, 1, 1);
    const other = setOf(rt.iterate(args[0]));
    return [...self.entries.keys()].every((k) => other.entries.has(k));
  },
  issuperset: (rt, self, args) => {
    arity("issuperset", args, 1, 1);
    return [...rt.iterate(args[0])].every((x) => self.entries.has(hashKey(x)));
  },
  isdisjoint: (rt, self, args) => {
    arity("isdisjoint", args, 1, 1);
    return [...rt.iterate(args[0])].every((x) => !self.entries.has(hashKey(x)));
  },
  copy: (_rt, self) => (self.frozen ? self : setOf(self.entries.values())),
  clear(_rt, self) {
    self.entries.clear();
    return null;
  },
};

/** A set method's result in the type of the set it was called on (a frozenset's are frozensets). */
function like(self: PySet, out: PySet): PySet {
  out.frozen = self.frozen;
  return out;
}

/** The elements of `self` in every other (`inside`) or in none of them. */
function kept(rt: Runtime, self: PySet, args: PyValue[], inside: boolean): PySet {
  const others = args.map((a) => setOf(rt.iterate(a)));
  return setOf(
    [...self.entries.entries()]
      .filter(([k]) => others.every((o) => o.entries.has(k) === inside))
      .map(([, v]) => v),
  );
}

function symmetric(rt: Runtime, self: PySet, other: PyValue): PySet {
  const o = setOf(rt.iterate(other));
  const out = setOf([...self.entries.entries()].filter(([k]) => !o.entries.has(k)).map(([, v]) => v));
  o.entries.forEach((v, k) => self.entries.has(k) || out.entries.set(k, v));
  return out;
}

function replace(self: PySet, out: PySet): void {
  self.entries.clear();
  out.entries.forEach((v, k) => self.entries.set(k, v));
}

const FROZEN_METHODS = [
  "union",
  "intersection",
  "difference",
  "symmetric_difference",
  "issubset",
  "issuperset",
  "isdisjoint",
  "copy",
] as const;

/** What a frozenset has of set's methods: those that do not change it. */
export const FROZENSET_METHODS = Object.fromEntries(
  FROZEN_METHODS.map((name) => [name, SET_METHODS[name]]),
) as typeof SET_METHODS;

export const FLOAT_METHODS: Record<
  string,
  (rt: Runtime, self: number, args: PyValue[], kwargs: Kwargs) => PyValue
> = {
  is_integer: (_rt, self) => Number.isInteger(self),
  conjugate: (_rt, self) => self,
  hex: (_rt, self) => floatToHex(self),
  // `(0.5).fromhex(s)` reads like float.fromhex(s): a class method
  fromhex: (_rt, _self, [text]) => floatFromHex(text),
};

export const INT_METHODS: Record<
  string,
  (rt: Runtime, self: PyInt, args: PyValue[], kwargs: Kwargs) => PyValue
> = {
  bit_length: (_rt, self) =>
    int(self.big !== null ? bitLength(self.big) : self.v === 0 ? 0 : Math.abs(self.v).toString(2).length),
  conjugate: (_rt, self) => self,
};

export { STR_METHODS } from "./strMethods";
