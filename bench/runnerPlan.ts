import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { unpack } from "../src/worker/packedMessage";
import { heapProbe } from "../src/runtime/memoryProbe";
import { RunClient, type RunOutcome } from "../src/worker/runClient";
import type { RunRequest } from "../src/worker/protocol";
import { noFoldChoices } from "../src/view/folding/foldToggle";
import type { ViewGraph } from "../src/view/viewGraph";
import { count } from "./plan";
import { emit, log, median, round } from "./report";

/**
 * The runner process as the editor uses it (dist/runner.js, the program on its worker thread):
 *
 * - RUNNER: EDIT50 from the host's side — the edited text sent, the run, layout and analysis
 *   done in the runner, the result back over IPC — against the same work done in this process
 *   (what a worker thread in the host cost before), a run that replaces one still going (the
 *   spare worker takes over), and a cold start.
 * - SOAK: Train… 1,000 steps of an example, then 500 live edits of it, with the runner's
 *   resident memory and this process's heap (the host's side: the client and the last result)
 *   read every step, so a leak shows as growth from the first 100 edits to the last.
 */

const analysis: RunRequest["analysis"] = {
  thresholds: { vanishing: 1e-7, exploding: 1e6 },
  inlineMaxLength: 120,
  precision: 4,
};

const MEMORY_MB = 512;

function client(): RunClient {
  const files = { runner: join(__dirname, "runner.js"), worker: join(__dirname, "worker.js") };
  return new RunClient({ files, spare: true }, () => ({ memoryMb: MEMORY_MB, timeoutMs: 120_000 }));
}

function expectResult(outcome: RunOutcome): asserts outcome is Extract<RunOutcome, { kind: "result" }> {
  if (outcome.kind !== "result") throw new Error(`the runner stopped: ${outcome.message}`);
  if (!outcome.trace.ok) throw new Error(outcome.trace.diagnostics.map((d) => d.message).join("; "));
}

export async function benchRunner(): Promise<void> {
  const reps = count("edit-reps", 20, 1);
  const warmup = count("edit-warmup", 5, 0);
  const source = readFileSync(join(__dirname, "../bench/data/edit50.py"), "utf8");
  const c = client();
  try {
    const t0 = performance.now();
    expectResult(await c.run(source, {}, analysis));
    const cold = performance.now() - t0;
    const times: number[] = [];
    const inWorker: number[] = [];
    for (let r = 0; r < warmup + reps; r++) {
      const start = performance.now();
      const outcome = await c.run(source, {}, analysis, { nodeLimit: 2000, folds: noFoldChoices() });
      const end = performance.now();
      expectResult(outcome);
      if (r < warmup) continue;
      times.push(end - start);
      const t = outcome.timings;
      inWorker.push(t.runMs + t.layoutMs + t.analysisMs);
    }
    // an edit that replaces a run still going: the worker is stopped, the spare runs the edit
    const replaced: number[] = [];
    for (let r = 0; r < 10; r++) {
      const slow = c.run("while True:\n    pass\n", { stepBudget: 1e12 }, analysis);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const start = performance.now();
      const outcome = await c.run(source, {}, analysis, { nodeLimit: 2000, folds: noFoldChoices() });
      replaced.push(performance.now() - start);
      expectResult(outcome);
      if ((await slow).kind !== "stopped") throw new Error("the slow run was not replaced");
      await new Promise((resolve) => setTimeout(resolve, 300)); // the next spare starts
    }
    const threadTimes = await editsOnAWorkerThread(source, warmup, reps);
    emit({
      workload: "RUNNER",
      impl: c.runnerKind ?? "none",
      edit_ms: round(median(times), 2),
      // before the runner process: the same worker as a thread of the host, in this process
      edit_worker_thread_ms: round(median(threadTimes), 2),
      process_vs_thread: round(median(times) / median(threadTimes), 3),
      edit_in_worker_ms: round(median(inWorker), 2),
      ipc_overhead_ms: round(median(times) - median(inWorker), 2),
      edit_replacing_a_run_ms: round(median(replaced), 2),
      cold_start_ms: round(cold, 1),
    });
  } finally {
    c.dispose();
  }
}

/**
 * XOR_RUNNER: the XOR primer (examples/numpy_primer_xor.py) as the editor runs it — sent to a
 * runner process of its own (so no heap of earlier workloads), run on its worker thread, laid
 * out and analysed there, the result back over IPC. The first run is a fresh runner's (V8 has
 * compiled nothing yet: what opening the file costs); the median is of the runs after it (what
 * each save or edit costs). `run_ms` is the run and trace alone, inside the worker;
 * `crossing_ms` what the answer's way back adds to the worker's work (packing it, the hand-over
 * to the runner's thread, the pipe, reading it in the client), each run's own difference.
 */
