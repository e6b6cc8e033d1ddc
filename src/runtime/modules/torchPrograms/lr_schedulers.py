# torch.optim.lr_scheduler: the learning rate each scheduler sets, step by step (every digit),
# in a training loop with the optimizer stepping first, as PyTorch 1.13 schedules.
import warnings

import torch
from torch.optim import lr_scheduler
from torch.optim.lr_scheduler import CosineAnnealingLR, ReduceLROnPlateau, StepLR


def make(lr=0.1, optim=torch.optim.SGD, **kw):
    w = torch.nn.Parameter(torch.tensor([1.0, -2.0]))
    return w, optim([w], lr=lr, **kw)


def run(name, make_scheduler, epochs=12, lr=0.1):
    w, opt = make(lr)
    sched = make_scheduler(opt)
    lrs = []
    for epoch in range(epochs):
        opt.zero_grad()
        (w * w).sum().backward()
        opt.step()
        sched.step()
        lrs.append(sched.get_last_lr()[0])
    print(name, [repr(v) for v in lrs], repr(opt.param_groups[0]['lr']), opt.param_groups[0]['initial_lr'])
    return sched


run('StepLR', lambda o: StepLR(o, step_size=3, gamma=0.5))
run('ExponentialLR', lambda o: lr_scheduler.ExponentialLR(o, gamma=0.9))
s = run('CosineAnnealingLR', lambda o: CosineAnnealingLR(o, T_max=5), epochs=14)
print(s.last_epoch, sorted(s.state_dict().keys()))
run('CosineAnnealingLR eta_min', lambda o: CosineAnnealingLR(o, T_max=7, eta_min=0.01), epochs=20, lr=0.05)
run('MultiStepLR', lambda o: lr_scheduler.MultiStepLR(o, milestones=[2, 5, 5, 9], gamma=0.3))
run('LambdaLR', lambda o: lr_scheduler.LambdaLR(o, lambda epoch: 0.95 ** epoch))

# the closed forms, when stepped with an epoch (PyTorch warns that the epoch argument is deprecated)
warnings.simplefilter('ignore')
w, opt = make()
sched = StepLR(opt, step_size=2, gamma=0.1)
for epoch in [1, 2, 5, 3]:
    opt.step()
    sched.step(epoch)
    print('closed', epoch, repr(sched.get_last_lr()[0]))

# two groups, verbose
w, opt = make()
v = torch.nn.Parameter(torch.ones(1))
opt.add_param_group({'params': [v], 'lr': 0.5})
sched = lr_scheduler.ExponentialLR(opt, gamma=0.5, verbose=True)
for _ in range(2):
    opt.step()
    sched.step()
print(sched.get_last_lr(), sched.base_lrs)

# ReduceLROnPlateau on a loss that stops improving
w, opt = make(lr=1.0)
plateau = ReduceLROnPlateau(opt, mode='min', factor=0.5, patience=2, verbose=True)
losses = [1.0, 0.9, 0.8, 0.8, 0.8, 0.8, 0.79995, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7]
for epoch, loss in enumerate(losses):
    plateau.step(loss)
    print(epoch, opt.param_groups[0]['lr'], plateau.best, plateau.num_bad_epochs)
plateau = ReduceLROnPlateau(make(lr=1.0)[1], mode='max', threshold=0.1, threshold_mode='abs', patience=0, cooldown=1, min_lr=0.3)
for acc in [0.5, 0.55, 0.7, 0.7, 0.71, 0.65, 0.9, 0.9, 0.9]:
    plateau.step(torch.tensor(acc))
    print(acc, plateau.optimizer.param_groups[0]['lr'], plateau.in_cooldown)

for bad in [lambda: ReduceLROnPlateau(make()[1], factor=1.0), lambda: ReduceLROnPlateau(make()[1], mode='up'),
            lambda: StepLR(make()[1], 2, last_epoch=3), lambda: StepLR('opt', 2)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
