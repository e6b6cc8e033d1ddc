import { meterMemoryWith } from "../../engine/memory";
import type { MemoryBudget } from "../memoryBudget";
import { MicrogradOps } from "../../engine/scalar/microgradOps";
import { RowSpans } from "../rowSpans";
import { recordTensorsOn } from "../../engine/tensor/tensorIds";
import { Tape } from "../../engine/tape";
import type { RootGradients, Tensor as EngineTensor } from "../../engine/tensor/index";
import type { FunctionDef, NameExpr, Program, SourceSpan, Stmt } from "../../lang/ir";
import { makeGradlens, type Gradlens } from "../../library/api";
import { ENGINE } from "../../library/tensor";
import { ROW } from "../../library/value";
import { CallRecorder } from "../interpreter/callRecorder";
import { UnsupportedError } from "../runErrors";
import { StepMeter } from "../stepMeter";
import type { Caller } from "./arrayMethods";
import { bindTarget, boundNames } from "./bind";
import { defineGlobals } from "./builtins";
import { construct, homeClass, initFields, instantiate, noteSuperCall } from "./classes";
import { evalExpression } from "./expressions";
import { importGradlens } from "./gradlensImport";
import { hostCall, hostConstruct } from "./hostBridge";
import { isProgramModule, makeModuleBase } from "./moduleBase";
import { fromHostError } from "./hostErrors";
import { formatLog, inspect } from "./inspect";
import { toStr, truthy } from "./operators";
import { errorName, hasProperty } from "./properties";
import { Scope } from "./scope";
import { stringify } from "./stringify";
import {
  isCallable,
  isHost,
  JsClass,
  JsFunction,
  JsNative,
  JsObject,
  JsRuntimeError,
  JsThrow,
  typeError,
  type JsValue,
} from "./values";

/** How a block of statements ended. */
export const enum Signal {
  Normal = 0,
  Break = 1,
  Continue = 2,
  Return = 3,
}

/**
 * Frames a program may nest before Node's RangeError stops it. Node allows about ten thousand;
 * the run worker's 4 MB stack holds about 1,200 of ours, so 1,000 stops a runaway recursion at
 * the same depth in the editor and the CLI (a smaller host stack may still stop it sooner).
 */
const MAX_DEPTH = 1000;

/**
 * Runs JavaScript (and TypeScript, its types dropped) lowered to the program IR, with
 * JavaScript's semantics: doubles, block scope, closures, classes, JavaScript's errors. The
 * `gradlens` module is the library itself (src/library) bound to this run's tape, so a Value
 * here is the object Node would have; every row it makes is stamped with the span of the
 * expression that made it, as the Python interpreter does, and the trace is built the same way.
 */
export class JsInterpreter implements Caller {
  readonly tape = new Tape();
  readonly ops = new MicrogradOps(this.tape);
  readonly lib: Gradlens;
  readonly globalScope = new Scope(null, true);
  readonly moduleScope = new Scope(this.globalScope, true);
  private readonly out: string[] = [];
  /** The step budget's count (shared with the Python interpreter: stepMeter.ts). */
  private readonly meter: StepMeter;
  private depth = 0;
  at: SourceSpan | null = null;
  returnValue: JsValue = undefined;
  private readonly errorClasses = new Map<string, JsClass>();

  // Trace bookkeeping, as the Python interpreter keeps it.
  private readonly rowSpans = new RowSpans();
  readonly rowNames = new Map<number, string[]>();
  readonly occurrenceRows: Int32Array;
  lastRoot: number | null = null;
  readonly callRecorder = new CallRecorder();
  readonly tensors = {
    held: [] as EngineTensor[],
    spans: new Map<number, SourceSpan | null>(),
    names: new Map<number, string[]>(),
    calls: new Map<number, number | null>(),
    occurrences: new Map<number, number>(),
    lastBackward: null as RootGradients | null,
    lastRootId: null as number | null,
  };

