# Your own autograd, the way the micrograd lecture builds it: a Value class with operators,
# local-gradient closures and a topological sort. GradLens runs it as plain Python; hover
# the variables to see the numbers your class computes.
import math


class Value:
    def __init__(self, data, children=(), op=""):
        self.data = data
        self.grad = 0.0
        self._backward = lambda: None
        self._prev = list(children)
        self._op = op

    def __repr__(self):
        return f"Value(data={self.data})"

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other), "+")

        def _backward():
            self.grad += out.grad
            other.grad += out.grad

        out._backward = _backward
        return out

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other), "*")

        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad

        out._backward = _backward
        return out

    def __rmul__(self, other):
        return self * other

    def tanh(self):
        x = self.data
        t = (math.exp(2 * x) - 1) / (math.exp(2 * x) + 1)
        out = Value(t, (self,), "tanh")

        def _backward():
            self.grad += (1 - t**2) * out.grad

        out._backward = _backward
        return out

    def backward(self):
        order, seen = [], set()

        def visit(v):
            if v not in seen:
                seen.add(v)
                for child in v._prev:
                    visit(child)
                order.append(v)

        visit(self)
        self.grad = 1.0
        for v in reversed(order):
            v._backward()


x = Value(0.5)
w = Value(-1.5)
b = Value(2.0)
o = (x * w + b).tanh()
o.backward()
print(o, x.grad, w.grad, b.grad)

# Expectations computed with CPython 3.11 running the same program on a micrograd stand-in
# of our own (not part of GradLens), and checked by hand where the comments above say so:
# expect: o.data == 0.8482836399575129
# expect: x.grad == -0.420622299270649
# expect: w.grad == 0.14020743309021633
# expect: b.grad == 0.28041486618043265
