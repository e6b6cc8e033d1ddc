import type { Scope } from "./interpreter/frameLocals";
import { attributeDict } from "./interpreter/attributeDict";
import { dictSet } from "./interpreter/collections";
import { getAttribute } from "./interpreter/attributes";
import {
  PyBuiltin,
  PyClass,
  PyDict,
  PyFunction,
  PyInstance,
  PyList,
  PyModule,
  type PyValue,
} from "./interpreter/objects";
import { PyError, typeError, UnsupportedError } from "./interpreter/pyErrors";
import type { Runtime } from "./interpreter/runtime";
import { typeName } from "./interpreter/stringify";

/**
 * `globals()`, `locals()`, `vars()` and `dir()`. The module's globals and an object's `__dict__`
 * are live dicts (writing to them binds names and sets attributes, as in Python); a function's
 * `locals()` is a snapshot, as in CPython 3.11.
 */

/** What `dir()` lists for every instance of a class written in Python (CPython 3.11's `object` and class slots). */
const OBJECT_NAMES = [
  "__class__",
  "__delattr__",
  "__dict__",
  "__dir__",
  "__doc__",
  "__eq__",
  "__format__",
  "__ge__",
  "__getattribute__",
  "__getstate__",
  "__gt__",
  "__hash__",
  "__init__",
  "__init_subclass__",
  "__le__",
  "__lt__",
  "__module__",
  "__ne__",
  "__new__",
  "__reduce__",
  "__reduce_ex__",
  "__repr__",
  "__setattr__",
  "__sizeof__",
  "__str__",
  "__subclasshook__",
  "__weakref__",
];

const MODULE_NAMES = ["__doc__", "__loader__", "__name__", "__package__", "__spec__"];
/** The names `dir()` shows at the top of a program that `python3 prog.py` runs. */
const SCRIPT_NAMES = [...MODULE_NAMES, "__annotations__", "__builtins__", "__cached__", "__file__"];

/** A class written in Python (or by a module in Python's way), not a built-in type with its own slots. */
function isPlainClass(cls: PyClass): boolean {
  for (let c: PyClass | null = cls; c; c = c.base)
    if (c.construct !== null && c.name !== "object") return false;
  return true;
}

function sortedNames(names: Iterable<string>): PyList {
  return new PyList([...new Set(names)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
}

function classNames(cls: PyClass): string[] {
  const names: string[] = [];
  for (let c: PyClass | null = cls; c; c = c.base) names.push(...c.dict.keys());
  return names;
}

export function makeIntrospectionBuiltins(rt: Runtime): Map<string, PyValue> {
  const b = new Map<string, PyValue>();
  const scope = () => {
    const frame = rt.currentFrame();
    if (!frame) throw new PyError("SystemError", "no current frame");
    return frame;
  };
  const snapshot = (vars: Scope) => {
    const d = new PyDict();
    for (const [k, v] of vars) dictSet(d, k, v);
    return d;
  };

  b.set("globals", new PyBuiltin("globals", () => attributeDict(scope().globals)));
  b.set(
    "locals",
    new PyBuiltin("locals", () => {
      const frame = scope();
      return frame.kind === "module" ? attributeDict(frame.globals) : snapshot(frame.vars);
    }),
  );
  b.set(
    "vars",
    new PyBuiltin("vars", (args) => {
      if (args.length === 0) {
        const frame = scope();
        return frame.kind === "module" ? attributeDict(frame.globals) : snapshot(frame.vars);
      }
      if (args.length > 1) throw typeError(`vars expected at most 1 argument, got ${args.length}`);
      const x = args[0];
      if (x instanceof PyInstance || x instanceof PyModule || x instanceof PyFunction || x instanceof PyClass)
        return getAttribute(rt, x, "__dict__");
      throw typeError("vars() argument must have __dict__ attribute");
    }),
  );
  b.set(
    "dir",
    new PyBuiltin("dir", (args) => {
      if (args.length === 0) {
        const frame = scope();
        return sortedNames(
          frame.kind === "module" ? [...frame.vars.keys(), ...SCRIPT_NAMES] : frame.vars.keys(),
        );
      }
      if (args.length > 1) throw typeError(`dir expected at most 1 argument, got ${args.length}`);
      const x = args[0];
      if (x instanceof PyModule) return sortedNames([...x.attrs.keys(), ...MODULE_NAMES]);
      if (x instanceof PyInstance && isPlainClass(x.cls))
        return sortedNames([...x.attrs.keys(), ...classNames(x.cls), ...OBJECT_NAMES]);
      if (x instanceof PyClass && isPlainClass(x)) return sortedNames([...classNames(x), ...OBJECT_NAMES]);
      throw new UnsupportedError(`\`dir()\` of a ${typeName(x)} is not supported by GradLens`);
    }),
  );
  return b;
}
