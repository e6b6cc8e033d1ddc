import { describe, expect, it } from "vitest";
import {
  backward,
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  crossEntropy,
  logSoftmax,
  mseLoss,
  nllLoss,
  softmax,
  tensor,
} from "../index";

// Expected values from python3 (math module): e.g. cross-entropy of [1, 2, 3] at class 2 is
// -3 + log(e^1 + e^2 + e^3) = 0.40760596444438013.
const f64 = (data: number[] | number[][], requiresGrad = false) =>
  tensor(data, { dtype: "float64", requiresGrad });
const ints = (v: number[]) => tensor(v, { dtype: "int64" });

describe("softmax and log_softmax", () => {
  it("are stable for large logits", () => {
    const s = softmax(f64([1, 2, 3]), 0).toNested() as number[];
    [0.09003057317038046, 0.24472847105479767, 0.6652409557748219].forEach((v, i) =>
      expect(s[i]).toBeCloseTo(v, 15),
    );
    expect(softmax(f64([1000, 0]), 0).toNested()).toEqual([1, 0]);
    expect(logSoftmax(f64([[1000, 0]]), 1).toNested()).toEqual([[0, -1000]]);
  });
});

describe("losses", () => {
  it("mse_loss with mean, sum and none", () => {
    const x = f64([1, 2, 3]);
    const y = f64([1.5, 2, 5]);
    expect(mseLoss(x, y).item()).toBeCloseTo(4.25 / 3, 15);
    expect(mseLoss(x, y, "sum").item()).toBe(4.25);
    expect(mseLoss(x, y, "none").toNested()).toEqual([0.25, 0, 4]);
    const p = f64([1, 2, 3], true);
    backward(mseLoss(p, y));
    expect(p.grad?.toNested()).toEqual([(2 * -0.5) / 3, 0, (2 * -2) / 3]);
  });

  it("mse_loss with an integer target: the loss, then PyTorch 1.13's error in backward", () => {
    const p = tensor([[0.5, 1.5]], { dtype: "float32", requiresGrad: true });
    const loss = mseLoss(p, tensor([[1, 2]], { dtype: "int64" }));
    expect(loss.item()).toBe(0.25);
    expect(() => backward(loss)).toThrow("Found dtype Long but expected Float");
  });

  it("binary cross-entropy, with PyTorch's checks", () => {
    expect(binaryCrossEntropy(f64([0.2, 0.9]), f64([0, 1])).item()).toBeCloseTo(0.164252033486018, 15);
    expect(binaryCrossEntropy(f64([0, 1]), f64([1, 0]), "none").toNested()).toEqual([100, 100]);
    expect(() => binaryCrossEntropy(f64([1.5]), f64([1]))).toThrow(
      "all elements of input should be between 0 and 1",
    );
    expect(() => binaryCrossEntropy(f64([0.5]), f64([[1]]))).toThrow(
      "Using a target size (torch.Size([1, 1])) that is different to the input size (torch.Size([1])) is deprecated. Please ensure they have the same size.",
    );
  });

  it("binary cross-entropy with logits stays finite for huge logits", () => {
    const x = f64([-1000, 0, 1000], true);
    const loss = binaryCrossEntropyWithLogits(x, f64([0, 1, 1]));
    expect(loss.item()).toBeCloseTo(0.23104906018664842, 15);
    backward(loss);
    expect(x.grad?.toNested()).toEqual([0, -0.5 / 3, 0]);
  });

  it("cross-entropy from logits with class indices, ignore_index and weights", () => {
    const logits = f64(
      [
        [1, 2, 3],
        [1000, 0, -1000],
      ],
      true,
    );
    expect(crossEntropy(logits, ints([2, 0])).item()).toBeCloseTo(0.20380298222219007, 15);
    expect(crossEntropy(logits, ints([2, -100])).item()).toBeCloseTo(0.40760596444438013, 15);
    expect(crossEntropy(logits, ints([2, 0]), { weight: f64([1, 2, 3]) }).item()).toBeCloseTo(
      0.3057044733332851,
      15,
    );
    expect(crossEntropy(logits, ints([2, 0]), { reduction: "none" }).shape).toEqual([2]);
    backward(crossEntropy(logits, ints([2, 0])));
    const g = logits.grad?.toNested() as number[][];
    expect(g[0][2]).toBeCloseTo((0.6652409557748219 - 1) / 2, 15);
    expect(g[1]).toEqual([0, 0, 0]);
  });

  it("cross-entropy with label smoothing, weighted or not (PyTorch's normalisation)", () => {
    expect(crossEntropy(f64([[1, 2, 3]]), ints([2]), { labelSmoothing: 0.1 }).item()).toBeCloseTo(
      0.5076059644443801,
      14,
    );
    const weighted = crossEntropy(
      f64([
        [1, 2, 3],
        [3, 1, 2],
      ]),
      ints([2, 1]),
      { labelSmoothing: 0.2, weight: f64([1, 2, 3]) },
    );
    expect(weighted.item()).toBeCloseTo(1.1779683925332716, 14);
  });

  it("cross-entropy refuses bad targets as PyTorch does", () => {
    const logits = f64([[1, 2, 3]]);
    expect(() => crossEntropy(logits, ints([3]))).toThrow("Target 3 is out of bounds.");
    expect(() => crossEntropy(logits, f64([2]))).toThrow("expected scalar type Long but found Double");
    expect(() => crossEntropy(logits, ints([1, 2]))).toThrow(
      "Expected input batch_size (1) to match target batch_size (2).",
    );
  });

  it("nll_loss picks −logp at the target", () => {
    expect(
      nllLoss(
        f64([
          [-1, -2],
          [-3, -4],
        ]),
        ints([1, 0]),
      ).item(),
    ).toBe(2.5);
  });
});
