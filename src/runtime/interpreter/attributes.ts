import { callValueMethod, getValueAttribute, setValueAttribute } from "../modules/microgradValue";
import { floatFromHex } from "./floatHex";
import {
  DICT_METHODS,
  FLOAT_METHODS,
  INT_METHODS,
  LIST_METHODS,
  SET_METHODS,
  FROZENSET_METHODS,
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
  int,
  PyList,
  PyModule,
  PyRange,
  PyClassMethod,
  PyProperty,
  PyStaticMethod,
  PySet,
  PySlice,
  PySuper,
  PyTuple,
  ValueRef,
  type Kwargs,
  type PyValue,
} from "./objects";
import { getItem, getIterator, length } from "./collections";
import { contains } from "./operators";
import { PyError } from "./pyErrors";
import type { Runtime } from "./runtime";
import { makeTrans } from "./strMethods";
import { functionAttribute, setFunctionAttribute, specialAttribute } from "./specialAttributes";
import { typeName } from "./stringify";
import { GENERATOR_METHODS, PyGenerator } from "./generators";

type NativeTable = Record<string, (rt: Runtime, self: never, args: PyValue[], kwargs: Kwargs) => PyValue>;

function nativeTable(obj: PyValue): NativeTable | null {
  if (obj instanceof PyList) return LIST_METHODS as NativeTable;
  if (obj instanceof PyDict) return DICT_METHODS as NativeTable;
  if (typeof obj === "string") return STR_METHODS as NativeTable;
  if (obj instanceof PyTuple) return TUPLE_METHODS as NativeTable;
  if (obj instanceof PySet) return (obj.frozen ? FROZENSET_METHODS : SET_METHODS) as NativeTable;
  if (typeof obj === "number") return FLOAT_METHODS as NativeTable;
  if (obj instanceof PyInt) return INT_METHODS as NativeTable;
  if (obj instanceof PyGenerator) return GENERATOR_METHODS as NativeTable;
  return null;
}

/** `object.__new__(cls)`: a new instance of a class written in Python. */
export const OBJECT_NEW = new PyBuiltin("__new__", ([cls]) => {
  if (!(cls instanceof PyClass)) throw new PyError("TypeError", "object.__new__(X): X is not a type object");
  return new PyInstance(cls);
});

function noAttribute(obj: PyValue, name: string): PyError {
  if (obj instanceof PyModule)
    return new PyError("AttributeError", `module '${obj.name}' has no attribute '${name}'`);
  if (obj instanceof PyClass)
    return new PyError("AttributeError", `type object '${obj.name}' has no attribute '${name}'`);
  return new PyError("AttributeError", `'${typeName(obj)}' object has no attribute '${name}'`);
}

/** A class attribute as seen through an instance (or, with `self` the class, through the class). */
function bindTo(rt: Runtime, self: PyValue, cls: PyClass, v: PyValue): PyValue {
  // a native function in a class is a method too (CPython's method descriptors)
  if (v instanceof PyFunction || v instanceof PyBuiltin) return self === cls ? v : new PyBoundMethod(self, v);
  if (v instanceof PyStaticMethod) return v.func;
  if (v instanceof PyClassMethod) return new PyBoundMethod(cls, v.func);
  if (v instanceof PyProperty && self !== cls) {
    if (v.getter === null) throw new PyError("AttributeError", "unreadable attribute");
    return rt.call(v.getter, [self]);
  }
  return v;
}

/** The built-in types' method tables, for `str.strip`, `list.append` read from the class. */
const TABLES_BY_TYPE: Record<string, NativeTable> = {
  str: STR_METHODS as NativeTable,
  list: LIST_METHODS as NativeTable,
  dict: DICT_METHODS as NativeTable,
  tuple: TUPLE_METHODS as NativeTable,
  set: SET_METHODS as NativeTable,
  float: FLOAT_METHODS as NativeTable,
  int: INT_METHODS as NativeTable,
};

/** `str.strip` (as in `map(str.strip, lines)`): the method, taking the object as its first argument. */
function unboundNativeMethod(rt: Runtime, cls: PyClass, name: string): PyValue | undefined {
  if (cls.name === "str" && name === "maketrans") return new PyBuiltin(name, (args) => makeTrans(args));
  if (cls.name === "float" && name === "fromhex") return new PyBuiltin(name, ([text]) => floatFromHex(text));
  const method = TABLES_BY_TYPE[cls.name]?.[name];
  if (method === undefined) return undefined;
  return new PyBuiltin(name, (args, kwargs) => {
    const [self, ...rest] = args;
    if (self === undefined)
      throw new PyError("TypeError", `unbound method ${cls.name}.${name}() needs an argument`);
    if (nativeTable(self) !== TABLES_BY_TYPE[cls.name] || (cls.name === "int" && typeof self === "boolean"))
      throw new PyError(
        "TypeError",
        `descriptor '${name}' for '${cls.name}' objects doesn't apply to a '${typeName(self)}' object`,
      );
    return method(rt, self as never, rest, kwargs);
  });
}

