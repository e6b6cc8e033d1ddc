import { describe, expect, it } from "vitest";
import type { Trace, TraceEdge, TraceNode } from "../trace/trace";
import { findOccurrence, hoverContent } from "./hoverContent";

// x = 2; w = -0.5; y = x * w; L = y + w; L.backward()  →  ∂L/∂w = x + 1 = 3, ∂L/∂x = w = -0.5
function node(
  id: number,
  kind: TraceNode["kind"],
  op: string,
  names: string[],
  data: number,
  rootGrad: number | null,
  inputEdges: number[],
): TraceNode {
  return {
    id,
    kind,
    op,
    names,
    expr: null,
    span: null,
    shape: [],
    data: [data],
    grad: rootGrad === null ? [0] : [rootGrad],
    rootGrad: rootGrad === null ? null : [rootGrad],
    inputEdges,
  };
}
function edge(
  id: number,
  from: number,
  to: number,
  operand: number,
  local: number,
  contribution: number,
): TraceEdge {
  return { id, from, to, operand, local: [local], rule: "", contribution: [contribution] };
}

const trace: Trace = {
  ok: true,
  stdout: "",
  diagnostics: [],
  nodes: [
    node(0, "leaf", "", ["x"], 2, -0.5, []),
    node(1, "leaf", "", ["w"], -0.5, 3, []),
    { ...node(2, "op", "*", ["y"], -1, 1, [0, 1]), expr: "x * w" },
    node(3, "op", "+", ["L"], -1.5, 1, [2, 3]),
    node(4, "leaf", "", ["unused"], 7, null, []),
  ],
  edges: [
    edge(0, 0, 2, 0, -0.5, -0.5),
    edge(1, 1, 2, 1, 2, 2),
    edge(2, 2, 3, 0, 1, 1),
    edge(3, 1, 3, 1, 1, 1),
  ],
  root: 3,
  occurrences: [
    { name: "w", span: { from: 10, to: 11 }, node: 1 },
    { name: "w", span: { from: 30, to: 31 }, node: 1 },
    { name: "unused", span: { from: 40, to: 46 }, node: 4 },
  ],
  variables: {},
};

describe("hoverContent", () => {
  it("spells out the chain rule, one term per use, summing to ∂L/∂w", () => {
    const occurrence = findOccurrence(trace, 30, "w")!;
    const { markdown } = hoverContent(trace, occurrence);
    expect(markdown).toContain("**w** = `-0.5000`");
    expect(markdown).toContain("∂L/∂w = 3.0000");
    expect(markdown).toContain("via `y` (\\*): ∂L/∂y × ∂y/∂w = 1.0000 × 2.0000 = **2.0000**");
    expect(markdown).toContain("via `L` (+): ∂L/∂L × ∂L/∂w = 1.0000 × 1.0000 = **1.0000**");
    expect(markdown).toContain("Sum: 2.0000 + 1.0000 = **3.0000**");
    expect(markdown).toContain("Full precision: `w.data = -0.5`, `∂L/∂w = 3`");
  });

  it("says when a value does not reach the root", () => {
    const { markdown } = hoverContent(trace, findOccurrence(trace, 41, "unused")!);
    expect(markdown).toContain("does not reach `L`");
  });

  it("finds the occurrence under the cursor, or by name when the text moved on", () => {
    expect(findOccurrence(trace, 10, "w")?.span.from).toBe(10);
    expect(findOccurrence(trace, -1, "w")?.node).toBe(1);
    expect(findOccurrence(trace, 10, "nothing")).toBeNull();
  });

  it("shows .grad where it differs from ∂root/∂x", () => {
    const accumulated: Trace = {
      ...trace,
      nodes: trace.nodes.map((n) => (n.id === 1 ? { ...n, grad: [6] } : n)),
    };
    const { markdown } = hoverContent(accumulated, findOccurrence(accumulated, 10, "w")!);
    expect(markdown).toContain("`w.grad` reads `6.0000`");
  });
});

describe("hoverContent on a real program", () => {
  it("escapes Markdown in made-up names, so w**-1 is not read as bold", async () => {
    const { runProgram } = await import("../runtime/runProgram");
    const t = runProgram("from micrograd.engine import Value\nw = Value(2.0)\ny = 3 / w\ny.backward()\n");
    const { markdown } = hoverContent(t, findOccurrence(t, -1, "w")!);
    expect(markdown).toContain("∂y/∂(w\\*\\*-1) × ∂(w\\*\\*-1)/∂w = 3.0000 × -0.2500 = **-0.7500**");
  });
});

describe("hoverContent in loops and on tensors", () => {
  it("says how many times a loop ran the expression, and links to the graph", async () => {
    const { runProgram } = await import("../runtime/runProgram");
    const source =
      "from micrograd.engine import Value\nw = Value(0.5)\nh = w\nfor i in range(3):\n    h = h * w\nh.backward()\n";
    const t = runProgram(source);
    const { markdown, node } = hoverContent(t, findOccurrence(t, source.lastIndexOf("h.backward"), "h")!);
    expect(markdown).toContain("Made 3 times by this expression (in a loop); this is the last one.");
    expect(markdown).toContain(
      `[Show in graph](command:gradlens.revealInGraph?${encodeURIComponent(`[${node}]`)})`,
    );
  });

  it("summarises a large tensor by shape, min, max and mean", () => {
    const data = Array.from({ length: 20 }, (_, i) => i); // 0..19: mean 9.5
    const big: Trace = {
      ...trace,
      nodes: [{ ...trace.nodes[0], shape: [4, 5], data, grad: null, rootGrad: null }],
      edges: [],
      root: null,
      occurrences: [{ name: "t", span: { from: 0, to: 1 }, node: 0 }],
    };
    const { markdown } = hoverContent(big, big.occurrences[0]);
    expect(markdown).toContain("Tensor of shape 4×5 · min 0.0000 · max 19.0000 · mean 9.5000");
    expect(markdown).toContain("**t** = `‖49.6991‖ (20 values)`");
    expect(markdown).not.toContain("Full precision");
  });
});
