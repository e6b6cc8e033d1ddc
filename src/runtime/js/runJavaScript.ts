import { DEFAULT_MEMORY_BUDGET_MB, MemoryBudget } from "../memoryBudget";
import * as T from "../../engine/tensor/index";
import { frontEndDiagnostics } from "../frontEndDiagnostics";
import { parseJavaScript, type JsDialect } from "../../lang/javascript/parseJavaScript";
import { unrunTrace } from "../../trace/unrunTrace";
import type { TensorTraceInput } from "../../trace/tensorTrace";
import type { Span as SourceSpanLike, Trace, TraceDiagnostic } from "../../trace/trace";
import { recordRun } from "../recordRun";
import { DEFAULT_STEP_BUDGET } from "../stepMeter";
import type { RunOptions } from "../runApi";
import { oneElementGradients } from "../tensorReport";
import { applyRunOverrides } from "../runOverrides";
import { inspect } from "./inspect";
import { JsInterpreter } from "./interpreter";
import { collectJsVariables } from "./jsVariables";
import { JsRuntimeError, JsThrow, JsObject } from "./values";

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
  return recordRun(source, program, options, it, diagnostics, {
    describeStop: (e, shared) => ({
      ok: false,
      diagnostics: [jsDiagnostic(it, e) ?? shared(e)],
    }),
    variables: (root) => collectJsVariables(it, root),
    tensors: (occurrences) => tensorInput(it, occurrences, options.output),
  });
}

function tensorInput(
  it: JsInterpreter,
  programOccurrences: readonly { name: string; span: SourceSpanLike }[],
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

/** The message Node prints for what stopped the program (`TypeError: x is not a function`); null for what every language shares. */
function jsDiagnostic(it: JsInterpreter, e: unknown): TraceDiagnostic | null {
  const spanOf = (x: unknown) => (x as { span?: SourceSpanLike | null }).span ?? it.at;
  if (e instanceof JsRuntimeError)
    return { severity: "error", message: `${e.jsType}: ${e.message}`, span: spanOf(e), code: "runtime" };
  if (e instanceof JsThrow) {
    const v = e.value;
    const text = v instanceof JsObject ? it.errorText(v) : null;
    const message = text ?? `Uncaught ${inspect(v, (x) => it.errorText(x))}`;
    return { severity: "error", message, span: spanOf(e), code: "runtime" };
  }
  return null;
}
