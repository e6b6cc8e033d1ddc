import type { Interpreter } from "../interpreter/interpreter";
import { PyBuiltin, PyClass, PyInstance, PyModule, type PyValue } from "../interpreter/objects";
import { PyError, typeError } from "../interpreter/pyErrors";
import { addRunNote } from "../runNotes";
import { bindArgs, defineFunction } from "./native";

/**
 * Python's `warnings`: `warn` shows an info diagnostic at the line that warned (once per line and
 * message, as CPython's default filter shows it once per location), `simplefilter` and
 * `filterwarnings` with "ignore" or "error" (the warning then raises) for all or one category,
 * and `catch_warnings` putting the filters back.
 */

interface Filter {
  action: string;
  category: PyClass | null;
}

/** Categories CPython's default filters ignore. */
const IGNORED_BY_DEFAULT = new Set(["PendingDeprecationWarning", "ImportWarning", "ResourceWarning"]);

export function makeWarningsModule(interp: Interpreter): PyModule {
  const m = new PyModule("warnings");
  const builtin = (name: string) => interp.builtins.get(name) as PyClass;
  const userWarning = builtin("UserWarning");
  const warningClass = builtin("Warning");
  let filters: Filter[] = [];
  const shown = new Set<string>();

  const actionFor = (category: PyClass): string => {
    for (const f of filters) if (f.category === null || category.isSubclassOf(f.category)) return f.action;
    return IGNORED_BY_DEFAULT.has(category.name) && category.module === "builtins" ? "ignore" : "default";
  };
  defineFunction(m, "warn", (args, kwargs) => {
    const a = bindArgs("warn", args, kwargs, ["message", "category", "stacklevel", "source"], 1);
    let category = a.category === undefined || a.category === null ? userWarning : a.category;
    let text: string;
    let instance: PyValue = null;
    if (a.message instanceof PyInstance && a.message.cls.isSubclassOf(warningClass)) {
      category = a.message.cls;
      instance = a.message;
      text = interp.str(a.message);
    } else text = interp.str(a.message!);
    if (!(category instanceof PyClass) || !category.isSubclassOf(warningClass))
      throw typeError(
        `category must be a Warning subclass, not '${interp.str(interp.call(builtin("type") ?? userWarning, [category]))}'`,
      );
    const action = actionFor(category);
    if (action === "ignore") return null;
    if (action === "error") {
      const error = new PyError(category.name, text);
      error.value = instance ?? interp.call(category, [text]);
      throw error;
    }
    const at = interp.at;
    const key = `${at?.from}:${at?.to}:${category.name}:${text}`;
    if (action !== "always" && shown.has(key)) return null;
    shown.add(key);
    addRunNote(interp, { severity: "info", message: `${category.name}: ${text}`, span: at, code: "warning" });
    return null;
  });
  const addFilter = (action: PyValue | undefined, category: PyValue | undefined) => {
    if (
      typeof action !== "string" ||
      !["default", "error", "ignore", "always", "module", "once"].includes(action)
    )
      throw new PyError("AssertionError", `invalid action: ${interp.repr(action ?? null)}`);
    filters.unshift({ action, category: category instanceof PyClass ? category : null });
    return null;
  };
  defineFunction(m, "simplefilter", (args, kwargs) => {
    const a = bindArgs("simplefilter", args, kwargs, ["action", "category", "lineno", "append"], 1);
    return addFilter(a.action, a.category);
  });
  defineFunction(m, "filterwarnings", (args, kwargs) => {
    const a = bindArgs(
      "filterwarnings",
      args,
      kwargs,
      ["action", "message", "category", "module", "lineno", "append"],
      1,
    );
    // a filter for some messages or modules only: GradLens cannot tell them apart, so it keeps showing them
    if (
      (typeof a.message === "string" && a.message !== "") ||
      (typeof a.module === "string" && a.module !== "")
    )
      return null;
    return addFilter(a.action, a.category);
  });
  defineFunction(m, "resetwarnings", () => {
    filters = [];
    return null;
  });
  const catchWarnings: PyClass = new PyClass("catch_warnings", null, "warnings", (args, kwargs) => {
    bindArgs("catch_warnings", args, kwargs, [
      "*",
      "record",
      "module",
      "action",
      "category",
      "lineno",
      "append",
    ]);
    if (kwargs?.get("record") === true)
      throw new PyError(
        "NotImplementedError",
        "warnings.catch_warnings(record=True) is not supported by GradLens",
      );
    return new PyInstance(catchWarnings);
  });
  const saved = new WeakMap<PyInstance, Filter[]>();
  catchWarnings.dict.set(
    "__enter__",
    new PyBuiltin("__enter__", ([self]) => {
      saved.set(self as PyInstance, filters.slice());
      return null;
    }),
  );
  catchWarnings.dict.set(
    "__exit__",
    new PyBuiltin("__exit__", ([self]) => {
      filters = saved.get(self as PyInstance) ?? filters;
      return false;
    }),
  );
  m.attrs.set("catch_warnings", catchWarnings);
  return m;
}
