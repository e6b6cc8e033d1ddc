import type { Tensor } from "../../../engine/tensor/index";
import type { TensorTraceInput } from "../../../trace/tensorTrace";
import type { PyJson, TraceDiagnostic } from "../../../trace/trace";
import type { Interpreter } from "../../interpreter/interpreter";
import { PyInstance, PyList, type PyValue } from "../../interpreter/objects";
import { oneElementGradients, tensorJson } from "../../tensorReport";
import { jsonNumber } from "../../variables";
import { NdArray, NpScalar } from "./ndarray";
import { numpyStateOf } from "./numpyModule";
import type { NumpyState } from "./numpyState";

/**
 * `network[0].weights`, `model.W1`: labels for the arrays the program's top-level objects hold
 * (one level of attributes, through lists), so parameters reached only through attributes are
 * named in the graph; their current values join the values the trace starts from.
 */
function attributeNames(
  s: NumpyState,
  interp: Interpreter,
): { names: Map<number, string[]>; tensors: Tensor[] } {
  const names = new Map<number, string[]>();
  const tensors: Tensor[] = [];
  const label = (v: NdArray, name: string) => {
    const t = s.current(v);
    tensors.push(t);
    const list = names.get(t.id);
    if (list === undefined) names.set(t.id, [name]);
    else if (!list.includes(name)) list.push(name);
  };
  const object = (v: PyValue, prefix: string) => {
    if (!(v instanceof PyInstance) || v instanceof NdArray || v instanceof NpScalar) return;
    for (const [k, a] of v.attrEntries()) if (a instanceof NdArray) label(a, `${prefix}.${k}`);
  };
  for (const [name, v] of interp.globals) {
    if (name.startsWith("__")) continue;
    object(v, name);
    if (v instanceof PyList && v.items.length <= 100) v.items.forEach((x, i) => object(x, `${name}[${i}]`));
  }
  // The versions an in-place update replaced (`self.weights -= …`) are the same parameter, as
  // the program reaches it: `network[0].weights`, rather than the update line that made them.
  const replaced = new Map<number, number>();
  for (const w of s.writes) replaced.set(w.afterId, w.beforeId);
  for (const [id, list] of [...names]) {
    const seen = new Set<number>([id]);
    for (let at = replaced.get(id); at !== undefined && !seen.has(at); at = replaced.get(at)) {
      seen.add(at);
      const old = names.get(at);
      if (old === undefined) names.set(at, [...list]);
      else for (const n of list) if (!old.includes(n)) old.push(n);
    }
  }
  return { names, tensors };
}

/**
 * What a run that used numpy reports: its arrays as tensor nodes of the trace (with names,
 * spans and the calls that made them), numpy's RuntimeWarnings as diagnostics, and arrays in
 * the CLI's JSON contract (as tensors, whose `grad` is null: numpy has none).
 */

/** The tensor graph's input for numpy's values, or undefined when the program never imported numpy. */
export function numpyTraceInput(
  interp: Interpreter,
  program: { occurrences: { name: string; span: { from: number; to: number } }[] },
  output?: number,
  /** The value to differentiate when the caller chose none (see handBackward/numpyRoot.ts). */
  root: Tensor | null = null,
): TensorTraceInput | undefined {
  const s = numpyStateOf(interp);
  if (s === null) return undefined;
  const held: Tensor[] = [...s.heldValues(), ...s.occurrences.values()];
  if (root !== null) held.push(root);
  const attributes = attributeNames(s, interp);
  for (const t of attributes.tensors) held.push(t);
  return {
    held,
    // a tensor's id is its birth; its row may have moved down the tape since
    spanOf: (id) => {
      const row = interp.tape.rowOfBirth(id);
      return row < 0 ? null : interp.spanOf(row);
    },
    namesOf: (id) => {
      const own = s.names.get(id);
      const held = attributes.names.get(id);
      return own && held ? [...own, ...held.filter((n) => !own.includes(n))] : (own ?? held);
    },
    callOf: (id) => {
      const row = interp.tape.rowOfBirth(id);
      return row < 0 ? null : interp.callRecorder.callOf(row);
    },
    backward: null,
    rootId: null,
    output: output ?? root?.id,
    gradientsFor: oneElementGradients,
    occurrences: [...s.occurrences].map(([occurrence, t]) => ({
      ...program.occurrences[occurrence],
      id: t.id,
    })),
  };
}

/** numpy's RuntimeWarnings of the run, as warning diagnostics at the lines that caused them. */
export function numpyWarnings(interp: Interpreter): TraceDiagnostic[] {
  return numpyStateOf(interp)?.warnings ?? [];
}

/** An array (as a tensor) or a numpy scalar (as a number) in the JSON contract; undefined for anything else. */
export function numpyJson(interp: Interpreter, v: PyValue): PyJson | undefined {
  const s = numpyStateOf(interp);
  if (s === null) return undefined;
  if (v instanceof NdArray) return tensorJson(s.current(v), undefined);
  if (v instanceof NpScalar) {
    if (v.dtype === "bool") return v.value !== 0;
    return jsonNumber(v.value);
  }
  return undefined;
}

/** The tensor parts of two runtimes' traces as one (torch's and numpy's values share the tape's ids). */
export function mergeTensorInputs(
  a: TensorTraceInput | undefined,
  b: TensorTraceInput | undefined,
): TensorTraceInput | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return {
    held: [...a.held, ...b.held],
    spanOf: (id) => a.spanOf(id) ?? b.spanOf(id),
    namesOf: (id) => {
      const x = a.namesOf(id);
      const y = b.namesOf(id);
      return x && y ? [...x, ...y.filter((n) => !x.includes(n))] : (x ?? y);
    },
    callOf: (id) => a.callOf?.(id) ?? b.callOf?.(id) ?? null,
    backward: a.backward ?? b.backward,
    rootId: a.backward !== null ? a.rootId : b.rootId,
    output: a.output ?? b.output,
    gradientsFor: a.gradientsFor ?? b.gradientsFor,
    occurrences: [...a.occurrences, ...b.occurrences],
  };
}
