import type { Trace, TraceDiagnostic } from "../trace/trace";
import type { RunWorkspace } from "../files/fileRequest";

import type { LeafMove } from "../engine/leafMove";
import type { SourceLanguage } from "../lang/sourceLanguage";

export type { SourceLanguage, LeafMove, RunWorkspace };

/** What a caller (the worker, the CLI, tests) may set for one run of a program. */
export interface RunOptions {
  /** Shown in messages; not read from disk (the source is given). */
  fileName?: string;
  /**
   * Where the program is and the folders it may read (`open()`, `os`/`os.path`, its own modules,
   * `np.loadtxt`): paths resolve against its folder. The files themselves come through the
   * FileAccess installed for the run (runtime/files/runFileAccess.ts). Without it, the program
   * may read no file and its working directory is `/`.
   */
  workspace?: RunWorkspace;
  /** Interpreter steps before the run stops with a budget diagnostic. */
  stepBudget?: number;
  /**
   * Wall-clock milliseconds before the run stops where it is, with a located diagnostic and what
   * it printed so far (the runner's own time limit, a little later, stops a run stuck in one step).
   */
  timeLimitMs?: number;
  /**
   * When (Date.now()) `timeLimitMs` began to count: the caller's request, so the time a runner
   * takes to start the run counts too, and the run stops before the runner's own limit stops it
   * (losing what it printed). By default, the run's start.
   */
  timeLimitFrom?: number;
  /** Memory (MiB) the program may allocate before it gets a MemoryError (default 512). */
  memoryBudgetMb?: number;
  /** Differentiate this value (its tape row in an earlier run: `rowOf(node)`, a Value or a tensor) instead of the last `backward()`'s root. */
  output?: number;
  /** Differentiate the value this top-level name last stood for (survives edits, unlike a row). */
  outputName?: string;
  /** The source language (default Python); JavaScript and TypeScript run in the JavaScript runtime. */
  language?: SourceLanguage;
  /** Data for leaves by row, in place of what the program gives them (see Tape.leafOverrides). */
  leafValues?: ReadonlyMap<number, number>;
  /**
   * Leaves (Values, tensors that require grad) moved by row, at the version of them the graph
   * under test read (`TraceNode.parameter.version`): a gradient check's re-runs.
   */
  leafMoves?: ReadonlyMap<number, LeafMove>;
  /** Compute float32 tensors in float64 (a gradient check's finite differences need double precision). */
  float32AsFloat64?: boolean;
  /**
   * The program is a notebook's cells joined (src/notebook): the offsets where each cell starts.
   * The run then does at each cell's end what Jupyter does — shows the figures drawn, shows
   * the cell's last expression — and the trace gets each cell's outputs (`Trace.cells`).
   */
  cellStarts?: readonly number[];
  /** False: figures the program shows are not drawn (a re-run for training or a gradient check). */
  drawFigures?: boolean;
  /**
   * Told as soon as the program has ended, before its trace is built: what it printed and what
   * stopped it. The worker passes it on at once, so a run whose trace then takes longer than the
   * runner allows still keeps its output and its located error. In-process only (a function does
   * not cross to a worker).
   */
  onRunEnded?: (ended: RunEnded) => void;
}

/** A program's output and diagnostics when it ended, before its trace (RunOptions.onRunEnded). */
export interface RunEnded {
  ok: boolean;
  stdout: string;
  diagnostics: TraceDiagnostic[];
}

/** Runs a program's source to completion (or to its first error) and returns what it computed. */
export type RunProgram = (source: string, options?: RunOptions) => Trace;
