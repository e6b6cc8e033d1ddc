/**
 * `npm run fuzz [-- --count N --seed S]`: N hostile mutants (default 10,000) of the examples
 * through the runner process the extension uses (dist/runner.js), counted by outcome and by
 * kind. Exits 1 when any mutant crashed, hung, escaped, stuck the runner, or ended in an error
 * without a place or in GradLens's own failure.
 */
import { join } from "node:path";
import { RunClient } from "../../src/worker/runClient";
import { BAD_OUTCOMES, formatReport, runFuzz } from "./fuzzRun";
import { exampleSeeds, makeCanary } from "./fuzzSetup";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

async function main(): Promise<number> {
  const count = arg("count", 10_000);
  const seed = arg("seed", 1);
  const memoryMb = 64;
  const files = { runner: join(__dirname, "runner.js"), worker: join(__dirname, "worker.js") };
  const client = new RunClient({ files }, () => ({ memoryMb, timeoutMs: 90_000 }));
  const trap = makeCanary();
  const tally = new Map<string, number>();
  try {
    const report = await runFuzz({
      count,
      seed,
      seeds: exampleSeeds(join(__dirname, "../examples")),
      run: (source, options) => client.trace(source, options),
      canary: trap.canary,
      secret: trap.secret,
      stepBudget: 1_000_000,
      memoryBudgetMb: memoryMb,
      onCase: (done, outcome, bad) => {
        trap.clearTrap();
        tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
        // a long run shows its bad cases as they happen and its counts as it goes
        if (bad)
          process.stderr.write(
            `fuzz: ${bad.outcome} ${bad.file} ${bad.kind} seed ${bad.seed}: ${bad.detail}\n`,
          );
        if (done % 500 === 0) {
          const counts = [...tally].map(([o, n]) => `${o} ${n}`).join(", ");
          process.stderr.write(
            `fuzz: ${done.toLocaleString("en-US")} / ${count.toLocaleString("en-US")} (${counts})\n`,
          );
        }
      },
    });
    console.log(formatReport(report));
    return BAD_OUTCOMES.some((o) => report.byOutcome[o] > 0) ? 1 : 0;
  } finally {
    client.dispose();
    trap.remove();
  }
}

main().then((code) => process.exit(code));
