import { setAttribute } from "../interpreter/attributes";
import type { Interpreter } from "../interpreter/interpreter";
import {
  PyBuiltin,
  PyClass,
  PyClassMethod,
  PyFunction,
  PyModule,
  PyProperty,
  PyStaticMethod,
  PyTuple,
  type PyValue,
} from "../interpreter/objects";
import { defineFunction } from "./native";

/**
 * Python's `abc`: `@abstractmethod` marks a function (`__isabstractmethod__`), and a subclass of
 * `ABC` that leaves one unimplemented cannot be instantiated, with CPython's message. The set is
 * worked out when each subclass is made, as ABCMeta does.
 */

function isAbstract(v: PyValue): boolean {
  if (v instanceof PyFunction) return v.attrs?.get("__isabstractmethod__") === true;
  if (v instanceof PyStaticMethod || v instanceof PyClassMethod) return isAbstract(v.func);
  if (v instanceof PyProperty) return isAbstract(v.getter) || isAbstract(v.setter);
  return false;
}

export function makeAbcModule(interp: Interpreter): PyModule {
  const m = new PyModule("abc");
  defineFunction(m, "abstractmethod", ([f]) => {
    const target = f instanceof PyStaticMethod || f instanceof PyClassMethod ? f.func : f;
    if (target instanceof PyFunction) setAttribute(interp, target, "__isabstractmethod__", true);
    return f;
  });
  const abc = new PyClass("ABC", null, "abc");
  abc.dict.set(
    "__init_subclass__",
    new PyBuiltin("__init_subclass__", ([cls]) => {
      const c = cls as PyClass;
      const names = new Set<string>();
      for (let k: PyClass | null = c; k; k = k.base) for (const name of k.dict.keys()) names.add(name);
      const abstract = [...names].filter((name) => isAbstract(c.lookup(name) ?? null)).sort();
      c.dict.set("__abstractmethods__", new PyTuple(abstract));
      return null;
    }),
  );
  m.attrs.set("ABC", abc);
  return m;
}
