# The PyTorch tutorial's dynamic_net shape, shortened: scalar parameters, x ** 4 and x ** 5
# (SLEEF's powf in PyTorch's vectorised loop), SGD with momentum, a parameter unused in some steps.
import math
import torch

torch.manual_seed(0)
a, b, c, d, e = (torch.nn.Parameter(torch.randn(())) for _ in range(5))
x = torch.linspace(-math.pi, math.pi, 2000)
y = torch.sin(x)
opt = torch.optim.SGD([a, b, c, d, e], lr=1e-8, momentum=0.9)
for t, top in enumerate([5, 5, 4, 5, 6, 5, 6, 4]):
    y_pred = a + b * x + c * x ** 2 + d * x ** 3
    for k in range(4, top):
        y_pred = y_pred + e * x ** k
    loss = ((y_pred - y) ** 2).sum()
    opt.zero_grad(set_to_none=True)
    loss.backward()
    opt.step()
    print(t, repr(loss.item()), [repr(p.item()) for p in (a, b, c, d, e)])
