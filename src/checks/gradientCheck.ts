import { messages } from "../l10n/messages";
import type { LeafMove, RunOptions } from "../runtime/runApi";
import { runProgram } from "../runtime/runProgram";
import { nodeLabel } from "../trace/naming";
import { nodeOfRow, rowOf } from "../trace/rowsToTrace";
import type { Trace, TraceNode } from "../trace/trace";
import { elementName, multiIndex, parametersOf, sampleElements } from "./checkedElements";
import { programErrorMessage } from "../runtime/programErrorMessage";

/**
 * PyTorch's gradcheck defaults (torch.autograd.gradcheck: eps 1e-6, atol 1e-5, rtol 1e-3, made
 * for double precision): central differences with this step, compared as allclose does. Past
 * `maxElements` elements in all, a sample of that many is checked (each costs two runs).
 */
export const GRADCHECK_DEFAULTS = { eps: 1e-6, atol: 1e-5, rtol: 1e-3, maxElements: 1000 };

/** One element of one parameter, checked. */
export interface GradientCheckRow {
  /** The parameter's node. */
  node: number;
  /** `w` for a scalar, `W[0, 1]` for an element of a tensor. */
  name: string;
  /** The element's multi-index in its parameter (`[]` for a scalar). */
  index: number[];
  /** ∂root/∂x from the backward pass. */
  analytic: number;
  /** (f(x + eps) − f(x − eps)) / 2eps, each f a whole re-run of the program. */
  numeric: number;
  ok: boolean;
  /** Why the numeric side could not be computed (a perturbed run failed), if so. */
  error?: string;
}

/** One parameter: how many of its elements were checked and how many did not match. */
export interface GradientCheckParameter {
  node: number;
  name: string;
  shape: number[];
  /** Whether it is a tensor (a scalar tensor too) rather than a micrograd Value. */
  tensor: boolean;
  elements: number;
  checked: number;
  failed: number;
  /** The largest |analytic − numeric| over its checked elements (NaN when a run failed). */
  maxDifference: number;
}

export interface GradientCheckReport {
  rootName: string | null;
  /** Every checked element, in parameter order. */
  rows: GradientCheckRow[];
  parameters: GradientCheckParameter[];
  /** Elements of all parameters; more than `rows.length` when a sample was checked. */
  elements: number;
  /**
   * The program computes in float32 and the check re-ran it with its float32 tensors computed
   * in float64: both sides, analytic and numeric, are float64 ones.
   */
  float64: boolean;
  eps: number;
  atol: number;
  rtol: number;
  /** Set when there is nothing to check (no root, the program failed, it is not deterministic). */
  message: string | null;
}

/**
 * Checks every parameter that reaches the root — scalar leaves, and tensor leaves that require
 * grad element by element — against central finite differences in float64, by re-running the
 * program with one element moved by ±eps, by its tape row, at the version of it the root's
 * graph read (RunOptions.leafMoves): after nn.Linear's initialisation, after the training
 * steps before the last backward(). An element passes when |analytic − numeric| ≤ atol + rtol·|numeric|,
 * PyTorch's allclose. This needs the same computation on every run: a program that is not
 * deterministic (unseeded randomness) is detected by one extra run and refused.
 */
