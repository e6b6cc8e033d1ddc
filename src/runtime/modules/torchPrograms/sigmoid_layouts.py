# float32 sigmoid over contiguous, sliced, strided and transposed tensors: PyTorch's kernel runs
# blocks of 16 of each contiguous inner run (in memory order) on its vector path and the rest on
# the scalar one, whose glibc expf is not always correctly rounded; every digit is compared.
import torch
torch.manual_seed(0)
g = torch.randn(7, 64) * 3
for piece in [g, g[:, :16], g[:, 16:35], g[:, ::2], g.t(), g[2:5], g[:, 3:4], g[:1, :20]]:
    print([repr(v) for v in torch.sigmoid(piece).reshape(-1).tolist()])
h = torch.randn(3, 20, 18) * 3
for piece in [h.transpose(0, 2), h.permute(1, 0, 2), h[:, ::2], h[:, :, :16].transpose(1, 2), h[1:2].transpose(0, 1)]:
    print([repr(v) for v in torch.sigmoid(piece).reshape(-1).tolist()])
