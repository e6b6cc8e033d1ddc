import { emit, log, median, min, peakRssMb, round } from "./report";
import { REFERENCE, ReferenceCheck } from "./reference";
import { BASELINE, count, fail, medianSum, perRep, ratio, type Plan } from "./plan";
import type { Timings } from "./timing";
import { w1Baseline, w1Engine, type W1Run } from "./w1";
import { w1Program, type W1Program } from "./workloads";

/**
 * W1's lines: the engine on a reused tape, the engine on a fresh tape each repetition, and the
 * closure-per-value port, each checked against the reference answers.
 */
export function planW1(): Plan {
  const n = count("n", REFERENCE.W1.n, 100);
  const warmup = count("w1-warmup", 2);
  const reps = count("w1-reps", 5, 1);
  let program: W1Program;
  const runs: { impl: string; run: W1Run; rss?: number }[] = [];
  let baseline: W1Run | undefined;
  const perOp = (ms: number) => round((ms * 1e6) / n, 1);

  const line = (impl: string, r: W1Run, rss?: number) => {
    log(
      `W1 ${impl} CPU ns/op a repetition: forward ${perRep(r.forward.cpu, 1e6 / n)}, backward ${perRep(r.backward.cpu, 1e6 / n)}`,
    );
    if (n === REFERENCE.W1.n) {
      const c = new ReferenceCheck();
      c.equal("program_checksum", program.checksum, REFERENCE.W1.checksum);
      c.close("loss", r.loss, REFERENCE.W1.loss);
      c.close("leaf_grad_sum", r.leafGradSum, REFERENCE.W1.leafGradSum);
      if (c.failures.length > 0) return fail("W1", impl, c.failures.join("; "));
    }
    const vs = (b: Timings, e: Timings) => ratio(median(b.cpu), median(e.cpu));
    emit({
      workload: "W1",
      impl,
      n,
      reps,
      dtype: "float64",
      forward_ns_per_op: perOp(median(r.forward.wall)),
      backward_ns_per_op: perOp(median(r.backward.wall)),
      forward_ns_per_op_min: perOp(min(r.forward.wall)),
      backward_ns_per_op_min: perOp(min(r.backward.wall)),
      forward_ns_per_op_cpu: perOp(median(r.forward.cpu)),
      backward_ns_per_op_cpu: perOp(median(r.backward.cpu)),
      forward_ms: round(median(r.forward.wall), 3),
      backward_ms: round(median(r.backward.wall), 3),
      loss: r.loss,
      leaf_grad_sum: r.leafGradSum,
      program_checksum: program.checksum,
      reference_checked: n === REFERENCE.W1.n ? "loss, leaf_grad_sum, program_checksum" : "none",
      ...(baseline &&
        r !== baseline && {
          vs_baseline: ratio(
            medianSum(baseline.forward.cpu, baseline.backward.cpu),
            medianSum(r.forward.cpu, r.backward.cpu),
          ),
          forward_vs_baseline: vs(baseline.forward, r.forward),
          backward_vs_baseline: vs(baseline.backward, r.backward),
        }),
      ...(rss !== undefined && { peak_rss_mb: rss }),
    });
  };

  return {
    name: "W1",
    engine() {
      program = w1Program(n);
      log(`W1: ${n} ops, ${warmup} warm-up + ${reps} repetitions`);
      runs.push({ impl: "engine", run: w1Engine(program, warmup, reps, false), rss: peakRssMb() });
      runs.push({ impl: "engine-fresh-tape", run: w1Engine(program, warmup, reps, true), rss: peakRssMb() });
    },
    baseline() {
      baseline = w1Baseline(program, warmup, reps);
    },
    report() {
      for (const r of runs) line(r.impl, r.run, r.rss);
      if (baseline) line(BASELINE, baseline);
    },
  };
}
