import { formatFixed } from "../format/floatFormat";
import { asIndex, dictSet, getIterator, length, setOf, toArray } from "./interpreter/collections";
import { floatDivmod, toFloat } from "./interpreter/numbers";
import { binaryOp, ordered, truthy } from "./interpreter/operators";
import { getAttribute, OBJECT_NEW, OBJECT_SETATTR, setAttribute } from "./interpreter/attributes";
import {
  bigInt,
  DONE,
  Ellipsis,
  int,
  NotImplemented,
  PyBoundMethod,
  PyBuiltin,
  PyClass,
  PyFunction,
  PyDict,
  PyInstance,
  PyInt,
  PyIterator,
  PyList,
  PySet,
  PyRange,
  PySlice,
  PySuper,
  PyStaticMethod,
  PyClassMethod,
  PyProperty,
  PyTuple,
  toBigInt,
  ValueRef,
  type Kwargs,
  type PyValue,
} from "./interpreter/objects";
import { PyError, typeError, UnsupportedError, valueError } from "./interpreter/pyErrors";
import type { Runtime } from "./interpreter/runtime";
import { sortValues } from "./interpreter/sorting";
import { ascii, typeName } from "./interpreter/stringify";
import { makeExceptionClasses } from "./exceptionClasses";
import { objectId, pythonHash } from "./hashing";
import { convertToFloat, convertToInt } from "./conversions";
import { makeIntrospectionBuiltins } from "./introspection";
import { classGetItem, makeAliasClass } from "./genericAlias";
import { systemExit } from "./modules/sysModule";
import { useKeyRuntime } from "./interpreter/objectKeys";

/**
 * The builtins a learner's program uses, with CPython's results and messages. Built-in types
 * (`int`, `list`, …) are classes whose call converts, so `isinstance` and `type(x).__name__`
 * work on them.
 */
