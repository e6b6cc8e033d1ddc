# A first look at backpropagation: a tiny expression in micrograd style.
# Hover any variable to see its value, its gradient and the chain rule behind it;
# run "GradLens: Show Computation Graph" to see the gradient flowing along every edge.
from micrograd.engine import Value

x = Value(2.0)
w = Value(-0.5)
b = Value(1.5)

h = (x * w + b).relu()  # a ReLU unit: relu(x*w + b)
y = h * x + 3 / w       # x is used twice, and 3 / w is a reflected division
y += 1 - b              # += builds a new node; 1 - b is a reflected subtraction
loss = y ** 2

print(f"loss = {loss.data:.4f}")
loss.backward()
print(f"x.grad = {x.grad:.4f}, w.grad = {w.grad:.4f}, b.grad = {b.grad:.4f}")

# Derived by hand: h = 0.5, y = -5.5, dloss/dy = 2y = -11,
# dy/dx = h + x*w = -0.5, dy/dw = x*x - 3/w**2 = -8, dy/db = x - 1 = 1.
# expect: loss.data == 30.25
# expect: x.grad == 5.5
# expect: w.grad == 88.0
# expect: b.grad == -11.0
# expect: h.grad == -22.0
