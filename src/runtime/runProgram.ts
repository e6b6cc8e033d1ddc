import { parsePython } from "../lang/python/parsePython";
import { frontEndDiagnostics } from "./frontEndDiagnostics";
import { buildTrace } from "../trace/buildTrace";
import { unrunTrace } from "../trace/unrunTrace";
import type { Trace, TraceDiagnostic } from "../trace/trace";
import { makeBuiltins } from "./builtins";
import { Interpreter } from "./interpreter/interpreter";
import { BudgetError, PyError, UnsupportedError } from "./interpreter/pyErrors";
import { BuiltinModules } from "./moduleLoader";
import type { RunProgram } from "./runApi";
import { rowOccurrences } from "./rowOccurrences";
import { traceRoot } from "./traceRoot";
import { collectVariables } from "./variables";
import { torchTraceInput } from "./modules/torchReport";
import { runJavaScript } from "./js/runJavaScript";
import { DEFAULT_MEMORY_BUDGET_MB, MemoryBudget } from "./memoryBudget";
import { finishFigures } from "./finishFigures";
import { runAsNotebook } from "./notebookCells";
import { figureOutputs } from "./figureOutputs";

export const DEFAULT_STEP_BUDGET = 50_000_000;

/**
 * Runs Python source in GradLens's interpreter (JavaScript and TypeScript, by `options.language`,
 * in the JavaScript runtime: src/runtime/js) and returns the trace: what it printed, what
 * went wrong (syntax, unsupported constructs, Python errors, the step budget) and the graph of
 * every Value it made. Synchronous and pure: no I/O, safe to run in a worker.
 */
export const runProgram: RunProgram = (source, options = {}) => {
  if (options.language === "javascript" || options.language === "typescript")
    return runJavaScript(source, options.language === "typescript" ? "ts" : "js", options);
  const parsed = parsePython(source);
  const diagnostics = frontEndDiagnostics(parsed.diagnostics);
  if (!parsed.program) return unrunTrace(diagnostics);
  const program = parsed.program;
  const interp = new Interpreter(
    program,
    options.stepBudget ?? DEFAULT_STEP_BUDGET,
    makeBuiltins,
    new BuiltinModules(),
    new MemoryBudget((options.memoryBudgetMb ?? DEFAULT_MEMORY_BUDGET_MB) * 1024 * 1024),
  );
  if (options.leafValues) interp.tape.leafOverrides = options.leafValues;
  if (options.drawFigures === false) figureOutputs(interp).drawing = false;
  const notebook = options.cellStarts ? runAsNotebook(interp, program, source, options.cellStarts) : null;
  let ok = true;
  try {
    interp.run();
  } catch (e) {
    ok = false;
    diagnostics.push(diagnosticFor(e, interp.at, diagnostics));
  }
  const figures = finishFigures(interp, diagnostics, notebook);
  const occurrences = rowOccurrences(interp.occurrenceRows, program.occurrences);
  const root = traceRoot(options, interp.tape, occurrences, interp.lastRoot);
  const calls = interp.callRecorder.traceCalls();
  const trace: Trace = buildTrace({
    source,
    tape: interp.tape,
    spanOf: (row) => interp.spanOf(row),
    names: interp.rowNames,
    root,
    occurrences,
    ok,
    stdout: interp.stdout,
    diagnostics: diagnostics.filter((d) => d.code !== "duplicate"),
    variables: collectVariables(interp, root),
    tensors: torchTraceInput(interp, program, options.output),
    calls: { list: calls, callOf: (row) => interp.callRecorder.callOf(row) },
  });
  if (figures.length > 0) trace.figures = figures;
  if (notebook) trace.cells = notebook.cells(trace.stdout);
  return trace;
};

function diagnosticFor(
  e: unknown,
  at: TraceDiagnostic["span"],
  existing: TraceDiagnostic[],
): TraceDiagnostic {
  if (e instanceof PyError)
    return { severity: "error", message: e.pythonMessage, span: e.span ?? at, code: "runtime" };
  if (e instanceof UnsupportedError) {
    const span = e.span ?? at;
    // the front end already reported this construct where it stands
    const known = existing.some(
      (d) => d.code === "unsupported" && d.span?.from === span?.from && d.span?.to === span?.to,
    );
    return { severity: "error", message: e.message, span, code: known ? "duplicate" : "unsupported" };
  }
  if (e instanceof BudgetError) return { severity: "error", message: e.message, span: at, code: "budget" };
  const message = e instanceof Error ? e.message : String(e);
  return { severity: "error", message: `GradLens internal error: ${message}`, span: at, code: "internal" };
}
