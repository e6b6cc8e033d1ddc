import { describe, expect, it } from "vitest";
import { formatExponential, formatFixed, formatTensor } from "./format";
import { arange, mul, sum, tensor, zeros, type Nested } from "./index";

// Expected strings are what PyTorch 2.x prints with its default print options.
const f32 = (data: Nested, requiresGrad = false) => tensor(data, { dtype: "float32", requiresGrad });

describe("PyTorch's number formatting", () => {
  it("rounds half to even on the exact value, as Python's format does", () => {
    expect(formatFixed(0.125, 2)).toBe("0.12");
    expect(formatFixed(0.375, 2)).toBe("0.38");
    expect(formatFixed(2.5, 0)).toBe("2");
    expect(formatFixed(1.00005, 4)).toBe("1.0001"); // 1.00005 is slightly above in binary
    expect(formatFixed(-0.00001, 4)).toBe("-0.0000");
    expect(formatExponential(1e-5, 4)).toBe("1.0000e-05");
    expect(formatExponential(123456, 4)).toBe("1.2346e+05");
    expect(formatExponential(9.99996, 4)).toBe("1.0000e+01");
    expect(formatExponential(-2.5e-300, 2)).toBe("-2.50e-300");
  });
});

describe("repr(tensor)", () => {
  it("floats: whole numbers get a dot, others 4 decimals, one column width", () => {
    expect(formatTensor(f32([1, 2, 3]))).toBe("tensor([1., 2., 3.])");
    expect(formatTensor(f32([1.5, 2.25]))).toBe("tensor([1.5000, 2.2500])");
    expect(formatTensor(f32([-1.5, 2]))).toBe("tensor([-1.5000,  2.0000])");
    expect(formatTensor(f32(2.5))).toBe("tensor(2.5000)");
    expect(formatTensor(f32([NaN, 1]))).toBe("tensor([nan, 1.])");
    expect(formatTensor(f32([0, 0]))).toBe("tensor([0., 0.])");
  });

  it("switches to scientific notation when magnitudes are far apart", () => {
    expect(formatTensor(f32([1e-5, 1]))).toBe("tensor([1.0000e-05, 1.0000e+00])");
    expect(formatTensor(tensor([100.5, 0.001], { dtype: "float32" }))).toBe(
      "tensor([1.0050e+02, 1.0000e-03])",
    );
  });

  it("ints, bools, dtype suffixes and empty tensors", () => {
    expect(formatTensor(tensor([1, 2, 3], { dtype: "int64" }))).toBe("tensor([1, 2, 3])");
    expect(formatTensor(tensor([1, 0], { dtype: "bool" }))).toBe("tensor([ True, False])");
    expect(formatTensor(tensor([1, 2], { dtype: "float64" }))).toBe("tensor([1., 2.], dtype=torch.float64)");
    expect(formatTensor(zeros([2, 0]))).toBe("tensor([], size=(2, 0))");
    expect(formatTensor(tensor([], { dtype: "int64" }))).toBe("tensor([], dtype=torch.int64)");
  });

  it("matrices indent their rows under the first, and autograd suffixes follow", () => {
    const x = f32(
      [
        [1, 2],
        [3, 4],
      ],
      true,
    );
    expect(formatTensor(x)).toBe("tensor([[1., 2.],\n        [3., 4.]], requires_grad=True)");
    expect(formatTensor(sum(mul(x, 2)))).toBe("tensor(20., grad_fn=<SumBackward0>)");
    expect(formatTensor(zeros([2, 1, 2]))).toBe("tensor([[[0., 0.]],\n\n        [[0., 0.]]])");
  });

  it("summarises more than 1000 elements with the three first and last, wrapping at 80 columns", () => {
    expect(formatTensor(arange(0, 2000, 1))).toBe(
      "tensor([0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 1.9970e+03, 1.9980e+03,\n        1.9990e+03])",
    );
  });
});
