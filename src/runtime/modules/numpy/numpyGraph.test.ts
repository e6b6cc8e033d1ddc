import { describe, expect, it } from "vitest";
import type { Trace, TraceNode } from "../../../trace/trace";
import { runProgram } from "../../runProgram";

/**
 * numpy's operations are recorded on the run's tape as the engine's tensor operations: arrays
 * are tensor nodes of the trace (names, spans, the calls that made them), and a backward pass
 * from a numpy loss gives ∂loss/∂array by the engine's rules — without anything of autograd
 * showing in numpy itself.
 */

const named = (trace: Trace, name: string): TraceNode[] => trace.nodes.filter((n) => n.names.includes(name));
const last = <T>(xs: T[]): T => xs[xs.length - 1];

const LAYER = `import numpy as np
W = np.array([[0.5, -0.4], [0.3, 0.8], [-0.6, 0.2]])
b = np.array([[0.1], [-0.2], [0.05]])
x = np.array([[1.0], [2.0]])
y = np.array([[0.5], [-0.5], [1.0]])
h = np.tanh(np.dot(W, x) + b)
loss = np.mean((h - y) ** 2)
# the hand-written backward pass of the primers
dh = 2 * (h - y) / h.size
dz = dh * (1 - h ** 2)
dW = np.dot(dz, x.T)
`;

describe("numpy values in the trace", () => {
  it("are tensor nodes with their names, shapes, operations and source", () => {
    const trace = runProgram(LAYER);
    expect(trace.ok).toBe(true);
    const h = last(named(trace, "h"));
    expect(h).toMatchObject({ tensor: true, kind: "op", op: "tanh", shape: [3, 1] });
    expect(h.expr).toBe("np.tanh(np.dot(W, x) + b)");
    const plus = trace.nodes[trace.edges[h.inputEdges[0]].from];
    expect(plus.op).toBe("+");
    const dot = trace.nodes[trace.edges[plus.inputEdges[0]].from];
    expect(dot.op).toBe("@");
    expect(trace.nodes[trace.edges[dot.inputEdges[0]].from].names).toContain("W");
    const loss = last(named(trace, "loss"));
    expect(loss).toMatchObject({ op: "mean", shape: [] });
    // numpy has no .grad
    expect(named(trace, "W")[0].grad).toBeNull();
  });

  it("give ∂loss/∂W by the engine's rules, which the program's own backward pass matches", () => {
    const first = runProgram(LAYER);
    const loss = last(named(first, "loss"));
    const trace = runProgram(LAYER, { output: loss.row ?? loss.id });
    const w = named(trace, "W")[0];
    const dW = last(named(trace, "dW"));
    expect(w.rootGrad).not.toBeNull();
    w.rootGrad!.forEach((g, i) => expect(g).toBeCloseTo(dW.data[i], 14));
  });

  it("show a value's Python operators and functions as the same operations", () => {
    const trace = runProgram("import numpy as np\na = np.array([1.0, 2.0])\nb = np.exp(-a) * 2 - a / 4\n");
    const b = last(named(trace, "b"));
    expect(b.op).toBe("-");
    const ops = trace.nodes.filter((n) => n.kind === "op").map((n) => n.op);
    expect(ops).toEqual(expect.arrayContaining(["neg", "exp", "*", "/", "-"]));
  });

  it("leave integer and bool arrays out of the graph", () => {
    const trace = runProgram("import numpy as np\ni = np.arange(3)\nm = i > 1\nf = i * 0.5\n");
    expect(named(trace, "i")).toEqual([]);
    expect(named(trace, "m")).toEqual([]);
    expect(last(named(trace, "f")).kind).toBe("op");
  });
});

