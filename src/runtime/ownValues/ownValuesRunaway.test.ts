import { describe, expect, it } from "vitest";
import { RECENT_ROWS, STOPPED_LIMITS } from "../../trace/rowsToTrace";
import { runProgram } from "../runProgram";
import { ownClassSource } from "./testing/ownClassSource";

/**
 * A runaway loop on the program's own `Value` class: every step keeps the whole chain alive, so
 * when the step budget stops it hundreds of thousands of values are live. The trace keeps the
 * latest of them (and what names stand for), says how many it left out, and stays small.
 */
const CLASS = ownClassSource({ topo: "iterative" });
const RUNAWAY = `${CLASS}
x = Value(1.0)
while True:
    x = x * 1.0001 + 0.0
`;

describe("a runaway loop of the program's own Value class", () => {
  it("stops at the step budget with a located error and a bounded trace of its latest values", () => {
    const trace = runProgram(RUNAWAY, { stepBudget: 600_000 });
    const errors = trace.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => d.code)).toEqual(["budget"]);
    // located where it was stopped: in the class's `__mul__`/`__add__` or in the loop
    const span = errors[0].span!;
    expect(span.to).toBeGreaterThan(span.from);
    expect(span.to).toBeLessThanOrEqual(RUNAWAY.length);
    expect(trace.omitted).toBeGreaterThan(20_000);
    expect(trace.nodes.length).toBeLessThanOrEqual(STOPPED_LIMITS.recent + 10);
    expect(trace.nodes.length).toBeGreaterThan(STOPPED_LIMITS.recent / 2);
    expect(JSON.stringify(trace).length).toBeLessThan(5_000_000);
    // every edge joins kept nodes, and each kept `*`/`+` agrees with its kept operands
    const byId = new Map(trace.nodes.map((n) => [n.id, n]));
    expect(trace.edges.filter((e) => !byId.has(e.from) || !byId.has(e.to))).toEqual([]);
    let checked = 0;
    for (const node of trace.nodes) {
      if (node.inputEdges.length !== 2) continue;
      const [a, b] = node.inputEdges.map((e) => byId.get(trace.edges[e].from)!.data[0]);
      expect(node.data[0]).toBe(node.op === "*" ? a * b : a + b);
      checked++;
    }
    expect(checked).toBeGreaterThan(STOPPED_LIMITS.recent / 4);
    // `x` names the last value, as the variables say
    const x = trace.nodes.filter((n) => n.names.includes("x")).at(-1)!;
    expect(x.data[0]).toBe((trace.variables.x as { data: number }).data);
  });

  it("a chain of 225,000 values that ends in backward() keeps its latest part, with CPython's numbers", () => {
    // the rows ∂x/∂w runs through are past FULL_TRACE_ROWS: the trace keeps the leaves and the latest
    const program = `${CLASS}
w = Value(0.5)
x = Value(1.0)
for i in range(45000):
    x = x * 1.00001 + w * 0.000001
x.backward()
print(repr(x.data), repr(x.grad), repr(w.grad))
`;
    const trace = runProgram(program, { memoryBudgetMb: 256 });
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    // CPython 3.11: 1.5967240896646449 1.0 0.05683086568161458 — w.grad sums 45,000 terms in
    // the order of micrograd's `_prev` sets (object addresses in CPython): equal within rounding
    const [data, grad, wGrad] = trace.stdout.trim().split(" ").map(Number);
    expect(data).toBe(1.5967240896646449);
    expect(grad).toBe(1);
    expect(wGrad).toBeCloseTo(0.05683086568161458, 14);
    expect(trace.nodes.length).toBeLessThanOrEqual(RECENT_ROWS + 10);
    expect(trace.omitted).toBeGreaterThan(150_000);
    const w = trace.nodes.find((n) => n.names.includes("w"))!;
    expect(w.grad?.[0]).toBe(wGrad);
    expect(w.rootGrad![0]).toBeCloseTo(0.05683086568161458, 14);
    const x = trace.nodes.filter((n) => n.names.includes("x")).at(-1)!;
    expect(x.data[0]).toBe(data);
    expect(x.rootGrad).toEqual([1]);
  }, 60_000);
});
