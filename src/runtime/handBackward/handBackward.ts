import * as T from "../../engine/tensor/index";
import type { Tensor } from "../../engine/tensor/index";
import type { SourceSpan } from "../../lang/ir";
import { isOutOfMemory, type CallWatch, type Interpreter } from "../interpreter/interpreter";
import { BudgetError, PyError } from "../interpreter/pyErrors";
import { EngineMemoryError } from "../../engine/memory";
import { PyInstance, type PyFunction, type PyValue } from "../interpreter/objects";
import { NdArray, NpScalar } from "../modules/numpy/ndarray";
import type { NumpyState, WriteRecord } from "../modules/numpy/numpyState";
import { compareGradients, type CheckedClaim } from "./claims";
import { localGradients, type LocalGradients } from "./localVjp";
import { updateStep, type UpdateStep } from "./updateStep";
import { elementwise } from "./elementwise";
import { arrayParameters, attributeName, returnOf, sameShape } from "./programPlaces";

/**
 * Hand-written backward passes of numpy programs, recognised while the program runs (the
 * primer's shape: `gradient = layer.backward(gradient)`, `self.weights -= lr * weights_gradient`)
 * and checked against the chain rule on the same recorded graph:
 * - a layer's `backward(grad_out, …)` pairs with the same object's last `forward(x)`: what it
 *   returns claims ∂loss/∂x, and an update of an array the forward read (`self.weights -= lr *
 *   g`) claims g = ∂loss/∂weights — both checked against the forward's own vector–Jacobian
 *   product with the grad_out the layer received, so a mistake is found in the layer that made
 *   it, not in every layer below;
 * - a loss's `backward`/`*_prime`/`*_derivative` called with the arrays its value was computed
 *   from claims the gradient of that value;
 * - an update outside any layer claims ∂loss/∂p for the step's loss.
 * Each place is checked at its first FIRST_CHECKS claims (a training loop's first step), while
 * that step's graph is there; the rest are counted.
 */

/** How many of a place's claims are checked (the first steps of a loop). */
export const FIRST_CHECKS = 1;
/** At most this many claims are checked in one run. */
const MAX_CLAIMS = 200;

/** After this many claims in a row at places already checked, calls are only counted. */
const SATURATION = 64;

function siteKey(kind: number, where: number, instance: number): number {
  return (where * 100_000 + Math.min(instance, 99_999)) * 4 + kind;
}

/** A name or function that holds or computes the loss. */
export const LOSS_NAME = /(^|_)(loss|cost|error)($|_)/i;
const BACKWARD_METHODS = new Set([
  "backward",
  "backward_pass",
  "backprop",
  "backpropagate",
  // the "from scratch" primers' spelling (`forward_propagation`/`backward_propagation`)
  "backward_propagation",
  "backward_prop",
  "backpropagation",
]);
const FORWARD_METHODS = new Set(["forward", "forward_propagation", "forward_prop", "forward_pass"]);
const DERIVATIVE = /^(.+?)_(prime|derivative|deriv|grad|gradient|backward)$/;

interface ForwardCall {
  inputs: Tensor[];
  inputIds: Set<number>;
  output: Tensor;
}

interface BackwardCall {
  self: PyInstance;
  fn: PyFunction;
  forward: ForwardCall;
  gradOut: Tensor;
  /** The forward's chain rule with grad_out, computed on first need. */
  local: LocalGradients | null | undefined;
  /** The derivatives it called (`tanh_prime`): when one is wrong, so is its result, and that is reported there. */
  called: Set<string>;
}

interface Role {
  short: string;
  method: "forward" | "call" | "backward" | null;
  /** `mse` for `mse_prime`. */
  stem: string | null;
  id: number;
}

/** The token of a loss function's call once only counting goes on (see `saturated`). */
const LOSS_RETURN = { kind: "lossReturn" } as const;
/** The token of a derivative's or a layer's backward call once only counting goes on: what it returns is a gradient. */
const GRADIENT_RETURN = { kind: "gradientReturn" } as const;

