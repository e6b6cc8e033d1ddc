# RMSprop (the PyTorch tutorial's optimizer for its polynomial) with each of its options, and
# Adam beside it, on a small float64 problem: every digit of the parameters after five steps.
import torch

settings = [
    ("RMSprop", dict(lr=0.01)),
    ("RMSprop", dict(lr=0.05, momentum=0.9)),
    ("RMSprop", dict(lr=0.02, centered=True, weight_decay=0.1)),
    ("RMSprop", dict(lr=0.01, alpha=0.9, eps=1e-6, maximize=True)),
    ("Adam", dict(lr=0.1)),
]
for name, options in settings:
    p = torch.tensor([1.0, -2.0, 0.5], dtype=torch.float64, requires_grad=True)
    c = torch.tensor([3.0, 0.25, -1.5], dtype=torch.float64)
    opt = getattr(torch.optim, name)([p], **options)
    for step in range(5):
        opt.zero_grad()
        loss = (p * p * c + torch.sin(p)).sum()
        loss.backward()
        opt.step()
    print(name, sorted(options.items()), [repr(v) for v in p.tolist()])
