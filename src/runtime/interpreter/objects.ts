import type { Expr, FunctionDef, Param } from "../../lang/ir";
import { AttributeLayout } from "./attributeLayout";
import { SetEntries } from "./setEntries";

/**
 * The Python object model. Hot values stay cheap: a float is a JS number, a bool a JS boolean,
 * None is null, a str a JS string; an int is a small PyInt (cached for common values), and a
 * micrograd Value is a ValueRef holding its tape row.
 */
export type PyValue = number | boolean | string | null | PyObject;

export type PyObject =
  | PyInt
  | PyList
  | PyTuple
  | PyDict
  | PyDictView
  | PySet
  | PyRange
  | PySlice
  | PyIterator
  | PyFunction
  | PyBuiltin
  | PyClass
  | PyInstance
  | PyBoundMethod
  | PyModule
  | PySuper
  | ValueRef
  | PyStaticMethod
  | PyClassMethod
  | PyProperty
  | PyNotImplementedType
  | PyEllipsisType;

/** A Python int: a safe-integer JS number, or a bigint past 2**53. */
export class PyInt {
  constructor(
    readonly v: number,
    readonly big: bigint | null = null,
  ) {}
}

const SMALL_INTS: PyInt[] = [];
const SMALL_MIN = -128;
const SMALL_MAX = 1024;
for (let i = SMALL_MIN; i <= SMALL_MAX; i++) SMALL_INTS.push(new PyInt(i));

/** An int from a JS integer (which must be exact). */
export function int(v: number): PyInt {
  if (v >= SMALL_MIN && v <= SMALL_MAX && (v | 0) === v) return SMALL_INTS[v - SMALL_MIN];
  return new PyInt(v === 0 ? 0 : v);
}

/** An int from a bigint, kept as a plain number when it fits exactly. */
export function bigInt(v: bigint): PyInt {
  const n = Number(v);
  return Number.isSafeInteger(n) ? int(n) : new PyInt(n, v);
}

export function toBigInt(x: PyInt): bigint {
  return x.big ?? BigInt(x.v);
}

export class PyList {
  constructor(public items: PyValue[]) {}
}

export class PyTuple {
  constructor(
    readonly items: PyValue[],
    /** The tuple subclass it is an instance of (a namedtuple's class); null for a plain tuple. */
    readonly cls: PyClass | null = null,
  ) {}
}

/** A dict keeps insertion order (a JS Map does too); keys are mapped to a JS key by `hashKey`. */
export class PyDict {
  constructor(
    /** Usually its own Map; a live view of attributes for `obj.__dict__` (see attributeDict.ts). */
    readonly entries = new Map<unknown, { key: PyValue; value: PyValue }>(),
  ) {}
  /**
   * The dict subclass it is an instance of (`defaultdict`, `Counter`, `OrderedDict`), whose
   * dunders and methods come before dict's own; null for a plain dict.
   */
  cls: PyClass | null = null;
}

/** A set, keyed like a dict; the order it iterates in is CPython's where that is knowable (see setOrder.ts). */
export class PySet {
  readonly entries: Map<unknown, PyValue> = new SetEntries();
  /** A `frozenset`: hashable, no methods that change it; set operations on it give frozensets. */
  frozen = false;
}

/** `d.keys()`, `d.values()`, `d.items()`: live views of a dict. */
export class PyDictView {
  constructor(
    readonly dict: PyDict,
    readonly kind: "keys" | "values" | "items",
  ) {}

  items(): PyValue[] {
    const entries = [...this.dict.entries.values()];
    if (this.kind === "keys") return entries.map((e) => e.key);
    if (this.kind === "values") return entries.map((e) => e.value);
    return entries.map((e) => new PyTuple([e.key, e.value]));
  }
}

export class PyRange {
  constructor(
    readonly start: number,
    readonly stop: number,
    readonly step: number,
  ) {}

  get length(): number {
    const n =
      this.step > 0
        ? Math.ceil((this.stop - this.start) / this.step)
        : Math.ceil((this.start - this.stop) / -this.step);
    return Math.max(0, n);
  }
}

