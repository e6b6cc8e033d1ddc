import torch
from torch.utils.data import DataLoader, RandomSampler, TensorDataset

# the order a shuffling loader visits, epoch after epoch, for several seeds and sizes
for seed in [0, 1, 42, 1234]:
    for n in [5, 16, 33, 100]:
        torch.manual_seed(seed)
        dl = DataLoader(list(range(n)), batch_size=7, shuffle=True)
        for epoch in range(3):
            print(seed, n, epoch, [b.tolist() for b in dl])
        # the default generator is where PyTorch's is: later draws match
        print(torch.randn(3).tolist())

# a loader given its own generator draws from it, not from the default one
torch.manual_seed(3)
g = torch.Generator()
g.manual_seed(7)
dl = DataLoader(list(range(10)), batch_size=4, shuffle=True, generator=g)
for epoch in range(3):
    print([b.tolist() for b in dl])
print(torch.rand(2).tolist(), torch.rand(2, generator=g).tolist())

# a sampler on its own, with and without replacement
torch.manual_seed(5)
print(list(RandomSampler(range(12))))
print(list(RandomSampler(range(12), replacement=True)))
print(list(RandomSampler(range(6), num_samples=15)))
print(list(RandomSampler(range(50), replacement=True, num_samples=70)))
print(torch.randn(2).tolist())

# an epoch cut short leaves the generator where the draws so far left it
torch.manual_seed(9)
dl = DataLoader(TensorDataset(torch.arange(20)), batch_size=3, shuffle=True)
for (xb,) in dl:
    print(xb.tolist())
    break
print(torch.randn(2).tolist())
# a loader that does not shuffle still takes its base seed every epoch
dl = DataLoader(list(range(4)), batch_size=2)
print([b.tolist() for b in dl], torch.randn(2).tolist())
