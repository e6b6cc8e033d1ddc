import { dictSet, toArray } from "../interpreter/collections";
import type { Interpreter } from "../interpreter/interpreter";
import {
  PyBuiltin,
  PyClass,
  PyClassMethod,
  PyDict,
  PyList,
  PyProperty,
  PyStaticMethod,
  PyTuple,
  type Kwargs,
  type PyValue,
} from "../interpreter/objects";
import { truthy } from "../interpreter/operators";
import { typeError, valueError } from "../interpreter/pyErrors";
import { typeName } from "../interpreter/stringify";
import { bindArgs } from "./native";

/**
 * `collections.namedtuple` and `typing.NamedTuple`: a tuple subclass whose instances are
 * PyTuples carrying their class, so they index, unpack, hash and compare as tuples, and whose
 * fields are read-only attributes.
 */

const KEYWORDS = new Set(
  (
    "False None True and as assert async await break class continue def del elif else except " +
    "finally for from global if import in is lambda nonlocal not or pass raise return try while with yield"
  ).split(" "),
);

const IDENTIFIER = /^[A-Za-z_\u00c0-\uffff][\w\u00c0-\uffff]*$/;

/** The field names namedtuple() accepts: a list of strs or one str split at commas and spaces. */
export function fieldNames(interp: Interpreter, typename: string, names: PyValue, rename: boolean): string[] {
  const raw =
    typeof names === "string"
      ? names
          .replace(/,/g, " ")
          .split(/\s+/)
          .filter((n) => n !== "")
      : toArray(interp, names).map((n) => interp.str(n));
  const seen = new Set<string>();
  const fields = raw.map((name, i) => {
    if (rename && (!IDENTIFIER.test(name) || KEYWORDS.has(name) || name.startsWith("_") || seen.has(name)))
      name = `_${i}`;
    seen.add(name);
    return name;
  });
  for (const name of [typename, ...fields]) {
    if (!IDENTIFIER.test(name))
      throw valueError(`Type names and field names must be valid identifiers: ${interp.repr(name)}`);
    if (KEYWORDS.has(name))
      throw valueError(`Type names and field names cannot be a keyword: ${interp.repr(name)}`);
  }
  const unique = new Set<string>();
  for (const name of fields) {
    if (name.startsWith("_") && !rename)
      throw valueError(`Field names cannot start with an underscore: ${interp.repr(name)}`);
    if (unique.has(name)) throw valueError(`Encountered duplicate field name: ${interp.repr(name)}`);
    unique.add(name);
  }
  return fields;
}

/**
 * Makes (or, for `class P(NamedTuple)`, fills in) the class of a named tuple with `fields`;
 * `defaults` apply to the last fields, as in Python.
 */
export function defineNamedTuple(
  interp: Interpreter,
  cls: PyClass,
  fields: readonly string[],
  defaults: readonly PyValue[],
): PyClass {
  const name = cls.name;
  const firstDefault = fields.length - defaults.length;
  const make = (target: PyClass, args: PyValue[], kwargs: Kwargs): PyTuple => {
    const bound = bindArgs(
      `${name}.__new__`,
      [target, ...args],
      kwargs,
      ["_cls", ...fields],
      firstDefault + 1,
    );
    return new PyTuple(
      fields.map((f, i) => (bound[f] !== undefined ? bound[f] : defaults[i - firstDefault])),
      target,
    );
  };
  const self = (v: PyValue): PyTuple => {
    if (!(v instanceof PyTuple))
      throw typeError(`descriptor requires a '${name}' object but received a '${typeName(v)}'`);
    return v;
  };
  const d = cls.dict;
  d.set(
    "__new__",
    new PyStaticMethod(
      new PyBuiltin("__new__", ([target, ...args], kwargs) => {
        if (!(target instanceof PyClass)) throw typeError(`${name}.__new__(X): X is not a type object`);
        return make(target, args, kwargs);
      }),
    ),
  );
  fields.forEach((field, i) =>
    d.set(field, new PyProperty(new PyBuiltin(field, ([t]) => self(t).items[i]), null)),
  );
  d.set("_fields", new PyTuple([...fields]));
  d.set("__match_args__", new PyTuple([...fields]));
  const fieldDefaults = new PyDict();
  defaults.forEach((v, i) => dictSet(fieldDefaults, fields[firstDefault + i], v));
  d.set("_field_defaults", fieldDefaults);
  d.set("__doc__", `${name}(${fields.join(", ")})`);
  d.set(
    "__repr__",
    new PyBuiltin("__repr__", ([t]) => {
      const tuple = self(t);
      const parts = fields.map((f, i) => `${f}=${interp.repr(tuple.items[i])}`);
      return `${tuple.cls?.name ?? name}(${parts.join(", ")})`;
    }),
  );
  d.set(
    "_asdict",
    new PyBuiltin("_asdict", ([t]) => {
      const out = new PyDict();
      fields.forEach((f, i) => dictSet(out, f, self(t).items[i]));
      return out;
    }),
  );
  d.set(
    "_replace",
    new PyBuiltin("_replace", ([t], kwargs) => {
      const tuple = self(t);
      const items = tuple.items.slice();
      const unknown: string[] = [];
      for (const [k, v] of kwargs ?? []) {
        const i = fields.indexOf(k);
        if (i < 0) unknown.push(k);
        else items[i] = v;
      }
      if (unknown.length > 0)
        throw valueError(`Got unexpected field names: ${interp.repr(new PyList(unknown))}`);
      return new PyTuple(items, tuple.cls);
    }),
  );
  d.set(
    "_make",
    new PyClassMethod(
      new PyBuiltin("_make", ([target, iterable]) => {
        const items = toArray(interp, iterable);
        if (items.length !== fields.length)
          throw typeError(`Expected ${fields.length} arguments, got ${items.length}`);
        return new PyTuple(items, target as PyClass);
      }),
    ),
  );
  return cls;
}

/** `collections.namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)`. */
export function makeNamedTupleFunction(interp: Interpreter, tupleClass: PyClass): PyBuiltin {
  return new PyBuiltin("namedtuple", (args, kwargs) => {
    const a = bindArgs(
      "namedtuple",
      args,
      kwargs,
      ["typename", "field_names", "*", "rename", "defaults", "module"],
      2,
    );
    if (typeof a.typename !== "string") throw typeError("namedtuple() argument 'typename' must be str");
    const fields = fieldNames(interp, a.typename, a.field_names!, truthy(interp, a.rename ?? false));
    const defaults = a.defaults === undefined || a.defaults === null ? [] : toArray(interp, a.defaults);
    if (defaults.length > fields.length) throw typeError("Got more default values than field names");
    const module = typeof a.module === "string" ? a.module : "__main__";
    return defineNamedTuple(interp, new PyClass(a.typename, tupleClass, module), fields, defaults);
  });
}
