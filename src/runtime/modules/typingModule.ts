import { makeAlias, makeAliasClass, subscriptArgs, typeRepr } from "../genericAlias";
import { toArray } from "../interpreter/collections";
import type { Interpreter } from "../interpreter/interpreter";
import {
  PyBuiltin,
  PyClass,
  PyClassMethod,
  PyDict,
  PyInstance,
  PyModule,
  PyStaticMethod,
  type PyValue,
} from "../interpreter/objects";
import { PyError, typeError } from "../interpreter/pyErrors";
import { defineNamedTuple } from "./namedTuple";
import { bindArgs, defineFunction } from "./native";

/**
 * Python's `typing`, for programs that annotate: annotations themselves are never evaluated
 * (GradLens keeps them as text), but type aliases (`Vector = List[float]`), `TypeVar`,
 * `Generic[T]` and `Protocol` bases, `NamedTuple` and `TypedDict` classes, `cast`,
 * `overload` and `TYPE_CHECKING` are run as CPython runs them.
 */

/** Forms that only annotate: `typing.Any`, `typing.Optional[int]`, … */
const SPECIAL_FORMS = [
  "Any",
  "Union",
  "Optional",
  "Callable",
  "Literal",
  "Final",
  "ClassVar",
  "Annotated",
  "NoReturn",
  "Never",
  "Self",
  "TypeAlias",
  "Concatenate",
  "TypeGuard",
  "Required",
  "NotRequired",
  "LiteralString",
];

/** typing's aliases of collection types, with what they stand for. */
const COLLECTION_ALIASES: Record<string, string> = {
  List: "list",
  Dict: "dict",
  Set: "set",
  FrozenSet: "frozenset",
  Tuple: "tuple",
  Type: "type",
  Deque: "deque",
  DefaultDict: "defaultdict",
  OrderedDict: "OrderedDict",
  Counter: "Counter",
  ChainMap: "ChainMap",
  Iterable: "Iterable",
  Iterator: "Iterator",
  Sequence: "Sequence",
  MutableSequence: "MutableSequence",
  Mapping: "Mapping",
  MutableMapping: "MutableMapping",
  AbstractSet: "AbstractSet",
  MutableSet: "MutableSet",
  Collection: "Collection",
  Container: "Container",
  Generator: "Generator",
  Hashable: "Hashable",
  Sized: "Sized",
  Reversible: "Reversible",
  Awaitable: "Awaitable",
  Coroutine: "Coroutine",
  AsyncIterable: "AsyncIterable",
  AsyncIterator: "AsyncIterator",
  ContextManager: "AbstractContextManager",
  Pattern: "Pattern",
  Match: "Match",
  IO: "IO",
  TextIO: "TextIO",
  BinaryIO: "BinaryIO",
  SupportsInt: "SupportsInt",
  SupportsFloat: "SupportsFloat",
  SupportsIndex: "SupportsIndex",
  SupportsAbs: "SupportsAbs",
  SupportsRound: "SupportsRound",
};

