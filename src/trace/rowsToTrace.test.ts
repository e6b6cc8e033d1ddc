import { describe, expect, it } from "vitest";
import { checkGradients } from "../checks/gradientCheck";
import { runProgram } from "../runtime/runProgram";
import { FULL_TRACE_ROWS } from "./rowsToTrace";

// Three "training steps" of 80,000 rows each (a constant and a product per iteration): past
// FULL_TRACE_ROWS, the trace keeps the last step's graph and leaves the earlier ones out.
const source = [
  "from micrograd.engine import Value",
  "w = Value(0.5)",
  "for step in range(3):",
  "    h = w",
  "    for i in range(40000):",
  "        h = h * 1.0",
  "    h.backward()",
].join("\n");

describe("a long run's trace", () => {
  const trace = runProgram(source);

  it("keeps the last backward()'s graph and says how much it left out", () => {
    expect(trace.ok).toBe(true);
    expect(trace.omitted).toBeGreaterThan(100_000);
    expect(trace.nodes.length + trace.omitted!).toBeGreaterThan(FULL_TRACE_ROWS);
    const w = trace.nodes.find((n) => n.names.includes("w"))!;
    expect(w.rootGrad).toEqual([1]);
    expect(trace.nodes[trace.root!].names).toContain("h");
  });

  it("stays consistent: ids in order, edges and occurrences between kept nodes", () => {
    trace.nodes.forEach((n, i) => expect(n.id).toBe(i));
    for (let i = 1; i < trace.nodes.length; i++)
      expect(trace.nodes[i].row!).toBeGreaterThan(trace.nodes[i - 1].row!);
    for (const e of trace.edges) {
      expect(trace.nodes[e.from]).toBeDefined();
      expect(trace.nodes[e.to].inputEdges).toContain(e.id);
    }
    for (const o of trace.occurrences) expect(trace.nodes[o.node]).toBeDefined();
  });

  it("still lets the gradient check re-run the program by tape row", () => {
    const report = checkGradients(source);
    expect(report.rows.map((r) => [r.name, r.ok])).toEqual([["w", true]]);
  });
});
