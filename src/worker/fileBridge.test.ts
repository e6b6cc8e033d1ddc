import { build } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FileAnswer, FileOwner, FileRequest } from "../files/fileRequest";
import { MemoryFiles } from "../files/testing/memoryFiles";
import { FileChannelEnd } from "./fileBridge";
import type { FileRequestMessage } from "./protocol";
import { inProcessRunner } from "./runnerChannel";
import { RunClient } from "./runClient";

// The bridge is tested with real threads and the real runner process, bundled as the extension bundles them.
let dir: string;
let files: { runner: string; worker: string };
let bridgeWorker: string;
const clients: RunClient[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "gradlens-bridge-"));
  files = { runner: join(dir, "runner.js"), worker: join(dir, "worker.js") };
  bridgeWorker = join(dir, "bridgeWorker.js");
  const bundle = (entry: string, outfile: string) =>
    build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: "node",
      format: "cjs",
      logLevel: "silent",
    });
  await Promise.all([
    bundle("src/worker/runWorker.ts", files.worker),
    bundle("src/worker/runnerProcess.ts", files.runner),
    bundle("src/worker/testing/bridgeWorker.ts", bridgeWorker),
  ]);
}, 60_000);

afterAll(() => {
  for (const c of clients) c.dispose();
  rmSync(dir, { recursive: true, force: true });
});

interface Asked {
  answer: FileAnswer;
  ms: number;
}

/**
 * Starts the bridge worker with `requests`; `owner` hears each question (with a way to answer it)
 * on this thread, while the worker's thread is blocked.
 */
function askThroughBridge(
  requests: FileRequest[],
  waitMs: number,
  owner: (message: FileRequestMessage, end: FileChannelEnd) => void,
): Promise<Asked[]> {
  const end = FileChannelEnd.create();
  const worker = new Worker(bridgeWorker, {
    workerData: { files: end.worker, requests, waitMs },
    transferList: [end.worker.port],
  });
  return new Promise((resolve, reject) => {
    worker.on("message", (m: FileRequestMessage | { type: "done"; answers: Asked[] }) => {
      if (m.type === "fileRequest") owner(m, end);
      else {
        resolve(m.answers);
        void worker.terminate();
        end.close();
      }
    });
    worker.on("error", reject);
  });
}

const NAMES: FileAnswer = { ok: true, op: "read", bytes: new TextEncoder().encode("emma\n") };

describe("the synchronous file bridge", () => {
  it("blocks the worker's thread until the owner answers, and hands it the whole file", async () => {
    const big = new Uint8Array(20 * 1024 * 1024).fill(97);
    const answers = await askThroughBridge(
      [
        { op: "read", path: "/ws/names.txt" },
        { op: "read", path: "/ws/big.txt" },
      ],
      10_000,
      (m, end) =>
        // answered a little later, from this thread's event loop, as the host's owner answers
        setTimeout(() => {
          const answer: FileAnswer =
            m.request.path === "/ws/big.txt" ? { ok: true, op: "read", bytes: big } : NAMES;
          end.deliver({ type: "fileAnswer", id: m.id, seq: m.seq, answer });
        }, 50),
    );
    expect(answers.map((a) => a.answer.ok && a.answer.op === "read" && a.answer.bytes.length)).toEqual([
      5,
      big.length,
    ]);
    expect(answers[0].ms).toBeGreaterThanOrEqual(45); // it waited for the answer
  });

  it("gives up after its wait with a timeout, and never takes a late answer for the next question", async () => {
    const answers = await askThroughBridge(
      [
        { op: "read", path: "/ws/slow.txt" },
        { op: "stat", path: "/ws/names.txt" },
      ],
      200,
      (m, end) => {
        if (m.seq === 1) return; // the first question's answer comes only with the second's
        end.deliver({ type: "fileAnswer", id: m.id, seq: 1, answer: NAMES });
        end.deliver({
          type: "fileAnswer",
          id: m.id,
          seq: 2,
          answer: { ok: true, op: "stat", kind: "file", size: 5 },
        });
      },
    );
    expect(answers[0].answer).toEqual({ ok: false, error: "timeout" });
    expect(answers[0].ms).toBeGreaterThanOrEqual(190);
    expect(answers[1].answer).toEqual({ ok: true, op: "stat", kind: "file", size: 5 });
  });

  it("refuses a malformed answer", async () => {
    const answers = await askThroughBridge([{ op: "read", path: "/ws/x" }], 5000, (m, end) =>
      end.deliver({
        type: "fileAnswer",
        id: m.id,
        seq: m.seq,
        answer: { ok: true, op: "read" } as unknown as FileAnswer,
      }),
    );
    expect(answers[0].answer).toEqual({ ok: false, error: "failed", detail: "a malformed answer" });
  });
});

