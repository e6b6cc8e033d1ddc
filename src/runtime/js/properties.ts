import { chargeString } from "../../engine/memory";
import { arrayMethod, type Caller } from "./arrayMethods";
import { namespaceWriteError } from "./gradlensImport";
import { hostGet, hostHas, hostSet } from "./hostBridge";
import { toNumber, toStr } from "./operators";
import {
  isHost,
  JsClass,
  JsFunction,
  JsNative,
  JsObject,
  JsRuntimeError,
  typeError,
  type JsValue,
} from "./values";

/** String.prototype methods that take and give only primitives, run as the host runs them. */
const STRING_METHODS = new Set([
  "at",
  "charAt",
  "charCodeAt",
  "codePointAt",
  "concat",
  "endsWith",
  "includes",
  "indexOf",
  "lastIndexOf",
  "padEnd",
  "padStart",
  "repeat",
  "slice",
  "split",
  "startsWith",
  "substring",
  "toLowerCase",
  "toUpperCase",
  "trim",
  "trimEnd",
  "trimStart",
  "toString",
  "replace",
  "replaceAll",
]);
const NUMBER_METHODS = new Set(["toFixed", "toPrecision", "toExponential", "toString"]);

function primitiveArgs(
  h: Caller,
  args: JsValue[],
  method: string,
): (string | number | boolean | undefined | null)[] {
  return args.map((a) => {
    if (a === null || typeof a !== "object") return a as string | number | boolean | undefined;
    if (Array.isArray(a) || a instanceof JsObject) return toStr(h, a);
    throw typeError(`${method}() takes strings and numbers in GradLens`);
  });
}

/** The string methods that can make a long string from a short one, charged first. */
function chargeStringMethod(name: string, self: unknown, args: unknown[]): void {
  const length = typeof self === "string" ? self.length : 0;
  if (name === "repeat") chargeString(length * (Number(args[0]) || 0));
  else if (name === "padStart" || name === "padEnd") chargeString(Number(args[0]) || 0);
  else if (name === "concat") chargeString(args.reduce<number>((n, a) => n + String(a).length, length));
}

function hostMethod(h: Caller, proto: object, name: string): JsNative {
  const f = (proto as Record<string, (...a: unknown[]) => unknown>)[name];
  return new JsNative(name, (self, args) => {
    try {
      const primitive = primitiveArgs(h, args, name);
      chargeStringMethod(name, self, primitive);
      return f.apply(self, primitive) as JsValue;
    } catch (e) {
      if (e instanceof RangeError) throw new JsRuntimeError("RangeError", e.message);
      if (e instanceof TypeError) throw typeError(e.message);
      throw e;
    }
  });
}

function isIndex(name: string): boolean {
  return /^(0|[1-9]\d*)$/.test(name);
}

/** The name of the built-in Error class an object descends from (its `name`), or null. */
export function errorName(v: JsObject): string | null {
  for (let c = v.cls; c; c = c.base) if (c.builtin) return c.name;
  return null;
}

