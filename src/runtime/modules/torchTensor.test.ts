import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

/** Runs a program that starts with `import torch` and returns what it printed (failing loudly on errors). */
function run(body: string): string {
  const trace = runProgram(`import torch\n${body}`);
  expect(trace.diagnostics).toEqual([]);
  return trace.stdout;
}

describe("torch.Tensor in the interpreter", () => {
  it("hashes tensors and parameters by identity, as PyTorch does (dict keys, sets)", () => {
    // recorded from PyTorch 1.13: "2 1 True True False"
    expect(
      run(
        "m = torch.nn.Linear(2, 1)\nd = {p: i for i, p in enumerate(m.parameters())}\nt = torch.zeros(2)\nprint(len(d), d[m.bias], t in {t}, hash(t) == id(t), torch.zeros(2) in {t})",
      ),
    ).toBe("2 1 True True False\n");
  });

  it("prints tensors exactly as PyTorch does", () => {
    expect(
      run("x = torch.tensor([1.0, 2.0], requires_grad=True)\nprint(x)\nprint(x * 2)\nprint(repr(x.sum()))"),
    ).toBe(
      "tensor([1., 2.], requires_grad=True)\n" +
        "tensor([2., 4.], grad_fn=<MulBackward0>)\n" +
        "tensor(3., grad_fn=<SumBackward0>)\n",
    );
    expect(
      run("print(torch.tensor([[1, 2], [3, 4]]))\nprint(torch.tensor([0.5, 1.25], dtype=torch.float64))"),
    ).toBe("tensor([[1, 2],\n        [3, 4]])\ntensor([0.5000, 1.2500], dtype=torch.float64)\n");
    expect(run("import torch.nn as nn\nprint(nn.Parameter(torch.ones(2)))")).toBe(
      "Parameter containing:\ntensor([1., 1.], requires_grad=True)\n",
    );
  });

  it("gives Python numbers from .item() and lists from .tolist(), by dtype", () => {
    const out = run(
      "a = torch.tensor([[1.5, 2.0]])\nb = torch.tensor([3, 4])\n" +
        "print(a.sum().item(), type(a.sum().item()).__name__, b[1].item(), type(b[1].item()).__name__)\n" +
        "print(a.tolist(), b.tolist(), (b > 3).tolist(), float(a[0, 0]), int(b[0]))",
    );
    expect(out).toBe("3.5 float 4 int\n[[1.5, 2.0]] [3, 4] [False, True] 1.5 3\n");
  });

  it("runs operators with reflected operands, in-place updates, @ and comparisons", () => {
    const out = run(
      "x = torch.tensor([1.0, 2.0, 4.0])\n" +
        "print(2 - x, 1 / x, 2 ** x, -x)\n" +
        "y = x\nx += 1\nprint(y is x, y)\n" +
        "print(x > 2, x == 3.0, (x >= 2) & (x < 5))\n" +
        "A = torch.tensor([[1.0, 2.0], [3.0, 4.0]])\nprint(A @ torch.tensor([1.0, -1.0]), A @ A)",
    );
    expect(out).toBe(
      "tensor([ 1.,  0., -2.]) tensor([1.0000, 0.5000, 0.2500]) tensor([ 2.,  4., 16.]) tensor([-1., -2., -4.])\n" +
        "True tensor([2., 3., 5.])\n" +
        "tensor([False,  True,  True]) tensor([False,  True, False]) tensor([ True,  True, False])\n" +
        "tensor([-1., -1.]) tensor([[ 7., 10.],\n        [15., 22.]])\n",
    );
  });

  it("indexes and slices, and assigns through indices", () => {
    const out = run(
      "x = torch.arange(6).reshape(2, 3)\n" +
        "print(x[1], x[:, 1], x[0, 1:], x[-1, -1].item(), x[[1, 0]], x[x > 3])\n" +
        "z = torch.zeros(2, 3)\nz[0, 1] = 5.0\nz[1] = torch.tensor([1.0, 2.0, 3.0])\nz[:, 0] = -1\nprint(z)",
    );
    expect(out).toBe(
      "tensor([3, 4, 5]) tensor([1, 4]) tensor([1, 2]) 5 tensor([[3, 4, 5],\n        [0, 1, 2]]) tensor([4, 5])\n" +
        "tensor([[-1.,  5.,  0.],\n        [-1.,  2.,  3.]])\n",
    );
  });

  it("sums gradients over broadcast dimensions (worked by hand)", () => {
    // h = x + b = [[1.5, 1, 5], [4.5, 4, 8]]; L = Σ h² = 2.25 + 1 + 25 + 20.25 + 16 + 64 = 128.5; ∂L/∂h = 2h = [[3, 2, 10], [9, 8, 16]];
    // ∂L/∂x = 2h, and ∂L/∂b sums 2h over the broadcast rows: [3+9, 2+8, 10+16] = [12, 10, 26].
    const out = run(
      "x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)\n" +
        "b = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)\n" +
        "L = ((x + b) ** 2).sum()\nL.backward()\nprint(L.item(), b.grad.tolist(), x.grad.tolist())",
    );
    expect(out).toBe("128.5 [12.0, 10.0, 26.0] [[3.0, 2.0, 10.0], [9.0, 8.0, 16.0]]\n");
  });

  it("keeps .grad None on non-leaves unless retain_grad() asked, and accumulates on leaves", () => {
    const out = run(
      "x = torch.tensor([2.0, 3.0], requires_grad=True)\n" +
        "h = x * x\nk = h + 1\nk.retain_grad()\nL = k.sum()\nL.backward()\n" +
        "print(h.grad, k.grad, x.grad, h.is_leaf, x.is_leaf, L.grad_fn is not None, x.grad_fn)\n" +
        "(x * 3).sum().backward()\nprint(x.grad)\nx.grad.zero_()\nprint(x.grad)\nx.grad = None\nprint(x.grad)",
    );
    expect(out).toBe(
      "None tensor([1., 1.]) tensor([4., 6.]) False True True None\n" +
        "tensor([7., 9.])\ntensor([0., 0.])\nNone\n",
    );
  });

  it("takes backward(gradient=...) and retain_graph, and lets .data be read and replaced", () => {
    // v·2 with upstream [1, 0.1, 0.01] gives [2, 0.2, 0.02]; then Σ v² twice (graph retained)
    // adds 2·2v = [4, 8, 12].
    const out = run(
      "v = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)\n" +
        "(v * 2).backward(gradient=torch.tensor([1.0, 0.1, 0.01]))\nprint(v.grad)\n" +
        "q = (v ** 2).sum()\nq.backward(retain_graph=True)\nq.backward()\nprint(v.grad)\n" +
        "p = torch.ones(2, requires_grad=True)\np.data -= 0.5 * torch.ones(2)\nprint(p, p.data.requires_grad)\n" +
        "p.data = torch.tensor([7.0, 8.0])\nprint(p)",
    );
    expect(out).toBe(
      "tensor([2.0000, 0.2000, 0.0200])\ntensor([ 6.0000,  8.2000, 12.0200])\n" +
        "tensor([0.5000, 0.5000], requires_grad=True) False\ntensor([7., 8.], requires_grad=True)\n",
    );
  });

  it("hands back what a comparison dunder returns, as Python does", () => {
    const out = run(
      "class P:\n    def __eq__(self, other):\n        return 'eq'\n    def __lt__(self, other):\n        return [1]\n" +
        "print(P() == 1, P() < 2, 1 > P(), 1 < 2 < 3, 3 < 2 < 1)",
    );
    expect(out).toBe("eq [1] [1] True False\n");
  });

  it("records nothing under torch.no_grad(), as a block or a decorator, and restores recording", () => {
    const out = run(
      "x = torch.ones(2, requires_grad=True)\n" +
        "with torch.no_grad():\n    y = x * 2\n    print(torch.is_grad_enabled())\n" +
        "@torch.no_grad()\ndef f(t):\n    return t * 3\n" +
        "try:\n    with torch.no_grad():\n        raise ValueError('x')\nexcept ValueError:\n    pass\n" +
        "print(y.requires_grad, y.grad_fn, f(x).requires_grad, torch.is_grad_enabled(), (x * 2).requires_grad)\n" +
        "with torch.no_grad():\n    x -= 0.5 * torch.ones(2)\nprint(x, x.detach().requires_grad)",
    );
    expect(out).toBe(
      "False\nFalse None False True True\ntensor([0.5000, 0.5000], requires_grad=True) False\n",
    );
  });

  it("has torch.autograd.grad (leaving .grad alone), set_grad_enabled, and all/any", () => {
    // ∂Σx³/∂x = 3x² = [3, 12]
    const out = run(
      "x = torch.tensor([1.0, 2.0], requires_grad=True)\n(g,) = torch.autograd.grad((x ** 3).sum(), x)\nprint(g, x.grad)\n" +
        "with torch.set_grad_enabled(False):\n    z = x * 2\nprint(z.requires_grad, torch.is_grad_enabled())\n" +
        "torch.set_grad_enabled(False)\na = x * 2\ntorch.set_grad_enabled(True)\n" +
        "print(a.requires_grad, (x * 2).requires_grad, (x > 0).all(), (x > 5).any().item())",
    );
    expect(out).toBe("tensor([ 3., 12.]) None\nFalse True\nFalse True tensor(True) False\n");
  });

  it("walks the graph through grad_fn.next_functions as PyTorch lays it out", () => {
    const out = run(
      "a = torch.tensor([1.0, 2.0], requires_grad=True)\nb = torch.tensor([3.0, 4.0])\n" +
        "y = (a * b + a).sum()\nadd = y.grad_fn.next_functions[0][0]\nmul, leaf = [f for f, _ in add.next_functions]\n" +
        "print(y.grad_fn.name(), type(add).__name__, type(mul).__name__, type(leaf).__name__)\n" +
        "print(leaf.variable is a, mul.next_functions[0][0] is leaf, mul.next_functions[1])",
    );
    expect(out).toBe("SumBackward0 AddBackward0 MulBackward0 AccumulateGrad\nTrue True (None, 0)\n");
  });

  it("reduces and reshapes with dim and keepdim", () => {
    const out = run(
      "x = torch.tensor([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]])\n" +
        "v, i = x.max(dim=1)\nprint(v, i, x.max(dim=0).values, x.min().item())\n" +
        "print(x.sum(dim=0), x.sum(1, keepdim=True).shape, x.mean().item(), torch.sum(x, dim=1))\n" +
        "print(x.T.shape, x.view(3, 2).shape, x.reshape(-1).shape, x.unsqueeze(0).shape, x.flatten().shape)\n" +
        "print(x.shape, x.size(), x.size(1), x.dim(), x.ndim, len(x), x.numel(), x.dtype, x.shape == (2, 3))\n" +
        "print(torch.softmax(x, dim=1).sum(dim=1), x.argmax(dim=1), torch.cat([x, x]).shape, torch.stack([x, x]).shape)",
    );
    expect(out).toBe(
      "tensor([5., 6.]) tensor([1, 2]) tensor([4., 5., 6.]) 1.0\n" +
        "tensor([5., 7., 9.]) torch.Size([2, 1]) 3.5 tensor([ 9., 12.])\n" +
        "torch.Size([3, 2]) torch.Size([3, 2]) torch.Size([6]) torch.Size([1, 2, 3]) torch.Size([6])\n" +
        "torch.Size([2, 3]) torch.Size([2, 3]) 3 2 2 2 6 torch.float32 True\n" +
        // PyTorch 1.13.1 prints this too: its first row's softmax sums to 0.99999994 in float32
        "tensor([1.0000, 1.0000]) tensor([1, 2]) torch.Size([4, 3]) torch.Size([2, 2, 3])\n",
    );
  });

  it("creates tensors: zeros, ones, arange, eye, full, and seeded randn/rand/randint", () => {
    const out = run(
      "print(torch.zeros(2), torch.ones(1, 2, dtype=torch.long), torch.arange(3), torch.arange(0.0, 1.0, 0.5))\n" +
        "print(torch.eye(2), torch.full((2,), 7), torch.zeros_like(torch.ones(1, 2)))\n" +
        "torch.manual_seed(42)\na = torch.randn(3)\ntorch.manual_seed(42)\nb = torch.randn(3)\n" +
        "r = torch.rand(100)\nk = torch.randint(0, 5, (50,))\n" +
        "print(torch.equal(a, b), r.min().item() >= 0, r.max().item() < 1, k.min().item() >= 0, k.max().item() <= 4, k.dtype)",
    );
    expect(out).toBe(
      "tensor([0., 0.]) tensor([[1, 1]]) tensor([0, 1, 2]) tensor([0.0000, 0.5000])\n" +
        "tensor([[1., 0.],\n        [0., 1.]]) tensor([7, 7]) tensor([[0., 0.]])\n" +
        "True True True True True torch.int64\n",
    );
  });
});

