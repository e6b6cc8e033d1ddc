# One head of self-attention over a batch of sequences, in float32 as in the "gpt-dev" lecture
# (B, T, C = 4, 8, 32): each position's query meets every earlier position's key, the scores
# become weights by softmax, and the output averages the values with those weights. The products
# of 3-d tensors (q @ kᵀ, wei @ v) are summed in PyTorch's order, so the numbers below, recorded
# with PyTorch 1.13.1, match to the last bit.
import torch
import torch.nn as nn
from torch.nn import functional as F

torch.manual_seed(1337)
B, T, C = 4, 8, 32
x = torch.randn(B, T, C)

head_size = 16
key = nn.Linear(C, head_size, bias=False)
query = nn.Linear(C, head_size, bias=False)
value = nn.Linear(C, head_size, bias=False)
k = key(x)  # (B, T, 16)
q = query(x)  # (B, T, 16)
wei = q @ k.transpose(-2, -1) * head_size**-0.5  # (B, T, T)
# a position sees only itself and the past: -1e9 above the diagonal (exp gives 0, as for -inf)
tril = (torch.arange(T).view(T, 1) >= torch.arange(T).view(1, T)).float()
wei = wei - (1 - tril) * 1e9
wei = F.softmax(wei, dim=-1)
v = value(x)
out = wei @ v  # (B, T, 16)
print(wei[0])

loss = (out * out).sum()
loss.backward()
print("loss:", loss.item())
print("∂loss/∂query.weight[0, :4] =", query.weight.grad[0, :4])

# Recorded with PyTorch 1.13.1 (float32):
# expect: loss.item() == 72.33556365966797
# expect: wei[0, 7, 3].item() == 0.15373452007770538
# expect: out[3, 5, 10].item() == 0.15948811173439026
# expect: query.weight.grad[0, 0].item() == 0.3055371046066284
# expect: key.weight.grad[5, 7].item() == 0.2653490900993347
# expect: value.weight.grad[15, 31].item() == 9.725874900817871
