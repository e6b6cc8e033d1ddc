import type { Trace, TraceDiagnostic } from "./trace";

/** The trace of a program that did not run at all (it did not parse): only why. */
export function unrunTrace(diagnostics: TraceDiagnostic[]): Trace {
  return {
    ok: false,
    stdout: "",
    diagnostics,
    nodes: [],
    edges: [],
    root: null,
    occurrences: [],
    variables: {},
  };
}
