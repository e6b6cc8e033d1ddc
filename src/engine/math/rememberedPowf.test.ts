import { describe, expect, it } from "vitest";
import { rememberedPowf } from "./rememberedPowf";
import { sleefPowf } from "./sleefPowf";

/** Floats from a fixed LCG: many more than the table has slots, so slots are shared and retaken. */
function floats(n: number, seed: number): number[] {
  const out: number[] = [];
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out.push(Math.fround(((s / 2 ** 32) * 2 - 1) * 2 ** ((i % 40) - 20)));
  }
  return out;
}

describe("rememberedPowf", () => {
  it("gives sleefPowf's float for every input, first time and again, across exponents", () => {
    const xs = floats(100_000, 7);
    const ks = [4, 5, -3, 2.5, 7];
    let compared = 0;
    for (let pass = 0; pass < 3; pass++)
      for (const k of ks)
        for (const x of xs) {
          expect(Object.is(rememberedPowf(x, k), sleefPowf(x, k))).toBe(true);
          compared++;
        }
    expect(compared).toBe(1_500_000);
  });

  it("keeps −0 and +0, infinities, NaN and subnormals apart", () => {
    const edges = [0, -0, Infinity, -Infinity, NaN, 1e-45, -1e-45, 1, -1, 3.4028234663852886e38];
    for (let pass = 0; pass < 2; pass++)
      for (const k of [4, 5, -3, -4, 0.5])
        for (const x of edges) expect(rememberedPowf(x, k)).toBe(sleefPowf(x, k));
    expect(Object.is(rememberedPowf(-0, 5), -0)).toBe(true);
    expect(Object.is(rememberedPowf(0, 5), 0)).toBe(true);
  });

  it("takes the float's value, as sleefPowf does (a double input is rounded first)", () => {
    const d = 1.0000000001; // rounds to 1 as a float
    expect(rememberedPowf(d, 5)).toBe(sleefPowf(d, 5));
    expect(rememberedPowf(1.5, 5)).toBe(sleefPowf(1.5, 5));
  });
});
