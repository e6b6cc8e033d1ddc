import { EngineArithmeticError, EngineUnsupportedError } from "../../engine/errors";
import { EngineMemoryError, meterMemoryWith } from "../../engine/memory";
import { MemoryBudget } from "../memoryBudget";
import { RowSpans } from "../rowSpans";
import { MicrogradOps } from "../../engine/scalar/microgradOps";
import { Tape } from "../../engine/tape";
import { recordTensorsOn } from "../../engine/tensor/tensorIds";
import type { Annotation, Expr, FunctionDef, NameExpr, Program, SourceSpan, Stmt } from "../../lang/ir";
import { evalFormatString, formatValue } from "./formatting";
import { bindArguments } from "./calls";
import { LocalSlots } from "./frameLocals";
import { dictSet, getItem, getIterator, iterate, setOf, toArray } from "./collections";
import { CallRecorder } from "./callRecorder";
import { Frame } from "./frame";
import { evalComprehension } from "./comprehension";
import { binaryOp, compare, richCompare, truthy, unaryOp } from "./operators";
import {
  DONE,
  Ellipsis,
  int,
  PyBoundMethod,
  PyBuiltin,
  PyClass,
  PyDict,
  PyFunction,
  PyInstance,
  PyInt,
  PyList,
  PySlice,
  PyTuple,
  ValueRef,
  type Kwargs,
  type PyValue,
} from "./objects";
import { PyError, typeError, UnsupportedError } from "./pyErrors";
import { StepMeter } from "../stepMeter";
import type { Runtime } from "./runtime";
import { repr, str, typeName } from "./stringify";
import { callMethod, getAttribute } from "./attributes";
import { assign, deleteTarget, execAugmented } from "./assignment";
import { instantiate, makeClass } from "./classes";
import { holdsYield, makeGenerator } from "./generators";
import { execTry } from "./tryStatement";
import { execWith } from "./withStatement";
import { execMatch } from "./matchStatement";
import type { ModuleLoader } from "./moduleLoader";
import { moveValueRefs, Reclaimer } from "./reclaim";
import { NOT_OWN, OwnValues } from "../ownValues/ownValues";
import { noteUnwinding } from "./traceback";

/** CPython's default `sys.getrecursionlimit()`: the frames a program may have, its module's included. */
const RECURSION_LIMIT = 1000;

/** V8's refusal of one allocation too big (an array, a string, a buffer, a BigInt): Python's MemoryError. */
export function isOutOfMemory(e: unknown): boolean {
  return (
    e instanceof RangeError &&
    /Invalid (string|array|typed array) length|Array buffer allocation failed|Maximum BigInt size|Map maximum size|Set maximum size/i.test(
      e.message,
    )
  );
}

/**
 * Records `name: annotation` in the class's or module's `__annotations__`, as the source text
 * (as under `from __future__ import annotations`); a function's are not kept, as in CPython.
 */
function annotate(frame: Frame, annotation: Annotation): void {
  if (frame.kind === "function") return;
  const existing = frame.vars.get("__annotations__");
  const d = existing instanceof PyDict ? existing : new PyDict();
  if (d !== existing) frame.vars.set("__annotations__", d);
  dictSet(d, annotation.name, annotation.text);
}

/** How a block of statements ended. */
const enum Signal {
  Normal = 0,
  Break = 1,
  Continue = 2,
  Return = 3,
}

interface ScopeNames {
  locals: Set<string>;
  globals: Set<string>;
  /** The locals' slots in a call's FrameLocals: parameters first, as `locals` lists them. */
  slots: LocalSlots;
}

/** What watches the program's calls (see Interpreter.callWatch); `enter` gives null for calls it ignores. */
export interface CallWatch {
  enter(fn: PyFunction, args: readonly PyValue[]): object | null;
  exit(token: object, result: PyValue | undefined): void;
}

/**
 * Runs the program IR. A tree-walking evaluator: statements return a Signal instead of
 * throwing for break/continue/return, names are looked up in Frames, and every value the
 * program makes on the tape is stamped with the source span of the user-code expression
 * that made it (code of modules written in Python leaves the user's call span in place).
 */
