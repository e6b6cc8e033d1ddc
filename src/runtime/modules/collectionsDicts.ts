import { dictGet, dictSet, hashKey, keyError } from "../interpreter/collections";
import type { Interpreter } from "../interpreter/interpreter";
import { DICT_METHODS } from "../interpreter/nativeMethods";
import {
  DONE,
  int,
  NotImplemented,
  PyBoundMethod,
  PyBuiltin,
  PyClass,
  PyClassMethod,
  PyDict,
  PyFunction,
  PyInstance,
  PyInt,
  PyIterator,
  PyList,
  PyProperty,
  PyTuple,
  type Kwargs,
  type PyValue,
} from "../interpreter/objects";
import { binaryOp, equals, ordered, truthy } from "../interpreter/operators";
import { PyError, typeError } from "../interpreter/pyErrors";
import { sortValues } from "../interpreter/sorting";
import { typeName } from "../interpreter/stringify";
import { bindArgs, defineMethod, intArg } from "./native";

/**
 * collections' dict subclasses: `defaultdict`, `Counter` and `OrderedDict`. Their instances are
 * PyDicts carrying their class, so everything a dict does works on them; the class adds
 * `__missing__`, the reprs, Counter's arithmetic and the extra methods.
 */

/** A plain dict's repr of the same entries (the part inside a subclass's repr). */
function plainRepr(interp: Interpreter, d: PyDict): string {
  return interp.repr(new PyDict(d.entries));
}

function dictOf(v: PyValue, cls: string): PyDict {
  if (!(v instanceof PyDict))
    throw typeError(`descriptor requires a '${cls}' object but received a '${typeName(v)}'`);
  return v;
}

/** `dict.update`'s argument forms: a mapping, an iterable of pairs, keywords. */
function updateDict(interp: Interpreter, d: PyDict, args: PyValue[], kwargs: Kwargs): void {
  DICT_METHODS.update(interp, d, args, kwargs);
}

export function makeDefaultDict(interp: Interpreter, dictClass: PyClass): PyClass {
  const factories = new WeakMap<PyDict, PyValue>();
  const factoryOf = (d: PyDict) => factories.get(d) ?? null;
  const make = (factory: PyValue, entries: PyDict | null) => {
    const d = new PyDict();
    d.cls = cls;
    factories.set(d, factory);
    if (entries) entries.entries.forEach((e, k) => d.entries.set(k, { key: e.key, value: e.value }));
    return d;
  };
  const cls: PyClass = new PyClass("defaultdict", dictClass, "collections", (args, kwargs) => {
    const [factory = null, ...rest] = args;
    if (factory !== null && !isCallable(factory)) throw typeError("first argument must be callable or None");
    const d = make(factory, null);
    updateDict(interp, d, rest, kwargs);
    return d;
  });
  cls.dict.set(
    "default_factory",
    new PyProperty(
      new PyBuiltin("default_factory", ([d]) => factoryOf(dictOf(d, "defaultdict"))),
      new PyBuiltin("default_factory", ([d, v]) => {
        factories.set(dictOf(d, "defaultdict"), v);
        return null;
      }),
    ),
  );
  defineMethod(cls, "__missing__", (self, [key]) => {
    const d = dictOf(self, "defaultdict");
    const factory = factoryOf(d);
    if (factory === null) throw keyError(interp, key);
    const value = interp.call(factory, []);
    dictSet(d, key, value);
    return value;
  });
  defineMethod(cls, "__repr__", (self) => {
    const d = dictOf(self, "defaultdict");
    const factory = factoryOf(d);
    return `defaultdict(${factory === null ? "None" : interp.repr(factory)}, ${plainRepr(interp, d)})`;
  });
  defineMethod(cls, "copy", (self) => {
    const d = dictOf(self, "defaultdict");
    return make(factoryOf(d), d);
  });
  return cls;
}

function isCallable(v: PyValue): boolean {
  return (
    v instanceof PyBuiltin ||
    v instanceof PyClass ||
    v instanceof PyFunction ||
    v instanceof PyBoundMethod ||
    (v instanceof PyInstance && v.cls.lookup("__call__") !== undefined)
  );
}

