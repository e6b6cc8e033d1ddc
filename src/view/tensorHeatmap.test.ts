import { describe, expect, it } from "vitest";
import type { Trace, TraceNode } from "../trace/trace";
import { buildViewGraph } from "./buildViewGraph";
import { heatmapsLayout, VALUE_NODE } from "./nodeMetrics";
import { gridShape, tensorHeatmap } from "./tensorHeatmap";
import type { ViewValueNode } from "./viewGraph";

describe("gridShape", () => {
  it("reads a 1-d tensor as one row and folds leading dimensions into rows", () => {
    expect(gridShape([5])).toEqual({ rows: 1, cols: 5 });
    expect(gridShape([3, 4])).toEqual({ rows: 3, cols: 4 });
    expect(gridShape([2, 3, 4])).toEqual({ rows: 6, cols: 4 });
  });
});

describe("tensorHeatmap", () => {
  it("keeps a small tensor cell for cell, scaled by its largest |x|", () => {
    const map = tensorHeatmap([1, -2, 0, 4], [2, 2])!;
    expect(map).toEqual({ rows: 2, cols: 2, cells: [0.25, -0.5, 0, 1], scale: "4.0000" });
  });

  it("keeps the sign of a value far smaller than the largest (it is not rounded away to 0)", () => {
    expect(tensorHeatmap([1e-6, -1e-6, 0, 1], [4])!.cells).toEqual([0.001, -0.001, 0, 1]);
  });

  it("downsamples to at most maxCells a side, each cell the strongest element of its block, with its sign", () => {
    // 4×4 into 2×2: each cell is a 2×2 block.
    const values = [1, 2, 0, 0, 3, -8, 0, 1, 0, 0, 0, 0, 0, 0, 0, -2];
    const map = tensorHeatmap(values, [4, 4], 2)!;
    expect([map.rows, map.cols]).toEqual([2, 2]);
    expect(map.cells).toEqual([-1, 0.125, 0, -0.25]);
  });

  it("covers every element when the size does not divide evenly", () => {
    const values = Array.from({ length: 25 }, (_, i) => (i === 24 ? 10 : 1));
    const map = tensorHeatmap(values, [25], 12)!;
    expect([map.rows, map.cols]).toEqual([1, 12]);
    expect(map.cells[11]).toBe(1); // the last element lands in the last cell
    expect(map.cells.slice(0, 11).every((c) => c === 0.1)).toBe(true);
  });

  it("marks a block holding NaN or ±∞ and scales the rest by the largest finite |x|", () => {
    const map = tensorHeatmap([NaN, 1, Infinity, -2], [4])!;
    expect(map.cells).toEqual([null, 0.5, null, -1]);
    expect(map.scale).toBe("2.0000");
  });

  it("draws an all-zero tensor as zeros", () => {
    expect(tensorHeatmap([0, 0, 0], [3])!.cells).toEqual([0, 0, 0]);
  });

  it("has nothing to draw for a scalar, an empty tensor, or a trace without the numbers", () => {
    expect(tensorHeatmap([3], [])).toBeNull();
    expect(tensorHeatmap([], [0, 3])).toBeNull();
    expect(tensorHeatmap([1, 2], [2, 3])).toBeNull();
  });
});

function tensorTrace(grad: number[] | null): Trace {
  const node: TraceNode = {
    id: 0,
    kind: "leaf",
    op: "",
    names: ["W"],
    expr: "torch.randn(20, 30)",
    span: null,
    shape: [20, 30],
    data: Array.from({ length: 600 }, (_, i) => Math.sin(i)),
    grad,
    rootGrad: grad,
    inputEdges: [],
    tensor: true,
  };
  return {
    ok: true,
    stdout: "",
    diagnostics: [],
    nodes: [node],
    edges: [],
    root: null,
    occurrences: [],
    variables: {},
  };
}

describe("a tensor's value node", () => {
  it("carries heatmaps of its values and gradient, and its box grows to hold them", () => {
    const grad = Array.from({ length: 600 }, (_, i) => Math.cos(i));
    const node = buildViewGraph(tensorTrace(grad)).nodes[0] as ViewValueNode;
    expect(node.heatmaps?.data).toMatchObject({ rows: 12, cols: 12 });
    expect(node.heatmaps?.grad).toMatchObject({ rows: 12, cols: 12 });
    const band = heatmapsLayout(12, 12, 2);
    expect(node.box.height).toBe(VALUE_NODE.height + band.height);
    expect(node.box.width).toBeGreaterThanOrEqual(band.width + 2 * VALUE_NODE.paddingX);
  });

  it("shows only the values when the tensor has no gradient", () => {
    const node = buildViewGraph(tensorTrace(null)).nodes[0] as ViewValueNode;
    expect(node.heatmaps?.grad).toBeNull();
    expect(node.box.height).toBe(VALUE_NODE.height + heatmapsLayout(12, 12, 1).height);
  });

  it("has none when the trace lacks the numbers", () => {
    const trace = tensorTrace(null);
    trace.nodes[0].data = [];
    const node = buildViewGraph(trace).nodes[0] as ViewValueNode;
    expect(node.heatmaps).toBeUndefined();
    expect(node.box.height).toBe(VALUE_NODE.height);
  });
});
