import torch
from torch.utils.data import DataLoader, Dataset, RandomSampler, TensorDataset, random_split
from torch.utils.data import BatchSampler, default_collate


def attempt(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)


class Ragged(Dataset):
    def __len__(self):
        return 4

    def __getitem__(self, i):
        return torch.ones(i + 1)


class NoLength(Dataset):
    def __getitem__(self, i):
        return i


class Opaque:
    pass


ds = TensorDataset(torch.zeros(6, 2), torch.arange(6))
attempt(lambda: ds[6])
attempt(lambda: ds[-7])
attempt(lambda: TensorDataset(torch.zeros(3), torch.zeros(4)))
attempt(lambda: list(DataLoader(Ragged(), batch_size=2)))
attempt(lambda: default_collate([[1, 2], [3]]))
attempt(lambda: default_collate([Opaque(), Opaque()]))
attempt(lambda: Dataset()[0])
attempt(lambda: len(NoLength()))
attempt(lambda: DataLoader(ds, shuffle=True, sampler=RandomSampler(ds)))
attempt(lambda: DataLoader(ds, batch_size=0))
attempt(lambda: DataLoader(ds, batch_size=None, drop_last=True))
attempt(lambda: DataLoader(ds, num_workers=-1))
attempt(lambda: DataLoader(ds, batch_sampler=BatchSampler(range(6), 2, False), batch_size=3))
attempt(lambda: BatchSampler(range(6), 2, 1))
attempt(lambda: RandomSampler(ds, num_samples=0))
attempt(lambda: RandomSampler(ds, replacement=1))
attempt(lambda: random_split(ds, [2, 3]))
attempt(lambda: random_split(ds, [0.5, 1.5, -1.0]))
print(len(DataLoader(ds, batch_size=4)), len(DataLoader(ds, batch_size=4, drop_last=True)))
print([b[1].tolist() for b in DataLoader(ds, batch_size=4, drop_last=True)])
