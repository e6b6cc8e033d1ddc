import { dictSet } from "../interpreter/collections";
import { setClassProtocol } from "../interpreter/classProtocols";
import type { Interpreter } from "../interpreter/interpreter";
import {
  int,
  PyBuiltin,
  PyClass,
  PyClassMethod,
  PyDict,
  PyFunction,
  PyInstance,
  PyInt,
  PyModule,
  PyProperty,
  PyStaticMethod,
  type PyValue,
} from "../interpreter/objects";
import { equals } from "../interpreter/operators";
import { PyError, typeError, UnsupportedError, valueError } from "../interpreter/pyErrors";
import { defineFunction } from "./native";

/**
 * Python's `enum.Enum`: a subclass's plain class attributes become its members (`Color.RED`,
 * with `.name` and `.value`, `auto()` numbering from 1, equal values making aliases); the class
 * iterates over its members, looks them up by value (`Color(1)`) and by name (`Color['RED']`).
 * IntEnum and Flag, whose members are also ints, are not modelled.
 */

export function makeEnumModule(interp: Interpreter): PyModule {
  const m = new PyModule("enum");
  const autoClass: PyClass = new PyClass("auto", null, "enum", () => new PyInstance(autoClass));
  m.attrs.set("auto", autoClass);
  const enumBase: PyClass = new PyClass("Enum", null, "enum");
  const membersOf = new WeakMap<PyClass, PyInstance[]>();
  const member = (v: PyValue): PyInstance => v as PyInstance;

  enumBase.dict.set(
    "__init_subclass__",
    new PyBuiltin("__init_subclass__", ([cls]) => {
      const c = cls as PyClass;
      if (membersOf.has(c.base!) && membersOf.get(c.base!)!.length > 0)
        throw typeError(`${c.name}: cannot extend ${c.base!.name}`);
      const members: PyInstance[] = [];
      const table = new PyDict();
      let lastInt = 0;
      for (const [name, value] of [...c.dict]) {
        if (name.startsWith("_")) continue;
        if (
          value instanceof PyFunction ||
          value instanceof PyBuiltin ||
          value instanceof PyStaticMethod ||
          value instanceof PyClassMethod ||
          value instanceof PyProperty ||
          value instanceof PyClass
        )
          continue;
        let v = value;
        if (v instanceof PyInstance && v.cls === autoClass) v = int(lastInt + 1);
        if (v instanceof PyInt) lastInt = v.v;
        const alias = members.find((x) => equals(interp, x.attrs.get("value")!, v));
        const made = alias ?? new PyInstance(c);
        if (!alias) {
          made.attrs.set("name", name);
          made.attrs.set("value", v);
          made.attrs.set("_name_", name);
          made.attrs.set("_value_", v);
          members.push(made);
        }
        c.dict.set(name, made);
        dictSet(table, name, made);
      }
      membersOf.set(c, members);
      c.dict.set("__members__", table);
      setClassProtocol(c, {
        iterate: () => members.slice(),
        contains: (item) => item instanceof PyInstance && item.cls === c,
      });
      return null;
    }),
  );
  enumBase.dict.set(
    "__new__",
    new PyBuiltin("__new__", ([cls, value]) => {
      const c = cls as PyClass;
      const found = (membersOf.get(c) ?? []).find((x) =>
        equals(interp, x.attrs.get("value")!, value ?? null),
      );
      if (found) return found;
      if (value instanceof PyInstance && value.cls === c) return value;
      throw valueError(`${interp.repr(value ?? null)} is not a valid ${c.name}`);
    }),
  );
  enumBase.dict.set(
    "__class_getitem__",
    new PyClassMethod(
      new PyBuiltin("__class_getitem__", ([cls, name]) => {
        const table = (cls as PyClass).dict.get("__members__");
        const found =
          table instanceof PyDict && typeof name === "string" ? table.entries.get(name)?.value : undefined;
        if (found === undefined) {
          const error = new PyError("KeyError", interp.repr(name ?? null));
          error.args = [name ?? null];
          throw error;
        }
        return found;
      }),
    ),
  );
  enumBase.dict.set(
    "__repr__",
    new PyBuiltin("__repr__", ([self]) => {
      const x = member(self);
      return `<${x.cls.name}.${String(x.attrs.get("name"))}: ${interp.repr(x.attrs.get("value")!)}>`;
    }),
  );
  enumBase.dict.set(
    "__str__",
    new PyBuiltin(
      "__str__",
      ([self]) => `${member(self).cls.name}.${String(member(self).attrs.get("name"))}`,
    ),
  );
  m.attrs.set("Enum", enumBase);
  for (const name of ["IntEnum", "Flag", "IntFlag", "StrEnum"]) {
    const cls = new PyClass(name, null, "enum");
    cls.dict.set(
      "__init_subclass__",
      new PyBuiltin("__init_subclass__", () => {
        throw new UnsupportedError(`enum.${name} is not supported by GradLens (enum.Enum is)`);
      }),
    );
    m.attrs.set(name, cls);
  }
  defineFunction(m, "unique", ([cls]) => cls);
  return m;
}
