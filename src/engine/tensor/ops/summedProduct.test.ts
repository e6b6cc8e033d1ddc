import { describe, expect, it } from "vitest";
import { withNoGrad } from "../autograd/gradMode";
import { tensor } from "../create";
import { gradFor } from "./broadcast";
import { mul } from "./elementwise";
import { summedProduct } from "./summedProduct";

/** Values with a wide spread of magnitudes and signs, so the order of the sum shows in the result. */
function values(n: number, seed: number): number[] {
  const out: number[] = [];
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    out.push((s / 2 ** 31 - 0.5) * 10 ** ((i % 7) - 2));
  }
  return out;
}

describe("a one-element operand's gradient of ·, summed without the product tensor", () => {
  for (const dtype of ["float32", "float64"] as const)
    for (const n of [2, 7, 8, 33, 257, 2000, 5001])
      it(`is the float of mul then sum (${dtype}, ${n} elements)`, () => {
        const g = tensor(values(n, n), { dtype });
        const x = tensor(values(n, 7 * n), { dtype });
        const param = tensor(0.5, { dtype });
        const [fast, general] = withNoGrad(() => [summedProduct(g, x, param), gradFor(mul(g, x), param)]);
        expect(fast).not.toBeNull();
        expect(fast!.shape).toEqual([]);
        expect(fast!.dtype).toBe(dtype);
        expect(fast!.item()).toBe(general.item());
      });

  it("matches on a [n, 1] gradient summed to a [1, 1] operand", () => {
    const g = tensor(
      values(40, 3).map((v) => [v]),
      { dtype: "float32" },
    );
    const x = tensor(
      values(40, 5).map((v) => [v]),
      { dtype: "float32" },
    );
    const param = tensor([[1]], { dtype: "float32" });
    const [fast, general] = withNoGrad(() => [summedProduct(g, x, param), gradFor(mul(g, x), param)]);
    expect(fast!.shape).toEqual([1, 1]);
    expect(fast!.item()).toBe(general.item());
  });

  it("leaves other cases to mul and sum: grad mode on, mixed dtypes, broadcasting, many-element operands", () => {
    const g = tensor(values(8, 1), { dtype: "float32" });
    const x = tensor(values(8, 2), { dtype: "float32" });
    const param = tensor(0.5, { dtype: "float32" });
    expect(summedProduct(g, x, param)).toBeNull();
    withNoGrad(() => {
      expect(summedProduct(g, tensor(values(8, 2), { dtype: "float64" }), param)).toBeNull();
      expect(summedProduct(g, tensor(2, { dtype: "float32" }), param)).toBeNull();
      expect(summedProduct(g, x, tensor([1, 2], { dtype: "float32" }))).toBeNull();
    });
  });
});
