import type { HandCheck, Span, Trace, TraceDiagnostic } from "../../trace/trace";
import type { Interpreter } from "../interpreter/interpreter";
import { PyInstance } from "../interpreter/objects";
import { objectPlaces } from "../objectPlaces";
import { OWN_BACKWARD_CODE } from "../ownValues/ownValueMessages";
import type { CheckedClaim } from "./claims";
import { handBackwardOf } from "./handBackward";
import { ratioHint } from "./gradientRatio";
import { NdArray } from "../modules/numpy/ndarray";
import { numpyStateOf } from "../modules/numpy/numpyModule";
import { torchStateOf } from "../modules/torchState";

/**
 * What checking the program's hand-written gradients found, put into the trace: a warning at
 * each line that computed a wrong gradient (the same code as an own Value class's wrong
 * `_backward`), the checks for the hovers, and the edges of the forward that the wrong
 * gradient belongs to marked in the graph.
 */
export function reportHandBackward(interp: Interpreter, trace: Trace): void {
  const h = handBackwardOf(interp);
  if (h === null) return;
  const labels = objectPlaces(interp);
  onlyParameters(interp, trace, h.parameterIds, labels);
  if (h.claims.length === 0) return;
  const checks: HandCheck[] = [];
  const warned = new Set<string>();
  for (const c of h.claims) {
    const label = c.layerObject !== null ? (labels.get(c.layerObject) ?? null) : null;
    const total = h.siteCounts.get(c.site) ?? 1;
    const checkedAt =
      total > 1 ? `checked at the first of ${count(total)} ${c.kind === "update" ? "updates" : "calls"}` : "";
    // a layer is checked from the gradient it received: a mistake above it is not its own
    const from = c.layer !== null && c.local ? "from the gradient the layer received" : "";
    const when = [from, checkedAt].filter((x) => x !== "").join("; ");
    const title = titleOf(c, label);
    checks.push({
      span: c.span,
      madeAt: c.madeAt,
      title,
      shape: c.shape,
      yours: Array.from(c.yours),
      expected: Array.from(c.expected),
      agrees: c.agrees,
      worst: c.agrees ? null : indexOf(c.worst, c.shape),
      when,
    });
    if (c.agrees) continue;
    markEdges(trace, c);
    if (c.quiet) continue;
    const key = `${c.span?.from}:${c.span?.to}`;
    if (warned.has(key)) continue;
    warned.add(key);
    trace.diagnostics.push({
      severity: "warning",
      message: message(c, title, when),
      span: c.span,
      code: OWN_BACKWARD_CODE,
    } satisfies TraceDiagnostic);
  }
  trace.handChecks = checks;
}

/**
 * numpy has no `requires_grad`: every float array is a leaf of the graph, the data as much as
 * the weights. When the program shows which arrays it trains — those it updates (`p -= lr * g`)
 * and those its layers (objects with a `forward`) hold — only they stay parameters (what Check
 * Gradients moves); the data reused by every step is not one.
 */
function onlyParameters(
  interp: Interpreter,
  trace: Trace,
  updated: ReadonlySet<number>,
  labels: ReadonlyMap<PyInstance, string>,
): void {
  const s = numpyStateOf(interp);
  if (s === null || torchStateOf(interp) !== null) return;
  const ids = new Set(updated);
  for (const object of labels.keys()) {
    if (object.cls.lookup("forward") === undefined) continue;
    for (const v of object.attrValues()) if (v instanceof NdArray) ids.add(s.current(v).id);
  }
  if (ids.size === 0) return;
  for (const node of trace.nodes)
    if (node.tensor && node.parameter !== undefined && !ids.has(node.row ?? node.id)) delete node.parameter;
}

function titleOf(c: CheckedClaim, label: string | null): string {
  const d = `∂${c.of}/∂${c.wrt}`;
  if (c.layer === null) return c.method !== null ? `${d} (${c.method})` : d;
  return `${d} of ${c.layer}${label !== null ? ` (${label})` : ""}`;
}

function message(c: CheckedClaim, title: string, when: string): string {
  const at = c.shape.length > 0 ? ` at ${indexText(indexOf(c.worst, c.shape))}` : "";
  const yours = num(c.yours[c.worst]);
  const rule = num(c.expected[c.worst]);
  const diff = num(Math.abs(c.yours[c.worst] - c.expected[c.worst]));
  const what =
    c.kind === "update"
      ? `\`${c.wrt}\` is updated with a wrong ${title}`
      : c.kind === "input"
        ? `\`${c.method}\` returns a wrong ${title}, the gradient it passes to the layer below`
        : `\`${c.method}\` gives a wrong ${title}`;
  const tail = when !== "" ? `; ${when}` : "";
  const hint = ratioHint(c.yours, c.expected);
  const more = hint !== null ? `; ${hint}` : "";
  return `${what}:${at} yours is ${yours}, the chain rule gives ${rule} (the largest difference: ${diff}${tail})${more}`;
}

/**
 * Marks red the edges into the operations that read the value a wrong gradient is about (a
 * layer's weights, its input), wherever the trace shows an operation of that code.
 */
function markEdges(trace: Trace, c: CheckedClaim): void {
  if (c.edges.length === 0) return;
  const given = c.yours[c.worst];
  const expected = c.expected[c.worst];
  for (const edge of trace.edges) {
    const to = trace.nodes[edge.to];
    if (to.span === null) continue;
    if (c.edges.some((e) => e.operand === edge.operand && sameSpan(e.span, to.span!)))
      edge.mismatch = { given, expected, span: c.span };
  }
}

function sameSpan(a: Span, b: Span): boolean {
  return a.from === b.from && a.to === b.to;
}

function indexOf(flat: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length).fill(0);
  for (let d = shape.length - 1; d >= 0; d--) {
    index[d] = flat % shape[d];
    flat = Math.floor(flat / shape[d]);
  }
  return index;
}

function indexText(index: readonly number[]): string {
  return `[${index.join(", ")}]`;
}

/**
 * A count as en-US writes it (`12,800`), grouped by hand: `toLocaleString` starts ICU, which
 * costs a first run tens of milliseconds and every later call a formatter of its own.
 */
function count(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString("en-US");
  const digits = String(Math.abs(n));
  let out = "";
  for (let end = digits.length; end > 0; end -= 3)
    out = digits.slice(Math.max(0, end - 3), end) + (out === "" ? "" : `,${out}`);
  return n < 0 ? `-${out}` : out;
}

/** A number as a learner reads it: up to 6 significant digits. */
function num(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  const r = Number(x.toPrecision(6));
  return Object.is(r, -0) ? "0.0" : String(r);
}
