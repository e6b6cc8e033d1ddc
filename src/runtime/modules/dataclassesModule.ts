import { parsePython } from "../../lang/python/parsePython";
import type { FunctionDef } from "../../lang/ir";
import { dictSet } from "../interpreter/collections";
import { Frame } from "../interpreter/frame";
import type { Interpreter } from "../interpreter/interpreter";
import {
  NotImplemented,
  PyBuiltin,
  PyClass,
  PyDict,
  PyInstance,
  PyList,
  PyModule,
  PySet,
  PyTuple,
  type Kwargs,
  type PyValue,
} from "../interpreter/objects";
import { equals, ordered, truthy } from "../interpreter/operators";
import { PyError, typeError, UnsupportedError, valueError } from "../interpreter/pyErrors";
import { deepCopy } from "./copyModule";
import { bindArgs, defineFunction } from "./native";

/**
 * Python's `dataclasses`: `@dataclass` reads the class's annotated fields (in order, a base
 * dataclass's first) with their defaults and `field(...)`s, and writes `__init__` (a real
 * Python function, so a wrong call fails with CPython's message), `__repr__`, `__eq__`, the
 * order methods when asked, and blocks assignment when frozen. Also `field`, `fields`,
 * `asdict`, `astuple`, `replace`, `is_dataclass`.
 */

interface FieldSpec {
  name: string;
  annotation: string;
  /** The Field object `fields()` hands out. */
  object: PyInstance;
  default: PyValue | undefined;
  factory: PyValue | undefined;
  init: boolean;
  repr: boolean;
  compare: boolean;
  kwOnly: boolean;
}

const FIELDS_KEY = "__dataclass_fields__";

