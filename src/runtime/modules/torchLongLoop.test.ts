import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

/**
 * A training loop of thousands of steps on 2,000-element tensors: every step's values are
 * garbage to CPython once the next step rebinds them, and GradLens lets them go too (it holds
 * the newest tensors for the trace), so the loop runs inside a budget its history would burst.
 */
const LOOP = `import torch
x = torch.linspace(-1.0, 1.0, 2000, dtype=torch.float64)
y = 3.0 * x - 0.5
w = torch.zeros((), dtype=torch.float64, requires_grad=True)
b = torch.zeros((), dtype=torch.float64, requires_grad=True)
for step in range(STEPS):
    y_pred = w * x + b
    loss = ((y_pred - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad
        b -= 0.1 * b.grad
        w.grad.zero_()
        b.grad.zero_()
y_pred = w * x + b
loss = ((y_pred - y) ** 2).mean()
loss.backward()
print(round(w.item(), 6), round(b.item(), 6))
`;

describe("a long torch training loop", () => {
  it("runs 3,000 steps of 2,000-element tensors within a 96 MB budget, and the last step's graph is whole", () => {
    // 3,000 steps × 6 tensors × 16 kB each would be ~290 MB if every step's values were kept
    const trace = runProgram(LOOP.replace("STEPS", "3000"), { memoryBudgetMb: 96 });
    expect(trace.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
    expect(trace.stdout).toBe("3.0 -0.5\n");
    const named = (name: string) => trace.nodes.filter((n) => n.names.includes(name));
    const loss = named("loss").at(-1)!;
    expect(loss.tensor).toBe(true);
    // the last loss's graph reaches the parameters, with the chain rule's gradients
    const w = named("w").at(-1)!;
    const residual = named("y_pred")
      .at(-1)!
      .data.map((p, i) => p - (3 * (-1 + (2 * i) / 1999) - 0.5));
    const dw = residual.reduce((s, r, i) => s + 2 * r * (-1 + (2 * i) / 1999), 0) / 2000;
    expect(w.rootGrad![0]).toBeCloseTo(dw, 12);
  }, 60_000);
});
