import type { FileAnswer, FileOwner } from "../files/fileRequest";
import { messages, type Messages } from "../l10n/messages";
import type { RunEnded, RunOptions } from "../runtime/runApi";
import type { GradientCheckReport } from "../checks/gradientCheck";
import type { TrainConfig, TrainResult } from "../train/trainProgram";
import type { Trace } from "../trace/trace";
import type { ViewGraph } from "../view/viewGraph";
import {
  isFileRequestMessage,
  type FileRequestMessage,
  type RunnerMessage,
  type RunRequest,
  type RunResponse,
  type TrainProgress,
  type ViewRequest,
  type WorkerMessage,
  type WorkerRequest,
} from "./protocol";
import { openRunner, type RunnerChannel, type RunnerFiles } from "./runnerChannel";
import { unpack } from "./packedMessage";

export interface RunLimits {
  /** The memory budget (MiB): the interpreter's MemoryError, and the runner's heap limit beyond it. */
  memoryMb: number;
  /** Wall-clock safety net behind the interpreter's own step budget. */
  timeoutMs: number;
}

/** How a client's runner is made: where its bundles are, and whether it keeps a spare worker. */
export interface RunnerSetup {
  files: RunnerFiles;
  /** A second worker kept started, for live runs that newer edits keep replacing. */
  spare?: boolean;
  /** Makes the channel (tests choose the in-process runner; default: a process of its own). */
  open?: typeof openRunner;
  /**
   * Reads the files programs ask for (`open()`, their own modules), inside the folders each run
   * names in `options.workspace`; without one, every file is denied.
   */
  fileOwner?: FileOwner;
}

/** How a run ended when it produced no result. */
export interface RunStopped {
  kind: "stopped";
  reason: "memory" | "timeout" | "superseded" | "crash";
  message: string;
  /**
   * When the program itself had ended and it was building its trace that was stopped: what it
   * printed and its own diagnostics (a located error, its own time limit's stop), to show still.
   */
  ended?: RunEnded;
}

export type RunOutcome = ({ kind: "result" } & RunResponse) | RunStopped;

type Answer = { kind: "answer"; message: WorkerMessage } | RunStopped;

