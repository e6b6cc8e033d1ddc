import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { arg } from "./report";
import { fail, hasFailed, type Plan } from "./plan";
import { planW1 } from "./w1Plan";
import { planW2 } from "./w2Plan";
import { planW3 } from "./w3Plan";
import { planW2py } from "./w2pyPlan";
import { planEdit } from "./editPlan";
import { planOwnValue } from "./ownValuePlan";
import { benchRunner, benchSoak, benchXorRunner } from "./runnerPlan";
import { planNumpy } from "./numpyPlan";
import { planDemoStep } from "./demoStepPlan";
import { planRunaway } from "./runawayPlan";

/**
 * `npm run bench`: workloads W1–W3 as the shared WORKLOADS protocol specifies, then the
 * interpreter's own (W2py: the demo step as Python; EDIT50: an edit's cost; OWN60: what
 * recognising a learner's own autograd class costs), through the engine
 * and through a plain JavaScript baseline in the same process (W1, W2: a closure-per-value
 * micrograd port; W3: hand-written naive matmuls), so every engine figure has a ratio. One JSON
 * line a result on stdout, the rest on stderr; exits non-zero when a workload cannot run or
 * misses its reference answers.
 * Then RUNNER and SOAK: the runner process the editor runs programs in (bench/runnerPlan.ts).
 * Last, DRAW: the webview's drawing in headless chromium (bench/draw/main.ts, its own process).
 * Options: --only W1,W2,W3,W2py,EDIT50,OWN60,NUMPY,MICROGRAD_DEMO_STEP,RUNAWAY,RUNNER,XOR_RUNNER,SOAK,DRAW  --soak-steps 1000 --soak-edits 500  --baseline no  --n 100000  --w1-warmup 2 --w1-reps 5
 * --demo-reps 3 --demo-steps 2  --runaway-reps 3 --runaway-steps 600000  --w2-warmup 2 --w2-steps 10  --w3-warmup 3 --w3-steps 10  --w3-baseline-warmup 1
 * --w3-baseline-steps 4.
 *
 * Every engine run goes first: the baseline's objects raise the process's peak RSS to ~300 MB,
 * so an engine line's `peak_rss_mb` is the peak when its own run ended.
 */

const only = new Set(
  arg(
    "only",
    "W1,W2,W3,W2py,EDIT50,OWN60,NUMPY,MICROGRAD_DEMO_STEP,RUNAWAY,RUNNER,XOR_RUNNER,SOAK,DRAW",
  ).split(","),
);
const withBaseline = arg("baseline", "yes") !== "no";

/**
 * Runs one phase of every plan. Its errors are reported in the report phase, so the lines keep
 * the workloads' order: an engine that fails leaves only its error line, a baseline that fails
 * leaves the engine's lines (without ratios) and its own error line.
 */
function phase(plans: Plan[], which: "engine" | "baseline"): Plan[] {
  return plans.map((p) => {
    try {
      p[which]();
      return p;
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      const report =
        which === "engine"
          ? () => fail(p.name, "engine", error)
          : () => {
              p.report();
              fail(p.name, "baseline", error);
            };
      return { name: p.name, engine() {}, baseline() {}, report };
    }
  });
}

const makers: [string, () => Plan][] = [
  ["W1", planW1],
  ["W2", planW2],
  ["W3", planW3],
  ["W2py", planW2py],
  ["EDIT50", planEdit],
  ["OWN60", planOwnValue],
  ["NUMPY", planNumpy],
  ["MICROGRAD_DEMO_STEP", planDemoStep],
  ["RUNAWAY", planRunaway],
];
let plans: Plan[] = [];
for (const [name, make] of makers) {
  if (!only.has(name)) continue;
  try {
    plans.push(make());
  } catch (e) {
    fail(name, "engine", e instanceof Error ? e.message : String(e));
  }
}
plans = phase(plans, "engine");
if (withBaseline) plans = phase(plans, "baseline");
for (const p of plans) {
  try {
    p.report();
  } catch (e) {
    fail(p.name, "engine", e instanceof Error ? e.message : String(e));
  }
}
async function runnerBenches(): Promise<void> {
  for (const [name, bench] of [
    ["RUNNER", benchRunner],
    ["XOR_RUNNER", benchXorRunner],
    ["SOAK", benchSoak],
  ] as const) {
    if (!only.has(name)) continue;
    try {
      await bench();
    } catch (e) {
      fail(name, "runner", e instanceof Error ? e.message : String(e));
    }
  }
}

void runnerBenches().then(() => {
  let drawFailed = false;
  if (only.has("DRAW")) {
    // A process of its own: a browser and its own peak RSS, apart from the engine's figures.
    const draw = spawnSync(process.execPath, [join(__dirname, "bench-draw.js"), ...process.argv.slice(2)], {
      stdio: "inherit",
    });
    drawFailed = draw.status !== 0;
  }
  process.exitCode = hasFailed() || drawFailed ? 1 : 0;
});
