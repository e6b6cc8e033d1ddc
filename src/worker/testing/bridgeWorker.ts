/**
 * A worker for fileBridge.test.ts: asks the given file questions through BlockingFileAccess,
 * one after another (its thread blocked each time), and posts what it got and how long it waited.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { FileRequest } from "../../files/fileRequest";
import { BlockingFileAccess, type WorkerFileChannel } from "../fileBridge";

const { files, requests, waitMs } = workerData as {
  files: WorkerFileChannel;
  requests: FileRequest[];
  waitMs: number;
};
const access = new BlockingFileAccess(files, (m) => parentPort!.postMessage(m), 7, waitMs);
const answers = requests.map((request) => {
  const start = performance.now();
  const answer = access.ask(request);
  return { answer, ms: performance.now() - start };
});
parentPort!.postMessage({ type: "done", answers });
