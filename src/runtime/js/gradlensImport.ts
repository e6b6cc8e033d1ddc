import type { SourceSpan, Stmt } from "../../lang/ir";
import { UnsupportedError } from "../runErrors";
import type { JsInterpreter } from "./interpreter";
import type { Scope } from "./scope";
import { JsObject, JsRuntimeError, typeError, type JsValue } from "./values";

/**
 * `import { Value, nn } from "gradlens"` and `import * as gl from "gradlens"`: the run's own
 * library object (bound to its tape). There is no file system: no other module exists.
 */
export function importGradlens(
  it: JsInterpreter,
  s: Stmt & { k: "import" | "fromImport" },
  scope: Scope,
): void {
  const name = s.module.join(".");
  if (name !== "gradlens")
    throw new UnsupportedError(`The module \`${name}\` is not available in GradLens (only "gradlens")`);
  const lib = it.lib as unknown as Record<string, unknown>;
  if (s.k === "import") {
    const ns = new JsObject();
    for (const [k, v] of Object.entries(lib)) ns.props.set(k, fromLibrary(v));
    namespaces.add(ns);
    scope.initialize(s.alias ?? name, ns, "import");
    return;
  }
  for (const { name: n, alias, span } of s.names as {
    name: string;
    alias: string | null;
    span: SourceSpan;
  }[]) {
    it.at = span;
    if (!Object.prototype.hasOwnProperty.call(lib, n))
      throw new JsRuntimeError(
        "SyntaxError",
        `The requested module 'gradlens' does not provide an export named '${n}'`,
      );
    scope.initialize(alias ?? n, fromLibrary(lib[n]), "import");
  }
}

/** The objects of `import * as gl`: a module namespace, which no assignment changes. */
const namespaces = new WeakSet<JsObject>();

/** Node's TypeError for `gl.name = v` on a module namespace, or null for any other object. */
export function namespaceWriteError(obj: JsObject, name: string): JsRuntimeError | null {
  if (!namespaces.has(obj)) return null;
  return obj.props.has(name)
    ? typeError(`Cannot assign to read only property '${name}' of object '[object Module]'`)
    : typeError(`Cannot add property ${name}, object is not extensible`);
}

/** The library's exports as the program sees them (a namespace object such as `nn` copied in). */
function fromLibrary(v: unknown): JsValue {
  if (typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype) {
    const o = new JsObject();
    for (const [k, x] of Object.entries(v)) o.props.set(k, fromLibrary(x));
    return o;
  }
  return v as JsValue;
}
