import type { PyJson, Trace, TraceDiagnostic } from "../trace/trace";
import { fileLocator, type SourceLocator } from "./sourceLocator";

/** The CLI's `--json` contract (README, "The CLI's JSON contract"): keep it stable. */
export interface JsonReport {
  ok: boolean;
  stdout: string;
  diagnostics: {
    severity: "error" | "warning" | "info";
    message: string;
    /** In a notebook: the cell (1-based, every cell counted); line and column are within it. */
    cell?: number;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
  }[];
  variables: Record<string, PyJson>;
  graph: { nodes: number; edges: number };
  /** How many figures the program showed (`gradlens figures FILE -o DIR` writes them). */
  figures: number;
}

/**
 * The report of a run of `source`. A notebook's run passes its locator (diagnostics placed in
 * cells) and its diagnostics (what was skipped, then the trace's).
 */
export function jsonReport(
  source: string,
  trace: Trace,
  options: { locate?: SourceLocator; diagnostics?: readonly TraceDiagnostic[] } = {},
): JsonReport {
  const locate = options.locate ?? fileLocator(source);
  return {
    ok: trace.ok,
    stdout: trace.stdout,
    diagnostics: (options.diagnostics ?? trace.diagnostics).map((d) => {
      const [start, end] = locate.span(d.span?.from ?? 0, d.span?.to ?? d.span?.from ?? 0);
      return {
        severity: d.severity,
        message: d.message,
        ...(start.cell !== undefined ? { cell: start.cell } : {}),
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
      };
    }),
    variables: trace.variables,
    graph: { nodes: trace.nodes.length, edges: trace.edges.length },
    figures: trace.figures?.length ?? 0,
  };
}
