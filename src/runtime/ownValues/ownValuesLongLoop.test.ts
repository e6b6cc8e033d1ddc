import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";
import { ownClassSource } from "./testing/ownClassSource";

/**
 * The micrograd lecture's training loop on a `Value` class of the program's own: every step
 * builds a new graph and lets the last one go. GradLens drops the old graphs' rows as CPython
 * frees their objects, so 700 steps (~360,000 values, ~30 MB of tape tables if all were kept)
 * run in a budget their whole history would burst. Expected output from CPython 3.11.
 */
const PROGRAM = `${ownClassSource({ topo: "recursive" })}
ws = [Value(0.25 * i - 0.5) for i in range(4)]
xs = [[(i * 7 + j * 3) % 11 / 11 - 0.5 for j in range(4)] for i in range(40)]
for step in range(700):
    loss = Value(0.0)
    for x in xs:
        s = ws[0] * x[0] + ws[1] * x[1] + ws[2] * x[2] + ws[3] * x[3]
        loss = loss + s * s
    for w in ws:
        w.grad = 0
    loss.backward()
    for w in ws:
        w.data -= 0.01 * w.grad
print(step, loss.data, [w.data for w in ws])
`;

describe("a long training loop of the program's own Value class", () => {
  it("runs 700 steps within a 24 MB budget, with CPython's numbers and the last step's graph", () => {
    const trace = runProgram(PROGRAM, { memoryBudgetMb: 24, stepBudget: 1e9 });
    expect(trace.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
    expect(trace.diagnostics.some((d) => d.code === "dropped")).toBe(true);
    const [step, ws] = trace.stdout.split(" [");
    expect(step.split(" ")[0]).toBe("699");
    // the last digits of a sum of gradients follow the order of micrograd's `_prev` sets, which
    // in CPython is the order of the objects' addresses: equal to within rounding
    expect(Number(step.split(" ")[1])).toBeCloseTo(1.0847016801562585e-14, 27);
    const expected = [
      -4.0832663012222355e-8, -5.4913010439130944e-8, -5.9185939249516314e-8, -4.3028109105783706e-8,
    ];
    const got = ws.replace("]\n", "").split(", ").map(Number);
    got.forEach((w, i) => expect(w).toBeCloseTo(expected[i], 20));
    // the last step's graph is whole: the loss, its 40 squares and the four weights
    const lossNode = trace.nodes.filter((n) => n.names.includes("loss")).at(-1);
    expect(lossNode?.data[0]).toBeCloseTo(1.0847016801562585e-14, 27);
    expect(trace.nodes.filter((n) => n.names.includes("s")).length).toBeGreaterThan(0);
  }, 120_000);
});
