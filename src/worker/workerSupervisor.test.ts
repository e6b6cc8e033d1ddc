import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { WorkerRequest } from "./protocol";
import { WorkerSupervisor, type SupervisorEvent } from "./workerSupervisor";

/**
 * A stand-in for dist/worker.js that answers every request with the ids of all the requests it
 * has been given so far (the supervisor's warm-up is id -1), so a test sees what ran before what.
 */
const RECORDING_WORKER = `
const { parentPort } = require("node:worker_threads");
const seen = [];
parentPort.on("message", (request) => {
  seen.push(request.id);
  parentPort.postMessage({ type: "packed", id: request.id, final: true, bytes: new Uint8Array(0), seen: [...seen] });
});
`;

let dir: string;
let workerFile: string;
const supervisors: WorkerSupervisor[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "gradlens-supervisor-"));
  workerFile = join(dir, "recording-worker.js");
  writeFileSync(workerFile, RECORDING_WORKER);
});
afterEach(() => {
  for (const s of supervisors.splice(0)) s.dispose();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const request = (id: number): WorkerRequest => ({ type: "trace", id, source: "", options: {} });

/** A supervisor whose answers come out as the ids each answering worker had seen. */
function supervised(spare: boolean) {
  const answers: number[][] = [];
  let wake: (() => void) | null = null;
  const supervisor = new WorkerSupervisor(
    workerFile,
    { heapMb: 64, stackMb: 4, spare },
    (e: SupervisorEvent) => {
      if (e.kind === "message") answers.push((e.message as unknown as { seen: number[] }).seen);
      wake?.();
    },
  );
  supervisors.push(supervisor);
  const answered = async (n: number) => {
    while (answers.length < n) await new Promise<void>((resolve) => (wake = resolve));
    return answers[n - 1];
  };
  return { supervisor, answered };
}

const until = async (ready: () => boolean) => {
  for (let i = 0; i < 200 && !ready(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
};

describe("WorkerSupervisor's warm-up", () => {
  it("does not hold back a request that reached a worker before it was up", async () => {
    const { supervisor, answered } = supervised(false);
    supervisor.submit(request(1));
    expect(await answered(1)).toEqual([1]);
    supervisor.submit(request(2));
    expect(await answered(2)).toEqual([1, 2]);
  });

  it("warms a worker that is up and idle before its first request", async () => {
    const { supervisor, answered } = supervised(true);
    supervisor.warm();
    // the spare has taken its warm-up once it is up: the same worker answers the request after it
    const spare = () => (supervisor as unknown as { spare: { threadId: number } | null }).spare;
    await until(() => spare() !== null && spare()!.threadId > 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    supervisor.submit(request(1));
    expect(await answered(1)).toEqual([-1, 1]);
  });
});