export class Interpreter implements Runtime {
  readonly tape = new Tape();
  readonly ops = new MicrogradOps(this.tape);
  valueClass: PyClass | null = null;
  readonly globals = new Map<string, PyValue>();
  readonly builtins: Map<string, PyValue>;
  private readonly out: string[] = [];
  /** Characters printed so far (where the next printed text starts in `stdout`). */
  outLength = 0;
  /**
   * Told before each statement of the program's top level, and of the value of each top-level
   * expression statement: a notebook shows figures at a cell's end and its last expression.
   */
  topLevel: { before(s: Stmt): void; value(s: Stmt, v: PyValue): void } | null = null;
  /** The step budget's count (shared with the JavaScript interpreter: stepMeter.ts). */
  readonly meter: StepMeter;
  /** True while running code of a module written in Python. */
  library = false;
  /** The user-code span being evaluated: where an error is reported. */
  at: SourceSpan | null = null;
  /** The value of a `return` on its way out of the function (kept across `finally` and `__exit__`). */
  returnValue: PyValue = null;
  private readonly scopes = new WeakMap<object, ScopeNames>();
  /** The frame running now (a generator's while it is resumed: generators.ts). */
  frame: Frame | null = null;
  depth = 0;
  /** `sys.getrecursionlimit()`; `sys.setrecursionlimit` changes it (within RECURSION_CAP). */
  recursionLimit = RECURSION_LIMIT;
  /** The exception an `except` block is handling, for a bare `raise`. */
  handling: PyError | null = null;

  // Trace bookkeeping.
  private readonly rowSpans = new RowSpans();
  readonly rowNames = new Map<number, string[]>();
  occurrenceRows: Int32Array;
  lastRoot: number | null = null;
  /** Told of name loads/stores of objects, for values whose data lives outside the tape (torch tensors). */
  nameHook: ((value: PyValue, occurrence: number, name: string | null) => void) | null = null;
  readonly callRecorder = new CallRecorder();
  /**
   * Told of every call of a Python function and of what it returned (undefined: it raised), for
   * recognising the gradients a program computes itself (src/runtime/handBackward).
   */
  callWatch: CallWatch | null = null;
  /** Drops a long run's unreachable values (see reclaim.ts). */
  readonly reclaimer = new Reclaimer(this);
  /** What running `for` loops and `with` blocks hold that no variable may: their iterables, managers. */
  readonly heldByStatements: PyValue[] = [];
  readonly ownValues: OwnValues;

  constructor(
    private readonly program: Program,
    budget: number,
    builtins: (rt: Runtime) => Map<string, PyValue>,
    private readonly modules: ModuleLoader,
    /** What the program may allocate (see MemoryBudget); null: not counted. */
    readonly memory: MemoryBudget | null = null,
  ) {
    this.meter = new StepMeter(budget, memory);
    this.builtins = builtins(this);
    this.occurrenceRows = new Int32Array(program.occurrences.length).fill(-1);
    this.ownValues = new OwnValues(this, program.occurrences);
  }

  /** Runs the whole program; errors propagate to the caller with `span` filled in. */
  run(): void {
    const frame = new Frame("module", this.globals, null, null, null, this.globals, this.builtins);
    this.globals.set("__name__", "__main__");
    this.frame = frame;
    // tensors the program makes are rows of this run's tape, between its Values
    const previousTape = recordTensorsOn(this.tape);
    const previousMeter = meterMemoryWith(this.memory);
    try {
      if (this.topLevel === null) this.execBlock(this.program.body, frame);
      else this.execTopLevel(this.program.body, frame, this.topLevel);
    } catch (e) {
      throw this.locate(e);
    } finally {
      meterMemoryWith(previousMeter);
      recordTensorsOn(previousTape);
      this.stampRows(this.at);
    }
  }

  /**
   * What the program can still reach between two of its top-level statements: its globals, the
   * loops and `with` blocks running, the exception being handled, and the modules loaded.
   */
  *liveRoots(): Iterable<unknown> {
    yield* this.globals.values();
    yield* this.heldByStatements;
    if (this.handling?.value) yield this.handling.value;
    yield* this.modules.loadedModules();
  }