  constructor(
    private readonly program: Program,
    readonly source: string,
    budget: number,
    /** What the program may allocate (see MemoryBudget); null: not counted. */
    readonly memory: MemoryBudget | null = null,
  ) {
    this.meter = new StepMeter(budget, memory);
    this.occurrenceRows = new Int32Array(program.occurrences.length).fill(-1);
    const tape = this.tape;
    tape.ieeeArithmetic = true; // JavaScript's numbers, as the library has them under Node
    this.lib = makeGradlens({
      tape,
      ops: this.ops,
      backward: (row) => {
        tape.backward(row);
        this.lastRoot = row;
      },
      tensorMade: (t) => {
        this.tensors.held.push(t);
        if (!this.tensors.spans.has(t.id)) {
          this.tensors.spans.set(t.id, this.at);
          this.tensors.calls.set(t.id, this.callRecorder.active());
        }
      },
      tensorBackward: (root, grads) => {
        this.tensors.lastBackward = grads;
        this.tensors.lastRootId = root.id;
        // the tensor root is now the run's root; a Value backward() after it takes over again
        this.lastRoot = null;
      },
      traceTensors: true,
    });
    defineGlobals(
      this.globalScope,
      this,
      (args) =>
        this.out.push(
          formatLog(
            args,
            (v) => this.errorText(v),
            (v) => toStr(this, v),
          ) + "\n",
        ),
      (name) => this.errorClass(name),
      (v) => stringify(this, v),
    );
    this.moduleScope.initialize("this", undefined, "const");
  }

  get stdout(): string {
    return this.out.join("");
  }

  run(): void {
    // tensors the program makes are rows of this run's tape, between its Values
    const previousTape = recordTensorsOn(this.tape);
    const previousMeter = meterMemoryWith(this.memory);
    try {
      this.execBlock(this.program.body, this.moduleScope);
    } catch (e) {
      throw this.locate(e);
    } finally {
      meterMemoryWith(previousMeter);
      recordTensorsOn(previousTape);
      this.stampRows(this.at);
    }
  }

  /** The span of the expression that made a row (null for rows made before any user code ran). */
  spanOf(row: number): SourceSpan | null {
    return this.rowSpans.spanOf(row);
  }

  /**
   * Locates what escaped the program. A host error that did not come through hostOp is the
   * interpreter's own bug: it stays as it is and ends the run as an internal diagnostic, except a
   * host stack overflow, which is the program's deep recursion as Node would report it.
   */
  private locate(e: unknown): unknown {
    if (e instanceof JsThrow || e instanceof JsRuntimeError) {
      e.span ??= this.at;
      return e;
    }
    if (e instanceof UnsupportedError) e.span ??= this.at;
    const overflow = stackOverflow(e);
    if (overflow !== null) overflow.span = this.at;
    return overflow ?? e;
  }

  /** An error the engine or the library raised, as the JavaScript error Node would show. */
  private fromHostError(e: unknown): JsRuntimeError | UnsupportedError | null {
    const converted = fromHostError(e);
    if (converted instanceof UnsupportedError) converted.span = this.at;
    return converted;
  }

  /** `Name: message` for an Error object, or null for anything else. */
  errorText(v: JsObject): string | null {
    const name = errorName(v);
    if (name === null) return null;
    const shownName = v.props.has("name") ? toStr(this, v.props.get("name")) : name;
    const message = v.props.has("message") ? toStr(this, v.props.get("message")) : "";
    return message === "" ? shownName : `${shownName}: ${message}`;
  }

  private errorClass(name: string): JsClass {
    let cls = this.errorClasses.get(name);
    if (!cls) {
      const base = name === "Error" ? null : this.errorClass("Error");
      cls = new JsClass(
        name,
        { name, nameSpan: null, base: null, ctor: null, members: [] },
        base,
        this.globalScope,
        true,
      );
      this.errorClasses.set(name, cls);
    }
    return cls;
  }

  /** The program's Error object for a runtime error (when the program catches it). */
  errorObject(e: JsRuntimeError): JsObject {
    const obj = new JsObject(this.errorClass(e.jsType));
    obj.props.set("message", e.message);
    return obj;
  }

  // ---- budgets and trace ----

