import { emit, log, median, min, peakRssMb, round } from "./report";
import { REFERENCE, ReferenceCheck } from "./reference";
import { BASELINE, count, fail, perRep, ratio, type Plan } from "./plan";
import { w2Baseline, w2Engine, type W2Run } from "./w2";
import { w2Data } from "./workloads";

/** W2's lines: the engine and the closure-per-value port, each checked against the reference. */
export function planW2(): Plan {
  const warmup = count("w2-warmup", REFERENCE.W2.warmup);
  const steps = count("w2-steps", REFERENCE.W2.steps, 1);
  const data = w2Data();
  const last = warmup + steps - 1;
  // loss_last is the reference's only after its 2 + 10 steps; loss_first is step 0's in any run.
  const hasReference = warmup === REFERENCE.W2.warmup && steps === REFERENCE.W2.steps;
  let engine: W2Run;
  let engineRss = 0;
  let baseline: W2Run | undefined;

  const line = (impl: string, r: W2Run, rss?: number) => {
    log(`W2 ${impl} CPU ms a step: ${perRep(r.step.cpu, 1)}`);
    const c = new ReferenceCheck();
    c.close("loss_first", r.losses[0], REFERENCE.W2.lossFirst);
    if (hasReference) {
      c.close("loss_last", r.losses[last], REFERENCE.W2.lossLast);
      c.close("acc_last", r.accuracies[last], REFERENCE.W2.accLast);
    }
    if (c.failures.length > 0) return fail("W2", impl, c.failures.join("; "));
    emit({
      workload: "W2",
      impl,
      steps,
      dtype: "float64",
      step_ms: round(median(r.step.wall), 3),
      step_ms_min: round(min(r.step.wall), 3),
      step_ms_cpu: round(median(r.step.cpu), 3),
      forward_ms: round(median(r.forward.wall), 3),
      backward_ms: round(median(r.backward.wall), 3),
      update_ms: round(median(r.update.wall), 4),
      loss_first: r.losses[0],
      loss_last: r.losses[last],
      acc_last: r.accuracies[last],
      reference_checked: hasReference ? "loss_first, loss_last, acc_last" : "loss_first",
      ...(baseline &&
        r !== baseline && {
          vs_baseline: ratio(median(baseline.step.cpu), median(r.step.cpu)),
          forward_vs_baseline: ratio(median(baseline.forward.cpu), median(r.forward.cpu)),
          backward_vs_baseline: ratio(median(baseline.backward.cpu), median(r.backward.cpu)),
        }),
      ...(rss !== undefined && { peak_rss_mb: rss }),
    });
  };

  return {
    name: "W2",
    engine() {
      log(
        `W2: MLP(${data.sizes.slice(1).join(",")}) on ${data.X.length} points, ${warmup} warm-up + ${steps} steps`,
      );
      engine = w2Engine(data, warmup, steps);
      engineRss = peakRssMb();
    },
    baseline() {
      baseline = w2Baseline(data, warmup, steps);
    },
    report() {
      line("engine", engine, engineRss);
      if (baseline) line(BASELINE, baseline);
    },
  };
}
