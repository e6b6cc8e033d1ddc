import { describe, expect, it } from "vitest";
import {
  arange,
  eye,
  full,
  Generator,
  linspace,
  manualSeed,
  mean,
  mul,
  dropout,
  uniformInPlace,
  normalInPlace,
  multinomial,
  oneHot,
  ones,
  onesLike,
  pytorchGradFnName,
  rand,
  randint,
  randn,
  randperm,
  sum,
  tensor,
  zeros,
  matmul,
  add,
} from "./index";

describe("creation", () => {
  it("tensor from nested lists, with PyTorch's errors for ragged ones", () => {
    const x = tensor(
      [
        [1, 2],
        [3, 4],
      ],
      { dtype: "float64" },
    );
    expect(x.shape).toEqual([2, 2]);
    expect(x.strides).toEqual([2, 1]);
    expect(tensor(5).shape).toEqual([]);
    expect(tensor([]).shape).toEqual([0]);
    expect(tensor([1.5]).dtype).toBe("float32");
    expect(() => tensor([[1, 2], [3]])).toThrow("expected sequence of length 2 at dim 1 (got 1)");
  });

  it("truth value, len and item follow Python's rules for tensors", () => {
    expect(tensor([0]).toBool()).toBe(false);
    expect(() => tensor([1, 2]).toBool()).toThrow(
      "Boolean value of Tensor with more than one value is ambiguous",
    );
    expect(tensor([[1, 2]]).length()).toBe(1);
    expect(() => tensor(3).length()).toThrow("len() of a 0-d tensor");
    expect(() => tensor([1, 2]).item()).toThrow("a Tensor with 2 elements cannot be converted to Scalar");
  });

  it("zeros, ones, full, *_like, arange, linspace, eye", () => {
    expect(zeros([2, 3]).toNested()).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(ones([2]).dtype).toBe("float32");
    expect(full([2], 7, { dtype: "int64" }).toNested()).toEqual([7, 7]);
    expect(onesLike(tensor([1, 2], { dtype: "int64" })).dtype).toBe("int64");
    expect(arange(0, 5, 2, { allInts: true }).toNested()).toEqual([0, 2, 4]);
    expect(arange(0, 5, 2, { allInts: true }).dtype).toBe("int64");
    expect(arange(1, 0, -0.25, { dtype: "float64" }).toNested()).toEqual([1, 0.75, 0.5, 0.25]);
    expect(linspace(0, 1, 5, { dtype: "float64" }).toNested()).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(eye(2, 3).toNested()).toEqual([
      [1, 0, 0],
      [0, 1, 0],
    ]);
    expect(() => zeros([-1])).toThrow("Trying to create tensor with negative dimension -1: [-1]");
  });

  it("seeded random streams are reproducible and have the right moments", () => {
    manualSeed(42);
    const a = randn([1000], { dtype: "float64" });
    manualSeed(42);
    const b = randn([1000], { dtype: "float64" });
    expect([...a.values()]).toEqual([...b.values()]);
    expect(Math.abs(mean(a).item())).toBeLessThan(0.1);
    expect(Math.abs(mean(mul(a, a)).item() - 1)).toBeLessThan(0.15);
    const g = new Generator(7);
    const u = rand([1000], { generator: g, dtype: "float64" }).values();
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    const r = randint(0, 3, [200]).values();
    expect(new Set(r)).toEqual(new Set([0, 1, 2]));
    expect([...randperm(5).values()].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it("multinomial draws by weight, without repeats unless asked", () => {
    manualSeed(3);
    expect(multinomial(tensor([0, 1, 0], { dtype: "float64" }), 4, true).toNested()).toEqual([1, 1, 1, 1]);
    expect([...multinomial(tensor([1, 1, 1], { dtype: "float64" }), 3).values()].sort()).toEqual([0, 1, 2]);
    expect(
      multinomial(
        tensor(
          [
            [1, 0],
            [0, 1],
          ],
          { dtype: "float64" },
        ),
        1,
      ).toNested(),
    ).toEqual([[0], [1]]);
    expect(() => multinomial(tensor([1, 1], { dtype: "float64" }), 3)).toThrow(
      "cannot sample n_sample > prob_dist.size(-1) samples without replacement",
    );
  });

  it("uniform_ and normal_ fill in place from the generator; dropout keeps the expectation", () => {
    const w = zeros([1000], { dtype: "float64" });
    uniformInPlace(w, -2, 2, new Generator(5));
    expect(Math.min(...w.values())).toBeGreaterThanOrEqual(-2);
    expect(Math.max(...w.values())).toBeLessThan(2);
    normalInPlace(w, 10, 0.1, new Generator(5));
    expect(Math.abs(mean(w).item() - 10)).toBeLessThan(0.05);
    const d = dropout(ones([2000], { dtype: "float64" }), 0.25, true, new Generator(9));
    const kept = [...d.values()].filter((v) => v !== 0);
    expect(new Set(kept)).toEqual(new Set([1 / 0.75]));
    expect(Math.abs(kept.length / 2000 - 0.75)).toBeLessThan(0.05);
    const x = ones([3]);
    expect(dropout(x, 0.5, false)).toBe(x);
  });

  it("one_hot", () => {
    expect(oneHot(tensor([0, 2], { dtype: "int64" })).toNested()).toEqual([
      [1, 0, 0],
      [0, 0, 1],
    ]);
    expect(() => oneHot(tensor([3], { dtype: "int64" }), 2)).toThrow(
      "Class values must be smaller than num_classes.",
    );
  });

  it("names grad_fn as PyTorch prints it", () => {
    const w = tensor([[1, 2]], { dtype: "float64", requiresGrad: true });
    expect(pytorchGradFnName(w)).toBeNull();
    expect(pytorchGradFnName(sum(w))).toBe("SumBackward0");
    expect(pytorchGradFnName(sum(w, 1))).toBe("SumBackward1");
    expect(pytorchGradFnName(mean(w))).toBe("MeanBackward0");
    expect(pytorchGradFnName(matmul(w, tensor([[1], [2]], { dtype: "float64" })))).toBe("MmBackward0");
    expect(pytorchGradFnName(add(w, 1))).toBe("AddBackward0");
  });
});
