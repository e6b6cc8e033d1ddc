import { describe, expect, it } from "vitest";
import { runProgram } from "../runtime/runProgram";

// 30 training steps of a 100×100 layer on a batch of 100: each step adds ~20,000
// numbers, 600,000 in all — more than FULL_TENSOR_NUMBERS, so earlier steps are left out.
const program = (steps: number) =>
  [
    "import torch",
    "torch.manual_seed(0)",
    "W = torch.randn(100, 100, dtype=torch.float64, requires_grad=True)",
    "x = torch.randn(100, 100, dtype=torch.float64)",
    "opt = torch.optim.SGD([W], lr=0.001)",
    `for step in range(${steps}):`,
    "    loss = ((x @ W) ** 2).mean()",
    "    opt.zero_grad()",
    "    loss.backward()",
    "    opt.step()",
  ].join("\n");

describe("a long tensor run's trace", () => {
  it("keeps the last step's graph, about as large as a one-step run's", () => {
    const one = runProgram(program(1));
    const many = runProgram(program(30));
    expect(many.ok).toBe(true);
    const numbers = (t: typeof one) => t.nodes.reduce((n, node) => n + node.data.length, 0);
    expect(numbers(many)).toBeLessThan(2 * numbers(one));
    const W = many.nodes.find((n) => n.names.includes("W"))!;
    expect(W.rootGrad).not.toBeNull(); // the parameter still shows its gradient for the last loss
    expect(many.nodes[many.root!].names).toContain("loss");
  });
});
