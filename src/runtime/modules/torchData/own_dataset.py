import math
import torch
import torch.utils.data as data


class Squares(data.Dataset):
    """A program's own dataset: x in [-1, 1], target x**2, made on demand."""

    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        x = -1.0 + 2.0 * i / (self.n - 1)
        return torch.tensor([x]), torch.tensor([x * x])


ds = Squares(40)
print(len(ds), ds[3])
torch.manual_seed(2)
train, val = data.random_split(ds, [30, 10])
print(len(train), len(val), train.indices[:5], val.indices)
loader = torch.utils.data.DataLoader(train, batch_size=8, shuffle=True, drop_last=True)
print(len(loader), len(torch.utils.data.DataLoader(train, batch_size=8)))
# batches of the program's own samples, in the shuffled order of each epoch
for epoch in range(3):
    seen = 0
    for xb, yb in loader:
        seen += len(xb)
        print(epoch, xb.shape, xb.view(-1).tolist(), yb.sum().item())
    xs, ys = next(iter(data.DataLoader(val, batch_size=len(val))))
    print(epoch, seen, xs.shape, ys.view(-1).tolist())
print(torch.randn(2).tolist())


class Pairs(data.Dataset):
    def __getitem__(self, i):
        return {"x": float(i), "label": i % 3, "name": "p%d" % i}

    def __len__(self):
        return 5


for batch in data.DataLoader(Pairs(), batch_size=2):
    print(batch)
print(list(data.DataLoader(Pairs(), batch_size=None))[1])
both = ds + Pairs()
print(len(both), both[41], both[-1], both[0][1].tolist())
sub = data.Subset(ds, [5, 0, 7])
print(len(sub), sub[2][0].tolist())