describe("writes into arrays", () => {
  it("make a parameter update a new value: the old one keeps its place in the graph", () => {
    const src = `import numpy as np
w = np.array([1.0, 2.0])
x = np.array([3.0, 4.0])
loss = np.sum(w * x)
g = x
w -= 0.1 * g
loss2 = np.sum(w * x)
`;
    const trace = runProgram(src);
    expect(trace.ok).toBe(true);
    const ws = named(trace, "w");
    expect(ws.length).toBe(2);
    expect(ws[0].data).toEqual([1, 2]);
    expect(ws[1].data.map((v) => Math.round(v * 10) / 10)).toEqual([0.7, 1.6]);
    // the update starts the array afresh: no history back into the step before
    expect(ws[1].kind).toBe("leaf");
    const loss2 = last(named(trace, "loss2"));
    expect(loss2.data[0]).toBeCloseTo(0.7 * 3 + 1.6 * 4, 12);
  });

  it("record a write into a fresh array as an operation (out += b keeps the gradient to b)", () => {
    const src = `import numpy as np
W = np.array([[1.0, 2.0], [3.0, 4.0]])
b = np.array([0.5, -0.5])
out = W @ np.array([1.0, 1.0])
out += b
loss = out.sum()
`;
    const first = runProgram(src);
    const loss = last(named(first, "loss"));
    const trace = runProgram(src, { output: loss.row ?? loss.id });
    expect(named(trace, "b")[0].rootGrad).toEqual([1, 1]);
    expect(named(trace, "W")[0].rootGrad).toEqual([1, 1, 1, 1]);
  });

  it("go through views into the array, as numpy's do, and keep earlier reads intact", () => {
    const src = `import numpy as np
w = np.array([[1.0, 2.0], [3.0, 4.0]])
first = w[0]
s = w.sum()
w[0] -= 1
t = w.T
w[1, 1] = 10
print(first, s, w, t)
`;
    const trace = runProgram(src);
    expect(trace.stdout).toBe("[0. 1.] 10.0 [[ 0.  1.]\n [ 3. 10.]] [[ 0.  3.]\n [ 1. 10.]]\n");
    // the sum read w before the writes: its operand shows the values it read
    const s = last(named(trace, "s"));
    const operand = trace.nodes[trace.edges[s.inputEdges[0]].from];
    expect(operand.data).toEqual([1, 2, 3, 4]);
  });
});

describe("a training loop's graph", () => {
  it("keeps the last iterations (each step's graph stands alone) and folds into the layers' calls", () => {
    const src = `import numpy as np
class Dense:
    def __init__(self, w):
        self.w = w
    def forward(self, x):
        self.x = x
        return np.dot(self.w, x)
    def backward(self, g, lr):
        gw = np.dot(g, self.x.T)
        gx = np.dot(self.w.T, g)
        self.w -= lr * gw
        return gx
layer = Dense(np.array([[0.5, -0.2]]))
x = np.array([[1.0], [2.0]])
for step in range(300):
    out = layer.forward(x)
    loss = np.mean((out - 1.0) ** 2)
    layer.backward(2 * (out - 1.0), 0.01)
print(round(float(loss), 6))
`;
    const trace = runProgram(src);
    expect(trace.ok).toBe(true);
    expect(trace.nodes.length).toBeLessThan(60);
    const calls = trace.calls!;
    const forward = trace.nodes.find((n) => n.op === "@" && n.call !== null && n.call !== undefined);
    expect(calls[forward!.call!].name).toBe("Dense.forward");
  });
});

describe("numpy scalars beside micrograd Values", () => {
  it("act as the numbers they hold, both ways round, and the gradients flow", () => {
    const trace = runProgram(
      [
        "import numpy as np",
        "from micrograd.engine import Value",
        "xs = np.array([1.5, 2.0])",
        "a = Value(xs[0])",
        "b = np.float64(2.0) * a",
        "c = a * np.int64(3) + np.int64(2)",
        "out = b + c",
        "out.backward()",
        "print(type(b).__name__, b.data, c.data, out.data, a.grad)",
      ].join("\n"),
    );
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    // CPython with numpy 1.24 prints the same (numpy hands the operation to the Value)
    expect(trace.stdout).toBe("Value 3.0 6.5 9.5 5.0\n");
  });
});
