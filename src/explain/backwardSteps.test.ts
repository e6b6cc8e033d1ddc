import { describe, expect, it } from "vitest";
import type { Trace } from "../trace/trace";
import { firstExpressionTrace, mlpTrace } from "../view/testing/fixtures";
import { TraceBuilder } from "../view/testing/traceBuilder";
import { backwardSteps, describeStep, stepTitle } from "./backwardSteps";
import { reverseTopologicalOrder } from "./graphWalk";

// x = 2; w = -0.5; y = x * w; L = y + w; L.backward()  →  ∂L/∂w = x + 1 = 3, ∂L/∂x = w = -0.5
function smallTrace(): Trace {
  const t = new TraceBuilder();
  const x = t.leaf(2, "x");
  const w = t.leaf(-0.5, "w");
  const y = t.name(t.mul(x, w, "x * w"), "y");
  return t.build(t.name(t.add(y, w, "y + w"), "L"));
}

/** Every node's last running sum, as the step-through leaves them. */
function finalSums(trace: Trace): Map<number, number[]> {
  const sums = new Map<number, number[]>();
  for (const step of backwardSteps(trace))
    for (const term of step.terms) sums.set(term.input, term.runningSum);
  return sums;
}

describe("backwardSteps", () => {
  it("walks from the root, each node after every value it feeds, leaves included", () => {
    const trace = smallTrace();
    expect(backwardSteps(trace).map((s) => s.node)).toEqual([3, 2, 1, 0]);
  });

  it("spells each term out as upstream × local = contribution, with the running sum", () => {
    const trace = smallTrace();
    const [root, y, w, x] = backwardSteps(trace);
    expect(stepTitle(root, trace)).toBe("L is the root: ∂L/∂L = 1 — pass it back to y and w.");
    expect(describeStep(root, trace)).toEqual([
      "∂L/∂y += ∂L/∂L × ∂L/∂y = 1.0000 × 1.0000 = 1.0000 (now 1.0000)",
      "∂L/∂w += ∂L/∂L × ∂L/∂w = 1.0000 × 1.0000 = 1.0000 (now 1.0000)",
    ]);
    expect(stepTitle(y, trace)).toBe("y = x * w (*): ∂L/∂y = 1.0000 is complete — pass it back to x and w.");
    expect(describeStep(y, trace)).toEqual([
      "∂L/∂x += ∂L/∂y × ∂y/∂x = 1.0000 × -0.5000 = -0.5000 (now -0.5000)",
      "∂L/∂w += ∂L/∂y × ∂y/∂w = 1.0000 × 2.0000 = 2.0000 (now 3.0000)",
    ]);
    expect(stepTitle(w, trace)).toBe("w is a leaf: ∂L/∂w = 3.0000 is final — this is what w.grad holds.");
    expect(describeStep(x, trace)).toEqual([]);
  });

  it("ends every running sum at the node's ∂root/∂x", () => {
    for (const trace of [smallTrace(), firstExpressionTrace(), mlpTrace(2, [4, 4, 1], 3)]) {
      const sums = finalSums(trace);
      const steps = backwardSteps(trace);
      for (const node of trace.nodes) {
        if (!node.rootGrad || node.id === trace.root) continue;
        expect(sums.get(node.id)?.[0]).toBeCloseTo(node.rootGrad[0], 12);
      }
      for (const step of steps) expect(step.grad[0]).toBeCloseTo(trace.nodes[step.node].rootGrad![0], 12);
      // Constants get no step; every other node the root depends on gets exactly one.
      const expected = trace.nodes.filter((n) => n.rootGrad && n.kind !== "const").length;
      expect(new Set(steps.map((s) => s.node)).size).toBe(expected);
      expect(steps.length).toBe(expected);
    }
  });

  it("names the new value by its expression when it reuses its input's name", () => {
    const t = new TraceBuilder();
    const c0 = t.leaf(1, "c");
    const c1 = t.name(t.add(c0, t.constant(1), "c + 1"), "c");
    const trace = t.build(t.name(t.mul(c1, c1, "c * c"), "L"));
    const step = backwardSteps(trace).find((s) => s.node === c1)!;
    expect(describeStep(step, trace)).toEqual([
      "∂L/∂c += ∂L/∂(c + 1) × ∂(c + 1)/∂c = 4.0000 × 1.0000 = 4.0000 (now 4.0000)",
      "∂L/∂1 += ∂L/∂(c + 1) × ∂(c + 1)/∂1 = 4.0000 × 1.0000 = 4.0000 (now 4.0000)",
    ]);
    const unnamed = new TraceBuilder();
    const h0 = unnamed.leaf(3, "h");
    const h1 = unnamed.name(unnamed.mul(h0, unnamed.constant(2)), "h");
    const noExpr = unnamed.build(unnamed.name(unnamed.add(h1, unnamed.constant(1), "sum(…)"), "L"));
    const [, h1Step] = backwardSteps(noExpr);
    expect(describeStep(h1Step, noExpr)[0]).toBe(
      "∂L/∂h += ∂L/∂h′ × ∂h′/∂h = 1.0000 × 2.0000 = 2.0000 (now 2.0000)",
    );
    expect(stepTitle(backwardSteps(noExpr)[0], noExpr)).toBe(
      "L is the root: ∂L/∂L = 1 — pass it back to h and 1.",
    );
    // a * a: both uses of the same value add up.
    const root = backwardSteps(trace)[0];
    expect(root.terms.map((t) => t.runningSum[0])).toEqual([2, 4]);
  });

  it("shows tensor terms by norm and shape, with the rule in words", () => {
    const trace: Trace = {
      ok: true,
      stdout: "",
      diagnostics: [],
      root: 1,
      occurrences: [],
      variables: {},
      nodes: [
        {
          id: 0,
          kind: "leaf",
          op: "",
          names: ["W"],
          expr: null,
          span: null,
          shape: [2],
          data: [3, 4],
          grad: [6, 8],
          rootGrad: [6, 8],
          inputEdges: [],
        },
        {
          id: 1,
          kind: "op",
          op: "sum",
          names: ["L"],
          expr: "(W * W).sum()",
          span: null,
          shape: [],
          data: [25],
          grad: null,
          rootGrad: [1],
          inputEdges: [0],
        },
      ],
      edges: [
        { id: 0, from: 0, to: 1, operand: 0, local: null, rule: "∂sum(W²)/∂W = 2W", contribution: [6, 8] },
      ],
    };
    const [root] = backwardSteps(trace);
    expect(describeStep(root, trace)).toEqual([
      "∂L/∂W += ∂L/∂L × ∂L/∂W = 1.0000 × (∂sum(W²)/∂W = 2W) = ‖10.0000‖ 2 (now ‖10.0000‖ 2)",
    ]);
  });

  it("orders by dependency even when ids do not follow creation", () => {
    // node 0 = node 1 + node 2, node 2 = node 1 * 3: the root is 0, and 2 must come before 1.
    const trace: Trace = {
      ...smallTrace(),
      root: 0,
      nodes: [
        {
          id: 0,
          kind: "op",
          op: "+",
          names: ["L"],
          expr: null,
          span: null,
          shape: [],
          data: [8],
          grad: [1],
          rootGrad: [1],
          inputEdges: [0, 1],
        },
        {
          id: 1,
          kind: "leaf",
          op: "",
          names: ["a"],
          expr: null,
          span: null,
          shape: [],
          data: [2],
          grad: [4],
          rootGrad: [4],
          inputEdges: [],
        },
        {
          id: 2,
          kind: "op",
          op: "*",
          names: ["b"],
          expr: null,
          span: null,
          shape: [],
          data: [6],
          grad: [1],
          rootGrad: [1],
          inputEdges: [2],
        },
      ],
      edges: [
        { id: 0, from: 1, to: 0, operand: 0, local: [1], rule: "", contribution: [1] },
        { id: 1, from: 2, to: 0, operand: 1, local: [1], rule: "", contribution: [1] },
        { id: 2, from: 1, to: 2, operand: 0, local: [3], rule: "", contribution: [3] },
      ],
    };
    expect(reverseTopologicalOrder(trace)).toEqual([0, 2, 1]);
    expect(finalSums(trace).get(1)).toEqual([4]);
  });

  it("has no steps without a backward()", () => {
    expect(backwardSteps({ ...smallTrace(), root: null })).toEqual([]);
  });
});
