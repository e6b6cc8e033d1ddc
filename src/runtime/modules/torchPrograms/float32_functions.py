# float32 exp/log/tanh/sigmoid as PyTorch evaluates them (SLEEF), forward and backward, every digit
import torch

torch.manual_seed(5)
for n in [7, 16, 37]:
    x = (torch.randn(n) * 3).requires_grad_()
    for name in ["exp", "tanh", "sigmoid"]:
        y = getattr(torch, name)(x)
        y.backward(torch.ones(n) * 0.5)
        print(name, n, y.tolist(), x.grad.tolist())
        x.grad = None
    z = x.detach().abs() + 0.1
    z.requires_grad_()
    w = z.log()
    w.sum().backward()
    print("log", n, w.tolist(), z.grad.tolist())
s = (torch.randn(40) * 2)[::3]
print(s.exp().tolist(), s.tanh().tolist(), s.abs().log().tolist())
logits = torch.randn(4, 27)
counts = logits.exp()
probs = counts / counts.sum(1, keepdims=True)
print(probs[0].tolist(), (-probs[torch.arange(4), torch.tensor([1, 5, 0, 26])].log().mean()).item())