export function makeDataclassesModule(interp: Interpreter): PyModule {
  const m = new PyModule("dataclasses");
  const missingClass = new PyClass("_MISSING_TYPE", null, "dataclasses");
  const MISSING = new PyInstance(missingClass);
  missingClass.dict.set("__repr__", new PyBuiltin("__repr__", () => "<dataclasses._MISSING_TYPE object>"));
  m.attrs.set("MISSING", MISSING);
  const kwOnlyClass = new PyClass("_KW_ONLY_TYPE", null, "dataclasses");
  const KW_ONLY = new PyInstance(kwOnlyClass);
  m.attrs.set("KW_ONLY", KW_ONLY);
  const attributeError = interp.builtins.get("AttributeError") as PyClass;
  const frozenError = new PyClass("FrozenInstanceError", attributeError, "dataclasses");
  m.attrs.set("FrozenInstanceError", frozenError);

  const fieldClass: PyClass = new PyClass("Field", null, "dataclasses");
  fieldClass.dict.set(
    "__repr__",
    new PyBuiltin("__repr__", ([f]) => {
      const a = (f as PyInstance).attrs;
      const shown = [
        "name",
        "type",
        "default",
        "default_factory",
        "init",
        "repr",
        "hash",
        "compare",
        "metadata",
        "kw_only",
      ];
      return `Field(${shown.map((k) => `${k}=${interp.repr(a.get(k) ?? null)}`).join(",")},_field_type=None)`;
    }),
  );
  const makeField = (options: Record<string, PyValue | undefined>): PyInstance => {
    const f = new PyInstance(fieldClass);
    f.attrs.set("name", null);
    f.attrs.set("type", null);
    f.attrs.set("default", options.default === undefined ? MISSING : options.default);
    f.attrs.set("default_factory", options.default_factory === undefined ? MISSING : options.default_factory);
    f.attrs.set("init", options.init ?? true);
    f.attrs.set("repr", options.repr ?? true);
    f.attrs.set("hash", options.hash ?? null);
    f.attrs.set("compare", options.compare ?? true);
    f.attrs.set("metadata", options.metadata ?? new PyDict());
    f.attrs.set("kw_only", options.kw_only === undefined ? MISSING : options.kw_only);
    return f;
  };
  defineFunction(m, "field", (args, kwargs) => {
    const a = bindArgs("field", args, kwargs, [
      "*",
      "default",
      "default_factory",
      "init",
      "repr",
      "hash",
      "compare",
      "metadata",
      "kw_only",
    ]);
    if (a.default !== undefined && a.default_factory !== undefined)
      throw valueError("cannot specify both default and default_factory");
    return makeField(a);
  });

  /** The fields of a class: those of its dataclass bases first, then its own annotations. */
  const collectFields = (cls: PyClass, kwOnlyDefault: boolean): FieldSpec[] => {
    const fields = new Map<string, FieldSpec>();
    const bases: PyClass[] = [];
    for (let c = cls.base; c; c = c.base) bases.unshift(c);
    for (const base of bases) {
      const specs = classSpecs.get(base);
      if (specs && base.dict.has(FIELDS_KEY)) for (const f of specs) fields.set(f.name, f);
    }
    const annotations = cls.dict.get("__annotations__");
    let kwOnly = kwOnlyDefault;
    if (annotations instanceof PyDict) {
      for (const { key, value } of annotations.entries.values()) {
        const name = String(key);
        const annotation = typeof value === "string" ? value : interp.repr(value);
        if (/^(typing\.)?ClassVar\b/.test(annotation)) continue;
        if (/^(dataclasses\.)?InitVar\b/.test(annotation))
          throw new UnsupportedError("dataclasses.InitVar is not supported by GradLens");
        const given = cls.dict.get(name);
        if (given === KW_ONLY || /^(dataclasses\.)?KW_ONLY$/.test(annotation)) {
          kwOnly = true;
          cls.dict.delete(name);
          continue;
        }
        const object =
          given instanceof PyInstance && given.cls === fieldClass ? given : makeField({ default: given });
        const a = object.attrs;
        object.attrs.set("name", name);
        object.attrs.set("type", annotation);
        const dflt = a.get("default") === MISSING ? undefined : a.get("default");
        const factory = a.get("default_factory") === MISSING ? undefined : a.get("default_factory");
        if (dflt instanceof PyList || dflt instanceof PyDict || (dflt instanceof PySet && !dflt.frozen))
          throw valueError(
            `mutable default ${interp.repr(interp.call(interp.builtins.get("type")!, [dflt]))} for field ${name} is not allowed: use default_factory`,
          );
        const fieldKwOnly = a.get("kw_only");
        const spec: FieldSpec = {
          name,
          annotation,
          object,
          default: dflt,
          factory,
          init: truthy(interp, a.get("init")!),
          repr: truthy(interp, a.get("repr")!),
          compare: truthy(interp, a.get("compare")!),
          kwOnly: fieldKwOnly === MISSING ? kwOnly : truthy(interp, fieldKwOnly!),
        };
        if (fieldKwOnly === MISSING) a.set("kw_only", kwOnly);
        // the class attribute is the default (none for a default_factory)
        if (dflt !== undefined) cls.dict.set(name, dflt);
        else cls.dict.delete(name);
        fields.set(name, spec);
      }
    }
    return [...fields.values()];
  };
  const classSpecs = new WeakMap<PyClass, FieldSpec[]>();

  const setattrDirect = new PyBuiltin("__dataclass_setattr__", ([obj, name, value]) => {
    (obj as PyInstance).attrs.set(name as string, value);
    return null;
  });
  const HAS_FACTORY = new PyInstance(new PyClass("_HAS_DEFAULT_FACTORY_CLASS", null, "dataclasses"));

  /** `__init__` written as Python and run as library code, so binding and messages are Python's own. */
  const makeInit = (cls: PyClass, fields: FieldSpec[], frozen: boolean): PyValue => {
    const globals = new Map<string, PyValue>([
      ["__name__", "dataclasses"],
      ["__dataclass_setattr__", setattrDirect],
      ["__dataclass_HAS_DEFAULT_FACTORY__", HAS_FACTORY],
    ]);
    const positional: string[] = [];
    const keywordOnly: string[] = [];
    const body: string[] = [];
    let seenDefault: string | null = null;
    for (const f of fields) {
      const dflt = `__dataclass_dflt_${f.name}__`;
      if (f.init) {
        let param = f.name;
        if (f.factory !== undefined) {
          globals.set(dflt, f.factory);
          param = `${f.name}=__dataclass_HAS_DEFAULT_FACTORY__`;
        } else if (f.default !== undefined) {
          globals.set(dflt, f.default);
          param = `${f.name}=${dflt}`;
        }
        if (f.kwOnly) keywordOnly.push(param);
        else {
          if (param === f.name && seenDefault !== null)
            throw typeError(`non-default argument '${f.name}' follows default argument`);
          if (param !== f.name) seenDefault = f.name;
          positional.push(param);
        }
      }
      let value: string | null = null;
      if (f.factory !== undefined) {
        globals.set(dflt, f.factory);
        value = f.init
          ? `${dflt}() if ${f.name} is __dataclass_HAS_DEFAULT_FACTORY__ else ${f.name}`
          : `${dflt}()`;
      } else if (f.init) value = f.name;
      if (value !== null)
        body.push(
          frozen
            ? `__dataclass_setattr__(__dataclass_self__, '${f.name}', ${value})`
            : `__dataclass_self__.${f.name} = ${value}`,
        );
    }
    if (cls.lookup("__post_init__") !== undefined) body.push("__dataclass_self__.__post_init__()");
    const params = [
      "__dataclass_self__",
      ...positional,
      ...(keywordOnly.length ? ["*", ...keywordOnly] : []),
    ];
    const source = `def __init__(${params.join(", ")}):\n${(body.length ? body : ["pass"]).map((l) => `    ${l}\n`).join("")}`;
    const parsed = parsePython(source, { isLibrary: true });
    const def = parsed.program?.body[0];
    if (!def || def.k !== "def") throw new Error(`dataclass __init__ did not parse: ${source}`);
    const frame = new Frame("module", globals, null, null, null, globals, interp.builtins);
    const saved = interp.library;
    interp.library = true;
    try {
      return interp.makeFunction(
        `${cls.name}.__init__`,
        def as FunctionDef,
        (def as FunctionDef).params,
        frame,
      );
    } finally {
      interp.library = saved;
    }
  };

  const process = (cls: PyValue, options: Record<string, PyValue | undefined>): PyValue => {
    if (!(cls instanceof PyClass)) throw typeError("dataclass() should be called on a class");
    const flag = (name: string, fallback: boolean) =>
      options[name] === undefined ? fallback : truthy(interp, options[name]!);
    const frozen = flag("frozen", false);
    const eq = flag("eq", true);
    const order = flag("order", false);
    if (flag("slots", false))
      throw new UnsupportedError("dataclass(slots=True) is not supported by GradLens");
    if (order && !eq) throw valueError("eq must be true if order is true");
    const fields = collectFields(cls, flag("kw_only", false));
    classSpecs.set(cls, fields);
    const table = new PyDict();
    for (const f of fields) dictSet(table, f.name, f.object);
    cls.dict.set(FIELDS_KEY, table);
    const own = (name: string) => cls.dict.has(name);
    const set = (name: string, f: (self: PyValue, other: PyValue) => PyValue) =>
      cls.dict.set(name, new PyBuiltin(name, ([self, other]) => f(self, other)));
    if (flag("init", true) && !own("__init__")) cls.dict.set("__init__", makeInit(cls, fields, frozen));
    // what a class pattern's positional sub-patterns match: the fields __init__ takes by position
    if (flag("match_args", true) && !own("__match_args__"))
      cls.dict.set(
        "__match_args__",
        new PyTuple(fields.filter((f) => f.init && !f.kwOnly).map((f) => f.name)),
      );
    if (flag("repr", true) && !own("__repr__"))
      set("__repr__", (self) => {
        const inst = self as PyInstance;
        const parts = fields
          .filter((f) => f.repr)
          .map((f) => `${f.name}=${interp.repr(inst.attrs.get(f.name) ?? null)}`);
        return `${inst.cls.name}(${parts.join(", ")})`;
      });
    const compared = (self: PyValue) =>
      new PyTuple(fields.filter((f) => f.compare).map((f) => (self as PyInstance).attrs.get(f.name) ?? null));
    const sameClass = (self: PyValue, other: PyValue) =>
      other instanceof PyInstance && other.cls === (self as PyInstance).cls;
    if (eq && !own("__eq__"))
      set("__eq__", (self, other) =>
        sameClass(self, other) ? equals(interp, compared(self), compared(other)) : NotImplemented,
      );
    if (order)
      for (const [name, op] of [
        ["__lt__", "<"],
        ["__le__", "<="],
        ["__gt__", ">"],
        ["__ge__", ">="],
      ] as const) {
        if (own(name))
          throw typeError(
            `Cannot overwrite attribute ${name} in class ${cls.name}. Consider using functools.total_ordering`,
          );
        set(name, (self, other) =>
          sameClass(self, other) ? ordered(interp, op, compared(self), compared(other)) : NotImplemented,
        );
      }
    // CPython's table: a __hash__ the class body wrote stays (unsafe_hash forbids one); eq
    // alone makes instances unhashable; frozen with eq, or unsafe_hash, hash the compared fields
    const explicitHash = own("__hash__") && !(cls.dict.get("__hash__") === null && own("__eq__"));
    const unsafeHash = flag("unsafe_hash", false);
    if (unsafeHash && explicitHash)
      throw typeError(`Cannot overwrite attribute __hash__ in class ${cls.name}`);
    if (unsafeHash || (eq && frozen && !explicitHash))
      set("__hash__", (self) => interp.call(interp.builtins.get("hash")!, [compared(self)]));
    else if (eq && !explicitHash) cls.dict.set("__hash__", null);
    if (frozen) {
      const frozenAssign = (name: string) => {
        const err = new PyError("FrozenInstanceError", `cannot assign to field '${name}'`);
        err.value = interp.call(frozenError, [`cannot assign to field '${name}'`]);
        return err;
      };
      cls.dict.set(
        "__setattr__",
        new PyBuiltin("__setattr__", ([, name]) => {
          throw frozenAssign(String(name));
        }),
      );
      cls.dict.set(
        "__delattr__",
        new PyBuiltin("__delattr__", ([, name]) => {
          throw frozenAssign(String(name));
        }),
      );
    }
    return cls;
  };

  const DATACLASS_OPTIONS = [
    "init",
    "repr",
    "eq",
    "order",
    "unsafe_hash",
    "frozen",
    "match_args",
    "kw_only",
    "slots",
    "weakref_slot",
  ];
  defineFunction(m, "dataclass", (args, kwargs) => {
    const a = bindArgs("dataclass", args, kwargs, ["cls", "*", ...DATACLASS_OPTIONS]);
    if (a.cls !== undefined && a.cls !== null) return process(a.cls, a);
    return new PyBuiltin("wrap", ([cls]) => process(cls, a));
  });

  const specsOf = (x: PyValue, fname: string): FieldSpec[] => {
    const cls = x instanceof PyClass ? x : x instanceof PyInstance ? x.cls : null;
    for (let c = cls; c; c = c.base) {
      const specs = classSpecs.get(c);
      if (specs) return specs;
    }
    throw typeError(
      fname === "fields"
        ? "must be called with a dataclass type or instance"
        : `${fname}() should be called on dataclass instances`,
    );
  };
  defineFunction(m, "fields", ([x]) => new PyTuple(specsOf(x, "fields").map((f) => f.object)));
  defineFunction(m, "is_dataclass", ([x]) => {
    const cls = x instanceof PyClass ? x : x instanceof PyInstance ? x.cls : null;
    return cls !== null && cls.lookup(FIELDS_KEY) !== undefined;
  });
  /** asdict/astuple: dataclasses become dicts (tuples), lists, tuples and dicts are walked, the rest deep-copied. */
  const convert = (x: PyValue, asDict: boolean): PyValue => {
    interp.step();
    if (
      x instanceof PyInstance &&
      x.cls.lookup(FIELDS_KEY) !== undefined &&
      classSpecs.has(specClass(x.cls)!)
    ) {
      const specs = specsOf(x, asDict ? "asdict" : "astuple");
      if (!asDict) return new PyTuple(specs.map((f) => convert(x.attrs.get(f.name) ?? null, false)));
      const d = new PyDict();
      for (const f of specs) dictSet(d, f.name, convert(x.attrs.get(f.name) ?? null, true));
      return d;
    }
    if (x instanceof PyList) return new PyList(x.items.map((v) => convert(v, asDict)));
    if (x instanceof PyTuple)
      return new PyTuple(
        x.items.map((v) => convert(v, asDict)),
        x.cls,
      );
    if (x instanceof PyDict && x.cls === null) {
      const d = new PyDict();
      for (const e of x.entries.values()) dictSet(d, convert(e.key, asDict), convert(e.value, asDict));
      return d;
    }
    return deepCopy(interp, x);
  };
  const specClass = (cls: PyClass): PyClass | null => {
    for (let c: PyClass | null = cls; c; c = c.base) if (classSpecs.has(c)) return c;
    return null;
  };
  const instanceOnly = (x: PyValue, fname: string) => {
    if (!(x instanceof PyInstance) || specClass(x.cls) === null)
      throw typeError(`${fname}() should be called on dataclass instances`);
    return x;
  };
  defineFunction(m, "asdict", ([x]) => convert(instanceOnly(x, "asdict"), true));
  defineFunction(m, "astuple", ([x]) => convert(instanceOnly(x, "astuple"), false));
  defineFunction(m, "replace", (args: PyValue[], kwargs: Kwargs) => {
    const obj = instanceOnly(args[0], "replace");
    const changes = new Map<string, PyValue>(kwargs ?? []);
    for (const f of specsOf(obj, "replace")) {
      if (!f.init) {
        if (changes.has(f.name))
          throw valueError(
            `field ${f.name} is declared with init=False, it cannot be specified with replace()`,
          );
        continue;
      }
      if (!changes.has(f.name)) changes.set(f.name, obj.attrs.get(f.name) ?? null);
    }
    return interp.call(obj.cls, [], changes);
  });
  return m;
}
