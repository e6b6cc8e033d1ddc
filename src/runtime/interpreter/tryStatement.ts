import { EngineArithmeticError } from "../../engine/errors";
import { EngineMemoryError } from "../../engine/memory";
import type { ExceptHandler, Stmt } from "../../lang/ir";
import type { Frame } from "./frame";
import { isOutOfMemory, type Interpreter } from "./interpreter";
import { PyClass, PyInstance, PyTuple, type PyValue } from "./objects";
import { PyError, typeError } from "./pyErrors";

/** How a block ended (mirrors the interpreter's Signal: 0 normal, 1 break, 2 continue, 3 return). */
type Signal = number;

/**
 * `try`/`except`/`else`/`finally`. Only Python exceptions are caught; the step budget, an
 * unsupported construct and GradLens's own failures pass through every handler.
 */
export function execTry(interp: Interpreter, s: Stmt & { k: "try" }, frame: Frame): Signal {
  let signal: Signal;
  try {
    try {
      signal = interp.execBlock(s.body, frame);
    } catch (thrown) {
      const error = asPyError(interp, thrown);
      if (!error) throw thrown;
      const handler = findHandler(interp, s.handlers, error, frame);
      if (!handler) throw error;
      const saved = interp.handling;
      interp.handling = error;
      try {
        if (handler.name !== null) frame.store(handler.name, exceptionObject(interp, error));
        return interp.execBlock(handler.body, frame);
      } finally {
        interp.handling = saved;
        // Python 3 ends the handler with `e = None; del e`: the name is gone after the clause
        if (handler.name !== null) {
          frame.store(handler.name, null);
          frame.delete(handler.name);
        }
      }
    }
    return signal === 0 ? interp.execBlock(s.orelse, frame) : signal;
  } finally {
    if (s.finally.length > 0) {
      const pending = interp.returnValue;
      const after = interp.execBlock(s.finally, frame);
      if (after === 0) interp.returnValue = pending;
      // a break/continue/return in `finally` replaces whatever was pending, as in Python
      if (after !== 0) return after;
    }
  }
}

/** A thrown value as the Python exception it stands for, or null when Python code must not catch it. */
export function asPyError(interp: Interpreter, thrown: unknown): PyError | null {
  if (thrown instanceof PyError) {
    thrown.span ??= interp.at;
    return thrown;
  }
  if (thrown instanceof EngineArithmeticError || thrown instanceof EngineMemoryError) {
    const error = new PyError(thrown.pythonType, thrown.message);
    error.span = interp.at;
    return error;
  }
  if (isOutOfMemory(thrown)) {
    const error = new PyError("MemoryError", "");
    error.span = interp.at;
    return error;
  }
  if (thrown instanceof RangeError && /call stack/i.test(thrown.message)) {
    // the JS stack ran out before Python's recursion limit: the same error to the program
    const error = new PyError("RecursionError", "maximum recursion depth exceeded");
    error.span = interp.at;
    return error;
  }
  return null;
}

export function classOf(interp: Interpreter, error: PyError): PyClass | null {
  if (error.value instanceof PyInstance) return error.value.cls;
  const builtin = interp.builtins.get(error.pyType);
  return builtin instanceof PyClass ? builtin : null;
}

export function findHandler(
  interp: Interpreter,
  handlers: ExceptHandler[],
  error: PyError,
  frame: Frame,
): ExceptHandler | null {
  const cls = classOf(interp, error);
  for (const h of handlers) {
    if (h.type === null) return h;
    const wanted = interp.eval(h.type, frame);
    const classes = wanted instanceof PyTuple ? wanted.items : [wanted];
    for (const c of classes) {
      if (!(c instanceof PyClass) || c.lookup("__exception__") === undefined) {
        throw typeError("catching classes that do not inherit from BaseException is not allowed");
      }
      if (cls !== null && cls.isSubclassOf(c)) return h;
    }
  }
  return null;
}

/** The exception object `except … as e` binds (made on demand for errors the runtime raised). */
export function exceptionObject(interp: Interpreter, error: PyError): PyValue {
  if (error.value === null) {
    const cls = classOf(interp, error);
    const args = error.args ?? (error.message === "" ? [] : [error.message]);
    error.value = cls ? interp.call(cls, args) : error.message;
  }
  return error.value;
}
