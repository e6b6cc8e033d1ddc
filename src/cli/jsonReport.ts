import type { PyJson, Trace, TraceDiagnostic } from "../trace/trace";
import type { SourcePlaces } from "./sourcePlaces";
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
    /** Present when the diagnostic is in another file than the program: one of its modules. */
    file?: string;
  }[];
  variables: Record<string, PyJson>;
  graph: { nodes: number; edges: number };
  /** How many figures the program showed (`gradlens figures FILE -o DIR` writes them). */
  figures: number;
}

/**
 * The report of a run of `source`. A notebook's run passes its locator (diagnostics placed in
 * cells) and its diagnostics (what was skipped, then the trace's); `places` puts a diagnostic in
 * one of the program's own modules in that file (`file`).
 */
export function jsonReport(
  source: string,
  trace: Trace,
  options: {
    locate?: SourceLocator;
    diagnostics?: readonly TraceDiagnostic[];
    places?: SourcePlaces;
  } = {},
): JsonReport {
  const locate = options.locate ?? fileLocator(source);
  const places = options.places;
  return {
    ok: trace.ok,
    stdout: trace.stdout,
    diagnostics: (options.diagnostics ?? trace.diagnostics).map((d) => {
      if (d.span?.file !== undefined && places !== undefined) {
        const start = places.at(d.span);
        const end = places.at(d.span, true);
        return {
          severity: d.severity,
          message: d.message,
          file: start.file,
          line: start.line,
          column: start.column,
          endLine: end.line,
          endColumn: end.column,
        };
      }
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
