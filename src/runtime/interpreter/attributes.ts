import { callValueMethod, getValueAttribute, setValueAttribute } from "../modules/microgradValue";
import {
  DICT_METHODS,
  FLOAT_METHODS,
  INT_METHODS,
  LIST_METHODS,
  SET_METHODS,
  STR_METHODS,
  TUPLE_METHODS,
} from "./nativeMethods";
import {
  PyBoundMethod,
  PyBuiltin,
  PyClass,
  PyDict,
  PyFunction,
  PyInstance,
  PyInt,
  PyList,
  PyModule,
  PyClassMethod,
  PyProperty,
  PyStaticMethod,
  PySet,
  PySuper,
  PyTuple,
  ValueRef,
  type Kwargs,
  type PyValue,
} from "./objects";
import { PyError } from "./pyErrors";
import type { Runtime } from "./runtime";
import { typeName } from "./stringify";

type NativeTable = Record<string, (rt: Runtime, self: never, args: PyValue[], kwargs: Kwargs) => PyValue>;

function nativeTable(obj: PyValue): NativeTable | null {
  if (obj instanceof PyList) return LIST_METHODS as NativeTable;
  if (obj instanceof PyDict) return DICT_METHODS as NativeTable;
  if (typeof obj === "string") return STR_METHODS as NativeTable;
  if (obj instanceof PyTuple) return TUPLE_METHODS as NativeTable;
  if (obj instanceof PySet) return SET_METHODS as NativeTable;
  if (typeof obj === "number") return FLOAT_METHODS as NativeTable;
  if (obj instanceof PyInt) return INT_METHODS as NativeTable;
  return null;
}

function noAttribute(obj: PyValue, name: string): PyError {
  if (obj instanceof PyModule)
    return new PyError("AttributeError", `module '${obj.name}' has no attribute '${name}'`);
  if (obj instanceof PyClass)
    return new PyError("AttributeError", `type object '${obj.name}' has no attribute '${name}'`);
  return new PyError("AttributeError", `'${typeName(obj)}' object has no attribute '${name}'`);
}

/** A class attribute as seen through an instance (or, with `self` the class, through the class). */
function bindTo(rt: Runtime, self: PyValue, cls: PyClass, v: PyValue): PyValue {
  if (v instanceof PyFunction) return self === cls ? v : new PyBoundMethod(self, v);
  if (v instanceof PyStaticMethod) return v.func;
  if (v instanceof PyClassMethod) return new PyBoundMethod(cls, v.func);
  if (v instanceof PyProperty && self !== cls) {
    if (v.getter === null) throw new PyError("AttributeError", "unreadable attribute");
    return rt.call(v.getter, [self]);
  }
  return v;
}

/** `obj.name`. */
export function getAttribute(rt: Runtime, obj: PyValue, name: string): PyValue {
  if (obj instanceof ValueRef) return getValueAttribute(rt, obj, name);
  if (obj instanceof PyInstance) {
    const own = obj.attrs.get(name);
    if (own !== undefined) return own;
    const v = obj.cls.lookup(name);
    if (v !== undefined) return bindTo(rt, obj, obj.cls, v);
    if (name === "__class__") return obj.cls;
    const getattr = obj.cls.lookup("__getattr__");
    if (getattr !== undefined) return rt.call(getattr, [obj, name]);
    throw noAttribute(obj, name);
  }
  if (obj instanceof PyModule) {
    const v = obj.attrs.get(name);
    if (v !== undefined) return v;
    // a module's own __getattr__ answers for names it does not hold (PEP 562)
    const fallback = obj.attrs.get("__getattr__");
    if (fallback !== undefined) return rt.call(fallback, [name]);
    throw noAttribute(obj, name);
  }
  if (obj instanceof PyClass) {
    if (name === "__name__") return obj.name;
    if (name === "__qualname__") return obj.name;
    const v = obj.lookup(name);
    if (v === undefined) throw noAttribute(obj, name);
    return bindTo(rt, obj, obj, v);
  }
  if (obj instanceof PySuper) {
    const v = obj.cls.base?.lookup(name);
    if (v === undefined) throw new PyError("AttributeError", `'super' object has no attribute '${name}'`);
    const self = obj.self;
    return bindTo(rt, self, self instanceof PyInstance ? self.cls : obj.cls, v);
  }
  if (obj instanceof PyProperty && name === "setter") {
    return new PyBuiltin("setter", ([f]) => new PyProperty(obj.getter, f));
  }
  if (obj instanceof PyFunction && name === "__name__") return obj.name.split(".").pop()!;
  const table = nativeTable(obj);
  const method = table?.[name];
  if (method) return new PyBuiltin(name, (args, kwargs) => method(rt, obj as never, args, kwargs));
  throw noAttribute(obj, name);
}

/** `obj.name(args)`, without making a bound method for the common cases. */
export function callMethod(
  rt: Runtime,
  obj: PyValue,
  name: string,
  args: PyValue[],
  kwargs: Kwargs,
): PyValue {
  if (obj instanceof ValueRef) return callValueMethod(rt, obj, name, args, kwargs);
  if (obj instanceof PyInstance) {
    const own = obj.attrs.get(name);
    if (own !== undefined) return rt.call(own, args, kwargs);
    const v = obj.cls.lookup(name);
    if (v instanceof PyFunction) return rt.call(v, [obj, ...args], kwargs);
  } else if (obj instanceof PySuper) {
    const v = obj.cls.base?.lookup(name);
    if (v instanceof PyFunction) return rt.call(v, [obj.self, ...args], kwargs);
  } else {
    const method = nativeTable(obj)?.[name];
    if (method) return method(rt, obj as never, args, kwargs);
  }
  return rt.call(getAttribute(rt, obj, name), args, kwargs);
}

/** `obj.name = value`. */
export function setAttribute(rt: Runtime, obj: PyValue, name: string, value: PyValue): void {
  if (obj instanceof ValueRef) return setValueAttribute(rt, obj, name, value);
  if (obj instanceof PyInstance) {
    const descriptor = obj.cls.lookup(name);
    if (descriptor instanceof PyProperty) {
      if (descriptor.setter === null) {
        throw new PyError("AttributeError", `property '${name}' of '${obj.cls.name}' object has no setter`);
      }
      rt.call(descriptor.setter, [obj, value]);
      return;
    }
    obj.attrs.set(name, value);
    return;
  }
  if (obj instanceof PyClass) {
    obj.dict.set(name, value);
    return;
  }
  if (obj instanceof PyModule) {
    obj.attrs.set(name, value);
    return;
  }
  throw new PyError("AttributeError", `'${typeName(obj)}' object has no attribute '${name}'`);
}

export function deleteAttribute(_rt: Runtime, obj: PyValue, name: string): void {
  if (obj instanceof PyInstance && obj.attrs.delete(name)) return;
  throw noAttribute(obj, name);
}