  step(): void {
    if (!this.meter.step()) throw this.meter.exhausted();
  }

  setAt(span: SourceSpan): void {
    this.at = span;
  }

  /** Gives the rows made since the last stamp the span of the expression that made them. */
  stampRows(span: SourceSpan | null): void {
    this.rowSpans.stamp(this.tape.size, span);
  }

  get unstamped(): boolean {
    return this.tape.size > this.rowSpans.stamped;
  }

  /** Notes which Value or tensor a name occurrence stood for (the trace's occurrences). */
  private noteOccurrence(e: NameExpr, v: JsValue, store: boolean): void {
    if (e.occurrence < 0 || v === null || typeof v !== "object") return;
    const row = (v as { [ROW]?: number })[ROW];
    if (row !== undefined) {
      this.occurrenceRows[e.occurrence] = row;
      if (!store) return;
      const names = this.rowNames.get(row);
      if (!names) this.rowNames.set(row, [e.id]);
      else if (!names.includes(e.id)) names.push(e.id);
      return;
    }
    const t = (v as { [ENGINE]?: EngineTensor })[ENGINE];
    if (t === undefined) return;
    this.tensors.occurrences.set(e.occurrence, t.id);
    if (!store) return;
    const names = this.tensors.names.get(t.id);
    if (!names) this.tensors.names.set(t.id, [e.id]);
    else if (!names.includes(e.id)) names.push(e.id);
  }

  loadName(e: NameExpr, scope: Scope): JsValue {
    this.at = e.span;
    const v = scope.load(e.id);
    this.noteOccurrence(e, v, false);
    return v;
  }

  storeName(e: NameExpr, value: JsValue, scope: Scope, kind: "let" | "const" | "var" | "param" | null): void {
    this.at = e.span;
    if (kind === null) scope.store(e.id, value);
    else if (kind === "var") scope.functionScope().initialize(e.id, value, "var");
    else scope.initialize(e.id, value, kind);
    this.noteOccurrence(e, value, true);
  }

  // ---- Caller ----

  iterate(v: JsValue): JsValue[] {
    if (Array.isArray(v)) return [...v];
    if (typeof v === "string") return [...v];
    throw typeError(`${v instanceof JsObject ? "object" : toStr(this, v)} is not iterable`);
  }

  userConversion(v: JsObject, name: "toString" | "valueOf"): JsValue | undefined {
    // an own property shadows the class's method; what is not callable is skipped, as ToPrimitive does
    const m = v.props.has(name) ? v.props.get(name) : v.cls?.findMethod(name);
    if (!isCallable(m) && !(isHost(m) && typeof m === "function")) return undefined;
    return this.call(m, v, []);
  }

  private moduleBaseClass: JsClass | null = null;

  /** The base class of a program's `class … extends nn.Module` (see moduleBase.ts). */
  moduleBase(): JsClass {
    return (this.moduleBaseClass ??= makeModuleBase(this, this.globalScope));
  }

  instanceOf(v: JsValue, cls: JsValue): boolean {
    if (cls === this.lib.nn.Module && isProgramModule(v, this.moduleBaseClass)) return true;
    if (cls instanceof JsClass) return v instanceof JsObject && v.cls !== null && v.cls.isSubclassOf(cls);
    if (isHost(cls) && typeof cls === "function") return isHost(v) && v instanceof (cls as new () => unknown);
    if (cls instanceof JsNative && cls.name === "Array") return Array.isArray(v);
    throw typeError("Right-hand side of 'instanceof' is not callable");
  }

  hasProperty(obj: JsValue, key: string): boolean {
    return hasProperty(this, obj, key);
  }

  /** A property key from any value (`a[1]` is `a["1"]`). */
  propertyKey(v: JsValue): string {
    return typeof v === "number" ? String(v) : toStr(this, v);
  }

  call(fn: JsValue, self: JsValue, args: JsValue[]): JsValue {
    if (fn instanceof JsFunction) return this.callFunction(fn, self, args);
    if (fn instanceof JsNative) return fn.call(self, args);
    if (fn instanceof JsClass)
      throw typeError(`Class constructor ${fn.name} cannot be invoked without 'new'`);
    if (isHost(fn) && typeof fn === "function") return this.hostOp(() => hostCall(fn as object, self, args));
    throw typeError(`${inspect(fn, (v) => this.errorText(v))} is not a function`);
  }