interface Pending {
  id: number;
  resolve: (answer: Answer) => void;
  onProgress?: (progress: TrainProgress) => void;
  timer: ReturnType<typeof setTimeout>;
  /** The request's language, for why it stopped. */
  t: Messages;
  /** The folders its program may read (RunOptions.workspace.roots). */
  roots: readonly string[];
  /** The program's end (output, diagnostics), once the worker has told it; its trace follows. */
  ended?: RunEnded;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * Runs programs in a runner of their own (runnerProcess.ts: a separate process, so nothing a
 * program does can take the caller's process down), one at a time. A newer run replaces an
 * older one that is still going (the runner stops its worker and the spare takes over), a
 * runner that died is started again on the next run, and one whose memory budget changed is
 * replaced. Nothing here ever blocks the caller's thread.
 */
export class RunClient {
  private channel: RunnerChannel | null = null;
  /** The budget the current runner was started with. */
  private channelMemoryMb = 0;
  private pending: Pending | null = null;
  private nextId = 1;

  constructor(
    private readonly setup: RunnerSetup,
    private readonly limits: () => RunLimits,
  ) {}

  /** Whether programs run in a process of their own ("process") or, as a fallback, in this one. */
  get runnerKind(): RunnerChannel["kind"] | null {
    return this.channel?.kind ?? null;
  }

  /** The process programs run in now, if a runner has started. */
  get runnerPid(): number | undefined {
    return this.channel?.pid;
  }

  /** Starts the runner now, so the first run does not wait for it. */
  warm(): void {
    this.ensureChannel();
  }

  /** The runner's resident memory and main heap, in bytes (null when it does not answer in time). */
  async runnerMemory(): Promise<{ rss: number; heapUsed: number } | null> {
    if (this.pending) return null;
    const channel = this.ensureChannel();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(null), 5000);
      const finish = (value: { rss: number; heapUsed: number } | null) => {
        clearTimeout(timer);
        this.memoryWaiters.delete(id);
        resolve(value);
      };
      this.memoryWaiters.set(id, finish);
      channel.send({ type: "memory", id });
    });
  }

  private readonly memoryWaiters = new Map<number, (value: { rss: number; heapUsed: number }) => void>();

  async run(
    source: string,
    options: RunOptions,
    analysis: RunRequest["analysis"],
    view?: RunRequest["view"],
  ): Promise<RunOutcome> {
    const answer = await this.send({ type: "run", source, options, analysis, view });
    if (answer.kind === "stopped") return answer;
    const { message } = answer;
    if (message.type === "result") return { kind: "result", ...message };
    return crashed(message, analysis.locale);
  }

  /** Runs a program for its trace alone (no layout, no analysis): what the CLI reports. */
  async trace(source: string, options: RunOptions): Promise<Trace | RunStopped> {
    const answer = await this.send({ type: "trace", source, options });
    if (answer.kind === "stopped") return answer;
    const { message } = answer;
    if (message.type === "trace") return message.trace;
    return crashed(message, undefined);
  }

  /** Checks the program's gradients against finite differences (re-running it many times). */
  async checkGradients(
    source: string,
    options: RunOptions,
    locale = "en",
  ): Promise<GradientCheckReport | RunStopped> {
    const answer = await this.send({ type: "gradcheck", source, options, locale });
    if (answer.kind === "stopped") return answer;
    const { message } = answer;
    if (message.type === "gradcheck") return message.report;
    return crashed(message, locale);
  }

  /**
   * Trains the program's parameters; `onStep` hears every step's loss as it comes. With `graph`,
   * `onView` also hears the graph as the numbers change (laid out like `graph.view.previous`),
   * and last with the trained values.
   */
  async train(
    source: string,
    options: RunOptions,
    config: TrainConfig,
    onStep: (progress: TrainProgress) => void,
    locale = "en",
    graph?: { view: ViewRequest; onView: (view: ViewGraph) => void },
  ): Promise<TrainResult | RunStopped> {
    const progress = (p: TrainProgress) => {
      onStep(p);
      if (p.view) graph?.onView(p.view);
    };
    const request = { type: "train" as const, source, options, config, locale, view: graph?.view };
    const answer = await this.send(request, progress);
    if (answer.kind === "stopped") return answer;
    const { message } = answer;
    if (message.type !== "trained") return crashed(message, locale);
    if (message.view) graph?.onView(message.view);
    return message.result;
  }

  /** Sends one request, replacing any still in flight, and waits for its answer or its end. */
  private send(
    body: DistributiveOmit<WorkerRequest, "id">,
    onProgress?: (progress: TrainProgress) => void,
  ): Promise<Answer> {
    this.cancel();
    const channel = this.ensureChannel();
    const id = this.nextId++;
    const { timeoutMs, memoryMb } = this.limits();
    // the interpreter's budget is the one the runner's heap was sized for
    // and it stops itself a little before the runner would, where it is, keeping what it printed
    // (a quarter of a short limit: a long loop's trace and graph take seconds on a busy machine)
    const timeLimitMs = timeoutMs - Math.min(30_000, timeoutMs / 4);
    // counted from now: a runner still starting its worker takes from the run's time, not the margin
    const options = { ...body.options, memoryBudgetMb: memoryMb, timeLimitMs, timeLimitFrom: Date.now() };
    const request = { ...body, options };
    const t = messages(
      body.type === "run" ? body.analysis.locale : body.type === "trace" ? undefined : body.locale,
    );
    return new Promise<Answer>((resolve) => {
      const timer = setTimeout(() => {
        this.finish({
          kind: "stopped",
          reason: "timeout",
          message: t("worker.timeout", Math.round(timeoutMs / 1000)),
        });
        channel.send({ type: "cancel", id });
      }, timeoutMs);
      this.pending = { id, resolve, timer, onProgress, t, roots: body.options.workspace?.roots ?? [] };
      channel.send({ ...request, id } as WorkerRequest);
    });
  }

  /** Stops the run in flight, if any: it resolves as superseded and the runner stops its worker. */
  cancel(): void {
    const pending = this.pending;
    if (!pending) return;
    this.finish({ kind: "stopped", reason: "superseded", message: pending.t("worker.superseded") });
    this.channel?.send({ type: "cancel", id: pending.id });
  }

  dispose(): void {
    if (this.pending) {
      const message = this.pending.t("worker.disposed");
      this.finish({ kind: "stopped", reason: "superseded", message });
    }
    this.channel?.dispose();
    this.channel = null;
  }

  private ensureChannel(): RunnerChannel {
    const { memoryMb } = this.limits();
    if (this.channel && this.channelMemoryMb === memoryMb) return this.channel;
    this.channel?.dispose();
    this.channelMemoryMb = memoryMb;
    const open = this.setup.open ?? openRunner;
    const channel: RunnerChannel = open(
      this.setup.files,
      { memoryMb, spare: this.setup.spare ?? false },
      {
        message: (message) => {
          if (channel === this.channel) this.receive(message);
        },
        exit: (detail, outOfMemory) => {
          if (channel !== this.channel) return;
          this.channel = null;
          const t = this.pending?.t ?? messages();
          this.finish({
            kind: "stopped",
            reason: outOfMemory ? "memory" : "crash",
            message: outOfMemory ? t("worker.memory", memoryMb) : t("worker.failed", detail),
          });
        },
      },
    );
    this.channel = channel;
    return channel;
  }

  private receive(message: RunnerMessage): void {
    if (message.type === "memoryReport") {
      this.memoryWaiters.get(message.id)?.({ rss: message.rss, heapUsed: message.heapUsed });
      return;
    }
    if (!this.pending || message.id !== this.pending.id) return;
    if (message.type === "fileRequest") this.answerFile(message, this.pending.roots);
    else if (message.type === "packed") {
      const answer = unpack(message);
      if (answer.type === "trainStep") this.pending.onProgress?.(answer);
      else if (answer.type === "ended") {
        const { ok, stdout, diagnostics } = answer;
        this.pending.ended = { ok, stdout, diagnostics };
      } else this.finish({ kind: "answer", message: answer });
    } else if (message.type === "died") {
      const t = this.pending.t;
      const memory = message.reason === "memory";
      this.finish({
        kind: "stopped",
        reason: memory ? "memory" : "crash",
        message: memory ? t("worker.memory", this.channelMemoryMb) : t("worker.failed", message.detail),
      });
    }
  }

  /**
   * A program asks for a file: the owner reads it (within the folders this client gave the run,
   * not whatever the runner says) and the answer goes back to the waiting worker.
   */
  private answerFile(message: FileRequestMessage, roots: readonly string[]): void {
    const channel = this.channel;
    const reply = (answer: FileAnswer) => {
      // the run may have been replaced meanwhile; its worker is gone and nobody waits
      if (channel === this.channel && this.pending?.id === message.id)
        channel?.send({ type: "fileAnswer", id: message.id, seq: message.seq, answer });
    };
    const owner = this.setup.fileOwner;
    if (!isFileRequestMessage(message)) reply({ ok: false, error: "failed", detail: "a malformed request" });
    else if (!owner) reply({ ok: false, error: "denied", detail: "no files are available to this run" });
    else
      owner
        .answer(message.request, roots)
        .then(reply, (e: unknown) =>
          reply({ ok: false, error: "failed", detail: e instanceof Error ? e.message : String(e) }),
        );
  }

  private finish(outcome: Answer): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    clearTimeout(pending.timer);
    // stopped while its trace was being built: the program's own end is still worth showing
    if (outcome.kind === "stopped" && outcome.reason !== "superseded" && pending.ended) {
      const message = pending.t("worker.traceStopped", outcome.message);
      pending.resolve({ ...outcome, message, ended: pending.ended });
    } else pending.resolve(outcome);
  }
}

/** The worker answered with a failure (a bug in GradLens), or with an answer to another request. */
function crashed(message: WorkerMessage, locale: string | undefined): RunStopped {
  return {
    kind: "stopped",
    reason: "crash",
    message: message.type === "failure" ? message.message : messages(locale)("worker.unexpected"),
  };
}
