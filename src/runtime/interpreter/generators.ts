import { chooseCase } from "./matchStatement";
import type { Expr, Stmt } from "../../lang/ir";
import { assign } from "./assignment";
import { getIterator } from "./collections";
import type { Frame } from "./frame";
import type { Interpreter } from "./interpreter";
import {
  DONE,
  PyClass,
  PyInstance,
  PyIterator,
  PyList,
  PyTuple,
  type PyFunction,
  type PyValue,
} from "./objects";
import { truthy } from "./operators";
import { PyError, typeError, UnsupportedError } from "./pyErrors";
import { asPyError, classOf, exceptionObject, findHandler } from "./tryStatement";
import { managerProtocol } from "./withStatement";

/**
 * Python generators. A function whose body holds a `yield` returns a generator when called; its
 * body runs only as the generator is advanced (`next`, a `for` loop, `send`), up to each
 * `yield`, so an endless `while True: yield batch` data loader works as in CPython.
 *
 * The interpreter walks statements by recursion, which cannot stop half-way; so a generator's
 * body runs in a JavaScript generator that mirrors the statements that can hold a `yield`
 * (blocks, `if`, `while`, `for`, `try`, `with`) and hands every other statement to the
 * interpreter as it is. `yield` is taken where learners write it — a statement of its own
 * (`yield x`, `yield from it`) or the value of an assignment (`x = yield y`); elsewhere inside an
 * expression it is a located UnsupportedError.
 */

/** How a block ended (the interpreter's Signal: 0 normal, 1 break, 2 continue, 3 return). */
type Signal = number;
const NORMAL = 0;
const BREAK = 1;
const RETURN = 3;

type Steps<T> = Generator<PyValue, T, PyValue>;

const yieldFound = new WeakMap<object, boolean>();

/** Whether `node` (a function body, a statement) holds a `yield` of its own (not a nested function's). */
export function holdsYield(node: unknown): boolean {
  if (typeof node !== "object" || node === null) return false;
  const known = yieldFound.get(node);
  if (known !== undefined) return known;
  let found = false;
  if (Array.isArray(node)) found = node.some(holdsYield);
  else {
    const k = (node as { k?: string }).k;
    if (k === "yield") found = true;
    // a nested function, lambda or class has its own frame: its yields are its own
    else if (k !== "def" && k !== "class" && k !== "lambda")
      for (const value of Object.values(node))
        if (typeof value === "object" && holdsYield(value)) found = true;
  }
  yieldFound.set(node, found);
  return found;
}

/** The first `yield` of the statement's own, for where to report one GradLens does not take. */
function firstYield(node: unknown): (Expr & { k: "yield" }) | null {
  if (typeof node !== "object" || node === null || !holdsYield(node)) return null;
  if ((node as { k?: string }).k === "yield") return node as Expr & { k: "yield" };
  for (const value of Object.values(node)) {
    const found = firstYield(value);
    if (found) return found;
  }
  return null;
}

/** A generator object: `next(g)`, `for x in g`, `g.send(v)`, `g.close()`. */
export class PyGenerator extends PyIterator {
  private started = false;
  private finished = false;
  private running = false;
  /** What the body returned (`return value` ends the generator with StopIteration(value)). */
  returned: PyValue = null;

  constructor(
    private readonly interp: Interpreter,
    readonly fn: PyFunction,
    private readonly frame: Frame,
    private readonly steps: Steps<Signal>,
  ) {
    super(() => this.resume(null), "generator", [frame]);
  }

  /** Runs the body to its next `yield` with `sent` as the value of the one it stopped at. */
  resume(sent: PyValue): PyValue | typeof DONE {
    if (this.finished) return DONE;
    if (this.running) throw new PyError("ValueError", "generator already executing");
    if (!this.started && sent !== null)
      throw typeError("can't send non-None value to a just-started generator");
    this.started = true;
    return this.within(() => this.yielded(this.steps.next(sent)));
  }

  /**
   * `g.throw(exc)`: the exception is raised where the body stopped, so its `try` can handle it
   * (contextlib's `@contextmanager` hands the `with` block's exception in this way).
   */
  throwIn(exception: PyValue, value: PyValue | undefined): PyValue | typeof DONE {
    const raised =
      exception instanceof PyClass && value !== undefined && value !== null
        ? value instanceof PyInstance && value.cls.isSubclassOf(exception)
          ? value
          : this.interp.call(exception, value instanceof PyTuple ? value.items : [value])
        : exception;
    const error = this.interp.errorFor(raised);
    if (this.running) throw new PyError("ValueError", "generator already executing");
    if (this.finished || !this.started) {
      this.finished = true;
      throw error;
    }
    return this.within(() => this.yielded(this.steps.throw(error)));
  }

