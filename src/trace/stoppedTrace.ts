import type { Trace } from "./trace";
import { unrunTrace } from "./unrunTrace";

/**
 * The trace of a run that had to be stopped from outside — its time ran out, or its runner
 * died — with why as its one diagnostic (`code`: "timeout", "memory", "crash").
 */
export function stoppedTrace(message: string, code: string): Trace {
  return unrunTrace([{ severity: "error", message, span: null, code }]);
}
