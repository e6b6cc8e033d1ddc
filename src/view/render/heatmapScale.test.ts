import { describe, expect, it } from "vitest";
import { heatCell } from "./heatmapScale";

describe("heatCell", () => {
  it("is blue below zero and red above, stronger with |value|", () => {
    expect(heatCell(-1)).toEqual({ className: "gl-heat-neg", opacity: 1 });
    expect(heatCell(1)).toEqual({ className: "gl-heat-pos", opacity: 1 });
    expect(heatCell(0.5)!.opacity).toBeGreaterThan(heatCell(0.1)!.opacity);
    expect(heatCell(-0.5)!.opacity).toBe(heatCell(0.5)!.opacity);
  });

  it("keeps a tiny value visible, and draws nothing for zero", () => {
    expect(heatCell(0.001)!.opacity).toBeGreaterThanOrEqual(0.1);
    expect(heatCell(0)).toBeNull();
  });

  it("draws NaN and ±∞ cells in the error colour at full strength", () => {
    expect(heatCell(null)).toEqual({ className: "gl-heat-bad", opacity: 1 });
    expect(heatCell(NaN)).toEqual({ className: "gl-heat-bad", opacity: 1 });
  });
});