  /** A call into the library: its errors become the program's errors. */
  hostOp(f: () => JsValue): JsValue {
    try {
      return f();
    } catch (e) {
      throw this.fromHostError(e) ?? e;
    }
  }

  construct(callee: JsValue, args: JsValue[], calleeText: string): JsValue {
    if (callee instanceof JsClass) return instantiate(this, callee, args);
    if (callee instanceof JsNative && callee.construct) return callee.construct(args);
    if (callee instanceof JsFunction && !callee.arrow) {
      const obj = new JsObject();
      this.callFunction(callee, obj, args);
      return obj;
    }
    if (isHost(callee) && typeof callee === "function")
      return this.hostOp(() => hostConstruct(callee as object, args));
    throw typeError(`${calleeText} is not a constructor`);
  }

  /** `super(...)` in a constructor: the base class's constructor, then this class's fields. */
  superCall(scope: Scope, args: JsValue[]): void {
    const home = homeClass(scope);
    const self = scope.load("this") as JsObject;
    if (home === null || home.base === null)
      throw new JsRuntimeError("SyntaxError", "'super' keyword unexpected here");
    construct(this, home.base, self, args);
    noteSuperCall(self);
    initFields(this, home, self);
  }

  callFunction(fn: JsFunction, self: JsValue, args: JsValue[]): JsValue {
    this.step();
    if (this.depth >= MAX_DEPTH) throw new JsRuntimeError("RangeError", "Maximum call stack size exceeded");
    const scope = new Scope(fn.scope, true);
    if (!fn.arrow) {
      scope.initialize("this", self, "const");
      // every non-arrow function has its own home: an object literal's method has none (null)
      scope.initialize("%home", fn.home, "const");
    }
    const def = fn.def;
    this.bindParams(def, args, scope);
    const instanceClass = self instanceof JsObject && self.cls !== null ? self.cls.name : null;
    const name = fn.home && fn.name ? `${fn.home.name}.${fn.name}` : fn.name || "<anonymous>";
    const call = this.callRecorder.enter(
      name,
      undefined,
      this.at,
      this.tape.size,
      instanceClass !== null ? { key: self as object, className: instanceClass } : undefined,
    );
    this.depth++;
    const savedAt = this.at;
    try {
      this.returnValue = undefined;
      const signal = this.execBlock(def.body, scope);
      const r = signal === Signal.Return ? this.returnValue : undefined;
      this.returnValue = undefined;
      this.at = savedAt;
      return r;
    } catch (e) {
      // an error is located where it was raised, before the frames it leaves move `at`
      if (
        (e instanceof JsRuntimeError || e instanceof JsThrow || e instanceof UnsupportedError) &&
        e.span === null
      )
        e.span = this.at;
      throw e;
    } finally {
      this.depth--;
      this.callRecorder.exit(call, this.tape.size);
    }
  }

  private bindParams(def: FunctionDef, args: JsValue[], scope: Scope): void {
    const params = def.params;
    for (let i = 0; i < params.length; i++) {
      const p = params[i];
      let v: JsValue = p.kind === "star" ? args.slice(i) : args[i];
      if (v === undefined && p.default !== null) v = this.eval(p.default, scope);
      if (p.pattern !== undefined) bindTarget(this, p.pattern, v, scope, "let");
      else scope.initialize(p.name, v, "param");
    }
  }

  // ---- statements ----

  /** Declares a block's functions (initialised: they can be called before their line) and its let/const/class names. */
  private hoist(body: Stmt[], scope: Scope): void {
    for (const s of body) {
      if (s.k === "def") scope.initialize(s.name, this.makeFunction(s, scope, false, s.name), "let");
      else if (s.k === "declare")
        for (const d of s.declarations)
          for (const name of boundNames(d.target))
            if (s.kind === "var") scope.functionScope().declare(name, "var");
            else scope.declare(name, s.kind);
    }
  }