  /**
   * Moves everything that names tape rows after Tape.compact (`moved[row]`: its new place, or
   * -1), letting go of the calls that made no row kept nor are `heldCalls`; returns the calls'
   * new numbers, or null when they kept theirs (CallRecorder.compact).
   */
  moveRows(moved: Int32Array, heldCalls?: Iterable<number | null>): Int32Array | null {
    const size = this.tape.size;
    this.valueRefs = moveValueRefs(this.valueRefs, moved, size);
    this.rowSpans.compact(moved);
    const movedCalls = this.callRecorder.compact(moved, heldCalls);
    const names = [...this.rowNames];
    this.rowNames.clear();
    for (const [row, list] of names) if (moved[row] >= 0) this.rowNames.set(moved[row], list);
    const occurrences = this.occurrenceRows;
    for (let i = 0; i < occurrences.length; i++)
      if (occurrences[i] >= 0) occurrences[i] = moved[occurrences[i]];
    if (this.lastRoot !== null) this.lastRoot = moved[this.lastRoot] >= 0 ? moved[this.lastRoot] : null;
    return movedCalls;
  }

  /** Runs a module written in Python in its own globals, as library code. */
  runLibraryModule(program: Program, name: string): Map<string, PyValue> {
    const globals = new Map<string, PyValue>([["__name__", name]]);
    const frame = new Frame("module", globals, null, null, null, globals, this.builtins);
    const saved = this.library;
    const savedFrame = this.frame;
    this.library = true;
    try {
      this.execBlock(program.body, frame);
    } finally {
      this.library = saved;
      this.frame = savedFrame;
    }
    return globals;
  }

  /** Runs a module of the program's own (a file of its workspace) in `globals`, as the user's code. */
  runUserModule(program: Program, globals: Map<string, PyValue>): void {
    const frame = new Frame("module", globals, null, null, null, globals, this.builtins);
    const saved = this.library;
    const savedFrame = this.frame;
    this.library = false;
    this.frame = frame;
    try {
      this.execBlock(program.body, frame);
    } finally {
      this.library = saved;
      this.frame = savedFrame;
    }
  }

  /** The span of the expression that made a row (null for rows made before any user code ran). */
  spanOf(row: number): SourceSpan | null {
    return this.rowSpans.spanOf(row);
  }

  get stdout(): string {
    return this.out.join("");
  }

