import { describe, expect, it } from "vitest";
import { runProgram } from "../runtime/runProgram";
import { buildViewGraph } from "./buildViewGraph";
import { orient } from "./direction";

const graph = buildViewGraph(
  runProgram(
    "from micrograd.engine import Value\nx = Value(2.0)\nw = Value(-0.5)\nloss = (x * w) ** 2\nloss.backward()\n",
  ),
);

describe("orient", () => {
  it("leaves a left-to-right graph as laid out", () => {
    expect(orient(graph, "left-to-right")).toBe(graph);
  });

  it("mirrors right-to-left: the root moves to the left edge, every box stays inside the drawing", () => {
    const mirrored = orient(graph, "right-to-left");
    const root = (g: typeof graph) => g.nodes.find((n) => n.kind === "value" && n.root)!;
    expect(root(graph).box.x).toBeGreaterThan(graph.width / 2);
    expect(root(mirrored).box.x).toBeLessThan(graph.width / 2);
    for (const node of mirrored.nodes) {
      expect(node.box.x).toBeGreaterThanOrEqual(0);
      expect(node.box.x + node.box.width).toBeLessThanOrEqual(mirrored.width + 1e-9);
    }
    // every edge still starts at its `from` box and ends at its `to` box, now right to left
    for (const edge of mirrored.edges) {
      const first = edge.points[0];
      const last = edge.points[edge.points.length - 1];
      expect(first.x).toBeGreaterThanOrEqual(last.x);
    }
  });
});
