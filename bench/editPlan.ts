import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gradientDiagnostics } from "../src/explain/gradientHealth";
import { inlineValues } from "../src/explain/inlineValues";
import { runProgram } from "../src/runtime/runProgram";
import { buildViewGraph } from "../src/view/buildViewGraph";
import { cpu, emit, log, median, min, now, round } from "./report";
import { count, type Plan } from "./plan";

/**
 * EDIT50: what an edit costs, from new text to new results, on a 50-line program of the kind a
 * learner edits (bench/data/edit50.py): parse + run + backward + trace (issue 4's target: ≤ 30
 * ms), and everything the worker then does for the editor (graph layout, gradient-health
 * diagnostics, inline values).
 */
export function planEdit(): Plan {
  const reps = count("edit-reps", 20, 1);
  const warmup = count("edit-warmup", 5, 0);
  const source = readFileSync(join(__dirname, "../bench/data/edit50.py"), "utf8");
  const run: number[] = [];
  const runCpu: number[] = [];
  const whole: number[] = [];
  let nodes = 0;
  return {
    name: "EDIT50",
    engine() {
      log(`EDIT50: ${source.split("\n").length} lines, ${warmup} warm-up + ${reps} runs`);
      for (let r = 0; r < warmup + reps; r++) {
        const [w0, c0] = [now(), cpu()];
        const trace = runProgram(source);
        const [w1, c1] = [now(), cpu()];
        buildViewGraph(trace);
        gradientDiagnostics(trace);
        inlineValues(trace, source);
        const w2 = now();
        if (!trace.ok) throw new Error(trace.diagnostics.map((d) => d.message).join("; "));
        nodes = trace.nodes.length;
        if (r < warmup) continue;
        run.push(w1 - w0);
        runCpu.push(c1 - c0);
        whole.push(w2 - w0);
      }
    },
    baseline() {},
    report() {
      emit({
        workload: "EDIT50",
        impl: "interpreter",
        lines: source.split("\n").length,
        values: nodes,
        run_ms: round(median(run), 2),
        run_ms_min: round(min(run), 2),
        run_ms_cpu: round(median(runCpu), 2),
        with_view_ms: round(median(whole), 2),
      });
    },
  };
}