  private locate(e: unknown): unknown {
    if (e instanceof EngineArithmeticError || e instanceof EngineMemoryError) {
      const err = new PyError(e.pythonType, e.message);
      err.span = this.at;
      return err;
    }
    if (e instanceof PyError || e instanceof UnsupportedError) {
      e.span ??= this.at;
      return e;
    }
    if (e instanceof EngineUnsupportedError) {
      const err = new UnsupportedError(e.message);
      err.span = this.at;
      return err;
    }
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      const err = new PyError("RecursionError", "maximum recursion depth exceeded");
      err.span = this.at;
      return err;
    }
    if (isOutOfMemory(e)) {
      const err = new PyError("MemoryError", "");
      err.span = this.at;
      return err;
    }
    return e;
  }

  // ---- Runtime interface ----

  private valueRefs: (ValueRef | undefined)[] = [];

  value(row: number): ValueRef {
    let ref = this.valueRefs[row];
    if (ref === undefined) {
      ref = new ValueRef(row);
      // rows arrive in order, so this array stays dense on the hot path
      while (this.valueRefs.length < row) this.valueRefs.push(undefined);
      this.valueRefs[row] = ref;
    }
    return ref;
  }

  write(text: string): void {
    this.out.push(text);
    this.outLength += text.length;
  }

  step(): void {
    if (!this.meter.step()) throw this.meter.exhausted();
  }

  backward(row: number): void {
    // micrograd's own backward() recurses (build_topo) and fails past ~1000 levels; GradLens's
    // walk is iterative, so a deep chain built in a loop works (DESIGN.md, issue 2).
    this.tape.backward(row);
    this.lastRoot = row;
  }

  iterate(v: PyValue): Iterable<PyValue> {
    return iterate(this, v);
  }

  repr(v: PyValue): string {
    return repr(this, v);
  }

  str(v: PyValue): string {
    return str(this, v);
  }

  currentFunction(): PyFunction | null {
    return this.frame?.func ?? null;
  }

  currentFrame(): Frame | null {
    return this.frame;
  }

  currentMethod(): { cls: PyClass; self: PyValue } | null {
    const frame = this.frame;
    const fn = frame?.func;
    if (!fn || !fn.ownerClass || fn.params.length === 0) return null;
    const self = frame.vars.get(fn.params[0].name);
    return self === undefined ? null : { cls: fn.ownerClass, self };
  }

  call(callee: PyValue, args: PyValue[], kwargs: Kwargs = null): PyValue {
    if (callee instanceof PyFunction) return this.callFunction(callee, args, kwargs);
    if (callee instanceof PyBuiltin) return callee.call(args, kwargs);
    if (callee instanceof PyBoundMethod) return this.call(callee.func, [callee.self, ...args], kwargs);
    if (callee instanceof PyClass) return instantiate(this, callee, args, kwargs);
    if (callee instanceof PyInstance) {
      const f = callee.cls.lookup("__call__");
      if (f !== undefined) return this.call(f, [callee, ...args], kwargs);
    }
    throw typeError(`'${typeName(callee)}' object is not callable`);
  }

  private scopeOf(fn: PyFunction): ScopeNames {
    let names = this.scopes.get(fn.body);
    if (!names) {
      const body = fn.body;
      const locals = body.k === "def" ? body.locals : fn.params.map((p) => p.name);
      names = {
        locals: new Set(locals),
        globals: new Set(body.k === "def" ? body.globals : []),
        slots: new LocalSlots(locals.filter((n) => n !== "")),
      };
      this.scopes.set(fn.body, names);
    }
    return names;
  }

  callFunction(fn: PyFunction, args: PyValue[], kwargs: Kwargs): PyValue {
    this.step();
    // CPython's default recursion limit of 1000 frames, the module's own frame among them
    // (`python3 prog.py` runs f(998) and stops f(999)); deeper would also risk the JS stack
    if (this.depth >= this.recursionLimit - 1)
      throw new PyError("RecursionError", "maximum recursion depth exceeded");
    const names = this.scopeOf(fn);
    const closure = fn.closure;
    const frame = new Frame(
      "function",
      bindArguments(fn, args, kwargs, names.slots),
      names.locals,
      names.globals,
      closure,
      closure.globals,
      this.builtins,
      fn,
    );
    // a generator function's body runs as the generator is advanced, not now
    if (fn.body.k === "def" && holdsYield(fn.body.body)) return makeGenerator(this, fn, frame, fn.body.body);
    const savedLibrary = this.library;
    const savedFrame = this.frame;
    // the program's own autograd class is machinery: its calls draw no boxes (see ownValues.ts)
    const own = this.ownValues.enter(fn, args);
    const call =
      own === NOT_OWN
        ? this.callRecorder.enter(fn.name, fn.ownerClass ? args[0] : undefined, this.at, this.tape.size)
        : null;
    const watched = this.callWatch !== null && !fn.isLibrary ? this.callWatch.enter(fn, args) : null;
    this.library = fn.isLibrary;
    this.frame = frame;
    this.depth++;
    let ok = false;
    const site = this.at;
    let result: PyValue = null;
    try {
      const body = fn.body;
      if (body.k !== "def") {
        result = this.eval(body, frame);
        ok = true;
        return result;
      }
      this.returnValue = null;
      const signal = this.execBlock(body.body, frame);
      ok = true;
      if (signal === Signal.Return) {
        result = this.returnValue;
        this.returnValue = null;
      }
      return result;
    } catch (e) {
      noteUnwinding(e, this.at, site); // for the error's place in the program's own file
      throw e;
    } finally {
      this.depth--;
      this.library = savedLibrary;
      this.frame = savedFrame;
      if (call !== null) this.callRecorder.exit(call, this.tape.size);
      else this.ownValues.exit(own, ok);
      if (watched !== null) this.callWatch!.exit(watched, ok ? result : undefined);
    }
  }

  // ---- statements ----

  private execTopLevel(body: Stmt[], frame: Frame, hook: NonNullable<Interpreter["topLevel"]>): void {
    for (const s of body) {
      hook.before(s);
      if (s.k !== "expr") this.exec(s, frame);
      else {
        this.step();
        hook.value(s, this.eval(s.value, frame));
      }
    }
  }

  execBlock(body: Stmt[], frame: Frame): Signal {
    for (let i = 0; i < body.length; i++) {
      const signal = this.exec(body[i], frame);
      if (signal !== Signal.Normal) return signal;
    }
    return Signal.Normal;
  }

  exec(s: Stmt, frame: Frame): Signal {
    // between the program's own top-level statements nothing half-evaluated is held: a safe point
    if (this.depth === 0 && frame.vars === this.globals && !this.library) this.reclaimer.maybeReclaim(s.span);
    if (!this.meter.step()) {
      this.setAt(s.span); // where the program was when its budget ran out
      throw this.meter.exhausted();
    }
    switch (s.k) {
      case "expr":
        this.eval(s.value, frame);
        return Signal.Normal;
      case "assign": {
        const value = this.eval(s.value, frame);
        for (let i = 0; i < s.targets.length; i++) assign(this, s.targets[i], value, frame);
        if (s.annotation) annotate(frame, s.annotation);
        return Signal.Normal;
      }
      case "augassign":
        execAugmented(this, s.target, s.op, s.value, s.span, frame);
        return Signal.Normal;
      case "if":
        return this.execBlock(truthy(this, this.eval(s.test, frame)) ? s.body : s.orelse, frame);
      case "while":
        while (truthy(this, this.eval(s.test, frame))) {
          const signal = this.execBlock(s.body, frame);
          if (signal === Signal.Break) return Signal.Normal;
          if (signal === Signal.Return) return signal;
        }
        return this.execBlock(s.orelse, frame);
      case "for":
        return this.execFor(s, frame);
      case "break":
        return Signal.Break;
      case "continue":
        return Signal.Continue;
      case "pass":
        if (s.annotation) annotate(frame, s.annotation);
        return Signal.Normal;
      case "return":
        this.returnValue = s.value ? this.eval(s.value, frame) : null;
        return Signal.Return;
      case "def":
        frame.store(
          s.name,
          this.decorate(s.decorators, this.makeFunction(s.name, s, s.params, frame), frame),
        );
        return Signal.Normal;
      case "class":
        frame.store(s.name, this.decorate(s.decorators, makeClass(this, s, frame), frame));
        return Signal.Normal;
      case "import":
        this.setAt(s.span);
        this.modules.importModule(this, s.module, s.alias, frame);
        return Signal.Normal;
      case "fromImport":
        this.setAt(s.span);
        this.modules.importFrom(this, s.module, s.names, frame, (span) => this.setAt(span), s.level ?? 0);
        return Signal.Normal;
      case "assert":
        if (!truthy(this, this.eval(s.test, frame))) {
          const message = s.message ? str(this, this.eval(s.message, frame)) : "";
          this.setAt(s.span);
          throw new PyError("AssertionError", message);
        }
        return Signal.Normal;
      case "raise":
        throw this.raise(s.exception, s.span, frame, s.cause ?? null);
      case "global":
      case "nonlocal":
        return Signal.Normal;
      case "delete":
        for (const t of s.targets) deleteTarget(this, t, frame);
        return Signal.Normal;
      case "try":
        return execTry(this, s, frame);
      case "with":
        return execWith(this, s, frame);
      case "match":
        return execMatch(this, s, frame);
      case "unsupported":
        this.setAt(s.span);
        throw new UnsupportedError(s.message);
      default:
        // JavaScript's statements (see JsStmt); the Python front end never makes them
        this.setAt(s.span);
        throw new UnsupportedError(`A JavaScript \`${s.k}\` statement is not Python`);
    }
  }

  private execFor(s: Stmt & { k: "for" }, frame: Frame): Signal {
    const iterable = this.eval(s.iter, frame);
    const target = s.target;
    const body = s.body;
    const it = iterable instanceof PyList ? null : getIterator(this, iterable);
    const items = iterable instanceof PyList ? iterable.items : null;
    const held = this.heldByStatements;
    held.push(iterable, it);
    try {
      for (let i = 0; ; i++) {
        let x: PyValue | typeof DONE;
        if (items) x = i < items.length ? items[i] : DONE;
        else x = it!.next();
        if (x === DONE) break;
        assign(this, target, x, frame);
        const signal = this.execBlock(body, frame);
        if (signal === Signal.Break) return Signal.Normal;
        if (signal === Signal.Return) return signal;
      }
    } finally {
      held.length -= 2;
    }
    return this.execBlock(s.orelse, frame);
  }

  /** Applies `@decorators` bottom-up, as Python does. */
  private decorate(decorators: Expr[], value: PyValue, frame: Frame): PyValue {
    let v = value;
    for (let i = decorators.length - 1; i >= 0; i--) {
      const decorator = this.eval(decorators[i], frame);
      this.setAt(decorators[i].span);
      v = this.call(decorator, [v]);
    }
    return v;
  }

  private raise(exception: Expr | null, span: SourceSpan, frame: Frame, causeExpr: Expr | null): PyError {
    if (exception === null) {
      this.setAt(span);
      return this.handling ?? new PyError("RuntimeError", "No active exception to reraise");
    }
    let v = this.eval(exception, frame);
    this.setAt(span);
    if (v instanceof PyClass) v = this.call(v, []);
    if (causeExpr !== null && v instanceof PyInstance) {
      // `raise … from cause`: the cause (an exception, its class, or None) is kept as __cause__
      let cause = this.eval(causeExpr, frame);
      this.setAt(span);
      if (cause instanceof PyClass) cause = this.call(cause, []);
      const isException = (x: PyValue) =>
        x instanceof PyInstance && x.cls.lookup("__exception__") !== undefined;
      if (cause !== null && !isException(cause))
        return typeError("exception causes must derive from BaseException");
      v.attrs.set("__cause__", cause);
      v.attrs.set("__suppress_context__", true);
    }
    return this.errorFor(v);
  }

  /** The error that raising `v` (an exception, or its class) throws. */
  errorFor(v: PyValue): PyError {
    if (v instanceof PyClass) v = this.call(v, []);
    if (v instanceof PyInstance && v.cls.lookup("__exception__") !== undefined) {
      const args = v.attrs.get("args");
      const items = args instanceof PyTuple ? args.items : [];
      const message = items.length === 1 ? str(this, items[0]) : items.length === 0 ? "" : repr(this, args!);
      const err = new PyError(v.cls.name, message);
      err.value = v;
      return err;
    }
    return typeError("exceptions must derive from BaseException");
  }

  loadName(e: NameExpr, frame: Frame): PyValue {
    if (e.occurrence >= 0) {
      this.at = e.span;
      const v = frame.load(e.id);
      if (v instanceof ValueRef) this.occurrenceRows[e.occurrence] = v.row;
      else if (v instanceof PyInstance) {
        if (v.nodeRow >= 0) {
          if (this.ownValues.internalOccurrences[e.occurrence] === 0)
            this.occurrenceRows[e.occurrence] = v.nodeRow;
        } else if (this.nameHook !== null) this.nameHook(v, e.occurrence, null);
      }
      return v;
    }
    // a module of the program's numbers no occurrences, yet a NameError there is located too
    if (!this.library) this.at = e.span;
    return frame.load(e.id);
  }

  storeName(e: NameExpr, value: PyValue, frame: Frame): void {
    const row =
      e.occurrence < 0
        ? -1
        : value instanceof ValueRef
          ? value.row
          : value instanceof PyInstance && this.ownValues.internalOccurrences[e.occurrence] === 0
            ? value.nodeRow
            : -1;
    if (row >= 0) {
      this.occurrenceRows[e.occurrence] = row;
      const names = this.rowNames.get(row);
      if (!names) this.rowNames.set(row, [e.id]);
      else if (!names.includes(e.id)) names.push(e.id);
    } else if (e.occurrence >= 0 && this.nameHook !== null && value instanceof PyInstance)
      this.nameHook(value, e.occurrence, e.id);
    frame.store(e.id, value);
  }

  setAt(span: SourceSpan): void {
    if (!this.library) this.at = span;
  }

  /** Gives the rows made since the last stamp the span of the user-code expression that made them. */
  stampRows(span: SourceSpan | null): void {
    // what an own autograd class's methods make takes the span of the expression that called them
    if (!this.library && !this.ownValues.inside) this.rowSpans.stamp(this.tape.size, span);
  }

  // ---- expressions ----

  eval(e: Expr, frame: Frame): PyValue {
    switch (e.k) {
      case "name":
        return this.loadName(e, frame);
      case "float":
        return e.value;
      case "int":
        return e.big !== null ? new PyInt(e.value, e.big) : int(e.value);
      case "str":
        return e.value;
      case "constant":
        return e.value;
      case "binary": {
        const a = this.eval(e.left, frame);
        const b = this.eval(e.right, frame);
        if (!this.library) this.at = e.span;
        const r = binaryOp(this, e.op, a, b);
        if (this.tape.size > this.rowSpans.stamped) this.stampRows(e.span);
        return r;
      }
      case "unary": {
        const v = this.eval(e.operand, frame);
        if (!this.library) this.at = e.span;
        const r = unaryOp(this, e.op, v);
        if (this.tape.size > this.rowSpans.stamped) this.stampRows(e.span);
        return r;
      }
      case "logical": {
        const a = this.eval(e.left, frame);
        if (e.op === "and" ? !truthy(this, a) : truthy(this, a)) return a;
        return this.eval(e.right, frame);
      }
      case "compare": {
        let left = this.eval(e.operands[0], frame);
        for (let i = 0; i < e.ops.length; i++) {
          const right = this.eval(e.operands[i + 1], frame);
          this.setAt(e.span);
          // the last comparison's own result is the value (a tensor's `x > 0` is a tensor)
          if (i === e.ops.length - 1) return richCompare(this, e.ops[i], left, right);
          if (!compare(this, e.ops[i], left, right)) return false;
          left = right;
        }
        return true;
      }
      case "conditional":
        return truthy(this, this.eval(e.test, frame)) ? this.eval(e.body, frame) : this.eval(e.orelse, frame);
      case "call": {
        const r = this.evalCall(e, frame);
        if (this.tape.size > this.rowSpans.stamped) this.stampRows(e.span);
        return r;
      }
      case "attribute": {
        const obj = this.eval(e.object, frame);
        this.setAt(e.span);
        return getAttribute(this, obj, e.name);
      }
      case "subscript": {
        const obj = this.eval(e.object, frame);
        const index = this.eval(e.index, frame);
        this.setAt(e.span);
        return getItem(this, obj, index);
      }
      case "slice":
        return new PySlice(
          e.lower ? this.eval(e.lower, frame) : null,
          e.upper ? this.eval(e.upper, frame) : null,
          e.step ? this.eval(e.step, frame) : null,
        );
      case "list":
        return new PyList(this.evalItems(e.items, frame));
      case "tuple":
        return new PyTuple(this.evalItems(e.items, frame));
      case "set": {
        const items = this.evalItems(e.items, frame);
        this.setAt(e.span);
        return setOf(items);
      }
      case "dict": {
        const d = new PyDict();
        for (let i = 0; i < e.keys.length; i++) {
          const keyExpr = e.keys[i];
          if (keyExpr === null) {
            const other = this.eval(e.values[i], frame);
            this.setAt(e.values[i].span);
            if (!(other instanceof PyDict)) throw typeError(`'${typeName(other)}' object is not a mapping`);
            other.entries.forEach((entry) => dictSet(d, entry.key, entry.value));
            continue;
          }
          const k = this.eval(keyExpr, frame);
          const v = this.eval(e.values[i], frame);
          this.setAt(keyExpr.span);
          dictSet(d, k, v);
        }
        return d;
      }
      case "ellipsis":
        return Ellipsis;
      case "fstring":
        return evalFormatString(this, e.parts, frame);
      case "comprehension":
        return evalComprehension(this, e, frame);
      case "lambda":
        return this.makeFunction("<lambda>", e.body, e.params, frame);
      case "assignExpr": {
        // the walrus operator: `(n := len(a))` binds n and is its value
        const value = this.eval(e.value, frame);
        assign(this, e.target, value, frame);
        return value;
      }
      case "starred":
        this.setAt(e.span);
        throw new PyError("SyntaxError", "can't use starred expression here");
      case "unsupported":
        this.setAt(e.span);
        throw new UnsupportedError(e.message);
      case "yield":
        // a generator's own statements take their yields (generators.ts); this one is elsewhere
        this.setAt(e.span);
        throw new UnsupportedError(
          "`yield` here is not supported by GradLens: write it as a statement of its own (`yield value`, `x = yield value`)",
        );
      default:
        this.setAt(e.span);
        throw new UnsupportedError(`A JavaScript \`${e.k}\` expression is not Python`);
    }
  }

  evalItems(items: Expr[], frame: Frame): PyValue[] {
    const out: PyValue[] = [];
    for (const item of items) {
      if (item.k === "starred") out.push(...toArray(this, this.eval(item.value, frame)));
      else out.push(this.eval(item, frame));
    }
    return out;
  }

  /** Python's `format(value, spec)`, `__format__` of user classes included. */
  format(v: PyValue, spec: string): string {
    return formatValue(this, v, spec);
  }

  private evalCall(e: Expr & { k: "call" }, frame: Frame): PyValue {
    const fe = e.func;
    const args = this.evalArguments(e, frame);
    // read at once (evaluating `fe` may evaluate other calls' arguments), and let go of
    const kwargs = this.lastKwargs;
    this.lastKwargs = null;
    if (fe.k === "attribute") {
      // obj.method(...) without making a bound-method object on the way
      const obj = this.eval(fe.object, frame);
      const positional = args ?? [];
      if (!this.library) this.at = e.span;
      return callMethod(this, obj, fe.name, positional, kwargs);
    }
    const f = this.eval(fe, frame);
    if (!this.library) this.at = e.span;
    return this.call(f, args ?? [], kwargs);
  }

  /** The keyword arguments `evalArguments` evaluated last (a field, not a result object per call). */
  private lastKwargs: Kwargs = null;

  /** A call's positional arguments (null: none); its keyword arguments are left in `lastKwargs`. */
  private evalArguments(e: Expr & { k: "call" }, frame: Frame): PyValue[] | null {
    // one or two positional arguments (most calls): an array of their size, not one grown by push
    const list = e.args;
    if (list.length === 1 && list[0].kind === "positional") {
      const only = this.eval(list[0].value, frame);
      this.lastKwargs = null; // after the argument: its own calls set it too
      return [only];
    }
    if (list.length === 2 && list[0].kind === "positional" && list[1].kind === "positional") {
      const first = this.eval(list[0].value, frame);
      const second = this.eval(list[1].value, frame);
      this.lastKwargs = null;
      return [first, second];
    }
    let args: PyValue[] | null = null;
    let kwargs: Kwargs = null;
    for (const a of e.args) {
      switch (a.kind) {
        case "positional":
          (args ??= []).push(this.eval(a.value, frame));
          break;
        case "star":
          (args ??= []).push(...toArray(this, this.eval(a.value, frame)));
          break;
        case "keyword":
          (kwargs ??= new Map()).set(a.name!, this.eval(a.value, frame));
          break;
        case "doubleStar": {
          const d = this.eval(a.value, frame);
          this.setAt(a.value.span);
          if (!(d instanceof PyDict))
            throw typeError(`argument after ** must be a mapping, not ${typeName(d)}`);
          for (const { key, value } of d.entries.values()) {
            if (typeof key !== "string") throw typeError("keywords must be strings");
            (kwargs ??= new Map()).set(key, value);
          }
        }
      }
    }
    this.lastKwargs = kwargs;
    return args;
  }

  makeFunction(
    name: string,
    body: FunctionDef | Expr,
    params: FunctionDef["params"],
    frame: Frame,
  ): PyFunction {
    const defaults = params.map((p) => (p.default ? this.eval(p.default, frame) : undefined));
    const qualname =
      frame.kind === "class" ? `${String(frame.vars.get("__qualname__") ?? "")}.${name}` : name;
    return new PyFunction(qualname, params, defaults, body, frame, this.library);
  }
}
