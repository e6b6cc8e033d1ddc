import { runProgram } from "../src/runtime/runProgram";
import { cpu, emit, log, median, min, now, round } from "./report";
import { REFERENCE, ReferenceCheck } from "./reference";
import { count, fail, type Plan } from "./plan";
import { w2pySource } from "./w2pySource";
import { w2Data } from "./workloads";

/**
 * W2py: the micrograd demo step as Python source through GradLens's interpreter (issue 4's
 * target: ≤ 100 ms a step). A run of 2 + 10 steps and a run of 2 steps are timed, each a few
 * times; their difference over 10 is the cost of a step, without parsing or building the trace,
 * which both runs share. Also reported: one whole live run of a single step, trace included.
 */
export function planW2py(): Plan {
  const reps = count("w2py-reps", 3, 1);
  const data = w2Data();
  const { warmup, steps } = REFERENCE.W2;
  const long = w2pySource(data, warmup + steps);
  const short = w2pySource(data, warmup);
  const one = w2pySource(data, 1);
  const times = {
    long: [] as number[],
    short: [] as number[],
    longCpu: [] as number[],
    shortCpu: [] as number[],
  };
  const liveRun: number[] = [];
  let losses: number[] = [];

  const timed = (source: string) => {
    const [w, c] = [now(), cpu()];
    const trace = runProgram(source, { stepBudget: 1e12 });
    if (!trace.ok) throw new Error(trace.diagnostics.map((d) => d.message).join("; "));
    return { wall: now() - w, cpu: cpu() - c, trace };
  };

  return {
    name: "W2py",
    engine() {
      log(`W2py: the demo's training loop as Python, ${reps} × (${warmup + steps} and ${warmup} steps)`);
      for (let r = 0; r < reps; r++) {
        const a = timed(long);
        const b = timed(short);
        times.long.push(a.wall);
        times.longCpu.push(a.cpu);
        times.short.push(b.wall);
        times.shortCpu.push(b.cpu);
        losses = a.trace.stdout.trim().split("\n").map(Number);
        liveRun.push(timed(one).wall);
      }
    },
    baseline() {},
    report() {
      const c = new ReferenceCheck();
      c.close("loss_first", losses[0], REFERENCE.W2.lossFirst);
      c.close("loss_last", losses[warmup + steps - 1], REFERENCE.W2.lossLast);
      if (c.failures.length > 0) return fail("W2py", "interpreter", c.failures.join("; "));
      emit({
        workload: "W2py",
        impl: "interpreter",
        steps,
        dtype: "float64",
        step_ms: round((median(times.long) - median(times.short)) / steps, 2),
        step_ms_cpu: round((median(times.longCpu) - median(times.shortCpu)) / steps, 2),
        live_run_one_step_ms: round(median(liveRun), 1),
        live_run_one_step_ms_min: round(min(liveRun), 1),
        loss_first: losses[0],
        loss_last: losses[warmup + steps - 1],
        reference_checked: "loss_first, loss_last",
      });
    },
  };
}
