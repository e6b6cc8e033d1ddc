import type { RootGradients, Tensor } from "../../engine/tensor/index";
import type { SourceSpan } from "../../lang/ir";
import type { Interpreter } from "../interpreter/interpreter";
import { FULL_TENSOR_NUMBERS } from "../../trace/tensorValuesToTrace";
import { PyInstance, type PyClass, type PyModule, type PyValue } from "../interpreter/objects";

/**
 * A torch tensor as a Python object: an instance of `torch.Tensor` (or `nn.Parameter`) that
 * holds the engine's tensor. Being a PyInstance, it takes part in the interpreter's operator,
 * item, iteration and repr dispatch through the dunders of its class, like a user class.
 */
export class TensorObject extends PyInstance {
  constructor(
    cls: PyClass,
    readonly tensor: Tensor,
  ) {
    super(cls);
  }
}

/**
 * What one run knows about torch: its classes and modules (made once per run), one Python
 * object per engine tensor (so `p.grad is p.grad`), and for the trace every tensor the program
 * got hold of, the span that made each value, the names it was bound to and the gradients of
 * the last `backward()`.
 */
export class TorchState {
  tensorClass!: PyClass;
  parameterClass!: PyClass;
  readonly modules = new Map<string, PyModule>();
  private readonly wrappers = new WeakMap<Tensor, TensorObject>();
  /**
   * The tensors handed to the program, in order: the trace walks their graphs. A long loop keeps
   * the last HELD_TENSORS of them (and what names and the last backward still use), so the
   * values of old iterations are let go as CPython lets them go.
   */
  held: Tensor[] = [];
  /** Elements of the tensors pushed on `held` since old ones were last let go. */
  private heldNumbers = 0;
  /** The user-code span that made each value, by tensor id (an in-place op makes a new id). */
  readonly spans = new Map<number, SourceSpan | null>();
  readonly names = new Map<number, string[]>();
  /** The innermost call (CallRecorder id) that made each value, by tensor id. */
  readonly calls = new Map<number, number | null>();
  /** Name occurrence → tensor id it stood for. */
  readonly occurrences = new Map<number, number>();
  lastBackward: RootGradients | null = null;
  /** Tensor id of the last backward's root (the root tensor may move to a new id later). */
  lastRootId: number | null = null;

  constructor(readonly interp: Interpreter) {}

  /** The Python object for an engine tensor, noting the span of a value seen for the first time. */
  wrap(t: Tensor, cls: PyClass = this.tensorClass): TensorObject {
    let obj = this.wrappers.get(t);
    if (obj === undefined) {
      obj = new TensorObject(cls, t);
      this.wrappers.set(t, obj);
      // A large tensor that needs no gradient is not held: the trace's graph is the tensors that
      // require grad and what their grad_fn reaches, so holding it would only keep what CPython
      // has freed (a no_grad pass over a whole data set, the lecture's hand-written backward).
      if (t.requiresGrad || t.numel < LOOSE_TENSOR_NUMBERS) {
        if (this.held.length >= 2 * HELD_TENSORS || this.heldNumbers >= LET_GO_AT_NUMBERS)
          this.letGoOfOldTensors();
        this.held.push(t);
        this.heldNumbers += t.numel;
      }
    }
    if (!this.spans.has(t.id)) {
      this.spans.set(t.id, this.interp.at);
      this.calls.set(t.id, this.interp.callRecorder.active());
    }
    return obj;
  }

  /**
   * Keeps the newest HELD_TENSORS tensors, the ones a name occurrence stands for and the last
   * backward's root; forgets spans, names and calls of values no kept tensor's graph reaches.
   * Of big tensors it keeps fewer: only as many of the newest as it takes for those that
   * require grad to hold more than FULL_TENSOR_NUMBERS elements. Past that the trace keeps only
   * the last backward's graph and the named values with their operands (tensorValuesToTrace.ts),
   * which the kept ones still reach — so the trace is the same — and a loop over a few thousand
   * elements does not carry hundreds of steps of dead storage (V8's collections grew with it).
   */
  private letGoOfOldTensors(): void {
    const keepIds = new Set<number>(this.occurrences.values());
    if (this.lastRootId !== null) keepIds.add(this.lastRootId);
    let cut = this.held.length;
    let gradNumbers = 0;
    while (cut > 0 && this.held.length - cut < HELD_TENSORS && gradNumbers <= FULL_TENSOR_NUMBERS) {
      cut--;
      if (this.held[cut].requiresGrad) gradNumbers += this.held[cut].numel;
    }
    this.held = [...this.held.slice(0, cut).filter((t) => keepIds.has(t.id)), ...this.held.slice(cut)];
    this.heldNumbers = 0;
    const reached = new Set<number>();
    const seen = new Set<Tensor>();
    const stack = [...this.held];
    while (stack.length > 0) {
      const t = stack.pop()!;
      if (seen.has(t)) continue;
      seen.add(t);
      reached.add(t.id);
      const node = t.gradFn;
      if (node === null) continue;
      for (const id of node.inputIds) reached.add(id);
      stack.push(...node.inputs);
    }
    for (const map of [this.spans, this.names, this.calls])
      for (const id of map.keys()) if (!reached.has(id) && !keepIds.has(id)) map.delete(id);
  }

  /** Renumbers the calls that made values after the run's calls were compacted (`moved[call]`: its new number). */
  moveCalls(moved: Int32Array): void {
    for (const [id, call] of this.calls)
      if (call !== null && call < moved.length) this.calls.set(id, moved[call] >= 0 ? moved[call] : null);
  }

  /** Called by the interpreter for every name load and store of an object (see Interpreter.nameHook). */
  noteName(value: PyValue, occurrence: number, name: string | null): void {
    if (!(value instanceof TensorObject)) return;
    const id = value.tensor.id;
    this.occurrences.set(occurrence, id);
    if (name === null) return;
    const names = this.names.get(id);
    if (!names) this.names.set(id, [name]);
    else if (!names.includes(name)) names.push(name);
  }

  /**
   * The gradients of the last tensor `backward()`, unless a micrograd `backward()` ran after it
   * (a tensor backward clears the interpreter's scalar root).
   */
  activeBackward(): RootGradients | null {
    return this.interp.lastRoot === null ? this.lastBackward : null;
  }
}

/** How many of the newest tensors a run holds for its trace at least (see TorchState.held). */
export const HELD_TENSORS = 4096;

/** Elements of newly held tensors at which old ones are let go (a few MB; see letGoOfOldTensors). */
const LET_GO_AT_NUMBERS = 4 * FULL_TENSOR_NUMBERS;

/** A tensor that needs no gradient and has this many elements or more is not held for the trace. */
const LOOSE_TENSOR_NUMBERS = 1024;

/** The graph nodes of custom `autograd.Function`s (their grad_fn prints with its module path). */
export const customFunctionNodes = new WeakSet<object>();

const states = new WeakMap<Interpreter, TorchState>();

export function torchStateOf(interp: Interpreter): TorchState | null {
  return states.get(interp) ?? null;
}

export function attachTorchState(interp: Interpreter, state: TorchState): void {
  states.set(interp, state);
}
