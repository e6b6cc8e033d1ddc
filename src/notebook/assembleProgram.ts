import type { TraceDiagnostic } from "../trace/trace";
import { CellMap } from "./cellMap";
import { skipUnsupported } from "./skipUnsupported";

/** One cell as the notebook holds it. */
export interface NotebookCellSource {
  /** `code` cells run; markdown and raw cells only keep their place (as blank text). */
  kind: "code" | "markup";
  /** The cell's language; only `python` code cells run. */
  language: string;
  text: string;
}

/** The notebook's cells as one Python program. */
export interface NotebookProgram {
  source: string;
  map: CellMap;
  /** Info diagnostics for what was skipped, spans in program offsets. */
  skipped: TraceDiagnostic[];
  /** Where each cell starts in `source` (the run's `cellStarts`). */
  cellStarts: number[];
}

export const SKIPPED_CODE = "notebook-skipped";

/**
 * Joins the cells up to and including `lastCell` (cells after it do not run: Python runs top
 * to bottom, so they cannot change what the cells before them compute) into one program, cell
 * after cell with a newline between. Every cell keeps its length — non-Python cells become
 * blanks, magics and the like become same-length filler — so a program offset maps back to a
 * cell and an offset in it.
 */
export function assembleProgram(
  cells: readonly NotebookCellSource[],
  lastCell = cells.length - 1,
): NotebookProgram {
  const texts: string[] = [];
  const skipped: TraceDiagnostic[] = [];
  const included = cells.slice(0, Math.max(0, lastCell + 1));
  const plottingNames = new Set<string>();
  const cellStarts: number[] = [];
  let offset = 0;
  for (const cell of included) {
    cellStarts.push(offset);
    if (cell.kind !== "code" || cell.language !== "python") {
      texts.push(cell.text.replace(/[^\n]/g, " "));
    } else {
      const runnable = skipUnsupported(cell.text, plottingNames);
      texts.push(runnable.text);
      for (const s of runnable.skipped) {
        skipped.push({
          severity: "info",
          message: `Skipped by GradLens: ${s.reason}`,
          span: { from: offset + s.span.from, to: offset + s.span.to },
          code: SKIPPED_CODE,
        });
      }
    }
    offset += cell.text.length + 1;
  }
  return { source: texts.join("\n"), map: new CellMap(texts), skipped, cellStarts };
}
