import { Worker } from "node:worker_threads";
import { FileChannelEnd } from "./fileBridge";
import type { PackedMessage } from "./packedMessage";
import type { FileAnswerMessage, FileRequestMessage, WorkerRequest } from "./protocol";

/** The request id of a worker's warm-up run (requests from clients count up from 1). */
const WARM_UP_ID = -1;

/** A small program of the usual kind, run by each new worker before its first real request. */
const WARM_UP = `from micrograd.engine import Value
a = Value(2.0)
b = Value(-3.0)
c = a * b + b ** 2
d = (c * 0.5).tanh() + c.relu()
d.backward()
xs = [a.data * i for i in range(20)]
print(f"{d.data:.4f}", sum(xs), a.grad)
`;

/** How the supervisor makes its worker threads. */
export interface WorkerLimits {
  /** V8 old-generation heap of a worker: the run's memory budget plus room for the trace. */
  heapMb: number;
  /** A Python program recurses to its limit of 1000 frames within this. */
  stackMb: number;
  /** Keep a second worker started, so a cancelled run's successor starts at once. */
  spare: boolean;
}

/** What the supervisor tells its owner: a worker's answer, or that the worker running a request died. */
export type SupervisorEvent =
  | { kind: "message"; message: PackedMessage | FileRequestMessage }
  | { kind: "died"; id: number; reason: "memory" | "crash"; detail: string };

/**
 * Runs requests on worker threads, one at a time: the worker that answered stays for the next
 * request, so start-up is paid once. Cancelling terminates the worker mid-run (V8 stops even a
 * tight loop) and the spare takes its place while a new spare starts. A worker that dies — its
 * heap limit, or a fatal error — is replaced on the next request. Lives in the runner process
 * (runnerProcess.ts), or in the extension host where no process can be started.
 */
export class WorkerSupervisor {
  private active: Worker | null = null;
  private spare: Worker | null = null;
  /** The request the active worker is running, or null when it is idle. */
  private running: number | null = null;
  /** Each worker's end of its file channel (fileBridge.ts), where its program's file answers go. */
  private readonly fileChannels = new WeakMap<Worker, FileChannelEnd>();
  private disposed = false;

  constructor(
    private readonly workerFile: string,
    private readonly limits: WorkerLimits,
    private readonly emit: (event: SupervisorEvent) => void,
  ) {}

  submit(request: WorkerRequest): void {
    if (this.running !== null) this.stopActive();
    const worker = this.takeWorker();
    this.running = request.id;
    worker.postMessage(request);
  }

  /** Stops request `id` if it is the one running (a newer run replaces it, or it took too long). */
  cancel(id: number): void {
    if (this.running === id) this.stopActive();
  }

  /**
   * The owner's answer to a file question of request `id`: passed to its worker, which is
   * waiting for it (`move`: its bytes may move there, see FileChannelEnd.deliver). An answer for
   * a request no longer running is dropped.
   */
  answerFile(message: FileAnswerMessage, move = false): void {
    if (this.active && this.running === message.id)
      this.fileChannels.get(this.active)?.deliver(message, move);
  }

  /** Starts the spare now (before the first cancellation would need it). */
  warm(): void {
    if (this.limits.spare && !this.spare && !this.disposed) this.spare = this.startWorker();
  }

  dispose(): void {
    this.disposed = true;
    for (const w of [this.active, this.spare]) if (w) void w.terminate();
    this.active = this.spare = null;
    this.running = null;
  }

  private takeWorker(): Worker {
    if (!this.active) {
      this.active = this.spare ?? this.startWorker();
      this.spare = null;
    }
    if (this.limits.spare && !this.spare) this.spare = this.startWorker();
    return this.active;
  }

  private stopActive(): void {
    const worker = this.active;
    this.active = null;
    this.running = null;
    if (worker) {
      // a worker asleep waiting for a file is woken first, so it stops at once
      this.fileChannels.get(worker)?.wake();
      void worker.terminate();
    }
  }

  private startWorker(): Worker {
    const files = FileChannelEnd.create();
    const worker = new Worker(this.workerFile, {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb, stackSizeMb: this.limits.stackMb },
      workerData: { files: files.worker },
      transferList: [files.worker.port],
      // the program's own output travels in the trace; the worker writes nothing of its own
      stdout: true,
      stderr: true,
    });
    this.fileChannels.set(worker, files);
    // a worker's answers come packed; its programs' file questions come as they are (fileBridge.ts)
    worker.on("message", (message: PackedMessage | FileRequestMessage) => {
      if (worker !== this.active || message.id !== this.running) return;
      if (message.type === "packed" && message.final) this.running = null;
      this.emit({ kind: "message", message });
    });
    // A terminated worker still reports its end later: only the active one's end matters.
    const died = (reason: "memory" | "crash", detail: string) => {
      if (worker === this.spare) this.spare = null;
      if (worker !== this.active) return;
      this.active = null;
      const id = this.running;
      this.running = null;
      if (id !== null) this.emit({ kind: "died", id, reason, detail });
    };
    worker.on("error", (error: Error & { code?: string }) =>
      died(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? "memory" : "crash", error.message),
    );
    worker.on("exit", (code) => {
      files.close();
      died("crash", `exit code ${code}`);
    });
    worker.unref();
    // A first program, answered to no one: the interpreter's code is compiled before an edit
    // needs it. Only for a worker still idle once it is up: a request that reached it first
    // (the first run of a runner just started) would wait behind the warm-up, which costs that
    // run more than it saves it.
    worker.once("online", () => {
      if (worker === this.spare || (worker === this.active && this.running === null))
        worker.postMessage({
          type: "trace",
          id: WARM_UP_ID,
          source: WARM_UP,
          options: {},
        } satisfies WorkerRequest);
    });
    return worker;
  }
}
