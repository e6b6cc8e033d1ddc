import { describe, expect, it } from "vitest";
import { WEIGHT_LEVELS, weightClass } from "./styles";

describe("weightClass", () => {
  it("rounds a weight in [0, 1] to one of the classes, clamping strays", () => {
    expect(weightClass(0)).toBe("gl-w0");
    expect(weightClass(1)).toBe(`gl-w${WEIGHT_LEVELS - 1}`);
    expect(weightClass(0.5)).toBe(`gl-w${Math.round(0.5 * (WEIGHT_LEVELS - 1))}`);
    expect(weightClass(7)).toBe(`gl-w${WEIGHT_LEVELS - 1}`);
    expect(weightClass(-1)).toBe("gl-w0");
  });
});
