import { describe, expect, it } from "vitest";
import { formatNumber } from "../view/format";
import { numberText, valuesText } from "./numberText";

describe("numberText", () => {
  it("is the graph's formatNumber at the default precision", () => {
    for (const x of [138.83381, -4, 0, 1.2345e-5, 3e7, NaN, Infinity, -Infinity]) {
      expect(numberText(x)).toBe(formatNumber(x));
    }
  });

  it("keeps a small number visible at fewer decimals", () => {
    expect(numberText(0.1234, 2)).toBe("0.12");
    expect(numberText(0.01234, 2)).toBe("1.2e-02");
    expect(numberText(-2500000, 2)).toBe("-2.5e+06");
    expect(numberText(0, 2)).toBe("0.00");
    expect(numberText(1 / 3, 6)).toBe("0.333333");
    expect(numberText(-Infinity, 2)).toBe("−∞");
  });

  it("shows a tensor as its norm and shape", () => {
    expect(valuesText([3, 4], [2], 2)).toBe("‖5.00‖ 2");
    expect(valuesText([1, NaN, 0, 0, 0, 0], [2, 3])).toBe("NaN 2×3");
    expect(valuesText([-4], [])).toBe("-4.0000");
  });
});
