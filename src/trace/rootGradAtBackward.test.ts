import { describe, expect, it } from "vitest";
import { jsonReport } from "../cli/jsonReport";
import { runProgram } from "../runtime/runProgram";

// A training step updates the data after backward(): ∂root/∂x and the edges' local derivatives
// must still be those of the moment backward() ran, as `.grad` is.
const source = [
  "from micrograd.engine import Value",
  "w = Value(0.5)",
  "loss = w * w", // ∂loss/∂w = 2w = 1.0 at backward time
  "loss.backward()",
  "w.data -= 0.1 * w.grad", // w becomes 0.4 afterwards
].join("\n");

describe("gradients as of the last backward()", () => {
  it("keeps root_grad equal to .grad after the program updates the data", () => {
    const trace = runProgram(source);
    const w = trace.nodes.find((n) => n.names.includes("w"))!;
    expect(w.data).toEqual([0.4]);
    expect(w.grad).toEqual([1]);
    expect(w.rootGrad).toEqual([1]);
    // both edges of w * w carry the local derivative w = 0.5, as backward() saw it
    expect(trace.edges.filter((e) => e.from === w.id).map((e) => e.local)).toEqual([[0.5], [0.5]]);
    expect(jsonReport(source, trace).variables.w).toEqual({
      type: "Value",
      data: 0.4,
      grad: 1,
      root_grad: 1,
    });
  });
});
