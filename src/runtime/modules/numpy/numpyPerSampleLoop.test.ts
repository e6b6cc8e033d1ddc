import { describe, expect, it } from "vitest";
import { runProgram } from "../../runProgram";

/**
 * The primers' shape: a layer class with a hand-written backward, and each sample of the data
 * set its own forward and backward pass (`for x, y in zip(X, Y)` over numpy arrays), for
 * thousands of epochs. Every numpy operation gives a tensor a row of the tape; the rows of the
 * arrays the program let go must go too, or the run's tables grow by kilobytes an epoch. (They
 * once did: the rows of tensors were kept for any run without the program's own Values, and a
 * loop over an array's rows held an iterator that hid what it held, so no row was ever dropped.)
 * Expected output from CPython with numpy 1.24.
 */
const PROGRAM = `import numpy as np

class Dense:
    def __init__(self, w, b):
        self.w = w
        self.b = b

    def forward(self, x):
        self.x = x
        return np.tanh(self.w @ x + self.b)

    def backward(self, out, grad, lr):
        grad = grad * (1 - out ** 2)
        down = self.w.T @ grad
        self.w -= lr * (grad @ self.x.T)
        self.b -= lr * grad
        return down

X = np.reshape([[0, 0], [0, 1], [1, 0], [1, 1]], (4, 2, 1))
Y = np.reshape([[0], [1], [1], [0]], (4, 1, 1))
l1 = Dense(np.array([[0.5, -0.4], [0.3, 0.8], [-0.6, 0.2]]), np.array([[0.1], [-0.2], [0.05]]))
l2 = Dense(np.array([[0.7, -0.5, 0.9]]), np.array([[0.0]]))
for epoch in range(4000):
    error = 0.0
    for x, y in zip(X, Y):
        h = l1.forward(x)
        out = l2.forward(h)
        error += float(((out - y) ** 2).sum())
        g = l2.backward(out, 2 * (out - y), 0.1)
        l1.backward(h, g, 0.1)
print(round(error, 12))
print(l1.w.round(6).tolist())
`;

describe("a long per-sample numpy loop", () => {
  it("lets each sample's arrays' rows go: 4,000 epochs (16,000 samples) run within a 40 MB budget", () => {
    // ~60 rows a sample: a million rows, and ~60 MB of the tape's tables, if none were dropped
    const trace = runProgram(PROGRAM, { memoryBudgetMb: 40 });
    expect(trace.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
    expect(trace.stdout).toBe(
      "0.000207042602\n[[2.266347, 2.075126], [0.395823, 1.604859], [-1.916638, 1.007989]]\n",
    );
    // what the names last stood for is still drawn
    expect(trace.nodes.some((n) => n.names.includes("out"))).toBe(true);
  }, 60_000);
});
