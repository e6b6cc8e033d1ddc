import { chargeArray } from "../../engine/memory";
import { getIterator, toArray } from "../interpreter/collections";
import type { Interpreter } from "../interpreter/interpreter";
import {
  DONE,
  int,
  PyBuiltin,
  PyClass,
  PyClassMethod,
  PyInt,
  PyIterator,
  PyModule,
  PyTuple,
  type PyValue,
} from "../interpreter/objects";
import { binaryOp, equals, truthy } from "../interpreter/operators";
import { typeError, valueError } from "../interpreter/pyErrors";
import { bindArgs, defineFunction, intArg } from "./native";

/**
 * Python's `itertools`, lazily as CPython's: each function returns an iterator that pulls from
 * its inputs only as far as it is read (`count()` and `cycle()` are endless).
 */

type Next = () => PyValue | typeof DONE;

/** What groupby starts its keys at: equal to nothing the program can make. */
const NO_KEY = Symbol("no key");

export function makeItertoolsModule(interp: Interpreter): PyModule {
  const m = new PyModule("itertools");
  const iter = (v: PyValue) => getIterator(interp, v);
  const it = (next: Next, name: string) => new PyIterator(next, name);
  const call = (f: PyValue, args: PyValue[]) => interp.call(f, args);

  /** `chain(*iterables)`, also a class with `chain.from_iterable`. */
  const chainOf = (sources: PyIterator): PyIterator => {
    let current: PyIterator | null = null;
    return it(() => {
      for (;;) {
        if (current === null) {
          const next = sources.next();
          if (next === DONE) return DONE;
          current = iter(next);
        }
        const x = current.next();
        if (x !== DONE) return x;
        current = null;
      }
    }, "chain");
  };
  const chain = new PyClass("chain", null, "itertools", (args) => chainOf(iter(new PyTuple(args))));
  chain.dict.set(
    "from_iterable",
    new PyClassMethod(new PyBuiltin("from_iterable", ([, xs]) => chainOf(iter(xs)))),
  );
  m.attrs.set("chain", chain);

  defineFunction(m, "product", (args, kwargs) => {
    const a = bindArgs("product", [], kwargs, ["repeat"]);
    const repeat = a.repeat === undefined ? 1 : intArg(a.repeat);
    if (repeat < 0) throw valueError("repeat argument cannot be negative");
    const pools: PyValue[][] = [];
    for (let r = 0; r < repeat; r++) for (const arg of args) pools.push(toArray(interp, arg));
    let indices: number[] | null = pools.some((p) => p.length === 0) ? null : pools.map(() => 0);
    return it(() => {
      if (indices === null) return DONE;
      const out = new PyTuple(indices.map((i, k) => pools[k][i]));
      // advance the rightmost index that can move, like an odometer
      let k = pools.length - 1;
      while (k >= 0 && ++indices[k] === pools[k].length) indices[k--] = 0;
      if (k < 0) indices = null;
      return out;
    }, "product");
  });

  defineFunction(m, "permutations", (args, kwargs) => {
    const a = bindArgs("permutations", args, kwargs, ["iterable", "r"], 1);
    const pool = toArray(interp, a.iterable!);
    const n = pool.length;
    const r = a.r === undefined || a.r === null ? n : intArg(a.r);
    if (r < 0) throw valueError("r must be non-negative");
    if (r > n) return it(() => DONE, "permutations");
    const indices = pool.map((_, i) => i);
    const cycles = Array.from({ length: r }, (_, i) => n - i);
    let first = true;
    let done = false;
    const emit = () => new PyTuple(indices.slice(0, r).map((i) => pool[i]));
    return it(() => {
      if (done) return DONE;
      if (first) {
        first = false;
        return emit();
      }
      for (let i = r - 1; i >= 0; i--) {
        cycles[i]--;
        if (cycles[i] === 0) {
          indices.push(...indices.splice(i, 1));
          cycles[i] = n - i;
        } else {
          const j = cycles[i];
          [indices[i], indices[n - j]] = [indices[n - j], indices[i]];
          return emit();
        }
      }
      done = true;
      return DONE;
    }, "permutations");
  });

  const combinations = (name: string, withReplacement: boolean) =>
    defineFunction(m, name, (args, kwargs) => {
      const a = bindArgs(name, args, kwargs, ["iterable", "r"], 2);
      const pool = toArray(interp, a.iterable!);
      const n = pool.length;
      const r = intArg(a.r);
      if (r < 0) throw valueError("r must be non-negative");
      let indices: number[] | null = withReplacement
        ? r > 0 && n === 0
          ? null
          : new Array<number>(r).fill(0)
        : r > n
          ? null
          : Array.from({ length: r }, (_, i) => i);
      let first = true;
      return it(() => {
        if (indices === null) return DONE;
        if (!first) {
          let i = r - 1;
          if (withReplacement) {
            while (i >= 0 && indices[i] === n - 1) i--;
            if (i < 0) return ((indices = null), DONE);
            const v = indices[i] + 1;
            for (let j = i; j < r; j++) indices[j] = v;
          } else {
            while (i >= 0 && indices[i] === i + n - r) i--;
            if (i < 0) return ((indices = null), DONE);
            indices[i]++;
            for (let j = i + 1; j < r; j++) indices[j] = indices[j - 1] + 1;
          }
        }
        first = false;
        return new PyTuple(indices.map((i) => pool[i]));
      }, name);
    });
  combinations("combinations", false);
  combinations("combinations_with_replacement", true);

  defineFunction(m, "islice", (args) => {
    if (args.length < 2 || args.length > 4)
      throw typeError(
        `islice expected ${args.length < 2 ? "at least 2" : "at most 4"} arguments, got ${args.length}`,
      );
    const source = iter(args[0]);
    const bound = (v: PyValue | undefined, fallback: number | null): number | null => {
      if (v === undefined || v === null) return fallback;
      if (!(v instanceof PyInt) && typeof v !== "boolean")
        throw valueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
      const n = intArg(v);
      if (n < 0) throw valueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
      return n;
    };
    const [start, stop] =
      args.length === 2 ? [0, bound(args[1], null)] : [bound(args[1], 0)!, bound(args[2], null)];
    const step = args.length === 4 && args[3] !== null ? intArg(args[3]) : 1;
    if (step < 1) throw valueError("Step for islice() must be a positive integer or None.");
    // CPython's islice: read up to `next`, hand out one item, move `next` on (never past stop)
    let count = 0;
    let next = start;
    return it(() => {
      if (stop !== null && count >= stop) return DONE;
      while (count < next) {
        if (source.next() === DONE) return DONE;
        count++;
      }
      if (stop !== null && count >= stop) return DONE;
      const x = source.next();
      if (x === DONE) return DONE;
      count++;
      next += step;
      if (stop !== null && next > stop) next = stop;
      return x;
    }, "islice");
  });

  defineFunction(m, "count", (args, kwargs) => {
    const a = bindArgs("count", args, kwargs, ["start", "step"]);
    let value: PyValue = a.start ?? int(0);
    const step = a.step ?? int(1);
    return it(() => {
      const v = value;
      value = binaryOp(interp, "+", value, step);
      return v;
    }, "count");
  });

  defineFunction(m, "cycle", ([xs]) => {
    const source = iter(xs);
    const saved: PyValue[] = [];
    let exhausted = false;
    let i = 0;
    return it(() => {
      if (!exhausted) {
        const x = source.next();
        if (x !== DONE) {
          chargeArray(1);
          saved.push(x);
          return x;
        }
        exhausted = true;
      }
      if (saved.length === 0) return DONE;
      return saved[i++ % saved.length];
    }, "cycle");
  });

  defineFunction(m, "repeat", (args, kwargs) => {
    const a = bindArgs("repeat", args, kwargs, ["object", "times"], 1);
    let left = a.times === undefined ? Infinity : Math.max(0, intArg(a.times));
    return it(() => (left-- > 0 ? a.object! : DONE), "repeat");
  });

  defineFunction(m, "accumulate", (args, kwargs) => {
    const a = bindArgs("accumulate", args, kwargs, ["iterable", "func", "*", "initial"], 1);
    const source = iter(a.iterable!);
    const func = a.func ?? null;
    let total: PyValue | typeof DONE = a.initial === undefined || a.initial === null ? DONE : a.initial;
    let started = total !== DONE;
    return it(() => {
      if (started) {
        started = false;
        return total as PyValue;
      }
      const x = source.next();
      if (x === DONE) return DONE;
      total = total === DONE ? x : func === null ? binaryOp(interp, "+", total, x) : call(func, [total, x]);
      return total;
    }, "accumulate");
  });

  defineFunction(m, "zip_longest", (args, kwargs) => {
    const a = bindArgs("zip_longest", [], kwargs, ["fillvalue"]);
    const fill = a.fillvalue ?? null;
    const sources: (PyIterator | null)[] = args.map(iter);
    let active = sources.length;
    return it(() => {
      if (active === 0) return DONE;
      const items = sources.map((s, k) => {
        if (s === null) return fill;
        const x = s.next();
        if (x !== DONE) return x;
        sources[k] = null;
        active--;
        return fill;
      });
      return active === 0 ? DONE : new PyTuple(items);
    }, "zip_longest");
  });

  defineFunction(m, "groupby", (args, kwargs) => {
    const a = bindArgs("groupby", args, kwargs, ["iterable", "key"], 1);
    const source = iter(a.iterable!);
    const keyOf = (x: PyValue) => (a.key === undefined || a.key === null ? x : call(a.key, [x]));
    const same = (k1: PyValue | typeof NO_KEY, k2: PyValue | typeof NO_KEY) =>
      k1 !== NO_KEY && k2 !== NO_KEY && (k1 === k2 || equals(interp, k1, k2));
    let target: PyValue | typeof NO_KEY = NO_KEY;
    let current: PyValue | typeof NO_KEY = NO_KEY;
    let value: PyValue = null;
    let exhausted = false;
    let group = 0;
    const advance = (): boolean => {
      const x = source.next();
      if (x === DONE) {
        exhausted = true;
        return false;
      }
      value = x;
      current = keyOf(x);
      return true;
    };
    return it(() => {
      group++;
      if (exhausted) return DONE;
      // skip what is left of the group before (read or not)
      while (current === NO_KEY || same(current, target)) if (!advance()) return DONE;
      target = current;
      const mine = group;
      const key = target;
      let first = true;
      const grouper = it(() => {
        if (mine !== group || exhausted) return DONE;
        if (!first && !advance()) return DONE;
        first = false;
        if (!same(current, key)) return DONE;
        return value;
      }, "_grouper");
      return new PyTuple([key as PyValue, grouper]);
    }, "groupby");
  });

  defineFunction(m, "starmap", ([f, xs]) => {
    const source = iter(xs);
    return it(() => {
      const x = source.next();
      return x === DONE ? DONE : call(f, toArray(interp, x));
    }, "starmap");
  });
  defineFunction(m, "takewhile", ([f, xs]) => {
    const source = iter(xs);
    let stopped = false;
    return it(() => {
      if (stopped) return DONE;
      const x = source.next();
      if (x === DONE || !truthy(interp, call(f, [x]))) return ((stopped = true), DONE);
      return x;
    }, "takewhile");
  });
  defineFunction(m, "dropwhile", ([f, xs]) => {
    const source = iter(xs);
    let dropping = true;
    return it(() => {
      for (let x = source.next(); x !== DONE; x = source.next()) {
        if (dropping && truthy(interp, call(f, [x]))) continue;
        dropping = false;
        return x;
      }
      return DONE;
    }, "dropwhile");
  });
  defineFunction(m, "compress", ([data, selectors]) => {
    const d = iter(data);
    const s = iter(selectors);
    return it(() => {
      for (;;) {
        const x = d.next();
        const keep = s.next();
        if (x === DONE || keep === DONE) return DONE;
        if (truthy(interp, keep)) return x;
      }
    }, "compress");
  });
  defineFunction(m, "filterfalse", ([f, xs]) => {
    const source = iter(xs);
    return it(() => {
      for (let x = source.next(); x !== DONE; x = source.next())
        if (!truthy(interp, f === null ? x : call(f, [x]))) return x;
      return DONE;
    }, "filterfalse");
  });
  defineFunction(m, "pairwise", ([xs]) => {
    const source = iter(xs);
    let previous: PyValue | typeof DONE = source.next();
    return it(() => {
      if (previous === DONE) return DONE;
      const x = source.next();
      if (x === DONE) return ((previous = DONE), DONE);
      const pair = new PyTuple([previous, x]);
      previous = x;
      return pair;
    }, "pairwise");
  });
  defineFunction(m, "tee", (args) => {
    const source = iter(args[0]);
    const n = args.length > 1 ? intArg(args[1]) : 2;
    if (n < 0) throw valueError("n must be >= 0");
    // one buffer shared by the copies; each reads from its own position
    const buffer: PyValue[] = [];
    let offset = 0;
    const positions = new Array<number>(n).fill(0);
    const copies = positions.map((_, k) =>
      it(() => {
        const at = positions[k] - offset;
        if (at >= buffer.length) {
          const x = source.next();
          if (x === DONE) return DONE;
          chargeArray(1);
          buffer.push(x);
        }
        const x = buffer[positions[k]++ - offset];
        const lowest = Math.min(...positions);
        if (lowest > offset) {
          buffer.splice(0, lowest - offset);
          offset = lowest;
        }
        return x;
      }, "_tee"),
    );
    return new PyTuple(copies);
  });
  return m;
}
