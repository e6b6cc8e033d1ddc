import { describe, expect, it } from "vitest";
import { runProgram } from "../runtime/runProgram";
import { buildViewGraph } from "./buildViewGraph";
import { orient, resolveDirection } from "./direction";
import type { Box } from "./viewGraph";

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

describe("orient top to bottom", () => {
  const down = orient(graph, "top-to-bottom");
  const overlaps = (a: Box, b: Box) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  it("puts the inputs at the top and the root at the bottom, every box its own size, none overlapping", () => {
    expect(down.direction).toBe("top-to-bottom");
    const root = down.nodes.find((n) => n.kind === "value" && n.root)!;
    for (const node of down.nodes) {
      expect(node.box.y + node.box.height).toBeLessThanOrEqual(root.box.y + root.box.height);
      const before = graph.nodes.find((n) => n.key === node.key)!;
      expect([node.box.width, node.box.height]).toEqual([before.box.width, before.box.height]);
      for (const other of down.nodes) if (other !== node) expect(overlaps(node.box, other.box)).toBe(false);
    }
    expect(down.height).toBeGreaterThan(down.width);
  });

  it("runs every edge downwards, and keeps each label off the boxes", () => {
    for (const edge of down.edges) {
      for (let k = 1; k < edge.points.length; k++)
        expect(edge.points[k].y).toBeGreaterThanOrEqual(edge.points[k - 1].y);
      if (edge.labelAt === null) continue;
      const w = 70;
      const label = { x: edge.labelAt.x - w / 2, y: edge.labelAt.y - 8.5, width: w, height: 17 };
      for (const node of down.nodes) expect(overlaps(label, node.box)).toBe(false);
    }
  });

  it("turns back only from the left-to-right layout", () => {
    expect(orient(down, "top-to-bottom")).toBe(down);
    expect(() => orient(down, "left-to-right")).toThrow();
  });
});

describe("resolveDirection", () => {
  it("follows the setting when it names a direction", () => {
    expect(resolveDirection("right-to-left", 300, 900)).toBe("right-to-left");
    expect(resolveDirection("top-to-bottom", 1200, 400)).toBe("top-to-bottom");
  });

  it("auto: left to right in a wide panel, top to bottom in a tall one, and holds near square", () => {
    expect(resolveDirection("auto", 1200, 700)).toBe("left-to-right");
    expect(resolveDirection("auto", 300, 800)).toBe("top-to-bottom");
    expect(resolveDirection("auto", 600, 640, "left-to-right")).toBe("left-to-right");
    expect(resolveDirection("auto", 640, 600, "top-to-bottom")).toBe("top-to-bottom");
    expect(resolveDirection("auto", 600, 760, "left-to-right")).toBe("top-to-bottom");
    expect(resolveDirection("auto", 0, 0)).toBe("left-to-right");
  });

  it("auto: a graph that is tall laid out left to right stays so in a tall panel, and turns in a wide one", () => {
    expect(resolveDirection("auto", 300, 800, null, 8)).toBe("left-to-right");
    expect(resolveDirection("auto", 1200, 700, null, 8)).toBe("top-to-bottom");
    expect(resolveDirection("auto", 300, 800, null, 0.2)).toBe("top-to-bottom");
    expect(resolveDirection("auto", 620, 600, "left-to-right", 8)).toBe("left-to-right");
  });
});
