import type { TraceCall } from "./trace";

/**
 * The program's own layers, read from the calls it made: an object whose class has a hand-written
 * `backward` that the run called, beside the `forward` that made its values (the primer's
 * `Dense`, `Tanh`). The graph draws each such call as a box named for the object, and the
 * step-through walks the layers in the order the program's backward loop called them.
 */

/** The method names a hand-written layer's backward pass goes by (as the hand-backward checks know them). */
const BACKWARD_METHODS = new Set(["backward", "backward_pass", "backprop", "backpropagate"]);
const FORWARD_METHODS = new Set(["forward", "__call__"]);

/**
 * Methods by call name, read once: a training loop's trace has thousands of calls of a few
 * functions, and the graph asks each call's method several times.
 */
const methods = new Map<string, string | null>();
const METHODS_KEPT = 4096;

/** The method a call ran (`forward` for `Dense.forward`), or null for a plain function. */
export function methodOf(call: TraceCall): string | null {
  let method = methods.get(call.name);
  if (method === undefined) {
    const dot = call.name.lastIndexOf(".");
    method = dot < 0 ? null : call.name.slice(dot + 1);
    if (methods.size >= METHODS_KEPT) methods.clear();
    methods.set(call.name, method);
  }
  return method;
}

export function isBackwardMethod(call: TraceCall): boolean {
  const method = methodOf(call);
  return call.instance !== null && method !== null && BACKWARD_METHODS.has(method);
}

/**
 * What a call's box is called: the object it ran on, by its class and the place the program
 * keeps it (`Dense (network[0])`, `MLP`) for a `forward` or `__call__`; the method too for any
 * other (`Tanh.backward (network[1])`); `f()` for a function.
 */
export function callTitle(call: TraceCall): string {
  const method = methodOf(call);
  const place = call.place ? ` (${call.place})` : "";
  if (method === null) return `${call.name}()`;
  if (call.instanceClass && FORWARD_METHODS.has(method)) return `${call.instanceClass}${place}`;
  const cls = call.instanceClass ?? call.name.slice(0, call.name.lastIndexOf("."));
  return `${cls}.${method}${place}`;
}

/** The instances (TraceCall.instance) that ran a forward and a hand-written backward in this run. */
export function handLayers(calls: readonly TraceCall[]): Set<number> {
  const forward = new Set<number>();
  const backward = new Set<number>();
  for (const c of calls) {
    if (c.instance === null) continue;
    const method = methodOf(c);
    if (method === null) continue;
    if (FORWARD_METHODS.has(method)) forward.add(c.instance);
    else if (BACKWARD_METHODS.has(method)) backward.add(c.instance);
  }
  const both = new Set<number>();
  for (const i of forward) if (backward.has(i)) both.add(i);
  return both;
}

/**
 * Per call, whether it is a hand-written layer's forward or backward: what the graph shows as a
 * closed box from the start. Only when the program has two layers or more: a network of layers
 * reads as its layers, one object holding the whole model reads better open.
 */
export function layerCallMask(calls: readonly TraceCall[]): Uint8Array {
  const mask = new Uint8Array(calls.length);
  const layers = handLayers(calls);
  if (layers.size < 2) return mask;
  calls.forEach((c, i) => {
    const method = methodOf(c);
    if (c.instance !== null && layers.has(c.instance) && method !== null)
      mask[i] = FORWARD_METHODS.has(method) || BACKWARD_METHODS.has(method) ? 1 : 0;
  });
  return mask;
}

/**
 * For each hand-written layer's forward call, the backward call that took its gradient: the next
 * backward call on the same object. Calls without one (a forward whose backward never ran, such
 * as the last prediction) are absent.
 */
export function backwardOfForward(calls: readonly TraceCall[]): Map<number, number> {
  const layers = handLayers(calls);
  const paired = new Map<number, number>();
  const open = new Map<number, number>();
  calls.forEach((c, i) => {
    if (c.instance === null || !layers.has(c.instance)) return;
    const method = methodOf(c);
    if (method === null) return;
    if (FORWARD_METHODS.has(method)) {
      // a forward run twice before a backward (a prediction, then the training step): the
      // backward pairs with the last, as the hand-backward checks pair them
      open.set(c.instance, i);
    } else if (BACKWARD_METHODS.has(method)) {
      const f = open.get(c.instance);
      if (f !== undefined) paired.set(f, i);
      open.delete(c.instance);
    }
  });
  return paired;
}
