import { afterEach, describe, expect, it } from "vitest";
import { meterMemoryWith } from "../engine/memory";
import { Tensor } from "../engine/tensor/tensor";
import { index } from "../engine/tensor/ops/indexing";
import { matmul } from "../engine/tensor/ops/matmul";
import { withNoGrad } from "../engine/tensor/autograd/gradMode";
import { MemoryBudget } from "./memoryBudget";

/**
 * Evaluating a whole split (`emb = C[Xtr]`, then a Linear) makes float32 results of tens of
 * millions of elements. Each must cost its 4 bytes an element and not much more while it is
 * made: no float64 copy of the whole result, no array of a position per element.
 */
describe("a no_grad evaluation of a big embedding and linear layer", () => {
  afterEach(() => meterMemoryWith(null));

  const f32 = (n: number, f: (i: number) => number, shape: number[]) =>
    Tensor.fromValues(
      Float64Array.from({ length: n }, (_, i) => f(i)),
      shape,
      "float32",
    );

  it("gathers C[X] of 4M float32 elements within 40 MB (16 MB of result)", () => {
    const C = f32(27 * 24, (i) => Math.sin(i), [27, 24]);
    C.requiresGrad = true;
    const rows = Math.ceil(4_000_000 / 24 / 8);
    const X = Tensor.fromValues(
      Float64Array.from({ length: rows * 8 }, (_, i) => (i * 7) % 27),
      [rows, 8],
      "int64",
    );
    meterMemoryWith(new MemoryBudget(40 * 1024 * 1024));
    const emb = withNoGrad(() => index(C, [X]));
    meterMemoryWith(null);
    expect(emb.shape).toEqual([rows, 8, 24]);
    expect(emb.storage.data).toBeInstanceOf(Float32Array);
    expect(emb.storage.data[24 * 9 + 5]).toBe(Math.fround(Math.sin(((9 * 7) % 27) * 24 + 5)));
  });

  it("multiplies [N, 4, 48] @ [48, 128] into 4M float32 elements within 40 MB", () => {
    const n = Math.ceil(4_000_000 / 4 / 128);
    const x = f32(n * 4 * 48, (i) => ((i % 13) - 6) / 8, [n, 4, 48]);
    const W = f32(48 * 128, (i) => ((i % 7) - 3) / 16, [48, 128]);
    const x2 = f32(n * 4 * 48, (i) => ((i % 13) - 6) / 8, [n * 4, 48]);
    meterMemoryWith(new MemoryBudget(40 * 1024 * 1024));
    const h = withNoGrad(() => matmul(x, W));
    const h2 = withNoGrad(() => matmul(x2, W));
    meterMemoryWith(null);
    expect(h.shape).toEqual([n, 4, 128]);
    expect(h.storage.data).toBeInstanceOf(Float32Array);
    // staged or not, the same bits as a small product of the same rows
    const small = matmul(
      f32(4 * 48, (i) => (((i + 48 * 4 * 5) % 13) - 6) / 8, [4, 48]),
      W,
    );
    expect(Array.from(h.storage.data.subarray(5 * 512, 6 * 512))).toEqual(Array.from(small.storage.data));
    expect(Array.from(h2.storage.data)).toEqual(Array.from(h.storage.data));
  });
});