  /** What a step of the body gives: the value it yielded, or DONE once it returned. */
  private yielded(step: IteratorResult<PyValue, Signal>): PyValue | typeof DONE {
    if (!step.done) return step.value;
    this.finished = true;
    this.returned = step.value === RETURN ? this.interp.returnValue : null;
    this.interp.returnValue = null;
    return DONE;
  }

  /** `g.close()`: the body's `finally` clauses run, and the generator is done. */
  close(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.started) this.within(() => this.steps.return(NORMAL));
  }

  /** Runs `body` as the generator's own frame, as a call would. */
  private within<T>(body: () => T): T {
    const interp = this.interp;
    const savedFrame = interp.frame;
    const savedLibrary = interp.library;
    const savedReturn = interp.returnValue;
    interp.frame = this.frame;
    interp.library = this.fn.isLibrary;
    interp.depth++;
    this.running = true;
    try {
      return body();
    } catch (e) {
      this.finished = true;
      throw e;
    } finally {
      this.running = false;
      interp.depth--;
      interp.frame = savedFrame;
      interp.library = savedLibrary;
      if (!this.finished) interp.returnValue = savedReturn;
    }
  }
}

/** The generator a call of generator function `fn` returns, its arguments bound in `frame`. */
export function makeGenerator(interp: Interpreter, fn: PyFunction, frame: Frame, body: Stmt[]): PyGenerator {
  return new PyGenerator(interp, fn, frame, block(interp, body, frame));
}

function* block(interp: Interpreter, body: Stmt[], frame: Frame): Steps<Signal> {
  for (const s of body) {
    const signal = holdsYield(s) ? yield* statement(interp, s, frame) : interp.exec(s, frame);
    if (signal !== NORMAL) return signal;
  }
  return NORMAL;
}

/** A statement that holds a `yield`, taken a step at a time. */
function* statement(interp: Interpreter, s: Stmt, frame: Frame): Steps<Signal> {
  interp.step();
  switch (s.k) {
    case "expr":
      if (s.value.k !== "yield") break;
      yield* yieldValue(interp, s.value, frame);
      return NORMAL;
    case "assign": {
      if (s.value.k !== "yield" || s.targets.some(holdsYield)) break;
      const value = yield* yieldValue(interp, s.value, frame);
      for (const target of s.targets) assign(interp, target, value, frame);
      return NORMAL;
    }
    case "return":
      if (s.value?.k !== "yield") break;
      interp.returnValue = yield* yieldValue(interp, s.value, frame);
      return RETURN;
    case "if":
      if (holdsYield(s.test)) break;
      return yield* block(interp, truthy(interp, interp.eval(s.test, frame)) ? s.body : s.orelse, frame);
    case "while":
      if (holdsYield(s.test)) break;
      while (truthy(interp, interp.eval(s.test, frame))) {
        const signal = yield* block(interp, s.body, frame);
        if (signal === BREAK) return NORMAL;
        if (signal === RETURN) return signal;
      }
      return yield* block(interp, s.orelse, frame);
    case "for":
      if (holdsYield(s.iter) || holdsYield(s.target)) break;
      return yield* forLoop(interp, s, frame);
    case "try":
      return yield* tryStatement(interp, s, frame);
    case "with":
      if (s.items.some((item) => holdsYield(item))) break;
      return yield* withStatement(interp, s, frame, 0);
    case "match": {
      if (holdsYield(s.subject) || s.cases.some((c) => holdsYield(c.guard))) break;
      const chosen = chooseCase(interp, s, frame);
      return chosen === null ? NORMAL : yield* block(interp, chosen.body, frame);
    }
    default:
      break;
  }
  interp.setAt(firstYield(s)?.span ?? s.span);
  throw new UnsupportedError(
    "`yield` here is not supported by GradLens: write it as a statement of its own (`yield value`, `x = yield value`)",
  );
}

/** `yield value` (the value sent back is the result) or `yield from iterable` (its return value). */
function* yieldValue(interp: Interpreter, e: Expr & { k: "yield" }, frame: Frame): Steps<PyValue> {
  if (holdsYield(e.value)) {
    interp.setAt(e.span);
    throw new UnsupportedError("a `yield` inside a `yield` is not supported by GradLens");
  }
  const value = e.value ? interp.eval(e.value, frame) : null;
  if (!e.from) {
    interp.setAt(e.span);
    return yield value;
  }
  interp.setAt(e.span);
  const inner = getIterator(interp, value);
  if (inner instanceof PyGenerator) {
    // values sent to this generator go on to the inner one
    let sent: PyValue = null;
    for (;;) {
      const x = inner.resume(sent);
      if (x === DONE) return inner.returned;
      sent = yield x;
    }
  }
  for (;;) {
    const x = inner.next();
    if (x === DONE) return null;
    yield x;
  }
}

