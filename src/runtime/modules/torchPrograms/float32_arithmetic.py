# float32 arithmetic with Python numbers (rounded to float32 first), powers, linspace, sums and means
import math
import torch

torch.manual_seed(3)
x = torch.rand(2000)
print((x * 0.1).sum().item(), (x + 0.1).mean().item(), (x / 3).sum().item(), (0.7 - x).sum().item())
print((x > 0.1).sum().item(), (x <= 0.3).sum().item(), (x * 0.1 == 0.1 * x).all().item())
print((x ** 2).sum().item(), (x ** 3).sum().item(), (x ** 0.5).sum().item(), (x ** -1).sum().item())
y = torch.linspace(-math.pi, math.pi, 2000)
print(y[:3].tolist(), y[998:1002].tolist(), y[-3:].tolist(), torch.linspace(-1.3, 2.9, 37).tolist()[10:13])
print(torch.linspace(0, 1, 5, dtype=torch.float64).tolist(), torch.linspace(-3, 0, 1000)[[1, 500, 999]].tolist())
w = torch.randn(27, 27)
print(w.sum().item(), w.sum(0)[:3].tolist(), w.sum(1)[:3].tolist(), w.mean().item(), w.mean(1, keepdim=True)[:2].tolist())
print(w.t().sum(1)[:3].tolist(), (w ** 2).mean().item(), w.double().sum().item())
lr = 0.1
p = torch.randn(5, requires_grad=True)
loss = (p * p).sum()
loss.backward()
p.data += -lr * p.grad
print(p.tolist())
with torch.no_grad():
    p -= 1e-3 * p.grad
print(p.tolist())
