import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runProgram } from "../src/runtime/runProgram";
import { count, fail, type Plan } from "./plan";
import { REFERENCE, ReferenceCheck } from "./reference";
import { cpu, emit, log, median, now, round } from "./report";
import { w2NumpySource, w2TorchSource } from "./w2numpySource";
import { w2Data } from "./workloads";

/**
 * NUMPY: numpy programs through the interpreter, every operation recorded on the tape.
 * - W2np: W2 written with numpy arrays (forward, the backward pass by hand, the update), one
 *   step, against the same W2 written with torch tensors and autograd (target: within 3×).
 *   Measured as W2py is: runs of 2 + 10 and of 2 steps, their medians' difference over 10.
 * - XOR: the primer example (examples/numpy_primer_xor.py: 4 layers, 200 epochs of 4 samples),
 *   a whole live run with its trace (target: under 150 ms).
 */
export function planNumpy(): Plan {
  const reps = count("numpy-reps", 5, 1);
  const data = w2Data();
  const { warmup, steps } = REFERENCE.W2;
  const xor = readFileSync(join(__dirname, "../examples/numpy_primer_xor.py"), "utf8");
  const times = {
    npLong: [] as number[],
    npShort: [] as number[],
    tLong: [] as number[],
    tShort: [] as number[],
  };
  const xorCpu: number[] = [];
  const xorWall: number[] = [];
  let losses: number[] = [];
  let xorNodes = 0;

  const timed = (source: string) => {
    const c = cpu();
    const trace = runProgram(source, { stepBudget: 1e12 });
    if (!trace.ok) throw new Error(trace.diagnostics.map((d) => d.message).join("; "));
    return { cpu: cpu() - c, trace };
  };

  return {
    name: "NUMPY",
    engine() {
      log(
        `NUMPY: W2 with numpy arrays and with torch tensors, ${reps} × (${warmup + steps} and ${warmup} steps); the XOR primer`,
      );
      for (let r = 0; r < reps; r++) {
        const long = timed(w2NumpySource(data, warmup + steps));
        losses = long.trace.stdout.trim().split("\n").map(Number);
        times.npLong.push(long.cpu);
        times.npShort.push(timed(w2NumpySource(data, warmup)).cpu);
        times.tLong.push(timed(w2TorchSource(data, warmup + steps)).cpu);
        times.tShort.push(timed(w2TorchSource(data, warmup)).cpu);
        const w = now();
        const x = timed(xor);
        xorWall.push(now() - w);
        xorCpu.push(x.cpu);
        xorNodes = x.trace.nodes.length;
      }
    },
    baseline() {},
    report() {
      const c = new ReferenceCheck();
      c.close("loss_first", losses[0], REFERENCE.W2.lossFirst);
      c.close("loss_last", losses[warmup + steps - 1], REFERENCE.W2.lossLast);
      if (c.failures.length > 0) return fail("NUMPY", "interpreter", c.failures.join("; "));
      const numpyStep = (median(times.npLong) - median(times.npShort)) / steps;
      const torchStep = (median(times.tLong) - median(times.tShort)) / steps;
      emit({
        workload: "W2np",
        impl: "interpreter",
        steps,
        dtype: "float64",
        step_ms_cpu: round(numpyStep, 2),
        torch_step_ms_cpu: round(torchStep, 2),
        vs_torch: round(numpyStep / torchStep, 2),
        loss_first: losses[0],
        loss_last: losses[warmup + steps - 1],
        reference_checked: "loss_first, loss_last",
      });
      emit({
        workload: "XOR",
        impl: "interpreter",
        run_and_trace_ms_cpu: round(median(xorCpu), 1),
        run_and_trace_ms: round(median(xorWall), 1),
        trace_nodes: xorNodes,
      });
    },
  };
}
