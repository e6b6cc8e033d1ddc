# A dead ReLU: every input drives this unit below zero, so its gradient is zero everywhere and
# its weight never learns. GradLens marks the relu whose gradient is zero for every input.
from micrograd.engine import Value

w = Value(-2.0)
b = Value(-1.0)
xs = [0.5, 1.0, 1.5, 2.0]
ys = [1.0, 2.0, 3.0, 4.0]

loss = Value(0.0)
for x, y in zip(xs, ys):
    pred = (w * x + b).relu()   # always negative inside: w*x + b < 0 for every x here
    loss = loss + (pred - y) ** 2

loss.backward()
print(f"loss = {loss.data}, w.grad = {w.grad}, b.grad = {b.grad}")

# Expectations computed with CPython 3.11 running the same program on a micrograd stand-in
# of our own (not part of GradLens), and checked by hand where the comments above say so:
# expect: loss.data == 30.0
# expect: w.grad == 0.0
# expect: b.grad == 0.0
# expect-diagnostic: dead-relu
