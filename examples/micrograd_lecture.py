# The expression from the first micrograd lecture: L = (a*b + c) * f, seven values.
# Run "GradLens: Show Computation Graph": the graph opens beside the code, whole and readable,
# each edge labelled with the gradient it carries back (∂L/∂a = ∂L/∂e · ∂e/∂a = -2 · -3 = 6).
from micrograd.engine import Value

a = Value(2.0)
b = Value(-3.0)
c = Value(10.0)
e = a * b
d = e + c
f = Value(-2.0)
L = d * f
L.backward()

print(f"L = {L.data:.4f}, a.grad = {a.grad:.4f}, b.grad = {b.grad:.4f}")

# Derived by hand: d = 4, L = -8; dL/dd = f = -2, dL/df = d = 4; dL/da = -2 * b = 6, dL/db = -2 * a = -4.
# expect: L.data == -8.0
# expect: d.grad == -2.0
# expect: f.grad == 4.0
# expect: a.grad == 6.0
# expect: b.grad == -4.0
# expect: c.grad == -2.0
