import { getAttribute, setAttribute } from "../interpreter/attributes";
import { dictSet, getIterator, hashKey } from "../interpreter/collections";
import type { Interpreter } from "../interpreter/interpreter";
import {
  DONE,
  int,
  NotImplemented,
  PyBuiltin,
  PyClass,
  PyDict,
  PyFunction,
  PyInstance,
  PyModule,
  PyProperty,
  PyTuple,
  type PyValue,
} from "../interpreter/objects";
import { compare, truthy } from "../interpreter/operators";
import { PyError, typeError, valueError } from "../interpreter/pyErrors";
import { typeName } from "../interpreter/stringify";
import { defineNamedTuple } from "./namedTuple";
import { bindArgs, defineFunction, intArg } from "./native";

/**
 * Python's `functools`: `reduce`, `partial`, `lru_cache`/`cache` (as decorators, with
 * `cache_info()`), `wraps`/`update_wrapper`, `cmp_to_key`, `total_ordering`, `cached_property`.
 */

const WRAPPER_ASSIGNMENTS = ["__module__", "__name__", "__qualname__", "__doc__"];

export function makeFunctoolsModule(interp: Interpreter): PyModule {
  const m = new PyModule("functools");
  const tupleClass = interp.builtins.get("tuple") as PyClass;

  defineFunction(m, "reduce", (args) => {
    if (args.length < 2 || args.length > 3)
      throw typeError(
        `reduce expected ${args.length < 2 ? "at least 2" : "at most 3"} arguments, got ${args.length}`,
      );
    const [f, xs] = args;
    const it = getIterator(interp, xs);
    let acc: PyValue | typeof DONE = args.length === 3 ? args[2] : it.next();
    if (acc === DONE) throw typeError("reduce() of empty iterable with no initial value");
    for (let x = it.next(); x !== DONE; x = it.next()) {
      interp.step();
      acc = interp.call(f, [acc, x]);
    }
    return acc;
  });

  // partial objects are instances (not functions): as a class attribute they do not bind `self`
  const partial: PyClass = new PyClass("partial", null, "functools", (args, kwargs) => {
    if (args.length === 0) throw typeError("type 'partial' takes at least one argument");
    const [func, ...bound] = args;
    if (!callable(func)) throw typeError("the first argument must be callable");
    const p = new PyInstance(partial);
    const keywords = new PyDict();
    kwargs?.forEach((v, k) => dictSet(keywords, k, v));
    p.attrs.set("func", func);
    p.attrs.set("args", new PyTuple(bound));
    p.attrs.set("keywords", keywords);
    return p;
  });
  partial.dict.set(
    "__call__",
    new PyBuiltin("__call__", ([self, ...args], kwargs) => {
      const p = self as PyInstance;
      const merged = new Map<string, PyValue>();
      for (const e of (p.attrs.get("keywords") as PyDict).entries.values())
        merged.set(e.key as string, e.value);
      kwargs?.forEach((v, k) => merged.set(k, v));
      const bound = (p.attrs.get("args") as PyTuple).items;
      return interp.call(p.attrs.get("func")!, [...bound, ...args], merged.size > 0 ? merged : null);
    }),
  );
  partial.dict.set(
    "__repr__",
    new PyBuiltin("__repr__", ([self]) => {
      const p = self as PyInstance;
      const parts = [interp.repr(p.attrs.get("func")!)];
      for (const a of (p.attrs.get("args") as PyTuple).items) parts.push(interp.repr(a));
      for (const e of (p.attrs.get("keywords") as PyDict).entries.values())
        parts.push(`${String(e.key)}=${interp.repr(e.value)}`);
      return `functools.partial(${parts.join(", ")})`;
    }),
  );
  m.attrs.set("partial", partial);

  const cacheInfo = defineNamedTuple(
    interp,
    new PyClass("CacheInfo", tupleClass, "functools"),
    ["hits", "misses", "maxsize", "currsize"],
    [],
  );
  /** The wrapper lru_cache puts around `f`: a function (so it binds as a method) with the cache's methods. */
  const cached = (f: PyValue, maxsize: number | null): PyBuiltin => {
    if (!callable(f)) throw typeError("the first argument must be callable");
    const cache = new Map<unknown, PyValue>();
    let hits = 0;
    let misses = 0;
    const wrapper = new PyBuiltin(
      nameOf(f),
      (args, kwargs) => {
        const parts: PyValue[] = [...args];
        if (kwargs && kwargs.size > 0) {
          // keywords after a marker no positional argument can equal
          parts.push(KWARGS_MARK);
          kwargs.forEach((v, k) => parts.push(k, v));
        }
        const key = hashKey(new PyTuple(parts));
        const hit = cache.get(key);
        if (hit !== undefined) {
          hits++;
          // least recently used first: a hit moves to the end
          cache.delete(key);
          cache.set(key, hit);
          return hit;
        }
        misses++;
        const value = interp.call(f, args, kwargs);
        if (maxsize !== 0) {
          cache.set(key, value);
          if (maxsize !== null && cache.size > maxsize) cache.delete(cache.keys().next().value);
        }
        return value;
      },
      // the function and its cached results (a JS map: a reclaim walk gives up there, dropping nothing)
      [f, cache],
    );
    const attrs = (wrapper.attrs = new Map<string, PyValue>());
    attrs.set(
      "cache_info",
      new PyBuiltin("cache_info", () =>
        interp.call(cacheInfo, [
          int(hits),
          int(misses),
          maxsize === null ? null : int(maxsize),
          int(cache.size),
        ]),
      ),
    );
    attrs.set(
      "cache_clear",
      new PyBuiltin("cache_clear", () => {
        cache.clear();
        hits = misses = 0;
        return null;
      }),
    );
    updateWrapper(interp, wrapper, f);
    return wrapper;
  };
  defineFunction(m, "lru_cache", (args, kwargs) => {
    const a = bindArgs("lru_cache", args, kwargs, ["maxsize", "typed"]);
    const first = a.maxsize;
    // @lru_cache without parentheses: the function itself is the argument
    if (first !== undefined && first !== null && callable(first)) return cached(first, 128);
    let maxsize: number | null = 128;
    if (first === null) maxsize = null;
    else if (first !== undefined) {
      if (typeof first !== "boolean" && typeName(first) !== "int")
        throw typeError("Expected first argument to be an integer, a callable, or None");
      maxsize = Math.max(0, intArg(first));
    }
    if (a.typed !== undefined && truthy(interp, a.typed))
      throw new PyError("NotImplementedError", "lru_cache(typed=True) is not supported by GradLens");
    return new PyBuiltin("decorating_function", ([f]) => cached(f, maxsize));
  });
  defineFunction(m, "cache", ([f]) => cached(f, null));

  defineFunction(m, "update_wrapper", (args, kwargs) => {
    const a = bindArgs("update_wrapper", args, kwargs, ["wrapper", "wrapped", "assigned", "updated"], 2);
    updateWrapper(interp, a.wrapper!, a.wrapped!);
    return a.wrapper!;
  });
  defineFunction(m, "wraps", (args, kwargs) => {
    const a = bindArgs("wraps", args, kwargs, ["wrapped", "assigned", "updated"], 1);
    return new PyBuiltin("decorator", ([wrapper]) => {
      updateWrapper(interp, wrapper, a.wrapped!);
      return wrapper;
    });
  });

  defineFunction(m, "cmp_to_key", ([mycmp]) => {
    const key: PyClass = new PyClass("K", null, "functools", ([obj]) => {
      const k = new PyInstance(key);
      k.attrs.set("obj", obj);
      return k;
    });
    const objOf = (v: PyValue) => (v instanceof PyInstance && v.cls === key ? v.attrs.get("obj")! : v);
    for (const [name, op] of [
      ["__lt__", "<"],
      ["__gt__", ">"],
      ["__le__", "<="],
      ["__ge__", ">="],
      ["__eq__", "=="],
    ] as const) {
      key.dict.set(
        name,
        new PyBuiltin(name, ([a, b]) =>
          compare(interp, op, interp.call(mycmp, [objOf(a), objOf(b)]), int(0)),
        ),
      );
    }
    return key;
  });

  defineFunction(m, "total_ordering", ([cls]) => {
    if (!(cls instanceof PyClass)) throw typeError("total_ordering expects a class");
    const own = (n: string) => {
      for (let c: PyClass | null = cls; c; c = c.base) if (c.dict.has(n)) return true;
      return false;
    };
    const roots = ["__lt__", "__le__", "__gt__", "__ge__"].filter(own);
    if (roots.length === 0) throw valueError("must define at least one ordering operation: < > <= >=");
    const root = roots[0];
    const call = (name: string, a: PyValue, b: PyValue) => interp.call(cls.lookup(name)!, [a, b]);
    const eq = (a: PyValue, b: PyValue) =>
      truthy(interp, interp.call(cls.lookup("__eq__") ?? NE_FALLBACK, [a, b]));
    /** Each missing comparison from the root one and ==, as functools' table gives them. */
    const derived: Record<string, Record<string, (a: PyValue, b: PyValue) => PyValue>> = {
      __lt__: {
        __gt__: (a, b) => flip(call("__lt__", a, b), (r) => !r && !eq(a, b)),
        __le__: (a, b) => flip(call("__lt__", a, b), (r) => r || eq(a, b)),
        __ge__: (a, b) => flip(call("__lt__", a, b), (r) => !r),
      },
      __le__: {
        __ge__: (a, b) => flip(call("__le__", a, b), (r) => !r || eq(a, b)),
        __lt__: (a, b) => flip(call("__le__", a, b), (r) => r && !eq(a, b)),
        __gt__: (a, b) => flip(call("__le__", a, b), (r) => !r),
      },
      __gt__: {
        __lt__: (a, b) => flip(call("__gt__", a, b), (r) => !r && !eq(a, b)),
        __ge__: (a, b) => flip(call("__gt__", a, b), (r) => r || eq(a, b)),
        __le__: (a, b) => flip(call("__gt__", a, b), (r) => !r),
      },
      __ge__: {
        __le__: (a, b) => flip(call("__ge__", a, b), (r) => !r || eq(a, b)),
        __gt__: (a, b) => flip(call("__ge__", a, b), (r) => r && !eq(a, b)),
        __lt__: (a, b) => flip(call("__ge__", a, b), (r) => !r),
      },
    };
    for (const [name, f] of Object.entries(derived[root]))
      if (!roots.includes(name)) cls.dict.set(name, new PyBuiltin(name, ([a, b]) => f(a, b)));
    return cls;
    function flip(r: PyValue, then: (r: boolean) => boolean): PyValue {
      return r === NotImplemented ? r : then(truthy(interp, r));
    }
  });

  defineFunction(m, "cached_property", ([func]) => {
    const name = nameOf(func);
    return new PyProperty(
      new PyBuiltin(name, ([self]) => {
        const value = interp.call(func, [self]);
        // stored on the instance, whose own attributes are found before the class's property
        if (self instanceof PyInstance) self.attrs.set(name, value);
        return value;
      }),
      null,
    );
  });
  return m;
}

