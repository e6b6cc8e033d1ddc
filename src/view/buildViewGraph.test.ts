import { describe, expect, it } from "vitest";
import type { Trace, TraceEdge, TraceNode } from "../trace/trace";
import { buildViewGraph } from "./buildViewGraph";
import { firstExpressionTrace } from "./testing/fixtures";
import type { ViewEdge, ViewGraph, ViewOpNode, ViewValueNode } from "./viewGraph";

function node(partial: Partial<TraceNode> & Pick<TraceNode, "id" | "kind">): TraceNode {
  return {
    op: "",
    names: [],
    expr: null,
    span: null,
    shape: [],
    data: [0],
    grad: null,
    rootGrad: null,
    inputEdges: [],
    ...partial,
  };
}

/**
 * By hand: a = 2, b = -3, c = a * b = -6, L = c + 10 = 4, L.backward();
 * z = Value(7) is never used. ∂L/∂a = b = -3, ∂L/∂b = a = 2.
 */
function handMadeTrace(): Trace {
  const nodes: TraceNode[] = [
    node({ id: 0, kind: "leaf", names: ["a"], expr: "Value(2.0)", data: [2], grad: [-3], rootGrad: [-3] }),
    node({ id: 1, kind: "leaf", names: ["b"], expr: "Value(-3.0)", data: [-3], grad: [2], rootGrad: [2] }),
    node({
      id: 2,
      kind: "op",
      op: "*",
      expr: "a * b",
      data: [-6],
      grad: [1],
      rootGrad: [1],
      inputEdges: [0, 1],
    }),
    node({ id: 3, kind: "const", expr: "a * b + 10", data: [10], grad: [1], rootGrad: [1] }),
    node({
      id: 4,
      kind: "op",
      op: "+",
      names: ["L"],
      expr: "a * b + 10",
      data: [4],
      grad: [1],
      rootGrad: [1],
      inputEdges: [2, 3],
    }),
    node({ id: 5, kind: "leaf", names: ["z"], expr: "Value(7.0)", data: [7], grad: [0], rootGrad: null }),
  ];
  const edges: TraceEdge[] = [
    { id: 0, from: 0, to: 2, operand: 0, local: [-3], rule: "∂(a·b)/∂a = b", contribution: [-3] },
    { id: 1, from: 1, to: 2, operand: 1, local: [2], rule: "∂(a·b)/∂b = a", contribution: [2] },
    { id: 2, from: 2, to: 4, operand: 0, local: [1], rule: "∂(a+b)/∂a = 1", contribution: [1] },
    { id: 3, from: 3, to: 4, operand: 1, local: [1], rule: "∂(a+b)/∂b = 1", contribution: [1] },
  ];
  return { ok: true, stdout: "", diagnostics: [], nodes, edges, root: 4, occurrences: [], variables: {} };
}

const values = (g: ViewGraph) => g.nodes.filter((n): n is ViewValueNode => n.kind === "value");
const ops = (g: ViewGraph) => g.nodes.filter((n): n is ViewOpNode => n.kind === "op");
const valueOf = (g: ViewGraph, trace: number) => values(g).find((n) => n.trace === trace)!;
const inputEdges = (g: ViewGraph) => g.edges.filter((e) => e.kind === "input");
const edgeFrom = (g: ViewGraph, from: number, to: number): ViewEdge[] =>
  inputEdges(g).filter((e) => e.fromTrace === from && e.toTrace === to);

