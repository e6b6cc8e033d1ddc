import { EngineMemoryError } from "../../engine/memory";
import { EngineArithmeticError, EngineUnsupportedError } from "../../engine/errors";
import { BudgetError, UnsupportedError } from "../runErrors";
import { JsRuntimeError, JsThrow } from "./values";

/**
 * An error the engine or the library raised, as the JavaScript error the program sees (and
 * Node would show): TypeError and RangeError keep their kind, the engine's Python-flavoured
 * arithmetic errors and tensor errors become an Error naming them. Null for the interpreter's
 * own signals (a throw, the budget), which are not the library's.
 */
export function fromHostError(e: unknown): JsRuntimeError | UnsupportedError | null {
  // the memory budget ends the run, as the step budget does: no program catches it
  if (e instanceof EngineMemoryError) return null;
  if (e instanceof EngineUnsupportedError) return new UnsupportedError(e.message);
  if (e instanceof RangeError && /call stack/i.test(e.message))
    return new JsRuntimeError("RangeError", "Maximum call stack size exceeded");
  if (e instanceof EngineArithmeticError) return new JsRuntimeError("Error", `${e.pythonType}: ${e.message}`);
  if (e instanceof TypeError) return new JsRuntimeError("TypeError", e.message);
  if (e instanceof RangeError) return new JsRuntimeError("RangeError", e.message);
  if (
    e instanceof Error &&
    !(e instanceof JsThrow) &&
    !(e instanceof BudgetError) &&
    !(e instanceof EngineMemoryError) &&
    !(e instanceof JsRuntimeError)
  ) {
    return new JsRuntimeError("Error", e.name === "Error" ? e.message : `${e.name}: ${e.message}`);
  }
  return null;
}