export function checkGradients(
  source: string,
  options: RunOptions = {},
  limits: Partial<typeof GRADCHECK_DEFAULTS> = {},
  locale = "en",
): GradientCheckReport {
  const t = messages(locale);
  const { eps, atol, rtol, maxElements } = { ...GRADCHECK_DEFAULTS, ...limits };
  const report: GradientCheckReport = {
    rootName: null,
    rows: [],
    parameters: [],
    elements: 0,
    float64: false,
    eps,
    atol,
    rtol,
    message: null,
  };
  let base = runProgram(source, options);
  if (!base.ok) return { ...report, message: programErrorMessage(t, base, source) };
  if (base.root === null) return { ...report, message: t("check.noBackward") };
  const rootRow = rowOf(base.nodes[base.root]);
  if (base.nodes[base.root].data.length !== 1)
    return { ...report, message: t("check.rootNotScalar", base.nodes[base.root].data.length) };
  let parameters = parametersOf(base);
  if (parameters.length === 0) return { ...report, message: t("check.noLeaf") };
  // float32 rounding (~1e-7 relative) would swamp a difference taken with eps = 1e-6
  const float64 = parameters.some((p) => p.parameter?.dtype === "float32");
  const runOptions: RunOptions = {
    ...options,
    output: rootRow,
    drawFigures: false, // re-runs draw nothing
    ...(float64 ? { float32AsFloat64: true } : {}),
  };
  if (float64) {
    base = runProgram(source, runOptions);
    if (!base.ok || base.root === null || rowOf(base.nodes[base.root]) !== rootRow)
      return { ...report, message: t("check.float64Failed") };
    parameters = parametersOf(base);
  }
  report.float64 = float64;
  report.rootName = nodeLabel(base, base.root!);
  const rootValue = base.nodes[base.root!].data[0];

  /** The root's value in a run with `moves` applied. */
  const f = (leafMoves?: ReadonlyMap<number, LeafMove>): number => {
    const trace = runProgram(source, leafMoves ? { ...runOptions, leafMoves } : runOptions);
    if (!trace.ok)
      throw new Error(trace.diagnostics.find((d) => d.severity === "error")?.message ?? t("check.failed"));
    const root = nodeOfRow(trace, rootRow);
    if (root === undefined || root.data.length !== 1) throw new Error(t("check.rootLost"));
    return root.data[0];
  };
  try {
    if (!Object.is(f(), rootValue)) return { ...report, message: t("check.nondeterministic") };
  } catch (e) {
    return { ...report, message: t("check.rerunFailed", (e as Error).message) };
  }

  report.elements = parameters.reduce((n, p) => n + p.data.length, 0);
  const names = parameterNames(base, parameters);
  for (const { node, elements } of sampleElements(parameters, maxElements)) {
    const name = names.get(node.id)!;
    const summary: GradientCheckParameter = {
      node: node.id,
      name,
      shape: [...node.shape],
      tensor: node.tensor === true,
      elements: node.data.length,
      checked: elements.length,
      failed: 0,
      maxDifference: 0,
    };
    for (const element of elements) {
      const row = checkElement(node, element, name, f, eps, atol, rtol);
      if (!row.ok) summary.failed++;
      summary.maxDifference = Math.max(summary.maxDifference, Math.abs(row.analytic - row.numeric));
      report.rows.push(row);
    }
    report.parameters.push(summary);
  }
  return report;
}

function checkElement(
  node: TraceNode,
  element: number,
  name: string,
  f: (moves?: ReadonlyMap<number, LeafMove>) => number,
  eps: number,
  atol: number,
  rtol: number,
): GradientCheckRow {
  const row: GradientCheckRow = {
    node: node.id,
    name: elementName(name, node.shape, element),
    index: multiIndex(element, node.shape),
    analytic: node.rootGrad![element],
    numeric: NaN,
    ok: false,
  };
  const moved = (delta: number): ReadonlyMap<number, LeafMove> =>
    new Map([[rowOf(node), { version: node.parameter!.version!, add: new Map([[element, delta]]) }]]);
  try {
    row.numeric = (f(moved(eps)) - f(moved(-eps))) / (2 * eps);
    row.ok = Math.abs(row.analytic - row.numeric) <= atol + rtol * Math.abs(row.numeric);
  } catch (e) {
    row.error = (e as Error).message;
  }
  return row;
}

/**
 * Each parameter's label; parameters that share one (micrograd.nn's, all last bound to `p` in
 * `for p in model.parameters()`) get their place among the parameters: `p #3`.
 */
function parameterNames(trace: Trace, parameters: readonly TraceNode[]): Map<number, string> {
  const labels = parameters.map((p) => nodeLabel(trace, p.id));
  const count = new Map<string, number>();
  for (const label of labels) count.set(label, (count.get(label) ?? 0) + 1);
  return new Map(
    parameters.map((p, i) => [p.id, count.get(labels[i])! > 1 ? `${labels[i]} #${i + 1}` : labels[i]]),
  );
}
