# A single neuron: inputs x1, x2, weights w1, w2, bias b, and a tanh activation.
# Hover n and o to see how ∂o/∂n = 1 - tanh(n)² gates the gradient reaching the weights.
from micrograd.engine import Value

x1 = Value(2.0)
x2 = Value(0.0)
w1 = Value(-3.0)
w2 = Value(1.0)
b = Value(6.8813735870195432)  # chosen so that n = 0.8814 and o = tanh(n) = 0.7071

x1w1 = x1 * w1
x2w2 = x2 * w2
n = x1w1 + x2w2 + b
o = n.tanh()
o.backward()

print(f"o = {o.data:.4f}, do/dn = {n.grad:.4f}")
print(f"w1.grad = {w1.grad:.4f}, w2.grad = {w2.grad:.4f}, x1.grad = {x1.grad:.4f}")

# Derived by hand: do/dn = 1 - o**2 = 0.5; w1.grad = x1 * 0.5 = 1.0; x1.grad = w1 * 0.5 = -1.5;
# w2.grad = x2 * 0.5 = 0 (x2 is 0, so w2 gets nothing).

# Expectations computed with CPython 3.11 running the same program on a micrograd stand-in
# of our own (not part of GradLens), and checked by hand where the comments above say so:
# expect: o.data == 0.7071067811865477
# expect: n.grad == 0.4999999999999998
# expect: w1.grad == 0.9999999999999996
# expect: w2.grad == 0.0
# expect: x1.grad == -1.4999999999999993
# expect: x2.grad == 0.4999999999999998
# expect: b.grad == 0.4999999999999998
