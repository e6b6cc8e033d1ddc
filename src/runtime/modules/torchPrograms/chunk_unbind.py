# Tensor.chunk and unbind (and their torch.* forms): the pieces, their shapes and the gradients
# that flow back through them.
import torch

x = torch.arange(24.0).reshape(4, 6).requires_grad_()
for n in [1, 2, 3, 4, 5, 7]:
    print(n, [tuple(p.shape) for p in x.chunk(n, 1)], [tuple(p.shape) for p in torch.chunk(x, n)])
a, b, c = x.chunk(3, dim=-1)
rows = x.unbind()
cols = torch.unbind(x, dim=1)
print(len(rows), rows[2].tolist(), len(cols), cols[5].tolist())  # (PyTorch names them UnbindBackward0; GradLens SelectBackward0)
loss = (a * 1 + b * 2 + c * 3).sum() + sum((r * (i + 1)).sum() for i, r in enumerate(rows)) + (cols[0] ** 2).sum()
loss.backward()
print(x.grad)
print(torch.zeros(0, 3).chunk(2), torch.ones(3).unbind(0))
for bad in [lambda: x.chunk(0), lambda: x.chunk(2, 2), lambda: torch.tensor(1.0).unbind(), lambda: x.unbind(-3)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
