import { listText, messages } from "../l10n/messages";
import type { Trace, TraceNode } from "../trace/trace";
import { formatNumber, formatValues } from "../view/format";
import { reverseTopologicalOrder } from "./graphWalk";
import { layerWalk } from "./layerWalk";

/**
 * The backward pass replayed one node at a time, for "Step Through Backward Pass". Each step
 * takes a node whose gradient is complete and passes it to the node's inputs: per input edge,
 * upstream gradient × local derivative = contribution, added to the input's running sum. The
 * running sums are recomputed here from the edges' contributions, so a learner sees a gradient
 * grow as each use of a value reports in, and ends at exactly what backward() computed.
 */

/** One input edge of a step's node: what flows back along it and where the input's sum now is. */
export interface BackwardTerm {
  edge: number;
  /** The input the gradient flows back to (the edge's `from`). */
  input: number;
  /** ∂root/∂node: the step node's complete gradient. */
  upstream: number[];
  /** ∂node/∂input for scalars; null for tensors, whose rule is a vector–Jacobian product. */
  local: number[] | null;
  /** The local rule in words, e.g. `∂(a·b)/∂a = b`. */
  rule: string;
  /** upstream × local: what this use adds to ∂root/∂input. */
  contribution: number[];
  /** ∂root/∂input accumulated so far, this term included. */
  runningSum: number[];
}

export interface BackwardStep {
  /** Position in the walk, 0 for the root. */
  index: number;
  node: number;
  /** ∂root/∂node, complete: every value this node feeds came earlier. */
  grad: number[];
  /** One per input edge, in operand order; empty for a leaf. */
  terms: BackwardTerm[];
  /** The program's own layer the node belongs to (`Tanh (network[3])`), or null. */
  layer: string | null;
}

/**
 * The steps of the last backward(), root first, in reverse topological order over the nodes the
 * root depends on — for a program with hand-written layers, layer by layer in the order its own
 * backward loop called them (see layerWalk.ts). Constants get no step of their own (nothing flows on from a number written
 * in the code), though the terms still show what reaches them. Empty when there is no root.
 */
export function backwardSteps(trace: Trace): BackwardStep[] {
  if (trace.root === null) return [];
  const sums: (number[] | undefined)[] = new Array(trace.nodes.length);
  const root = trace.nodes[trace.root];
  sums[root.id] = root.rootGrad ? [...root.rootGrad] : root.data.map(() => 1);
  const steps: BackwardStep[] = [];
  const layers = layerWalk(trace);
  for (const id of reverseTopologicalOrder(trace, layers?.rank)) {
    const node = trace.nodes[id];
    if (node.kind === "const") continue;
    const grad = sums[id] ?? node.data.map(() => 0);
    const terms: BackwardTerm[] = [];
    for (const edgeId of node.inputEdges) {
      const edge = trace.edges[edgeId];
      const contribution = edge.contribution ?? scalarProduct(grad, edge.local);
      if (contribution === null) continue; // a tensor edge with no gradient recorded
      const input = trace.nodes[edge.from];
      const sum = (sums[input.id] ??= input.data.map(() => 0));
      const one = contribution.length === 1;
      for (let i = 0; i < sum.length; i++) sum[i] += one ? contribution[0] : contribution[i];
      terms.push({
        edge: edge.id,
        input: input.id,
        upstream: grad,
        local: edge.local,
        rule: edge.rule,
        contribution,
        runningSum: [...sum],
      });
    }
    steps.push({ index: steps.length, node: id, grad: [...grad], terms, layer: layers?.layer[id] ?? null });
  }
  return steps;
}

/** The step's headline: which layer it is in, which value's gradient is complete and where it goes next. */
export function stepTitle(step: BackwardStep, trace: Trace, locale = "en"): string {
  const title = valueTitle(step, trace, locale);
  return step.layer === null ? title : messages(locale)("step.inLayer", step.layer, title);
}

function valueTitle(step: BackwardStep, trace: Trace, locale: string): string {
  const t = messages(locale);
  const node = trace.nodes[step.node];
  const names = labels(step, trace);
  const d = `∂${names.root}/∂${names.node}`;
  const value = `${d} = ${show(step.grad, node)}`;
  if (step.terms.length === 0) {
    return node.kind === "leaf" ? t("step.leaf", names.node, value) : t("step.noInputs", names.node, value);
  }
  const inputs = listText(t, unique(step.terms.map((term) => names.input(term.input))));
  if (step.node === trace.root) return t("step.root", names.node, d, inputs);
  const made = node.expr && !names.node.includes(node.expr) ? ` = ${node.expr}` : "";
  return t("step.node", names.node, made, node.op, value, inputs);
}

/**
 * One line per term, the chain rule with its numbers:
 * `∂L/∂w += ∂L/∂y × ∂y/∂w = 1.0000 × 2.0000 = 2.0000 (now 2.0000)`.
 */
export function describeStep(step: BackwardStep, trace: Trace, locale = "en"): string[] {
  const t = messages(locale);
  const node = trace.nodes[step.node];
  const names = labels(step, trace);
  return step.terms.map((term) => {
    const input = trace.nodes[term.input];
    const x = names.input(term.input);
    const local = term.local ? show(term.local, null) : `(${term.rule || t("step.vjp")})`;
    return t(
      "step.term",
      `∂${names.root}/∂${x} += ∂${names.root}/∂${names.node} × ∂${names.node}/∂${x}`,
      show(term.upstream, node),
      local,
      show(term.contribution, input),
      show(term.runningSum, input),
    );
  });
}

/**
 * What to call the root, the step's node and its inputs. `c = c + 1` makes a new `c` from the old
 * one; the new one is then called by its expression, `(c + 1)` (or `c′`), so the two never read
 * the same.
 */
function labels(step: BackwardStep, trace: Trace) {
  const node = trace.nodes[step.node];
  const input = (id: number) => label(trace.nodes[id]);
  const clash = step.terms.some((t) => input(t.input) === label(node));
  const nodeLabel = !clash ? label(node) : node.expr ? `(${node.expr})` : `${label(node)}′`;
  const root = trace.root === null ? "L" : label(trace.nodes[trace.root]);
  return { root: step.node === trace.root ? nodeLabel : root, node: nodeLabel, input };
}

function label(node: TraceNode): string {
  if (node.names.length > 0) return node.names[node.names.length - 1];
  if (node.kind === "const") return formatNumberShort(node.data[0]);
  // `∂L/∂(x * w)` needs the parentheses, `∂L/∂sum(…)` does not.
  if (node.expr) return /\s/.test(node.expr) ? `(${node.expr})` : node.expr;
  return `#${node.id}`;
}

/** A constant as written in code (`2`, `-1`, `0.5`), not padded to four decimals. */
function formatNumberShort(value: number): string {
  return Number.isFinite(value) && Math.abs(value) < 1e6 && String(value).length <= 8
    ? String(value)
    : formatNumber(value);
}

function show(values: number[], node: TraceNode | null): string {
  return formatValues(
    values,
    node && values.length === node.data.length ? node.shape : values.length === 1 ? [] : [values.length],
  );
}

function scalarProduct(upstream: number[], local: number[] | null): number[] | null {
  return local && local.length === 1 && upstream.length === 1 ? [upstream[0] * local[0]] : null;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
