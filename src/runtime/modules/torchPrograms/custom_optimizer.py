# A hand-written optimizer (the tutorials' way: subclass torch.optim.Optimizer, keep per-parameter
# state in self.state), beside the built-in one it imitates, and a scheduler driving it.
import torch


class MomentumSGD(torch.optim.Optimizer):
    def __init__(self, params, lr=0.01, momentum=0.9):
        if lr < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        super(MomentumSGD, self).__init__(params, dict(lr=lr, momentum=momentum))

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            for p in group['params']:
                if p.grad is None:
                    continue
                state = self.state[p]
                if len(state) == 0:
                    state['step'] = 0
                    state['buf'] = p.grad.clone()
                else:
                    state['buf'].mul_(group['momentum']).add_(p.grad)
                state['step'] += 1
                p.add_(state['buf'], alpha=-group['lr'])
        return loss


torch.manual_seed(0)
x = torch.randn(16, 3)
y = x @ torch.tensor([[2.0], [-1.0], [0.5]])
for make in [lambda ps: MomentumSGD(ps, lr=0.05), lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.9)]:
    torch.manual_seed(1)
    model = torch.nn.Linear(3, 1)
    opt = make(model.parameters())
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=4, gamma=0.5)
    for i in range(10):
        opt.zero_grad()
        loss = torch.nn.functional.mse_loss(model(x), y)
        loss.backward()
        opt.step()
        sched.step()
    print(type(opt).__name__, repr(loss.item()), [repr(v) for v in model.weight.view(-1).tolist()], sched.get_last_lr())
    print(opt)
    print({k: (v if not isinstance(v, torch.Tensor) else tuple(v.shape)) for k, v in opt.state[model.weight].items()})
