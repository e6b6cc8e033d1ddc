import type { JsClassDef } from "../../lang/ir";
import { UnsupportedError } from "../runErrors";
import type { JsInterpreter } from "./interpreter";
import { toStr } from "./operators";
import { Scope } from "./scope";
import { isHost, JsClass, JsFunction, JsObject, JsRuntimeError, typeError, type JsValue } from "./values";

/** Evaluates a class definition: its base, methods, static members (in order). */
export function makeClass(it: JsInterpreter, def: JsClassDef, scope: Scope, nameHint: string): JsClass {
  let base: JsClass | null = null;
  if (def.base !== null) {
    const b = it.eval(def.base, scope);
    it.setAt(def.base.span);
    if (isHost(b)) {
      if (b !== it.lib.nn.Module)
        throw new UnsupportedError(
          "A class extending a gradlens class other than nn.Module is not supported by GradLens",
        );
      base = it.moduleBase();
    } else if (!(b instanceof JsClass))
      throw typeError(`Class extends value ${toStr(it, b)} is not a constructor or null`);
    else base = b;
  }
  const name = def.name ?? nameHint;
  const classScope = new Scope(scope, false);
  const cls = new JsClass(name, def, base, classScope);
  if (def.name !== null) classScope.initialize(def.name, cls, "const");
  for (const m of def.members) {
    if (m.kind === "field") continue;
    const f = new JsFunction(m.def, classScope, false, cls, m.name);
    if (m.kind === "get") cls.getters.set(m.name, f);
    else if (m.kind === "set") cls.setters.set(m.name, f);
    else if (m.isStatic) cls.statics.set(m.name, f);
    else cls.methods.set(m.name, f);
  }
  const staticScope = thisScope(cls, cls);
  for (const m of def.members)
    if (m.kind === "field" && m.isStatic)
      cls.statics.set(m.name, m.value === null ? undefined : it.eval(m.value, staticScope));
  return cls;
}

function thisScope(cls: JsClass, self: JsValue): Scope {
  const s = new Scope(cls.scope, true);
  s.initialize("this", self, "const");
  s.initialize("%home", cls, "const");
  return s;
}

/** Instance fields of one class, in order, on a new instance. */
export function initFields(it: JsInterpreter, cls: JsClass, obj: JsObject): void {
  let scope: Scope | null = null;
  for (const m of cls.def.members) {
    if (m.kind !== "field" || m.isStatic) continue;
    scope ??= thisScope(cls, obj);
    obj.props.set(m.name, m.value === null ? undefined : it.eval(m.value, scope));
  }
}

/**
 * Runs a class's constructor on `obj`: a base class sets its fields first; a derived class
 * without a constructor passes its arguments to the base's; `super(...)` in a derived
 * constructor runs the base's and then the derived class's fields (see JsInterpreter.superCall).
 */
export function construct(it: JsInterpreter, cls: JsClass, obj: JsObject, args: JsValue[]): void {
  if (cls.builtin) {
    if (args[0] !== undefined) obj.props.set("message", toStr(it, args[0]));
    return;
  }
  if (cls.base === null) initFields(it, cls, obj);
  if (cls.def.ctor !== null) {
    const ctor = new JsFunction(cls.def.ctor, cls.scope, false, cls, cls.name);
    it.callFunction(ctor, obj, args);
    if (cls.base !== null && !superCalled.has(obj))
      throw new JsRuntimeError(
        "ReferenceError",
        "Must call super constructor in derived class before accessing 'this' or returning from derived constructor",
      );
  } else if (cls.base !== null) {
    construct(it, cls.base, obj, args);
    initFields(it, cls, obj);
  }
}

/** The objects whose derived constructor has called `super(...)`. */
const superCalled = new WeakSet<JsObject>();

/** Notes that `super(...)` ran for an object, which a derived constructor must do. */
export function noteSuperCall(obj: JsObject): void {
  superCalled.add(obj);
}

/** `new C(...)` for a class of the program. */
export function instantiate(it: JsInterpreter, cls: JsClass, args: JsValue[]): JsObject {
  const obj = new JsObject(cls);
  construct(it, cls, obj, args);
  return obj;
}

/**
 * The class whose method is running, for `super`: null in an object literal's method (whose
 * `super` is Object.prototype); outside any function `super` cannot be written.
 */
export function homeClass(scope: Scope): JsClass | null {
  if (!scope.has("%home")) throw new JsRuntimeError("SyntaxError", "'super' keyword unexpected here");
  return scope.load("%home") as JsClass | null;
}
