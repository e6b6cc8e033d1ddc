import type { PackedMessage } from "./packedMessage";
import type { GradientCheckReport } from "../checks/gradientCheck";
import { isFileAnswer, isFileRequest, type FileAnswer, type FileRequest } from "../files/fileRequest";
import type { GradientThresholds, HealthDiagnostic } from "../explain/gradientHealth";
import type { InlineValue } from "../explain/inlineValues";
import type { RunEnded, RunOptions } from "../runtime/runApi";
import type { FoldChoices } from "../view/folding/foldState";
import type { TrainConfig, TrainResult } from "../train/trainProgram";
import type { Trace } from "../trace/trace";
import type { ViewGraph } from "../view/viewGraph";

/**
 * How to draw the graph: the node limit past which it folds, the folds opened or closed by hand,
 * and the graph on screen, whose layout is kept while only numbers change.
 */
export interface ViewRequest {
  nodeLimit: number;
  folds: FoldChoices;
  previous?: ViewGraph;
}

/** Host → worker: run this source (the worker answers with the same `id`). */
export interface RunRequest {
  type: "run";
  id: number;
  source: string;
  options: RunOptions;
  /**
   * How to judge the gradients and write the inline values; done here, off the host's thread.
   * `locale` is VS Code's display language for the messages (English when absent).
   */
  view?: ViewRequest;
  analysis: { thresholds: GradientThresholds; inlineMaxLength: number; precision: number; locale?: string };
}

/** Worker → host: the run finished (or stopped on an error); `view` is laid out for drawing. */
export interface RunResponse {
  type: "result";
  id: number;
  trace: Trace;
  view: ViewGraph;
  /** NaN/Inf, vanishing, exploding and dead-ReLU findings. */
  health: HealthDiagnostic[];
  /** The text after each line that bound a value. */
  inline: InlineValue[];
  /** Whether inline values suit this program by default (it is short). */
  inlineByDefault: boolean;
  /** Milliseconds spent in the worker: interpreting, tracing, layout. */
  timings: { runMs: number; layoutMs: number; analysisMs: number };
}

/**
 * Worker → host: the program of a run or trace request has ended (its answer follows once the
 * trace is built). Kept by the client, so a run stopped while its trace was being built still
 * shows what the program printed and where it stopped.
 */
export interface RunEndedNote extends RunEnded {
  type: "ended";
  id: number;
}

/** Host → worker: check every parameter's gradient against finite differences (many re-runs). */
export interface GradientCheckRequest {
  type: "gradcheck";
  id: number;
  source: string;
  options: RunOptions;
  /** The language of the report's messages (English when absent). */
  locale?: string;
}

/** Worker → host: the gradient check's report. */
export interface GradientCheckResponse {
  type: "gradcheck";
  id: number;
  report: GradientCheckReport;
}

/** Host → worker: train the program's parameters with an optimizer, reporting every step. */
export interface TrainRequest {
  type: "train";
  id: number;
  source: string;
  options: RunOptions;
  config: TrainConfig;
  /** The language of the result's message (English when absent). */
  locale?: string;
  /** When the graph is on screen: lay out steps' graphs so its numbers follow the training. */
  view?: ViewRequest;
}

/** Worker → host: one training step's loss (many of these, then one `trained`). */
export interface TrainProgress {
  type: "trainStep";
  id: number;
  step: number;
  loss: number;
  /** This step's graph, laid out like the one before it (a few a second at most). */
  view?: ViewGraph;
}

/** Worker → host: training finished or stopped. */
export interface TrainResponse {
  type: "trained";
  id: number;
  result: TrainResult;
  /** The graph with the trained values, when a view was asked for and training ended well. */
  view?: ViewGraph;
}

/** Host → worker: run this source and bring back only its trace (the CLI draws and reports it itself). */
export interface TraceRequest {
  type: "trace";
  id: number;
  source: string;
  options: RunOptions;
}

/** Worker → host: the trace of a TraceRequest's run. */
export interface TraceResponse {
  type: "trace";
  id: number;
  trace: Trace;
}

export type WorkerRequest = RunRequest | GradientCheckRequest | TrainRequest | TraceRequest;

/** Worker → host: the worker itself failed (a bug, not a program error). */
export interface WorkerFailure {
  type: "failure";
  id: number;
  message: string;
}

/**
 * Worker → host (through the runner): the program running for request `id` asks for a file (its
 * `seq`-th question). Its thread waits, blocked, for the FileAnswerMessage with the same `id`
 * and `seq` (fileBridge.ts), at most FILE_WAIT_MS.
 */
export interface FileRequestMessage {
  type: "fileRequest";
  id: number;
  seq: number;
  request: FileRequest;
}

export type WorkerMessage =
  | RunResponse
  | GradientCheckResponse
  | TrainProgress
  | TrainResponse
  | TraceResponse
  | RunEndedNote
  | WorkerFailure;

/** Host → runner: stop request `id` if it is still running (its worker is replaced). */
export interface CancelRequest {
  type: "cancel";
  id: number;
}

/** Host → runner: how much memory the runner process holds (the soak bench asks). */
export interface MemoryQuery {
  type: "memory";
  id: number;
}

/** Host → runner: the answer to the FileRequestMessage `id`/`seq`, passed on to the waiting worker. */
export interface FileAnswerMessage {
  type: "fileAnswer";
  id: number;
  seq: number;
  answer: FileAnswer;
}

export type RunnerRequest = WorkerRequest | CancelRequest | MemoryQuery | FileAnswerMessage;

/** Runner → host: the worker running request `id` died (its heap limit, or a fatal error). */
export interface WorkerDied {
  type: "died";
  id: number;
  reason: "memory" | "crash";
  detail: string;
}

/** Runner → host: the runner process's memory (resident set and its main heap), in bytes. */
export interface MemoryReport {
  type: "memoryReport";
  id: number;
  rss: number;
  heapUsed: number;
}

/**
 * What crosses from the runner to its client: a worker's answer packed (packedMessage.ts), a
 * program's question for a file (small, as it is), or the runner's own news.
 */
export type RunnerMessage = PackedMessage | FileRequestMessage | WorkerDied | MemoryReport;

const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

/** Whether a message from the runner is a well-formed FileRequestMessage (the host checks before it reads). */
export function isFileRequestMessage(x: unknown): x is FileRequestMessage {
  const m = x as Partial<FileRequestMessage> | null;
  return (
    typeof m === "object" &&
    m !== null &&
    m.type === "fileRequest" &&
    isCount(m.id) &&
    isCount(m.seq) &&
    isFileRequest(m.request)
  );
}

/** Whether a message from the host is a well-formed FileAnswerMessage (the runner checks before passing it on). */
export function isFileAnswerMessage(x: unknown): x is FileAnswerMessage {
  const m = x as Partial<FileAnswerMessage> | null;
  return (
    typeof m === "object" &&
    m !== null &&
    m.type === "fileAnswer" &&
    isCount(m.id) &&
    isCount(m.seq) &&
    isFileAnswer(m.answer)
  );
}
