# The same own Value class as own_value_lecture.py, with one mistake of the kind the lecture
# warns about: `__mul__`'s `_backward` multiplies by the wrong operand. The program still runs and
# prints gradients, but they are wrong. GradLens computes the gradients itself from the graph
# your class builds and flags the line that sent a wrong contribution (a warning in the Problems
# panel), names what the chain rule gives there, and marks the edge red in the graph.
import math


class Value:
    def __init__(self, data, _children=(), _op="", label=""):
        self.data = data
        self.grad = 0.0
        self._backward = lambda: None
        self._prev = set(_children)
        self._op = _op
        self.label = label

    def __repr__(self):
        return f"Value(data={self.data})"

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other), "+")

        def _backward():
            # d(a + b)/da = d(a + b)/db = 1
            self.grad += 1.0 * out.grad
            other.grad += 1.0 * out.grad

        out._backward = _backward
        return out

    def __radd__(self, other):  # other + self
        return self + other

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other), "*")

        def _backward():
            self.grad += self.data * out.grad  # expect-warning: the chain rule gives
            other.grad += self.data * out.grad

        out._backward = _backward
        return out

    def __rmul__(self, other):  # other * self
        return self * other

    def __pow__(self, k):
        assert isinstance(k, (int, float)), "only a number as the exponent"
        out = Value(self.data**k, (self,), f"**{k}")

        def _backward():
            self.grad += k * self.data ** (k - 1) * out.grad

        out._backward = _backward
        return out

    def __neg__(self):  # -self
        return self * -1

    def __sub__(self, other):  # self - other
        return self + (-other)

    def __truediv__(self, other):  # self / other
        return self * other**-1

    def tanh(self):
        e2x = math.exp(2 * self.data)
        t = (e2x - 1) / (e2x + 1)
        out = Value(t, (self,), "tanh")

        def _backward():
            self.grad += (1 - t**2) * out.grad

        out._backward = _backward
        return out

    def exp(self):
        out = Value(math.exp(self.data), (self,), "exp")

        def _backward():
            self.grad += out.data * out.grad

        out._backward = _backward
        return out

    def backward(self):
        order = []
        visited = set()

        def visit(v):
            if v not in visited:
                visited.add(v)
                for child in v._prev:
                    visit(child)
                order.append(v)

        visit(self)
        self.grad = 1.0
        for v in reversed(order):
            v._backward()


# One neuron: o = tanh(x1*w1 + x2*w2 + b)
x1 = Value(1.5, label="x1")
x2 = Value(-0.5, label="x2")
w1 = Value(-2.0, label="w1")
w2 = Value(0.75, label="w2")
b = Value(3.2, label="b")
x1w1 = x1 * w1
x1w1.label = "x1*w1"
x2w2 = x2 * w2
x2w2.label = "x2*w2"
n = x1w1 + x2w2 + b
n.label = "n"
o = n.tanh()
o.label = "o"
o.backward()
print(o, x1.grad, w1.grad, x2.grad, w2.grad, b.grad)

# Expectations recorded with CPython 3.11 (/usr/bin/python3) running this file: the wrong
# gradients the program computes (x1.grad is 1.45 where ∂o/∂x1 = w1 · ∂o/∂(x1*w1) = -1.94).
# expect: o.data == -0.17323515783465995
# expect: x1.grad == 1.4549843701350007
# expect: w1.grad == 1.4549843701350007
# expect: x2.grad == -0.48499479004500023
# expect: w2.grad == -0.48499479004500023
# expect: b.grad == 0.9699895800900005
