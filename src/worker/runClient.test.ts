import { build } from "esbuild";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RunClient } from "./runClient";

// The client is tested against the real runner process and worker, bundled as the extension bundles them.
let dir: string;
let files: { runner: string; worker: string };
const analysis = { thresholds: { vanishing: 1e-7, exploding: 1e6 }, inlineMaxLength: 80, precision: 4 };
const clients: RunClient[] = [];
const client = (memoryMb = 256, timeoutMs = 20_000) => {
  const c = new RunClient({ files, spare: true }, () => ({ memoryMb, timeoutMs }));
  clients.push(c);
  return c;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "gradlens-worker-"));
  files = { runner: join(dir, "runner.js"), worker: join(dir, "worker.js") };
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
  ]);
}, 30_000);

afterAll(() => {
  for (const c of clients) c.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const program = "from micrograd.engine import Value\nw = Value(3.0)\nloss = w * w\nloss.backward()\n";

describe("RunClient", () => {
  it("runs a program in the worker and brings back the trace, the laid-out graph and the analysis", async () => {
    const outcome = await client().run(program, {}, analysis);
    expect(outcome.kind).toBe("result");
    if (outcome.kind !== "result") return;
    expect(outcome.trace.nodes.find((n) => n.names.includes("w"))?.rootGrad).toEqual([6]);
    expect(outcome.view.nodes.length).toBeGreaterThan(0);
    expect(outcome.inline.map((i) => i.text)).toContain("w = 3.0000 · ∇ 6.0000");
  });

  it("stops a runaway program at the step budget, and the worker runs the next program", async () => {
    const c = client();
    const outcome = await c.run("while True:\n    pass\n", { stepBudget: 100_000 }, analysis);
    expect(outcome.kind === "result" && outcome.trace.diagnostics[0].code).toBe("budget");
    expect((await c.run(program, {}, analysis)).kind).toBe("result");
  });

  it("raises a located MemoryError when a program outgrows its budget, and runs the next program", async () => {
    const c = client(64);
    const grow = "xs = []\nwhile True:\n    xs.append([1.0] * 100000)\n";
    const outcome = await c.run(grow, { stepBudget: 1e12 }, analysis);
    expect(outcome.kind === "result" && outcome.trace.diagnostics[0]).toMatchObject({
      message: "MemoryError",
      span: { from: grow.indexOf("[1.0]") },
    });
    expect((await c.run(program, {}, analysis)).kind).toBe("result");
  }, 60_000);

  it("replaces a worker that V8 stopped at its heap limit, and a runner process that died", async () => {
    // stand-ins for what the interpreter's accounting prevents: a worker that fills its heap
    // with raw JavaScript, and one that takes its whole process down
    const fake = (body: string) => {
      const file = join(dir, `fake-${Math.random().toString(36).slice(2)}.js`);
      writeFileSync(file, `require("node:worker_threads").parentPort.on("message", (r) => { ${body} });`);
      return new RunClient({ files: { runner: files.runner, worker: file } }, () => ({
        memoryMb: 64,
        timeoutMs: 20_000,
      }));
    };
    const heap = fake("const keep = []; for (;;) keep.push(new Array(1e5).fill({}));");
    clients.push(heap);
    expect(await heap.run(program, {}, analysis)).toMatchObject({ kind: "stopped", reason: "memory" });
    const fatal = fake("process.abort();");
    clients.push(fatal);
    expect(await fatal.run(program, {}, analysis)).toMatchObject({ kind: "stopped", reason: "crash" });
    // a new runner process is started for the next request
    expect(await fatal.run(program, {}, analysis)).toMatchObject({ kind: "stopped", reason: "crash" });
    expect(fatal.runnerKind).toBe("process");
  }, 60_000);

  it("keeps the program's output and located error when only building its trace is stopped", async () => {
    // a worker that tells the program's end, as the real one does before it builds the trace,
    // and then never answers: the runner's time limit stops it
    const file = join(dir, "fake-ended.js");
    writeFileSync(
      file,
      `const { parentPort } = require("node:worker_threads");
const { serialize } = require("node:v8");
parentPort.on("message", (r) => {
  if (r.id < 0) return;
  const note = { type: "ended", id: r.id, ok: false, stdout: "epoch 1\\n",
    diagnostics: [{ severity: "error", message: "MemoryError", span: { from: 7, to: 9 }, code: "runtime" }] };
  parentPort.postMessage({ type: "packed", id: r.id, final: false, bytes: new Uint8Array(serialize(note)) });
  for (;;);
});`,
    );
    const c = new RunClient({ files: { runner: files.runner, worker: file } }, () => ({
      memoryMb: 64,
      timeoutMs: 1500,
    }));
    clients.push(c);
    const outcome = await c.trace("x = 1\ny = [x] * 9\n", {});
    expect(outcome).toMatchObject({
      kind: "stopped",
      reason: "timeout",
      message:
        "the program ended, but building its graph was stopped (stopped after 2 s: the program took too long); its output and messages are kept",
      ended: {
        ok: false,
        stdout: "epoch 1\n",
        diagnostics: [{ message: "MemoryError", span: { from: 7, to: 9 } }],
      },
    });
    // without the note, the stop is as before
    const plain = await client(256, 300).run("while True:\n    pass\n", { stepBudget: 1e12 }, analysis);
    expect(plain).toMatchObject({
      kind: "stopped",
      reason: "timeout",
      message: "stopped after 0 s: the program took too long",
    });
    expect("ended" in plain).toBe(false);
  }, 30_000);

  it("stops at the wall-clock limit when the step budget would not", async () => {
    const c = client(256, 300);
    const outcome = await c.run("while True:\n    pass\n", { stepBudget: 1e12 }, analysis);
    expect(outcome).toMatchObject({ kind: "stopped", reason: "timeout" });
  });

  it("stops a runaway program itself before the runner would, at its line and with its output", async () => {
    // a fresh runner: starting its process and worker takes from the run's time, not the margin
    // the runner leaves for the trace (a run it stops is lost: its output, where it was)
    const c = client(256, 5000);
    const source = "print('started')\ni = 0\nwhile True:\n    i += 1\n";
    const outcome = await c.trace(source, { stepBudget: 1e12 });
    expect("kind" in outcome).toBe(false);
    const trace = outcome as Exclude<typeof outcome, { kind: string }>;
    expect(trace.stdout).toBe("started\n");
    const stops = trace.diagnostics.filter((d) => d.severity === "error");
    expect(stops.map((d) => d.message)).toEqual([
      expect.stringMatching(/^stopped after \d+ s and [\d,]+ steps/),
    ]);
    expect(source.slice(0, stops[0].span!.from).split("\n").length).toBeGreaterThanOrEqual(3);
  }, 30_000);

  it("lets a newer run replace one in flight", async () => {
    const c = client();
    const slow = c.run("while True:\n    pass\n", { stepBudget: 1e12 }, analysis);
    const fast = c.run(program, {}, analysis);
    expect(await slow).toMatchObject({ kind: "stopped", reason: "superseded" });
    expect((await fast).kind).toBe("result");
  });

  it("trains with progress reports, and checks gradients", async () => {
    const c = client();
    const losses: number[] = [];
    const source =
      "from micrograd.engine import Value\nw = Value(0.5)\nloss = (w * 2.0 - 3) ** 2\nloss.backward()\n";
    const result = await c.train(source, {}, { optimizer: "sgd", lr: 0.1, steps: 3 }, (p) =>
      losses.push(p.loss),
    );
    expect(losses).toHaveLength(3);
    expect("losses" in result && result.losses[0]).toBe(4);
    // With the graph on screen, the graph follows the training, the last one the trained value.
    const views: number[] = [];
    const trained = await c.train(
      source,
      {},
      { optimizer: "sgd", lr: 0.1, steps: 3 },
      () => undefined,
      "en",
      {
        view: { nodeLimit: 400, folds: { expanded: new Set(), collapsed: new Set() } },
        onView: (view) => {
          const w = view.nodes.find((n) => n.kind === "value" && n.label === "w");
          views.push(w?.kind === "value" ? Number(w.data) : NaN);
        },
      },
    );
    expect("losses" in trained && trained.losses).toHaveLength(4);
    expect(views[0]).toBe(0.5);
    expect(views[views.length - 1]).toBeCloseTo(1.492, 3);
    const report = await c.checkGradients(source, {});
    expect("rows" in report && report.rows.every((r) => r.ok)).toBe(true);
  });
});
