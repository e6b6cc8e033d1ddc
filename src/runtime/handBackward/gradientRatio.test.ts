import { describe, expect, it } from "vitest";
import { ratioHint } from "./gradientRatio";

const f = (xs: number[]) => Float64Array.from(xs);

describe("ratioHint", () => {
  it("names the factor of a sum's gradient used for a mean's", () => {
    expect(ratioHint(f([0.8, -0.4, 0.2, 0]), f([0.2, -0.1, 0.05, 0]))).toBe(
      "yours is 4 times the chain rule's at every element (a mean over 4 values differentiated as their sum?)",
    );
  });

  it("names a flipped sign and a factor that is not a whole number", () => {
    expect(ratioHint(f([-1, 2]), f([1, -2]))).toBe(
      "yours is the chain rule's with the opposite sign at every element",
    );
    expect(ratioHint(f([0.5, 1]), f([1, 2]))).toBe("yours is 0.5 times the chain rule's at every element");
  });

  it("says nothing when the two are not proportional, or too few values are not zero", () => {
    expect(ratioHint(f([0.8, -0.4]), f([0.2, -0.2]))).toBeNull();
    expect(ratioHint(f([4, 0]), f([1, 0]))).toBeNull();
    expect(ratioHint(f([1, 2]), f([1, 2]))).toBeNull();
    expect(ratioHint(f([NaN, 2]), f([1, 2]))).toBeNull();
  });
});