type Token =
  | typeof LOSS_RETURN
  | typeof GRADIENT_RETURN
  | { kind: "forward"; self: PyInstance; inputs: Tensor[] }
  | { kind: "backward"; call: BackwardCall }
  | {
      kind: "lossBackward";
      fn: PyFunction;
      forward: ForwardCall;
      args: Tensor[];
      names: (string | null)[];
      at: SourceSpan | null;
    }
  | {
      kind: "prime";
      fn: PyFunction;
      stem: string;
      args: Tensor[];
      names: (string | null)[];
      at: SourceSpan | null;
    }
  | { kind: "plain"; name: string; args: Tensor[] };

export class HandBackward implements CallWatch {
  readonly claims: CheckedClaim[] = [];
  /** How many claims each place made (see CheckedClaim.site). */
  readonly siteCounts = new Map<number, number>();
  private readonly forwards = new WeakMap<PyInstance, ForwardCall>();
  private readonly lastBackward = new WeakMap<PyInstance, BackwardCall>();
  private readonly active: BackwardCall[] = [];
  /** The versions of the arrays the program updates (`p -= lr * g`): its parameters, by tensor id. */
  readonly parameterIds = new Set<number>();
  /** The last pair noteParameter added, and the last ids it added as `after` (all in parameterIds). */
  private readonly lastParameter = [-1, -1];
  private readonly recentParameters = new Array<number>(16).fill(-1);
  private recentNext = 0;
  /** Values summed into in place (`dW += …`): a gradient over several samples, not claimed. */
  private readonly sums = new Set<number>();
  /**
   * What derivatives and layers' backwards returned: gradients, never the loss, even bound to
   * `error` (`error = mse_prime(y, out)`, a 1×1 array in the primers' XOR).
   */
  private readonly gradients = new Set<number>();
  /** Derivative functions found wrong (`tanh_prime`). */
  private readonly wrongDerivatives = new Set<string>();
  /** The last call of each function that returned a one-element value: what `*_prime` pairs with. */
  private readonly scalarCalls = new Map<string, { argIds: number[]; output: Tensor }>();
  /** The last call of each function of one array that returned an array of its shape (`tanh(x)`): an activation. */
  private readonly elementwiseCalls = new Map<string, { argIds: number[]; output: Tensor }>();
  private readonly instanceIds = new WeakMap<PyInstance, number>();
  /**
   * Roles by definition, not by function object: a closure defined in a method (micrograd's
   * `_backward`) is a new function every call, and a map holding each would keep every graph.
   */
  private readonly roles = new Map<PyFunction["body"], Role>();
  private readonly lossNames = new Map<string, boolean>();
  /** Functions whose value is a loss: named so, or paired with their derivative (`mse`). */
  private readonly lossFunctions = new Set<string>();
  /** Claims in a row at places already checked, and whether so many came that only counting goes on. */
  private sinceNew = 0;
  private saturated = false;
  private instances = 0;
  /** The latest loss: a scalar bound to `loss`/`cost`/`error`, returned by such a function, or paired with its derivative. */
  lastLoss: Tensor | null = null;
  private rootCache: { id: number; grads: Map<number, Tensor> } | null = null;

  constructor(
    private readonly s: NumpyState,
    private readonly interp: Interpreter,
  ) {}

  // ---- calls ----

