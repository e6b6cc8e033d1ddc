import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

function run(source: string): string {
  const trace = runProgram(source);
  expect(trace.diagnostics).toEqual([]);
  return trace.stdout;
}

/** Printed numbers, one line each, parsed back. */
const numbers = (out: string) => out.trim().split(/\s+/).map(Number);

const MLP = `import torch
import torch.nn as nn
import torch.nn.functional as F

class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(2, 3)
        self.fc2 = nn.Linear(3, 1)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))

model = MLP()
with torch.no_grad():
    model.fc1.weight.copy_(torch.tensor([[0.5, -0.3], [0.8, 0.2], [-0.4, 0.6]]))
    model.fc1.bias.copy_(torch.tensor([0.1, -0.1, 0.05]))
    model.fc2.weight.copy_(torch.tensor([[0.7, -0.5, 0.3]]))
    model.fc2.bias.copy_(torch.tensor([0.2]))
X = torch.tensor([[1.0, 1.5], [0.5, -1.0], [-1.5, 0.5], [2.0, 1.0]])
y = torch.tensor([[1.0], [0.0], [0.5], [2.0]])
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for step in range(3):
    opt.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    opt.step()
    print(loss.item())
print(model.fc2.bias.item())
print(model.fc1.weight[2, 1].item())
`;

