# Your own autograd class, the way the micrograd lecture has you write it: each operation makes
# an `out` Value that remembers its inputs (`_prev`) and the op (`_op`), and sets a `_backward`
# closure that applies the chain rule to its inputs; `backward()` orders the graph
# topologically and runs the closures from the root down.
# GradLens draws the graph your class builds and checks every gradient your `backward()`
# computes against the chain rule: hover `w1` to see "your gradient matches the chain rule".
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
            # d(a * b)/da = b, d(a * b)/db = a
            self.grad += other.data * out.grad
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


# The same neuron with tanh written out through exp: (e^2n - 1) / (e^2n + 1)
def tanh_by_exp(v):
    e = (2 * v).exp()
    return (e - 1) / (e + 1)


p1 = Value(1.5, label="p1")
q1 = Value(-2.0, label="q1")
p2 = Value(-0.5, label="p2")
q2 = Value(0.75, label="q2")
c = Value(3.2, label="c")
m = p1 * q1 + p2 * q2 + c
y = tanh_by_exp(m)
y.backward()
print(y, p1.grad, q1.grad, p2.grad, q2.grad, c.grad)

# Expectations recorded with CPython 3.11 (/usr/bin/python3) running this file:
# expect: o.data == -0.17323515783465995
# expect: x1.grad == -1.939979160180001
# expect: w1.grad == 1.4549843701350007
# expect: x2.grad == 0.7274921850675004
# expect: w2.grad == -0.48499479004500023
# expect: b.grad == 0.9699895800900005
# expect: n.grad == 0.9699895800900005
# expect: y.data == -0.17323515783465993
# expect: p1.grad == -1.9399791601800007
# expect: q1.grad == 1.4549843701350005
# expect: p2.grad == 0.7274921850675002
# expect: q2.grad == -0.4849947900450002
# expect: c.grad == 0.9699895800900004