/** An owner over files in memory that counts what it is asked (as the host's would answer). */
function memoryOwner(contents: Record<string, string>): FileOwner & { asked: FileRequest[] } {
  const asked: FileRequest[] = [];
  return {
    asked,
    answer: async (request, roots) => {
      asked.push(request);
      await new Promise((r) => setTimeout(r, 5)); // answers come later, as from a disk
      return new MemoryFiles(contents, roots).ask(request);
    },
  };
}

const WORKSPACE = { programPath: "/ws/prog.py", roots: ["/ws"] };
const FILES = {
  "/ws/names.txt": "emma\nolivia\nava\n",
  "/ws/helper.py": "def count(words):\n    return len(words)\n",
  "/home/secret.txt": "not yours\n",
};
const PROGRAM =
  "import helper\nwords = open('names.txt').read().splitlines()\nagain = open('names.txt').read()\nprint(helper.count(words), len(again))\n";

for (const kind of ["process", "in-process"] as const) {
  describe(`programs read files through the runner (${kind})`, () => {
    const client = (owner: FileOwner) => {
      const c = new RunClient(
        { files, fileOwner: owner, ...(kind === "in-process" ? { open: inProcessRunner } : {}) },
        () => ({ memoryMb: 256, timeoutMs: 30_000 }),
      );
      clients.push(c);
      return c;
    };

    it("reads a data file and imports a module, each asked for once per request", async () => {
      const owner = memoryOwner(FILES);
      const trace = await client(owner).trace(PROGRAM, { workspace: WORKSPACE });
      expect("kind" in trace ? trace.message : trace.stdout).toBe("3 16\n");
      expect(owner.asked.filter((q) => q.op === "read").map((q) => q.path)).toEqual([
        "/ws/helper.py",
        "/ws/names.txt",
      ]);
    });

    it("reads nothing outside the folders the client gave the run, whatever the runner asks", async () => {
      const owner = memoryOwner(FILES);
      const trace = await client(owner).trace("print(open('/home/secret.txt').read())\n", {
        workspace: WORKSPACE,
      });
      expect("kind" in trace).toBe(false);
      if ("kind" in trace) return;
      expect(trace.stdout).toBe("");
      expect(trace.diagnostics[0].message).toMatch(/^PermissionError: \[Errno 13\] Permission denied/);
      expect(owner.asked).toEqual([]); // refused before asking
    });

    it("denies every file when the client has no owner", async () => {
      const c = new RunClient({ files, ...(kind === "in-process" ? { open: inProcessRunner } : {}) }, () => ({
        memoryMb: 256,
        timeoutMs: 30_000,
      }));
      clients.push(c);
      const trace = await c.trace("open('names.txt')\n", { workspace: WORKSPACE });
      expect("kind" in trace ? trace.message : trace.diagnostics[0].message).toBe(
        "PermissionError: [Errno 13] Permission denied: 'names.txt' (no files are available to this run)",
      );
    });

    it("stops a run that waits for a file when a newer run replaces it, and runs the newer one", async () => {
      let release: (() => void) | null = null;
      const slow: FileOwner = {
        answer: (request, roots) =>
          new Promise((resolve) => {
            release = () => resolve(new MemoryFiles(FILES, roots).ask(request));
          }),
      };
      const c = client(slow);
      const first = c.trace("open('names.txt').read()\n", { workspace: WORKSPACE });
      await new Promise((r) => setTimeout(r, 300)); // the first run is now blocked on its read
      const second = c.trace("print('second')\n", { workspace: WORKSPACE });
      (release as (() => void) | null)?.(); // its answer comes too late: nobody waits
      const stopped = await first;
      expect("kind" in stopped && stopped.reason).toBe("superseded");
      const next = await second;
      expect("kind" in next ? next.message : next.stdout).toBe("second\n");
    });
  });
}