/** `obj.name`. */
export function getAttribute(rt: Runtime, obj: PyValue, name: string): PyValue {
  if (obj instanceof ValueRef) return getValueAttribute(rt, obj, name);
  if (obj instanceof PyInstance) {
    const own = obj.ownAttr(name);
    if (own !== undefined) return own;
    const v = obj.cls.lookup(name);
    if (v !== undefined) return bindTo(rt, obj, obj.cls, v);
    if (name === "__class__") return obj.cls;
    const special = specialAttribute(obj, name);
    if (special !== undefined) return special;
    const getattr = obj.cls.lookup("__getattr__");
    if (getattr !== undefined) return rt.call(getattr, [obj, name]);
    throw noAttribute(obj, name);
  }
  if (obj instanceof PyModule) {
    const own = obj.attrs.get(name); // None (null) is a value: `np.newaxis`
    if (own !== undefined) return own;
    const special = specialAttribute(obj, name);
    if (special !== undefined) return special;
    // a module's own __getattr__ answers for names it does not hold (PEP 562)
    const fallback = obj.attrs.get("__getattr__");
    if (fallback !== undefined) return rt.call(fallback, [name]);
    throw noAttribute(obj, name);
  }
  if (obj instanceof PyClass) {
    if (name === "__name__") return obj.name;
    if (name === "__qualname__") return obj.name;
    const v = obj.lookup(name);
    if (v === undefined) {
      const unbound = obj.module === "builtins" ? unboundNativeMethod(rt, obj, name) : undefined;
      if (unbound !== undefined) return unbound;
      const special = specialAttribute(obj, name);
      if (special !== undefined) return special;
      throw noAttribute(obj, name);
    }
    return bindTo(rt, obj, obj, v);
  }
  if ((obj instanceof PyDict || obj instanceof PyTuple) && obj.cls !== null) {
    // an instance of a dict or tuple subclass (Counter, a namedtuple): its class first
    const v = obj.cls.lookup(name);
    if (v !== undefined) return bindTo(rt, obj, obj.cls, v);
    if (name === "__class__") return obj.cls;
  }
  if (obj instanceof PySuper) {
    const v = obj.cls.base?.lookup(name);
    // every class ends in object, whose __new__ makes a plain instance
    if (v === undefined && name === "__new__") return OBJECT_NEW;
    if (v === undefined && name === "__setattr__") return new PyBoundMethod(obj.self, OBJECT_SETATTR);
    if (v === undefined) throw new PyError("AttributeError", `'super' object has no attribute '${name}'`);
    const self = obj.self;
    return bindTo(rt, self, self instanceof PyInstance ? self.cls : obj.cls, v);
  }
  if (obj instanceof PyProperty && name === "setter") {
    return new PyBuiltin("setter", ([f]) => new PyProperty(obj.getter, f), [obj.getter]);
  }
  if (obj instanceof PyFunction) {
    const v = functionAttribute(obj, name);
    if (v !== undefined) return v;
  } else {
    const v = specialAttribute(obj, name);
    if (v !== undefined) return v;
  }
  const table = nativeTable(obj);
  const method = table?.[name];
  if (method) return new PyBuiltin(name, (args, kwargs) => method(rt, obj as never, args, kwargs), [obj]);
  const protocol = containerProtocol(rt, obj, name);
  if (protocol !== undefined) return protocol;
  if (obj instanceof PySlice && (name === "start" || name === "stop" || name === "step")) return obj[name];
  if (obj instanceof PyRange && (name === "start" || name === "stop" || name === "step"))
    return int(obj[name]);
  throw noAttribute(obj, name);
}

/**
 * The container protocol's methods of the built-in containers, as attributes: duck-typing code
 * asks `hasattr(x, "__len__")` or calls `x.__getitem__(i)` (scikit-learn's input checks do).
 */
