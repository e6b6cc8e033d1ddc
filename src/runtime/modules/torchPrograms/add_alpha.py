# add/sub with alpha (and add_/sub_): PyTorch's kernel forms a + alpha*b with one fused
# multiply-add, float32 and float64, on its vector and scalar paths alike.
import torch
torch.manual_seed(0)
out = []
for dtype in [torch.float32, torch.float64]:
    for n in [1, 2, 5, 8, 15, 16, 17, 31, 33, 64, 100]:
        a = torch.randn(n, dtype=dtype); b = torch.randn(n, dtype=dtype)
        for alpha in [0.1, -1/3, 2.5e-3]:
            out.append(repr(torch.add(a, b, alpha=alpha).sum().item()))
            c = a.clone(); c.add_(b, alpha=alpha); out.append(repr(c.sum().item()))
            c = a.clone(); c.sub_(b, alpha=alpha); out.append(repr(c.sum().item()))
            out.append(repr(a.sub(b, alpha=alpha)[-1].item()))
print(out)
