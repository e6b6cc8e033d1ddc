import type { PyJson, Trace } from "../trace/trace";
import { LineIndex } from "./lineColumn";

/** The CLI's `--json` contract (README, "The CLI's JSON contract"): keep it stable. */
export interface JsonReport {
  ok: boolean;
  stdout: string;
  diagnostics: {
    severity: "error" | "warning" | "info";
    message: string;
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

export function jsonReport(source: string, trace: Trace): JsonReport {
  const lines = new LineIndex(source);
  return {
    ok: trace.ok,
    stdout: trace.stdout,
    diagnostics: trace.diagnostics.map((d) => {
      const start = lines.at(d.span?.from ?? 0);
      const end = lines.at(d.span?.to ?? d.span?.from ?? 0);
      return {
        severity: d.severity,
        message: d.message,
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
