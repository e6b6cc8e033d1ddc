import type { Stmt } from "../../lang/ir";
import { Frame } from "./frame";
import type { Interpreter } from "./interpreter";
import {
  PyClass,
  PyClassMethod,
  PyFunction,
  PyInstance,
  PyProperty,
  PyStaticMethod,
  PyTuple,
  type Kwargs,
  type PyValue,
} from "./objects";
import { typeError, UnsupportedError } from "./pyErrors";
import { typeName } from "./stringify";

/**
 * Classes: a `class` statement runs its body in a namespace of its own and becomes a PyClass;
 * calling a class makes an instance and runs `__init__` (or, for built-in types such as
 * `int` and the exceptions, their constructor).
 */

export function instantiate(interp: Interpreter, cls: PyClass, args: PyValue[], kwargs: Kwargs): PyValue {
  const abstract = cls.lookup("__abstractmethods__");
  if (abstract instanceof PyTuple && abstract.items.length > 0) {
    const names = abstract.items.map(String);
    throw typeError(
      `Can't instantiate abstract class ${cls.name} with abstract method${names.length === 1 ? "" : "s"} ${names.join(", ")}`,
    );
  }
  const newMethod = ownNew(cls);
  if (newMethod !== undefined) {
    // a class with its own __new__ (a namedtuple, or one the program wrote) makes its instances
    const made = interp.call(
      newMethod instanceof PyStaticMethod ? newMethod.func : newMethod,
      [cls, ...args],
      kwargs,
    );
    if (made instanceof PyInstance && made.cls.isSubclassOf(cls))
      initialize(interp, made.cls, made, args, kwargs, false);
    return made;
  }
  for (let c: PyClass | null = cls; c; c = c.base) {
    if (c.construct) {
      if (c === cls || c.dict.has("__exception__")) {
        const made = c.construct(args, kwargs);
        if (made instanceof PyInstance && c !== cls) {
          // a user exception class: the built-in base made the instance; give it the subclass
          const inst = new PyInstance(cls);
          made.attrs.forEach((v, k) => inst.attrs.set(k, v));
          initialize(interp, cls, inst, args, kwargs, false);
          return inst;
        }
        return made;
      }
      if (c.name !== "object") {
        throw new UnsupportedError(`Subclassing the built-in type '${c.name}' is not supported by GradLens`);
      }
    }
  }
  const inst = new PyInstance(cls);
  initialize(interp, cls, inst, args, kwargs, true);
  interp.ownValues.constructed(inst, args, kwargs);
  return inst;
}

/** The `__new__` a class or a base defines, other than object's own (which the plain path does). */
function ownNew(cls: PyClass): PyValue | undefined {
  for (let c: PyClass | null = cls; c; c = c.base) {
    const v = c.dict.get("__new__");
    if (v !== undefined) return c.module === "builtins" && c.name === "object" ? undefined : v;
  }
  return undefined;
}

export function initialize(
  interp: Interpreter,
  cls: PyClass,
  inst: PyInstance,
  args: PyValue[],
  kwargs: Kwargs,
  strict: boolean,
): void {
  const init = cls.lookup("__init__");
  if (init === undefined) {
    if (strict && (args.length > 0 || (kwargs && kwargs.size > 0)))
      throw typeError(`${cls.name}() takes no arguments`);
    return;
  }
  const r = interp.call(init, [inst, ...args], kwargs);
  if (r !== null) throw typeError(`__init__() should return None, not '${typeName(r)}'`);
}

export function makeClass(interp: Interpreter, s: Stmt & { k: "class" }, frame: Frame): PyClass {
  const bases = s.bases.map((b) => interp.eval(b, frame));
  interp.setAt(s.nameSpan);
  const base = bases[0] ?? null;
  if (base !== null && !(base instanceof PyClass)) throw typeError("bases must be types");
  const first = s.body[0];
  const doc = first?.k === "expr" && first.value.k === "str" ? first.value.value : null;
  const vars = new Map<string, PyValue>([
    ["__qualname__", s.name],
    ["__doc__", doc],
  ]);
  const moduleName = frame.globals.get("__name__");
  const classFrame = new Frame("class", vars, null, null, frame, frame.globals, interp.builtins, frame.func);
  interp.execBlock(s.body, classFrame);
  const cls = new PyClass(s.name, base, typeof moduleName === "string" ? moduleName : "__main__");
  cls.definedByProgram = true;
  vars.delete("__qualname__");
  for (const [k, v] of vars) {
    cls.dict.set(k, v);
    // zero-argument super() inside any of the class's functions needs to know the class
    const fn =
      v instanceof PyStaticMethod || v instanceof PyClassMethod
        ? v.func
        : v instanceof PyProperty
          ? v.getter
          : v;
    if (fn instanceof PyFunction) fn.ownerClass = cls;
    if (v instanceof PyProperty && v.setter instanceof PyFunction) v.setter.ownerClass = cls;
  }
  // as in CPython, a class that defines __eq__ but not __hash__ has unhashable instances
  if (cls.dict.has("__eq__") && !cls.dict.has("__hash__")) cls.dict.set("__hash__", null);
  // a base class's __init_subclass__ (an implicit classmethod) sees the new class: how
  // typing.NamedTuple, abc.ABC and enum.Enum make their subclasses
  const hook = base?.lookup("__init_subclass__");
  if (hook !== undefined) interp.call(hook instanceof PyClassMethod ? hook.func : hook, [cls]);
  return cls;
}
