import {
  Ellipsis,
  PyBuiltin,
  PyClass,
  PyClassMethod,
  PyFunction,
  PyInstance,
  PyList,
  PyTuple,
  type PyValue,
} from "./interpreter/objects";
import { typeError } from "./interpreter/pyErrors";
import type { Runtime } from "./interpreter/runtime";

/**
 * Subscripted types, as annotations and type aliases write them: `list[int]`, `dict[str, float]`
 * and typing's `List[int]`, `Optional[Node]`, `Callable[[int], float]`. GradLens never checks
 * types; these objects exist so that such expressions evaluate, print as in CPython, and (for
 * a class's own `Stack[int]`) still make instances when called.
 */

/** `typing._type_repr`: a builtin type by name, another class as module.name, `...` as is. */
export function typeRepr(rt: Runtime, v: PyValue): string {
  if (v instanceof PyClass) return v.module === "builtins" ? v.name : `${v.module}.${v.name}`;
  if (v === Ellipsis) return "...";
  if (v === null) return "None";
  if (v instanceof PyFunction) return v.name;
  if (v instanceof PyList) return `[${v.items.map((x) => typeRepr(rt, x)).join(", ")}]`;
  return rt.repr(v);
}

/** The args of a subscription: `x[a, b]` passes the tuple (a, b). */
export function subscriptArgs(index: PyValue): PyValue[] {
  return index instanceof PyTuple && index.cls === null ? index.items : [index];
}

/**
 * The class of the alias objects for one run: `types.GenericAlias` for `list[int]`, or
 * typing's `_GenericAlias`. An alias prints as it was written and calls its origin.
 */
export function makeAliasClass(rt: Runtime, name: string, module: string): PyClass {
  const cls = new PyClass(name, null, module);
  cls.dict.set(
    "__repr__",
    new PyBuiltin("__repr__", ([self]) => (self as PyInstance).attrs.get("__gradlens_repr__") ?? name),
  );
  cls.dict.set(
    "__call__",
    new PyBuiltin("__call__", ([self, ...args], kwargs) => {
      const origin = (self as PyInstance).attrs.get("__origin__");
      if (!(origin instanceof PyClass)) throw typeError(`Type ${rt.repr(self)} cannot be instantiated`);
      return rt.call(origin, args, kwargs);
    }),
  );
  return cls;
}

/** An alias `origin[args]` of class `aliasClass`; `shown` is how its origin prints (`list`, `typing.List`). */
export function makeAlias(
  rt: Runtime,
  aliasClass: PyClass,
  origin: PyValue,
  args: PyValue[],
  shown: string,
): PyInstance {
  const alias = new PyInstance(aliasClass);
  alias.attrs.set("__origin__", origin);
  alias.attrs.set("__args__", new PyTuple(args));
  alias.attrs.set("__gradlens_repr__", `${shown}[${args.map((a) => typeRepr(rt, a)).join(", ")}]`);
  return alias;
}

/** `__class_getitem__` that makes `cls[args]` an alias of class `aliasClass`. */
export function classGetItem(rt: Runtime, aliasClass: PyClass): PyClassMethod {
  return new PyClassMethod(
    new PyBuiltin("__class_getitem__", ([cls, index]) =>
      makeAlias(rt, aliasClass, cls, subscriptArgs(index), typeRepr(rt, cls)),
    ),
  );
}
