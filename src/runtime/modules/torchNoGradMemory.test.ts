import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

/**
 * What a run holds of big tensors, measured against the memory budget: what CPython frees is
 * freed (a large tensor that needs no gradient is no node of the graph, so the trace does not
 * keep it), and a tensor's storage counts once against the budget, as the heap holds it.
 */

const errors = (trace: ReturnType<typeof runProgram>) =>
  trace.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);

describe("big tensors and the memory budget", () => {
  it("one 80 MB tensor fits a 128 MB budget (its storage is counted once, not twice)", () => {
    const trace = runProgram(
      "import torch\nx = torch.ones(10_000_000, dtype=torch.float64)\nprint(x.sum().item())\n",
      { memoryBudgetMb: 128 },
    );
    expect(errors(trace)).toEqual([]);
    expect(trace.stdout).toBe("10000000.0\n");
  });

  it("a no_grad evaluation over a data set, repeated, runs in a budget its temporaries would burst if held", () => {
    // each pass makes four 16 MB temporaries; 20 passes held would be ~1.3 GB. (It also needs
    // the budget to see freed tensors as freed: V8 releases dead array buffers on a sweeper.)
    const source = `import torch
g = torch.Generator().manual_seed(1)
x = torch.randn((20000, 50), generator=g, dtype=torch.float64)
W = torch.randn((50, 100), generator=g, dtype=torch.float64, requires_grad=True)
b = torch.zeros(100, dtype=torch.float64, requires_grad=True)
@torch.no_grad()
def evaluate():
    h = torch.tanh(x @ W + b)
    return (h * h).mean().item()
for i in range(20):
    m = evaluate()
print(round(m, 12))
loss = (x[:100] @ W + b).pow(2).mean()
loss.backward()
`;
    const trace = runProgram(source, { memoryBudgetMb: 128 });
    expect(errors(trace)).toEqual([]);
    // recorded from CPython 3.11 with torch 1.13.1
    expect(trace.stdout).toBe("0.887617008563\n");
    // the graph that needs gradients is still whole: W and b reach the loss
    const named = (name: string) => trace.nodes.filter((n) => n.names.includes(name));
    expect(named("loss").length).toBe(1);
    expect(named("W")[0].rootGrad).not.toBeNull();
    expect(named("b")[0].rootGrad).not.toBeNull();
  }, 60_000);
});
