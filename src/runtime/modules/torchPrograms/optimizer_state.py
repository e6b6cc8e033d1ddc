# Optimizer state as PyTorch 1.13 keeps it: opt.state keyed by parameter, state_dict() and
# load_state_dict() (a resumed run continues exactly), add_param_group, step(closure), reprs.
import torch

torch.manual_seed(0)


def problem():
    w = torch.nn.Parameter(torch.tensor([0.5, -1.5, 2.0]))
    b = torch.nn.Parameter(torch.tensor([0.25], dtype=torch.float64))
    return w, b


def loss_of(w, b):
    return (w * w * torch.tensor([1.0, 3.0, 0.5])).sum() + torch.sin(w).sum() + (b * b * b).sum()


def train(opt, w, b, steps):
    for _ in range(steps):
        opt.zero_grad()
        loss_of(w, b).backward()
        opt.step()


settings = [
    ("SGD", dict(lr=0.1)),
    ("SGD", dict(lr=0.05, momentum=0.9, nesterov=True, weight_decay=0.01)),
    ("Adam", dict(lr=0.1)),
    ("Adam", dict(lr=0.05, amsgrad=True)),
    ("AdamW", dict(lr=0.05)),
    ("RMSprop", dict(lr=0.01, momentum=0.5, centered=True)),
]
for name, options in settings:
    w, b = problem()
    opt = getattr(torch.optim, name)([w, b], **options)
    print(opt)
    print(opt.defaults)
    print(type(opt.state).__name__, len(opt.state), opt.state)
    train(opt, w, b, 3)
    print(opt.state[w])
    print(opt.state[b])
    sd = opt.state_dict()
    print(sd['param_groups'], list(sd['state'].keys()))
    # a fresh optimizer resumed from the state dict continues as the first one does
    w2, b2 = w.detach().clone().requires_grad_(), b.detach().clone().requires_grad_()
    opt2 = getattr(torch.optim, name)([w2, b2], lr=123.0)
    opt2.load_state_dict(sd)
    print(opt2.param_groups[0]['lr'] == opt.param_groups[0]['lr'], opt2.param_groups[0]['params'][0] is w2)
    train(opt, w, b, 2)
    train(opt2, w2, b2, 2)
    print([repr(v) for v in w.tolist()], [repr(v) for v in b.tolist()])
    print([repr(v) for v in w2.tolist()], [repr(v) for v in b2.tolist()])
    print(w.tolist() == w2.tolist(), b.tolist() == b2.tolist())

# the state tensors are updated in place; changing them changes the next step
w, b = problem()
opt = torch.optim.SGD([w, b], lr=0.1, momentum=0.9)
train(opt, w, b, 1)
buf = opt.state[w]['momentum_buffer']
train(opt, w, b, 1)
print(buf is opt.state[w]['momentum_buffer'], buf)
buf.zero_()
train(opt, w, b, 1)
print(buf, w)

# two groups, one added later, and a parameter that gets no gradient
w, b = problem()
c = torch.nn.Parameter(torch.ones(2))
opt = torch.optim.Adam([{'params': [w], 'lr': 0.2}], lr=0.01)
opt.add_param_group({'params': b, 'betas': (0.5, 0.9)})
opt.add_param_group({'params': [c]})
print(opt)
train(opt, w, b, 2)
print(len(opt.state), c in opt.state, opt.state_dict()['param_groups'])
print(opt.state_dict()['state'][1])

# step(closure) returns the closure's loss
w, b = problem()
opt = torch.optim.SGD([w, b], lr=0.1)


def closure():
    opt.zero_grad()
    loss = loss_of(w, b)
    loss.backward()
    return loss


for _ in range(3):
    print(repr(opt.step(closure).item()))

for bad in [
    lambda: torch.optim.SGD(w, lr=0.1),
    lambda: torch.optim.SGD([], lr=0.1),
    lambda: torch.optim.SGD([w, w * 2], lr=0.1),
    lambda: torch.optim.SGD([w], lr=-1.0),
    lambda: torch.optim.Adam([w], betas=(1.0, 0.9)),
    lambda: torch.optim.SGD([w], lr=0.1, nesterov=True),
    lambda: torch.optim.SGD([w], lr=0.1).add_param_group({'params': [w]}),
    lambda: torch.optim.SGD([w], lr=0.1).load_state_dict(torch.optim.SGD([{'params': [w]}, {'params': [b]}], lr=0.1).state_dict()),
    lambda: torch.optim.SGD([w], lr=0.1).load_state_dict(torch.optim.SGD([w, b], lr=0.1).state_dict()),
]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
