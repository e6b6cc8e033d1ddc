import { describe, expect, it } from "vitest";
import { runProgram } from "../../runProgram";

/**
 * The PyTorch tutorial's warm-up shape: a polynomial fitted with numpy and gradients written by
 * hand, its coefficients updated from their own gradients (`a -= learning_rate * grad_a`). Each
 * step's coefficient is made from the last step's arrays; GradLens lets old steps' history go,
 * so the loop runs in a budget its whole history would burst. Expected output from CPython
 * with numpy 1.24; the target and x³ are written as products, because this machine's numpy
 * computes `sin` and `x ** 3` with its AVX-512 library, where GradLens computes glibc's.
 */
const PROGRAM = `import numpy as np
import math

x = np.linspace(-math.pi, math.pi, 1000)
y = 0.5 * x - 0.1 * x * x
a, b, c, d = 0.1, 0.2, -0.1, 0.05
learning_rate = 1e-6
for t in range(800):
    y_pred = a + b * x + c * x ** 2 + d * x * x * x
    loss = np.square(y_pred - y).sum()
    grad_y_pred = 2.0 * (y_pred - y)
    grad_a = grad_y_pred.sum()
    grad_b = (grad_y_pred * x).sum()
    grad_c = (grad_y_pred * x ** 2).sum()
    grad_d = (grad_y_pred * x * x * x).sum()
    a -= learning_rate * grad_a
    b -= learning_rate * grad_b
    c -= learning_rate * grad_c
    d -= learning_rate * grad_d
print(loss)
print(f"y = {a} + {b} x + {c} x^2 + {d} x^3")
`;

describe("a long numpy loop with hand-written gradients", () => {
  it("runs 800 steps of 1,000-element arrays within a 48 MB budget, with CPython's numbers", () => {
    // 800 steps × ~15 arrays × 8 kB would be ~96 MB if every step stayed chained to the next
    const trace = runProgram(PROGRAM, { memoryBudgetMb: 48 });
    expect(trace.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
    expect(trace.stdout).toBe(
      "10.203713870703343\n" +
        "y = 0.04864576809550943 + 0.3684317935559563 x + -0.10838345674579636 x^2 + 0.01869562600091875 x^3\n",
    );
    expect(trace.nodes.some((n) => n.names.includes("loss"))).toBe(true);
  }, 60_000);
});
