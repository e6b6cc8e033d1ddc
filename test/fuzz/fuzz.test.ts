import { build } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RunClient } from "../../src/worker/runClient";
import { BAD_OUTCOMES, formatReport, runFuzz } from "./fuzzRun";
import { exampleSeeds, makeCanary } from "./fuzzSetup";
import { MUTATIONS } from "./mutations";

/**
 * A few hundred hostile mutants of the examples through the real runner process (the same
 * bundles the extension starts): every one ends in a result or a located diagnostic, within
 * its budgets; none crashes or hangs the runner or reaches outside the sandbox. `npm run fuzz`
 * runs 10,000.
 */
const COUNT = 300;

let dir: string;
let client: RunClient;
const trap = makeCanary();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "gradlens-fuzz-bundles-"));
  const files = { runner: join(dir, "runner.js"), worker: join(dir, "worker.js") };
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
  // a mutant's run ends by its step or memory budget in seconds; the timeout only catches a
  // runner that never answers, with room for a busy machine (a memory bomb took 30 s at load 10)
  client = new RunClient({ files }, () => ({ memoryMb: 64, timeoutMs: 90_000 }));
}, 60_000);

afterAll(() => {
  client?.dispose();
  rmSync(dir, { recursive: true, force: true });
  trap.remove();
});

describe("fuzz", () => {
  it("has the kinds of damage a fuzz run does", () => {
    expect(MUTATIONS.length).toBeGreaterThanOrEqual(41);
    expect(new Set(MUTATIONS.map((m) => m.name)).size).toBe(MUTATIONS.length);
  });

  it(`ends ${COUNT} mutants of the examples in a result or a located diagnostic`, async () => {
    const report = await runFuzz({
      count: COUNT,
      seed: 20261204,
      seeds: exampleSeeds(join(__dirname, "../../examples")),
      run: (source, options) => client.trace(source, options),
      canary: trap.canary,
      secret: trap.secret,
      stepBudget: 1_000_000,
      memoryBudgetMb: 64,
      onCase: () => trap.clearTrap(),
    });
    const bad = Object.fromEntries(BAD_OUTCOMES.map((o) => [o, report.byOutcome[o]]));
    expect(bad, formatReport(report)).toEqual(Object.fromEntries(BAD_OUTCOMES.map((o) => [o, 0])));
    expect(report.byOutcome.ok + report.byOutcome.located).toBe(COUNT);
  }, 600_000);
});