describe("torch errors", () => {
  it("reports a shape mismatch with PyTorch's message, naming both shapes, at the expression", () => {
    const source = "import torch\na = torch.ones(2, 3)\nb = torch.ones(4, 5)\nprint('before')\nc = a @ b\n";
    const trace = runProgram(source);
    expect(trace.ok).toBe(false);
    expect(trace.stdout).toBe("before\n");
    expect(trace.diagnostics).toHaveLength(1);
    const d = trace.diagnostics[0];
    expect(d.message).toBe("RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)");
    expect(source.slice(d.span!.from, d.span!.to)).toBe("a @ b");
    const add = runProgram("import torch\nx = torch.ones(2, 3) + torch.ones(4)\n");
    expect(add.diagnostics[0].message).toBe(
      "RuntimeError: The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1",
    );
  });

  it("raises PyTorch's exception types, which a program can catch", () => {
    const out = run(
      "x = torch.tensor([1.0, 2.0], requires_grad=True)\n" +
        "for f in [lambda: x.item(), lambda: x.add_(1), lambda: torch.tensor([1, 2], requires_grad=True), lambda: x[5]]:\n" +
        "    try:\n        f()\n    except (RuntimeError, IndexError) as e:\n        print(type(e).__name__, e)",
    );
    expect(out).toBe(
      "RuntimeError a Tensor with 2 elements cannot be converted to Scalar\n" +
        "RuntimeError a leaf Variable that requires grad is being used in an in-place operation.\n" +
        "RuntimeError Only Tensors of floating point and complex dtype can require gradients\n" +
        "IndexError index 5 is out of bounds for dimension 0 with size 2\n",
    );
  });

  it("says what is not available instead of pretending", () => {
    const missing = runProgram("import torch\nx = torch.ones(2)\ny = x.cumsum(0)\n");
    expect(missing.diagnostics[0]).toMatchObject({ code: "unsupported" });
    expect(missing.diagnostics[0].message).toMatch(/Tensor\.cumsum/);
  });
});

