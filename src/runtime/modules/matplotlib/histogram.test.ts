import { describe, expect, it } from "vitest";
import recorded from "./fixtures/numpyHistogram.json";
import { histogram, HistogramError, linspace } from "./histogram";

// Recorded with numpy 1.24.2 (/usr/bin/python3): np.histogram of each data set.
interface Case {
  name: string;
  data: string;
  float32: boolean;
  bins: number | number[];
  range: [number, number] | null;
  density: boolean;
  counts: number[];
  edges: number[];
}

const { data, cases } = recorded as { data: Record<string, number[]>; cases: Case[] };

describe("numpy's histogram, bit for bit", () => {
  for (const c of cases) {
    it(c.name, () => {
      const values = c.float32 ? data[c.data].map(Math.fround) : data[c.data];
      const result = histogram(values, {
        bins: c.bins,
        range: c.range,
        weights: null,
        density: c.density,
        float32: c.float32,
      });
      expect(result.edges).toEqual(c.edges);
      expect(result.counts).toEqual(c.counts);
    });
  }

  it("linspace puts the end exactly at stop", () => {
    expect(linspace(0, 1, 4)).toEqual([0, 1 / 3, 2 / 3, 1]);
  });

  it("refuses a range that is not finite, as numpy does", () => {
    expect(() =>
      histogram([1, NaN], { bins: 3, range: null, weights: null, density: false, float32: false }),
    ).toThrow(HistogramError);
  });
});
