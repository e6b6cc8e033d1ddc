import type { Trace } from "../trace/trace";
import type { NotebookProgram } from "./assembleProgram";

/**
 * What a notebook cell shows after a run, as Jupyter shows it: the text it printed, its
 * figures (SVG), the value of its last expression (`Out[n]`), and the error it stopped on. A
 * cell after the one the run stopped in did not run at all, and says so.
 */

export type CellOutput =
  | { kind: "stream"; text: string }
  | { kind: "svg"; svg: string }
  | { kind: "text"; text: string }
  | { kind: "error"; name: string; message: string };

export interface CellResult {
  outputs: CellOutput[];
  /** False when the cell raised an error, or did not run because an earlier cell did. */
  ok: boolean;
}

/** `NameError: name 'x' is not defined` → its exception name and message. */
function splitError(message: string): { name: string; message: string } {
  const m = /^([A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Warning|Iteration)): ?([\s\S]*)$/.exec(
    message,
  );
  return m ? { name: m[1], message: m[2] } : { name: "GradLens", message };
}

/** The cell of the first error the run stopped on, or null when it ran to the end. */
function stoppedIn(trace: Trace, program: NotebookProgram): number | null {
  if (trace.ok) return null;
  const error = trace.diagnostics.find((d) => d.severity === "error");
  if (!error?.span) return null;
  return program.map.toCell(error.span.from)?.cell ?? null;
}

export function cellOutputs(trace: Trace, program: NotebookProgram, cell: number): CellResult {
  const stop = stoppedIn(trace, program);
  if (stop !== null && stop < cell) {
    const error = trace.diagnostics.find((d) => d.severity === "error")!;
    return {
      outputs: [
        {
          kind: "error",
          name: "GradLens",
          message: `This cell did not run: the run stopped in cell ${stop + 1} (${error.message})`,
        },
      ],
      ok: false,
    };
  }
  const outputs: CellOutput[] = [];
  const items = trace.cells?.find((c) => c.cell === cell)?.items ?? [];
  for (const item of items) {
    if (item.kind === "stream") {
      const last = outputs[outputs.length - 1];
      if (last?.kind === "stream") last.text += item.text;
      else outputs.push({ kind: "stream", text: item.text });
    } else if (item.kind === "figure") {
      const figure = trace.figures?.[item.figure];
      if (figure) outputs.push({ kind: "svg", svg: figure.svg });
    } else outputs.push({ kind: "text", text: item.text });
  }
  let ok = true;
  for (const d of trace.diagnostics) {
    if (d.severity !== "error" || !d.span || program.map.toCell(d.span.from)?.cell !== cell) continue;
    outputs.push({ kind: "error", ...splitError(d.message) });
    ok = false;
  }
  return { outputs, ok };
}