function containerProtocol(rt: Runtime, obj: PyValue, name: string): PyValue | undefined {
  const container =
    obj instanceof PyList ||
    obj instanceof PyTuple ||
    obj instanceof PyDict ||
    obj instanceof PySet ||
    typeof obj === "string";
  if (!container) return undefined;
  switch (name) {
    case "__len__":
      return new PyBuiltin(name, () => int(length(rt, obj)), [obj]);
    case "__iter__":
      return new PyBuiltin(name, () => getIterator(rt, obj), [obj]);
    case "__contains__":
      return new PyBuiltin(name, ([x]) => contains(rt, obj, x), [obj]);
    case "__getitem__":
      return obj instanceof PySet ? undefined : new PyBuiltin(name, ([i]) => getItem(rt, obj, i), [obj]);
    default:
      return undefined;
  }
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
    const own = obj.ownAttr(name);
    if (own !== undefined)
      return obj.nodeRow < 0
        ? rt.call(own, args, kwargs)
        : rt.ownValues.callAttribute(obj, own, args, kwargs);
    const v = obj.cls.lookup(name);
    if (v instanceof PyFunction || v instanceof PyBuiltin) return rt.call(v, withSelf(obj, args), kwargs);
  } else if (obj instanceof PySuper) {
    const v = obj.cls.base?.lookup(name);
    if (v instanceof PyFunction) return rt.call(v, [obj.self, ...args], kwargs);
  } else if (!((obj instanceof PyDict || obj instanceof PyTuple) && obj.cls !== null)) {
    const method = nativeTable(obj)?.[name];
    if (method) return method(rt, obj as never, args, kwargs);
  }
  return rt.call(getAttribute(rt, obj, name), args, kwargs);
}

/** `[self, ...args]` without the spread's iterator protocol: every method call makes one. */
export function withSelf(self: PyValue, args: readonly PyValue[]): PyValue[] {
  const out: PyValue[] = [self];
  for (let i = 0; i < args.length; i++) out.push(args[i]);
  return out;
}

/** `object.__setattr__(obj, name, value)`: sets the attribute, past any `__setattr__` of the class. */
export const OBJECT_SETATTR = new PyBuiltin("__setattr__", ([obj, name, value]) => {
  if (!(obj instanceof PyInstance) || typeof name !== "string")
    throw new PyError("TypeError", "object.__setattr__() needs an instance and an attribute name");
  setInstanceAttribute(null, obj, name, value);
  return null;
});

/** The plain attribute store of an instance: a property's setter, else its own attributes. */
function setInstanceAttribute(rt: Runtime | null, obj: PyInstance, name: string, value: PyValue): void {
  const descriptor = obj.cls.lookup(name);
  if (descriptor instanceof PyProperty) {
    if (rt === null)
      throw new PyError(
        "NotImplementedError",
        "object.__setattr__ of a property is not supported by GradLens",
      );
    if (descriptor.setter === null) {
      throw new PyError("AttributeError", `property '${name}' of '${obj.cls.name}' object has no setter`);
    }
    rt.call(descriptor.setter, [obj, value]);
    return;
  }
  obj.setOwnAttr(name, value);
}

/** `obj.name = value` (`augmented`: `obj.name += value` and the like). */
export function setAttribute(
  rt: Runtime,
  obj: PyValue,
  name: string,
  value: PyValue,
  augmented = false,
): void {
  if (obj instanceof ValueRef) return setValueAttribute(rt, obj, name, value);
  if (obj instanceof PyInstance) {
    const custom = obj.cls.lookup("__setattr__");
    if (custom !== undefined && custom !== OBJECT_SETATTR) {
      rt.call(custom, [obj, name, value]);
      return;
    }
    if (obj.nodeRow >= 0) rt.ownValues.attributeSet(obj, name, value, augmented);
    setInstanceAttribute(rt, obj, name, value);
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
  if (obj instanceof PyFunction) {
    setFunctionAttribute(obj, name, value);
    return;
  }
  if ((obj instanceof PyDict || obj instanceof PyTuple) && obj.cls !== null) {
    const descriptor = obj.cls.lookup(name);
    if (descriptor instanceof PyProperty && descriptor.setter !== null) {
      rt.call(descriptor.setter, [obj, value]);
      return;
    }
    if (descriptor instanceof PyProperty) throw new PyError("AttributeError", "can't set attribute");
  }
  throw new PyError("AttributeError", `'${typeName(obj)}' object has no attribute '${name}'`);
}

export function deleteAttribute(rt: Runtime, obj: PyValue, name: string): void {
  const custom = obj instanceof PyInstance ? obj.cls.lookup("__delattr__") : undefined;
  if (custom !== undefined) {
    rt.call(custom, [obj, name]);
    return;
  }
  if (obj instanceof PyInstance && obj.attrs.delete(name)) return;
  if (obj instanceof PyFunction && obj.attrs?.delete(name)) return;
  throw noAttribute(obj, name);
}
