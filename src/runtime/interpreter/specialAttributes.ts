import { attributeDict } from "./attributeDict";
import {
  int,
  PyBoundMethod,
  PyBuiltin,
  PyClass,
  PyDict,
  PyFunction,
  PyInstance,
  PyInt,
  PyModule,
  PyTuple,
  type PyValue,
} from "./objects";
import { PyError } from "./pyErrors";
import { dictSet } from "./collections";

/**
 * The attributes Python gives functions, methods, classes and modules for introspection
 * (`f.__name__`, `f.__code__.co_argcount`, `f.__defaults__`, `obj.__dict__`, `cls.__mro__`), and
 * the attributes a program sets on its own functions (`f.calls = 0`).
 */

/** The `code` type: what `f.__code__` is (only the fields programs read). */
const CODE_CLASS = new PyClass("code", null, "builtins");

/** A function's docstring: the string its body starts with, else None. */
function docstring(fn: PyFunction): PyValue {
  const body = fn.body;
  if (body.k !== "def") return null;
  const first = body.body[0];
  return first?.k === "expr" && first.value.k === "str" ? first.value.value : null;
}

/** co_varnames: positional parameters, keyword-only ones, `*args`, `**kwargs`, then the other locals. */
function codeObject(fn: PyFunction): PyInstance {
  const params = fn.params;
  const star = params.findIndex((p) => p.kind === "star");
  const positional = params.filter((p, i) => p.kind === "plain" && (star < 0 || i < star));
  const keywordOnly = params.filter((p, i) => p.kind === "plain" && star >= 0 && i > star);
  const varargs = params.filter((p) => (p.kind === "star" && p.name !== "") || p.kind === "doubleStar");
  const names = [...positional, ...keywordOnly, ...varargs].map((p) => p.name);
  const locals = fn.body.k === "def" ? fn.body.locals : [];
  for (const n of locals) if (!names.includes(n)) names.push(n);
  const code = new PyInstance(CODE_CLASS);
  const shortName = fn.name.split(".").pop()!;
  code.attrs.set("co_name", shortName);
  code.attrs.set("co_qualname", fn.name);
  code.attrs.set("co_argcount", int(positional.length));
  code.attrs.set("co_posonlyargcount", int(0));
  code.attrs.set("co_kwonlyargcount", int(keywordOnly.length));
  code.attrs.set("co_nlocals", int(names.length));
  code.attrs.set("co_varnames", new PyTuple(names));
  return code;
}

function functionDefaults(fn: PyFunction, keywordOnly: boolean): PyValue {
  const star = fn.params.findIndex((p) => p.kind === "star");
  const picked: { name: string; value: PyValue }[] = [];
  fn.params.forEach((p, i) => {
    const d = fn.defaults[i];
    const isKeywordOnly = star >= 0 && i > star;
    if (p.kind === "plain" && d !== undefined && isKeywordOnly === keywordOnly)
      picked.push({ name: p.name, value: d });
  });
  if (picked.length === 0) return null;
  if (!keywordOnly) return new PyTuple(picked.map((p) => p.value));
  const d = new PyDict();
  for (const p of picked) dictSet(d, p.name, p.value);
  return d;
}

/** `fn.name` for a function defined in Python, or undefined when it has no such attribute. */
export function functionAttribute(fn: PyFunction, name: string): PyValue | undefined {
  const own = fn.attrs?.get(name);
  if (own !== undefined) return own;
  switch (name) {
    case "__name__":
      return fn.name.split(".").pop()!;
    case "__qualname__":
      return fn.name;
    case "__doc__":
      return docstring(fn);
    case "__module__":
      return fn.closure.globals.get("__name__") ?? null;
    case "__code__":
      return codeObject(fn);
    case "__defaults__":
      return functionDefaults(fn, false);
    case "__kwdefaults__":
      return functionDefaults(fn, true);
    case "__dict__":
      return attributeDict((fn.attrs ??= new Map()));
  }
  return undefined;
}

/** `fn.name = value` on a function defined in Python (any name, as Python allows). */
export function setFunctionAttribute(fn: PyFunction, name: string, value: PyValue): void {
  if (name === "__code__" || name === "__defaults__" || name === "__kwdefaults__" || name === "__dict__")
    throw new PyError("NotImplementedError", `setting ${name} is not supported by GradLens`);
  (fn.attrs ??= new Map()).set(name, value);
}

/** The introspection attributes of other objects: builtins, bound methods, classes, instances, modules. */
export function specialAttribute(obj: PyValue, name: string): PyValue | undefined {
  if (typeof obj === "number") {
    if (name === "real") return obj;
    if (name === "imag") return 0;
    return undefined;
  }
  if (obj instanceof PyInt || typeof obj === "boolean") {
    const n = typeof obj === "boolean" ? int(obj ? 1 : 0) : obj;
    if (name === "real" || name === "numerator") return n;
    if (name === "imag") return int(0);
    if (name === "denominator") return int(1);
    return undefined;
  }
  if (obj instanceof PyBuiltin) {
    const own = obj.attrs?.get(name);
    if (own !== undefined) return own;
    if (name === "__name__" || name === "__qualname__") return obj.name;
    if (name === "__doc__") return null;
    if (name === "__module__") return "builtins";
    return undefined;
  }
  if (obj instanceof PyBoundMethod) {
    if (name === "__self__") return obj.self;
    if (name === "__func__") return obj.func;
    const f = obj.func;
    if (f instanceof PyFunction) return functionAttribute(f, name);
    return specialAttribute(f, name);
  }
  if (obj instanceof PyClass) {
    switch (name) {
      case "__doc__":
        return null;
      case "__module__":
        return obj.module;
      case "__base__":
        return obj.base;
      case "__bases__":
        return new PyTuple(obj.base ? [obj.base] : []);
      case "__mro__": {
        const chain: PyValue[] = [];
        for (let c: PyClass | null = obj; c; c = c.base) chain.push(c);
        return new PyTuple(chain);
      }
      case "__dict__": {
        // CPython's is a read-only mappingproxy; a copy keeps the class safe from writes
        const d = new PyDict();
        obj.dict.forEach((v, k) => dictSet(d, k, v));
        return d;
      }
    }
    return undefined;
  }
  if (obj instanceof PyInstance) {
    if (name === "__dict__") return attributeDict(obj.attrs);
    if (name === "__module__") return obj.cls.module;
    if (name === "__doc__") return null;
    return undefined;
  }
  if (obj instanceof PyModule) {
    if (name === "__name__") return obj.name;
    if (name === "__dict__") return attributeDict(obj.attrs);
    if (name === "__doc__") return null;
  }
  return undefined;
}
