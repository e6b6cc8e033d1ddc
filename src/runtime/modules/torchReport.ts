import type { TensorTraceInput } from "../../trace/tensorTrace";
import type { PyJson } from "../../trace/trace";
import type { Interpreter } from "../interpreter/interpreter";
import { PyInstance, type PyClass, type PyValue } from "../interpreter/objects";
import { TensorObject, torchStateOf } from "./torchState";
import { oneElementGradients, tensorJson as tensorReport } from "../tensorReport";

/**
 * What a run that used torch reports: the tensor part of the trace, and tensors in the CLI's
 * JSON contract (`{"type": "Tensor", "shape", "data", "grad", "root_grad"}`).
 */

/** The tensor graph's input, or undefined when the program never imported torch. */
export function torchTraceInput(
  interp: Interpreter,
  program: { occurrences: { name: string; span: { from: number; to: number } }[] },
  /** RunOptions.output: a trace node to differentiate instead of the last backward()'s root. */
  output?: number,
): TensorTraceInput | undefined {
  const s = torchStateOf(interp);
  if (s === null) return undefined;
  const backward = s.activeBackward();
  const parameters = parameterNames(interp, s.parameterClass);
  return {
    held: s.held,
    spanOf: (id) => s.spans.get(id) ?? null,
    namesOf: (id) => {
      const own = s.names.get(id);
      const qualified = parameters.get(id);
      return qualified ? [...(own ?? []), ...qualified] : own;
    },
    callOf: (id) => s.calls.get(id) ?? null,
    backward,
    rootId: backward !== null ? s.lastRootId : null,
    output,
    gradientsFor: oneElementGradients,
    occurrences: [...s.occurrences].map(([occurrence, id]) => ({ ...program.occurrences[occurrence], id })),
  };
}

/**
 * `model.fc1.weight` for each Parameter a top-level nn.Module holds, by tensor id: a label for
 * values the program only ever reached through attributes.
 */
function parameterNames(interp: Interpreter, parameterClass: PyClass): Map<number, string[]> {
  const names = new Map<number, string[]>();
  const seen = new Set<PyInstance>();
  const walk = (obj: PyInstance, prefix: string) => {
    if (seen.has(obj)) return;
    seen.add(obj);
    for (const [k, v] of obj.attrs) {
      if (v instanceof TensorObject) {
        if (v.cls !== parameterClass) continue;
        const list = names.get(v.tensor.id);
        if (list) list.push(prefix + k);
        else names.set(v.tensor.id, [prefix + k]);
      } else if (v instanceof PyInstance && isTorchModule(v.cls)) walk(v, `${prefix}${k}.`);
    }
  };
  for (const [name, v] of interp.globals)
    if (v instanceof PyInstance && !(v instanceof TensorObject) && isTorchModule(v.cls)) walk(v, `${name}.`);
  return names;
}

function isTorchModule(c: PyClass | null): boolean {
  return c !== null && ((c.module === "torch.nn" && c.name === "Module") || isTorchModule(c.base));
}

/** A tensor variable in the JSON contract, or undefined for anything else. */
export function tensorJson(interp: Interpreter, v: PyValue): PyJson | undefined {
  if (!(v instanceof TensorObject)) return undefined;
  return tensorReport(v.tensor, torchStateOf(interp)?.activeBackward()?.grads.get(v.tensor.id));
}
