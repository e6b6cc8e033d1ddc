import type { PyJson, Trace } from "../trace/trace";
import { LineIndex } from "./lineColumn";
import type { SourcePlaces } from "./sourcePlaces";

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
    /** Present when the diagnostic is in another file than the program: one of its modules. */
    file?: string;
  }[];
  variables: Record<string, PyJson>;
  graph: { nodes: number; edges: number };
}

/** `places` puts a diagnostic in one of the program's modules in that file (`file`). */
export function jsonReport(source: string, trace: Trace, places?: SourcePlaces): JsonReport {
  const lines = new LineIndex(source);
  return {
    ok: trace.ok,
    stdout: trace.stdout,
    diagnostics: trace.diagnostics.map((d) => {
      const place = d.span?.file !== undefined && places !== undefined ? places.at(d.span) : null;
      const start = place ?? lines.at(d.span?.from ?? 0);
      const end = place ? places!.at(d.span, true) : lines.at(d.span?.to ?? d.span?.from ?? 0);
      return {
        severity: d.severity,
        message: d.message,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        ...(place ? { file: place.file } : {}),
      };
    }),
    variables: trace.variables,
    graph: { nodes: trace.nodes.length, edges: trace.edges.length },
  };
}
