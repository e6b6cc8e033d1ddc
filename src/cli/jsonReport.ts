import type { HandCheck, PyJson, Span, Trace, TraceDiagnostic } from "../trace/trace";
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
  /** The gradients the program computed by hand (a numpy backward pass), each checked. */
  handChecks: JsonHandCheck[];
  /** A notebook's outputs, cell by cell, as Jupyter shows them (absent for a source file). */
  cells?: JsonCellOutputs[];
}

/**
 * One notebook cell's outputs in order: what it printed, the value of its last expression
 * (Jupyter's `Out[n]`, as its repr) and the figures it showed (their index among `figures`, from 0).
 */
export interface JsonCellOutputs {
  /** 1-based, every cell counted, as a diagnostic's `cell`. */
  cell: number;
  outputs: (
    { kind: "stream"; text: string } | { kind: "result"; text: string } | { kind: "figure"; figure: number }
  )[];
}

/** Where something is in the program (or, with `file`, in one of its modules). */
export interface JsonPlace {
  cell?: number;
  file?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One hand-computed gradient beside the chain rule's (README, "The CLI's JSON contract"). */
export interface JsonHandCheck extends JsonPlace {
  /** `∂loss/∂weights of Dense (network[0])`. */
  title: string;
  agrees: boolean;
  shape: number[];
  /** Row-major, the first HAND_CHECK_ELEMENTS only (then `truncated`). */
  yours: (number | string)[];
  expected: (number | string)[];
  truncated?: true;
  /** Where the two differ most, when they differ. */
  worst: number[] | null;
  /** Which call it was checked at: `the first of 800 calls`. */
  when: string;
}

/** A hand check's arrays past this many elements give their beginning only. */
export const HAND_CHECK_ELEMENTS = 1_000;

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
  const place = (span: Span | null): JsonPlace => {
    if (span?.file !== undefined && places !== undefined) {
      const start = places.at(span);
      const end = places.at(span, true);
      return {
        file: start.file,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
      };
    }
    const [start, end] = locate.span(span?.from ?? 0, span?.to ?? span?.from ?? 0);
    return {
      ...(start.cell !== undefined ? { cell: start.cell } : {}),
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
    };
  };
  return {
    ok: trace.ok,
    stdout: trace.stdout,
    diagnostics: (options.diagnostics ?? trace.diagnostics).map((d) => ({
      severity: d.severity,
      message: d.message,
      ...place(d.span),
    })),
    variables: trace.variables,
    graph: { nodes: trace.nodes.length, edges: trace.edges.length },
    figures: trace.figures?.length ?? 0,
    handChecks: (trace.handChecks ?? []).map((c) => handCheckJson(c, place(c.span))),
    ...(trace.cells !== undefined
      ? {
          cells: trace.cells.map((c) => ({
            cell: c.cell + 1,
            outputs: c.items.map((item) => ({ ...item })),
          })),
        }
      : {}),
  };
}

/** What `gradlens run` prints for a notebook: each cell's printed text and its shown value, in order. */
export function notebookText(trace: Trace): string {
  let text = "";
  for (const cell of trace.cells ?? [])
    for (const item of cell.items)
      if (item.kind === "stream") text += item.text;
      else if (item.kind === "result") text += `${item.text}\n`;
  return text;
}

function handCheckJson(c: HandCheck, at: JsonPlace): JsonHandCheck {
  const truncated = c.yours.length > HAND_CHECK_ELEMENTS;
  const numbers = (xs: number[]) => jsonNumbers(xs.slice(0, HAND_CHECK_ELEMENTS));
  return {
    title: c.title,
    ...at,
    agrees: c.agrees,
    shape: c.shape,
    yours: numbers(c.yours),
    expected: numbers(c.expected),
    ...(truncated ? { truncated: true as const } : {}),
    worst: c.worst,
    when: c.when,
  };
}

/** JSON has no NaN or infinities: those are strings, as in `variables`. */
function jsonNumbers(xs: number[]): (number | string)[] {
  return xs.map((x) => (Number.isFinite(x) ? x : Number.isNaN(x) ? "NaN" : x > 0 ? "Infinity" : "-Infinity"));
}
