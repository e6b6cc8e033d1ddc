import { describe, expect, it } from "vitest";
import { checkGradients } from "../checks/gradientCheck";
import { runProgram } from "../runtime/runProgram";
import { nodeOfRow, rowOf } from "./rowsToTrace";
import type { Trace } from "./trace";

/**
 * Values and tensors made in turn share the run's one tape: the trace's nodes come in the
 * order the program made the values, with one id space, and each side keeps its own autograd
 * (micrograd's for Values, grad_fn for tensors).
 */
const program = (a: number, t0: number, t1: number) => `import torch
from micrograd.engine import Value
a = Value(${a})
t = torch.tensor([${t0}, ${t1}], dtype=torch.float64, requires_grad=True)
u = (t * t).sum()
b = a * a + a.tanh()
c = b * 2.0
w = u * 3.0 + t.exp().sum()
c.backward()
w.backward()
`;
const A = 0.7;
const T = [0.5, -1.2];

const named = (trace: Trace, name: string) => {
  const node = trace.nodes.find((n) => n.names.includes(name));
  if (!node) throw new Error(`no node named ${name}`);
  return node;
};

/** Central finite difference of the named value's data, moving one input of the program. */
function centralDifference(output: string, at: (h: number) => [number, number, number]): number {
  const h = 1e-6;
  const value = (d: number) => {
    const trace = runProgram(program(...at(d)));
    expect(trace.diagnostics).toEqual([]);
    return named(trace, output).data[0];
  };
  return (value(h) - value(-h)) / (2 * h);
}

describe("one tape for Values and tensors", () => {
  const trace = runProgram(program(A, T[0], T[1]));

  it("numbers the nodes in creation order, Values and tensors interleaved, one id space", () => {
    expect(trace.diagnostics).toEqual([]);
    expect(trace.nodes.map((n, i) => n.id - i).filter((d) => d !== 0)).toEqual([]);
    // the tape rows behind the nodes ascend with the ids: the order the program made them
    const rows = trace.nodes.map(rowOf);
    expect(rows.every((r, i) => i === 0 || r > rows[i - 1])).toBe(true);
    const order = ["a", "t", "u", "b", "c", "w"].map((name) => named(trace, name).id);
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(named(trace, "a").tensor).toBeUndefined();
    expect(named(trace, "t").tensor).toBe(true);
    expect(named(trace, "b").tensor).toBeUndefined();
    expect(named(trace, "w").tensor).toBe(true);
    // edges run forwards and stay on their side
    for (const e of trace.edges) {
      expect(e.from).toBeLessThan(e.to);
      expect(trace.nodes[e.from].tensor).toBe(trace.nodes[e.to].tensor);
      expect(trace.nodes[e.to].inputEdges).toContain(e.id);
    }
    // every node can be found again by its row
    for (const n of trace.nodes) expect(nodeOfRow(trace, rowOf(n))).toBe(n);
  });

  it("gives both sides their gradients, as central differences confirm", () => {
    const a = named(trace, "a");
    // c = 2(a² + tanh a): ∂c/∂a = 2(2a + 1 − tanh²a)
    const dc = centralDifference("c", (d) => [A + d, T[0], T[1]]);
    expect(a.grad![0]).toBeCloseTo(2 * (2 * A + 1 - Math.tanh(A) ** 2), 12);
    expect(Math.abs(a.grad![0] - dc)).toBeLessThan(1e-6);
    const t = named(trace, "t");
    // w = 3 Σt² + Σ exp t: ∂w/∂t = 6t + exp t
    const dw = [
      centralDifference("w", (d) => [A, T[0] + d, T[1]]),
      centralDifference("w", (d) => [A, T[0], T[1] + d]),
    ];
    T.forEach((x, i) => {
      expect(t.grad![i]).toBeCloseTo(6 * x + Math.exp(x), 12);
      expect(Math.abs(t.grad![i] - dw[i])).toBeLessThan(1e-6);
    });
    // the last backward() was the tensor one: it is the root, and ∂root/∂x is on its side only
    expect(trace.root).toBe(named(trace, "w").id);
    expect(t.rootGrad).toEqual(t.grad);
    expect(a.rootGrad).toBeNull();
  });

  it("lets the gradient check move a Value made after tensors, by its tape row", () => {
    const moved = `import torch
from micrograd.engine import Value
t = torch.tensor([${T[0]}, ${T[1]}], dtype=torch.float64, requires_grad=True)
u = (t * t).sum()
z = torch.zeros(3)
a = Value(${A})
b = a * a + a.tanh()
c = b * 2.0
c.backward()
`;
    const base = runProgram(moved);
    expect(base.diagnostics).toEqual([]);
    expect(rowOf(named(base, "a"))).toBeGreaterThan(named(base, "a").id); // a tensor outside autograd took a row before it
    const report = checkGradients(moved);
    expect(report.rows.map((r) => [r.name, r.ok])).toEqual([["a", true]]);
  });

  it("differentiates a chosen output of either kind, named by its tape row", () => {
    const c = named(trace, "c");
    const onC = runProgram(program(A, T[0], T[1]), { output: rowOf(c) });
    expect(onC.root).toBe(c.id);
    expect(named(onC, "a").rootGrad![0]).toBeCloseTo(2 * (2 * A + 1 - Math.tanh(A) ** 2), 12);
    expect(named(onC, "t").rootGrad).toBeNull();
    const u = named(trace, "u");
    // even when a micrograd backward() came last
    const onU = runProgram(program(A, T[0], T[1]).replace("w.backward()\n", ""), { output: rowOf(u) });
    expect(onU.root).toBe(u.id);
    expect(named(onU, "t").rootGrad).toEqual(T.map((x) => 2 * x));
    expect(named(onU, "a").rootGrad).toBeNull();
    expect(named(onU, "a").grad![0]).toBeCloseTo(2 * (2 * A + 1 - Math.tanh(A) ** 2), 12);
  });
});

describe("one tape in a long run", () => {
  // ~210,000 scalar rows, past FULL_TRACE_ROWS, with tensors made before, among and after them
  const source = `import torch
from micrograd.engine import Value
x = torch.tensor([1.0, -2.0], requires_grad=True)
w = Value(0.5)
vs = [w * 0.5 for i in range(105000)]
y = (x * x).sum()
h = vs[-1] + vs[-2]
z = y * 2.0
h.backward()
z.backward()
`;
  const trace = runProgram(source);

  it("thins the Values, keeps the tensors in their places, and stays consistent", () => {
    expect(trace.diagnostics).toEqual([]);
    expect(trace.omitted).toBeGreaterThan(100_000);
    expect(trace.nodes.filter((n, i) => n.id !== i)).toEqual([]);
    expect(trace.nodes.filter((n, i) => i > 0 && rowOf(n) <= rowOf(trace.nodes[i - 1]))).toEqual([]);
    expect(trace.edges.filter((e) => e.from >= e.to || !trace.nodes[e.to].inputEdges.includes(e.id))).toEqual(
      [],
    );
    const order = ["x", "w", "y", "h", "z"].map((name) => named(trace, name).id);
    expect(order).toEqual([...order].sort((p, q) => p - q));
    expect(named(trace, "x").grad).toEqual([4, -8]);
    expect(named(trace, "w").grad).toEqual([1]);
    expect(trace.root).toBe(named(trace, "z").id);
    for (const n of [named(trace, "x"), named(trace, "h")]) expect(nodeOfRow(trace, rowOf(n))).toBe(n);
  });
});
