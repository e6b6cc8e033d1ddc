# Training a small MLP with micrograd.nn on four points: forward, loss, zero_grad, backward,
# and a gradient-descent step, twenty times. Seeded, so the weights are CPython's.
import random
from micrograd.engine import Value
from micrograd.nn import MLP

random.seed(1337)
model = MLP(2, [4, 4, 1])
xs = [[2.0, 3.0], [3.0, -1.0], [0.5, 1.0], [1.0, 1.0]]
ys = [1.0, -1.0, -1.0, 1.0]

losses = []
for step in range(20):
    preds = [model(x) for x in xs]
    loss = sum((pred - y) ** 2 for pred, y in zip(preds, ys))
    model.zero_grad()
    loss.backward()
    for p in model.parameters():
        p.data -= 0.05 * p.grad
    losses.append(loss.data)

print(model)
print(f"loss: {losses[0]:.4f} -> {losses[-1]:.4f}")
first_weight = model.parameters()[0]

# Expectations computed with CPython 3.11 running the same program on a micrograd stand-in
# of our own (not part of GradLens), and checked by hand where the comments above say so:
# expect: losses[0] == 4.769429009466444
# expect: losses[-1] == 3.7003698673985905
# expect: first_weight.data == -0.05579529251137902
# expect: len(model.parameters()) == 37
