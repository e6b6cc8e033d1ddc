import torch
torch.manual_seed(0)
lin = torch.nn.Linear(30, 20)
x = torch.randn(64, 30); t = torch.randn(64, 20)
for kw in [dict(momentum=0.9), dict(momentum=0.9, nesterov=True, weight_decay=1e-3), dict(momentum=0.5, dampening=0.1, weight_decay=0.01)]:
    opt = torch.optim.SGD(lin.parameters(), lr=0.0123, **kw)
    for step in range(5):
        opt.zero_grad()
        loss = ((lin(x) - t) ** 2).mean()
        loss.backward()
        opt.step()
    print(repr(loss.item()), repr(lin.weight.sum().item()), [repr(v) for v in lin.weight.flatten()[590:600].tolist()], [repr(v) for v in lin.bias.tolist()[:4]])
