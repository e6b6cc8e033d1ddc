import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runProgram } from "../../runtime/runProgram";
import { buildViewGraph } from "../buildViewGraph";
import type { ViewGraph, ViewGroupNode, ViewValueNode } from "../viewGraph";
import { foldTree } from "./foldTree";

/**
 * The primer's hand-written layers as boxes: each `Dense`/`Tanh` object's forward call is a
 * closed box named by its class and its place in the program (`Dense (network[0])`), so the
 * forward pass reads Dense → Tanh → Dense → Tanh; its backward calls are boxes too
 * (`Tanh.backward (network[3])`), right of the loss, last layer first.
 */

const PRIMER = readFileSync(join(__dirname, "../../../examples/numpy_primer_xor_mistake.py"), "utf8");
const trace = runProgram(PRIMER, { fileName: "numpy_primer_xor_mistake.py" });

const groups = (g: ViewGraph) => g.nodes.filter((n): n is ViewGroupNode => n.kind === "group");
const values = (g: ViewGraph) => g.nodes.filter((n): n is ViewValueNode => n.kind === "value");
/** The box of the last sample the trace holds (the latest call) with this title. */
const latest = (g: ViewGraph, label: string) => {
  const found = groups(g).filter((n) => n.label === label);
  expect(found.length, label).toBeGreaterThan(0);
  return found.reduce((a, b) => (b.trace > a.trace ? b : a));
};
const FORWARD = ["Dense (network[0])", "Tanh (network[1])", "Dense (network[2])", "Tanh (network[3])"];
const BACKWARD = [
  "Tanh.backward (network[3])",
  "Dense.backward (network[2])",
  "Tanh.backward (network[1])",
  "Dense.backward (network[0])",
];

