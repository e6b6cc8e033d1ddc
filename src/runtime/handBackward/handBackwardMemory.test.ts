import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";
import { ownClassSource } from "../ownValues/testing/ownClassSource";

/**
 * micrograd's demo in small: the program's own Value class, numpy float64 data (the inputs are
 * rows of a numpy array), a `_backward` closure defined anew in every operation, and a training
 * loop that makes a new graph every step (the lecture-shaped class of the own-Value tests). Each step's graph must go when the program lets it go;
 * the hand-backward checker once kept every closure it had seen, and with them every graph.
 */
const PROGRAM = `import random
import numpy as np
${ownClassSource()}
random.seed(0)
np.random.seed(0)
X = np.random.randn(24, 2)
Y = np.sign(X[:, 0] * X[:, 1])
W1 = [[Value(random.uniform(-1, 1)) for _ in range(2)] for _ in range(16)]
W2 = [Value(random.uniform(-1, 1)) for _ in range(16)]
params = [w for row in W1 for w in row] + W2

for step in range(60):
    loss = Value(0.0)
    for x, y in zip(X, Y):
        xs = [Value(v) for v in x]
        hidden = [(row[0] * xs[0] + row[1] * xs[1]).tanh() for row in W1]
        out = Value(0.0)
        for w, h in zip(W2, hidden):
            out = out + w * h
        diff = out + Value(-y)
        loss = loss + diff * diff
    for p in params:
        p.grad = 0
    loss.backward()
    for p in params:
        p.data += -0.01 * p.grad
print(round(float(loss.data), 6))
`;

describe("a long loop of the program's own Value graphs", () => {
  it("lets each step's graph and closures go: 60 steps run within a 128 MB budget", () => {
    // each step makes ~3,000 Values, each with a closure, a frame and numpy scalars: a few MB
    // that, all kept, pass 128 MB long before step 60 (it needs under 32 MB;
    // the rest is room for array buffers a loaded machine frees late)
    const trace = runProgram(PROGRAM, { memoryBudgetMb: 128 });
    expect(trace.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
    expect(trace.stdout).toBe("22.515268\n"); // CPython 3.11 with numpy 1.24
  }, 120_000);
});
