import * as vscode from "vscode";
import type { HealthDiagnostic } from "../explain/gradientHealth";
import { localizeDiagnostic } from "../l10n/runtimeMessages";
import type { Span, TraceDiagnostic } from "../trace/trace";

const SEVERITY: Record<TraceDiagnostic["severity"], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/**
 * A run's diagnostics (and gradient-health findings) as VS Code shows them, with links to the
 * root cause as related information; one without a span marks the first line. Only those in
 * `document` are kept: the program's own text, or with `file`, that module of the program's
 * (the others are shown on their own files, see ModuleDiagnostics).
 */
export function toVscodeDiagnostics(
  document: vscode.TextDocument,
  items: readonly (TraceDiagnostic | HealthDiagnostic)[],
  file?: string,
): vscode.Diagnostic[] {
  const here = (span: Span | null) => (span === null ? file === undefined : span.file === file);
  const rangeOf = (span: Span | null) =>
    span
      ? new vscode.Range(document.positionAt(span.from), document.positionAt(Math.max(span.to, span.from)))
      : document.lineAt(0).range;
  return items
    .filter((item) => here(item.span))
    .map((item) => {
      const message = localizeDiagnostic(item.message, vscode.env.language);
      const diagnostic = new vscode.Diagnostic(rangeOf(item.span), message, SEVERITY[item.severity]);
      diagnostic.source = "GradLens";
      diagnostic.code = item.code;
      if ("related" in item && item.related) {
        diagnostic.relatedInformation = item.related
          .filter((r) => here(r.span))
          .map(
            (r) =>
              new vscode.DiagnosticRelatedInformation(
                new vscode.Location(document.uri, rangeOf(r.span)),
                r.message,
              ),
          );
      }
      return diagnostic;
    });
}
