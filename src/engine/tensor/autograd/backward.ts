import type { FloatArray } from "../floatArray";
import { formatSize, sameShape } from "../shapeMath";
import { roundsFloat32 } from "../dtype";
import { Tensor } from "../tensor";
import { runtimeError } from "../tensorError";
import { checkFinite, whileBackward } from "./anomaly";
import type { GradNode } from "./gradNode";
import { withNoGrad } from "./gradMode";

/** What flowed back along one edge `from → to` (operand `operand` of the op that made `to`). */
export interface EdgeGradient {
  /** Ids of the operand's and the result's values (tensor ids at the time of the operation). */
  fromId: number;
  toId: number;
  operand: number;
  /** The operation's rule for this operand, in words. */
  rule: string;
  /** ∂root/∂to · ∂to/∂from, shaped like `from`. */
  contribution: Tensor;
  readonly summary: GradientSummary;
}

export interface GradientSummary {
  norm: number;
  min: number;
  max: number;
  mean: number;
}

/** ∂root/∂x for every tensor reachable from the root, by tensor id, and every edge's contribution. */
export interface RootGradients {
  root: Tensor;
  grads: Map<number, Tensor>;
  edges: EdgeGradient[];
}

export interface BackwardOptions {
  /** `gradient=`: ∂L/∂root, required unless the root has one element. */
  gradient?: Tensor | null;
  retainGraph?: boolean;
  /**
   * Also compute ∂root/∂x and per-edge contributions for every tensor reachable (operands that
   * do not require grad included) in the same pass, for the trace.
   */
  trace?: boolean;
}

let epoch = 0;

/**
 * A value in the graph: the node that made it, or a tensor made directly (a leaf, or a
 * constant operand). Edges come from the operands' identities as the node recorded them.
 */
type Vertex = GradNode | Tensor;

function vertexOf(t: Tensor): Vertex {
  return t.gradFn ?? t;
}

/**
 * The values `root` depends on, operands before results: an iterative depth-first post-order,
 * so a 100,000-deep chain does not overflow the stack. Operands that did not require grad are
 * followed only when `all` (they end the walk anyway: they have no node).
 *
 * A vertex is marked when it is expanded, not when it is pushed: marking at push let a value
 * reached by two paths (x in `x * w + x`) be ordered before a consumer pushed after it, so that
 * consumer's contribution arrived after x had been visited and was lost.
 */
function topologicalOrder(root: Vertex, all: boolean): Vertex[] {
  const stamp = ++epoch;
  const order: Vertex[] = [];
  const stack: Vertex[] = [root];
  const done: boolean[] = [false];
  while (stack.length > 0) {
    const top = stack.length - 1;
    const v = stack[top];
    if (done[top]) {
      stack.pop();
      done.pop();
      order.push(v);
      continue;
    }
    if (v.visitMark === stamp) {
      // pushed twice; the other copy was expanded (and, in a DAG, already finished)
      stack.pop();
      done.pop();
      continue;
    }
    v.visitMark = stamp;
    done[top] = true;
    if (v instanceof Tensor) continue;
    for (let i = v.inputs.length - 1; i >= 0; i--) {
      if (!(all || v.inputRequiresGrad[i])) continue;
      const x = v.inputFns[i] ?? v.inputs[i];
      if (x.visitMark === stamp) continue;
      stack.push(x);
      done.push(false);
    }
  }
  return order;
}

export function summarize(values: FloatArray): GradientSummary {
  let sq = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let nan = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    sq += v * v;
    sum += v;
    if (v !== v) nan = true;
    else {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  const n = values.length;
  return { norm: Math.sqrt(sq), min: nan ? NaN : min, max: nan ? NaN : max, mean: n === 0 ? NaN : sum / n };
}

function addInto(existing: Tensor, extra: Tensor): Tensor {
  const a = existing.values();
  const b = extra.values();
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] + b[i];
  return Tensor.fromValues(out, existing.shape, existing.dtype);
}

/** Adds a gradient into `.grad`, in place when there is one (the `.grad` object stays the same). */
function accumulateGrad(t: Tensor, g: Tensor): void {
  if (t.grad === null) {
    t.grad = Tensor.fromValues(g.copyValues(), t.shape, t.dtype);
    return;
  }
  const target = t.grad;
  const src = g.values();
  if (target.isContiguous() && sameShape(target.shape, t.shape)) {
    const data = target.storage.data;
    for (let i = 0; i < src.length; i++) data[target.offset + i] += src[i];
    if (target.dtype === "float32" && roundsFloat32())
      for (let i = 0; i < src.length; i++) data[target.offset + i] = Math.fround(data[target.offset + i]);
    target.storage.version++;
  } else {
    t.grad = addInto(target, g);
  }
}

/**
 * Walks the graph from `root` in reverse topological order, calling each node's VJP once with
 * the sum of everything that flowed into it. `visit` sees each value's final ∂root/∂value and
 * its id; `onEdge` each contribution. Returns the order walked.
 */
