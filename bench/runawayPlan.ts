import { ownClassSource } from "../src/runtime/ownValues/testing/ownClassSource";
import { runProgram } from "../src/runtime/runProgram";
import { buildViewGraph } from "../src/view/buildViewGraph";
import { cpu, emit, log, median, round } from "./report";
import { count, type Plan } from "./plan";

/**
 * RUNAWAY: a loop on the program's own Value class that never ends (`x = x * 1.0001 + 0.0`),
 * stopped by the step budget — what the editor gets when a learner forgets a loop's exit: the
 * run to the budget, the small trace (latest 10,000 values), its size, and the graph built from
 * it. Baseline in the same run: the same loop over Python floats, stopped at the same budget
 * (the interpreter's own cost of those steps, with nothing to keep).
 */
export function planRunaway(): Plan {
  const reps = count("runaway-reps", 3, 1);
  const steps = count("runaway-steps", 600_000, 1000);
  const values = `${ownClassSource({ topo: "iterative" })}
x = Value(1.0)
while True:
    x = x * 1.0001 + 0.0
`;
  const floats = "x = 1.0\nwhile True:\n    x = x * 1.0001 + 0.0\n";
  const run: number[] = [];
  const view: number[] = [];
  const base: number[] = [];
  let nodes = 0;
  let omitted = 0;
  let traceMb = 0;

  const stopped = (source: string) => {
    const c = cpu();
    const trace = runProgram(source, { stepBudget: steps, memoryBudgetMb: 2048 });
    const ms = cpu() - c;
    const codes = trace.diagnostics.filter((d) => d.severity === "error").map((d) => d.code);
    if (codes.join() !== "budget") throw new Error(`expected a budget stop, got ${codes.join() || "none"}`);
    return { trace, ms };
  };

  return {
    name: "RUNAWAY",
    engine() {
      log(`RUNAWAY: a runaway chain of the program's own Values stopped at ${steps} steps, ${reps} runs`);
      for (let r = 0; r < reps; r++) {
        const { trace, ms } = stopped(values);
        run.push(ms);
        const c = cpu();
        buildViewGraph(trace);
        view.push(cpu() - c);
        nodes = trace.nodes.length;
        omitted = trace.omitted ?? 0;
        traceMb = JSON.stringify(trace).length / 1e6;
      }
    },
    baseline() {
      for (let r = 0; r < reps; r++) base.push(stopped(floats).ms);
    },
    report() {
      emit({
        workload: "RUNAWAY",
        impl: "interpreter",
        steps,
        reps,
        run_ms_cpu: round(median(run), 1),
        view_ms_cpu: round(median(view), 1),
        nodes_kept: nodes,
        values_left_out: omitted,
        trace_mb: round(traceMb, 2),
        ...(base.length > 0
          ? { floats_run_ms_cpu: round(median(base), 1), vs_floats: round(median(run) / median(base), 2) }
          : {}),
      });
    },
  };
}
