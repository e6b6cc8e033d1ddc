# Two moons, set up as micrograd's demo notebook sets them up: scikit-learn's make_moons drawing
# from numpy's global random state (seeded), the labels turned into -1/+1, a 2-16-16-1 MLP, a
# max-margin (hinge) loss with a little L2 weight decay, and plain gradient descent — here on
# minibatches that np.random.permutation picks, for a few steps. Every number is CPython's,
# numpy's and scikit-learn's for the same seeds.
import random

import matplotlib.pyplot as plt
import numpy as np
from micrograd.engine import Value
from micrograd.nn import MLP
from sklearn.datasets import make_moons

np.random.seed(1337)
random.seed(1337)
X, y = make_moons(n_samples=100, noise=0.1)
y = y * 2 - 1  # classes -1 and +1

plt.figure(figsize=(5, 5))
plt.scatter(X[:, 0], X[:, 1], c=y, s=20, cmap="jet")

model = MLP(2, [16, 16, 1])
print(model)


def hinge_loss(batch):
    xb, yb = X[batch], y[batch]
    rows = [[Value(v) for v in row] for row in xb]
    scores = [model(row) for row in rows]
    margins = [(1 + -label * score).relu() for label, score in zip(yb, scores)]
    data_loss = sum(margins) * (1.0 / len(margins))
    weight_decay = 1e-4 * sum(p * p for p in model.parameters())
    correct = [(label > 0) == (score.data > 0) for label, score in zip(yb, scores)]
    return data_loss + weight_decay, sum(correct) / len(correct)


# the whole set once before training: the notebook prints this loss and accuracy first
initial_loss, initial_accuracy = hinge_loss(np.arange(len(X)))
print(initial_loss, initial_accuracy)

history = []
for step in range(4):
    batch = np.random.permutation(X.shape[0])[:20]
    total, accuracy = hinge_loss(batch)
    model.zero_grad()
    total.backward()
    learning_rate = 1.0 - 0.9 * step / 100
    for p in model.parameters():
        p.data -= learning_rate * p.grad
    history.append((float(total.data), float(accuracy)))
    print(f"step {step} loss {total.data:.6f}, accuracy {accuracy * 100:.0f}%")

first_point = float(X[0, 0])
positives = int((y > 0).sum())
first_weight = model.parameters()[0].data

# Expectations recorded with CPython 3.11, numpy 1.24.2 and scikit-learn 1.2.1 running this very
# program on a micrograd stand-in of our own (src/runtime/modules/sklearn/fixtures/
# record_micrograd_demo.py); the last digit of make_moons' points is sin's and cos's, which
# GradLens rounds correctly and the platform's libm may not. The initial loss is also the one
# micrograd's demo notebook prints (Value(data=0.8958441028683222, grad=0) 0.5):
# expect: float(initial_loss.data) == 0.8958441028683222
# expect: float(initial_accuracy) == 0.5
# expect: history[0][0] == 0.9254278304065042
# expect: history[0][1] == 0.5
# expect: history[-1][0] == 0.6100837500888644
# expect: history[-1][1] == 0.8
# expect: first_point == 1.1221146075409683
# expect: positives == 50
# expect: float(first_weight) == -0.07485626827654526
# expect: len(model.parameters()) == 337
