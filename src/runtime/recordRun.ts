import type { Tape } from "../engine/tape";
import type { NameOccurrence, SourceSpan } from "../lang/ir";
import { buildTrace, type OwnTraceInput, type TraceInput } from "../trace/buildTrace";
import type { TensorTraceInput } from "../trace/tensorTrace";
import type { Occurrence, PyJson, Trace, TraceCall, TraceDiagnostic } from "../trace/trace";
import type { RunOptions } from "./runApi";
import { stopDiagnostic } from "./runErrors";
import { rowOccurrences } from "./rowOccurrences";
import { traceRoot } from "./traceRoot";

/** What the recorder needs of an interpreter, whatever its language. */
export interface RunSession {
  readonly tape: Tape;
  readonly occurrenceRows: Int32Array;
  readonly lastRoot: number | null;
  readonly stdout: string;
  readonly rowNames: ReadonlyMap<number, string[]>;
  readonly at: SourceSpan | null;
  /** The run's memory budget, for the words of a memory stop (null: not counted). */
  readonly memory: { readonly budgetBytes: number } | null;
  readonly callRecorder: { traceCalls(): TraceCall[]; callOf(row: number): number | null };
  spanOf(row: number): SourceSpan | null;
  run(): void;
}

/** What a language adds to the one run skeleton. */
export interface LanguageHooks {
  /**
   * What stopped the run, in words: the language's own errors (Python's exceptions, JavaScript's
   * throws) its own way, anything else as `shared` words it; and whether the run still ended
   * well (`sys.exit(0)`).
   */
  describeStop(e: unknown, shared: (e: unknown) => TraceDiagnostic): StopReport;
  /** Diagnostics to add once the run has ended (dropped values, warnings, figures). */
  afterRun?(diagnostics: TraceDiagnostic[], ok: boolean): void;
  variables(root: number | null): Record<string, PyJson>;
  tensors(occurrences: readonly NameOccurrence[]): TensorTraceInput | undefined;
  own?(): OwnTraceInput | undefined;
  /** More for the trace: the sources of the program's own modules, the files it read. */
  traceExtras?(): Pick<TraceInput, "sourceOf" | "inputs">;
  /** The trace once built, for what needs its nodes (checks named as the graph names values). */
  finish?(trace: Trace): void;
}

export interface StopReport {
  ok: boolean;
  diagnostics: TraceDiagnostic[];
}

/**
 * The one run skeleton of both interpreters: run, put what stopped it into words, then the
 * trace — name occurrences, the root, the calls, the graph. `diagnostics` holds the front
 * end's already.
 */
export function recordRun(
  source: string,
  program: { occurrences: readonly NameOccurrence[] },
  options: RunOptions,
  session: RunSession,
  diagnostics: TraceDiagnostic[],
  hooks: LanguageHooks,
): Trace {
  let ok = true;
  try {
    session.run();
  } catch (e) {
    const budget = session.memory?.budgetBytes ?? null;
    const report = hooks.describeStop(e, (x) => stopDiagnostic(x, session.at, diagnostics, budget));
    ok = report.ok;
    diagnostics.push(...report.diagnostics);
  }
  options.onRunEnded?.({
    ok,
    stdout: session.stdout,
    diagnostics: diagnostics.filter((d) => d.code !== "duplicate"),
  });
  hooks.afterRun?.(diagnostics, ok);
  const occurrences: Occurrence[] = rowOccurrences(session.occurrenceRows, program.occurrences);
  const root = traceRoot(options, session.tape, occurrences, session.lastRoot);
  const calls = session.callRecorder.traceCalls();
  const trace = buildTrace({
    source,
    ...hooks.traceExtras?.(),
    tape: session.tape,
    spanOf: (row) => session.spanOf(row),
    names: session.rowNames,
    root,
    occurrences,
    ok,
    stdout: session.stdout,
    diagnostics: diagnostics.filter((d) => d.code !== "duplicate"),
    variables: hooks.variables(root),
    tensors: hooks.tensors(program.occurrences),
    calls: { list: calls, callOf: (row) => session.callRecorder.callOf(row) },
    own: hooks.own?.(),
  });
  hooks.finish?.(trace);
  return trace;
}
