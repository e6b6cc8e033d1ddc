import { describe, expect, it } from "vitest";
import { backward, tensor, zeros } from "../index";
import { smoothL1Loss } from "./smoothL1Loss";

/** Values recorded with PyTorch 1.13.1: `F.smooth_l1_loss(x, zeros(3))` in float64. */
describe("smoothL1Loss", () => {
  it("is ½d² within β and |d| − ½β beyond it, averaged; its gradient d/β or ±1, over N", () => {
    const x = tensor([0.1, -3.0, 0.7], { dtype: "float64", requiresGrad: true });
    const loss = smoothL1Loss(x, zeros([3], { dtype: "float64" }));
    expect(loss.item()).toBe(0.9166666666666666);
    backward(loss);
    expect(Array.from(x.grad!.values())).toEqual([
      0.03333333333333333, -0.3333333333333333, 0.2333333333333333,
    ]);
  });

  it("rejects a negative beta and an unknown reduction as PyTorch does", () => {
    const x = tensor([1.0]);
    expect(() => smoothL1Loss(x, x, "mean", -1)).toThrow(
      "smooth_l1_loss does not support negative values for beta.",
    );
    expect(() => smoothL1Loss(x, x, "avg" as "mean")).toThrow("avg is not a valid value for reduction");
  });
});