export class PySlice {
  constructor(
    readonly start: PyValue,
    readonly stop: PyValue,
    readonly step: PyValue,
  ) {}
}

/** Returned by an iterator's `next` when it is exhausted. */
export const DONE: unique symbol = Symbol("done");

/**
 * Any Python iterator (list iterator, zip, enumerate, map, a generator expression, …).
 * `captures` names what its `next` holds on to (the list it walks, the iterators it zips), for
 * the walk that finds the values a program can still reach (liveRows.ts); an iterator that
 * does not say is taken to hold anything, and the walk then reclaims nothing.
 */
export class PyIterator {
  constructor(
    readonly next: () => PyValue | typeof DONE,
    readonly typeName = "iterator",
    readonly captures?: readonly unknown[],
  ) {}
}

export class PyFunction {
  /** The class whose body defined this function, for zero-argument `super()`. */
  ownerClass: PyClass | null = null;
  /** Attributes the program set on the function (`f.calls = 0`, `functools.wraps`'s `__wrapped__`). */
  attrs: Map<string, PyValue> | null = null;
  constructor(
    readonly name: string,
    readonly params: Param[],
    readonly defaults: (PyValue | undefined)[],
    /** A `def` body, or a lambda's expression. */
    readonly body: FunctionDef | Expr,
    /** The scope the function was defined in (for closures). */
    readonly closure: import("./frame").Frame,
    /** Defined by a module written in Python: its spans are not the user's. */
    readonly isLibrary: boolean,
  ) {}
}

export type Kwargs = Map<string, PyValue> | null;

/**
 * A function written in TypeScript; `self` is bound for native methods. `captures` names the
 * program's objects it holds (a bound method's `self`; `[]` for none), as PyIterator's does.
 */
export class PyBuiltin {
  /** Attributes set on it (`functools.lru_cache`'s `cache_info`, a `wraps`'s `__name__`). */
  attrs: Map<string, PyValue> | null = null;
  constructor(
    readonly name: string,
    readonly call: (args: PyValue[], kwargs: Kwargs) => PyValue,
    readonly captures?: readonly unknown[],
  ) {}
}

export class PyClass {
  readonly dict = new Map<string, PyValue>();
  /** Made by a `class` statement of the program (not by GradLens's own modules). */
  definedByProgram = false;
  /**
   * The name Python's messages give its instances' type when it is not `name`: a type CPython
   * writes in C names its module too (`'datetime.date' and 'int'`).
   */
  messageName: string | null = null;
  private layoutRoot: AttributeLayout | null = null;
  /** The empty layout its instances' attributes start from (see attributeLayout.ts). */
  get attributeLayout(): AttributeLayout {
    return (this.layoutRoot ??= AttributeLayout.root());
  }
  constructor(
    readonly name: string,
    readonly base: PyClass | null,
    /** The module it was defined in, for reprs: `__main__`, `micrograd.nn`. */
    readonly module: string,
    /** For built-in types: makes an instance from the call's arguments. */
    readonly construct: ((args: PyValue[], kwargs: Kwargs) => PyValue) | null = null,
  ) {}

  lookup(name: string): PyValue | undefined {
    const own = this.dict.get(name);
    if (own !== undefined || this.base === null) return own;
    return this.base.lookup(name);
  }

  isSubclassOf(other: PyClass): boolean {
    return this === other || (this.base !== null && this.base.isSubclassOf(other));
  }
}

const NO_ATTRS: readonly PyValue[] = [];

export class PyInstance {
  /**
   * Its own attributes (its `__dict__`), made on first use: most instances a numpy loop makes
   * (arrays, numpy scalars) never get one. While `attrLayout` is set they are an array of values in
   * the layout's slots (see attributeLayout.ts); else a Map, or null for none yet.
   */
  private attrStore: PyValue[] | Map<string, PyValue> | null = null;
  private attrLayout: AttributeLayout | null = null;