  makeFunction(def: FunctionDef, scope: Scope, arrow: boolean, name: string): JsFunction {
    return new JsFunction(def, scope, arrow, null, name);
  }

  execBlock(body: Stmt[], scope: Scope): Signal {
    this.hoist(body, scope);
    for (let i = 0; i < body.length; i++) {
      const signal = this.exec(body[i], scope);
      if (signal !== Signal.Normal) return signal;
    }
    return Signal.Normal;
  }

  private loopBody(body: Stmt[], scope: Scope): Signal {
    const signal = this.execBlock(body, scope);
    return signal === Signal.Continue ? Signal.Normal : signal;
  }

  private exec(s: Stmt, scope: Scope): Signal {
    this.step();
    switch (s.k) {
      case "expr":
        this.eval(s.value, scope);
        return Signal.Normal;
      case "declare":
        for (const d of s.declarations) {
          const init = d.init;
          let value: JsValue;
          if (init === null) value = undefined;
          else if (d.target.k === "name" && (init.k === "function" || init.k === "classExpr"))
            value = this.evalNamed(init, scope, d.target.id);
          else value = this.eval(init, scope);
          bindTarget(this, d.target, value, scope, s.kind);
        }
        return Signal.Normal;
      case "block":
        return this.execBlock(s.body, new Scope(scope, false));
      case "if":
        return this.execBlock(truthy(this.eval(s.test, scope)) ? s.body : s.orelse, scope);
      case "while":
        while (truthy(this.eval(s.test, scope))) {
          const signal = this.loopBody(s.body, scope);
          if (signal === Signal.Break) break;
          if (signal === Signal.Return) return signal;
        }
        return Signal.Normal;
      case "doWhile":
        do {
          const signal = this.loopBody(s.body, scope);
          if (signal === Signal.Break) break;
          if (signal === Signal.Return) return signal;
        } while (truthy(this.eval(s.test, scope)));
        return Signal.Normal;
      case "cfor":
        return this.execCFor(s, scope);
      case "switch":
        return this.execSwitch(s, scope);
      case "forOf": {
        const items = this.iterateAt(this.eval(s.iter, scope), s.iter.span);
        for (const x of items) {
          const iterScope = new Scope(scope, false);
          bindTarget(this, s.target, x, iterScope, s.kind === "var" ? "var" : s.kind);
          const signal = this.loopBody(s.body, iterScope);
          if (signal === Signal.Break) break;
          if (signal === Signal.Return) return signal;
          this.step();
        }
        return Signal.Normal;
      }
      case "break":
        return Signal.Break;
      case "continue":
        return Signal.Continue;
      case "pass":
      case "def":
        return Signal.Normal;
      case "return":
        this.returnValue = s.value ? this.eval(s.value, scope) : undefined;
        return Signal.Return;
      case "throw": {
        const v = this.eval(s.value, scope);
        this.at = s.span;
        const t = new JsThrow(v);
        (t as { span?: SourceSpan }).span = s.span;
        throw t;
      }
      case "try":
        return this.execTry(s, scope);
      case "import":
      case "fromImport":
        this.at = s.span;
        importGradlens(this, s, scope);
        return Signal.Normal;
      case "unsupported":
        this.at = s.span;
        throw new UnsupportedError(s.message);
      default:
        this.at = s.span;
        throw new UnsupportedError(`A Python \`${s.k}\` statement is not JavaScript`);
    }
  }

  private iterateAt(v: JsValue, span: SourceSpan): JsValue[] {
    this.at = span;
    return this.iterate(v);
  }

