import { describe, expect, it } from "vitest";
import { checkGradients } from "../checks/gradientCheck";
import { runProgram } from "../runtime/runProgram";
import { Tape } from "../engine/tape";
import { FULL_TRACE_ROWS, RECENT_ROWS, rowsToTrace } from "./rowsToTrace";

// Twelve "training steps" of about 24,500 rows each (a constant and a product per term, then a
// tree of sums): past FULL_TRACE_ROWS, the trace keeps the last step's graph and leaves the
// earlier ones out.
const source = [
  "from micrograd.engine import Value",
  "w = Value(0.5)",
  "for step in range(12):",
  "    hs = [w * (1 / 8192) for i in range(8192)]",
  "    while len(hs) > 1:",
  "        hs = [hs[i] + hs[i + 1] for i in range(0, len(hs), 2)]",
  "    h = hs[0]",
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
    // one expect per check, not per node: the kept graph has tens of thousands of nodes
    expect(trace.nodes.filter((n, i) => n.id !== i)).toEqual([]);
    expect(trace.nodes.filter((n, i) => i > 0 && n.row! <= trace.nodes[i - 1].row!)).toEqual([]);
    expect(
      trace.edges.filter((e) => !trace.nodes[e.from] || !trace.nodes[e.to].inputEdges.includes(e.id)),
    ).toEqual([]);
    expect(trace.occurrences.filter((o) => !trace.nodes[o.node])).toEqual([]);
  });

  // four runs of the whole program: the check's own, one to see it is deterministic, ±eps
  it("still lets the gradient check re-run the program by tape row", { timeout: 60_000 }, () => {
    const report = checkGradients(source);
    expect(report.rows.map((r) => [r.name, r.ok])).toEqual([["w", true]]);
  });
});

describe("thinning a tape that holds tensor rows too", () => {
  /** `scalars` Values made one by one, with a tensor row after every `every` of them. */
  function values(scalars: number, every: number): Tape {
    const tape = new Tape();
    for (let i = 1; i <= scalars; i++) {
      tape.leaf(i);
      if (i % every === 0) tape.tensor();
    }
    return tape;
  }

  it("counts only scalar rows against FULL_TRACE_ROWS", () => {
    const tape = values(FULL_TRACE_ROWS - 10, 2);
    expect(tape.size).toBeGreaterThan(FULL_TRACE_ROWS);
    expect(rowsToTrace(tape, null, [])).toBeNull();
  });

  it("keeps the latest scalar rows, and never a tensor row (tensor values are thinned on their side)", () => {
    const tape = values(FULL_TRACE_ROWS + 1000, 3);
    const rows = rowsToTrace(tape, null, [])!;
    expect(rows.filter((r) => tape.isTensor(r))).toEqual([]);
    expect(rows.length).toBe(RECENT_ROWS);
    expect(rows[rows.length - 1]).toBe(tape.size - 2); // the last row is a tensor's
  });
});
