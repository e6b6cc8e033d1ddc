import { inProgramText } from "../trace/spans";
import type { PyJson, Trace, TraceNode } from "../trace/trace";
import { bindingStatement } from "./statements";

/**
 * The choices for "Choose Output to Differentiate": scalars the program kept in a top-level
 * variable that nothing else was computed from, i.e. the graph's end points, like a loss.
 */

export interface OutputCandidate {
  node: number;
  name: string;
  /** 0-based line where the name was last bound to it (else where the value was made); -1 if unknown. */
  line: number;
  /** The root of the last backward(): the current choice. */
  current: boolean;
}

/** The last backward()'s root first, then the other candidates in source order. */
export function candidateOutputs(trace: Trace, source: string): OutputCandidate[] {
  const used = new Uint8Array(trace.nodes.length);
  for (const edge of trace.edges) used[edge.from] = 1;
  const candidates: OutputCandidate[] = [];
  const seen = new Set<number>();
  const lineOf = (name: string, node: TraceNode) => bindingLine(trace, source, name, node);
  for (const [name, variable] of Object.entries(trace.variables)) {
    const node = nodeOfVariable(trace, name, variable);
    if (!node || seen.has(node.id)) continue;
    const isRoot = node.id === trace.root;
    if (!isRoot && (node.kind !== "op" || used[node.id] || !isScalar(node))) continue;
    seen.add(node.id);
    candidates.push({ node: node.id, name, line: lineOf(name, node), current: isRoot });
  }
  if (trace.root !== null && !seen.has(trace.root)) {
    // A root no top-level name holds (`model(x).sum().backward()`) is still the current choice.
    const root = trace.nodes[trace.root];
    const name = root.names.length > 0 ? root.names[root.names.length - 1] : (root.expr ?? `#${root.id}`);
    candidates.push({ node: root.id, name, line: lineOf(name, root), current: true });
  }
  return candidates.sort(
    (a, b) => Number(b.current) - Number(a.current) || a.line - b.line || a.node - b.node,
  );
}

function isScalar(node: TraceNode): boolean {
  return node.data.length === 1;
}

/**
 * The node a top-level variable holds at the end of the run: the latest value bound to that name
 * whose data matches the variable's (a function's local of the same name may have come later).
 */
function nodeOfVariable(trace: Trace, name: string, variable: PyJson): TraceNode | null {
  // a numpy scalar (a loss, `np.float64`) is a plain number in the variables, a tensor node in the graph
  if (typeof variable === "number") return numberNode(trace, name, variable);
  if (variable === null || typeof variable !== "object" || Array.isArray(variable)) return null;
  if (variable.type !== "Value" && variable.type !== "Tensor") return null;
  const expected = variable.type === "Value" ? variable.data : firstNumber(variable.data);
  let fallback: TraceNode | null = null;
  for (let id = trace.nodes.length - 1; id >= 0; id--) {
    const node = trace.nodes[id];
    if (!node.names.includes(name)) continue;
    if (expected !== null && node.data.length >= 1 && sameNumber(node.data[0], expected)) return node;
    fallback ??= node;
  }
  return fallback;
}

/** The latest one-element tensor node bound to `name` that holds `value`. */
function numberNode(trace: Trace, name: string, value: number): TraceNode | null {
  for (let id = trace.nodes.length - 1; id >= 0; id--) {
    const node = trace.nodes[id];
    if (node.tensor && node.data.length === 1 && node.names.includes(name) && sameNumber(node.data[0], value))
      return node;
  }
  return null;
}

function firstNumber(data: unknown): number | string | null {
  let x = data;
  while (Array.isArray(x)) x = x[0];
  return typeof x === "number" || typeof x === "string" ? x : null;
}

/** JSON numbers carry NaN and ±∞ as strings. */
function sameNumber(value: number, json: number | string): boolean {
  const expected =
    typeof json === "number" ? json : json === "NaN" ? NaN : json === "-Infinity" ? -Infinity : Infinity;
  return Object.is(value, expected) || value === expected;
}

function bindingLine(trace: Trace, source: string, name: string, node: TraceNode): number {
  let offset = inProgramText(node.span) ? node.span.from : -1;
  for (const o of trace.occurrences) {
    if (o.name === name && o.node === node.id && bindingStatement(source, o)) offset = o.span.from;
  }
  if (offset < 0 || offset > source.length) return -1;
  let line = 0;
  for (let i = 0; i < offset; i++) if (source[i] === "\n") line++;
  return line;
}
