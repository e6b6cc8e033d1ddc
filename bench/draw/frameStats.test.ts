import { describe, expect, it } from "vitest";
import { intervals, percentile } from "./frameStats";

describe("percentile", () => {
  it("takes the nearest rank, whatever the order", () => {
    const xs = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(xs, 50)).toBe(5);
    expect(percentile(xs, 95)).toBe(10);
    expect(percentile(xs, 0)).toBe(1);
    expect(percentile(xs, 100)).toBe(10);
  });

  it("is NaN for no figures", () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("intervals", () => {
  it("gives the gaps between timestamps", () => {
    expect(intervals([0, 16.5, 33, 66.5])).toEqual([16.5, 16.5, 33.5]);
    expect(intervals([7])).toEqual([]);
  });
});