  /** The instance's own attributes (its `__dict__`) as a Map, which they stay from then on. */
  get attrs(): Map<string, PyValue> {
    const store = this.attrStore;
    if (store instanceof Map) return store;
    const map = this.attrLayout === null ? new Map<string, PyValue>() : this.attrLayout.toMap(store!);
    this.attrLayout = null;
    this.attrStore = map;
    return map;
  }

  /** The values of its attributes, without making a Map (a walk of all that is live). */
  attrValues(): Iterable<PyValue> {
    const store = this.attrStore;
    if (store === null) return NO_ATTRS;
    if (store instanceof Map) return store.values();
    const n = this.attrLayout!.names.length;
    return store.length === n ? store : store.slice(0, n);
  }

  /** Its attributes' names and values, without making a Map. */
  *attrEntries(): Iterable<[string, PyValue]> {
    const store = this.attrStore;
    if (store === null) return;
    if (store instanceof Map) {
      yield* store;
      return;
    }
    const names = this.attrLayout!.names;
    for (let i = 0; i < names.length; i++) yield [names[i], store[i]];
  }

  /** How many attributes of its own it has. */
  get attrCount(): number {
    const store = this.attrStore;
    if (store === null) return 0;
    return store instanceof Map ? store.size : this.attrLayout!.names.length;
  }

  /** `attrs.get(name)` without making a Map. */
  ownAttr(name: string): PyValue | undefined {
    const layout = this.attrLayout;
    if (layout !== null) {
      const i = layout.index.get(name);
      return i === undefined ? undefined : (this.attrStore as PyValue[])[i];
    }
    const store = this.attrStore;
    return store === null ? undefined : (store as Map<string, PyValue>).get(name);
  }

  /** `attrs.set(name, value)` without making a Map. */
  setOwnAttr(name: string, value: PyValue): void {
    let layout = this.attrLayout;
    if (layout === null) {
      if (this.attrStore !== null) {
        (this.attrStore as Map<string, PyValue>).set(name, value);
        return;
      }
      layout = this.cls.attributeLayout;
      this.attrStore = new Array<PyValue>(layout.expectedSize);
    }
    const slots = this.attrStore as PyValue[];
    const i = layout.index.get(name);
    if (i !== undefined) {
      slots[i] = value;
      return;
    }
    const next = layout.with(name);
    if (next === null) {
      this.attrLayout = layout;
      this.attrs.set(name, value);
      return;
    }
    slots[layout.names.length] = value;
    this.attrLayout = next;
  }

  /** Its tape row when it is a value of the program's own autograd class (see ownValues.ts), else -1. */
  nodeRow = -1;
  constructor(readonly cls: PyClass) {}
}

export class PyBoundMethod {
  constructor(
    readonly self: PyValue,
    readonly func: PyValue,
  ) {}
}

export class PyModule {
  readonly attrs = new Map<string, PyValue>();
  constructor(readonly name: string) {}
}

export class PySuper {
  constructor(
    readonly cls: PyClass,
    readonly self: PyValue,
  ) {}
}

/**
 * A micrograd `Value`: its row on the tape. The row moves when a long run's tape is compacted
 * (reclaim.ts), so the object, not the number, is the Value's identity.
 */
export class ValueRef {
  constructor(public row: number) {}
}

/** `@staticmethod`: the function, unbound from both instance and class. */
export class PyStaticMethod {
  constructor(readonly func: PyValue) {}
}

/** `@classmethod`: bound to the class, through an instance too. */
export class PyClassMethod {
  constructor(readonly func: PyValue) {}
}

/** `@property` (and `@x.setter`): attribute access that calls functions. */
export class PyProperty {
  constructor(
    readonly getter: PyValue,
    readonly setter: PyValue,
  ) {}
}

export class PyNotImplementedType {}

/** `...`, often a placeholder body (`def f(): ...`). */
export class PyEllipsisType {}
export const Ellipsis = new PyEllipsisType();
export const NotImplemented = new PyNotImplementedType();
