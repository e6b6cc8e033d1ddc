import { describe, expect, it } from "vitest";
import { meterMemoryWith } from "../memory";
import { backward, full, Generator, matmul, mul, randn, sum, tanh, tensor } from "./index";

/** Bytes charged while `f` runs. */
function charged(f: () => void): number {
  let bytes = 0;
  const count = (b: number) => {
    bytes += b;
  };
  const previous = meterMemoryWith({ charge: count, chargeMade: count });
  try {
    f();
  } finally {
    meterMemoryWith(previous);
  }
  return bytes;
}

describe("float32 storage", () => {
  it("a float32 tensor of n elements charges 4n bytes, a float64 one 8n", () => {
    expect(charged(() => full([1000], 0.1, { dtype: "float32" }))).toBe(4000);
    expect(charged(() => full([1000], 0.1, { dtype: "float64" }))).toBe(8000);
    const t = full([3], 0.1, { dtype: "float32" });
    expect(t.storage.data).toBeInstanceOf(Float32Array);
    expect([...t.values()]).toEqual([Math.fround(0.1), Math.fround(0.1), Math.fround(0.1)]);
  });

  it("values and gradients are float32 numbers, the same as computed in float64 and rounded", () => {
    const g = new Generator(42);
    const w = randn([8, 5], { generator: g, requiresGrad: true });
    const x = randn([4, 8], { generator: g });
    const loss = sum(mul(tanh(matmul(x, w)), 0.5));
    backward(loss);
    expect(w.storage.data).toBeInstanceOf(Float32Array);
    expect(w.grad!.storage.data).toBeInstanceOf(Float32Array);
    // the same draw read back from a fresh generator: stored exactly
    expect([...w.values()]).toEqual([...randn([8, 5], { generator: new Generator(42) }).values()]);
    for (const v of w.grad!.values()) expect(v).toBe(Math.fround(v));
    expect(loss.item()).toBe(Math.fround(loss.item()));
  });

  it("a float32 tensor's copy and tolist give float64 numbers equal to the stored float32 ones", () => {
    const t = tensor([0.1, 1 / 3, 1e-8], { dtype: "float32" });
    const c = t.copyValues();
    expect(c).toBeInstanceOf(Float64Array);
    expect([...c]).toEqual([0.1, 1 / 3, 1e-8].map(Math.fround));
    expect(t.toNested()).toEqual([0.1, 1 / 3, 1e-8].map(Math.fround));
  });
});
