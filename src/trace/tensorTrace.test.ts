import { describe, expect, it } from "vitest";
import { jsonReport } from "../cli/jsonReport";
import { runCli } from "../cli/main";
import { runProgram } from "../runtime/runProgram";
import type { Trace } from "./trace";

const named = (trace: Trace, name: string) => {
  const node = [...trace.nodes].reverse().find((n) => n.names.includes(name));
  if (!node) throw new Error(`no node named ${name}`);
  return node;
};
const text = (source: string, span: { from: number; to: number } | null) =>
  span ? source.slice(span.from, span.to) : null;

const SOURCE = `import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
w = torch.tensor([3.0, -1.0], requires_grad=True)
h = x * w
y = h + x
L = (y * y).sum()
L.backward()
`;

describe("tensors in the trace", () => {
  // By hand: h = x·w = [3, −2]; y = h + x = [4, 0]; L = Σ y² = 16; ∂L/∂y = 2y = [8, 0];
  // ∂L/∂h = [8, 0]; ∂L/∂x = ∂L/∂h·w + ∂L/∂y = [24, 0] + [8, 0] = [32, 0]; ∂L/∂w = ∂L/∂h·x = [8, 0].
  const trace = runProgram(SOURCE);

  it("has a node per tensor value in autograd, with shape, data, .grad and ∂root/∂x", () => {
    expect(trace.diagnostics).toEqual([]);
    expect(named(trace, "x")).toMatchObject({
      kind: "leaf",
      shape: [2],
      data: [1, 2],
      grad: [32, 0],
      rootGrad: [32, 0],
    });
    expect(named(trace, "w")).toMatchObject({ grad: [8, 0], rootGrad: [8, 0] });
    // a non-leaf's .grad is None in PyTorch unless retain_grad() asked for it
    expect(named(trace, "h")).toMatchObject({
      kind: "op",
      op: "*",
      data: [3, -2],
      grad: null,
      rootGrad: [8, 0],
    });
    expect(named(trace, "L")).toMatchObject({ op: "sum", shape: [], data: [16], rootGrad: [1] });
    expect(trace.root).toBe(named(trace, "L").id);
    expect(trace.nodes.map((n) => n.id)).toEqual(trace.nodes.map((_, i) => i));
  });

  it("records the expression that made each value and every place a name stood for it", () => {
    expect(text(SOURCE, named(trace, "h").span)).toBe("x * w");
    expect(named(trace, "L").expr).toBe("(y * y).sum()");
    const xId = named(trace, "x").id;
    const xs = trace.occurrences.filter((o) => o.name === "x");
    expect(xs.map((o) => o.node)).toEqual([xId, xId, xId]);
    expect(xs.map((o) => text(SOURCE, o.span))).toEqual(["x", "x", "x"]);
  });

  it("puts a rule and the contribution tensor on each edge; fan-out contributions add up", () => {
    const x = named(trace, "x");
    const out = trace.edges.filter((e) => e.from === x.id);
    expect(out).toHaveLength(2);
    expect(out.every((e) => e.local === null && e.rule.length > 0)).toBe(true);
    const total = [0, 1].map((i) => out.reduce((s, e) => s + e.contribution![i], 0));
    expect(total).toEqual(x.rootGrad);
    const h = named(trace, "h");
    expect(h.inputEdges.map((e) => trace.edges[e].from)).toEqual([x.id, named(trace, "w").id]);
    expect(trace.edges[h.inputEdges[0]].contribution!.map((v) => v + 0)).toEqual([24, 0]);
  });

  it("keeps scalar Values and tensors in one graph with ids unique across both", () => {
    const mixed = runProgram(`from micrograd.engine import Value
import torch
a = Value(2.0)
b = a * 3
t = torch.tensor([1.0], requires_grad=True)
u = (t * 5).sum()
u.backward()
b.backward()
`);
    expect(mixed.diagnostics).toEqual([]);
    expect(new Set(mixed.nodes.map((n) => n.id)).size).toBe(mixed.nodes.length);
    expect(named(mixed, "a").shape).toEqual([]);
    expect(named(mixed, "t").grad).toEqual([5]);
    // the micrograd backward() came last, so it is the root
    expect(mixed.root).toBe(named(mixed, "b").id);
    expect(named(mixed, "t").rootGrad).toBeNull();
    for (const e of mixed.edges) expect(mixed.nodes[e.to].inputEdges).toContain(e.id);
  });

  it("differentiates a chosen output when the program never called backward()", () => {
    const source = "import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\ny = (x * x).sum()\n";
    const first = runProgram(source);
    expect(first.root).toBeNull();
    const y = named(first, "y");
    const chosen = runProgram(source, { output: y.id });
    expect(chosen.root).toBe(y.id);
    expect(named(chosen, "x")).toMatchObject({ rootGrad: [2, 4], grad: null });
    expect(chosen.edges.every((e) => e.contribution !== null)).toBe(true);
  });

  it("keeps the old value in its place when a tensor is changed in place", () => {
    const source = `import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
s = x * 2
s += 1
L = s.sum()
L.backward()
`;
    const t = runProgram(source);
    const s = t.nodes.filter((n) => n.names.includes("s"));
    expect(s.map((n) => n.data)).toEqual([
      [2, 4],
      [3, 5],
    ]);
    expect(text(source, s[1].span)).toBe("s += 1");
    expect(named(t, "x").grad).toEqual([2, 2]);
  });

  it("names parameters of a model by their path and leaves tensors outside autograd out", () => {
    const t = runProgram(`import torch
import torch.nn as nn
model = nn.Linear(2, 1)
data = torch.ones(3, 2)
unused = torch.zeros(4)
out = model(data).sum()
out.backward()
`);
    const weight = named(t, "model.weight");
    expect(weight.shape).toEqual([1, 2]);
    expect(weight.grad).toEqual([3, 3]);
    expect(t.nodes.some((n) => n.names.includes("unused"))).toBe(false);
    expect(named(t, "data").kind).toBe("leaf");
  });

  it("puts each tensor in the module call that made it, so the view can fold a layer", () => {
    const t = runProgram(`import torch
import torch.nn as nn
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
    def forward(self, x):
        return torch.tanh(self.fc(x))
net = Net()
out = net(torch.ones(1, 2)).sum()
`);
    const callOf = (op: string) => {
      const node = t.nodes.find((n) => n.op === op)!;
      return node.call === null || node.call === undefined ? null : t.calls![node.call];
    };
    expect(callOf("linear")).toMatchObject({ name: "Linear.forward", instanceClass: "Linear" });
    expect(callOf("tanh")).toMatchObject({ name: "Net.forward", instanceClass: "Net" });
    expect(callOf("sum")).toBeNull();
  });
});

