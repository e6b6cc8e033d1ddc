# Dropout between stacked recurrent layers in training mode draws PyTorch's masks; eval mode has none.
import torch
torch.manual_seed(0)
m = torch.nn.LSTM(3, 4, num_layers=3, dropout=0.3)
x = torch.randn(5, 2, 3)
out, (h, c) = m(x)
print([repr(v) for v in out.reshape(-1).tolist()[:8]], repr(out.sum().item()))
m.eval()
out2, _ = m(x)
print(repr(out2.sum().item()))
g = torch.nn.GRU(3, 4, num_layers=2, dropout=0.5, bidirectional=True)
out, h = g(x)
print(repr(out.sum().item()), repr(h.sum().item()))
