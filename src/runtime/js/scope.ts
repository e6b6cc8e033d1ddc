import type { JsValue } from "./values";
import { JsRuntimeError } from "./values";

type Kind = "let" | "const" | "var" | "param" | "function" | "import" | "class";

interface Binding {
  value: JsValue;
  kind: Kind;
  /** False between entering the block and the `let` (the temporal dead zone). */
  ready: boolean;
}

/**
 * One lexical scope: a block, a function's body, or the module. `var` and function
 * declarations live in the nearest function (or module) scope; `let`, `const` and classes in
 * their block.
 */
export class Scope {
  private readonly vars = new Map<string, Binding>();
  constructor(
    readonly parent: Scope | null,
    readonly isFunction: boolean,
  ) {}

  /** Makes a binding in this scope, not yet initialised (until `initialize`). */
  declare(name: string, kind: Kind): void {
    if (!this.vars.has(name)) this.vars.set(name, { value: undefined, kind, ready: kind === "var" });
  }

  initialize(name: string, value: JsValue, kind: Kind): void {
    const b = this.vars.get(name);
    if (b) {
      b.value = value;
      b.ready = true;
      b.kind = kind;
    } else this.vars.set(name, { value, kind, ready: true });
  }

  /** The nearest function (or module) scope, where `var` binds. */
  functionScope(): Scope {
    return this.isFunction || this.parent === null ? this : this.parent.functionScope();
  }

  private find(name: string): Binding | undefined {
    return this.vars.get(name) ?? this.parent?.find(name);
  }

  has(name: string): boolean {
    return this.find(name) !== undefined;
  }

  load(name: string): JsValue {
    const b = this.find(name);
    if (!b) throw new JsRuntimeError("ReferenceError", `${name} is not defined`);
    if (!b.ready) throw new JsRuntimeError("ReferenceError", `Cannot access '${name}' before initialization`);
    return b.value;
  }

  store(name: string, value: JsValue): void {
    const b = this.find(name);
    if (!b) throw new JsRuntimeError("ReferenceError", `${name} is not defined`);
    if (!b.ready) throw new JsRuntimeError("ReferenceError", `Cannot access '${name}' before initialization`);
    if (b.kind === "const" || b.kind === "import")
      throw new JsRuntimeError("TypeError", "Assignment to constant variable.");
    b.value = value;
  }

  /** Names bound directly in this scope (the module's top-level variables). */
  entries(): [string, JsValue][] {
    return [...this.vars].filter(([, b]) => b.ready).map(([k, b]) => [k, b.value]);
  }
}
