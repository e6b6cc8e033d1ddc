import { parsePython } from "../lang/python/parsePython";
import { frontEndDiagnostics } from "./frontEndDiagnostics";
import { unrunTrace } from "../trace/unrunTrace";
import type { TraceDiagnostic, TraceFigure } from "../trace/trace";
import { makeBuiltins } from "./builtins";
import { Interpreter } from "./interpreter/interpreter";
import { PyError } from "./interpreter/pyErrors";
import { BuiltinModules } from "./moduleLoader";
import type { RunProgram } from "./runApi";
import { exitStatus } from "./modules/sysModule";
import { runNotes } from "./runNotes";
import { recordRun } from "./recordRun";
import { DEFAULT_STEP_BUDGET } from "./stepMeter";
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
import { placeCalls } from "./objectPlaces";

export { DEFAULT_STEP_BUDGET };

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
  if (options.timeLimitMs !== undefined) interp.meter.limitTime(options.timeLimitMs, options.timeLimitFrom);
  applyRunOverrides(interp.tape, options);
  if (options.drawFigures === false) figureOutputs(interp).drawing = false;
  const notebook = options.cellStarts ? runAsNotebook(interp, program, source, options.cellStarts) : null;
  let figures: TraceFigure[] = [];
  return recordRun(source, program, options, interp, diagnostics, {
    describeStop: (e, shared) => {
      // sys.exit() ends the run as CPython ends it: cleanly, its status noted when not 0
      const exit = exitStatus(interp, e);
      if (exit !== null)
        return { ok: true, diagnostics: exit.status !== 0 ? [exitNote(exit, e, interp)] : [] };
      const imported = frontEndDiagnostics(modules.diagnostics);
      const diagnostic =
        e instanceof PyError
          ? {
              severity: "error" as const,
              message: e.hint === null ? e.pythonMessage : `${e.pythonMessage} (${e.hint})`,
              span: e.span ?? interp.at,
              code: "runtime",
            }
          : shared(e);
      return { ok: false, diagnostics: [...imported, diagnostic, ...inProgramFile(e, diagnostic, modules)] };
    },
    afterRun: (found, ok) => {
      if (ok) found.push(...frontEndDiagnostics(modules.diagnostics));
      if (interp.tape.dropped > 0) found.push(droppedValues(interp));
      found.push(...numpyWarnings(interp));
      found.push(...runNotes(interp));
      figures = finishFigures(interp, found, notebook);
    },
    variables: (root) => collectVariables(interp, root),
    tensors: () =>
      mergeTensorInputs(
        torchTraceInput(interp, program, options.output),
        numpyTraceInput(interp, program, options.output, numpyRoot(interp, options, program.occurrences)),
      ),
    own: () => interp.ownValues.traceInput(),
    traceExtras: () => ({ sourceOf: (file) => modules.sources.get(file), inputs: [...files.inputs] }),
    finish: (trace) => {
      // the program's own backward() checked against the chain rule, named as the graph names values
      trace.diagnostics.push(...ownValueDiagnostics(trace, interp.ownValues.findings.values()));
      // and its hand-written numpy gradients (`self.weights -= lr * weights_gradient`)
      reportHandBackward(interp, trace);
      placeCalls(interp, trace);
      if (figures.length > 0) trace.figures = figures;
      if (notebook) trace.cells = notebook.cells(trace.stdout);
    },
  });
};

/** The note a `sys.exit()` with a status other than 0 leaves. */
function exitNote(
  exit: { status: number; message: string | null },
  e: unknown,
  interp: Interpreter,
): TraceDiagnostic {
  const message =
    exit.message === null
      ? `The program exited with status ${exit.status} (SystemExit)`
      : `SystemExit: ${exit.message} (the program exited with status ${exit.status})`;
  return { severity: "info", message, span: (e as PyError).span ?? interp.at, code: "exit" };
}

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
