# Exploding gradients: each step of this chain multiplies the value — and the gradient that
# flows back — by 3. After 40 steps ∂loss/∂w is 3**40 ≈ 1.2e19: GradLens reports it.
from micrograd.engine import Value

w = Value(1.0)
h = w
for step in range(40):
    h = h * 3.0

loss = h * 1.0
loss.backward()
print(f"loss = {loss.data:.4e}, w.grad = {w.grad:.4e}")

# Expectations computed with CPython 3.11 running the same program on a micrograd stand-in
# of our own (not part of GradLens), and checked by hand where the comments above say so:
# expect: loss.data == 1.2157665459056929e+19
# expect: w.grad == 1.2157665459056929e+19
# expect-diagnostic: exploding