describe("a numpy network of hand-written layers, as boxes", () => {
  it("records where the program keeps each layer object", () => {
    const forwards = (trace.calls ?? []).filter((c) => c.name.endsWith(".forward"));
    expect(forwards.slice(-4).map((c) => [c.instanceClass, c.place])).toEqual([
      ["Dense", "network[0]"],
      ["Tanh", "network[1]"],
      ["Dense", "network[2]"],
      ["Tanh", "network[3]"],
    ]);
  });

  it("draws each layer's forward call as a closed box named by the object, in the network's order", () => {
    const g = buildViewGraph(trace);
    const boxes = FORWARD.map((label) => latest(g, label));
    expect(boxes.every((b) => b.fold === "call" && /^c\d+$/.test(b.key))).toBe(true);
    // left to right: each layer in a later column than the one before it
    const layers = boxes.map((b) => b.layer);
    expect([...layers].sort((a, b) => a - b)).toEqual(layers);
    expect(new Set(layers).size).toBe(4);
    // a Tanh's box holds its one `tanh`, a Dense's its product and sum
    expect(boxes.map((b) => b.values)).toEqual([3, 1, 2, 1]);
    expect(boxes[0].title).toContain("call of Dense (network[0])");
    // the values they hold are folded away: no `tanh` value is drawn on its own
    expect(values(g).some((v) => trace.nodes[v.trace].op === "tanh")).toBe(false);
  });

  it("draws the hand-written backward calls as boxes too, the last layer's first", () => {
    const g = buildViewGraph(trace);
    const boxes = BACKWARD.map((label) => latest(g, label));
    const layers = boxes.map((b) => b.layer);
    expect([...layers].sort((a, b) => a - b)).toEqual(layers);
    expect(new Set(layers).size).toBe(4);
    // right of the loss: they start from its derivative, which comes after the forward pass
    expect(Math.min(...layers)).toBeGreaterThan(latest(g, "Tanh (network[3])").layer);
    // what they compute is the program's own gradient, outside the graph the loss's backward walks
    expect(boxes.map((b) => b.gradStatus)).toEqual(["none", "none", "none", "none"]);
  });

  it("keeps the mistaken Tanh's edge red with its box closed: the bundle into the box says what your backward gave", () => {
    const g = buildViewGraph(trace);
    const red = g.edges.filter((e) => e.mismatch === true);
    expect(red.length).toBeGreaterThan(0);
    const tanh3 = latest(g, "Tanh (network[3])");
    const into = red.find((e) => e.to === tanh3.key)!;
    expect(into.kind).toBe("bundle");
    expect(into.from).toBe(latest(g, "Dense (network[2])").key);
    expect(into.chainRule).toMatch(/your backward gives -?\d\.\d+ where the chain rule gives -?\d\.\d+/);
    // no red edge anywhere else than into a Tanh
    const tanhKeys = new Set(
      groups(g)
        .filter((n) => n.label.startsWith("Tanh ("))
        .map((n) => n.key),
    );
    expect(red.every((e) => tanhKeys.has(e.to))).toBe(true);
  });

  it("nests a layer's box in the loop of calls that made it, inside predict()", () => {
    const tree = foldTree(trace);
    const fold = (label: string) => {
      const all = tree.folds.filter((f) => f.label === label && f.kind === "call");
      return all.reduce((a, b) => (b.last > a.last ? b : a));
    };
    const dense = fold("Dense (network[0])");
    expect(dense.shut).toBe(true);
    const loop = tree.folds[dense.parent];
    expect(loop.kind).toBe("span");
    expect(loop.label).toBe(FORWARD.join(" · "));
    expect(loop.items).toBe(4);
    expect(tree.folds[loop.parent].label).toBe("predict()");
    expect(tree.folds[loop.parent].shut).toBe(false);
    // the backward calls sit at the top level, in the loop `for layer in reversed(network)`
    const backward = fold("Tanh.backward (network[3])");
    expect(tree.folds[backward.parent].kind).toBe("span");
    expect(tree.folds[backward.parent].parent).toBe(-1);
  });

  it("opens a layer's box on request and shows what it made", () => {
    const closed = buildViewGraph(trace);
    const dense = latest(closed, "Dense (network[0])");
    const open = buildViewGraph(trace, { expanded: new Set([dense.key]) });
    expect(groups(open).some((n) => n.key === dense.key)).toBe(false);
    // in its box, or in a fold inside it (`np.dot(…)` made two values: the input as an array, the product)
    const inside = values(open).filter((v) => v.fold === dense.key || v.fold?.startsWith(`${dense.key}/`));
    expect(inside.map((v) => trace.nodes[v.trace].op).sort()).toEqual(["", "+", "@"]);
    // the other layers stay closed
    expect(groups(open).filter((n) => FORWARD.includes(n.label)).length).toBe(
      groups(closed).filter((n) => FORWARD.includes(n.label)).length - 1,
    );
  });
});

describe("programs without hand-written layers", () => {
  it("leave every fold to the node limit (micrograd's MLP → Layer → Neuron)", () => {
    const MODEL = `import random
from micrograd.nn import MLP
random.seed(1337)
model = MLP(2, [4, 1])
loss = sum((model(x) - 1) ** 2 for x in [[1.0, -2.0], [0.5, 0.25]])
loss.backward()
`;
    const t = runProgram(MODEL, { fileName: "model.py" });
    const tree = foldTree(t);
    expect(tree.folds.some((f) => f.shut)).toBe(false);
    expect(groups(buildViewGraph(t))).toEqual([]);
    expect(tree.folds.filter((f) => f.kind === "call").map((f) => f.label)).toContain("MLP (model)");
  });

  it("draw one object with forward and backward open: one box would hide the whole model", () => {
    const ONE = `import numpy as np
class Net:
    def __init__(self):
        self.w = np.array([[0.5, -0.3], [0.2, 0.8]])
    def forward(self, x):
        self.x = x
        return np.tanh(self.w @ x)
    def backward(self, g, lr):
        self.w -= lr * np.outer(g, self.x)
net = Net()
x = np.array([1.0, 2.0])
for step in range(2):
    out = net.forward(x)
    loss = np.sum(out ** 2)
    net.backward(2 * out, 0.1)
`;
    const t = runProgram(ONE, { fileName: "one.py" });
    expect(t.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(foldTree(t).folds.some((f) => f.shut)).toBe(false);
    expect(foldTree(t).folds.map((f) => f.label)).toContain("Net (net)");
  });
});
