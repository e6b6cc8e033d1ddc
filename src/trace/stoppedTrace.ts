import type { Trace, TraceDiagnostic } from "./trace";
import { unrunTrace } from "./unrunTrace";

/**
 * The trace of a run that had to be stopped from outside — its time ran out, or its runner
 * died — with why as its last diagnostic (`code`: "timeout", "memory", "crash"). When the
 * program itself had ended and only its trace was cut short, `ended` gives what it printed and
 * its own diagnostics, which come first.
 */
export function stoppedTrace(
  message: string,
  code: string,
  ended?: { stdout: string; diagnostics: readonly TraceDiagnostic[] },
): Trace {
  const stop: TraceDiagnostic = { severity: "error", message, span: null, code };
  if (!ended) return unrunTrace([stop]);
  return { ...unrunTrace([...ended.diagnostics, stop]), stdout: ended.stdout };
}
