import { Worker } from "node:worker_threads";
import { messages, type Messages } from "../l10n/messages";
import type { RunOptions } from "../runtime/runApi";
import type { GradientCheckReport } from "../checks/gradientCheck";
import type { TrainConfig, TrainResult } from "../train/trainProgram";
import type { ViewGraph } from "../view/viewGraph";
import type {
  RunRequest,
  RunResponse,
  TrainProgress,
  ViewRequest,
  WorkerMessage,
  WorkerRequest,
} from "./protocol";

export interface RunLimits {
  /** V8 old-generation heap the worker may use; past it the worker dies and is replaced. */
  memoryMb: number;
  /** Wall-clock safety net behind the interpreter's own step budget. */
  timeoutMs: number;
}

/** How a run ended when it produced no result. */
export interface RunStopped {
  kind: "stopped";
  reason: "memory" | "timeout" | "superseded" | "crash";
  message: string;
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
}

/**
 * Runs programs in one worker thread, one at a time. A newer run replaces an older one that is
 * still going (the worker is terminated rather than waited on), and a worker that ran out of
 * memory or time is replaced on the next run. Nothing here ever blocks the caller's thread.
 */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export class RunClient {
  private worker: Worker | null = null;
  private pending: Pending | null = null;
  private nextId = 1;

  constructor(
    private readonly workerFile: string,
    private readonly limits: () => RunLimits,
  ) {}

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
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const { timeoutMs } = this.limits();
    const t = messages(body.type === "run" ? body.analysis.locale : body.locale);
    return new Promise<Answer>((resolve) => {
      const timer = setTimeout(() => {
        this.finish({
          kind: "stopped",
          reason: "timeout",
          message: t("worker.timeout", Math.round(timeoutMs / 1000)),
        });
        this.killWorker();
      }, timeoutMs);
      this.pending = { id, resolve, timer, onProgress, t };
      worker.postMessage({ ...body, id } as WorkerRequest);
    });
  }

  /** Stops the run in flight, if any: it resolves as superseded and its worker is replaced. */
  cancel(): void {
    if (!this.pending) return;
    const message = this.pending.t("worker.superseded");
    this.finish({ kind: "stopped", reason: "superseded", message });
    this.killWorker();
  }

  dispose(): void {
    if (this.pending) {
      const message = this.pending.t("worker.disposed");
      this.finish({ kind: "stopped", reason: "superseded", message });
    }
    this.killWorker();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const { memoryMb } = this.limits();
    const worker = new Worker(this.workerFile, {
      // 4 MB of stack lets a Python program recurse to its usual limit of ~1000 frames.
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, stackSizeMb: 4 },
      stdout: true,
      stderr: true,
    });
    worker.on("message", (message: WorkerMessage) => {
      if (!this.pending || message.id !== this.pending.id) return;
      if (message.type === "trainStep") this.pending.onProgress?.(message);
      else this.finish({ kind: "answer", message });
    });
    // A terminated worker still reports its end later; by then a newer worker may hold a newer
    // run, which must not be ended by the old one's exit.
    worker.on("error", (error: Error & { code?: string }) => {
      if (this.worker !== worker) return;
      const outOfMemory = error.code === "ERR_WORKER_OUT_OF_MEMORY";
      this.worker = null;
      const t = this.pending?.t ?? messages();
      this.finish({
        kind: "stopped",
        reason: outOfMemory ? "memory" : "crash",
        message: outOfMemory ? t("worker.memory", memoryMb) : t("worker.failed", error.message),
      });
    });
    worker.on("exit", () => {
      if (this.worker !== worker) return;
      this.worker = null;
      const t = this.pending?.t ?? messages();
      this.finish({ kind: "stopped", reason: "crash", message: t("worker.exited") });
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private finish(outcome: Answer): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    clearTimeout(pending.timer);
    pending.resolve(outcome);
  }

  private killWorker(): void {
    const worker = this.worker;
    this.worker = null;
    if (worker) void worker.terminate();
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
