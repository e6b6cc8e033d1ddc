import { EngineMemoryError } from "../engine/memory";
import type { SourceSpan } from "../lang/ir";
import type { TraceDiagnostic } from "../trace/trace";

/**
 * What ends a run whatever its language, and how each is reported: below the Python and the
 * JavaScript interpreters, which add only their own errors (Python's exceptions, JavaScript's
 * throws) on top.
 */

/** A construct the runtime does not run (reported with code "unsupported", not as a program error). */
export class UnsupportedError extends Error {
  span: SourceSpan | null = null;
}

/** The step budget ran out. */
export class BudgetError extends Error {
  constructor(readonly steps: number) {
    super(
      `stopped after ${steps.toLocaleString("en-US")} steps: the step budget (gradlens.stepBudget) ran out`,
    );
  }
}

/**
 * The run's time ran out before its step budget (RunOptions.timeLimitMs): stopped where it was,
 * like the step budget, so what it printed and made so far is kept.
 */
export class TimeLimitError extends BudgetError {
  constructor(steps: number, seconds: number) {
    super(steps);
    this.message = `stopped after ${seconds.toLocaleString("en-US")} s and ${steps.toLocaleString("en-US")} steps: the program took too long`;
  }
}

/**
 * The diagnostic for what stopped a run that is not the language's own error: an unsupported
 * construct (marked "duplicate" when the front end already reported it at the same place), the
 * step budget, the memory budget, or GradLens's own failure.
 */
export function stopDiagnostic(
  e: unknown,
  at: SourceSpan | null,
  existing: readonly TraceDiagnostic[],
  memoryBudgetBytes: number | null,
): TraceDiagnostic {
  if (e instanceof UnsupportedError) {
    const span = e.span ?? at;
    const known = existing.some(
      (d) => d.code === "unsupported" && d.span?.from === span?.from && d.span?.to === span?.to,
    );
    return { severity: "error", message: e.message, span, code: known ? "duplicate" : "unsupported" };
  }
  if (e instanceof BudgetError) return { severity: "error", message: e.message, span: at, code: "budget" };
  if (e instanceof EngineMemoryError) {
    const budget = Math.round((memoryBudgetBytes ?? 0) / 1024 / 1024);
    const message = `stopped: the program needed more than ${budget} MiB (the memory budget, gradlens.memoryBudgetMb)`;
    return { severity: "error", message, span: at, code: "memory" };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { severity: "error", message: `GradLens internal error: ${message}`, span: at, code: "internal" };
}
