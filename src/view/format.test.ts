import { describe, expect, it } from "vitest";
import { formatNumber, formatShape, formatValues, magnitude, numberStatus } from "./format";

describe("formatNumber", () => {
  it("prints four decimals, as micrograd's examples do", () => {
    expect(formatNumber(138.83381526)).toBe("138.8338");
    expect(formatNumber(-11)).toBe("-11.0000");
    expect(formatNumber(0.001)).toBe("0.0010");
    expect(formatNumber(999999.5)).toBe("999999.5000");
  });

  it("switches to 4 significant digits in Python's exponent style outside [1e-3, 1e6)", () => {
    expect(formatNumber(0.000123456)).toBe("1.235e-04");
    expect(formatNumber(-1e-7)).toBe("-1.000e-07");
    expect(formatNumber(1e6)).toBe("1.000e+06");
    expect(formatNumber(6.02214076e23)).toBe("6.022e+23");
    expect(formatNumber(1e-300)).toBe("1.000e-300");
  });

  it("shows zero plainly, whatever its sign", () => {
    expect(formatNumber(0)).toBe("0.0000");
    expect(formatNumber(-0)).toBe("0.0000");
  });

  it("names the non-finite values", () => {
    expect(formatNumber(NaN)).toBe("NaN");
    expect(formatNumber(Infinity)).toBe("∞");
    expect(formatNumber(-Infinity)).toBe("−∞");
  });
});

describe("formatValues", () => {
  it("prints a scalar as a number", () => {
    expect(formatValues([2.5], [])).toBe("2.5000");
  });

  it("prints a tensor as its norm and shape", () => {
    expect(formatShape([2, 3])).toBe("2×3");
    expect(formatValues([3, 4], [2])).toBe("‖5.0000‖ 2");
    expect(formatValues([1, 2, 3, 4, 5, 6], [2, 3])).toBe("‖9.5394‖ 2×3");
  });

  it("lets a NaN element show through the norm", () => {
    expect(formatValues([1, NaN], [2])).toBe("NaN 2");
    expect(formatValues([1, Infinity], [2])).toBe("‖∞‖ 2");
  });
});

describe("numberStatus and magnitude", () => {
  it("tells normal, zero and non-finite apart", () => {
    expect(numberStatus([0, -0])).toBe("zero");
    expect(numberStatus([0, 1e-30])).toBe("normal");
    expect(numberStatus([1, NaN])).toBe("nonfinite");
    expect(numberStatus([-Infinity])).toBe("nonfinite");
  });

  it("weighs scalars by absolute value and tensors by norm", () => {
    expect(magnitude([-3])).toBe(3);
    expect(magnitude([3, -4])).toBe(5);
  });
});