  enter(fn: PyFunction, args: readonly PyValue[]): object | null {
    const role = this.roleOf(fn);
    const first = args[0];
    const self =
      fn.ownerClass !== null && first instanceof PyInstance && !(first instanceof NdArray) ? first : null;
    if (this.saturated) {
      // every place has had its check: only count the claims made at the places checked
      if (self !== null && role.method === "backward") {
        this.count(0, role.id, this.instanceOf(self));
        return GRADIENT_RETURN;
      }
      if (role.stem !== null) {
        this.count(1, role.id, 0);
        return GRADIENT_RETURN;
      }
      // the loss functions still give the latest loss (the trace's root)
      return self === null && this.lossFunctions.has(role.short) ? LOSS_RETURN : null;
    }
    if (self !== null && role.method !== null) {
      // a layer called as a function (`__call__`) is its forward when it has a backward
      if (role.method === "forward" || (role.method === "call" && self.cls.lookup("backward") !== undefined))
        return { kind: "forward", self, inputs: this.arraysOf(args, 1) };
      if (role.method === "backward")
        return this.enterBackward(fn, self, this.arraysOf(args, 1), arrayParameters(fn, args, 1));
    }
    if (role.stem !== null) {
      const arrays = this.arraysOf(args, 0);
      if (arrays.length === 0) return null;
      this.active[this.active.length - 1]?.called.add(fn.name);
      const names = arrayParameters(fn, args, 0);
      return { kind: "prime", fn, stem: role.stem, args: arrays, names, at: this.interp.at };
    }
    if (self !== null) return null;
    const arrays = this.arraysOf(args, 0);
    return arrays.length > 0 ? { kind: "plain", name: role.short, args: arrays } : null;
  }

  /** What a function's name says it is, read once per function. */
  private roleOf(fn: PyFunction): Role {
    let role = this.roles.get(fn.body);
    if (role === undefined) {
      const dot = fn.name.lastIndexOf(".");
      const short = dot < 0 ? fn.name : fn.name.slice(dot + 1);
      const method = FORWARD_METHODS.has(short)
        ? "forward"
        : short === "__call__"
          ? "call"
          : BACKWARD_METHODS.has(short)
            ? "backward"
            : null;
      role = { short, method, stem: DERIVATIVE.exec(short)?.[1] ?? null, id: this.roles.size };
      this.roles.set(fn.body, role);
    }
    return role;
  }

  private enterBackward(
    fn: PyFunction,
    self: PyInstance,
    arrays: Tensor[],
    names: (string | null)[],
  ): Token | null {
    const forward = this.forwards.get(self);
    if (forward === undefined || arrays.length === 0) return null;
    // a loss object: backward(y_pred, y_true) with the arrays its forward read
    if (forward.output.numel === 1 && arrays.every((t) => forward.inputIds.has(t.id)))
      return { kind: "lossBackward", fn, forward, args: arrays, names, at: this.interp.at };
    const gradOut = arrays[0];
    if (!sameShape(gradOut.shape, forward.output.shape)) return null;
    const call: BackwardCall = { self, fn, forward, gradOut, local: undefined, called: new Set() };
    this.active.push(call);
    this.lastBackward.set(self, call);
    return { kind: "backward", call };
  }

  exit(token: object, result: PyValue | undefined): void {
    const t = token as Token;
    if (t.kind === "backward") {
      const i = this.active.lastIndexOf(t.call);
      if (i >= 0) this.active.length = i;
    }
    if (result === undefined) return;
    // not through `checking`: a closure for every call of every function
    try {
      this.returned(t, result);
    } catch (e) {
      rethrowFatal(e);
    }
  }

