import { emit, log, median, min, peakRssMb, round } from "./report";
import { REFERENCE, ReferenceCheck } from "./reference";
import { count, fail, perRep, ratio, type Plan } from "./plan";
import { w3Baseline, w3Engine, type W3Run } from "./w3";
import { W3_FLOPS_CONVENTION, W3_FLOPS_EXECUTED, w3Data, type W3Data } from "./workloads";

/** W3's lines: the tensor engine and the naive-matmul MLP, each checked against the reference. */
export function planW3(): Plan {
  const warmup = count("w3-warmup", REFERENCE.W3.warmup);
  const steps = count("w3-steps", REFERENCE.W3.steps, 1);
  // The naive matmuls are several times slower: the protocol gives them 1 warm-up + 4 steps.
  const baselineWarmup = count("w3-baseline-warmup", 1);
  const baselineSteps = count("w3-baseline-steps", 4, 1);
  let data: W3Data;
  let engine: W3Run;
  let engineRss = 0;
  let baseline: W3Run | undefined;

  const line = (impl: string, r: W3Run, warm: number, rss?: number) => {
    const n = r.step.wall.length;
    const last = warm + n - 1;
    log(`W3 ${impl} CPU ms a step: ${perRep(r.step.cpu, 1)}`);
    const c = new ReferenceCheck();
    c.close("loss_first", r.losses[0], REFERENCE.W3.lossFirst);
    const lastChecked = warm === REFERENCE.W3.warmup && n === REFERENCE.W3.steps;
    if (lastChecked) c.close("loss_last", r.losses[last], REFERENCE.W3.lossLast);
    if (c.failures.length > 0) return fail("W3", impl, c.failures.join("; "));
    const gflops = (flops: number, ms: number) => round(flops / (ms * 1e6), 2);
    emit({
      workload: "W3",
      impl,
      dtype: "float64",
      steps: n,
      threads: 1,
      step_ms: round(median(r.step.wall), 2),
      step_ms_min: round(min(r.step.wall), 2),
      step_ms_cpu: round(median(r.step.cpu), 2),
      gflops: gflops(W3_FLOPS_CONVENTION, median(r.step.wall)),
      gflops_executed: gflops(W3_FLOPS_EXECUTED, median(r.step.wall)),
      gflops_cpu: gflops(W3_FLOPS_CONVENTION, median(r.step.cpu)),
      loss_first: r.losses[0],
      loss_last: r.losses[last],
      reference_checked: lastChecked ? "loss_first, loss_last" : "loss_first",
      ...(baseline &&
        r !== baseline && { vs_baseline: ratio(median(baseline.step.cpu), median(r.step.cpu)) }),
      ...(rss !== undefined && { peak_rss_mb: rss }),
    });
  };

  return {
    name: "W3",
    engine() {
      log(`W3: MLP 784-256-10, batch 256, ${warmup} warm-up + ${steps} steps`);
      data = w3Data();
      engine = w3Engine(data, warmup, steps);
      engineRss = peakRssMb();
    },
    baseline() {
      baseline = w3Baseline(data, baselineWarmup, baselineSteps);
    },
    report() {
      line("engine", engine, warmup, engineRss);
      if (baseline) line("naive-js-matmul", baseline, baselineWarmup);
    },
  };
}
