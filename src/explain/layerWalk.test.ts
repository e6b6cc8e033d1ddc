import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runProgram } from "../runtime/runProgram";
import type { Trace } from "../trace/trace";
import { TraceBuilder } from "../view/testing/traceBuilder";
import { backwardSteps, stepTitle } from "./backwardSteps";

/**
 * Step Through Backward Pass in a program with hand-written layers: the walk follows the order
 * the program's own backward loop called the layers, each layer's values together, and every
 * step says which layer it is in.
 */

/** Runs of equal layers, in walk order (null: outside any layer). */
function layerRuns(trace: Trace): (string | null)[] {
  const runs: (string | null)[] = [];
  for (const step of backwardSteps(trace))
    if (runs.length === 0 || runs[runs.length - 1] !== step.layer) runs.push(step.layer);
  return runs;
}

/**
 * Two layers side by side, L = A(x) + B(x), made A first. `backward`: the order the program's
 * backward loop called them in (none: the program has no hand-written backward).
 */
function twoBranches(backward: ("A" | "B")[]): Trace {
  const t = new TraceBuilder();
  const x = t.leaf(0.5, "x");
  const a = t.within("A.forward", "A", 0, null, () => t.tanh(t.mul(x, t.leaf(2, "wa"), "x * wa"), "tanh(…)"));
  const b = t.within("B.forward", "B", 1, null, () => t.relu(t.mul(x, t.leaf(3, "wb"), "x * wb"), "relu(…)"));
  const loss = t.name(t.add(a, b, "a + b"), "L");
  for (const which of backward) t.within(`${which}.backward`, which, which === "A" ? 0 : 1, null, () => 0);
  const trace = t.build(loss);
  for (const c of trace.calls ?? []) if (c.instance !== null) c.place = `layers[${c.instance}]`;
  return trace;
}

describe("the backward walk over hand-written layers", () => {
  it("visits the layers in the order the program's backward loop called them", () => {
    expect(layerRuns(twoBranches(["A", "B"]))).toEqual([null, "A (layers[0])", "B (layers[1])", null]);
    expect(layerRuns(twoBranches(["B", "A"]))).toEqual([null, "B (layers[1])", "A (layers[0])", null]);
  });

  it("keeps today's order where the program has no layer's backward: the latest made first", () => {
    const trace = twoBranches([]);
    const steps = backwardSteps(trace);
    const ids = steps.map((s) => s.node);
    expect(steps.every((s) => s.layer === null)).toBe(true);
    // the root, then B's values (made last), then A's, then the shared input
    expect(ids[0]).toBe(trace.root);
    const nodeOf = (op: string) => trace.nodes.find((n) => n.op === op)!.id;
    expect(ids.indexOf(nodeOf("relu"))).toBeLessThan(ids.indexOf(nodeOf("tanh")));
  });

  it("still ends every gradient where backward() does, whatever the order", () => {
    for (const trace of [twoBranches(["A", "B"]), twoBranches(["B", "A"])]) {
      const steps = backwardSteps(trace);
      for (const step of steps) expect(step.grad[0]).toBeCloseTo(trace.nodes[step.node].rootGrad![0], 12);
      expect(steps.length).toBe(trace.nodes.filter((n) => n.rootGrad && n.kind !== "const").length);
    }
  });

  it("walks the primer's network last layer first, sample by sample, and names the layer in each step", () => {
    const source = readFileSync(join(__dirname, "../../examples/numpy_primer_xor_mistake.py"), "utf8");
    const trace = runProgram(source, { fileName: "numpy_primer_xor_mistake.py" });
    const network = ["Tanh (network[3])", "Dense (network[2])", "Tanh (network[1])", "Dense (network[0])"];
    // the trace holds the last two samples of the last epoch: each sample's loss, then its layers
    expect(layerRuns(trace)).toEqual([null, ...network, null, ...network]);
    const steps = backwardSteps(trace);
    const tanh = steps.find((s) => s.layer === "Tanh (network[3])")!;
    expect(stepTitle(tanh, trace)).toMatch(/^In Tanh \(network\[3\]\): .*\(tanh\): ∂error\/∂/);
    expect(stepTitle(steps[0], trace)).not.toMatch(/^In /);
    // the weights a Dense's update made are stepped with that Dense: its parameters
    const updated = steps.filter((s) => (trace.nodes[s.node].expr ?? "").startsWith("self.weights -="));
    expect(updated.length).toBeGreaterThan(0);
    expect(updated.every((s) => s.layer?.startsWith("Dense (network["))).toBe(true);
    for (const step of steps) {
      const expected = trace.nodes[step.node].rootGrad!;
      step.grad.forEach((g, i) => expect(g).toBeCloseTo(expected[i], 12));
    }
  });
});
