import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

// Expected output recorded from PyTorch 1.13.1 (/usr/bin/python3).

describe("tril, triu, masked_fill and split", () => {
  it("build an attention mask and cut tensors as PyTorch does, gradients included", () => {
    const source = `import torch
x = torch.arange(12.0).reshape(3, 4).requires_grad_()
w = torch.arange(12.0).reshape(3, 4) + 1
y = x.tril(1) * w + torch.triu(x, -1) * 2 + x.masked_fill(x > 5, float('-inf')).clamp(min=-1) * 3
a, b = x.split([1, 3], dim=1)
loss = y.sum() + (a * 3).sum() + b.sum() * 5
loss.backward()
print(x.grad.tolist())
print([t.tolist() for t in torch.split(torch.arange(5), 2)])
m = torch.zeros(2, 3)
m.masked_fill_(torch.tensor([True, False, True]), 7)
print(m.tolist())
T = 4
tril = torch.tril(torch.ones(T, T))
wei = torch.zeros((T, T)).masked_fill(tril == 0, float('-inf'))
print(torch.softmax(wei, dim=-1)[2].tolist())
`;
    const trace = runProgram(source);
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe(
      "[[9.0, 12.0, 10.0, 10.0], [13.0, 16.0, 14.0, 7.0], [12.0, 17.0, 18.0, 19.0]]\n" +
        "[[0, 1], [2, 3], [4]]\n" +
        "[[7.0, 0.0, 7.0], [7.0, 0.0, 7.0]]\n" +
        "[0.3333333432674408, 0.3333333432674408, 0.3333333432674408, 0.0]\n",
    );
    const masked = trace.nodes.find((n) => n.op === "masked_fill");
    expect(masked?.inputEdges.length).toBe(1);
    expect(trace.nodes.some((n) => n.op === "tril") && trace.nodes.some((n) => n.op === "triu")).toBe(true);
  });

  it("refuse what PyTorch refuses, with its words", () => {
    const bad = (line: string) =>
      runProgram(`import torch\nx = torch.ones(2, 3)\n${line}\n`).diagnostics.find(
        (d) => d.severity === "error",
      )?.message;
    expect(bad("x.split([1, 1], dim=1)")).toBe(
      "RuntimeError: split_with_sizes expects split_sizes to sum exactly to 3 (input tensor's size at dimension 1), but got split_sizes=[1, 1]",
    );
    expect(bad("torch.tril(torch.ones(3))")).toBe(
      "IndexError: Dimension out of range (expected to be in range of [-1, 0], but got -2)",
    );
    expect(bad("x.masked_fill(torch.tensor([[1, 0, 1], [0, 0, 2]]), 5)")).toBe(
      "RuntimeError: Mask tensor can take 0 and 1 values only",
    );
    expect(bad("x.masked_fill(torch.ones(2, 3), 0)")).toMatch(
      /^TypeError: masked_fill\(\) with a floating-point mask/,
    );
  });
});
