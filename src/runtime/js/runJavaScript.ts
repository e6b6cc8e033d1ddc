import { EngineMemoryError } from "../../engine/memory";
import { DEFAULT_MEMORY_BUDGET_MB, MemoryBudget } from "../memoryBudget";
import * as T from "../../engine/tensor/index";
import { frontEndDiagnostics } from "../frontEndDiagnostics";
import { parseJavaScript, type JsDialect } from "../../lang/javascript/parseJavaScript";
import { buildTrace } from "../../trace/buildTrace";
import { unrunTrace } from "../../trace/unrunTrace";
import type { TensorTraceInput } from "../../trace/tensorTrace";
import type { Span as SourceSpanLike, Trace, TraceDiagnostic } from "../../trace/trace";
import { BudgetError, UnsupportedError } from "../interpreter/pyErrors";
import type { RunOptions } from "../runApi";
import { oneElementGradients } from "../tensorReport";
import { rowOccurrences } from "../rowOccurrences";
import { traceRoot } from "../traceRoot";
import { applyRunOverrides } from "../runOverrides";
import { inspect } from "./inspect";
import { JsInterpreter } from "./interpreter";
import { collectJsVariables } from "./jsVariables";
import { JsRuntimeError, JsThrow, JsObject } from "./values";

const DEFAULT_STEP_BUDGET = 50_000_000;

/**
 * Runs JavaScript or TypeScript source in GradLens's interpreter and returns the trace, with
 * the same contract as the Python run: output, diagnostics (syntax, unsupported constructs,
 * JavaScript errors as Node names them, the step budget) and the graph of every Value and tensor.
 */
export function runJavaScript(source: string, dialect: JsDialect, options: RunOptions = {}): Trace {
  const parsed = parseJavaScript(source, dialect);
  const diagnostics = frontEndDiagnostics(parsed.diagnostics);
  if (!parsed.program) return unrunTrace(diagnostics);
  const program = parsed.program;
  T.resetEngineState();
  const memoryMb = options.memoryBudgetMb ?? DEFAULT_MEMORY_BUDGET_MB;
  const it = new JsInterpreter(
    program,
    source,
    options.stepBudget ?? DEFAULT_STEP_BUDGET,
    new MemoryBudget(memoryMb * 1024 * 1024),
  );
  applyRunOverrides(it.tape, options);
  let ok = true;
  try {
    it.run();
  } catch (e) {
    ok = false;
    diagnostics.push(diagnosticFor(it, e, diagnostics));
  }
  const occurrences = rowOccurrences(it.occurrenceRows, program.occurrences);
  const root = traceRoot(options, it.tape, occurrences, it.lastRoot);
  const calls = it.callRecorder.traceCalls();
  return buildTrace({
    source,
    tape: it.tape,
    spanOf: (row) => it.spanOf(row),
    names: it.rowNames,
    root,
    occurrences,
    ok,
    stdout: it.stdout,
    diagnostics: diagnostics.filter((d) => d.code !== "duplicate"),
    variables: collectJsVariables(it, root),
    tensors: tensorInput(it, program.occurrences, options.output),
    calls: { list: calls, callOf: (row) => it.callRecorder.callOf(row) },
  });
}

function tensorInput(
  it: JsInterpreter,
  programOccurrences: { name: string; span: SourceSpanLike }[],
  output: number | undefined,
): TensorTraceInput | undefined {
  const s = it.tensors;
  if (s.held.length === 0) return undefined;
  const backward = it.lastRoot === null ? s.lastBackward : null;
  return {
    held: s.held,
    spanOf: (id) => s.spans.get(id) ?? null,
    namesOf: (id) => s.names.get(id),
    callOf: (id) => s.calls.get(id) ?? null,
    backward,
    rootId: backward !== null ? s.lastRootId : null,
    output,
    gradientsFor: oneElementGradients,
    occurrences: [...s.occurrences].map(([occurrence, id]) => ({ ...programOccurrences[occurrence], id })),
  };
}

/** The message Node prints for what stopped the program (`TypeError: x is not a function`). */
function diagnosticFor(it: JsInterpreter, e: unknown, existing: TraceDiagnostic[]): TraceDiagnostic {
  const spanOf = (x: unknown) => (x as { span?: SourceSpanLike | null }).span ?? it.at;
  if (e instanceof JsRuntimeError)
    return { severity: "error", message: `${e.jsType}: ${e.message}`, span: spanOf(e), code: "runtime" };
  if (e instanceof JsThrow) {
    const v = e.value;
    const text = v instanceof JsObject ? it.errorText(v) : null;
    const message = text ?? `Uncaught ${inspect(v, (x) => it.errorText(x))}`;
    return { severity: "error", message, span: spanOf(e), code: "runtime" };
  }
  if (e instanceof UnsupportedError) {
    const span = e.span ?? it.at;
    const known = existing.some(
      (d) => d.code === "unsupported" && d.span?.from === span?.from && d.span?.to === span?.to,
    );
    return { severity: "error", message: e.message, span, code: known ? "duplicate" : "unsupported" };
  }
  if (e instanceof BudgetError) return { severity: "error", message: e.message, span: it.at, code: "budget" };
  if (e instanceof EngineMemoryError) {
    const budget = it.memory ? Math.round(it.memory.budgetBytes / 1024 / 1024) : 0;
    const message = `stopped: the program needed more than ${budget} MiB (the memory budget, gradlens.memoryBudgetMb)`;
    return { severity: "error", message, span: it.at, code: "memory" };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { severity: "error", message: `GradLens internal error: ${message}`, span: it.at, code: "internal" };
}