export function makeTypingModule(interp: Interpreter): PyModule {
  const m = new PyModule("typing");
  const aliasClass = makeAliasClass(interp, "_GenericAlias", "typing");
  const formClass = new PyClass("_SpecialForm", null, "typing");
  const forms = new WeakMap<PyInstance, string>();
  formClass.dict.set("__repr__", new PyBuiltin("__repr__", ([f]) => `typing.${forms.get(f as PyInstance)}`));
  formClass.dict.set(
    "__call__",
    new PyBuiltin("__call__", ([f]) => {
      const name = forms.get(f as PyInstance)!;
      const origin = COLLECTION_ALIASES[name];
      throw typeError(
        origin && /^[a-z]/.test(origin)
          ? `Type ${name} cannot be instantiated; use ${origin}() instead`
          : `Cannot instantiate typing.${name}`,
      );
    }),
  );
  formClass.dict.set(
    "__getitem__",
    new PyBuiltin("__getitem__", ([f, index]) => {
      const name = forms.get(f as PyInstance)!;
      let args = subscriptArgs(index);
      if (name === "Optional") return makeAlias(interp, aliasClass, f, [args[0]], "typing.Optional");
      if (name === "Union") {
        const unique: PyValue[] = [];
        for (const a of args) if (!unique.includes(a)) unique.push(a);
        if (unique.length === 1) return unique[0];
        args = unique;
        const noneAt = args.indexOf(null);
        if (args.length === 2 && noneAt >= 0)
          return makeAlias(interp, aliasClass, f, [args[1 - noneAt]], "typing.Optional");
      }
      return makeAlias(interp, aliasClass, f, args, `typing.${name}`);
    }),
  );
  const form = (name: string) => {
    const f = new PyInstance(formClass);
    forms.set(f, name);
    m.attrs.set(name, f);
  };
  for (const name of SPECIAL_FORMS) form(name);
  for (const name of Object.keys(COLLECTION_ALIASES)) form(name);
  m.attrs.set("Text", interp.builtins.get("str")!);
  m.attrs.set("TYPE_CHECKING", false);

  // Generic and Protocol are bases: `Generic[T]` is Generic itself, a subclass's `S[int]` an alias of it
  const base = (name: string) => {
    const cls = new PyClass(name, null, "typing");
    cls.dict.set(
      "__class_getitem__",
      new PyClassMethod(
        new PyBuiltin("__class_getitem__", ([target, index]) =>
          target === cls
            ? cls
            : makeAlias(interp, aliasClass, target, subscriptArgs(index), typeRepr(interp, target)),
        ),
      ),
    );
    m.attrs.set(name, cls);
    return cls;
  };
  base("Generic");
  base("Protocol");

  const typeVarClass = new PyClass("TypeVar", null, "typing", (args, kwargs) => {
    const a = bindArgs(
      "TypeVar",
      args.slice(0, 1),
      kwargs,
      ["name", "*", "bound", "covariant", "contravariant"],
      1,
    );
    if (typeof a.name !== "string") throw typeError("TypeVar name must be a string");
    return typeVar(a.name);
  });
  typeVarClass.dict.set(
    "__repr__",
    new PyBuiltin("__repr__", ([t]) => `~${String((t as PyInstance).attrs.get("__name__"))}`),
  );
  m.attrs.set("TypeVar", typeVarClass);
  m.attrs.set("AnyStr", typeVar("AnyStr"));
  function typeVar(name: string): PyInstance {
    const t = new PyInstance(typeVarClass);
    t.attrs.set("__name__", name);
    return t;
  }

  const tupleClass = interp.builtins.get("tuple") as PyClass;
  const namedTuple: PyClass = new PyClass("NamedTuple", tupleClass, "typing");
  // NamedTuple('Point', [('x', int), ('y', int)]): the functional form
  namedTuple.dict.set(
    "__new__",
    new PyStaticMethod(
      new PyBuiltin("__new__", ([, typename, fields = null], kwargs) => {
        if (typeof typename !== "string") throw typeError("NamedTuple() argument 'typename' must be str");
        const pairs =
          fields === null
            ? [...(kwargs ?? new Map()).keys()]
            : toArray(interp, fields).map((p) => interp.str(toArray(interp, p)[0]));
        return defineNamedTuple(interp, new PyClass(typename, tupleClass, "__main__"), pairs, []);
      }),
    ),
  );
  // class Point(NamedTuple): x: int; y: int = 0 — the annotated names are the fields
  namedTuple.dict.set(
    "__init_subclass__",
    new PyBuiltin("__init_subclass__", ([cls]) => {
      const c = cls as PyClass;
      if (c.base !== namedTuple) return null;
      const annotations = c.dict.get("__annotations__");
      const fields =
        annotations instanceof PyDict ? [...annotations.entries.values()].map((e) => String(e.key)) : [];
      const defaults: PyValue[] = [];
      for (const f of fields) {
        const d = c.dict.get(f);
        if (d !== undefined) defaults.push(d);
        else if (defaults.length > 0)
          throw typeError(
            `Non-default namedtuple field ${f} cannot follow default field${defaults.length > 1 ? "s" : ""} ${fields.filter((g) => c.dict.has(g)).join(", ")}`,
          );
      }
      defineNamedTuple(interp, c, fields, defaults);
      return null;
    }),
  );
  m.attrs.set("NamedTuple", namedTuple);

  const typedDict: PyClass = new PyClass("TypedDict", null, "typing");
  typedDict.dict.set(
    "__new__",
    new PyStaticMethod(
      new PyBuiltin("__new__", ([, ...args], kwargs) =>
        interp.call(interp.builtins.get("dict")!, args, kwargs),
      ),
    ),
  );
  m.attrs.set("TypedDict", typedDict);

  const newTypeClass: PyClass = new PyClass("NewType", null, "typing", (args, kwargs) => {
    const a = bindArgs("NewType", args, kwargs, ["name", "tp"], 2);
    const t = new PyInstance(newTypeClass);
    t.attrs.set("__name__", a.name!);
    t.attrs.set("__supertype__", a.tp!);
    return t;
  });
  newTypeClass.dict.set("__call__", new PyBuiltin("__call__", ([, x]) => x));
  newTypeClass.dict.set(
    "__repr__",
    new PyBuiltin("__repr__", ([t]) => `__main__.${String((t as PyInstance).attrs.get("__name__"))}`),
  );
  m.attrs.set("NewType", newTypeClass);

  defineFunction(m, "cast", (args, kwargs) => bindArgs("cast", args, kwargs, ["typ", "val"], 2).val!);
  const identity = (name: string) => defineFunction(m, name, ([f]) => f);
  for (const name of ["final", "no_type_check", "runtime_checkable", "type_check_only"]) identity(name);
  defineFunction(m, "overload", ([f]) => {
    return new PyBuiltin(nameOf(f), () => {
      throw new PyError(
        "NotImplementedError",
        "You should not call an overloaded function. A series of @typing.overload-decorated functions outside a stub module should always be followed by an implementation that is not @overload-ed.",
      );
    });
  });
  return m;
}

function nameOf(f: PyValue): string {
  return f !== null && typeof f === "object" && "name" in f && typeof f.name === "string"
    ? f.name.split(".").pop()!
    : "overload";
}
