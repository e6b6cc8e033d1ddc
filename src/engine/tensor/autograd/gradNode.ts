import { runtimeError } from "../tensorError";
import type { Tensor } from "../tensor";
import { checkFinite } from "./anomaly";
import { isGradEnabled } from "./gradMode";

/**
 * The vector–Jacobian product of one operation: given ∂L/∂out (`grad`, shaped like the output)
 * it returns ∂L/∂input for every operand whose `needs` entry is true (null for the others).
 * It runs with recording off and must not write into `grad`.
 */
export type Vjp = (grad: Tensor, needs: readonly boolean[]) => (Tensor | null)[];

/**
 * One recorded operation (`grad_fn`): its symbol, its operands in order, its VJP and the rule
 * in words for each operand. `saved` lists the tensors the VJP reads, with their versions at
 * record time, so an in-place change or a freed graph is reported the way PyTorch does.
 *
 * The operands' autograd identity is snapshotted when the node is made (their grad_fn, whether
 * they required grad, their id): an in-place operation later gives a tensor object a new
 * grad_fn and id, and this node must still lead back to the value it actually used.
 */
/** The empty list a released node holds (shared: never written, as the fields are read-only lists). */
const NONE: readonly never[] = [];

export class GradNode {
  /** Set by the first backward without retain_graph when the node saved tensors. */
  freed = false;
  readonly savedVersions: number[];
  /** Null once freed: dropping the closure releases the values it saved, as PyTorch does. */
  vjp: Vjp | null;
  saved: readonly Tensor[];
  inputFns: readonly (GradNode | null)[];
  readonly inputRequiresGrad: readonly boolean[];
  readonly inputIds: readonly number[];
  /**
   * Writes to the operands' memory when the node was made (which state of a leaf it read:
   * leafMoves.ts); null when no operand is a leaf that requires grad.
   */
  readonly inputWrites: readonly number[] | null;
  /** Id of the tensor this node produced. */
  outputId = 0;
  /** The tensor that asked with retain_grad() to keep this node's gradient in `.grad`. */
  retainTarget: Tensor | null = null;
  /** Scratch stamp for graph traversals. */
  visitMark = 0;

  constructor(
    readonly op: string,
    public inputs: readonly Tensor[],
    vjp: Vjp,
    readonly rules: readonly string[],
    saved: readonly Tensor[],
  ) {
    this.vjp = vjp;
    this.saved = saved;
    // plain loops: a node is made for every operation of every step
    const savedVersions = new Array<number>(saved.length);
    for (let i = 0; i < saved.length; i++) savedVersions[i] = saved[i].version;
    this.savedVersions = savedVersions;
    const n = inputs.length;
    const inputFns = new Array<GradNode | null>(n);
    const inputRequiresGrad = new Array<boolean>(n);
    const inputIds = new Array<number>(n);
    let leafRequiringGrad = false;
    for (let i = 0; i < n; i++) {
      const t = inputs[i];
      inputFns[i] = t.gradFn;
      inputRequiresGrad[i] = t.requiresGrad;
      inputIds[i] = t.id;
      if (t.requiresGrad && t.gradFn === null) leafRequiringGrad = true;
    }
    this.inputFns = inputFns;
    this.inputRequiresGrad = inputRequiresGrad;
    this.inputIds = inputIds;
    this.inputWrites = leafRequiringGrad ? inputs.map((t) => t.storage.memoryVersion) : null;
  }

  /** After a backward without retain_graph: a node that saved values lets them go. */
  free(): void {
    if (this.saved.length === 0) return;
    this.freed = true;
    this.vjp = null;
    this.saved = NONE;
  }

  /**
   * Lets go of the operands and what was saved: the history behind this node ends here (a
   * backward pass stops at it). For values that have no autograd of their own, such as numpy's,
   * whose old steps would otherwise stay chained to the newest.
   */
  releaseInputs(): void {
    this.vjp = null;
    this.saved = NONE;
    this.inputs = NONE;
    this.inputFns = NONE;
  }

  /** Throws PyTorch's errors when the saved values can no longer be trusted. */
  checkSaved(): void {
    if (this.freed)
      throw runtimeError(
        "Trying to backward through the graph a second time (or directly access saved tensors after they " +
          "have already been freed). Saved intermediate values of the graph are freed when you call " +
          ".backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the " +
          "graph a second time or if you need to access saved tensors after calling backward.",
      );
    for (let i = 0; i < this.saved.length; i++) {
      const t = this.saved[i];
      if (t.version !== this.savedVersions[i])
        throw runtimeError(
          "one of the variables needed for gradient computation has been modified by an inplace operation: " +
            `[torch.DoubleTensor [${t.shape.join(", ")}]] is at version ${t.version}; expected version ` +
            `${this.savedVersions[i]} instead.`,
        );
    }
  }
}

let recordOrigins = false;

/**
 * For display only: also remember how tensors that need no gradient were made (`t.origin`),
 * so a forward pass without requires_grad can still be drawn. Autograd ignores these nodes.
 */
export function setRecordOrigins(on: boolean): void {
  recordOrigins = on;
}

/** A value made from a cut-off one is cut off too. */
function inheritedCut(inputs: readonly Tensor[]): Tensor["cut"] {
  for (const t of inputs) if (t.cut !== null) return t.cut;
  return null;
}

/**
 * Attaches a graph node to an operation's fresh result when recording is on and an operand
 * requires grad (PyTorch's rule), and runs the NaN/Inf watch on the result.
 */
export function record(
  out: Tensor,
  op: string,
  inputs: readonly Tensor[],
  vjp: Vjp,
  rules: readonly string[],
  saved: readonly Tensor[] = NONE,
): Tensor {
  checkFinite(out.storage.data, "forward", op, out.id, null);
  let needed = false;
  for (const t of inputs) if (t.requiresGrad) needed = true;
  if (!isGradEnabled()) {
    out.cut = needed ? "no_grad" : inheritedCut(inputs);
    return out;
  }
  if (!needed) {
    out.cut = inheritedCut(inputs);
    if (recordOrigins) {
      out.origin = new GradNode(op, inputs, vjp, rules, NONE);
      out.origin.outputId = out.id;
    }
    return out;
  }
  out.requiresGrad = true;
  out.gradFn = new GradNode(op, inputs, vjp, rules, saved);
  out.gradFn.outputId = out.id;
  return out;
}
