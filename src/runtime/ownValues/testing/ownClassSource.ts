/**
 * Python source of an autograd class in the micrograd lecture's shape, for the tests: every op
 * makes an `out` that remembers its inputs and op and sets a `_backward` closure; `backward()`
 * sorts the graph topologically (iteratively, so deep chains work) and runs the closures from
 * the root down. The names of the class and of its attributes can be varied, as learners vary
 * them.
 */
export interface OwnClassOptions {
  className?: string;
  /** Where the inputs live (`_prev`, `_children`, `parents`, …) and how (`set`, `tuple`, `list`). */
  children?: string;
  collection?: "set" | "tuple" | "list";
  /** Where the op label lives (`_op`, `op`, `operation`, …). */
  op?: string;
  /** backward()'s topological sort: an explicit stack (deep chains work) or the lecture's recursion. */
  topo?: "iterative" | "recursive";
}

export function ownClassSource(options: OwnClassOptions = {}): string {
  const cls = options.className ?? "Value";
  const kids = options.children ?? "_prev";
  const op = options.op ?? "_op";
  const wrap = options.collection ?? "set";
  return `import math


class ${cls}:
    def __init__(self, data, _children=(), _op="", label=""):
        self.data = data
        self.grad = 0.0
        self._backward = lambda: None
        self.${kids} = ${wrap}(_children)
        self.${op} = _op
        self.label = label

    def __repr__(self):
        return f"${cls}(data={self.data})"

    def __add__(self, other):
        other = other if isinstance(other, ${cls}) else ${cls}(other)
        out = ${cls}(self.data + other.data, (self, other), "+")

        def _backward():
            self.grad += out.grad
            other.grad += out.grad

        out._backward = _backward
        return out

    def __radd__(self, other):
        return self + other

    def __mul__(self, other):
        other = other if isinstance(other, ${cls}) else ${cls}(other)
        out = ${cls}(self.data * other.data, (self, other), "*")

        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad

        out._backward = _backward
        return out

    def __rmul__(self, other):
        return self * other

    def __pow__(self, k):
        out = ${cls}(self.data**k, (self,), f"**{k}")

        def _backward():
            self.grad += k * self.data ** (k - 1) * out.grad

        out._backward = _backward
        return out

    def __neg__(self):
        return self * -1

    def __sub__(self, other):
        return self + (-other)

    def __rsub__(self, other):
        return other + (-self)

    def __truediv__(self, other):
        return self * other**-1

    def __rtruediv__(self, other):
        return other * self**-1

    def tanh(self):
        t = math.tanh(self.data)
        out = ${cls}(t, (self,), "tanh")

        def _backward():
            self.grad += (1 - t**2) * out.grad

        out._backward = _backward
        return out

    def exp(self):
        out = ${cls}(math.exp(self.data), (self,), "exp")

        def _backward():
            self.grad += out.data * out.grad

        out._backward = _backward
        return out

    def log(self):
        out = ${cls}(math.log(self.data), (self,), "log")

        def _backward():
            self.grad += out.grad / self.data

        out._backward = _backward
        return out

    def relu(self):
        out = ${cls}(0 if self.data < 0 else self.data, (self,), "ReLU")

        def _backward():
            self.grad += (out.data > 0) * out.grad

        out._backward = _backward
        return out

    def sigmoid(self):
        s = 1 / (1 + math.exp(-self.data))
        out = ${cls}(s, (self,), "sigmoid")

        def _backward():
            self.grad += s * (1 - s) * out.grad

        out._backward = _backward
        return out

    def backward(self):
${options.topo === "recursive" ? recursiveTopo(kids) : iterativeTopo(kids)}
        self.grad = 1.0
        for v in reversed(order):
            v._backward()

`;
}

function iterativeTopo(kids: string): string {
  return `        order, visited, stack = [], set(), [(self, False)]
        while stack:
            v, expanded = stack.pop()
            if expanded:
                order.append(v)
            elif v not in visited:
                visited.add(v)
                stack.append((v, True))
                for child in v.${kids}:
                    stack.append((child, False))`;
}

function recursiveTopo(kids: string): string {
  return `        order, visited = [], set()

        def visit(v):
            if v not in visited:
                visited.add(v)
                for child in v.${kids}:
                    visit(child)
                order.append(v)

        visit(self)`;
}

/** The 1-based line of the first line of `source` that contains `text`. */
export function lineOf(source: string, text: string): number {
  const at = source.indexOf(text);
  if (at < 0) throw new Error(`no ${JSON.stringify(text)} in the source`);
  return source.slice(0, at).split("\n").length;
}

/** The 1-based line of a UTF-16 offset. */
export function lineAt(source: string, offset: number): number {
  return source.slice(0, offset).split("\n").length;
}
