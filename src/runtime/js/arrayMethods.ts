import { chargeArray, chargeString } from "../../engine/memory";
import { toNumber, toStr, truthy, type OperatorHost } from "./operators";
import { JsNative, typeError, type JsValue } from "./values";

/** What the array methods need from the interpreter: calling the program's callbacks. */
export interface Caller extends OperatorHost {
  call(fn: JsValue, self: JsValue, args: JsValue[]): JsValue;
  /** The items `for…of` and spread see. */
  iterate(v: JsValue): JsValue[];
  step(): void;
  /** Runs a call into the library, its errors made the program's JavaScript errors. */
  hostOp(f: () => JsValue): JsValue;
}

function relativeIndex(x: JsValue, length: number, fallback: number, h: OperatorHost): number {
  if (x === undefined) return fallback;
  const n = Math.trunc(toNumber(h, x)) || 0;
  return n < 0 ? Math.max(length + n, 0) : Math.min(n, length);
}

type Method = (h: Caller, a: JsValue[], args: JsValue[]) => JsValue;

/**
 * Array.prototype's methods a small program uses, with JavaScript's semantics: callbacks get
 * (item, index, array), `reduce` without an initial value starts from the first item, `sort`
 * without a comparator compares strings.
 */
const METHODS: Record<string, Method> = {
  push: (_h, a, args) => {
    chargeArray(a.length + args.length);
    return a.push(...args);
  },
  pop: (_h, a) => a.pop(),
  shift: (_h, a) => a.shift(),
  unshift: (_h, a, args) => a.unshift(...args),
  map: (h, a, [fn, self]) => {
    const f = fn;
    return a.map((x, i) => h.call(f, self, [x, i, a]));
  },
  filter: (h, a, [fn, self]) => {
    const f = fn;
    return a.filter((x, i) => truthy(h.call(f, self, [x, i, a])));
  },
  forEach: (h, a, [fn, self]) => {
    const f = fn;
    a.forEach((x, i) => h.call(f, self, [x, i, a]));
    return undefined;
  },
  reduce: (h, a, args) => {
    // holes are skipped, as `i in a` finds them; the first present item starts without an initial value
    const f = args[0];
    let i = 0;
    let acc: JsValue;
    if (args.length >= 2) acc = args[1];
    else {
      while (i < a.length && !(i in a)) i++;
      if (i >= a.length) throw typeError("Reduce of empty array with no initial value");
      acc = a[i++];
    }
    for (; i < a.length; i++) if (i in a) acc = h.call(f, undefined, [acc, a[i], i, a]);
    return acc;
  },
  reduceRight: (h, a, args) => {
    const f = args[0];
    let i = a.length - 1;
    let acc: JsValue;
    if (args.length >= 2) acc = args[1];
    else {
      while (i >= 0 && !(i in a)) i--;
      if (i < 0) throw typeError("Reduce of empty array with no initial value");
      acc = a[i--];
    }
    for (; i >= 0; i--) if (i in a) acc = h.call(f, undefined, [acc, a[i], i, a]);
    return acc;
  },
  some: (h, a, [fn, self]) => a.some((x, i) => truthy(h.call(fn, self, [x, i, a]))),
  every: (h, a, [fn, self]) => a.every((x, i) => truthy(h.call(fn, self, [x, i, a]))),
  find: (h, a, [fn, self]) => a.find((x, i) => truthy(h.call(fn, self, [x, i, a]))),
  findIndex: (h, a, [fn, self]) => a.findIndex((x, i) => truthy(h.call(fn, self, [x, i, a]))),
  fill: (h, a, [value, start, end]) =>
    a.fill(value, relativeIndex(start, a.length, 0, h), relativeIndex(end, a.length, a.length, h)),
  slice: (h, a, [start, end]) =>
    a.slice(relativeIndex(start, a.length, 0, h), relativeIndex(end, a.length, a.length, h)),
  splice: (h, a, args) => {
    // no arguments removes nothing; a start alone removes the rest
    if (args.length === 0) return [];
    const [start, count, ...items] = args;
    const s = relativeIndex(start, a.length, 0, h);
    const n = args.length === 1 ? a.length - s : Math.max(0, Math.trunc(toNumber(h, count)) || 0);
    return a.splice(s, n, ...items);
  },
  concat: (_h, a, args) => {
    const parts = args.map((x) => (Array.isArray(x) ? x : [x]));
    chargeArray(parts.reduce((n, p) => n + p.length, a.length));
    return a.concat(...parts);
  },
  join: (h, a, [sep]) => {
    const texts = a.map((x) => (x === undefined || x === null ? "" : toStr(h, x)));
    const separator = sep === undefined ? "," : toStr(h, sep);
    chargeString(texts.reduce((n, t) => n + t.length, separator.length * Math.max(0, texts.length - 1)));
    return texts.join(separator);
  },
  indexOf: (_h, a, [x]) => a.indexOf(x),
  lastIndexOf: (_h, a, [x]) => a.lastIndexOf(x),
  includes: (_h, a, [x]) => a.includes(x),
  reverse: (_h, a) => a.reverse(),
  at: (h, a, [i]) => a.at(Math.trunc(toNumber(h, i ?? 0))),
  flat: (h, a, [depth]) =>
    (a as unknown[]).flat(depth === undefined ? 1 : Math.trunc(toNumber(h, depth)) || 0) as JsValue[],
  toString: ((h, a) => toStr(h, a)) as Method,
  sort: (h, a, [fn]) => {
    if (fn === undefined)
      return a.sort((x, y) => {
        const sx = toStr(h, x);
        const sy = toStr(h, y);
        return sx < sy ? -1 : sx > sy ? 1 : 0;
      });
    return a.sort((x, y) => toNumber(h, h.call(fn, undefined, [x, y])));
  },
};

export function arrayMethod(h: Caller, name: string): JsValue {
  const m = Object.prototype.hasOwnProperty.call(METHODS, name) ? METHODS[name] : undefined;
  if (!m) return undefined;
  return new JsNative(name, (self, args) => {
    if (!Array.isArray(self)) throw typeError(`Array.prototype.${name} called on a non-array`);
    return m(h, self, args);
  });
}

/** `Array.from(iterable | { length }, mapFn)` and `Array.of`. */
export function arrayFrom(h: Caller, source: JsValue, fn: JsValue): JsValue[] {
  let items: JsValue[];
  if (source !== null && typeof source === "object" && !Array.isArray(source) && "props" in source) {
    const length = (source as { props: Map<string, JsValue> }).props.get("length");
    const n = Math.max(0, Math.trunc(toNumber(h, length)) || 0);
    chargeArray(n);
    items = new Array<JsValue>(n).fill(undefined);
  } else items = h.iterate(source);
  if (fn === undefined) return [...items];
  return items.map((x, i) => h.call(fn, undefined, [x, i]));
}
