import type { PyJson } from "../../trace/trace";
import { MAX_ITEMS, MAX_STRING_CHARS } from "../variables";
import { ENGINE, type TensorInstance } from "../../library/tensor";
import { ROW } from "../../library/value";
import { tensorJson as tensorReport } from "../tensorReport";
import { jsonNumber } from "../variables";
import type { JsInterpreter } from "./interpreter";
import { isHost, JsObject, type JsValue } from "./values";
import type { Tensor as EngineTensor } from "../../engine/tensor/index";

/**
 * The program's top-level variables in the CLI's JSON contract: numbers, strings, booleans,
 * null (and undefined as null), arrays, Values, tensors, and objects of the program's classes
 * (with the parameters their `parameters()` gives, as for Python).
 */
export function collectJsVariables(it: JsInterpreter, root: number | null): Record<string, PyJson> {
  const tape = it.tape;
  const rootGrads = root !== null ? tape.withDataAtLastBackward(() => tape.rootGradients(root)) : null;
  const toJson = (v: JsValue, depth: number): PyJson | undefined => {
    if (v === null || v === undefined) return null;
    if (typeof v === "boolean") return v;
    if (typeof v === "string")
      return v.length <= MAX_STRING_CHARS
        ? v
        : { type: "str", length: v.length, truncated: true, text: v.slice(0, MAX_STRING_CHARS) };
    if (typeof v === "number") return jsonNumber(v);
    if (depth > 20) return null;
    if (Array.isArray(v)) {
      if (v.length <= MAX_ITEMS) return v.map((x) => toJson(x, depth + 1) ?? null);
      const items = v.slice(0, MAX_ITEMS).map((x) => toJson(x, depth + 1) ?? null);
      return { type: "list", length: v.length, truncated: true, items };
    }
    if (isHost(v) && typeof v === "object") {
      const row = (v as { [ROW]?: number })[ROW];
      if (row !== undefined) {
        const reaches = rootGrads !== null && rootGrads.reaches[row] === 1;
        return {
          type: "Value",
          data: jsonNumber(tape.data[row]),
          grad: jsonNumber(tape.grad[row]),
          root_grad: reaches ? jsonNumber(rootGrads.grad[row]) : null,
        };
      }
      const t = (v as { [ENGINE]?: EngineTensor })[ENGINE];
      if (t !== undefined) return tensorJson(it, t);
      const parameters = (v as { parameters?: () => TensorInstance[] }).parameters;
      const out: PyJson = { type: "Object", class: (v as object).constructor.name };
      if (typeof parameters === "function")
        out.parameters = parameters.call(v).map((p) => tensorJson(it, p[ENGINE]));
      return out;
    }
    if (v instanceof JsObject) {
      const out: PyJson = { type: "Object", class: v.cls?.name ?? "Object" };
      const parameters = v.cls?.findMethod("parameters");
      if (parameters) {
        try {
          const items = it.call(parameters, v, []);
          if (Array.isArray(items)) out.parameters = items.map((p) => toJson(p, depth + 1) ?? null);
        } catch {
          // a parameters() that fails is left out of the summary, not reported twice
        }
      }
      return out;
    }
    return undefined;
  };
  const vars: Record<string, PyJson> = {};
  for (const [name, value] of it.moduleScope.entries()) {
    if (name === "this") continue;
    const json = toJson(value, 0);
    if (json !== undefined) vars[name] = json;
  }
  return vars;
}

function tensorJson(it: JsInterpreter, t: EngineTensor): PyJson {
  return tensorReport(t, it.lastRoot === null ? it.tensors.lastBackward?.grads.get(t.id) : undefined);
}