export function makeBuiltins(rt: Runtime): Map<string, PyValue> {
  useKeyRuntime(rt); // dict keys with their own __hash__ and __eq__ call them in this run
  const b = new Map<string, PyValue>();
  const fn = (name: string, f: (args: PyValue[], kwargs: Kwargs) => PyValue) =>
    b.set(name, new PyBuiltin(name, f, []));
  const type = (name: string, construct: (args: PyValue[], kwargs: Kwargs) => PyValue) => {
    const cls = new PyClass(name, null, "builtins", construct);
    b.set(name, cls);
    return cls;
  };
  const noKeywords = (name: string, kwargs: Kwargs) => {
    if (kwargs && kwargs.size) throw typeError(`${name}() takes no keyword arguments`);
  };

  fn("print", (args, kwargs) => {
    let sep = " ";
    let end = "\n";
    let file: PyValue = null;
    for (const [k, v] of kwargs ?? []) {
      if (k === "sep" || k === "end") {
        if (v !== null && typeof v !== "string")
          throw typeError(`${k} must be None or a string, not ${typeName(v)}`);
        if (k === "sep") sep = v ?? " ";
        else end = v ?? "\n";
      } else if (k === "file") file = v;
      else if (k !== "flush") throw typeError(`'${k}' is an invalid keyword argument for print()`);
    }
    if (file === null) {
      rt.write(args.map((a) => rt.str(a)).join(sep) + end);
      return null;
    }
    // print(..., file=f) writes each piece with f.write, as CPython does (sys.stderr included)
    const write = getAttribute(rt, file, "write");
    args.forEach((a, i) => {
      if (i > 0) rt.call(write, [sep]);
      rt.call(write, [rt.str(a)]);
    });
    rt.call(write, [end]);
    return null;
  });
  fn("len", ([x]) => int(length(rt, x)));
  // introspection GradLens does not model: reported rather than a NameError that would be untrue
  for (const [name, f] of makeIntrospectionBuiltins(rt)) b.set(name, f);
  for (const name of ["memoryview", "bytearray", "bytes", "complex"]) {
    fn(name, () => {
      throw new UnsupportedError(`\`${name}()\` is not supported by GradLens`);
    });
  }
  // the sandbox has no files and no console to read from
  for (const name of ["open", "input", "exec", "eval", "compile", "__import__", "breakpoint", "help"]) {
    fn(name, () => {
      throw new UnsupportedError(`\`${name}()\` is not available in GradLens's sandbox`);
    });
  }
  fn("repr", ([x]) => rt.repr(x));
  fn("ascii", ([x]) => ascii(rt, x));
  fn("abs", ([x]) => {
    if (typeof x === "number") return Math.abs(x);
    if (x instanceof PyInt || typeof x === "boolean") {
      const n = typeof x === "boolean" ? int(+x) : x;
      return n.big !== null ? bigInt(n.big < 0n ? -n.big : n.big) : int(Math.abs(n.v));
    }
    if (x instanceof PyInstance && x.cls.lookup("__abs__") !== undefined)
      return rt.call(x.cls.lookup("__abs__")!, [x]);
    throw typeError(`bad operand type for abs(): '${typeName(x)}'`);
  });
  fn("range", (args) => {
    const n = args.map((arg) => {
      const a = asIndex(rt, arg);
      if (a instanceof PyInt) return a.v;
      if (typeof a === "boolean") return +a;
      throw typeError(`'${typeName(a)}' object cannot be interpreted as an integer`);
    });
    if (n.length === 0) throw typeError("range expected at least 1 argument, got 0");
    if (n.length > 3) throw typeError(`range expected at most 3 arguments, got ${n.length}`);
    const [start, stop, step] = n.length === 1 ? [0, n[0], 1] : [n[0], n[1], n[2] ?? 1];
    if (step === 0) throw valueError("range() arg 3 must not be zero");
    return new PyRange(start, stop, step);
  });
  fn("zip", (args, kwargs) => {
    for (const k of kwargs?.keys() ?? [])
      if (k !== "strict") throw typeError(`zip() got an unexpected keyword argument '${k}'`);
    const strict = truthy(rt, kwargs?.get("strict") ?? false);
    const its = args.map((a) => getIterator(rt, a));
    return new PyIterator(
      () => {
        if (its.length === 0) return DONE;
        const items: PyValue[] = [];
        for (const it of its) {
          const x = it.next();
          if (x === DONE) {
            if (strict) zipStrictCheck(its, items.length);
            return DONE;
          }
          items.push(x);
        }
        return new PyTuple(items);
      },
      "zip",
      its,
    );
  });
  fn("enumerate", ([xs, start], kwargs) => {
    const it = getIterator(rt, xs);
    const first = start ?? kwargs?.get("start") ?? int(0);
    let i = first instanceof PyInt ? first.v : 0;
    return new PyIterator(
      () => {
        const x = it.next();
        return x === DONE ? DONE : new PyTuple([int(i++), x]);
      },
      "enumerate",
      [it],
    );
  });
  fn("map", ([f, ...iterables]) => {
    const its = iterables.map((a) => getIterator(rt, a));
    return new PyIterator(
      () => {
        const items: PyValue[] = [];
        for (const it of its) {
          const x = it.next();
          if (x === DONE) return DONE;
          items.push(x);
        }
        return rt.call(f, items);
      },
      "map",
      [f, ...its],
    );
  });
  fn("filter", ([f, xs]) => {
    const it = getIterator(rt, xs);
    return new PyIterator(
      () => {
        for (let x = it.next(); x !== DONE; x = it.next()) {
          if (truthy(rt, f === null ? x : rt.call(f, [x]))) return x;
        }
        return DONE;
      },
      "filter",
      [f, it],
    );
  });
  fn("reversed", ([xs]) => {
    const items = xs instanceof PyList || xs instanceof PyTuple ? xs.items.slice() : toArray(rt, xs);
    let i = items.length;
    return new PyIterator(() => (i > 0 ? items[--i] : DONE), "list_reverseiterator", items);
  });
  fn("iter", ([xs]) => getIterator(rt, xs));
  fn("next", ([it, fallback]) => {
    if (it instanceof PyInstance && it.cls.lookup("__next__") !== undefined) {
      // an object that is its own iterator (a file, a class with __next__)
      try {
        return rt.call(it.cls.lookup("__next__")!, [it]);
      } catch (e) {
        if (fallback === undefined || !(e instanceof PyError) || e.pyType !== "StopIteration") throw e;
        return fallback;
      }
    }
    if (!(it instanceof PyIterator)) throw typeError(`'${typeName(it)}' object is not an iterator`);
    const x = it.next();
    if (x !== DONE) return x;
    if (fallback !== undefined) return fallback;
    throw new PyError("StopIteration", "");
  });
  fn("sum", ([xs, start], kwargs) => {
    // Python 3.11's sum: plain left-to-right `+` (3.12 compensates float rounding; 3.11 does not).
    let acc: PyValue = start ?? kwargs?.get("start") ?? int(0);
    if (typeof acc === "string") throw typeError("sum() can't sum strings [use ''.join(seq) instead]");
    const it = getIterator(rt, xs);
    for (let x = it.next(); x !== DONE; x = it.next()) {
      rt.step();
      acc = binaryOp(rt, "+", acc, x);
    }
    return acc;
  });
  const extreme = (name: "min" | "max") => (args: PyValue[], kwargs: Kwargs) => {
    const key = kwargs?.get("key") ?? null;
    const items = args.length === 1 ? toArray(rt, args[0]) : args;
    if (items.length === 0) {
      const fallback = kwargs?.get("default");
      if (fallback !== undefined) return fallback;
      throw valueError(
        `${name}() ${args.length === 1 ? "arg is an empty sequence" : "expected at least 1 argument, got 0"}`,
      );
    }
    let best = items[0];
    let bestKey = key === null ? best : rt.call(key, [best]);
    for (let i = 1; i < items.length; i++) {
      const k = key === null ? items[i] : rt.call(key, [items[i]]);
      if (ordered(rt, name === "min" ? "<" : ">", k, bestKey)) {
        best = items[i];
        bestKey = k;
      }
    }
    return best;
  };
  fn("min", extreme("min"));
  fn("max", extreme("max"));
  fn(
    "sorted",
    ([xs], kwargs) =>
      new PyList(
        sortValues(rt, toArray(rt, xs), kwargs?.get("key") ?? null, kwargs?.get("reverse") ?? false),
      ),
  );
  fn("any", ([xs]) => {
    for (const x of rt.iterate(xs)) if (truthy(rt, x)) return true;
    return false;
  });
  fn("all", ([xs]) => {
    for (const x of rt.iterate(xs)) if (!truthy(rt, x)) return false;
    return true;
  });
  fn("round", ([x, digits]) => {
    // an object rounds itself (a numpy scalar, a class of the program's): round(x) is x.__round__()
    const own = x instanceof PyInstance ? x.cls.lookup("__round__") : undefined;
    if (own === undefined) return round(x, digits ?? null);
    return rt.call(own, digits === undefined || digits === null ? [x] : [x, digits]);
  });
  fn("divmod", ([x, y]) => {
    if (typeof x === "number" || typeof y === "number") {
      const a = toFloat(x as number);
      const c = toFloat(y as number);
      if (c === 0) throw new PyError("ZeroDivisionError", "float divmod()");
      return new PyTuple(floatDivmod(a, c));
    }
    return new PyTuple([binaryOp(rt, "//", x, y), binaryOp(rt, "%", x, y)]);
  });
  fn("pow", ([x, y, m]) => {
    if (m === undefined || m === null) return binaryOp(rt, "**", x, y);
    if (!(x instanceof PyInt && y instanceof PyInt && m instanceof PyInt)) {
      throw typeError("pow() 3rd argument not allowed unless all arguments are integers");
    }
    let base = toBigInt(x);
    let e = toBigInt(y);
    const mod = toBigInt(m);
    let r = 1n;
    base %= mod;
    while (e > 0n) {
      if (e & 1n) r = (r * base) % mod;
      base = (base * base) % mod;
      e >>= 1n;
    }
    return bigInt(((r % mod) + mod) % mod);
  });
  fn("isinstance", ([x, classes]) => isInstance(x, classes));
  fn("hasattr", ([x, name]) => {
    try {
      getAttribute(rt, x, name as string);
      return true;
    } catch (e) {
      if (e instanceof PyError && e.pyType === "AttributeError") return false;
      throw e;
    }
  });
  fn("getattr", ([x, name, fallback]) => {
    try {
      return getAttribute(rt, x, name as string);
    } catch (e) {
      if (fallback !== undefined && e instanceof PyError && e.pyType === "AttributeError") return fallback;
      throw e;
    }
  });
  fn("setattr", ([x, name, v]) => {
    setAttribute(rt, x, name as string, v);
    return null;
  });
  fn("slice", (args) => {
    if (args.length === 0 || args.length > 3)
      throw typeError(`slice expected at least 1 argument, got ${args.length}`);
    return args.length === 1
      ? new PySlice(null, args[0], null)
      : new PySlice(args[0], args[1], args[2] ?? null);
  });
  // hex(255) '0xff', bin(-5) '-0b101': an int (or an object with __index__) in base 16, 2 or 8
  for (const [name, base, prefix] of [
    ["hex", 16, "0x"],
    ["bin", 2, "0b"],
    ["oct", 8, "0o"],
  ] as const)
    fn(name, ([x]) => {
      let v = asIndex(rt, x ?? null);
      if (typeof v === "boolean") v = int(+v);
      if (!(v instanceof PyInt))
        throw typeError(`'${typeName(x ?? null)}' object cannot be interpreted as an integer`);
      const n = v.big ?? BigInt(v.v);
      return `${n < 0n ? "-" : ""}${prefix}${(n < 0n ? -n : n).toString(base)}`;
    });
  fn("chr", ([x]) => String.fromCodePoint((x as PyInt).v));
  fn("ord", ([x]) => {
    if (typeof x !== "string" || [...x].length !== 1) throw typeError("ord() expected a character");
    return int(x.codePointAt(0)!);
  });
  fn("format", ([x, spec]) =>
    (rt as Runtime & { format(v: PyValue, s: string): string }).format(x, (spec as string) ?? ""),
  );
  fn("id", ([x]) => int(objectId(x)));
  fn("hash", ([x]) => pythonHash(x));
  fn(
    "callable",
    ([x]) =>
      x instanceof PyFunction ||
      x instanceof PyBuiltin ||
      x instanceof PyClass ||
      x instanceof PyBoundMethod ||
      (x instanceof PyInstance && x.cls.lookup("__call__") !== undefined),
  );
  fn("super", (args) => {
    if (args.length > 0) {
      const [cls, self] = args;
      if (!(cls instanceof PyClass)) throw typeError("super() argument 1 must be a type");
      return new PySuper(cls, self);
    }
    const method = rt.currentMethod();
    if (!method) throw new PyError("RuntimeError", "super(): no arguments");
    return new PySuper(method.cls, method.self);
  });

  // objects that define __int__ / __float__ (a one-element tensor) convert through them
  const viaDunder = (x: PyValue | undefined, name: string) =>
    x instanceof PyInstance && x.cls.lookup(name) !== undefined
      ? rt.call(x.cls.lookup(name)!, [x])
      : undefined;
  const intClass = type("int", (args, kwargs) => viaDunder(args[0], "__int__") ?? convertToInt(args, kwargs));
  const floatClass = type("float", ([x]) =>
    x === undefined ? 0 : (viaDunder(x, "__float__") ?? convertToFloat(x)),
  );
  type("str", ([x]) => (x === undefined ? "" : rt.str(x)));
  const boolClass = type("bool", ([x]) => (x === undefined ? false : truthy(rt, x)));
  type("list", ([x]) => new PyList(x === undefined ? [] : toArray(rt, x)));
  type("tuple", ([x]) => new PyTuple(x === undefined ? [] : toArray(rt, x)));
  const dictClass = type("dict", ([x], kwargs) => {
    const d = new PyDict();
    if (x instanceof PyDict) x.entries.forEach((e) => dictSet(d, e.key, e.value));
    else if (x !== undefined) {
      for (const pair of rt.iterate(x)) {
        const kv = toArray(rt, pair);
        if (kv.length !== 2)
          throw valueError(`dictionary update sequence element has length ${kv.length}; 2 is required`);
        dictSet(d, kv[0], kv[1]);
      }
    }
    kwargs?.forEach((v, k) => dictSet(d, k, v));
    return d;
  });
  const objectClass = type("object", (args) => {
    noKeywords("object", null);
    if (args.length) throw typeError("object() takes no arguments");
    return new PyInstance(objectClass);
  });
  objectClass.dict.set("__new__", new PyStaticMethod(OBJECT_NEW));
  objectClass.dict.set("__setattr__", OBJECT_SETATTR);
  type("set", ([x]) => setOf(x === undefined ? [] : rt.iterate(x)));
  type("frozenset", ([x]) => {
    if (x instanceof PySet && x.frozen) return x;
    const s = setOf(x === undefined ? [] : rt.iterate(x));
    s.frozen = true;
    return s;
  });
  dictClass.dict.set(
    "fromkeys",
    new PyClassMethod(
      new PyBuiltin("fromkeys", ([cls, keys, value = null]) => {
        const d = cls === dictClass ? new PyDict() : rt.call(cls, []);
        if (!(d instanceof PyDict)) throw typeError("fromkeys() of a class that is not a dict");
        for (const k of rt.iterate(keys)) dictSet(d, k, value);
        return d;
      }),
    ),
  );
  type("staticmethod", ([f]) => new PyStaticMethod(f));
  type("classmethod", ([f]) => new PyClassMethod(f));
  type("property", ([getter, setter]) => new PyProperty(getter ?? null, setter ?? null));
  // `list[int]` in a type alias: an alias object that prints as written
  const aliasClass = makeAliasClass(rt, "GenericAlias", "types");
  for (const name of ["list", "dict", "tuple", "set"])
    (b.get(name) as PyClass).dict.set("__class_getitem__", classGetItem(rt, aliasClass));
  b.set("type", new PyBuiltin("type", ([x]) => typeOf(x), []));
  b.set("NotImplemented", NotImplemented);
  b.set("Ellipsis", Ellipsis);
  for (const cls of makeExceptionClasses()) b.set(cls.name, cls);
  // exit() and quit(), which the site module gives every program, raise SystemExit as sys.exit() does
  for (const name of ["exit", "quit"])
    fn(name, ([code]) => {
      throw systemExit(rt, b.get("SystemExit") as PyClass, code ?? null, true);
    });
  b.set("IOError", b.get("OSError")!);
  b.set("EnvironmentError", b.get("OSError")!);

  /** `type(x)`: the class, for builtins the built-in type object (so `type(x) is float` works). */
  const otherTypes = new Map<string, PyClass>();
  function typeOf(x: PyValue): PyValue {
    if (x instanceof PyInstance) return x.cls;
    if ((x instanceof PyDict || x instanceof PyTuple) && x.cls !== null) return x.cls;
    if (x instanceof ValueRef && rt.valueClass) return rt.valueClass;
    const name = typeName(x);
    const builtin = b.get(name);
    if (builtin instanceof PyClass) return builtin;
    let cls = otherTypes.get(name);
    if (!cls) otherTypes.set(name, (cls = new PyClass(name, null, "builtins")));
    return cls;
  }

  fn("issubclass", ([c, classes]) => {
    if (!(c instanceof PyClass)) throw typeError("issubclass() arg 1 must be a class");
    const check = (k: PyValue): boolean => {
      if (k instanceof PyTuple) return k.items.some(check);
      if (!(k instanceof PyClass))
        throw typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
      return k === objectClass || c.isSubclassOf(k) || (c === boolClass && k === intClass);
    };
    return check(classes);
  });

  function isInstance(x: PyValue, classes: PyValue): boolean {
    if (classes instanceof PyTuple) return classes.items.some((c) => isInstance(x, c));
    if (!(classes instanceof PyClass))
      throw typeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
    if (classes === objectClass) return true;
    if (x instanceof PyInstance) return x.cls.isSubclassOf(classes);
    if ((x instanceof PyDict || x instanceof PyTuple) && x.cls !== null) return x.cls.isSubclassOf(classes);
    if (x instanceof ValueRef) return classes === rt.valueClass;
    if (classes === intClass) return x instanceof PyInt || typeof x === "boolean";
    if (classes === floatClass) return typeof x === "number";
    return classes.module === "builtins" && typeName(x) === classes.name;
  }

  return b;
}

