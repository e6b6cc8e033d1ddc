import { describe, expect, it } from "vitest";
import type { ViewGraph, ViewOpNode } from "../src/view/viewGraph";
import { backingSize, CANVAS_NODES, detailAt, TEXT_SCALE, usesCanvas } from "./canvasDetail";

function graphOf(n: number): ViewGraph {
  const op = (i: number): ViewOpNode => ({
    kind: "op",
    key: `o${i}`,
    trace: i,
    symbol: "+",
    title: "+",
    box: { x: i * 40, y: 0, width: 30, height: 30 },
    layer: i,
  });
  return {
    nodes: Array.from({ length: n }, (_, i) => op(i)),
    edges: [],
    width: n * 40,
    height: 30,
    root: null,
    rootName: "L",
    direction: "left-to-right",
  };
}

describe("usesCanvas", () => {
  it("draws on a canvas only above the threshold of drawn nodes", () => {
    expect(usesCanvas(graphOf(CANVAS_NODES))).toBe(false);
    expect(usesCanvas(graphOf(CANVAS_NODES + 1))).toBe(true);
    expect(usesCanvas(graphOf(10), 5)).toBe(true);
  });
});

describe("detailAt", () => {
  it("draws texts and heatmap cells only where they are readable", () => {
    expect(detailAt(1).text).toBe(true);
    expect(detailAt(TEXT_SCALE).text).toBe(true);
    expect(detailAt(TEXT_SCALE - 0.01).text).toBe(false);
    expect(detailAt(1).heatCells).toBe(true);
    expect(detailAt(0.3).heatCells).toBe(false);
    expect(detailAt(0.3).heatFrames).toBe(true);
  });

  it("simplifies shapes far out, and never less as the scale grows", () => {
    const far = detailAt(0.05);
    expect(far).toEqual({
      text: false,
      heatCells: false,
      heatFrames: false,
      rounded: false,
      decorations: false,
      curves: false,
      dashes: false,
      outlines: false,
    });
    const scales = [0.05, 0.1, 0.15, 0.2, 0.25, 0.4, 0.5, 1, 4];
    for (let i = 1; i < scales.length; i++) {
      const a = detailAt(scales[i - 1]);
      const b = detailAt(scales[i]);
      for (const key of Object.keys(a) as (keyof typeof a)[]) if (a[key]) expect(b[key]).toBe(true);
    }
  });
});

describe("backingSize", () => {
  it("sizes the canvas in device pixels, the ratio capped", () => {
    expect(backingSize(800, 600, 1)).toEqual({ width: 800, height: 600, ratio: 1 });
    expect(backingSize(800, 600, 2)).toEqual({ width: 1600, height: 1200, ratio: 2 });
    expect(backingSize(800, 600, 3)).toEqual({ width: 1600, height: 1200, ratio: 2 });
    expect(backingSize(801, 600, 1.5)).toEqual({ width: 1202, height: 900, ratio: 1.5 });
    expect(backingSize(100, 100, 0)).toEqual({ width: 100, height: 100, ratio: 1 });
  });
});
