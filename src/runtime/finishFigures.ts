import type { TraceDiagnostic, TraceFigure } from "../trace/trace";
import { existingFigureOutputs } from "./figureOutputs";
import type { Interpreter } from "./interpreter/interpreter";
import { finishPlots } from "./modules/matplotlib/pyplotModule";
import type { NotebookSession } from "./notebookCells";

/**
 * The end of a run for what it showed: figures never shown are shown now (as a script's would
 * be at its end), and the figures and the modules' notes join the trace.
 */
export function finishFigures(
  interp: Interpreter,
  diagnostics: TraceDiagnostic[],
  notebook: NotebookSession | null,
): TraceFigure[] {
  try {
    notebook?.finish();
    finishPlots(interp);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    diagnostics.push({
      severity: "error",
      message: `GradLens internal error while drawing a figure: ${message}`,
      span: null,
      code: "internal",
    });
  }
  const outputs = existingFigureOutputs(interp);
  if (outputs === null) return [];
  diagnostics.push(...outputs.diagnostics());
  return outputs.figures;
}
