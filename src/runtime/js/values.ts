import type { FunctionDef, JsClassDef, SourceSpan } from "../../lang/ir";
import type { Scope } from "./scope";

/**
 * The JavaScript object model of the interpreter. Primitives are themselves (a number is a JS
 * number: JavaScript's doubles are the host's), an array is a host array of JsValues, and the
 * program's objects, functions and classes are the classes below. Anything else is a host
 * object handed out by a built-in module (the `gradlens` library), reached through hostBridge.
 */
export type JsValue =
  undefined | null | boolean | number | string | JsObject | JsValue[] | JsCallable | object;

export type JsCallable = JsFunction | JsNative | JsClass;

/** A plain object (`{ a: 1 }`) or an instance of a program's class (`cls` set). */
export class JsObject {
  readonly props = new Map<string, JsValue>();
  constructor(readonly cls: JsClass | null = null) {}
}

/** A function or arrow function of the program, with the scope it closes over. */
export class JsFunction {
  /** Properties a program set on the function (`f.calls = 0`). */
  readonly props = new Map<string, JsValue>();
  constructor(
    readonly def: FunctionDef,
    readonly scope: Scope,
    /** An arrow function's `this` is the one of the scope it closes over. */
    readonly arrow: boolean,
    /** The class whose method this is, for `super.m()`. */
    readonly home: JsClass | null,
    readonly name: string,
  ) {}
}

/** A function written in TypeScript: `this` and the arguments in, a JsValue out. */
export class JsNative {
  readonly props = new Map<string, JsValue>();
  constructor(
    readonly name: string,
    readonly call: (self: JsValue, args: JsValue[]) => JsValue,
    /** `new` on it (the built-in Error classes, `Array`); null when it is not a constructor. */
    readonly construct: ((args: JsValue[]) => JsValue) | null = null,
  ) {}
}

/** A class of the program: constructor, methods, fields; the base may be another class of the program. */
export class JsClass {
  /** The program's methods; a native one for the base class standing for the library's `nn.Module`. */
  readonly methods = new Map<string, JsFunction | JsNative>();
  readonly getters = new Map<string, JsFunction>();
  readonly setters = new Map<string, JsFunction>();
  readonly statics = new Map<string, JsValue>();
  constructor(
    readonly name: string,
    readonly def: JsClassDef,
    readonly base: JsClass | null,
    readonly scope: Scope,
    /** For the built-in Error classes: makes the message. */
    readonly builtin: boolean = false,
  ) {}

  findMethod(name: string): JsFunction | JsNative | undefined {
    return this.methods.get(name) ?? this.base?.findMethod(name);
  }

  /** The getter or setter of an accessor property, looked up as methods are. */
  findAccessor(kind: "get" | "set", name: string): JsFunction | undefined {
    return (kind === "get" ? this.getters : this.setters).get(name) ?? this.base?.findAccessor(kind, name);
  }

  /** The class (this or a base) that defines an accessor. */
  accessorOwner(kind: "get" | "set", name: string): JsClass | undefined {
    if ((kind === "get" ? this.getters : this.setters).has(name)) return this;
    return this.base?.accessorOwner(kind, name);
  }

  isSubclassOf(other: JsClass): boolean {
    return this === other || (this.base !== null && this.base.isSubclassOf(other));
  }
}

/** A value thrown by the program (`throw x`), on its way to a `catch` or out of the run. */
export class JsThrow extends Error {
  /** Where it was thrown. */
  span: SourceSpan | null = null;
  constructor(readonly value: JsValue) {
    super("thrown");
  }
}

/**
 * An error the runtime raises on the program's behalf (`TypeError: x is not a function`); it
 * becomes an Error object of that class if the program catches it.
 */
export class JsRuntimeError extends Error {
  /** Where it was raised (filled in by the interpreter on the way out). */
  span: SourceSpan | null = null;
  constructor(
    readonly jsType: "TypeError" | "ReferenceError" | "RangeError" | "SyntaxError" | "Error",
    message: string,
  ) {
    super(message);
  }
}

export const typeError = (message: string) => new JsRuntimeError("TypeError", message);

export function isCallable(v: JsValue): v is JsCallable {
  return v instanceof JsFunction || v instanceof JsNative || v instanceof JsClass;
}

/** A value made by the host (a library object or function) rather than by the interpreter. */
export function isHost(v: JsValue): boolean {
  return (
    (typeof v === "object" || typeof v === "function") &&
    v !== null &&
    !Array.isArray(v) &&
    !(v instanceof JsObject) &&
    !(v instanceof JsFunction) &&
    !(v instanceof JsNative) &&
    !(v instanceof JsClass)
  );
}