export function makeOrderedDict(interp: Interpreter, dictClass: PyClass): PyClass {
  const make = (): PyDict => {
    const d = new PyDict();
    d.cls = cls;
    return d;
  };
  const cls: PyClass = new PyClass("OrderedDict", dictClass, "collections", (args, kwargs) => {
    if (args.length > 1) throw typeError(`expected at most 1 argument, got ${args.length}`);
    const d = make();
    updateDict(interp, d, args, kwargs);
    return d;
  });
  defineMethod(cls, "__repr__", (self) => {
    const d = dictOf(self, "OrderedDict");
    if (d.entries.size === 0) return "OrderedDict()";
    const pairs = new PyList([...d.entries.values()].map((e) => new PyTuple([e.key, e.value])));
    return `OrderedDict(${interp.repr(pairs)})`;
  });
  defineMethod(cls, "__eq__", (self, [other]) => {
    const d = dictOf(self, "OrderedDict");
    if (!(other instanceof PyDict) || other.cls !== cls) return NotImplemented;
    // between two OrderedDicts the order matters too
    const a = [...d.entries.values()];
    const b = [...other.entries.values()];
    return (
      a.length === b.length &&
      a.every((e, i) => equals(interp, e.key, b[i].key) && equals(interp, e.value, b[i].value))
    );
  });
  defineMethod(cls, "move_to_end", (self, args, kwargs) => {
    const d = dictOf(self, "OrderedDict");
    const a = bindArgs("move_to_end", args, kwargs, ["key", "last"], 1);
    const k = hashKey(a.key!);
    const entry = d.entries.get(k);
    if (!entry) throw keyError(interp, a.key!);
    const last = a.last === undefined || truthy(interp, a.last);
    d.entries.delete(k);
    if (last) d.entries.set(k, entry);
    else {
      const rest = [...d.entries];
      d.entries.clear();
      d.entries.set(k, entry);
      for (const [key, e] of rest) d.entries.set(key, e);
    }
    return null;
  });
  defineMethod(cls, "popitem", (self, args, kwargs) => {
    const d = dictOf(self, "OrderedDict");
    const a = bindArgs("popitem", args, kwargs, ["last"]);
    if (d.entries.size === 0) throw keyError(interp, "dictionary is empty");
    const keys = [...d.entries.keys()];
    const last = a.last === undefined || truthy(interp, a.last);
    const k = last ? keys[keys.length - 1] : keys[0];
    const e = d.entries.get(k)!;
    d.entries.delete(k);
    return new PyTuple([e.key, e.value]);
  });
  defineMethod(cls, "copy", (self) => {
    const d = make();
    dictOf(self, "OrderedDict").entries.forEach((e, k) => d.entries.set(k, { key: e.key, value: e.value }));
    return d;
  });
  return cls;
}

