# torch.manual_seed / Generator objects / initial_seed, and every random creation function
import torch

g = torch.manual_seed(42)
print(type(g).__name__, g is torch.default_generator, torch.initial_seed())
print(torch.rand(3), torch.randn(2, 3))
print(torch.randn(20)[-4:], torch.rand(2, dtype=torch.float64))
print(torch.randint(0, 27, (10,)), torch.randint(5, (4,)), torch.randint(0, 10, size=(3,)))
print(torch.randperm(10), torch.randn(3, dtype=torch.float64))

g = torch.Generator().manual_seed(2147483647)
print(g.initial_seed(), g.device)
print(torch.randn((3, 4), generator=g))
print(torch.rand(5, generator=g), torch.randint(0, 100, (6,), generator=g))
print(torch.randperm(8, generator=g), torch.multinomial(torch.tensor([0.2, 0.3, 0.5]), 6, replacement=True, generator=g))

g2 = torch.Generator()
print(g2.initial_seed(), torch.randn(2, generator=g2))
torch.manual_seed(-1)
print(torch.initial_seed(), torch.rand(2))
torch.manual_seed(2 ** 40 + 3)
print(torch.initial_seed(), torch.rand(2))
torch.manual_seed(1.7)
print(torch.initial_seed())
for bad in [2 ** 64, "a"]:
    try:
        torch.manual_seed(bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    g.manual_seed(1.5)
except Exception as e:
    print(type(e).__name__, e)

torch.manual_seed(0)
x = torch.randn(4, 5)
print(torch.rand_like(x), torch.randn_like(x).dtype, torch.randn_like(x.double())[0])
print(torch.normal(0.5, 2.0, size=(3,)), torch.normal(torch.zeros(3), torch.ones(3) * 0.1))
print(torch.bernoulli(torch.full((6,), 0.5)), torch.empty(5).uniform_(-1, 1))
w = torch.empty(3, 17)
w.normal_(0, 0.02)
print(w[0, :4], torch.empty(4).exponential_())
print(torch.empty(3).random_(0, 10), torch.empty(2, 3).bernoulli_(0.3))
p = torch.tensor([[0.1, 0.9], [0.8, 0.2]])
print(p.multinomial(3, replacement=True), torch.multinomial(p, 2))
