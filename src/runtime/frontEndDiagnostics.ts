import type { FrontEndDiagnostic } from "../lang/lowering";
import type { TraceDiagnostic } from "../trace/trace";

/** What a front end found before the run (syntax, unsupported constructs), as the trace reports it: errors. */
export function frontEndDiagnostics(found: readonly FrontEndDiagnostic[]): TraceDiagnostic[] {
  return found.map((d) => ({ severity: "error", message: d.message, span: d.span, code: d.code }));
}
