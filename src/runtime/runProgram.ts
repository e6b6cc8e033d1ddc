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
import { exitStatus } from "./modules/sysModule";
import { runNotes } from "./runNotes";
import { rowOccurrences } from "./rowOccurrences";
import { traceRoot } from "./traceRoot";
import { collectVariables } from "./variables";
import { torchTraceInput } from "./modules/torchReport";
import { mergeTensorInputs, numpyTraceInput, numpyWarnings } from "./modules/numpy/numpyReport";
import { runJavaScript } from "./js/runJavaScript";
import { DEFAULT_MEMORY_BUDGET_MB, MemoryBudget } from "./memoryBudget";
import { ownValueDiagnostics } from "./ownValues/ownValueMessages";
import { applyRunOverrides } from "./runOverrides";
import { currentFileAccess } from "./files/runFileAccess";
import { inProgramFile } from "./files/moduleErrors";
import { withOpen } from "./files/openBuiltin";
import { ProgramFiles } from "./files/programFiles";
import { WorkspaceModules } from "./files/workspaceModules";
import { finishFigures } from "./finishFigures";
import { runAsNotebook } from "./notebookCells";
import { figureOutputs } from "./figureOutputs";
import { reportHandBackward } from "./handBackward/handReport";
import { numpyRoot } from "./handBackward/numpyRoot";

export const DEFAULT_STEP_BUDGET = 50_000_000;

/**
 * Runs Python source in GradLens's interpreter (JavaScript and TypeScript, by `options.language`,
 * in the JavaScript runtime: src/runtime/js) and returns the trace: what it printed, what
 * went wrong (syntax, unsupported constructs, Python errors, the step budget) and the graph of
 * every Value it made. Synchronous, and without I/O of its own: the files a program reads and
 * the modules it imports come through the FileAccess installed for the run (runFileAccess.ts).
 */
export const runProgram: RunProgram = (source, options = {}) => {
  if (options.language === "javascript" || options.language === "typescript")
    return runJavaScript(source, options.language === "typescript" ? "ts" : "js", options);
  const parsed = parsePython(source);
  const diagnostics = frontEndDiagnostics(parsed.diagnostics);
  if (!parsed.program) return unrunTrace(diagnostics);
  const program = parsed.program;
  // the files it may read and its own modules, through the file access of this request
  const files = new ProgramFiles(currentFileAccess(), options.workspace);
  const modules = new WorkspaceModules(
    files,
    new BuiltinModules({ files, programName: options.fileName ?? "" }),
  );
  const interp = new Interpreter(
    program,
    options.stepBudget ?? DEFAULT_STEP_BUDGET,
    (rt) => withOpen(makeBuiltins(rt), rt, files),
    modules,
    new MemoryBudget((options.memoryBudgetMb ?? DEFAULT_MEMORY_BUDGET_MB) * 1024 * 1024),
  );
  if (options.workspace?.programPath) interp.globals.set("__file__", options.workspace.programPath);
  applyRunOverrides(interp.tape, options);
  if (options.drawFigures === false) figureOutputs(interp).drawing = false;
  const notebook = options.cellStarts ? runAsNotebook(interp, program, source, options.cellStarts) : null;
  let ok = true;
  try {
    interp.run();
  } catch (e) {
    // sys.exit() ends the run as CPython ends it: cleanly, its status noted when not 0
    const exit = exitStatus(interp, e);
    if (exit === null) {
      ok = false;
      diagnostics.push(...frontEndDiagnostics(modules.diagnostics));
      const diagnostic = diagnosticFor(e, interp.at, diagnostics);
      diagnostics.push(diagnostic, ...inProgramFile(e, diagnostic, modules));
    } else if (exit.status !== 0) {
      const message =
        exit.message === null
          ? `The program exited with status ${exit.status} (SystemExit)`
          : `SystemExit: ${exit.message} (the program exited with status ${exit.status})`;
      diagnostics.push({ severity: "info", message, span: (e as PyError).span ?? interp.at, code: "exit" });
    }
  }
  if (ok) diagnostics.push(...frontEndDiagnostics(modules.diagnostics));
  if (interp.tape.dropped > 0) diagnostics.push(droppedValues(interp));
  diagnostics.push(...numpyWarnings(interp));
  diagnostics.push(...runNotes(interp));
  const figures = finishFigures(interp, diagnostics, notebook);
  const occurrences = rowOccurrences(interp.occurrenceRows, program.occurrences);
  const root = traceRoot(options, interp.tape, occurrences, interp.lastRoot);
  const calls = interp.callRecorder.traceCalls();
  const trace: Trace = buildTrace({
    source,
    sourceOf: (file) => modules.sources.get(file),
    inputs: [...files.inputs],
    tape: interp.tape,
    spanOf: (row) => interp.spanOf(row),
    names: interp.rowNames,
    root,
    occurrences,
    ok,
    stdout: interp.stdout,
    diagnostics: diagnostics.filter((d) => d.code !== "duplicate"),
    variables: collectVariables(interp, root),
    tensors: mergeTensorInputs(
      torchTraceInput(interp, program, options.output),
      numpyTraceInput(interp, program, options.output, numpyRoot(interp, options, program.occurrences)),
    ),
    calls: { list: calls, callOf: (row) => interp.callRecorder.callOf(row) },
    own: interp.ownValues.traceInput(),
  });
  // the program's own backward() checked against the chain rule, named as the graph names values
  trace.diagnostics.push(...ownValueDiagnostics(trace, interp.ownValues.findings.values()));
  // and its hand-written numpy gradients (`self.weights -= lr * weights_gradient`)
  reportHandBackward(interp, trace);
  if (figures.length > 0) trace.figures = figures;
  if (notebook) trace.cells = notebook.cells(trace.stdout);
  return trace;
};

/** Where a long run dropped the values it could no longer reach, and how many it kept. */
function droppedValues(interp: Interpreter): TraceDiagnostic {
  const made = interp.tape.born.toLocaleString("en-US");
  const kept = interp.tape.size.toLocaleString("en-US");
  return {
    severity: "info",
    message: `This run made ${made} values; GradLens kept the ${kept} the program could still reach (the graph shows the last steps of this loop, not every earlier one)`,
    span: interp.reclaimer.firstAt,
    code: "dropped",
  };
}

function diagnosticFor(
  e: unknown,
  at: TraceDiagnostic["span"],
  existing: TraceDiagnostic[],
): TraceDiagnostic {
  if (e instanceof PyError) {
    const message = e.hint === null ? e.pythonMessage : `${e.pythonMessage} (${e.hint})`;
    return { severity: "error", message, span: e.span ?? at, code: "runtime" };
  }
  if (e instanceof UnsupportedError) {
    const span = e.span ?? at;
    // the front end already reported this construct where it stands
    const known = existing.some(
      (d) =>
        d.code === "unsupported" &&
        d.span?.from === span?.from &&
        d.span?.to === span?.to &&
        d.span?.file === span?.file,
    );
    return { severity: "error", message: e.message, span, code: known ? "duplicate" : "unsupported" };
  }
  if (e instanceof BudgetError) return { severity: "error", message: e.message, span: at, code: "budget" };
  const message = e instanceof Error ? e.message : String(e);
  return { severity: "error", message: `GradLens internal error: ${message}`, span: at, code: "internal" };
}
