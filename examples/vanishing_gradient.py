# Vanishing gradients: a chain of saturated tanh units lets almost nothing flow back.
# GradLens marks the parameter whose gradient vanished and points at the unit that shrank it.
from micrograd.engine import Value

w = Value(1.0)
h = w
for layer in range(3):
    h = (h * 10).tanh()  # tanh(10) is 1 - 4e-9: saturated, so its slope is ~8e-8

loss = (h - 0.5) ** 2
loss.backward()
print(f"loss = {loss.data:.6f}, w.grad = {w.grad:.3e}")

# Each unit multiplies the gradient by 10 * (1 - tanh(10 * h)**2), about 8.2e-8 here,
# so three of them leave w.grad around 1e-21: far below any useful step.
# Derived with math.tanh in plain Python, applying the chain rule by hand:
# expect: loss.data == 0.24999999587769242
# expect: w.grad == 5.604167863487077e-22
# expect-diagnostic: vanishing