describe("buildViewGraph on a hand-made trace", () => {
  const graph = buildViewGraph(handMadeTrace());

  it("draws one value node per trace node and an op node only before operation results", () => {
    expect(values(graph).map((n) => n.trace)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(ops(graph).map((n) => [n.trace, n.symbol])).toEqual([
      [2, "×"],
      [4, "+"],
    ]);
  });

  it("labels a value with its name, else its expression; a constant with its number", () => {
    expect(values(graph).map((n) => n.label)).toEqual(["a", "b", "a * b", "10", "L", "z"]);
  });

  it("shows data and the gradient with respect to the root", () => {
    expect([valueOf(graph, 0).data, valueOf(graph, 0).grad]).toEqual(["2.0000", "-3.0000"]);
    expect([valueOf(graph, 1).data, valueOf(graph, 1).grad]).toEqual(["-3.0000", "2.0000"]);
    expect([valueOf(graph, 4).data, valueOf(graph, 4).grad]).toEqual(["4.0000", "1.0000"]);
  });

  it("falls back to .grad for a value that does not reach the root, and fades it", () => {
    expect(valueOf(graph, 5).grad).toBe("0.0000");
    expect(valueOf(graph, 5).gradStatus).toBe("zero");
  });

  it("tells leaves, constants, results and the root apart", () => {
    expect(values(graph).map((n) => n.role)).toEqual(["leaf", "leaf", "op", "const", "op", "leaf"]);
    expect(
      values(graph)
        .filter((n) => n.root)
        .map((n) => n.trace),
    ).toEqual([4]);
    expect(graph.root).toBe(4);
    expect(graph.rootName).toBe("L");
  });

  it("labels each operand's edge with its contribution and explains it with the chain rule", () => {
    const [aEdge] = edgeFrom(graph, 0, 2);
    expect(aEdge.label).toBe("-3.0000");
    expect(aEdge.from).toBe("v0");
    expect(aEdge.to).toBe("o2");
    expect(aEdge.chainRule).toBe(
      "∂L/∂a via (a * b) = ∂L/∂(a * b) · ∂(a * b)/∂a = 1.0000 × -3.0000 = -3.0000\n∂(a·b)/∂a = b",
    );
    expect(edgeFrom(graph, 1, 2)[0].label).toBe("2.0000");
    expect(edgeFrom(graph, 2, 4)[0].chainRule).toBe(
      "∂L/∂(a * b) via L = ∂L/∂L · ∂L/∂(a * b) = 1.0000 × 1.0000 = 1.0000\n∂(a+b)/∂a = 1",
    );
  });

  it("joins each op node to its result with an unlabelled edge", () => {
    const outputs = graph.edges.filter((e) => e.kind === "output");
    expect(outputs.map((e) => [e.from, e.to, e.label])).toEqual([
      ["o2", "v2", null],
      ["o4", "v4", null],
    ]);
  });

  it("weighs the largest flow fully and smaller ones less", () => {
    const weight = (from: number, to: number) => edgeFrom(graph, from, to)[0].weight;
    expect(weight(0, 2)).toBe(1);
    expect(weight(1, 2)).toBeLessThan(1);
    expect(weight(1, 2)).toBeGreaterThan(weight(2, 4));
  });

  it("lays the graph out left to right with routes and label positions", () => {
    const a = valueOf(graph, 0);
    const root = valueOf(graph, 4);
    expect(a.layer).toBeLessThan(root.layer);
    for (const e of graph.edges) expect(e.points.length).toBeGreaterThanOrEqual(2);
    for (const e of inputEdges(graph)) expect(e.labelAt).not.toBeNull();
    expect(graph.width).toBeGreaterThan(root.box.x + root.box.width);
  });
});

describe("buildViewGraph on examples/first_expression.py", () => {
  const graph = buildViewGraph(firstExpressionTrace());
  const named = (name: string) => values(graph).filter((n) => n.label === name);

  it("shows the gradients worked out by hand", () => {
    expect(named("x")[0].grad).toBe("5.5000");
    expect(named("w")[0].grad).toBe("88.0000");
    expect(named("b")[0].grad).toBe("-11.0000");
    expect(named("h")[0].grad).toBe("-22.0000");
    expect(named("loss")[0].data).toBe("30.2500");
  });

  it("splits a fan-out gradient over its edges: w.grad = -44 + 132", () => {
    const w = named("w")[0];
    const labels = inputEdges(graph)
      .filter((e) => e.fromTrace === w.trace)
      .map((e) => e.label)
      .sort();
    expect(labels).toEqual(["-44.0000", "132.0000"]);
  });

  it("has 17 values, 11 operations and 19 labelled edges", () => {
    expect(values(graph)).toHaveLength(17);
    expect(ops(graph)).toHaveLength(11);
    expect(inputEdges(graph).filter((e) => e.label !== null)).toHaveLength(19);
  });
});

describe("buildViewGraph edge cases", () => {
  it("shows None and no labels when the program never called backward()", () => {
    const trace = handMadeTrace();
    trace.root = null;
    for (const n of trace.nodes) {
      n.grad = null;
      n.rootGrad = null;
    }
    for (const e of trace.edges) e.contribution = null;
    const graph = buildViewGraph(trace);
    expect(values(graph).every((n) => n.grad === "None" && n.gradStatus === "none")).toBe(true);
    expect(graph.edges.every((e) => e.label === null && e.chainRule === null && e.weight === 0)).toBe(true);
    expect(graph.rootName).toBe("L");
    expect(graph.root).toBeNull();
  });

  it("marks NaN and infinite values and weighs their edges fully", () => {
    const trace = handMadeTrace();
    trace.nodes[0].rootGrad = [NaN];
    trace.edges[0].contribution = [Infinity];
    const graph = buildViewGraph(trace);
    expect(valueOf(graph, 0).grad).toBe("NaN");
    expect(valueOf(graph, 0).gradStatus).toBe("nonfinite");
    const edge = edgeFrom(graph, 0, 2)[0];
    expect([edge.label, edge.status, edge.weight]).toEqual(["∞", "nonfinite", 1]);
  });

  it("summarises a tensor by its norm and shape", () => {
    const trace = handMadeTrace();
    Object.assign(trace.nodes[0], { shape: [2], data: [3, 4], grad: [0, 1], rootGrad: [0, 1] });
    const graph = buildViewGraph(trace);
    expect([valueOf(graph, 0).data, valueOf(graph, 0).grad]).toEqual(["‖5.0000‖ 2", "‖1.0000‖ 2"]);
  });

  it("shortens a long expression label but keeps it whole in the tooltip", () => {
    const trace = handMadeTrace();
    trace.nodes[2].expr = "some_function(a, b) * another_long_name(a)";
    const graph = buildViewGraph(trace, { labelChars: 12 });
    expect(valueOf(graph, 2).label).toBe("some_functi…");
    expect(valueOf(graph, 2).title).toContain("some_function(a, b) * another_long_name(a)");
  });

  it("draws both edges of x * x, one per operand", () => {
    const trace = handMadeTrace();
    trace.edges[1].from = 0;
    const graph = buildViewGraph(trace);
    const both = edgeFrom(graph, 0, 2);
    expect(both).toHaveLength(2);
    expect(both[0].labelAt).not.toEqual(both[1].labelAt);
  });

  it("gives the same trace the same graph", () => {
    expect(buildViewGraph(firstExpressionTrace())).toEqual(buildViewGraph(firstExpressionTrace()));
  });
});

describe("buildViewGraph with the previous graph", () => {
  it("keeps the layout when only the numbers changed", () => {
    const before = buildViewGraph(handMadeTrace());
    const trace = handMadeTrace();
    trace.nodes[0].data = [5]; // same width: "5.0000" for "2.0000"
    const after = buildViewGraph(trace, { previous: before });
    expect(valueOf(after, 0).data).toBe("5.0000");
    expect(valueOf(after, 0).box).toBe(valueOf(before, 0).box);
    expect(after).toEqual(buildViewGraph(trace));
  });

  it("keeps the layout, boxes as wide as before, when the numbers get shorter", () => {
    const wide = handMadeTrace();
    wide.nodes[0].data = [123456.5]; // wider than the room a box keeps for a number
    const before = buildViewGraph(wide);
    const after = buildViewGraph(handMadeTrace(), { previous: before });
    expect(valueOf(after, 0).data).toBe("2.0000");
    expect(after.nodes.map((n) => n.box)).toEqual(before.nodes.map((n) => n.box));
    expect(after.edges.map((e) => e.points)).toEqual(before.edges.map((e) => e.points));
  });

  it("lays out again when a box or a label needs more room, or the structure changes", () => {
    const before = buildViewGraph(handMadeTrace());
    const wider = handMadeTrace();
    wider.nodes[0].data = [123456.5]; // "123456.5000": wider than the room a box keeps for a number
    const relaid = buildViewGraph(wider, { previous: before });
    expect(valueOf(relaid, 0).box).not.toBe(valueOf(before, 0).box);
    expect(relaid).toEqual(buildViewGraph(wider));

    const fewer = handMadeTrace();
    fewer.nodes.pop();
    const smaller = buildViewGraph(fewer, { previous: before });
    expect(values(smaller)).toHaveLength(5);
    expect(smaller).toEqual(buildViewGraph(fewer));
  });
});

describe("tooltips", () => {
  const graph = buildViewGraph(handMadeTrace());

  it("describe a value with its expression, role and numbers", () => {
    expect(valueOf(graph, 0).title).toBe("a\nValue(2.0)\nleaf\ndata 2.0000\ngrad -3.0000");
    expect(valueOf(graph, 4).title).toContain("root of backward()");
  });

  it("give an operation its local rules", () => {
    expect(ops(graph)[0].title).toBe("*  ·  a * b\n∂(a·b)/∂a = b\n∂(a·b)/∂b = a");
  });
});
