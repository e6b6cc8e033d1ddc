# The editing benchmark's program: 50 lines of the kind a learner edits, run after each edit.
import random
from micrograd.engine import Value
from micrograd.nn import MLP

random.seed(7)

# a neuron by hand
x1, x2 = Value(2.0), Value(0.0)
w1, w2 = Value(-3.0), Value(1.0)
b = Value(6.8813735870195432)
n = x1 * w1 + x2 * w2 + b
o = n.tanh()

# softmax and cross-entropy over three logits
logits = [Value(2.0), Value(1.0), Value(-1.0)]
exps = [z.exp() for z in logits]
total = sum(exps)
probs = [e / total for e in exps]
ce = -probs[0].log()


def mse(preds, targets):
    return sum((p - t) ** 2 for p, t in zip(preds, targets)) * (1.0 / len(preds))


class Scale:
    def __init__(self, factor):
        self.factor = Value(factor)

    def __call__(self, v):
        return v * self.factor


scale = Scale(0.5)
model = MLP(3, [8, 8, 1])
xs = [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]]
ys = [1.0, -1.0, -1.0, 1.0]
preds = [scale(model(x)) for x in xs]
fit = mse(preds, ys)

loss = fit + 0.1 * ce + 0.01 * o
model.zero_grad()
loss.backward()

print(f"o = {o.data:.4f}, ce = {ce.data:.4f}, fit = {fit.data:.4f}")
print(f"loss = {loss.data:.6f}")
print(f"dloss/dw1 = {w1.grad:.6f}, dloss/dscale = {scale.factor.grad:.6f}")
print(len(model.parameters()), "parameters")
