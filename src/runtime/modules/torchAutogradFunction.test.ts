import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

const MY_RELU = `
import torch

class MyReLU(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input):
        ctx.save_for_backward(input)
        return input.clamp(min=0)

    @staticmethod
    def backward(ctx, grad_output):
        input, = ctx.saved_tensors
        grad_input = grad_output.clone()
        grad_input[input < 0] = 0
        return grad_input
`;

describe("torch.autograd.Function", () => {
  it("is one node in the graph, named after the class, whose inside is not drawn", () => {
    const trace = runProgram(
      MY_RELU +
        "x = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)\n" +
        "w = torch.tensor([0.5, 0.5, 0.5], requires_grad=True)\n" +
        "y = MyReLU.apply(x * w)\nloss = y.sum()\nloss.backward()\nprint(x.grad, w.grad, y.grad_fn)\n",
    );
    expect(trace.diagnostics).toEqual([]);
    expect(trace.stdout).toMatch(
      /^tensor\(\[0\.5000, 0\.0000, 0\.5000\]\) tensor\(\[1\., -0\., 3\.\]\) <torch\.autograd\.function\.MyReLUBackward object at 0x[0-9a-f]+>\n$/,
    );
    const ops = trace.nodes.filter((n) => n.op !== "").map((n) => n.op);
    expect(ops).toEqual(["*", "MyReLU", "sum"]);
    const y = trace.nodes.find((n) => n.names.includes("y"))!;
    expect(y.rootGrad).toEqual([1, 1, 1]);
  });

  it("runs the program's own backward during backward(), even when it is not the derivative", () => {
    const trace = runProgram(
      "import torch\n" +
        "class Twice(torch.autograd.Function):\n" +
        "    @staticmethod\n    def forward(ctx, x):\n        return x * 1.0\n" +
        "    @staticmethod\n    def backward(ctx, g):\n        print('backward called')\n        return g * 2\n" +
        "x = torch.tensor([1.0, 2.0], requires_grad=True)\nTwice.apply(x).sum().backward()\nprint(x.grad)\n",
    );
    expect(trace.diagnostics).toEqual([]);
    expect(trace.stdout).toBe("backward called\ntensor([2., 2.])\n");
  });

  it("reports a backward that returns the wrong number of gradients as PyTorch does", () => {
    const trace = runProgram(
      "import torch\n" +
        "class Bad(torch.autograd.Function):\n" +
        "    @staticmethod\n    def forward(ctx, x, k):\n        return x * k\n" +
        "    @staticmethod\n    def backward(ctx, g):\n        return g\n" +
        "x = torch.tensor([1.0], requires_grad=True)\nBad.apply(x, 3.0).sum().backward()\n",
    );
    expect(trace.diagnostics.map((d) => d.message)).toEqual([
      "RuntimeError: function BadBackward returned an incorrect number of gradients (expected 2, got 1)",
    ]);
  });
});