/** Stands in the lru_cache key between positional and keyword arguments. */
const KWARGS_MARK = new PyTuple([]);

const NE_FALLBACK = new PyBuiltin("__eq__", ([a, b]) => a === b);

function callable(v: PyValue): boolean {
  return (
    v instanceof PyFunction ||
    v instanceof PyBuiltin ||
    v instanceof PyClass ||
    (v instanceof PyInstance && v.cls.lookup("__call__") !== undefined) ||
    typeName(v) === "method"
  );
}

function nameOf(f: PyValue): string {
  if (f instanceof PyFunction) return f.name.split(".").pop()!;
  if (f instanceof PyBuiltin || f instanceof PyClass) return f.name;
  return typeName(f);
}

/** functools.update_wrapper: copy the wrapped's name, qualname, doc, module and __dict__; set __wrapped__. */
function updateWrapper(interp: Interpreter, wrapper: PyValue, wrapped: PyValue): void {
  for (const name of WRAPPER_ASSIGNMENTS) {
    let value: PyValue;
    try {
      value = getAttribute(interp, wrapped, name);
    } catch (e) {
      if (e instanceof PyError && e.pyType === "AttributeError") continue;
      throw e;
    }
    setWrapperAttribute(wrapper, name, value, interp);
  }
  const extra =
    wrapped instanceof PyFunction ? wrapped.attrs : wrapped instanceof PyBuiltin ? wrapped.attrs : null;
  extra?.forEach((v, k) => {
    if (!WRAPPER_ASSIGNMENTS.includes(k) && k !== "__wrapped__") setWrapperAttribute(wrapper, k, v, interp);
  });
  setWrapperAttribute(wrapper, "__wrapped__", wrapped, interp);
}

function setWrapperAttribute(wrapper: PyValue, name: string, value: PyValue, interp: Interpreter): void {
  if (wrapper instanceof PyBuiltin) (wrapper.attrs ??= new Map()).set(name, value);
  else setAttribute(interp, wrapper, name, value);
}