function runPass(
  root: Tensor,
  seed: Tensor,
  all: boolean,
  visit: (v: Vertex, id: number, g: Tensor) => void,
  onEdge: ((node: GradNode, operand: number, c: Tensor) => void) | null,
): Vertex[] {
  const start = vertexOf(root);
  const order = topologicalOrder(start, all);
  const pending = new Map<Vertex, Tensor>();
  const ids = new Map<Vertex, number>([[start, root.id]]);
  pending.set(start, seed);
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i];
    const g = pending.get(v);
    if (g === undefined) continue;
    pending.delete(v);
    visit(v, ids.get(v) ?? (v instanceof Tensor ? v.id : v.outputId), g);
    if (v instanceof Tensor) continue;
    const node = v;
    node.checkSaved();
    const vjp = node.vjp;
    if (vjp === null) continue;
    const needs = node.inputRequiresGrad.map((r) => all || r);
    const results = whileBackward(() => withNoGrad(() => vjp(g, needs)));
    for (let j = 0; j < node.inputs.length; j++) {
      const c = results[j];
      if (!needs[j] || c === null || c === undefined) continue;
      const x = node.inputs[j];
      if (!sameShape(c.shape, x.shape))
        throw runtimeError(
          `internal: ${node.op} returned a gradient of shape ${formatSize(c.shape)} for an operand of shape ${formatSize(x.shape)}`,
        );
      checkFinite(c.values(), "backward", node.op, node.outputId, j);
      onEdge?.(node, j, c);
      const target = node.inputFns[j] ?? x;
      ids.set(target, node.inputIds[j]);
      const prior = pending.get(target);
      pending.set(target, prior === undefined ? c : addInto(prior, c));
    }
  }
  return order;
}

function seedFor(root: Tensor, gradient: Tensor | null | undefined): Tensor {
  if (gradient === null || gradient === undefined) {
    if (root.numel !== 1) throw runtimeError("grad can be implicitly created only for scalar outputs");
    return Tensor.fromValues(new Float64Array([1]), root.shape, root.dtype);
  }
  if (!sameShape(gradient.shape, root.shape))
    throw runtimeError(
      `Mismatch in shape: grad_output[0] has a shape of ${formatSize(gradient.shape)} and output[0] has a shape of ${formatSize(root.shape)}.`,
    );
  return gradient;
}

function freeGraph(order: readonly Vertex[]): void {
  for (const v of order) if (!(v instanceof Tensor)) v.free();
}

/**
 * `root.backward(gradient, retain_graph)`: accumulates into `.grad` of every leaf that requires
 * grad (and of non-leaves that asked with `retain_grad()`). With `trace`, also returns ∂root/∂x
 * for everything reachable and each edge's contribution, computed in the same pass.
 */
export function backward(root: Tensor, options: BackwardOptions = {}): RootGradients | null {
  if (!root.requiresGrad)
    throw runtimeError("element 0 of tensors does not require grad and does not have a grad_fn");
  const seed = seedFor(root, options.gradient);
  const trace = options.trace === true;
  const grads = new Map<number, Tensor>();
  const edges: EdgeGradient[] = [];
  const order = runPass(
    root,
    seed,
    trace,
    (v, id, g) => {
      if (trace) grads.set(id, g);
      if (v instanceof Tensor) {
        if (v.requiresGrad && v.isLeaf) accumulateGrad(v, g);
      } else if (v.retainTarget !== null) accumulateGrad(v.retainTarget, g);
    },
    trace ? (node, operand, c) => edges.push(edgeRecord(node, operand, c)) : null,
  );
  if (options.retainGraph !== true) freeGraph(order);
  return trace ? { root, grads, edges } : null;
}

/**
 * An edge's record. Its summary is computed when first read: a training loop makes a record of
 * every edge at every step, and only the last step's are ever looked at. The contribution is the
 * pass's own tensor, which nothing writes to, so the summary is the same whenever it is taken.
 */
function edgeRecord(node: GradNode, operand: number, c: Tensor): EdgeGradient {
  let summary: GradientSummary | null = null;
  return {
    fromId: node.inputIds[operand],
    toId: node.outputId,
    operand,
    rule: node.rules[operand] ?? "",
    contribution: c,
    get summary() {
      summary ??= summarize(c.values());
      return summary;
    },
  };
}

/**
 * ∂root/∂x for every tensor reachable from `root` and each edge's contribution, without
 * touching `.grad` or freeing anything (the graph's saved values must still be intact).
 */
export function rootGradients(root: Tensor, gradient?: Tensor | null): RootGradients {
  const seed = seedFor(root, gradient);
  const grads = new Map<number, Tensor>();
  const edges: EdgeGradient[] = [];
  runPass(
    root,
    seed,
    true,
    (_v, id, g) => grads.set(id, g),
    (node, operand, c) => edges.push(edgeRecord(node, operand, c)),
  );
  return { root, grads, edges };
}

/**
 * `torch.autograd.grad(output, inputs, grad_outputs)`: the gradients of `output` with respect
 * to `inputs`, without touching `.grad`.
 */
export function grad(
  output: Tensor,
  inputs: readonly Tensor[],
  options: { gradOutput?: Tensor | null; retainGraph?: boolean; allowUnused?: boolean } = {},
): (Tensor | null)[] {
  if (!output.requiresGrad)
    throw runtimeError("element 0 of tensors does not require grad and does not have a grad_fn");
  for (const x of inputs)
    if (!x.requiresGrad) throw runtimeError("One of the differentiated Tensors does not require grad");
  const seed = seedFor(output, options.gradOutput);
  const found = new Map<Vertex, Tensor>();
  const wanted = new Set(inputs.map(vertexOf));
  const order = runPass(output, seed, false, (v, _id, g) => wanted.has(v) && found.set(v, g), null);
  if (options.retainGraph !== true) freeGraph(order);
  return inputs.map((x) => {
    const g = found.get(vertexOf(x));
    if (g !== undefined) return g === seed ? Tensor.fromValues(g.copyValues(), g.shape, g.dtype) : g;
    if (options.allowUnused === true) return null;
    throw runtimeError(
      "One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.",
    );
  });
}
