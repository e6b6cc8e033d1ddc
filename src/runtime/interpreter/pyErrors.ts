import type { SourceSpan } from "../../lang/ir";
import type { PyValue } from "./objects";

/**
 * A Python exception raised by the program or by the runtime on its behalf. `span` is set where
 * it was raised when known; otherwise the interpreter fills in the user-code span it was running.
 */
export class PyError extends Error {
  span: SourceSpan | null = null;
  /** The exception object when the program raised or may catch it (`raise ValueError(...)`). */
  value: PyValue = null;
  /** The exception's args when they are not just the message (a KeyError's key). */
  args: PyValue[] | null = null;
  /** GradLens's advice for the diagnostic when nothing catches it (never part of the Python message). */
  hint: string | null = null;
  constructor(
    readonly pyType: string,
    message: string,
  ) {
    super(message);
  }

  /** The one-line form Python prints last in a traceback: `NameError: name 'x' is not defined`. */
  get pythonMessage(): string {
    return this.message === "" ? this.pyType : `${this.pyType}: ${this.message}`;
  }
}

// what stops a run in any language (runErrors.ts), named here too for the Python runtime's many users
export { BudgetError, UnsupportedError } from "../runErrors";

export const typeError = (message: string) => new PyError("TypeError", message);
export const valueError = (message: string) => new PyError("ValueError", message);