export function makeCounter(interp: Interpreter, dictClass: PyClass): PyClass {
  const make = (): PyDict => {
    const d = new PyDict();
    d.cls = cls;
    return d;
  };
  const count = (d: PyDict, key: PyValue): PyValue => {
    const v = dictGet(d, key);
    return v === undefined ? int(0) : v;
  };
  const positive = (v: PyValue) => ordered(interp, ">", v, int(0));
  /** Counter.update / subtract: counts from a mapping, or one per item of an iterable. */
  const addCounts = (d: PyDict, args: PyValue[], kwargs: Kwargs, sign: "+" | "-") => {
    if (args.length > 1) throw typeError(`expected at most 1 argument, got ${args.length}`);
    const source = args[0];
    if (source instanceof PyDict) {
      for (const e of [...source.entries.values()])
        dictSet(d, e.key, binaryOp(interp, sign, count(d, e.key), e.value));
    } else if (source !== undefined && source !== null) {
      for (const item of interp.iterate(source))
        dictSet(d, item, binaryOp(interp, sign, count(d, item), int(1)));
    }
    for (const [k, v] of kwargs ?? []) dictSet(d, k, binaryOp(interp, sign, count(d, k), v));
  };
  const counter = (v: PyValue): PyDict => dictOf(v, "Counter");
  const mostCommon = (d: PyDict): PyTuple[] => {
    const items = [...d.entries.values()].map((e) => new PyTuple([e.key, e.value]));
    // sorted by count, largest first; equal counts keep insertion order (a stable sort)
    return sortValues(
      interp,
      items,
      new PyBuiltin("count", ([t]) => (t as PyTuple).items[1]),
      true,
    ) as PyTuple[];
  };
  const cls: PyClass = new PyClass("Counter", dictClass, "collections", (args, kwargs) => {
    const d = make();
    addCounts(d, args, kwargs, "+");
    return d;
  });
  defineMethod(cls, "__missing__", () => int(0));
  defineMethod(cls, "__repr__", (self) => {
    const d = counter(self);
    if (d.entries.size === 0) return "Counter()";
    let items: PyTuple[];
    try {
      items = mostCommon(d);
    } catch (e) {
      if (!(e instanceof PyError && e.pyType === "TypeError")) throw e;
      return `Counter(${plainRepr(interp, d)})`;
    }
    const shown = new PyDict();
    for (const t of items) dictSet(shown, t.items[0], t.items[1]);
    return `Counter(${interp.repr(shown)})`;
  });
  defineMethod(cls, "most_common", (self, args, kwargs) => {
    const a = bindArgs("most_common", args, kwargs, ["n"]);
    const items = mostCommon(counter(self));
    const n = a.n === undefined || a.n === null ? items.length : Math.max(0, intArg(a.n));
    return new PyList(items.slice(0, n));
  });
  defineMethod(cls, "elements", (self) => {
    const entries = [...counter(self).entries.values()];
    let i = 0;
    let left = 0;
    return new PyIterator(() => {
      while (left <= 0) {
        if (i >= entries.length) return DONE;
        const c = entries[i++].value;
        if (!(c instanceof PyInt))
          throw typeError(`'${typeName(c)}' object cannot be interpreted as an integer`);
        left = c.v;
      }
      left--;
      return entries[i - 1].key;
    }, "itertools.chain");
  });
  defineMethod(cls, "update", (self, args, kwargs) => {
    addCounts(counter(self), args, kwargs, "+");
    return null;
  });
  defineMethod(cls, "subtract", (self, args, kwargs) => {
    addCounts(counter(self), args, kwargs, "-");
    return null;
  });
  defineMethod(cls, "total", (self) => {
    let sum: PyValue = int(0);
    for (const e of counter(self).entries.values()) sum = binaryOp(interp, "+", sum, e.value);
    return sum;
  });
  defineMethod(cls, "copy", (self) => {
    const d = make();
    counter(self).entries.forEach((e, k) => d.entries.set(k, { key: e.key, value: e.value }));
    return d;
  });
  cls.dict.set(
    "fromkeys",
    new PyClassMethod(
      new PyBuiltin("fromkeys", () => {
        throw new PyError(
          "NotImplementedError",
          "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.",
        );
      }),
    ),
  );
  defineMethod(cls, "__eq__", (self, [other]) => {
    if (!(other instanceof PyDict) || other.cls !== cls) return NotImplemented;
    // Python 3.10+: a missing element counts as zero
    const d = counter(self);
    for (const [a, b] of [
      [d, other],
      [other, d],
    ])
      for (const e of a.entries.values()) if (!equals(interp, e.value, count(b, e.key))) return false;
    return true;
  });
  defineMethod(cls, "__ne__", (self, [other]) => {
    if (!(other instanceof PyDict) || other.cls !== cls) return NotImplemented;
    return !equals(interp, self, other);
  });

  /** The binary operators: self's elements first, then other's new ones; only positive counts kept. */
  const arithmetic = (
    name: string,
    combine: (a: PyValue, b: PyValue) => PyValue,
    fromOther: (c: PyValue) => PyValue | null,
  ) =>
    defineMethod(cls, name, (self, [other]) => {
      if (!(other instanceof PyDict) || other.cls !== cls) return NotImplemented;
      const d = counter(self);
      const out = make();
      for (const e of d.entries.values()) {
        const v = combine(e.value, count(other, e.key));
        if (positive(v)) dictSet(out, e.key, v);
      }
      for (const e of other.entries.values()) {
        if (d.entries.has(hashKey(e.key))) continue;
        const v = fromOther(e.value);
        if (v !== null) dictSet(out, e.key, v);
      }
      return out;
    });
  const zero = int(0);
  const max = (a: PyValue, b: PyValue) => (ordered(interp, "<", a, b) ? b : a);
  const min = (a: PyValue, b: PyValue) => (ordered(interp, "<", b, a) ? b : a);
  arithmetic(
    "__add__",
    (a, b) => binaryOp(interp, "+", a, b),
    (c) => (positive(c) ? c : null),
  );
  arithmetic(
    "__sub__",
    (a, b) => binaryOp(interp, "-", a, b),
    (c) => (ordered(interp, "<", c, zero) ? binaryOp(interp, "-", zero, c) : null),
  );
  arithmetic("__or__", max, (c) => (positive(c) ? c : null));
  arithmetic("__and__", min, () => null);

  /** In-place operators change the Counter itself, then drop the counts that are not positive. */
  const keepPositive = (d: PyDict) => {
    for (const [k, e] of [...d.entries]) if (!positive(e.value)) d.entries.delete(k);
    return d;
  };
  const inplace = (name: string, f: (d: PyDict, other: PyDict) => void) =>
    defineMethod(cls, name, (self, [other]) => {
      if (!(other instanceof PyDict) || other.cls !== cls) return NotImplemented;
      const d = counter(self);
      f(d, other);
      return keepPositive(d);
    });
  inplace("__iadd__", (d, other) => {
    for (const e of other.entries.values())
      dictSet(d, e.key, binaryOp(interp, "+", count(d, e.key), e.value));
  });
  inplace("__isub__", (d, other) => {
    for (const e of other.entries.values())
      dictSet(d, e.key, binaryOp(interp, "-", count(d, e.key), e.value));
  });
  inplace("__ior__", (d, other) => {
    for (const e of other.entries.values()) {
      const mine = count(d, e.key);
      if (ordered(interp, ">", e.value, mine)) dictSet(d, e.key, e.value);
    }
  });
  inplace("__iand__", (d, other) => {
    for (const e of d.entries.values()) {
      const theirs = count(other, e.key);
      if (ordered(interp, "<", theirs, e.value)) e.value = theirs;
    }
  });
  defineMethod(cls, "__pos__", (self) => {
    const out = make();
    for (const e of counter(self).entries.values()) if (positive(e.value)) dictSet(out, e.key, e.value);
    return out;
  });
  defineMethod(cls, "__neg__", (self) => {
    const out = make();
    for (const e of counter(self).entries.values())
      if (ordered(interp, "<", e.value, zero)) dictSet(out, e.key, binaryOp(interp, "-", zero, e.value));
    return out;
  });
  return cls;
}
