# Plotting what a network does while it learns: the loss curve, and the tanh activations of its
# hidden units (a saturated unit sits near ±1, where almost no gradient flows back through it).
# GradLens runs matplotlib itself: the figures appear in the graph panel's Figures tab.
import random
import matplotlib.pyplot as plt
from micrograd.engine import Value

random.seed(42)
xs = [[random.uniform(-2, 2), random.uniform(-2, 2)] for _ in range(16)]
ys = [1.0 if a + b > 0 else -1.0 for a, b in xs]
hidden = [[Value(random.uniform(-1, 1)) for _ in range(3)] for _ in range(6)]  # 2 weights, a bias
out = [Value(random.uniform(-1, 1)) for _ in range(7)]  # 6 weights, a bias
params = [p for unit in hidden for p in unit] + out


def forward(x):
    h = [(w[0] * x[0] + w[1] * x[1] + w[2]).tanh() for w in hidden]
    return sum((o * hi for o, hi in zip(out, h)), out[-1]).tanh(), h


losses = []
for step in range(40):
    total = Value(0.0)
    activations = []
    for x, y in zip(xs, ys):
        pred, h = forward(x)
        activations += [hi.data for hi in h]
        total = total + (pred - y) ** 2
    loss = total * (1.0 / len(xs))
    for p in params:
        p.grad = 0.0
    loss.backward()
    for p in params:
        p.data -= 0.2 * p.grad
    losses.append(loss.data)

print(f"loss {losses[0]:.4f} -> {losses[-1]:.4f}")

plt.figure(figsize=(6, 3.5))
plt.plot(losses)
plt.title("loss")
plt.xlabel("step")
plt.show()

plt.hist(activations, bins=20)
plt.title("hidden tanh activations, last step")
plt.show()

# expect: len(losses) == 40
# expect: losses[0] > 2.5
# expect: losses[-1] < 0.03
# expect: len(activations) == 96
