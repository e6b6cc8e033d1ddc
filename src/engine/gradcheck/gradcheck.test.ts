import { mapToFloat64 } from "../tensor/floatArray";
import { describe, expect, it } from "vitest";
import { record } from "../tensor/autograd/gradNode";
import { mul, sum, tensor, Tensor } from "../tensor/index";
import { describeMismatches, gradcheck } from "./gradcheck";

/** x³ with a deliberately wrong VJP (2x² instead of 3x²), to see gradcheck catch it. */
function wrongCube(x: Tensor): Tensor {
  const v = mapToFloat64(x.values(), (e) => e * e * e);
  return record(
    Tensor.fromValues(v, x.shape, x.dtype),
    "cube",
    [x],
    (g) => [mul(g, mul(mul(x, x), 2))],
    ["wrong on purpose"],
    [x],
  );
}

describe("gradcheck", () => {
  it("passes a correct op and reports how many elements it compared", () => {
    const x = tensor(
      [
        [1, 2],
        [3, 4],
      ],
      { dtype: "float64", requiresGrad: true },
    );
    const r = gradcheck((a) => mul(a, a), [x]);
    expect(r.ok).toBe(true);
    expect(r.checked).toBe(16);
  });

  it("reports every mismatching element with its index, the analytic and the numeric value", () => {
    const x = tensor([1, -2], { dtype: "float64", requiresGrad: true });
    const r = gradcheck((a) => sum(wrongCube(a)), [x]);
    expect(r.ok).toBe(false);
    expect(r.mismatches).toHaveLength(2);
    expect(r.mismatches[1]).toMatchObject({ input: 0, inputIndex: [1], output: 0, analytic: 8 });
    expect(r.mismatches[1].numeric).toBeCloseTo(12, 6);
    expect(describeMismatches(r)).toContain("input 0[1] → output[0]: analytic 8, numeric 12");
  });

  it("uses PyTorch's tolerances (atol 1e-5, rtol 1e-3) unless told otherwise", () => {
    const x = tensor([1000], { dtype: "float64", requiresGrad: true });
    // 1e-4 relative error in the VJP: inside rtol 1e-3, outside rtol 1e-5.
    const slightlyOff = (a: Tensor) =>
      record(
        Tensor.fromValues(
          mapToFloat64(a.values(), (e) => 2 * e),
          a.shape,
          a.dtype,
        ),
        "twice",
        [a],
        (g) => [mul(g, 2.0002)],
        [""],
      );
    expect(gradcheck(slightlyOff, [x]).ok).toBe(true);
    expect(gradcheck(slightlyOff, [x], { rtol: 1e-5 }).ok).toBe(false);
  });

  it("refuses inputs that are not float64 leaves", () => {
    const x = tensor([1], { dtype: "float32", requiresGrad: true });
    expect(() => gradcheck((a) => a, [x])).toThrow(
      "gradcheck inputs must be contiguous float64 leaf tensors",
    );
  });
});
