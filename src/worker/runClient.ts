import { Worker } from "node:worker_threads";
import type { RunOptions } from "../runtime/runApi";
import type { RunRequest, RunResponse, WorkerMessage } from "./protocol";

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

interface Pending {
  id: number;
  resolve: (outcome: RunOutcome) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Runs programs in one worker thread, one at a time. A newer run replaces an older one that is
 * still going (the worker is terminated rather than waited on), and a worker that ran out of
 * memory or time is replaced on the next run. Nothing here ever blocks the caller's thread.
 */
export class RunClient {
  private worker: Worker | null = null;
  private pending: Pending | null = null;
  private nextId = 1;

  constructor(
    private readonly workerFile: string,
    private readonly limits: () => RunLimits,
  ) {}

  run(source: string, options: RunOptions, analysis: RunRequest["analysis"]): Promise<RunOutcome> {
    this.cancel();
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const { timeoutMs } = this.limits();
    return new Promise<RunOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.finish({
          kind: "stopped",
          reason: "timeout",
          message: `stopped after ${Math.round(timeoutMs / 1000)} s: the program took too long`,
        });
        this.killWorker();
      }, timeoutMs);
      this.pending = { id, resolve, timer };
      const request: RunRequest = { type: "run", id, source, options, analysis };
      worker.postMessage(request);
    });
  }

  /** Stops the run in flight, if any: it resolves as superseded and its worker is replaced. */
  cancel(): void {
    if (!this.pending) return;
    this.finish({ kind: "stopped", reason: "superseded", message: "replaced by a newer run" });
    this.killWorker();
  }

  dispose(): void {
    if (this.pending) this.finish({ kind: "stopped", reason: "superseded", message: "GradLens stopped" });
    this.killWorker();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const { memoryMb } = this.limits();
    const worker = new Worker(this.workerFile, {
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
      stdout: true,
      stderr: true,
    });
    worker.on("message", (message: WorkerMessage) => {
      if (!this.pending || message.id !== this.pending.id) return;
      if (message.type === "result") this.finish({ kind: "result", ...message });
      else this.finish({ kind: "stopped", reason: "crash", message: message.message });
    });
    worker.on("error", (error: Error & { code?: string }) => {
      const outOfMemory = error.code === "ERR_WORKER_OUT_OF_MEMORY";
      this.finish({
        kind: "stopped",
        reason: outOfMemory ? "memory" : "crash",
        message: outOfMemory
          ? `stopped: the program needed more than ${memoryMb} MiB (the memory budget, gradlens.memoryBudgetMb)`
          : `the GradLens worker failed: ${error.message}`,
      });
    });
    worker.on("exit", () => {
      if (this.worker === worker) this.worker = null;
      this.finish({ kind: "stopped", reason: "crash", message: "the GradLens worker stopped unexpectedly" });
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private finish(outcome: RunOutcome): void {
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
