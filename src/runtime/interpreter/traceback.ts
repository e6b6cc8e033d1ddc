import type { SourceSpan } from "../../lang/ir";

/**
 * The places an error passed through on its way out, innermost first — the span it was raised
 * at, then each call site (and import statement) it left — as far as Python's traceback goes.
 * GradLens reports an error where it was raised; when that is in a module of the program's (a
 * span with a `file`), the program's own file still gets a diagnostic, at the line of it that
 * led there (`helper.f(0)`, `import helper`).
 */
const trails = new WeakMap<object, (SourceSpan | null)[]>();

/** Notes that `error` leaves a call (or an import) made at `site`, having been at `at` inside it. */
export function noteUnwinding(error: unknown, at: SourceSpan | null, site: SourceSpan | null): void {
  if (typeof error !== "object" || error === null) return;
  let trail = trails.get(error);
  if (!trail) trails.set(error, (trail = [at]));
  trail.push(site);
}

/** The innermost place in the program's own text that `error` passed through, or null. */
export function siteInProgram(error: unknown): SourceSpan | null {
  if (typeof error !== "object" || error === null) return null;
  return trails.get(error)?.find((span) => span !== null && span.file === undefined) ?? null;
}
