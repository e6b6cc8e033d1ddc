import { describe, expect, it } from "vitest";
import { bmm, linear, matmul, ones, pytorchGradFnName } from "../index";

/**
 * The grad_fn PyTorch 1.13.1 prints for a matrix product and for nn.Linear, by the operands'
 * shapes (recorded with CPython + PyTorch: `torch.matmul(a, b).grad_fn.name()`).
 */
const leaf = (...shape: number[]) => ones(shape, { dtype: "float32", requiresGrad: true });
const mm = (a: number[], b: number[]) => pytorchGradFnName(matmul(leaf(...a), leaf(...b)));

describe("pytorchGradFnName of products", () => {
  it("matmul: named by how PyTorch reduces the call to dot/mv/mm (folding, transposing, viewing back)", () => {
    expect(mm([4], [4])).toBe("DotBackward0");
    expect(mm([3, 4], [4, 5])).toBe("MmBackward0");
    expect(mm([3, 4], [4])).toBe("MvBackward0");
    expect(mm([4], [4, 3])).toBe("SqueezeBackward3");
    expect(mm([1, 5, 5], [1, 5, 64])).toBe("UnsafeViewBackward0");
    expect(mm([2, 2, 3, 4], [2, 2, 4, 5])).toBe("UnsafeViewBackward0");
    expect(mm([2, 3, 4], [4, 5])).toBe("UnsafeViewBackward0");
    expect(mm([2, 3, 4], [4])).toBe("UnsafeViewBackward0");
    expect(mm([4], [2, 4, 5])).toBe("UnsafeViewBackward0");
    expect(mm([3, 4], [2, 4, 5])).toBe("CloneBackward0");
    expect(mm([1, 4], [3, 4, 5])).toBe("TransposeBackward0");
    expect(mm([2, 4], [3, 4, 1])).toBe("TransposeBackward0");
    expect(pytorchGradFnName(bmm(leaf(2, 3, 4), leaf(2, 4, 5)))).toBe("BmmBackward0");
  });

  it("nn.Linear: addmm for a matrix, viewed back for a 3-d input, an add after the product otherwise", () => {
    const w = leaf(3, 4);
    const b = leaf(3);
    expect(pytorchGradFnName(linear(leaf(2, 4), w, b))).toBe("AddmmBackward0");
    expect(pytorchGradFnName(linear(leaf(4), w, b))).toBe("AddBackward0");
    expect(pytorchGradFnName(linear(leaf(1, 5, 4), w, b))).toBe("ViewBackward0");
    expect(pytorchGradFnName(linear(leaf(2, 3, 5, 4), w, b))).toBe("AddBackward0");
    expect(pytorchGradFnName(linear(leaf(4), w))).toBe("SqueezeBackward3");
    expect(pytorchGradFnName(linear(leaf(2, 4), w))).toBe("MmBackward0");
    expect(pytorchGradFnName(linear(leaf(1, 5, 4), w))).toBe("UnsafeViewBackward0");
  });
});
