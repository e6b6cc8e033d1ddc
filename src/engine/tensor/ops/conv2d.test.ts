import { describe, expect, it } from "vitest";
import { describeMismatches, gradcheck } from "../../gradcheck/gradcheck";
import { runProgram } from "../../../runtime/runProgram";
import { Tensor } from "../tensor";
import { conv2d, maxPool2d } from "./conv2d";

// Run by PyTorch 1.13 (float64, values whose sums are exact) and its output recorded here.
const PROGRAM =
  "import torch\nimport torch.nn.functional as F\nx = (torch.arange(2 * 4 * 5 * 6, dtype=torch.float64).reshape(2, 4, 5, 6) % 7 - 3).requires_grad_()\nw = (torch.arange(6 * 2 * 3 * 2, dtype=torch.float64).reshape(6, 2, 3, 2) % 5 - 2).requires_grad_()\nb = torch.tensor([0.5, -1.0, 2.0, 0.25, -0.75, 1.5], dtype=torch.float64, requires_grad=True)\ny = F.conv2d(x, w, b, stride=(2, 1), padding=(1, 2), dilation=(1, 2), groups=2)\nprint(list(y.shape), y.grad_fn.name())\ng = (torch.arange(y.numel(), dtype=torch.float64).reshape(y.shape) % 3 - 1)\ny.backward(g)\nprint(y.sum().item(), y[1, 3].tolist())\nprint(x.grad.sum().item(), x.grad[0, 1].tolist())\nprint(w.grad[4].tolist(), b.grad.tolist())\np = torch.tensor([[[[1., 5., 2., 0., 3.], [4., 4., -1., 7., 2.], [0., 6., 6., 1., 8.], [3., 2., 9., 9., -2.]]]], requires_grad=True)\nm, idx = F.max_pool2d(p, 2, stride=2, ceil_mode=True, return_indices=True)\nprint(m.tolist(), idx.tolist(), m.grad_fn.name())\nm.sum().backward()\nprint(p.grad.tolist())\nq = F.max_pool2d(p, kernel_size=(3, 2), stride=1, padding=(1, 1))\nprint(q.tolist())\ntorch.manual_seed(0)\nconv = torch.nn.Conv2d(3, 4, 3, padding=1, bias=False)\npool = torch.nn.MaxPool2d(2)\nprint(conv, pool, conv.weight[0, 0].tolist())\nprint(torch.nn.Conv2d(2, 4, (3, 5), stride=2, padding='same' if False else 1, dilation=2, groups=2))\nfor bad in [lambda: F.conv2d(torch.zeros(1, 3, 8, 8), torch.zeros(6, 1, 5, 5)), lambda: F.conv2d(torch.zeros(1, 1, 3, 3), torch.zeros(6, 1, 5, 5)), lambda: F.conv2d(torch.zeros(8, 8), torch.zeros(6, 1, 5, 5))]:\n    try:\n        bad()\n    except RuntimeError as e:\n        print(e)\n";
const PYTORCH_OUTPUT =
  "[2, 6, 3, 8] ConvolutionBackward0\n100.0 [[9.25, 8.25, -15.75, -2.75, -10.75, 2.25, 5.25, 5.25], [0.25, -6.75, 11.25, 10.25, -18.75, 1.25, -6.75, 6.25], [-2.75, -1.75, -1.75, -5.75, 11.25, 14.25, -6.75, 2.25]]\n0.0 [[-3.0, 1.0, 2.0, -3.0, 1.0, 2.0], [3.0, -3.0, 0.0, 3.0, -3.0, 0.0], [2.0, -3.0, 1.0, 2.0, -3.0, 1.0], [0.0, 3.0, -3.0, 0.0, 3.0, -3.0], [1.0, 2.0, -3.0, 1.0, 2.0, -3.0]]\n[[[-3.0, 6.0], [7.0, 0.0], [6.0, -3.0]], [[4.0, -1.0], [0.0, 0.0], [-1.0, -3.0]]] [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]\n[[[[5.0, 7.0, 3.0], [6.0, 9.0, 8.0]]]] [[[[1, 8, 4], [11, 17, 14]]]] MaxPool2DWithIndicesBackward0\n[[[[0.0, 1.0, 0.0, 0.0, 1.0], [0.0, 0.0, 0.0, 1.0, 0.0], [0.0, 1.0, 0.0, 0.0, 1.0], [0.0, 0.0, 1.0, 0.0, 0.0]]]]\n[[[[4.0, 5.0, 5.0, 7.0, 7.0, 3.0], [4.0, 6.0, 6.0, 7.0, 8.0, 8.0], [4.0, 6.0, 9.0, 9.0, 9.0, 8.0], [3.0, 6.0, 9.0, 9.0, 9.0, 8.0]]]]\nConv2d(3, 4, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False) MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False) [[-0.0014408392598852515, 0.10323861986398697, -0.15839511156082153], [-0.14163152873516083, -0.07412299513816833, 0.051606908440589905], [-0.0038130483590066433, 0.15259164571762085, -0.01707880012691021]]\nConv2d(2, 4, kernel_size=(3, 5), stride=(2, 2), padding=(1, 1), dilation=(2, 2), groups=2)\nGiven groups=1, weight of size [6, 1, 5, 5], expected input[1, 3, 8, 8] to have 1 channels, but got 3 channels instead\nCalculated padded input size per channel: (3 x 3). Kernel size: (5 x 5). Kernel size can't be greater than actual input size\nExpected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [8, 8]\n";

/** Values from a fixed linear congruential sequence in [-1, 1): the same every run. */
function leaf(shape: number[], seed: number): Tensor {
  const n = shape.reduce((p, d) => p * d, 1);
  const values = new Float64Array(n);
  let state = seed;
  for (let i = 0; i < n; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    values[i] = state / 1073741824 - 1;
  }
  const t = Tensor.fromValues(values, shape, "float64");
  t.requiresGrad = true;
  return t;
}

describe("conv2d and max_pool2d", () => {
  it("give PyTorch's outputs, gradients, node names, module reprs and errors", () => {
    const trace = runProgram(PROGRAM);
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe(PYTORCH_OUTPUT);
  });

  it("have the gradients central differences give (float64), with stride, padding, dilation and groups", () => {
    const window = {
      stride: [2, 1] as [number, number],
      padding: [1, 2] as [number, number],
      dilation: [1, 2] as [number, number],
    };
    const r = gradcheck(
      (x, w, b) => conv2d(x, w, b, window, 2),
      [leaf([2, 4, 5, 6], 1), leaf([6, 2, 3, 2], 2), leaf([6], 3)],
    );
    if (!r.ok) expect.fail(describeMismatches(r));
    const unbatched = gradcheck(
      (x, w) => conv2d(x, w, null, { stride: [1, 1], padding: [0, 0], dilation: [1, 1] }),
      [leaf([3, 4, 4], 4), leaf([2, 3, 2, 2], 5)],
    );
    if (!unbatched.ok) expect.fail(describeMismatches(unbatched));
    const pooled = gradcheck(
      (x) => maxPool2d(x, [2, 2], { stride: [2, 2], padding: [1, 0], dilation: [1, 1] }, true).out,
      [leaf([2, 3, 5, 5], 6)],
    );
    if (!pooled.ok) expect.fail(describeMismatches(pooled));
  });
});
