import { describe, expect, it } from "vitest";
import { chainRuleText, symbolName } from "./chainRule";

describe("chainRuleText", () => {
  it("spells out upstream × local = contribution for a scalar edge", () => {
    const text = chainRuleText({
      root: "L",
      operand: "w1",
      result: "n",
      upstream: [0.5],
      local: [2],
      contribution: [1],
      resultShape: [],
      operandShape: [],
      rule: "∂(a·b)/∂a = b",
    });
    expect(text).toBe("∂L/∂w1 via n = ∂L/∂n · ∂n/∂w1 = 0.5000 × 2.0000 = 1.0000\n∂(a·b)/∂a = b");
  });

  it("names a tensor edge's product and gives the contribution's norm and shape", () => {
    const text = chainRuleText({
      root: "loss",
      operand: "W",
      result: "x @ W",
      upstream: [1, 1],
      local: null,
      contribution: [3, 4],
      resultShape: [2],
      operandShape: [2],
      rule: "∂(a@b)/∂b = aᵀ · g",
    });
    expect(text).toBe(
      "∂loss/∂W via (x @ W) = ∂loss/∂(x @ W) · ∂(x @ W)/∂W (vector–Jacobian product) = ‖5.0000‖ 2\n∂(a@b)/∂b = aᵀ · g",
    );
  });

  it("is null where nothing flows back", () => {
    const terms = { root: "L", operand: "a", result: "b", upstream: null, local: [1], contribution: null };
    expect(chainRuleText({ ...terms, resultShape: [], operandShape: [], rule: "" })).toBeNull();
  });
});

describe("symbolName", () => {
  it("keeps identifiers, attributes and subscripts bare and wraps expressions", () => {
    expect(symbolName("w1")).toBe("w1");
    expect(symbolName("self.b")).toBe("self.b");
    expect(symbolName("xs[0]")).toBe("xs[0]");
    expect(symbolName("x * w")).toBe("(x * w)");
    expect(symbolName("3")).toBe("(3)");
  });
});
