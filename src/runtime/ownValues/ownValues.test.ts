import { describe, expect, it } from "vitest";
import { checkGradients } from "../../checks/gradientCheck";
import { findOccurrence, hoverContent } from "../../explain/hoverContent";
import { nodeLabel } from "../../trace/naming";
import type { Trace, TraceNode } from "../../trace/trace";
import { trainProgram } from "../../train/trainProgram";
import { runProgram } from "../runProgram";
import { ownClassSource } from "./testing/ownClassSource";

/** The node a top-level name last stood for. */
function nodeNamed(trace: Trace, name: string): TraceNode {
  const occurrence = [...trace.occurrences].reverse().find((o) => o.name === name);
  if (!occurrence) throw new Error(`no occurrence of ${name}`);
  return trace.nodes[occurrence.node];
}

const NEURON = `x = Value(0.5, label="x")
w = Value(-1.5, label="w")
b = Value(2.0, label="b")
n = x * w + b
o = n.tanh()
o.backward()
`;

describe("a learner's own autograd class", () => {
  it("is drawn as a graph: a node per value, its op, edges with local derivatives and contributions", () => {
    const source = ownClassSource() + NEURON;
    const trace = runProgram(source);
    expect(trace.ok).toBe(true);
    expect(trace.nodes.map((n) => n.op)).toEqual(["", "", "", "*", "+", "tanh"]);
    expect(trace.nodes.map((n) => n.kind)).toEqual(["leaf", "leaf", "leaf", "op", "op", "op"]);
    const o = nodeNamed(trace, "o");
    expect(trace.root).toBe(o.id);
    expect(o.own).toEqual({ class: "Value", check: { yours: 1, agrees: true } });
    const x = nodeNamed(trace, "x");
    const t = Math.tanh(0.5 * -1.5 + 2);
    // ∂o/∂x = (1 − t²) · w, by the chain rule, and the program's own x.grad agrees
    expect(x.rootGrad![0]).toBeCloseTo((1 - t * t) * -1.5, 14);
    expect(x.grad![0]).toBeCloseTo((1 - t * t) * -1.5, 14);
    const product = nodeNamed(trace, "n").inputEdges.map((e) => trace.edges[e].from)[0];
    const intoProduct = trace.edges.filter((e) => e.to === product);
    expect(intoProduct.map((e) => [e.from, e.local![0]])).toEqual([
      [x.id, -1.5],
      [nodeNamed(trace, "w").id, 0.5],
    ]);
    expect(intoProduct[0].contribution![0]).toBeCloseTo((1 - t * t) * -1.5, 14);
    expect(trace.diagnostics).toEqual([]);
  });

  it("names values by the program's variables and labels, never by the class's own locals", () => {
    const source =
      ownClassSource() +
      `a = Value(2.0, label="a")
b = Value(-3.0, label="b")
e = a * b
e.label = "e"
L = (e + a).tanh() * Value(-2.0, label="f")
L.backward()
`;
    const trace = runProgram(source);
    const names = trace.nodes.flatMap((n) => n.names);
    for (const internal of ["self", "other", "out", "v", "child", "t"]) expect(names).not.toContain(internal);
    expect(nodeNamed(trace, "e").label).toBe("e");
    const f = trace.nodes.find((n) => n.label === "f")!;
    expect(f.names).toEqual([]);
    expect(nodeLabel(trace, f.id)).toBe("f");
    // hovers on a, b and L, where they are used
    for (const name of ["a", "b", "L"]) {
      const occurrence = findOccurrence(trace, -1, name)!;
      expect(occurrence.name).toBe(name);
      const hover = hoverContent(trace, occurrence);
      expect(hover.markdown).toContain("your gradient matches the chain rule");
    }
  });

  it("gives each value the span of the program's expression, and draws no call boxes for the class's methods", () => {
    const source = ownClassSource() + NEURON;
    const trace = runProgram(source);
    const n = nodeNamed(trace, "n");
    expect(source.slice(n.span!.from, n.span!.to)).toBe("x * w + b");
    const product = trace.nodes[trace.edges[n.inputEdges[0]].from];
    expect(source.slice(product.span!.from, product.span!.to)).toBe("x * w");
    expect((trace.calls ?? []).map((c) => c.name)).not.toContain("Value.__mul__");
    expect((trace.calls ?? []).map((c) => c.name)).not.toContain("_backward");
  });

  it("reports it in the CLI's JSON as a Value with its class", () => {
    const trace = runProgram(ownClassSource({ className: "Scalar" }) + NEURON.replaceAll("Value", "Scalar"));
    const t = Math.tanh(1.25);
    expect(trace.variables.w).toEqual({
      type: "Value",
      class: "Scalar",
      data: -1.5,
      grad: (1 - t * t) * 0.5,
      root_grad: (1 - t * t) * 0.5,
    });
  });

  const namings: [string, Parameters<typeof ownClassSource>[0]][] = [
    ["_children in a tuple, op", { className: "Node", children: "_children", collection: "tuple", op: "op" }],
    [
      "parents in a list, operation",
      { className: "Scalar", children: "parents", collection: "list", op: "operation" },
    ],
    ["inputs in a set, _op", { className: "Tensor", children: "inputs", op: "_op" }],
    ["_ctx in a tuple, _op", { className: "Var", children: "_ctx", collection: "tuple" }],
    ["prev in a set, op_name", { className: "Value", children: "prev", op: "op_name" }],
  ];
  for (const [what, options] of namings) {
    it(`is recognised with ${what}`, () => {
      const cls = options!.className!;
      const trace = runProgram(ownClassSource(options) + NEURON.replaceAll("Value", cls));
      expect(trace.ok).toBe(true);
      expect(trace.nodes.map((n) => n.op)).toEqual(["", "", "", "*", "+", "tanh"]);
      expect(trace.nodes.every((n) => n.own?.class === cls)).toBe(true);
      expect(trace.diagnostics).toEqual([]);
    });
  }

  it("takes a value whose data is a numpy scalar (Value(x) for x in a numpy row) as a graph value, and checks it", () => {
    const data = `import numpy as np
xs = np.array([0.5, -1.5])
x = Value(xs[0], label="x")
w = Value(xs[1], label="w")
b = Value(2.0, label="b")
n = x * w + b
o = n.tanh()
o.backward()
`;
    const trace = runProgram(ownClassSource() + data);
    // numpy's own operations join the graph (the selections from xs), and the Values' ops follow
    expect(trace.nodes.map((n) => n.op).filter((op) => op !== "" && op !== "select")).toContain("tanh");
    expect(nodeNamed(trace, "o").own).toEqual({ class: "Value", check: { yours: 1, agrees: true } });
    const t = Math.tanh(0.5 * -1.5 + 2);
    expect(nodeNamed(trace, "x").rootGrad![0]).toBeCloseTo((1 - t * t) * -1.5, 14);
    expect(trace.diagnostics).toEqual([]);
    // a wrong _backward of `*` is found on numpy data too
    const wrong = ownClassSource().replace(
      "self.grad += other.data * out.grad",
      "self.grad += self.data * out.grad",
    );
    const mistaken = runProgram(wrong + data);
    expect(mistaken.diagnostics.map((d) => d.message)).toEqual([
      "`__mul__`'s `_backward` gives ∂(x * w)/∂x = 0.5; the chain rule gives ∂(x * w)/∂x = -1.5 (∂(self·other)/∂self = other)",
    ]);
  });

  it("leaves an object that is not a graph value a plain object", () => {
    const trace = runProgram(`class Point:
    def __init__(self, data, children=()):
        self.data = data
        self.children = list(children)
class Holder:
    def __init__(self, data):
        self.data = data
        self.grad = 0.0
        self._prev = ["not", "values"]
p = Point(3.0, ())
q = Point(4.0, (p,))
h = Holder(1.0)
`);
    expect(trace.ok).toBe(true);
    expect(trace.nodes).toEqual([]);
    expect(trace.variables.p).toEqual({ type: "Object", class: "Point" });
    expect(trace.variables.h).toEqual({ type: "Object", class: "Holder" });
  });

  it("maps `-` and `/` of its own, keeping the operand order its constructor was given", () => {
    const source = `class V:
    def __init__(self, data, children=(), op=""):
        self.data = data
        self.grad = 0.0
        self._prev = set(children)
        self._op = op
    def __sub__(self, other):
        return V(self.data - other.data, (self, other), "-")
    def __truediv__(self, other):
        return V(self.data / other.data, (self, other), "/")
    def __neg__(self):
        return V(-self.data, (self,), "-")
a = V(6.0)
b = V(4.0)
d = a - b
q = a / b
m = -a
z = a - a
`;
    const trace = runProgram(source);
    expect(["d", "q", "m", "z"].map((name) => nodeNamed(trace, name).op)).toEqual(["-", "/", "neg", "-"]);
    const q = nodeNamed(trace, "q");
    const locals = q.inputEdges.map((e) => [trace.edges[e].from, trace.edges[e].local![0]]);
    expect(locals).toEqual([
      [nodeNamed(trace, "a").id, 1 / 4],
      [nodeNamed(trace, "b").id, -6 / 16],
    ]);
    const z = nodeNamed(trace, "z");
    expect(z.inputEdges.map((e) => trace.edges[e].local![0])).toEqual([1, -1]);
  });

  it("draws an op it has no rule for, with edges but no local derivative, and more than two inputs", () => {
    const source = `class V:
    def __init__(self, data, children=(), op=""):
        self.data = data
        self.grad = 0.0
        self._prev = tuple(children)
        self._op = op
a = V(1.0)
b = V(2.0)
c = V(3.0)
s = V(a.data + b.data + c.data, (a, b, c), "sum3")
h = V(a.data ** 0.5, (a,), "sqrt")
`;
    const trace = runProgram(source);
    const s = nodeNamed(trace, "s");
    expect(s.kind).toBe("op");
    expect(s.op).toBe("sum3");
    expect(s.inputEdges.map((e) => trace.edges[e].from)).toEqual(
      ["a", "b", "c"].map((x) => nodeNamed(trace, x).id),
    );
    expect(s.inputEdges.every((e) => trace.edges[e].local === null)).toBe(true);
    expect(nodeNamed(trace, "h").op).toBe("sqrt");
  });

  it("leaves ∂root/∂x unknown below an op without a rule, rather than giving a partial sum", () => {
    const source = `class V:
    def __init__(self, data, children=(), op=""):
        self.data = data
        self.grad = 0.0
        self._prev = tuple(children)
        self._op = op
    def backward(self):
        self.grad = 1.0
a = V(2.0)
sq = V(a.data * a.data, (a,), "square")
r = V(sq.data + a.data, (sq, a), "+")
r.backward()
`;
    const trace = runProgram(source);
    expect(nodeNamed(trace, "r").rootGrad).toEqual([1]);
    expect(nodeNamed(trace, "sq").rootGrad).toEqual([1]);
    // a reaches r directly (∂ = 1) and through `square`, whose rule GradLens does not know
    expect(nodeNamed(trace, "a").rootGrad).toBeNull();
  });

  it("gives ∂root/∂x that central finite differences in float64 confirm, through every op", () => {
    const source =
      ownClassSource() +
      `a = Value(0.7)
b = Value(-1.3)
c = Value(2.1)
u = (a * b + c**2 - a / c).tanh()
v = (b - 2 * a).exp() + (c * 0.5).log() - (-b).relu() + (a + b).relu()
w = 3 / (1 + (a * c).sigmoid()) - b**3
L = u * v + w
L.backward()
`;
    const trace = runProgram(source);
    expect(trace.ok).toBe(true);
    expect(trace.diagnostics).toEqual([]);
    const report = checkGradients(source);
    expect(report.message).toBeNull();
    expect(report.rows.map((r) => r.name)).toEqual(["a", "b", "c"]);
    for (const row of report.rows) {
      expect(row.ok, row.name).toBe(true);
      expect(Math.abs(row.analytic - row.numeric), row.name).toBeLessThan(
        1e-6 * Math.max(1, Math.abs(row.numeric)),
      );
    }
    // and the program's own gradients are what GradLens computed
    for (const name of ["a", "b", "c"]) {
      const node = nodeNamed(trace, name);
      expect(node.own?.check?.agrees, name).toBe(true);
    }
  });

  it("works on a 10,000-deep chain", () => {
    const source =
      ownClassSource() +
      `x = Value(1.0)
y = x
for i in range(10000):
    y = y * 1.0001
y.backward()
print(x.grad)
`;
    const trace = runProgram(source, { stepBudget: 1e9 });
    expect(trace.ok).toBe(true);
    expect(trace.diagnostics).toEqual([]);
    const x = nodeNamed(trace, "x");
    expect(x.rootGrad![0]).toBeCloseTo(Math.pow(1.0001, 10000), 8);
    expect(Number(trace.stdout)).toBeCloseTo(Math.pow(1.0001, 10000), 8);
    expect(x.own?.check?.agrees).toBe(true);
    // 10,000 values of the class and 10,000 wrapped constants: a second or two on a busy machine
  }, 30_000);

  it("reproduces micrograd's README example written with an own class", () => {
    const source =
      ownClassSource() +
      `a = Value(-4.0)
b = Value(2.0)
c = a + b
d = a * b + b**3
c += c + 1
c += 1 + c + (-a)
d += d * 2 + (b + a).relu()
d += 3 * d + (b - a).relu()
e = c - d
f = e**2
g = f / 2.0
g += 10.0 / f
g.backward()
print(f"{g.data:.4f} {a.grad:.4f} {b.grad:.4f}")
`;
    const trace = runProgram(source);
    expect(trace.stdout).toBe("24.7041 138.8338 645.5773\n");
    expect(nodeNamed(trace, "a").rootGrad![0]).toBeCloseTo(138.8338, 4);
    expect(nodeNamed(trace, "b").rootGrad![0]).toBeCloseTo(645.5773, 4);
    expect(trace.diagnostics).toEqual([]);
  });

  it("trains: the parameters are its leaves, moved by re-running the program", () => {
    const source =
      ownClassSource() +
      `w = Value(0.3)
b = Value(-0.2)
loss = ((w * 2.0 + b) - 1.5) ** 2 + ((w * -1.0 + b) - 0.5) ** 2
loss.backward()
`;
    const run = trainProgram(source, {}, { optimizer: "sgd", lr: 0.05, steps: 20 });
    let next = run.next();
    while (!next.done) next = run.next();
    const result = next.value;
    expect(result.message).toBeNull();
    expect(result.parameters.map((p) => p.name)).toEqual(["w", "b"]);
    expect(result.losses[result.losses.length - 1]).toBeLessThan(result.losses[0] / 10);
  });

  it("keeps the wrapped numbers of its operators as constants, not parameters", () => {
    const trace = runProgram(ownClassSource() + "a = Value(2.0)\ny = a * 3 + 1\ny.backward()\n");
    expect(trace.nodes.map((n) => n.kind)).toEqual(["leaf", "const", "op", "const", "op"]);
  });
});