describe("torch.nn and torch.optim", () => {
  it("trains a two-layer MLP (nn.Linear, F.relu, F.mse_loss, SGD) as a plain-Python reference does", () => {
    // Reference, float64 plain Python over the same weights and data (pre-activations stay ≥ 0.06
    // from ReLU's kink, so float32 cannot flip a mask):
    //   for step in range(3):
    //       z1 = [[sum(W1[j][k]*x[k] for k in range(2)) + b1[j] for j in range(3)] for x in X]
    //       h = [[max(0.0, v) for v in r] for r in z1]
    //       out = [sum(W2[0][j]*hr[j] for j in range(3)) + b2[0] for hr in h]
    //       loss = sum((out[i]-Y[i][0])**2 for i in range(N)) / N
    //       dout = [2*(out[i]-Y[i][0])/N for i in range(N)]; ... chain rule by hand ...
    //       W -= 0.1 * gW for every parameter
    // gives losses 1.4488124999999998, 0.4126195253876405, 0.27732294872710583,
    // then b2 = 0.3116308915165656 and W1[2][1] = 0.6227639944696741.
    const [l0, l1, l2, b2, w121] = numbers(run(MLP));
    expect(l0).toBeCloseTo(1.4488124999999998, 6);
    expect(l1).toBeCloseTo(0.4126195253876405, 6);
    expect(l2).toBeCloseTo(0.27732294872710583, 6);
    expect(l1).toBeLessThan(l0);
    expect(l2).toBeLessThan(l1);
    expect(b2).toBeCloseTo(0.3116308915165656, 6);
    expect(w121).toBeCloseTo(0.6227639944696741, 6);
  });

  it("initialises nn.Linear from the seeded generator within ±1/√fan_in, parameters in PyTorch's order", () => {
    const source = (seed: number) => `import torch, math
import torch.nn as nn
torch.manual_seed(${seed})
net = nn.Sequential(nn.Linear(4, 3), nn.Tanh(), nn.Linear(3, 2, bias=False))
print([n for n, p in net.named_parameters()], [tuple(p.shape) for p in net.parameters()])
w = net[0].weight
print(w.abs().max().item() <= 1 / math.sqrt(4), net[2].weight.abs().max().item() <= 1 / math.sqrt(3))
print(w.requires_grad, w.is_leaf, isinstance(w, nn.Parameter), isinstance(w, torch.Tensor), len(net))
print(w.tolist())
`;
    const [first, again, other] = [run(source(0)), run(source(0)), run(source(1))];
    const lines = first.split("\n");
    expect(lines[0]).toBe("['0.weight', '0.bias', '2.weight'] [(3, 4), (3,), (2, 3)]");
    expect(lines[1]).toBe("True True");
    expect(lines[2]).toBe("True True True True 3");
    expect(again).toBe(first);
    expect(other.split("\n")[3]).not.toBe(lines[3]);
  });

  it("fills parameters with torch.nn.init in PyTorch's ranges, without recording", () => {
    // xavier_uniform_ on 50×100: bound = gain·√(6 / (fan_in + fan_out)) = √(6 / 150);
    // kaiming_normal_(relu) on fan_in 100: std = √2 / √100 ≈ 0.1414 (5000 draws: within 10%).
    const out = run(`import torch
import torch.nn as nn
torch.manual_seed(3)
lin = nn.Linear(100, 50)
nn.init.xavier_uniform_(lin.weight)
nn.init.zeros_(lin.bias)
bound = (6 / 150) ** 0.5
print(lin.weight.abs().max().item() <= bound, lin.weight.abs().max().item() > 0.9 * bound)
print(lin.bias.abs().sum().item(), lin.weight.is_leaf, lin.weight.grad_fn, nn.init.calculate_gain("tanh"))
nn.init.kaiming_normal_(lin.weight, nonlinearity="relu")
print(abs(lin.weight.std().item() - 2 ** 0.5 / 10) < 0.1 * 2 ** 0.5 / 10)
`);
    expect(out).toBe("True True\n0.0 True None 1.6666666666666667\nTrue\n");
  });

  it("prints modules as PyTorch does and finds parameters of nested user modules", () => {
    const out = run(`import torch
from torch import nn
class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(2, 2)
        self.scale = nn.Parameter(torch.ones(1))
    def forward(self, x):
        return self.lin(x) * self.scale
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.block = Block()
        self.act = nn.ReLU()
        self.head = nn.Linear(2, 1)
    def forward(self, x):
        return self.head(self.act(self.block(x)))
net = Net()
print(net)
print([n for n, _ in net.named_parameters()])
print(net(torch.ones(3, 2)).shape, nn.MSELoss(), nn.CrossEntropyLoss())
`);
    expect(out).toBe(
      "Net(\n  (block): Block(\n    (lin): Linear(in_features=2, out_features=2, bias=True)\n  )\n" +
        "  (act): ReLU()\n  (head): Linear(in_features=2, out_features=1, bias=True)\n)\n" +
        "['block.scale', 'block.lin.weight', 'block.lin.bias', 'head.weight', 'head.bias']\n" +
        "torch.Size([3, 1]) MSELoss() CrossEntropyLoss()\n",
    );
  });

  it("runs ModuleList, Dropout (off in eval mode), Flatten and Softmax like PyTorch 2", () => {
    const out = run(`import torch
import torch.nn as nn
net = nn.Sequential(nn.Flatten(), nn.Dropout(0.5), nn.Linear(4, 3), nn.Softmax(dim=1))
blocks = nn.ModuleList([nn.Linear(4, 4) for _ in range(3)])
print(blocks)
net.eval()
x = torch.ones(2, 2, 2)
print(net(x).sum(dim=1), net.training, net[1].training, len(list(blocks.parameters())))
`);
    expect(out).toBe(
      "ModuleList(\n  (0-2): 3 x Linear(in_features=4, out_features=4, bias=True)\n)\n" +
        "tensor([1., 1.], grad_fn=<SumBackward1>) False False 6\n",
    );
  });

  it("takes Adam steps with PyTorch's update and lets param_groups change the learning rate", () => {
    // Adam on L = p² from p = 1 (lr 0.1), plain Python: m = β1·m + (1−β1)·g; v = β2·v + (1−β2)·g²;
    // p −= lr·(m/(1−β1^t)) / (√(v/(1−β2^t)) + eps)  →  0.9000000005, then 0.8004122286917928.
    // SGD with momentum 0.9, lr 0.1: buf = g, then 0.9·buf + g  →  0.8, then 0.46.
    const out = run(`import torch
p = torch.tensor(1.0, requires_grad=True)
opt = torch.optim.Adam([p], lr=0.1)
for _ in range(2):
    opt.zero_grad()
    (p ** 2).backward()
    opt.step()
    print(p.item())
q = torch.tensor(1.0, requires_grad=True)
sgd = torch.optim.SGD([q], lr=0.1, momentum=0.9)
for _ in range(2):
    sgd.zero_grad()
    (q * q).backward()
    sgd.step()
    print(q.item())
r = torch.tensor([1.0], requires_grad=True)
plain = torch.optim.SGD([r], lr=0.1)
plain.param_groups[0]["lr"] = 0.5
(r * 4).sum().backward()
plain.step()
print(r.item(), plain.param_groups[0]["lr"])
plain.zero_grad()
print(r.grad)
plain.zero_grad(set_to_none=True)
print(r.grad)
`);
    const values = out.trim().split("\n");
    expect(Number(values[0])).toBeCloseTo(0.9000000005, 6);
    expect(Number(values[1])).toBeCloseTo(0.8004122286917928, 6);
    expect(Number(values[2])).toBeCloseTo(0.8, 6);
    expect(Number(values[3])).toBeCloseTo(0.46, 6);
    expect(values[4]).toBe("-1.0 0.5");
    // PyTorch 1.13 keeps the gradient, zeroed; set_to_none=True drops it
    expect(values[5]).toBe("tensor([0.])");
    expect(values[6]).toBe("None");
  });

  it("computes the losses of torch.nn.functional and their nn.Module forms", () => {
    // BCE with logits for x = [0, 2], y = [1, 0]: (log 2 + log(1 + e²)) / 2 = 1.410037595801459.
    // cross_entropy equals nll_loss of log_softmax; MSELoss()(a, b) equals F.mse_loss(a, b).
    const out = run(`import torch
import torch.nn as nn
import torch.nn.functional as F
x = torch.tensor([0.0, 2.0])
y = torch.tensor([1.0, 0.0])
print(F.binary_cross_entropy_with_logits(x, y).item())
print(nn.BCEWithLogitsLoss()(x, y).item() == F.binary_cross_entropy_with_logits(x, y).item())
print(F.binary_cross_entropy(torch.sigmoid(x), y).item())
logits = torch.tensor([[1.0, 2.0, 0.5], [0.3, -0.2, 0.1]], requires_grad=True)
t = torch.tensor([1, 2])
a = F.cross_entropy(logits, t)
b = F.nll_loss(F.log_softmax(logits, dim=1), t)
print(abs(a.item() - b.item()) < 1e-6, nn.CrossEntropyLoss()(logits, t).item() == a.item())
print(nn.MSELoss()(x, y).item(), F.mse_loss(x, y, reduction="sum").item())
print(F.linear(torch.ones(1, 2), torch.tensor([[1.0, 2.0]]), torch.tensor([0.5])))
`);
    const lines = out.trim().split("\n");
    expect(Number(lines[0])).toBeCloseTo(1.410037595801459, 6);
    expect(lines[1]).toBe("True");
    expect(Number(lines[2])).toBeCloseTo(1.410037595801459, 5);
    expect(lines[3]).toBe("True True");
    expect(lines[4]).toBe("2.5 5.0");
    expect(lines[5]).toBe("tensor([[3.5000]])");
  });

  it("computes cross-entropy classifier gradients: (softmax − onehot) / N", () => {
    // Plain Python: probs = softmax(logits) per row; ∂loss/∂logits = (probs − onehot(t)) / N.
    // For logits [[2, 0], [0, 0]] and targets [0, 1]: p0 = e²/(e²+1) = 0.8807970779778823,
    // so ∂/∂logits = [[(p0 − 1)/2, (1 − p0)/2], [0.25, −0.25]] = [[−0.0596, 0.0596], [0.25, −0.25]].
    const out = run(`import torch
import torch.nn.functional as F
z = torch.tensor([[2.0, 0.0], [0.0, 0.0]], requires_grad=True)
F.cross_entropy(z, torch.tensor([0, 1])).backward()
print(z.grad[0, 0].item(), z.grad[0, 1].item(), z.grad[1].tolist())
`);
    const [a, b] = numbers(out.split(" [")[0]);
    expect(a).toBeCloseTo((0.8807970779778823 - 1) / 2, 6);
    expect(b).toBeCloseTo((1 - 0.8807970779778823) / 2, 6);
    expect(out.trim().endsWith("[0.25, -0.25]")).toBe(true);
  });
});

