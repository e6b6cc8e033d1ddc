# the tensor surface makemore part 1/2 uses: int32 counting, float/long/int, indexing, formatting
import torch
import torch.nn.functional as F

words = ["emma", "olivia", "ava", "isabella", "sophia", "charlotte", "mia", "amelia"]
chars = sorted(list(set("".join(words))))
stoi = {s: i + 1 for i, s in enumerate(chars)}
stoi["."] = 0
itos = {i: s for s, i in stoi.items()}
V = len(stoi)
N = torch.zeros((V, V), dtype=torch.int32)
for w in words:
    chs = ["."] + list(w) + ["."]
    for ch1, ch2 in zip(chs, chs[1:]):
        N[stoi[ch1], stoi[ch2]] += 1
print(N.dtype, N[0], N.sum(), N.sum().dtype, N[1, :5], N.max(), N.argmax())
p = N[0].float()
p = p / p.sum()
print(p, p.dtype)
P = (N + 1).float()
P /= P.sum(1, keepdims=True)
print(P.shape, P[0, :4], P.sum(1, keepdim=True).shape, P.sum(1).shape, P[3].sum())
g = torch.Generator().manual_seed(2147483647)
for i in range(3):
    out = []
    ix = 0
    while True:
        ix = torch.multinomial(P[ix], num_samples=1, replacement=True, generator=g).item()
        out.append(itos[ix])
        if ix == 0:
            break
    print("".join(out))
log_likelihood = 0.0
n = 0
for w in words[:3]:
    chs = ["."] + list(w) + ["."]
    for ch1, ch2 in zip(chs, chs[1:]):
        prob = P[stoi[ch1], stoi[ch2]]
        logprob = torch.log(prob)
        log_likelihood += logprob
        n += 1
        print(f"{ch1}{ch2}: {prob:.4f} {logprob:.4f}")
print(f"{log_likelihood=}")
nll = -log_likelihood
print(f"{nll/n}", "%f" % (nll / n), "%.4f" % (nll / n).item(), "%d %x" % (N[0, 1], N.sum()))

xs, ys = [], []
for w in words:
    chs = ["."] + list(w) + ["."]
    for ch1, ch2 in zip(chs, chs[1:]):
        xs.append(stoi[ch1])
        ys.append(stoi[ch2])
xs = torch.tensor(xs)
ys = torch.tensor(ys)
num = xs.nelement()
print(xs.dtype, num, xs.numel(), xs[:6], ys.view(-1)[:4], xs[:50].view(5, -1).shape)
g = torch.Generator().manual_seed(2147483647)
W = torch.randn((V, V), generator=g, requires_grad=True)
for k in range(3):
    xenc = F.one_hot(xs, num_classes=V).float()
    logits = xenc @ W
    counts = logits.exp()
    probs = counts / counts.sum(1, keepdims=True)
    loss = -probs[torch.arange(num), ys].log().mean() + 0.01 * (W**2).mean()
    print(loss.item())
    W.grad = None
    loss.backward()
    W.data += -50 * W.grad
print(W.grad[0, :3], W[0, :3])
print(xenc.dtype, xenc.shape, F.one_hot(torch.tensor([0, 2]), 4), F.one_hot(torch.tensor([1, 3])))

C = torch.randn((V, 2), generator=g)
Xb = torch.tensor([[0, 0, 5], [0, 5, 13], [5, 13, 13]])
emb = C[Xb]
print(emb.shape, emb[1], C[5], C[[5, 13]], C[torch.tensor([1, 2])])
print(emb.view(-1, 6).shape, emb.view(emb.shape[0], 6)[0])
print(torch.stack([C[0], C[1]]), torch.cat([C[0], C[1]]), torch.stack([C[0], C[1]], dim=1).shape)
row = torch.zeros(V)
row[:] = torch.ones(1, V) * 2
print(row[:4], P[range(3)].shape, P[range(2), [1, 2]], P[torch.arange(3), torch.tensor([0, 1, 2])])
mx = P.max(1)
print(mx.values[:3], mx.indices[:3], P.max(1, keepdim=True)[0].shape, P.argmax(1)[:5], P.max(dim=0).indices[:3])
print(torch.all(P > 0), torch.any(P > 0.5), (P > 0.1).all(1)[:4], torch.all(N == N), (N > 0).any(0)[:5])
print(P[0].log10()[:3], torch.linspace(-3, 0, 7), 10 ** torch.linspace(-3, 0, 4), torch.sigmoid(torch.tensor([0.0, 2.0])))
print(torch.tanh(torch.tensor([0.5])), F.tanh(torch.tensor([0.5])), torch.tensor([0.5]).tanh())
logits = torch.tensor([[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]])
print(F.cross_entropy(logits, torch.tensor([0, 1])), F.softmax(logits, dim=1).sum(1))
t = torch.tensor([1, 2, 3], dtype=torch.int32)
print(t * 2, t + t, t // 2, t.long().dtype, t.float(), t.sum(), t.sum().dtype, t.int().dtype, (t * 1.5).dtype, t.to(torch.int64))
hy, hx = torch.histogram(torch.tensor([0.1, 0.5, 0.5, 0.9, 0.3]), bins=4)
print(hy, hx)
h = torch.histogram(torch.tensor([0.1, 0.5, 0.5, 0.9, 0.3]), bins=3, density=True)
print(h.hist, h.bin_edges, torch.histc(torch.tensor([1.0, 2.0, 1.0, 4.0]), bins=4, min=0, max=4))
