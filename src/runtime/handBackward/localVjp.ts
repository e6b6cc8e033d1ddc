import * as T from "../../engine/tensor/index";
import type { Tensor } from "../../engine/tensor/index";
import type { GradNode } from "../../engine/tensor/autograd/gradNode";

/**
 * The chain rule over one piece of a recorded graph: given ∂L/∂out for a value `out` (a layer's
 * forward output, a loss), ∂L/∂x for every value between it and the `stops` (the forward's
 * inputs), by each operation's own vector–Jacobian product. Like the engine's backward pass,
 * but it neither touches `.grad` nor walks past the stops into the layers below, and it gives
 * up (null) on a graph too large or no longer intact rather than failing the run.
 */

/** A graph past this many operations is not walked (a layer of a lesson's network has a few). */
const MAX_VERTICES = 50_000;

type Vertex = GradNode | Tensor;

/** Where an operation read a value: its node and the operand position (for marking the edge). */
export interface Use {
  node: GradNode;
  operand: number;
}

export interface LocalGradients {
  /** ∂L/∂x by tensor id, for every value the walk reached. */
  grads: Map<number, Tensor>;
  /** The operations that read each value (by id), within the walked piece. */
  uses: Map<number, Use[]>;
}

export function localGradients(out: Tensor, seed: Tensor, stops: ReadonlySet<number>): LocalGradients | null {
  const start: Vertex = out.gradFn ?? out;
  const order = postOrder(start, stops);
  if (order === null) return null;
  const pending = new Map<Vertex, Tensor>([[start, seed]]);
  const ids = new Map<Vertex, number>([[start, out.id]]);
  const grads = new Map<number, Tensor>();
  const uses = new Map<number, Use[]>();
  try {
    for (let i = order.length - 1; i >= 0; i--) {
      const v = order[i];
      const g = pending.get(v);
      if (g === undefined) continue;
      pending.delete(v);
      const id = ids.get(v) ?? (v instanceof T.Tensor ? v.id : v.outputId);
      grads.set(id, g);
      if (v instanceof T.Tensor || stops.has(id)) continue;
      v.checkSaved();
      const vjp = v.vjp;
      if (vjp === null) return null;
      const needs = v.inputs.map(() => true);
      const results = T.withNoGrad(() => vjp(g, needs));
      for (let j = 0; j < v.inputs.length; j++) {
        const c = results[j];
        const inputId = v.inputIds[j];
        const list = uses.get(inputId);
        if (list === undefined) uses.set(inputId, [{ node: v, operand: j }]);
        else list.push({ node: v, operand: j });
        if (c === null || c === undefined) continue;
        const target = v.inputFns[j] ?? v.inputs[j];
        ids.set(target, inputId);
        const prior = pending.get(target);
        pending.set(target, prior === undefined ? c : added(prior, c));
      }
    }
  } catch (e) {
    // a graph freed or changed under it, or an operation's rule that refuses: no local answer
    if (e instanceof T.TensorError) return null;
    throw e;
  }
  return { grads, uses };
}

/**
 * Operands before results, from `start` down to the stops (not past them): an iterative
 * depth-first post-order that marks a value when it is expanded (not when pushed), so a value
 * reached by two paths comes before both of its consumers. Null past MAX_VERTICES.
 */
function postOrder(start: Vertex, stops: ReadonlySet<number>): Vertex[] | null {
  const order: Vertex[] = [];
  const expanded = new Set<Vertex>();
  const stack: Vertex[] = [start];
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
    if (expanded.has(v)) {
      stack.pop();
      done.pop();
      continue;
    }
    if (expanded.size >= MAX_VERTICES) return null;
    expanded.add(v);
    done[top] = true;
    if (v instanceof T.Tensor || stops.has(v.outputId)) continue;
    for (let j = v.inputs.length - 1; j >= 0; j--) {
      const x: Vertex = v.inputFns[j] ?? v.inputs[j];
      if (expanded.has(x)) continue;
      stack.push(x);
      done.push(false);
    }
  }
  return order;
}

function added(a: Tensor, b: Tensor): Tensor {
  const x = a.values();
  const y = b.values();
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] + y[i];
  return T.Tensor.fromValues(out, a.shape, a.dtype);
}