function* forLoop(interp: Interpreter, s: Stmt & { k: "for" }, frame: Frame): Steps<Signal> {
  const iterable = interp.eval(s.iter, frame);
  const items = iterable instanceof PyList ? iterable.items : null;
  const it = items ? null : getIterator(interp, iterable);
  for (let i = 0; ; i++) {
    const x = items ? (i < items.length ? items[i] : DONE) : it!.next();
    if (x === DONE) break;
    assign(interp, s.target, x, frame);
    const signal = yield* block(interp, s.body, frame);
    if (signal === BREAK) return NORMAL;
    if (signal === RETURN) return signal;
  }
  return yield* block(interp, s.orelse, frame);
}

/** `try` as tryStatement.ts runs it, with yields in any of its blocks. */
function* tryStatement(interp: Interpreter, s: Stmt & { k: "try" }, frame: Frame): Steps<Signal> {
  try {
    let signal: Signal;
    try {
      signal = yield* block(interp, s.body, frame);
    } catch (thrown) {
      const error = asPyError(interp, thrown);
      if (!error) throw thrown;
      const handler = findHandler(interp, s.handlers, error, frame);
      if (!handler) throw error;
      const saved = interp.handling;
      interp.handling = error;
      try {
        if (handler.name !== null) frame.store(handler.name, exceptionObject(interp, error));
        return yield* block(interp, handler.body, frame);
      } finally {
        interp.handling = saved;
        if (handler.name !== null) {
          frame.store(handler.name, null);
          frame.delete(handler.name);
        }
      }
    }
    return signal === NORMAL ? yield* block(interp, s.orelse, frame) : signal;
  } finally {
    if (s.finally.length > 0) {
      const pending = interp.returnValue;
      const after = yield* block(interp, s.finally, frame);
      if (after === NORMAL) interp.returnValue = pending;
      // Python's rule: a break/continue/return in `finally` replaces whatever was pending
      if (after !== NORMAL) return after;
    }
  }
}

/** `with` as withStatement.ts runs it (one manager after another), with yields in its body. */
function* withStatement(
  interp: Interpreter,
  s: Stmt & { k: "with" },
  frame: Frame,
  item: number,
): Steps<Signal> {
  if (item === s.items.length) return yield* block(interp, s.body, frame);
  const { context, target } = s.items[item];
  const manager = interp.eval(context, frame);
  interp.setAt(context.span);
  const [enter, exit] = managerProtocol(interp, manager);
  const entered = interp.call(enter, []);
  if (target) assign(interp, target, entered, frame);
  let signal: Signal;
  try {
    signal = yield* withStatement(interp, s, frame, item + 1);
  } catch (thrown) {
    const error = asPyError(interp, thrown);
    if (!error) throw thrown;
    const suppress = interp.call(exit, [classOf(interp, error), exceptionObject(interp, error), null]);
    if (truthy(interp, suppress)) return NORMAL;
    throw error;
  }
  const pending = interp.returnValue;
  interp.call(exit, [null, null, null]);
  interp.returnValue = pending;
  return signal;
}

/** The value a generator's step gave, or StopIteration when it has ended. */
function stepped(x: PyValue | typeof DONE): PyValue {
  if (x === DONE) throw new PyError("StopIteration", "");
  return x;
}

/** A generator's methods: `send`, `close`, and the iterator protocol spelled out. */
export const GENERATOR_METHODS: Record<string, (rt: unknown, self: PyGenerator, args: PyValue[]) => PyValue> =
  {
    send: (_rt, g, args) => {
      if (args.length !== 1)
        throw typeError(`generator.send() takes exactly one argument (${args.length} given)`);
      return stepped(g.resume(args[0]));
    },
    close: (_rt, g) => {
      g.close();
      return null;
    },
    throw: (_rt, g, args) => {
      if (args.length < 1 || args.length > 3)
        throw typeError(`throw expected at least 1 argument, got ${args.length}`);
      return stepped(g.throwIn(args[0], args[1]));
    },
    __next__: (_rt, g) => stepped(g.resume(null)),
    __iter__: (_rt, g) => g,
  };
