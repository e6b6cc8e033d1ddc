import { describe, expect, it } from "vitest";
import type { TraceNode } from "../trace/trace";
import { elementName, sampleElements } from "./checkedElements";

const parameter = (id: number, size: number): TraceNode => ({
  id,
  kind: "leaf",
  op: "",
  names: [],
  expr: null,
  span: null,
  shape: [size],
  data: new Array<number>(size).fill(0),
  grad: null,
  rootGrad: new Array<number>(size).fill(0),
  inputEdges: [],
  tensor: true,
  parameter: { dtype: "float64", version: 0 },
});

const counts = (sample: ReturnType<typeof sampleElements>) => sample.map((c) => c.elements.length);

describe("sampleElements", () => {
  it("takes every element within the budget", () => {
    const sample = sampleElements([parameter(0, 3), parameter(1, 2)], 5);
    expect(sample.map((c) => c.elements)).toEqual([
      [0, 1, 2],
      [0, 1],
    ]);
  });

  it("past it, gives each parameter one and shares the rest out by size, evenly spaced", () => {
    const sample = sampleElements([parameter(0, 1000), parameter(1, 10), parameter(2, 1)], 100);
    expect(counts(sample)).toEqual([97, 2, 1]); // 1 each, then 97 by largest remainder: 96.1, 0.87, 0
    expect(counts(sample).reduce((a, b) => a + b)).toBe(100);
    expect(sample[0].elements.slice(0, 4)).toEqual([0, 10, 20, 30]);
    expect(new Set(sample[0].elements).size).toBe(97);
  });

  it("is deterministic and never takes more than a parameter has", () => {
    const ps = [parameter(0, 7), parameter(1, 13), parameter(2, 29)];
    const a = sampleElements(ps, 20);
    expect(a).toEqual(sampleElements(ps, 20));
    expect(counts(a).reduce((x, y) => x + y)).toBe(20);
    a.forEach((c, i) => {
      expect(c.elements.length).toBeLessThanOrEqual(ps[i].data.length);
      expect(new Set(c.elements).size).toBe(c.elements.length);
    });
  });

  it("with more parameters than the budget, spaces the budget over all their elements", () => {
    const ps = Array.from({ length: 30 }, (_, i) => parameter(i, 1));
    const sample = sampleElements(ps, 10);
    expect(sample.map((c) => c.node.id)).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 27]);
  });
});

describe("elementName", () => {
  it("indexes tensors as Python does and leaves scalars bare", () => {
    expect(elementName("W", [2, 3], 4)).toBe("W[1, 1]");
    expect(elementName("b", [3], 2)).toBe("b[2]");
    expect(elementName("w", [], 0)).toBe("w");
  });
});