  private returned(t: Token, result: PyValue): void {
    const out = this.tensorOf(result);
    if (out === null) return;
    if (
      t.kind === "backward" ||
      t.kind === "lossBackward" ||
      t.kind === "prime" ||
      t.kind === "gradientReturn"
    )
      this.noteGradient(out);
    switch (t.kind) {
      case "forward":
        if (out.requiresGrad)
          this.forwards.set(t.self, {
            inputs: t.inputs,
            inputIds: new Set(t.inputs.map((x) => x.id)),
            output: out,
          });
        return;
      case "backward":
        this.layerReturns(t.call, out);
        return;
      case "lossBackward":
        this.lossClaim(t.fn, t.forward.output, t.args, t.names, out, t.at);
        return;
      case "prime": {
        const same = (pair: { argIds: number[] } | undefined) =>
          pair !== undefined &&
          pair.argIds.length === t.args.length &&
          pair.argIds.every((id, k) => id === t.args[k].id);
        const pair = this.scalarCalls.get(t.stem);
        if (same(pair)) {
          this.lossFunctions.add(t.stem);
          this.lossClaim(t.fn, pair!.output, t.args, t.names, out, t.at);
          return;
        }
        // an activation's derivative (`tanh_prime(x)` after `tanh(x)`), when tanh works element by element
        const activation = this.elementwiseCalls.get(t.stem);
        if (same(activation) && elementwise(activation!.output, t.args[0]))
          this.lossClaim(t.fn, activation!.output, t.args, t.names, out, t.at);
        return;
      }
      case "gradientReturn":
        return;
      case "lossReturn":
        if (out.numel === 1 && out.gradFn !== null) this.lastLoss = out;
        return;
      case "plain":
        if (out.gradFn === null) return;
        if (LOSS_NAME.test(t.name) && out.numel === 1) {
          this.scalarCalls.set(t.name, { argIds: t.args.map((x) => x.id), output: out });
          this.lastLoss = out;
          this.lossFunctions.add(t.name);
        } else if (t.args.length === 1 && sameShape(out.shape, t.args[0].shape)) {
          // an activation, even on a 1×1 array (the XOR primer's last tanh): its `*_prime` is
          // its derivative, not a loss's
          this.elementwiseCalls.set(t.name, { argIds: [t.args[0].id], output: out });
        } else if (out.numel === 1) {
          this.scalarCalls.set(t.name, { argIds: t.args.map((x) => x.id), output: out });
        }
        return;
    }
  }

  /** A layer's backward returned `out`: its claim of ∂loss/∂x for the forward's input x. */
  private layerReturns(call: BackwardCall, out: Tensor): void {
    const x = call.forward.inputs[0];
    if (x === undefined || !sameShape(out.shape, x.shape)) return;
    const site = this.site(0, this.roleOf(call.fn).id, this.instanceOf(call.self));
    if (site === null) return;
    const local = this.localOf(call);
    const expected = local?.grads.get(x.id);
    if (local == null || expected === undefined) return;
    this.add(
      {
        kind: "input",
        span: this.spanIn(out, call.fn),
        madeAt: null,
        layer: call.self.cls.name,
        layerObject: call.self,
        method: call.fn.name,
        of: "loss",
        wrt: "input",
        shape: [...out.shape],
        yours: out.copyValues(),
        expected: expected.copyValues(),
        local: true,
        site,
        edges: this.edgesOf(local, x.id),
      },
      call,
    );
  }

  /** `∂f/∂arg`, claimed by f's derivative (or a loss object's backward) for the scalar f computed from `args`. */
  private lossClaim(
    fn: PyFunction,
    loss: Tensor,
    args: Tensor[],
    names: (string | null)[],
    out: Tensor,
    at: SourceSpan | null,
  ): void {
    if (loss.numel === 1) this.lastLoss = loss;
    const candidates = args.filter((a) => sameShape(a.shape, out.shape));
    if (candidates.length === 0) return;
    const site = this.site(1, this.roleOf(fn).id, 0);
    if (site === null) return;
    const local = localGradients(
      loss,
      T.Tensor.fromValues(new Float64Array(loss.numel).fill(1), loss.shape, loss.dtype),
      new Set(args.map((a) => a.id)),
    );
    if (local === null) return;
    const yours = out.copyValues();
    // the argument it is the gradient for: the one it agrees with, else the prediction (made last)
    let chosen: { arg: Tensor; expected: Float64Array } | null = null;
    for (const arg of candidates) {
      const g = local.grads.get(arg.id);
      const expected = g !== undefined ? g.copyValues() : new Float64Array(arg.numel);
      if (compareGradients(yours, expected).agrees) {
        chosen = { arg, expected };
        break;
      }
      if (chosen === null || arg.id > chosen.arg.id) chosen = { arg, expected };
    }
    const dot = fn.name.lastIndexOf(".");
    const stem = DERIVATIVE.exec(fn.name.slice(dot + 1))?.[1] ?? "loss";
    this.add({
      kind: "loss",
      span: this.spanIn(out, fn),
      madeAt: at,
      layer: null,
      layerObject: null,
      method: fn.name,
      of: fn.ownerClass !== null ? "loss" : stem,
      wrt: names[args.indexOf(chosen!.arg)] ?? "its input",
      shape: [...out.shape],
      yours,
      expected: chosen!.expected,
      local: true,
      site,
      edges: [],
    });
  }

