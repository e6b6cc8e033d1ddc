# torch.optim.Adagrad: its state from the start (step and sum), then every digit of the weights
# and losses with lr_decay, weight decay, an initial accumulator, maximize: a float32 model, and
# a float64 problem without matrix products (GradLens's float64 matmul is not yet OpenBLAS's sums).
import torch

torch.manual_seed(5)
x = torch.randn(32, 4)
y = torch.randn(32, 1)
w = torch.nn.Parameter(torch.tensor([1.0, -2.0], dtype=torch.float64))
opt = torch.optim.Adagrad([w])
print(opt)
print(opt.state[w], opt.state_dict())
for kw in [dict(), dict(lr=0.1, lr_decay=0.01), dict(lr=0.05, weight_decay=0.1, initial_accumulator_value=0.5),
           dict(lr=0.02, eps=1e-3, maximize=True)]:
    for dtype in [torch.float32]:
        torch.manual_seed(6)
        m = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.Tanh(), torch.nn.Linear(8, 1)).to(dtype)
        opt = torch.optim.Adagrad(m.parameters(), **kw)
        for i in range(25):
            opt.zero_grad()
            loss = ((m(x.to(dtype)) - y.to(dtype)) ** 2).mean()
            loss.backward()
            opt.step()
        print(kw, dtype, repr(loss.item()), [repr(v) for v in m[2].weight[0, :3].tolist()], opt.state[m[0].bias]['step'])

for kw in [dict(lr=0.1), dict(lr=0.3, lr_decay=0.05, weight_decay=0.2, initial_accumulator_value=0.1)]:
    p = torch.tensor([1.0, -2.0, 0.5], dtype=torch.float64, requires_grad=True)
    c = torch.tensor([3.0, 0.25, -1.5], dtype=torch.float64)
    opt = torch.optim.Adagrad([p], **kw)
    for step in range(6):
        opt.zero_grad()
        (p * p * c + torch.sin(p)).sum().backward()
        opt.step()
    print(kw, [repr(v) for v in p.tolist()], opt.state[p])
