import { describe, expect, it } from "vitest";
import { add, backward, mul, sum, tensor } from "../index";

describe("backward through a value used on two paths", () => {
  it("adds both contributions before passing x on (x * w + x)", () => {
    // y = x·w + x; L = Σ y²: ∂L/∂x = 2y·(w + 1). With x = [1, 2], w = [3, −1]: y = [4, 0],
    // so ∂L/∂x = [8·4, 0] = [32, 0] and ∂L/∂w = 2y·x = [8, 0].
    const x = tensor([1, 2], { requiresGrad: true });
    const w = tensor([3, -1], { requiresGrad: true });
    const y = add(mul(x, w), x);
    const traced = backward(sum(mul(y, y)), { trace: true })!;
    expect(Array.from(x.grad!.values())).toEqual([32, 0]);
    expect(Array.from(w.grad!.values())).toEqual([8, 0]);
    expect(Array.from(traced.grads.get(x.id)!.values())).toEqual([32, 0]);
  });
});
