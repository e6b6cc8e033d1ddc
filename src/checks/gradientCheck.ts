import { messages } from "../l10n/messages";
import type { RunOptions } from "../runtime/runApi";
import { runProgram } from "../runtime/runProgram";
import { nodeLabel } from "../trace/naming";
import { rowOf } from "../trace/rowsToTrace";

/** PyTorch's gradcheck defaults: central differences with this step, compared with allclose. */
export const GRADCHECK_DEFAULTS = { eps: 1e-6, atol: 1e-5, rtol: 1e-3, maxParameters: 200 };

export interface GradientCheckRow {
  node: number;
  name: string;
  /** ∂root/∂x from the backward pass. */
  analytic: number;
  /** (f(x + eps) − f(x − eps)) / 2eps, each f a whole re-run of the program. */
  numeric: number;
  ok: boolean;
  /** Why the numeric side could not be computed (a perturbed run failed), if so. */
  error?: string;
}

export interface GradientCheckReport {
  rootName: string | null;
  rows: GradientCheckRow[];
  /** Parameters past `maxParameters`, not checked. */
  skipped: number;
  eps: number;
  atol: number;
  rtol: number;
  /** Set when there is nothing to check (no root, the program failed). */
  message: string | null;
}

/**
 * Checks every scalar leaf that reaches the root against central finite differences in
 * float64, by re-running the program with that leaf moved by ±eps (the interpreter is
 * deterministic, so the leaf is the same row each run). A row passes when
 * |analytic − numeric| ≤ atol + rtol·|numeric|, PyTorch's allclose.
 */
export function checkGradients(
  source: string,
  options: RunOptions = {},
  limits: Partial<typeof GRADCHECK_DEFAULTS> = {},
  locale = "en",
): GradientCheckReport {
  const t = messages(locale);
  const { eps, atol, rtol, maxParameters } = { ...GRADCHECK_DEFAULTS, ...limits };
  const base = runProgram(source, options);
  const report: GradientCheckReport = {
    rootName: null,
    rows: [],
    skipped: 0,
    eps,
    atol,
    rtol,
    message: null,
  };
  if (!base.ok) return { ...report, message: t("run.programError") };
  if (base.root === null) return { ...report, message: t("check.noBackward") };
  const root = base.root;
  const rootRow = rowOf(base.nodes[root]);
  report.rootName = nodeLabel(base, root);
  const parameters = base.nodes.filter(
    (n) => n.kind === "leaf" && !n.tensor && n.shape.length === 0 && n.rootGrad !== null,
  );
  report.skipped = Math.max(0, parameters.length - maxParameters);
  for (const p of parameters.slice(0, maxParameters)) {
    const x = p.data[0];
    const f = (value: number) => {
      const trace = runProgram(source, {
        ...options,
        output: rootRow,
        leafValues: new Map([[rowOf(p), value]]),
        drawFigures: false,
      });
      if (!trace.ok)
        throw new Error(trace.diagnostics.find((d) => d.severity === "error")?.message ?? t("check.failed"));
      return trace.nodes[trace.root ?? root].data[0];
    };
    const analytic = p.rootGrad![0];
    const row: GradientCheckRow = {
      node: p.id,
      name: nodeLabel(base, p.id),
      analytic,
      numeric: NaN,
      ok: false,
    };
    try {
      row.numeric = (f(x + eps) - f(x - eps)) / (2 * eps);
      row.ok = Math.abs(analytic - row.numeric) <= atol + rtol * Math.abs(row.numeric);
    } catch (e) {
      row.error = (e as Error).message;
    }
    report.rows.push(row);
  }
  if (parameters.length === 0) report.message = t("check.noLeaf");
  return report;
}