describe("numpy scalars and batched products beside tensors", () => {
  it("a numpy scalar acts as the Python number it holds (a positional encoding's np.log factor); torch.bmm", () => {
    // expected output recorded from CPython 3.11 + PyTorch 1.13.1 + numpy 1.24.2
    expect(
      run(
        "import numpy as np\nt = torch.arange(0, 4).float()\nk = -(np.log(10000.0) / 8)\nprint(torch.exp(t * k), torch.exp(k * t))\nprint(t + np.float64(1.5), np.float32(2.0) - t, t / np.int64(2), (torch.arange(3) * np.float64(0.5)).dtype, (torch.arange(3) * np.int64(2)).dtype)\na = torch.arange(24.0).reshape(2, 3, 4).requires_grad_()\nb = torch.ones(2, 4, 2)\nc = torch.bmm(a, b)\nprint(c, c.shape)\nc.sum().backward()\nprint(a.grad[1])\nprint(a.bmm(b).grad_fn.name(), (a @ b).grad_fn.name())\ntry:\n    torch.bmm(a, torch.ones(3, 4, 2))\nexcept RuntimeError as e:\n    print(e)\ntry:\n    torch.bmm(a[0], b)\nexcept RuntimeError as e:\n    print(e)\n",
      ),
    ).toBe(
      "tensor([1.0000, 0.3162, 0.1000, 0.0316]) tensor([1.0000, 0.3162, 0.1000, 0.0316])\ntensor([1.5000, 2.5000, 3.5000, 4.5000]) tensor([ 2.,  1.,  0., -1.]) tensor([0.0000, 0.5000, 1.0000, 1.5000]) torch.float32 torch.int64\ntensor([[[ 6.,  6.],\n         [22., 22.],\n         [38., 38.]],\n\n        [[54., 54.],\n         [70., 70.],\n         [86., 86.]]], grad_fn=<BmmBackward0>) torch.Size([2, 3, 2])\ntensor([[2., 2., 2., 2.],\n        [2., 2., 2., 2.],\n        [2., 2., 2., 2.]])\nBmmBackward0 UnsafeViewBackward0\nExpected size for first two dimensions of batch2 tensor to be: [2, 4] but got: [3, 4].\nbatch1 must be a 3D tensor\n",
    );
  });
});
