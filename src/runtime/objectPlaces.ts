import type { Trace } from "../trace/trace";
import type { Interpreter } from "./interpreter/interpreter";
import { PyInstance, PyList, type PyValue } from "./interpreter/objects";

/**
 * `network[0]`, `model.layer1`: names for the objects the program's top-level names hold
 * (directly, through a list, or one attribute down), as the graph and the hand-backward checks
 * call a layer. The first name that reaches an object wins (`network[3]` before the loop's `layer`).
 * The walk is bounded: lists of at most 100 items, two lists deep, one attribute down.
 */
export function objectPlaces(interp: Interpreter): Map<PyInstance, string> {
  const labels = new Map<PyInstance, string>();
  // a list may hold itself (`a.append(a)`): each list is walked once, and only two deep (`grid[0][1]`)
  const lists = new Set<PyList>();
  const visit = (v: PyValue, name: string, depth: number, nested = 0) => {
    if (v instanceof PyList && v.items.length <= 100 && nested < 2 && !lists.has(v)) {
      lists.add(v);
      v.items.forEach((x, i) => visit(x, `${name}[${i}]`, depth, nested + 1));
    } else if (v instanceof PyInstance && !labels.has(v)) {
      labels.set(v, name);
      if (depth > 0) for (const [k, a] of v.attrEntries()) visit(a, `${name}.${k}`, depth - 1);
    }
  };
  for (const [name, v] of interp.globals) if (!name.startsWith("__")) visit(v, name, 1);
  return labels;
}

/** Names the instance each method call ran on (TraceCall.place), so a call's box reads `Dense (network[0])`. */
export function placeCalls(interp: Interpreter, trace: Trace): void {
  if (!trace.calls || trace.calls.length === 0) return;
  const byInstance = new Map<number, string>();
  for (const [object, place] of objectPlaces(interp)) {
    const instance = interp.callRecorder.instanceOf(object);
    if (instance !== undefined) byInstance.set(instance, place);
  }
  if (byInstance.size === 0) return;
  for (const call of trace.calls) {
    const place = call.instance === null ? undefined : byInstance.get(call.instance);
    if (place !== undefined) call.place = place;
  }
}