/** zip(strict=True) when argument `stopped` ran out: the others must have run out too. */
function zipStrictCheck(its: PyIterator[], stopped: number): void {
  if (stopped > 0)
    throw valueError(
      `zip() argument ${stopped + 1} is shorter than argument${stopped === 1 ? "" : "s"} 1${stopped === 1 ? "" : `-${stopped}`}`,
    );
  for (let i = 1; i < its.length; i++) {
    if (its[i].next() !== DONE)
      throw valueError(
        `zip() argument ${i + 1} is longer than argument${i === 1 ? "" : "s"} 1${i === 1 ? "" : `-${i}`}`,
      );
  }
}

/** Python's `round`: half to even on the exact binary value; no digits → an int. */
function round(x: PyValue, digits: PyValue): PyValue {
  if (x instanceof PyInt || typeof x === "boolean") {
    const n = typeof x === "boolean" ? int(+x) : x;
    if (digits === null || !(digits instanceof PyInt) || digits.v >= 0) return n;
    const p = 10n ** BigInt(-digits.v);
    const v = toBigInt(n);
    let q = v / p;
    let r = v % p;
    if (r < 0n) {
      q -= 1n;
      r += p;
    }
    if (2n * r > p || (2n * r === p && q % 2n !== 0n)) q += 1n;
    return bigInt(q * p);
  }
  if (typeof x !== "number") {
    throw typeError(`type ${typeName(x)} doesn't define __round__ method`);
  }
  if (digits === null) {
    if (Number.isNaN(x)) throw valueError("cannot convert float NaN to integer");
    if (!Number.isFinite(x)) throw new PyError("OverflowError", "cannot convert float infinity to integer");
    const text = formatFixed(x, 0);
    const r = Number(text) * (x < 0 ? -1 : 1);
    return Number.isSafeInteger(r) ? int(r === 0 ? 0 : r) : bigInt(BigInt(text) * (x < 0 ? -1n : 1n));
  }
  if (!Number.isFinite(x)) return x;
  const d = digits instanceof PyInt ? digits.v : 0;
  if (d >= 0) {
    const r = Number(formatFixed(x, Math.min(d, 330)));
    return x < 0 || Object.is(x, -0) ? -r : r;
  }
  const scale = 10 ** -d;
  const q = Number(formatFixed(Math.abs(x) / scale, 0)) * scale;
  return x < 0 ? -q : q;
}
