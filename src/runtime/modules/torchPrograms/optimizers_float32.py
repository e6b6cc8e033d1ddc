# Adam, AdamW and RMSprop on a float32 model: their state tensors are float32 as PyTorch's, so
# every step rounds as PyTorch's does and the losses and weights agree to the last digit.
import torch
torch.manual_seed(1)
x = torch.randn(64, 5)
y = torch.randn(64, 1)
for name, kw in [("Adam", dict(lr=0.01)), ("Adam", dict(lr=0.003, weight_decay=0.1, amsgrad=True)),
                 ("AdamW", dict(lr=0.01, betas=(0.8, 0.95))), ("Adam", dict(lr=0.01, maximize=True, eps=1e-3)),
                 ("RMSprop", dict(lr=0.01)), ("RMSprop", dict(lr=0.003, momentum=0.9, centered=True, weight_decay=0.01)),
                 ("RMSprop", dict(lr=0.01, alpha=0.9, momentum=0.5))]:
    torch.manual_seed(2)
    m = torch.nn.Sequential(torch.nn.Linear(5, 16), torch.nn.Tanh(), torch.nn.Linear(16, 1))
    opt = getattr(torch.optim, name)(m.parameters(), **kw)
    for i in range(40):
        opt.zero_grad()
        loss = ((m(x) - y) ** 2).mean()
        loss.backward()
        opt.step()
    print(name, repr(loss.item()), [repr(v) for v in m[2].weight[0, :4].tolist()])