  // ---- writes ----

  /** `p -= lr * g` and the like: g is the program's ∂loss/∂p, at the version of p the step read. */
  noteWrite(record: WriteRecord, target: NdArray, operand: Tensor | null): void {
    try {
      this.wrote(record, target, operand);
    } catch (e) {
      rethrowFatal(e);
    }
  }

  private wrote(record: WriteRecord, target: NdArray, operand: Tensor | null): void {
    if (operand === null || (record.op !== "-=" && record.op !== "+=")) return;
    // what the program subtracts from is what it trains (`+=` also sums gradients up: only as an update)
    if (record.op === "-=") this.noteParameter(record.beforeId, record.afterId);
    const step = updateStep(operand, record.op === "-=" ? 1 : -1);
    if (step === null || step.gradient.numel !== target.size) {
      // `dW += x.T @ d`: a gradient summed over samples, whose update claims more than one step's
      this.noteSum(record.afterId);
      return;
    }
    this.noteParameter(record.beforeId, record.afterId);
    if (this.sums.has(step.gradient.id)) return;
    this.claimUpdate(record.beforeId, target.shape, step, record.span, (self) =>
      self !== null ? attributeName(self, target) : null,
    );
  }

  /** `p = p - lr * g` bound to the name p held: the same claim as `p -= lr * g`. */
  private rebinding(value: NdArray, name: string): void {
    const t = this.s.current(value);
    const node = t.gradFn;
    if (node === null || (node.op !== "-" && node.op !== "+") || node.inputs.length !== 2) return;
    const before = node.inputIds[0];
    if (!(this.s.names.get(before)?.includes(name) ?? false)) return;
    const step = updateStep(node.inputs[1], node.op === "-" ? 1 : -1);
    if (step === null || step.gradient.numel !== t.numel || node.inputs[0].numel !== t.numel) return;
    this.noteParameter(before, t.id);
    this.claimUpdate(before, t.shape, step, this.interp.spanOf(t.id) ?? this.interp.at, () => name);
  }

  private claimUpdate(
    beforeId: number,
    shape: readonly number[],
    step: UpdateStep,
    span: SourceSpan | null,
    nameIn: (self: PyInstance | null) => string | null,
  ): void {
    const method = this.interp.currentMethod();
    const self = method !== null && method.self instanceof PyInstance ? method.self : null;
    const call = self !== null ? this.lastBackward.get(self) : undefined;
    const fn = this.interp.currentFunction();
    const site = this.site(2, span?.from ?? 0, self !== null ? this.instanceOf(self) + 1 : 0);
    if (site === null) return;
    let expected: Tensor | undefined;
    let local: LocalGradients | null = null;
    if (call !== undefined) {
      local = this.localOf(call);
      expected = local?.grads.get(beforeId);
    } else {
      expected = this.globalGradient(beforeId);
    }
    if (expected === undefined) return;
    const g = step.gradient;
    const yours = g.copyValues();
    if (step.factor !== 1) for (let i = 0; i < yours.length; i++) yours[i] *= step.factor;
    this.add({
      kind: "update",
      span: step.factor === 1 ? this.spanIn(g, fn) : span,
      madeAt: span,
      layer: call !== undefined ? call.self.cls.name : null,
      layerObject: call !== undefined ? call.self : null,
      method: call !== undefined ? call.fn.name : (fn?.name ?? null),
      of: "loss",
      wrt: nameIn(self) ?? this.s.names.get(beforeId)?.[0] ?? "p",
      shape: [...shape],
      yours,
      expected: expected.copyValues(),
      local: call !== undefined,
      site,
      edges: local !== null ? this.edgesOf(local, beforeId) : [],
    });
  }

