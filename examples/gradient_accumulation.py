# Gradients accumulate: calling backward() twice without zeroing adds the second pass to the
# first — and in micrograd the intermediate values' grads accumulate too, so the second pass
# pushes their doubled grads on. Hover w after each version of the program to see it.
from micrograd.engine import Value

w = Value(3.0)
x = Value(2.0)
y = w * x        # dy/dw = x = 2
loss = y * y     # dloss/dy = 2y = 12

loss.backward()
first = w.grad   # 12 * 2 = 24
loss.backward()  # loss.grad is set to 1 again, but y.grad grows to 24, so w gets 24 * 2 more
second = w.grad  # 24 + 48 = 72
print(first, second)

w.grad = 0.0     # zero_grad by hand: what a training loop must do every step

# Expectations computed with CPython 3.11 running the same program on a micrograd stand-in
# of our own (not part of GradLens), and checked by hand where the comments above say so:
# expect: first == 24.0
# expect: second == 72.0
# expect: y.grad == 24.0
# expect: w.grad == 0.0
