import type { Stmt } from "../../lang/ir";
import { assign } from "./assignment";
import { getAttribute } from "./attributes";
import { asPyError, classOf, exceptionObject } from "./tryStatement";
import type { Frame } from "./frame";
import type { Interpreter } from "./interpreter";
import { truthy } from "./operators";
import type { PyValue } from "./objects";
import { PyError, typeError } from "./pyErrors";
import { typeName } from "./stringify";

type With = Stmt & { k: "with" };

/**
 * `with a as x, b:` is `with a as x:` around `with b:`. Each manager's `__exit__` runs however
 * the body ends; given the exception, a true result swallows it, as in Python. Modules written
 * in TypeScript take part through the same `__enter__`/`__exit__` attributes.
 */
export function execWith(interp: Interpreter, s: With, frame: Frame, item = 0): number {
  if (item === s.items.length) return interp.execBlock(s.body, frame);
  const { context, target } = s.items[item];
  const manager = interp.eval(context, frame);
  interp.setAt(context.span);
  const [enter, exit] = managerProtocol(interp, manager);
  const entered = interp.call(enter, []);
  if (target) assign(interp, target, entered, frame);
  let signal: number;
  // the manager and its __exit__ are held here, and nowhere the program can see
  interp.heldByStatements.push(manager, exit);
  try {
    signal = execWith(interp, s, frame, item + 1);
  } catch (thrown) {
    const error = asPyError(interp, thrown);
    if (!error) throw thrown;
    const suppress = interp.call(exit, [classOf(interp, error), exceptionObject(interp, error), null]);
    if (truthy(interp, suppress)) return 0;
    throw error;
  } finally {
    interp.heldByStatements.length -= 2;
  }
  const pending = interp.returnValue;
  interp.call(exit, [null, null, null]);
  interp.returnValue = pending;
  return signal;
}

/** A context manager's `__enter__` and `__exit__`, or CPython's TypeError when it has none. */
export function managerProtocol(interp: Interpreter, manager: PyValue): [PyValue, PyValue] {
  try {
    return [getAttribute(interp, manager, "__enter__"), getAttribute(interp, manager, "__exit__")];
  } catch (e) {
    if (e instanceof PyError && e.pyType === "AttributeError") {
      throw typeError(`'${typeName(manager)}' object does not support the context manager protocol`);
    }
    throw e;
  }
}