  private execCFor(s: Stmt & { k: "cfor" }, scope: Scope): Signal {
    let iter = new Scope(scope, false);
    const perIteration: string[] = [];
    if (s.init !== null) {
      if (s.init.k === "declare" && s.init.kind !== "var")
        for (const d of s.init.declarations) perIteration.push(...boundNames(d.target));
      this.execBlock([s.init], iter);
    }
    const kind = s.init?.k === "declare" && s.init.kind === "const" ? "const" : "let";
    for (;;) {
      if (s.test !== null && !truthy(this.eval(s.test, iter))) break;
      const signal = this.loopBody(s.body, iter);
      if (signal === Signal.Break) break;
      if (signal === Signal.Return) return signal;
      // each iteration has its own `let` bindings, so closures made in the body keep theirs
      if (perIteration.length > 0) {
        const next = new Scope(scope, false);
        for (const name of perIteration) next.initialize(name, iter.load(name), kind);
        iter = next;
      }
      if (s.update !== null) this.eval(s.update, iter);
      this.step();
    }
    return Signal.Normal;
  }

  private execSwitch(s: Stmt & { k: "switch" }, scope: Scope): Signal {
    const value = this.eval(s.value, scope);
    const body = new Scope(scope, false);
    let start = -1;
    for (let i = 0; i < s.cases.length && start < 0; i++) {
      const test = s.cases[i].test;
      if (test !== null && this.eval(test, body) === value) start = i;
    }
    if (start < 0) start = s.cases.findIndex((c) => c.test === null);
    if (start < 0) return Signal.Normal;
    // the cases share one block, and run on into the next until a `break`
    const statements = s.cases.slice(start).flatMap((c) => c.body);
    const signal = this.execBlock(statements, body);
    return signal === Signal.Break ? Signal.Normal : signal;
  }

  private execTry(s: Stmt & { k: "try" }, scope: Scope): Signal {
    let signal = Signal.Normal;
    let pending: { error: unknown } | null = null;
    try {
      signal = this.execBlock(s.body, scope);
    } catch (e) {
      const handler = s.handlers[0];
      if (!handler || !catchable(e)) pending = { error: e };
      else {
        const value = this.caught(e);
        const catchScope = new Scope(scope, false);
        if (handler.name !== null) catchScope.initialize(handler.name, value, "let");
        try {
          signal = this.execBlock(handler.body, catchScope);
        } catch (e2) {
          pending = { error: e2 };
        }
      }
    }
    if (s.finally.length > 0) {
      // a budget, unsupported or internal stop ends the run: no `finally` may cancel it
      if (pending !== null && !catchable(pending.error)) throw pending.error;
      const saved = this.returnValue;
      const f = this.execBlock(s.finally, scope);
      // a `return`, `break` or `continue` in `finally` wins over the try's own ending, even a throw
      if (f !== Signal.Normal) return f;
      this.returnValue = saved;
    }
    if (pending !== null) throw pending.error;
    return signal;
  }

  /** What `catch (e)` binds for a catchable exception (see `catchable`). */
  private caught(e: unknown): JsValue {
    if (e instanceof JsThrow) return e.value;
    if (e instanceof JsRuntimeError) return this.errorObject(e);
    return this.errorObject(stackOverflow(e)!);
  }

  // ---- expressions ----

  eval(e: Parameters<typeof evalExpression>[1], scope: Scope): JsValue {
    return evalExpression(this, e, scope);
  }

  /** A function or class expression bound to a name (`const f = () => …` is named f). */
  private evalNamed(e: Parameters<typeof evalExpression>[1], scope: Scope, name: string): JsValue {
    return evalExpression(this, e, scope, name);
  }

  /** The text of an expression, for messages (`a.foo is not a function`). */
  textOf(span: SourceSpan): string {
    return this.source.slice(span.from, span.to);
  }
}

/**
 * Whether `catch` sees an exception: a throw or a JavaScript error, not a budget or unsupported
 * stop, nor a host error (the library's errors were made JavaScript errors in hostOp; any other
 * is the interpreter's own bug and ends the run).
 */
function catchable(e: unknown): boolean {
  return e instanceof JsThrow || e instanceof JsRuntimeError || stackOverflow(e) !== null;
}

/** The host's stack overflow (deep recursion in the program) as Node's RangeError, or null. */
function stackOverflow(e: unknown): JsRuntimeError | null {
  if (e instanceof RangeError && /call stack/i.test(e.message))
    return new JsRuntimeError("RangeError", "Maximum call stack size exceeded");
  return null;
}