/** `obj[name]` for every kind of value, as JavaScript looks it up. */
export function getProperty(h: Caller, obj: JsValue, name: string): JsValue {
  if (obj === undefined || obj === null)
    throw typeError(`Cannot read properties of ${String(obj)} (reading '${name}')`);
  if (Array.isArray(obj)) {
    if (name === "length") return obj.length;
    if (isIndex(name)) return obj[Number(name)];
    return arrayMethod(h, name);
  }
  if (typeof obj === "string") {
    if (name === "length") return obj.length;
    if (isIndex(name)) return obj[Number(name)];
    return STRING_METHODS.has(name) ? hostMethod(h, String.prototype, name) : undefined;
  }
  if (typeof obj === "number")
    return NUMBER_METHODS.has(name) ? hostMethod(h, Number.prototype, name) : undefined;
  if (typeof obj === "boolean")
    return name === "toString" ? hostMethod(h, Boolean.prototype, name) : undefined;
  if (obj instanceof JsObject) {
    const own = obj.props.get(name);
    if (own !== undefined || obj.props.has(name)) return own;
    if (obj.cls) {
      const getter = obj.cls.findAccessor("get", name);
      if (getter) return h.call(getter, obj, []);
      const m = obj.cls.findMethod(name);
      if (m) return m;
      if (name === "constructor") return obj.cls;
      const error = errorName(obj);
      if (error !== null && name === "name") return error;
      if (error !== null && name === "message") return "";
    }
    if (name === "hasOwnProperty")
      return new JsNative(
        "hasOwnProperty",
        (self, [k]) => self instanceof JsObject && self.props.has(toStr(h, k)),
      );
    if (name === "toString") return new JsNative("toString", () => "[object Object]");
    return undefined;
  }
  if (obj instanceof JsClass) {
    if (name === "name") return obj.name;
    for (let c: JsClass | null = obj; c; c = c.base) if (c.statics.has(name)) return c.statics.get(name);
    return undefined;
  }
  if (obj instanceof JsFunction || obj instanceof JsNative) {
    if (obj.props.has(name)) return obj.props.get(name);
    if (name === "name") return obj.name;
    if (name === "call")
      return new JsNative("call", (self, [thisArg, ...args]) => h.call(self, thisArg, args));
    if (name === "apply")
      return new JsNative("apply", (self, [thisArg, args]) =>
        h.call(self, thisArg, args === undefined || args === null ? [] : h.iterate(args)),
      );
    if (name === "bind")
      return new JsNative(
        "bind",
        (self, [thisArg, ...bound]) =>
          new JsNative(`bound ${toStr(h, getProperty(h, self, "name"))}`, (_s, args) =>
            h.call(self, thisArg, [...bound, ...args]),
          ),
      );
    return undefined;
  }
  if (isHost(obj)) return h.hostOp(() => hostGet(obj as object, name));
  return undefined;
}

/** `obj[name] = value`. */
export function setProperty(h: Caller, obj: JsValue, name: string, value: JsValue): void {
  if (obj === undefined || obj === null)
    throw typeError(`Cannot set properties of ${String(obj)} (setting '${name}')`);
  if (Array.isArray(obj)) {
    if (name === "length") {
      const n = toNumber(h, value);
      if (!Number.isInteger(n) || n < 0) throw new JsRuntimeError("RangeError", "Invalid array length");
      if (n > obj.length) h.step();
      obj.length = n;
    } else if (isIndex(name)) {
      const i = Number(name);
      if (i > obj.length + 1_000_000) throw new JsRuntimeError("RangeError", "Invalid array length");
      obj[i] = value; // past the end leaves holes, as in JavaScript
    } else throw typeError(`GradLens does not set the property '${name}' of an array`);
    return;
  }
  if (obj instanceof JsObject && obj.cls !== null && !obj.props.has(name)) {
    const setter = obj.cls.findAccessor("set", name);
    if (setter) {
      h.call(setter, obj, [value]);
      return;
    }
    const owner = obj.cls.accessorOwner("get", name);
    if (owner) throw typeError(`Cannot set property ${name} of #<${owner.name}> which has only a getter`);
  }
  if (obj instanceof JsObject) {
    const frozen = namespaceWriteError(obj, name);
    if (frozen !== null) throw frozen;
  }
  if (obj instanceof JsObject || obj instanceof JsFunction || obj instanceof JsNative) {
    obj.props.set(name, value);
    return;
  }
  if (obj instanceof JsClass) {
    obj.statics.set(name, value);
    return;
  }
  if (isHost(obj)) {
    h.hostOp(() => {
      hostSet(obj as object, name, value);
      return undefined;
    });
    return;
  }
  throw typeError(`Cannot create property '${name}' on ${typeof obj} '${toStr(h, obj)}'`);
}

/** `name in obj`. */
export function hasProperty(h: Caller, obj: JsValue, name: string): boolean {
  // a hole is no property: `1 in [1, , 3]` is false
  if (Array.isArray(obj)) return name === "length" || (isIndex(name) && Number(name) in obj);
  if (obj instanceof JsObject)
    return (
      obj.props.has(name) ||
      obj.cls?.findMethod(name) !== undefined ||
      obj.cls?.findAccessor("get", name) !== undefined
    );
  if (isHost(obj)) return hostHas(obj as object, name);
  return getProperty(h, obj, name) !== undefined;
}