  private noteParameter(before: number, after: number): void {
    // an update notes its pair twice (as a parameter, then with its step): a Set's add is not free
    if (before === this.lastParameter[0] && after === this.lastParameter[1]) return;
    if (this.parameterIds.size >= 100_000) return;
    // a step reads the version the last step wrote: `before` is usually a recent `after`
    if (!this.recentParameters.includes(before)) this.parameterIds.add(before);
    this.parameterIds.add(after);
    this.recentParameters[this.recentNext] = after;
    this.recentNext = (this.recentNext + 1) % this.recentParameters.length;
    this.lastParameter[0] = before;
    this.lastParameter[1] = after;
  }

  private noteGradient(t: Tensor): void {
    // only a one-element value is ever taken for the loss (noteName): only those are asked about
    if (t.numel !== 1) return;
    if (this.gradients.size >= 10_000) this.gradients.clear();
    this.gradients.add(t.id);
  }

  private noteSum(id: number): void {
    if (this.sums.size >= 10_000) this.sums.clear();
    this.sums.add(id);
  }

  /** ∂loss/∂x for the latest loss, when its graph reaches x (computed once per loss). */
  private globalGradient(id: number): Tensor | undefined {
    const loss = this.lastLoss;
    if (loss === null) return undefined;
    if (this.rootCache?.id !== loss.id) {
      try {
        this.rootCache = { id: loss.id, grads: T.rootGradients(loss).grads };
      } catch (e) {
        if (!(e instanceof T.TensorError)) throw e;
        this.rootCache = { id: loss.id, grads: new Map() };
      }
    }
    return this.rootCache.grads.get(id);
  }

  // ---- names ----

  /** A scalar bound to `loss`, `cost`, `error` (or `train_loss`…) is the step's loss. */
  noteName(value: PyValue, name: string | null): void {
    if (name === null || !(value instanceof NpScalar || value instanceof NdArray)) return;
    if (value instanceof NdArray) this.rebinding(value, name);
    let loss = this.lossNames.get(name);
    if (loss === undefined) {
      loss = LOSS_NAME.test(name);
      this.lossNames.set(name, loss);
    }
    if (!loss) return;
    const t = this.s.current(value);
    if (t.numel === 1 && t.gradFn !== null && !this.gradients.has(t.id)) this.lastLoss = t;
  }

  // ---- helpers ----

  /**
   * The site's key (the kind of claim, the place — a function, an update's offset — and the
   * layer object) when this claim is among its first FIRST_CHECKS (counted either way), else null.
   */
  private site(kind: number, where: number, instance: number): number | null {
    const key = siteKey(kind, where, instance);
    const n = this.siteCounts.get(key) ?? 0;
    this.siteCounts.set(key, n + 1);
    if (n < FIRST_CHECKS && this.claims.length < MAX_CLAIMS) {
      this.sinceNew = 0;
      return key;
    }
    // a loop long past its first steps: stop recording what would pair claims
    if (++this.sinceNew > SATURATION) this.saturated = true;
    return null;
  }

  /** One more claim at a place already checked. */
  private count(kind: number, where: number, instance: number): void {
    const key = siteKey(kind, where, instance);
    const n = this.siteCounts.get(key);
    if (n !== undefined) this.siteCounts.set(key, n + 1);
  }

