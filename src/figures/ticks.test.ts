import { describe, expect, it } from "vitest";
import recorded from "./fixtures/matplotlibTicks.json";
import { autoBins, maxNTicks, nonsingular, pow10, scalarLabels } from "./ticks";

// Recorded with matplotlib 3.6.3 (/usr/bin/python3): a default axes (position 0.125, 0.11,
// 0.775 × 0.77 of the figure) given each view interval, and what it ticks and writes.
interface Case {
  lim: [number, number];
  size: [number, number];
  axis: "x" | "y";
  locs: number[];
  labels: string[];
  offset: string;
}

describe("ticks as matplotlib places and labels them", () => {
  for (const c of recorded as Case[]) {
    it(`${c.axis} axis ${c.lim[0]}…${c.lim[1]} on a ${c.size[0]}×${c.size[1]} in figure`, () => {
      const length = c.axis === "x" ? 0.775 * c.size[0] * 72 : 0.77 * c.size[1] * 72;
      const locs = maxNTicks(c.lim[0], c.lim[1], { nbins: autoBins(length, 10, c.axis) });
      expect(locs).toEqual(c.locs);
      const { labels, offsetText } = scalarLabels(locs, c.lim[0], c.lim[1]);
      expect(labels).toEqual(c.labels);
      expect(offsetText).toBe(c.offset);
    });
  }

  it("widens an empty range as matplotlib's nonsingular does", () => {
    expect(nonsingular(3, 3, 0.05)).toEqual([2.85, 3.15]);
    expect(nonsingular(0, 0, 0.05)).toEqual([-0.05, 0.05]);
    expect(nonsingular(Infinity, 1, 0.05)).toEqual([-0.05, 0.05]);
  });

  it("writes powers of ten exactly", () => {
    expect(pow10(-5)).toBe(0.00001);
    expect(pow10(-17)).toBe(1e-17);
  });
});