describe("F.smooth_l1_loss and nn.SmoothL1Loss (pytorch/examples' regression)", () => {
  it("give PyTorch's float32 losses and gradients bit for bit, with every reduction and beta", () => {
    // recorded with CPython 3.11 + PyTorch 1.13.1
    const trace = runProgram(
      "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\ntorch.manual_seed(0)\nx = torch.randn(7, 3, requires_grad=True)\ny = torch.randn(7, 3) * 2\nloss = F.smooth_l1_loss(x, y)\nloss.backward()\nprint(loss, loss.item())\nprint(x.grad)\nprint(x.grad.view(-1).tolist())\nx.grad = None\nl2 = F.smooth_l1_loss(x, y, reduction='sum', beta=0.5)\nl2.backward()\nprint(l2.item(), x.grad[0].tolist())\nprint(F.smooth_l1_loss(x, y, reduction='none')[:2])\ncrit = nn.SmoothL1Loss(beta=2.0)\nprint(crit, crit(x, y).item(), F.smooth_l1_loss(x, y[0]).item())\nx64 = torch.tensor([0.1, -3.0, 0.7], dtype=torch.float64, requires_grad=True)\nl3 = F.smooth_l1_loss(x64, torch.zeros(3, dtype=torch.float64))\nl3.backward()\nprint(l3.item(), x64.grad.tolist())\n",
    );
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe(
      "tensor(1.0608, grad_fn=<SmoothL1LossBackward0>) 1.060847282409668\ntensor([[-0.0476, -0.0476, -0.0476],\n        [-0.0001,  0.0476, -0.0195],\n        [ 0.0366,  0.0316, -0.0476],\n        [-0.0476,  0.0476,  0.0476],\n        [-0.0476,  0.0476,  0.0476],\n        [ 0.0476,  0.0476,  0.0175],\n        [-0.0307,  0.0476,  0.0476]])\n[-0.0476190485060215, -0.0476190485060215, -0.0476190485060215, -0.00010249018669128418, 0.0476190485060215, -0.019473377615213394, 0.03663602098822594, 0.03163619339466095, -0.0476190485060215, -0.0476190485060215, 0.0476190485060215, 0.0476190485060215, -0.0476190485060215, 0.0476190485060215, 0.0476190485060215, 0.0476190485060215, 0.0476190485060215, 0.017523091286420822, -0.030741386115550995, 0.0476190485060215, 0.0476190485060215]\n26.783384323120117 [-1.0, -1.0, -1.0]\ntensor([[8.5066e-01, 1.9339e+00, 6.3289e-01],\n        [2.3162e-06, 1.8338e+00, 8.3616e-02]], grad_fn=<SliceBackward0>)\nSmoothL1Loss() 0.7178689241409302 0.43546587228775024\n0.9166666666666666 [0.03333333333333333, -0.3333333333333333, 0.2333333333333333]\n",
    );
  });
});
