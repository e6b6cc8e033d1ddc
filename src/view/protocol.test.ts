import { describe, expect, it } from "vitest";
import { buildViewGraph } from "./buildViewGraph";
import { parseHostMessage, parseWebviewMessage } from "./protocol";
import { firstExpressionTrace, mlpTrace } from "./testing/fixtures";
import { runProgram } from "../runtime/runProgram";

/** What arrives on the other side of postMessage: a structured clone, here a JSON round trip. */
const wire = <T>(x: T): unknown => JSON.parse(JSON.stringify(x));

describe("parseHostMessage", () => {
  const graph = buildViewGraph(firstExpressionTrace());

  it("accepts a graph as buildViewGraph makes it, after the trip across", () => {
    const message = { type: "graph", graph, stale: false, title: "first_expression.py" };
    expect(parseHostMessage(wire(message))).toEqual(message);
  });

  it("accepts a folded graph, with its groups and bundled edges", () => {
    const folded = buildViewGraph(mlpTrace(2, [4, 4, 1], 3), { nodeLimit: 10 });
    expect(folded.nodes.some((n) => n.kind === "group")).toBe(true);
    expect(folded.edges.some((e) => e.kind === "bundle")).toBe(true);
    const message = { type: "graph", graph: folded, stale: false, title: "mlp.py" };
    expect(parseHostMessage(wire(message))).toEqual(message);
    const group = (wire(message) as { graph: { nodes: { kind: string; count?: unknown }[] } }).graph;
    group.nodes.find((n) => n.kind === "group")!.count = "3";
    expect(parseHostMessage({ ...message, graph: group })).toBeNull();
  });

  it("accepts a tensor's heatmaps, and rejects a grid whose cells do not fill it", () => {
    const tensors = buildViewGraph(
      runProgram(
        "import torch\nw = torch.tensor([[1.0, -2.0], [float('nan'), 4.0]], requires_grad=True)\n(w * w).sum().backward()\n",
      ),
    );
    const w = tensors.nodes.find((n) => n.kind === "value" && n.label === "w");
    expect(w?.kind === "value" && w.heatmaps?.data.cells).toEqual([0.25, -0.5, null, 1]);
    const message = { type: "graph", graph: tensors, stale: false, title: "t.py" };
    expect(parseHostMessage(wire(message))).toEqual(message);
    const broken = wire(message) as { graph: { nodes: { heatmaps?: { data: { cells: unknown[] } } }[] } };
    broken.graph.nodes.find((n) => n.heatmaps)!.heatmaps!.data.cells.pop();
    expect(parseHostMessage(broken)).toBeNull();
  });

  it("accepts stale, empty and highlight messages", () => {
    expect(parseHostMessage({ type: "stale", stale: true, reason: "SyntaxError" })).toEqual({
      type: "stale",
      stale: true,
      reason: "SyntaxError",
    });
    expect(parseHostMessage({ type: "stale", stale: false, reason: null })).not.toBeNull();
    expect(parseHostMessage({ type: "empty", message: "Open a Python file" })).toEqual({
      type: "empty",
      message: "Open a Python file",
    });
    expect(parseHostMessage({ type: "highlight", nodes: [1, 2] })).toEqual({
      type: "highlight",
      nodes: [1, 2],
    });
  });

  it("accepts the figures for the Figures tab, and only SVG made to measure", () => {
    const figure = { svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>', title: "loss", line: 3 };
    expect(parseHostMessage({ type: "figures", figures: [figure, { ...figure, line: null }] })).toEqual({
      type: "figures",
      figures: [figure, { ...figure, line: null }],
    });
    expect(parseHostMessage({ type: "figures", figures: [] })).toEqual({ type: "figures", figures: [] });
    expect(parseHostMessage({ type: "figures", figures: [{ ...figure, svg: "<script>" }] })).toBeNull();
    expect(parseHostMessage({ type: "figures", figures: [{ ...figure, line: 1.5 }] })).toBeNull();
    expect(parseHostMessage({ type: "figures" })).toBeNull();
  });

  it("rejects anything malformed", () => {
    const good = wire({ type: "graph", graph, stale: false, title: "t" }) as Record<string, unknown>;
    const broken = (mutate: (g: Record<string, unknown>) => void) => {
      const copy = wire(good) as Record<string, unknown>;
      mutate(copy);
      return parseHostMessage(copy);
    };
    expect(parseHostMessage(null)).toBeNull();
    expect(parseHostMessage("graph")).toBeNull();
    expect(parseHostMessage({ type: "explode" })).toBeNull();
    expect(parseHostMessage({ type: "stale", stale: "yes", reason: null })).toBeNull();
    expect(parseHostMessage({ type: "empty" })).toBeNull();
    expect(parseHostMessage({ type: "highlight", nodes: [1.5] })).toBeNull();
    expect(broken((m) => delete m.title)).toBeNull();
    expect(broken((m) => ((m.graph as { nodes: unknown[] }).nodes[0] = { kind: "value" }))).toBeNull();
    expect(broken((m) => ((m.graph as { edges: { to: string }[] }).edges[0].to = "nowhere"))).toBeNull();
    expect(broken((m) => ((m.graph as { width: unknown }).width = null))).toBeNull();
    expect(broken((m) => ((m.graph as { nodes: { key: string }[] }).nodes[1].key = "v0"))).toBeNull();
    expect(broken(() => {})).not.toBeNull();
  });
});

describe("parseWebviewMessage", () => {
  it("accepts ready, reveal and error", () => {
    expect(parseWebviewMessage({ type: "ready" })).toEqual({ type: "ready" });
    expect(parseWebviewMessage({ type: "reveal", node: 3 })).toEqual({ type: "reveal", node: 3 });
    expect(parseWebviewMessage({ type: "error", message: "boom" })).toEqual({
      type: "error",
      message: "boom",
    });
  });

  it("rejects anything malformed", () => {
    expect(parseWebviewMessage(undefined)).toBeNull();
    expect(parseWebviewMessage([])).toBeNull();
    expect(parseWebviewMessage({ type: "reveal", node: "3" })).toBeNull();
    expect(parseWebviewMessage({ type: "reveal", node: -0.5 })).toBeNull();
    expect(parseWebviewMessage({ type: "error" })).toBeNull();
    expect(parseWebviewMessage({ type: "run", code: "import os" })).toBeNull();
  });

  it("accepts toggleGroup with a fold key, and nothing else", () => {
    for (const key of ["g12:20", "c3", "c3/g12:20"])
      expect(parseWebviewMessage({ type: "toggleGroup", key })).toEqual({ type: "toggleGroup", key });
    for (const key of ["", "v3", "g12", 12, null, "c1/".repeat(30), "__proto__"])
      expect(parseWebviewMessage({ type: "toggleGroup", key })).toBeNull();
  });
});
