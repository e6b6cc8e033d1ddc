import type { Scope } from "./frameLocals";
import type { PyFunction, PyValue } from "./objects";
import { PyError } from "./pyErrors";

export type FrameKind = "module" | "function" | "class";

/**
 * One scope of a running program. A function frame knows its local names up front (Python
 * decides them at compile time), so a read of a local before assignment is an
 * UnboundLocalError, and a read of any other name looks in the enclosing function frames, then
 * the module's globals, then the builtins.
 */
export class Frame {
  constructor(
    readonly kind: FrameKind,
    /** A module's or class's Map; a function call's FrameLocals (see frameLocals.ts). */
    readonly vars: Scope,
    readonly localNames: Set<string> | null,
    readonly globalNames: Set<string> | null,
    /** The function frame a nested function or comprehension was defined in (classes are skipped). */
    readonly enclosing: Frame | null,
    readonly globals: Map<string, PyValue>,
    readonly builtins: Map<string, PyValue>,
    readonly func: PyFunction | null = null,
  ) {}

  load(name: string): PyValue {
    if (this.kind === "function") {
      // a function frame's vars hold only its locals (see store), so a hit needs no Set lookup
      const bound = this.vars.get(name);
      if (bound !== undefined) return bound;
      if (this.localNames!.has(name))
        throw new PyError(
          "UnboundLocalError",
          `cannot access local variable '${name}' where it is not associated with a value`,
        );
    } else {
      const v = this.vars.get(name);
      if (v !== undefined) return v;
      if (this.kind === "module") return this.builtin(name);
    }
    if (this.globalNames === null || !this.globalNames.has(name)) {
      for (let f = this.enclosing; f; f = f.enclosing) {
        if (f.kind === "function" && f.localNames!.has(name)) {
          const v = f.vars.get(name);
          if (v === undefined) {
            throw new PyError(
              "NameError",
              `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`,
            );
          }
          return v;
        }
      }
    }
    const v = this.globals.get(name);
    return v !== undefined ? v : this.builtin(name);
  }

  private builtin(name: string): PyValue {
    const v = this.builtins.get(name);
    if (v === undefined) throw new PyError("NameError", `name '${name}' is not defined`);
    return v;
  }

  store(name: string, value: PyValue): void {
    if (this.kind !== "function" || this.localNames!.has(name)) {
      this.vars.set(name, value);
      return;
    }
    if (this.globalNames?.has(name)) {
      this.globals.set(name, value);
      return;
    }
    for (let f = this.enclosing; f; f = f.enclosing) {
      if (f.kind === "function" && f.localNames!.has(name)) {
        f.vars.set(name, value);
        return;
      }
    }
    this.globals.set(name, value);
  }

  delete(name: string): void {
    const scope = this.kind === "function" && !this.localNames!.has(name) ? this.globals : this.vars;
    if (!scope.delete(name)) throw new PyError("NameError", `name '${name}' is not defined`);
  }
}
