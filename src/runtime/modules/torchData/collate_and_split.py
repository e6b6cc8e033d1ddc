from collections import namedtuple
import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset, Subset, TensorDataset, random_split
from torch.utils.data import BatchSampler, SequentialSampler, SubsetRandomSampler, WeightedRandomSampler
from torch.utils.data import default_collate, default_convert

# default_collate: what each kind of sample becomes
print(default_collate([1, 2, 3]))
print(default_collate([1.5, 2.25]))
print(default_collate([True, False]))
print(default_collate([(1, 2.0), (3, 4.0)]))
print(default_collate([[1, 2], [3, 4]]))
print(default_collate([{"a": 1, "b": [1.0, 2.0]}, {"a": 2, "b": [3.0, 4.0]}]))
print(default_collate(["x", "y"]))
Point = namedtuple("Point", ["x", "y"])
print(default_collate([Point(1, 2.5), Point(3, 4.5)]))
print(default_collate([torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0])]))
print(default_collate([np.array([1.0, 2.0]), np.array([3.0, 4.0])]))
print(default_collate([np.array([1, 2]), np.array([3, 4])]))
print(default_collate([np.float64(1.5), np.float64(2.5)]))
print(default_convert([np.array([1, 2]), (3, np.array([4.0]))]))

# a numpy-backed dataset
class Arrays(Dataset):
    def __init__(self):
        self.x = np.arange(12, dtype=np.float32).reshape(6, 2)
        self.y = np.arange(6)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


for xb, yb in DataLoader(Arrays(), batch_size=4):
    print(xb, yb)

# collate_fn, batch_size=None, samplers
ds = TensorDataset(torch.arange(10.0), torch.arange(10))
print(len(ds), ds[4], ds[-1])
dl = DataLoader(ds, batch_size=3, collate_fn=lambda b: [len(b), b[0][1].item()])
print(list(dl), len(dl))
print([x for x in DataLoader(ds, batch_size=None)][:2])
print(list(BatchSampler(SequentialSampler(range(10)), batch_size=4, drop_last=False)))
print(list(BatchSampler(range(10), batch_size=4, drop_last=True)))
bs = BatchSampler(SequentialSampler(ds), batch_size=4, drop_last=False)
print([b[0].tolist() for b in DataLoader(ds, batch_sampler=bs)])
g = torch.Generator().manual_seed(4)
print(list(SubsetRandomSampler([10, 20, 30, 40, 50], generator=g)))
print(list(WeightedRandomSampler([0.1, 0.9, 0.4, 0.7], 8, generator=g)))
print([b[1].tolist() for b in DataLoader(ds, batch_size=4, sampler=SubsetRandomSampler(range(6), generator=g))])

# random_split: lengths, fractions, the default generator and a given one
torch.manual_seed(0)
a, b = random_split(range(10), [3, 7])
print(list(a), list(b), torch.rand(1).tolist())
parts = random_split(range(30), [0.3, 0.3, 0.4], generator=torch.Generator().manual_seed(42))
print([list(p) for p in parts])
parts = random_split(ds, [0.5, 0.25, 0.25], generator=torch.Generator().manual_seed(1))
print([len(p) for p in parts], [p.indices for p in parts])
parts = random_split(range(7), [0.34, 0.33, 0.33])
print([list(p) for p in parts])
s = Subset(ds, [9, 1, 4])
print(len(s), s[0], s[[0, 2]])
