import type { Messages } from "../l10n/messages";
import type { Trace } from "../trace/trace";

/**
 * Why a job (training, a gradient check) cannot start: the program's own first error, with its
 * line when it is in the program's text, so the user need not go looking for it.
 */
export function programErrorMessage(t: Messages, trace: Trace, source: string): string {
  const error = trace.diagnostics.find((d) => d.severity === "error");
  if (!error) return t("run.programError");
  const text = /[.!?)]$/.test(error.message) ? error.message : `${error.message}.`;
  // in a module the program imported: the message names that file itself
  if (!error.span || error.span.file !== undefined) return t("run.programErrorWith", text);
  const line = source.slice(0, error.span.from).split("\n").length;
  return t("run.programErrorAt", line, text);
}