describe("tensors in the CLI's JSON contract", () => {
  it("writes a tensor variable as type, shape, nested data, grad and root_grad", async () => {
    let stdout = "";
    const code = await runCli(["run", "t.py", "--json"], {
      readFile: () => SOURCE + "import torch.nn as nn\nnet = nn.Linear(1, 1)\n",
      writeFile: () => undefined,
      stdout: (s) => (stdout += s),
      stderr: () => undefined,
    });
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as ReturnType<typeof jsonReport>;
    expect(report.variables.x).toEqual({
      type: "Tensor",
      shape: [2],
      data: [1, 2],
      grad: [32, 0],
      root_grad: [32, 0],
    });
    expect(report.variables.h).toEqual({
      type: "Tensor",
      shape: [2],
      data: [3, -2],
      grad: null,
      root_grad: [8, 0],
    });
    expect(report.variables.L).toEqual({ type: "Tensor", shape: [], data: 16, grad: null, root_grad: 1 });
    expect(report.variables.net).toMatchObject({ type: "Object", class: "Linear" });
    const params = (report.variables.net as { parameters: { type: string; shape: number[] }[] }).parameters;
    expect(params.map((p) => [p.type, p.shape])).toEqual([
      ["Tensor", [1, 1]],
      ["Tensor", [1]],
    ]);
    expect(report.graph.nodes).toBeGreaterThanOrEqual(7);
  });

  it("writes nested data for a matrix and NaN as a string", () => {
    const t = runProgram("import torch\nm = torch.tensor([[1.0, float('nan')], [3.0, 4.0]])\n");
    expect(t.variables.m).toEqual({
      type: "Tensor",
      shape: [2, 2],
      data: [
        [1, "NaN"],
        [3, 4],
      ],
      grad: null,
      root_grad: null,
    });
  });

  it("marks values cut off from the graph: made under no_grad, by detach() or .data, or from such values", () => {
    // target and frozen are computed from w, which requires grad, yet no gradient reaches them.
    const t = runProgram(`import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
with torch.no_grad():
    target = w * 3
frozen = w.detach()
scaled = frozen * 2
plain = torch.tensor([5.0, 6.0]) * 2
loss = ((w - target) ** 2).sum() + (w * scaled).sum() + (w * plain).sum() + (w * w.data).sum()
loss.backward()
`);
    expect(t.diagnostics).toEqual([]);
    expect(named(t, "target").cut).toBe("no_grad");
    expect(named(t, "scaled").cut).toBe("detach");
    expect(named(t, "plain").cut).toBeUndefined();
    expect(named(t, "w").cut).toBeUndefined();
    expect(named(t, "loss").cut).toBeUndefined();
    // ∂loss/∂w = 2(w − target) + scaled + plain + w.data = −4w + 2w + [10, 12] + w = [9, 10]
    expect(named(t, "w").grad).toEqual([9, 10]);
    expect(t.nodes.filter((n) => n.cut === "detach").length).toBeGreaterThanOrEqual(2); // scaled, and w.data
  });
});
