import { JsClass, JsFunction, JsNative, JsObject, typeError, type JsValue } from "./values";

/**
 * The one door between the interpreted program and host objects (what the `gradlens` module
 * hands out). A program reads and writes only properties the library defines on its objects
 * and their classes — never `constructor`, `__proto__` or anything of Object or Function's
 * prototypes — so it cannot climb to the host's `Function` and run code natively.
 */
const FORBIDDEN = new Set(["constructor", "__proto__", "prototype", "caller", "callee", "arguments"]);

const BASE_PROTOTYPES = new Set<object>([Object.prototype, Function.prototype]);

function descriptorOf(obj: object, name: string): PropertyDescriptor | undefined {
  if (FORBIDDEN.has(name)) return undefined;
  for (
    let o: object | null = obj;
    o !== null && !BASE_PROTOTYPES.has(o);
    o = Object.getPrototypeOf(o) as object | null
  ) {
    const d = Object.getOwnPropertyDescriptor(o, name);
    if (d) return d;
  }
  return undefined;
}

export function hostHas(obj: object, name: string): boolean {
  return descriptorOf(obj, name) !== undefined;
}

/** `obj.name` on a host object: undefined for what the library does not define. */
export function hostGet(obj: object, name: string): JsValue {
  const d = descriptorOf(obj, name);
  if (d === undefined) return undefined;
  return fromHost(Reflect.get(obj, name) as unknown);
}

export function hostSet(obj: object, name: string, value: JsValue): void {
  if (FORBIDDEN.has(name)) throw typeError(`Cannot assign to '${name}' of a gradlens object`);
  const d = descriptorOf(obj, name);
  if (d && d.get && !d.set)
    throw typeError(`Cannot set property ${name} of ${String(obj)} which has only a getter`);
  Reflect.set(obj, name, toHost(value));
}

export function hostCall(fn: object, self: JsValue, args: JsValue[]): JsValue {
  if (typeof fn !== "function") throw typeError("not a function");
  return fromHost(
    Reflect.apply(fn as (...a: unknown[]) => unknown, toHost(self), args.map(toHost)) as unknown,
  );
}

export function hostConstruct(fn: object, args: JsValue[]): JsValue {
  if (typeof fn !== "function") throw typeError("not a constructor");
  return fromHost(Reflect.construct(fn as new (...a: unknown[]) => unknown, args.map(toHost)) as unknown);
}

/** A program's value as the library takes it: arrays and plain objects copied, functions refused. */
export function toHost(v: JsValue): unknown {
  if (Array.isArray(v)) return v.map(toHost);
  if (v instanceof JsObject) {
    if (v.cls !== null) throw typeError(`a ${v.cls.name} cannot be passed to a gradlens function`);
    const out: Record<string, unknown> = {};
    for (const [k, x] of v.props) {
      // defined, not assigned: assigning `__proto__` would set the copy's prototype
      if (k === "__proto__")
        Object.defineProperty(out, k, {
          value: toHost(x),
          writable: true,
          enumerable: true,
          configurable: true,
        });
      else out[k] = toHost(x);
    }
    return out;
  }
  if (v instanceof JsFunction || v instanceof JsNative || v instanceof JsClass)
    throw typeError("a function cannot be passed to a gradlens function");
  return v;
}

/** What the library returns, as the program sees it: arrays and plain objects copied in. */
export function fromHost(v: unknown): JsValue {
  if (Array.isArray(v)) return v.map(fromHost);
  if (typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype) {
    const o = new JsObject();
    for (const [k, x] of Object.entries(v)) o.props.set(k, fromHost(x));
    return o;
  }
  if (v instanceof Float64Array || v instanceof Float32Array) return [...v];
  return v as JsValue;
}
