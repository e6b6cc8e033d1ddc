import {
  PyBuiltin,
  PyClass,
  PyProperty,
  type Kwargs,
  type PyInstance,
  type PyValue,
} from "../../interpreter/objects";
import { UnsupportedError } from "../../interpreter/pyErrors";

/**
 * The parts matplotlib's Python classes are made of: methods bound to their instance,
 * read-only properties, dunders, and the `__getattr__` that names what is not supported.
 */

export type Method = (self: PyInstance, args: PyValue[], kwargs: Kwargs) => PyValue;

/** A method in a class dict: read through an instance, it is bound to it. */
export function method(name: string, f: Method): PyProperty {
  return new PyProperty(
    new PyBuiltin(
      name,
      ([self]) => new PyBuiltin(name, (args, kwargs) => f(self as PyInstance, args, kwargs)),
    ),
    null,
  );
}

/** A dunder the interpreter calls with the instance first. */
export function dunder(name: string, f: (self: PyInstance, rest: PyValue[]) => PyValue): PyBuiltin {
  return new PyBuiltin(name, ([self, ...rest]) => f(self as PyInstance, rest));
}

export function property(name: string, get: (self: PyInstance) => PyValue): PyProperty {
  return new PyProperty(new PyBuiltin(name, ([self]) => get(self as PyInstance)), null);
}

/** Unknown attributes of matplotlib objects: GradLens does not have them (or matplotlib does not). */
export function notSupported(kind: string): PyBuiltin {
  return dunder("__getattr__", (_self, [name]) => {
    throw new UnsupportedError(
      `\`${kind}.${String(name)}\` is not supported by GradLens (or is not part of matplotlib)`,
    );
  });
}

export function makeClass(name: string, module: string, entries: Record<string, PyValue>): PyClass {
  const cls = new PyClass(name, null, module);
  for (const [k, v] of Object.entries(entries)) cls.dict.set(k, v);
  return cls;
}