  private add(c: Omit<CheckedClaim, "agrees" | "worst" | "index" | "quiet">, call?: BackwardCall): void {
    // a gradient computed in float32 (every number a float32) carries float32's rounding
    const float32 = c.yours.every((v) => Math.fround(v) === v);
    const { agrees, worst } = compareGradients(c.yours, c.expected, float32 ? 1e-4 : 1e-6);
    // a wrong derivative inside a layer's backward explains the layer's wrong result: one warning
    if (!agrees && c.kind === "loss" && c.method !== null) this.wrongDerivatives.add(c.method);
    const quiet = !agrees && call !== undefined && [...call.called].some((f) => this.wrongDerivatives.has(f));
    this.claims.push({ ...c, agrees, worst, quiet, index: (this.siteCounts.get(c.site) ?? 1) - 1 });
  }

  private localOf(call: BackwardCall): LocalGradients | null {
    if (call.local === undefined)
      call.local = localGradients(call.forward.output, call.gradOut, call.forward.inputIds);
    return call.local;
  }

  private edgesOf(local: LocalGradients, id: number): CheckedClaim["edges"] {
    const out: CheckedClaim["edges"] = [];
    for (const use of local.uses.get(id) ?? []) {
      const span = this.interp.spanOf(use.node.outputId);
      if (span !== null) out.push({ span, operand: use.operand });
    }
    return out;
  }

  private instanceOf(self: PyInstance): number {
    let n = this.instanceIds.get(self);
    if (n === undefined) {
      n = this.instances++;
      this.instanceIds.set(self, n);
    }
    return n;
  }

  private arraysOf(args: readonly PyValue[], from: number): Tensor[] {
    const out: Tensor[] = [];
    for (let i = from; i < args.length; i++) {
      const a = args[i];
      if (a instanceof NdArray || a instanceof NpScalar) out.push(this.s.current(a));
    }
    return out;
  }

  private tensorOf(v: PyValue): Tensor | null {
    return v instanceof NdArray || v instanceof NpScalar ? this.s.current(v) : null;
  }

  /**
   * The line inside `fn` that made `t` (the expression that computed the gradient); when it was
   * made elsewhere (a backward that passes its argument through), the function's `return`.
   */
  private spanIn(t: Tensor, fn: PyFunction | null): SourceSpan | null {
    const span = this.interp.spanOf(t.id);
    const body = fn?.body;
    if (body === undefined || body.k !== "def") return span;
    if (span !== null && span.from >= body.span.from && span.to <= body.span.to) return span;
    return returnOf(body.body) ?? body.nameSpan;
  }
}

/**
 * What a check (in the catch around it) may not swallow: one that cannot be made (an
 * operation's rule that refuses, a value it cannot read) is skipped, never the program's
 * failure, but running out of budget or memory still stops it.
 */
function rethrowFatal(e: unknown): void {
  if (
    e instanceof BudgetError ||
    e instanceof EngineMemoryError ||
    e instanceof RangeError ||
    isOutOfMemory(e)
  )
    throw e;
  if (e instanceof PyError && e.pyType === "MemoryError") throw e;
}

const watchers = new WeakMap<Interpreter, HandBackward>();

/** The run's recogniser of hand-written gradients, or null when numpy was never imported. */
export function handBackwardOf(interp: Interpreter): HandBackward | null {
  return watchers.get(interp) ?? null;
}

/** Starts recognising the program's own gradients: told of its calls, its writes into arrays and its names. */
export function watchHandBackward(s: NumpyState, interp: Interpreter): void {
  if (watchers.has(interp)) return;
  const h = new HandBackward(s, interp);
  watchers.set(interp, h);
  interp.callWatch = h;
  s.writeWatch = (record, target, operand) => h.noteWrite(record, target, operand);
  const previous = interp.nameHook;
  interp.nameHook = (value, occurrence, name) => {
    previous?.(value, occurrence, name);
    h.noteName(value, name);
  };
}
