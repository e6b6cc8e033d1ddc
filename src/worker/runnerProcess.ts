/**
 * The runner: a Node process of its own that runs programs, started by the extension host (with
 * the editor's runtime and `ELECTRON_RUN_AS_NODE=1`, the way language servers run) and by the
 * CLI. V8's fatal errors — an array or a string past its length limit, some out-of-memory
 * paths — abort a whole process; here that is this process, never the editor's. Programs run on
 * a worker thread inside it (a large stack for Python's recursion limit, a heap limit of its
 * own, and a cancellation that stops even a tight loop), supervised by WorkerSupervisor; this
 * thread only passes messages on, so it always answers.
 */
import { join } from "node:path";
import {
  isFileAnswerMessage,
  type FileAnswerMessage,
  type RunnerMessage,
  type RunnerRequest,
} from "./protocol";
import { runnerArguments, workerFileArgument } from "./runnerArguments";
import { WorkerSupervisor } from "./workerSupervisor";

const send = (message: RunnerMessage) => {
  // the host may be gone already (it stopped while a run was finishing): nothing to tell
  if (process.connected) process.send!(message);
};

const argv = process.argv.slice(2);
const limits = runnerArguments(argv);
const workerFile = workerFileArgument(argv, join(__dirname, "worker.js"));
const supervisor = new WorkerSupervisor(workerFile, limits, (event) => {
  if (event.kind === "message") send(event.message);
  else send({ type: "died", id: event.id, reason: event.reason, detail: event.detail });
});
supervisor.warm();

process.on("message", (request: RunnerRequest) => {
  if (request.type === "fileAnswer") {
    // a program's worker is waiting for this; what the host sent is checked before it gets it
    const { id, seq } = request as FileAnswerMessage;
    supervisor.answerFile(
      isFileAnswerMessage(request)
        ? request
        : {
            type: "fileAnswer",
            id,
            seq,
            answer: { ok: false, error: "failed", detail: "a malformed answer" },
          },
      true, // the bytes came over IPC: nobody else holds them
    );
  } else if (request.type === "cancel") supervisor.cancel(request.id);
  else if (request.type === "memory") {
    const { rss, heapUsed } = process.memoryUsage();
    send({ type: "memoryReport", id: request.id, rss, heapUsed });
  } else supervisor.submit(request);
});
// The host went away (the extension stopped, the editor closed, the CLI finished): so do we.
process.on("disconnect", () => {
  supervisor.dispose();
  process.exit(0);
});