export async function benchXorRunner(): Promise<void> {
  const reps = count("xor-reps", 10, 1);
  const source = readFileSync(join(__dirname, "../examples/numpy_primer_xor.py"), "utf8");
  const c = client();
  try {
    const times: number[] = [];
    const runs: number[] = [];
    const inWorker: number[] = [];
    const crossing: number[] = [];
    let first = 0;
    let firstRun = 0;
    for (let r = 0; r <= reps; r++) {
      const start = performance.now();
      const outcome = await c.run(source, {}, analysis, { nodeLimit: 2000, folds: noFoldChoices() });
      const elapsed = performance.now() - start;
      expectResult(outcome);
      const t = outcome.timings;
      if (r === 0) {
        first = elapsed;
        firstRun = t.runMs;
        continue;
      }
      times.push(elapsed);
      runs.push(t.runMs);
      inWorker.push(t.runMs + t.layoutMs + t.analysisMs);
      crossing.push(elapsed - (t.runMs + t.layoutMs + t.analysisMs));
    }
    emit({
      workload: "XOR_RUNNER",
      impl: c.runnerKind ?? "none",
      reps,
      edit_ms: round(median(times), 1),
      run_ms: round(median(runs), 1),
      in_worker_ms: round(median(inWorker), 1),
      crossing_ms: round(median(crossing), 1),
      first_run_ms: round(first, 1),
      first_run_run_ms: round(firstRun, 1),
    });
  } finally {
    c.dispose();
  }
}

/**
 * EDIT50 as programs ran before the runner process: dist/worker.js as a worker thread of this
 * process (the host's), the answer back by postMessage: the baseline the runner is held to.
 * The worker is made as the host made it then (its heap limited to the memory budget, 4 MB of
 * stack) and asked what the runner is asked: V8 grows a heap limited below 2 GB more
 * cautiously, so an unlimited worker collects garbage less often than either path ever did.
 */
async function editsOnAWorkerThread(source: string, warmup: number, reps: number): Promise<number[]> {
  const worker = new Worker(join(__dirname, "worker.js"), {
    resourceLimits: { maxOldGenerationSizeMb: MEMORY_MB, stackSizeMb: 4 },
    stdout: true,
    stderr: true,
  });
  let failed: ((e: Error) => void) | null = null;
  worker.on("error", (e) => failed?.(e));
  const times: number[] = [];
  try {
    for (let r = 0; r < warmup + reps; r++) {
      const start = performance.now();
      const message = await new Promise<ReturnType<typeof unpack>>((resolve, reject) => {
        failed = reject;
        // the worker tells the program's end ("ended") before its answer; the answer is what counts
        const onMessage = (answer: unknown) => {
          const m = unpack(answer as Parameters<typeof unpack>[0]);
          if (m.type === "ended") return;
          worker.off("message", onMessage);
          resolve(m);
        };
        worker.on("message", onMessage);
        const request: RunRequest = {
          type: "run",
          id: r + 1,
          source,
          options: { memoryBudgetMb: MEMORY_MB },
          analysis,
          view: { nodeLimit: 2000, folds: noFoldChoices() },
        };
        worker.postMessage(request);
      });
      if (message.type !== "result") throw new Error(`the worker thread answered ${message.type}`);
      if (r >= warmup) times.push(performance.now() - start);
    }
  } finally {
    await worker.terminate();
  }
  return times;
}

/** The soak: training, then live edits; memory of both sides every step. */
export async function benchSoak(): Promise<void> {
  const steps = count("soak-steps", 1000, 1);
  const edits = count("soak-edits", 500, 100);
  const example = readFileSync(join(__dirname, "../examples/micrograd_mlp_training.py"), "utf8");
  const probe = heapProbe();
  const hostHeapMb = () => {
    probe.collect?.();
    return probe.used() / 1024 / 1024;
  };
  const c = client();
  try {
    log(`SOAK: Train… ${steps} steps, then ${edits} live edits of examples/micrograd_mlp_training.py`);
    let view: ViewGraph | undefined;
    const trained = await c.train(example, {}, { optimizer: "sgd", lr: 0.05, steps }, () => undefined, "en", {
      view: { nodeLimit: 2000, folds: noFoldChoices() },
      onView: (v) => (view = v),
    });
    if (!("losses" in trained)) throw new Error(`training stopped: ${trained.message}`);
    const afterTraining = { runner: (await c.runnerMemory())?.rss ?? NaN, host: hostHeapMb() };
    let last: unknown = view;
    const runnerMb: number[] = [];
    const hostMb: number[] = [];
    for (let e = 0; e < edits; e++) {
      // a live edit: the learning rate typed a digit at a time, as a user does
      const edited = example.replace(/0\.05\b/, `0.05${e % 10}`);
      const outcome = await c.run(edited, { fileName: "micrograd_mlp_training.py" }, analysis, {
        nodeLimit: 2000,
        folds: noFoldChoices(),
        ...(view ? { previous: view } : {}),
      });
      expectResult(outcome);
      view = outcome.view;
      last = outcome; // the host keeps the last result of a document
      runnerMb.push(((await c.runnerMemory())?.rss ?? NaN) / 1024 / 1024);
      hostMb.push(hostHeapMb());
    }
    void last;
    const firstRunner = median(runnerMb.slice(0, 100));
    const lastRunner = median(runnerMb.slice(-100));
    const firstHost = median(hostMb.slice(0, 100));
    const lastHost = median(hostMb.slice(-100));
    emit({
      workload: "SOAK",
      impl: c.runnerKind ?? "none",
      train_steps: steps,
      edits,
      runner_rss_mb_after_training: round(afterTraining.runner / 1024 / 1024, 1),
      runner_rss_mb_first_100_edits: round(firstRunner, 1),
      runner_rss_mb_last_100_edits: round(lastRunner, 1),
      host_heap_mb_after_training: round(afterTraining.host, 1),
      host_heap_mb_first_100_edits: round(firstHost, 1),
      host_heap_mb_last_100_edits: round(lastHost, 1),
    });
  } finally {
    c.dispose();
  }
}
