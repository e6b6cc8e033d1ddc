import type { JsonNumber, PyJson } from "../trace/trace";
import type { Interpreter } from "./interpreter/interpreter";
import { tensorJson } from "./modules/torchReport";
import { numpyJson } from "./modules/numpy/numpyReport";
import { REPORT_BUDGET, spendReportBudget, TRUNCATED_ITEMS, withReportBudget } from "./tensorReport";
import {
  PyBuiltin,
  PyDict,
  PyFunction,
  PyInstance,
  PyInt,
  PyList,
  PySet,
  PyTuple,
  ValueRef,
  type PyValue,
} from "./interpreter/objects";

/**
 * Past these a list (tuple, set) or str is given by its length and its beginning: the trace
 * crosses processes and the CLI prints it, and a program's million-item list must not make
 * either run out of memory (see PyJson's truncated forms).
 */
export const MAX_ITEMS = 1000;
export const MAX_STRING_CHARS = 10_000;

/** A number for JSON: non-finite values as the strings "NaN", "Infinity", "-Infinity". */
export function jsonNumber(x: number): JsonNumber {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  return x;
}

/**
 * The program's top-level variables in the JSON contract. Modules, functions and classes are
 * left out; an instance shows its class (and, for a micrograd.nn module, its parameters).
 */
export function collectVariables(interp: Interpreter, root: number | null): Record<string, PyJson> {
  // As of the last backward(), like `.grad`, even if the program has updated the data since.
  const tape = interp.tape;
  const rootGrads = root !== null ? tape.withDataAtLastBackward(() => tape.rootGradients(root)) : null;
  const toJson = (v: PyValue, depth: number): PyJson | undefined => {
    if (v === null || typeof v === "boolean") return v;
    if (typeof v === "string")
      return v.length <= MAX_STRING_CHARS
        ? v
        : { type: "str", length: v.length, truncated: true, text: v.slice(0, MAX_STRING_CHARS) };
    if (typeof v === "number") return jsonNumber(v);
    if (v instanceof PyInt) return v.big !== null ? Number(v.big) : v.v;
    if (v instanceof ValueRef) {
      const t = interp.tape;
      const reaches = rootGrads !== null && rootGrads.reaches[v.row] === 1;
      return {
        type: "Value",
        data: jsonNumber(t.data[v.row]),
        grad: jsonNumber(t.grad[v.row]),
        root_grad: reaches ? jsonNumber(rootGrads.grad[v.row]) : null,
      };
    }
    if (v instanceof PyInstance && v.nodeRow >= 0) {
      // a value of the program's own autograd class: its own data and grad, and ∂root/∂x
      const t = interp.tape;
      const row = v.nodeRow;
      const reaches = rootGrads !== null && rootGrads.reaches[row] === 1;
      return {
        type: "Value",
        class: v.cls.name,
        data: jsonNumber(t.data[row]),
        grad: jsonNumber(t.grad[row]),
        root_grad: reaches ? jsonNumber(rootGrads.grad[row]) : null,
      };
    }
    if (depth > 20) return null;
    if (v instanceof PyList || v instanceof PyTuple || v instanceof PySet) {
      const items = v instanceof PySet ? [...v.entries.values()] : v.items;
      // a long list is an object naming its length, with its first items (a JSON array stays whole)
      const whole = items.length <= TRUNCATED_ITEMS;
      const keep = spendReportBudget(Math.min(items.length, TRUNCATED_ITEMS));
      const shown = items.slice(0, keep).map((x) => toJson(x, depth + 1) ?? null);
      if (whole && keep === items.length) return shown;
      const type = v instanceof PyList ? "list" : v instanceof PyTuple ? "tuple" : "set";
      return { type, length: items.length, truncated: true, items: shown };
    }
    if (v instanceof PyDict) return { type: "Object", class: v.cls?.name ?? "dict" };
    if (v instanceof PyInstance) {
      const tensor = tensorJson(interp, v) ?? numpyJson(interp, v);
      if (tensor !== undefined) return tensor;
      const out: PyJson = { type: "Object", class: v.cls.name };
      // any object with a parameters() method: micrograd.nn and torch.nn modules, and the
      // learner's own model classes
      const parameters = v.cls.lookup("parameters");
      if (parameters instanceof PyFunction || parameters instanceof PyBuiltin) {
        try {
          const params = interp.call(parameters, [v]);
          // torch.nn's parameters() is an iterator, micrograd's a list
          const items = params instanceof PyList ? params.items : [...interp.iterate(params)];
          out.parameters = items.map((p) => toJson(p, depth + 1) ?? null);
        } catch {
          // a parameters() that fails is left out of the summary, not reported twice
        }
      }
      return out;
    }
    return undefined;
  };
  const vars: Record<string, PyJson> = {};
  withReportBudget(REPORT_BUDGET, () => {
    for (const [name, value] of interp.globals) {
      if (name.startsWith("__")) continue;
      const json = toJson(value, 0);
      if (json !== undefined) vars[name] = json;
    }
  });
  return vars;
}
