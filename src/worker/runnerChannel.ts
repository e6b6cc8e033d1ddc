import { fork, type ChildProcess } from "node:child_process";
import type { RunnerMessage, RunnerRequest } from "./protocol";
import { runnerArgv } from "./runnerArguments";
import { WorkerSupervisor, type WorkerLimits } from "./workerSupervisor";

/** The bundles a runner is made of: the runner process's entry and its workers' entry. */
export interface RunnerFiles {
  runner: string;
  worker: string;
}

/** What a channel tells its owner: the runner's messages, and that the runner itself ended. */
export interface ChannelListener {
  message(message: RunnerMessage): void;
  /** The runner is gone (crashed, killed); `outOfMemory` when V8 said it ran out of memory. */
  exit(detail: string, outOfMemory: boolean): void;
}

/** The way to a runner: a process of its own, or (where none can be started) this process. */
export interface RunnerChannel {
  readonly kind: "process" | "in-process";
  /** The process programs run in (this one's, for the in-process runner). */
  readonly pid: number | undefined;
  send(request: RunnerRequest): void;
  dispose(): void;
}

/** The runner's heap limit and its workers': the budget, plus room for the trace and layout. */
export interface RunnerLimits {
  memoryMb: number;
  spare: boolean;
}

const STACK_MB = 16;
/** The last of the runner's stderr kept to tell why it died (V8 writes its fatal errors there). */
const STDERR_KEPT = 8192;

/**
 * A run stopped at its budget still builds its trace and lays out its graph, and these are not
 * charged: a micrograd training loop's trace (120,000 nodes) is bigger than the data that made
 * it, and a string as long as the budget is flattened once more to be shown. Twice the budget
 * and 256 MB more leaves V8's own limit (which kills the process) well out of reach.
 */
function workerLimits(limits: RunnerLimits): WorkerLimits {
  return { heapMb: Math.ceil(limits.memoryMb * 2) + 256, stackMb: STACK_MB, spare: limits.spare };
}

/**
 * Starts a runner process with the editor's own runtime: `process.execPath` is VS Code's
 * Electron (or Node, in code-server and the CLI), and `ELECTRON_RUN_AS_NODE=1` makes Electron a
 * plain Node. Falls back to a runner inside this process when no process can be started (a web
 * extension host): the interpreter's memory accounting still protects it there.
 */
export function openRunner(
  files: RunnerFiles,
  limits: RunnerLimits,
  listener: ChannelListener,
): RunnerChannel {
  try {
    return processRunner(files, limits, listener);
  } catch {
    return inProcessRunner(files, limits, listener);
  }
}

export function processRunner(
  files: RunnerFiles,
  limits: RunnerLimits,
  listener: ChannelListener,
): RunnerChannel {
  const workers = workerLimits(limits);
  const child: ChildProcess = fork(files.runner, [...runnerArgv(workers), `--worker=${files.worker}`], {
    // V8's heap flag is the process's ceiling, which the workers' own limits cannot raise
    execArgv: [`--max-old-space-size=${workers.heapMb}`, "--expose-gc"],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: "1" },
    serialization: "advanced",
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_KEPT);
  });
  let ended = false;
  const end = (detail: string) => {
    if (ended) return;
    ended = true;
    const outOfMemory = /out of memory|invalid size|allocation failed|invalid array length/i.test(stderr);
    listener.exit(detail, outOfMemory);
  };
  child.on("message", (message: RunnerMessage) => listener.message(message));
  child.on("exit", (code, signal) => end(signal ? `signal ${signal}` : `exit code ${code}`));
  child.on("error", (error) => end(error.message));
  // neither the runner nor its pipes keep the host (the CLI) alive once it is done with them
  child.unref();
  child.channel?.unref();
  (child.stderr as { unref?: () => void } | null)?.unref?.();
  return {
    kind: "process",
    pid: child.pid,
    send(request) {
      if (!ended && child.connected) child.send(request);
    },
    dispose() {
      ended = true;
      child.kill("SIGKILL");
    },
  };
}

export function inProcessRunner(
  files: RunnerFiles,
  limits: RunnerLimits,
  listener: ChannelListener,
): RunnerChannel {
  const supervisor = new WorkerSupervisor(files.worker, workerLimits(limits), (event) => {
    if (event.kind === "message") listener.message(event.message);
    else listener.message({ type: "died", id: event.id, reason: event.reason, detail: event.detail });
  });
  return {
    kind: "in-process",
    pid: process.pid,
    send(request) {
      if (request.type === "fileAnswer") supervisor.answerFile(request);
      else if (request.type === "cancel") supervisor.cancel(request.id);
      else if (request.type === "memory") {
        const { rss, heapUsed } = process.memoryUsage();
        listener.message({ type: "memoryReport", id: request.id, rss, heapUsed });
      } else supervisor.submit(request);
    },
    dispose() {
      supervisor.dispose();
    },
  };
}
