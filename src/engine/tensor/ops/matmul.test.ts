import { describe, expect, it } from "vitest";
import { gemm, gemmUsesSimd, setGemmSimd } from "./gemm";
import { matmul, tensor, zeros, backward, sum, transpose, Tensor } from "../index";

const f64 = (data: number[] | number[][]) => tensor(data, { dtype: "float64" });

describe("matmul with PyTorch's rules", () => {
  it("2-d, dot, vector–matrix, matrix–vector and broadcast batches", () => {
    expect(
      matmul(
        f64([
          [1, 2, 3],
          [4, 5, 6],
        ]),
        f64([
          [1, 0],
          [0, 1],
          [1, 1],
        ]),
      ).toNested(),
    ).toEqual([
      [4, 5],
      [10, 11],
    ]);
    expect(matmul(f64([1, 2, 3]), f64([4, 5, 6])).toNested()).toBe(32);
    expect(
      matmul(
        f64([1, 2]),
        f64([
          [1, 2, 3],
          [4, 5, 6],
        ]),
      ).toNested(),
    ).toEqual([9, 12, 15]);
    expect(
      matmul(
        f64([
          [1, 2],
          [3, 4],
        ]),
        f64([1, 1]),
      ).toNested(),
    ).toEqual([3, 7]);
    expect(
      matmul(zeros([2, 3, 4, 5], { dtype: "float64" }), zeros([5, 6], { dtype: "float64" })).shape,
    ).toEqual([2, 3, 4, 6]);
    expect(
      matmul(zeros([3, 1, 4, 5], { dtype: "float64" }), zeros([2, 5, 6], { dtype: "float64" })).shape,
    ).toEqual([3, 2, 4, 6]);
    expect(matmul(zeros([2, 4, 5], { dtype: "float64" }), zeros([5], { dtype: "float64" })).shape).toEqual([
      2, 4,
    ]);
  });

  it("names both shapes when they do not fit", () => {
    expect(() => matmul(zeros([2, 3]), zeros([4, 5]))).toThrow(
      "mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)",
    );
    expect(() => matmul(zeros([3]), zeros([4]))).toThrow(
      "inconsistent tensor size, expected tensor [3] and src [4] to have the same number of elements, but got 3 and 4 elements respectively",
    );
    expect(() => matmul(zeros([3]), zeros([4, 5]))).toThrow(
      "mat1 and mat2 shapes cannot be multiplied (1x3 and 4x5)",
    );
    expect(() => matmul(zeros([2, 3]), zeros([4]))).toThrow(
      "size mismatch, got input (2), mat (2x3), vec (4)",
    );
    expect(() => matmul(zeros([]), zeros([4]))).toThrow(
      "both arguments to matmul need to be at least 1D, but they are 0D and 1D",
    );
  });

  it("gives g·Bᵀ and Aᵀ·g, and works on transposed views", () => {
    const a = tensor(
      [
        [1, 2],
        [3, 4],
      ],
      { dtype: "float64", requiresGrad: true },
    );
    const b = tensor(
      [
        [5, 6],
        [7, 8],
      ],
      { dtype: "float64", requiresGrad: true },
    );
    backward(sum(matmul(transpose(a, 0, 1), b)));
    expect(a.grad?.toNested()).toEqual([
      [11, 11],
      [15, 15],
    ]);
    expect(b.grad?.toNested()).toEqual([
      [3, 3],
      [7, 7],
    ]);
  });
});

describe("the blocked gemm kernel", () => {
  function reference(
    m: number,
    n: number,
    k: number,
    a: (i: number, p: number) => number,
    b: (p: number, j: number) => number,
  ) {
    const c = new Float64Array(m * n);
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) s += a(i, p) * b(p, j);
        c[i * n + j] = s;
      }
    return c;
  }

  it("matches the textbook product for every transpose combination and ragged sizes", () => {
    const [m, n, k] = [67, 45, 301];
    const A = Float64Array.from({ length: m * k }, (_, i) => Math.sin(i));
    const B = Float64Array.from({ length: k * n }, (_, i) => Math.cos(i * 0.7));
    for (const ta of [false, true])
      for (const tb of [false, true]) {
        // A is stored as m×k (or k×m when transposed), B as k×n (or n×k).
        const aAt = (i: number, p: number) => (ta ? A[p * m + i] : A[i * k + p]);
        const bAt = (p: number, j: number) => (tb ? B[j * k + p] : B[p * n + j]);
        const c = new Float64Array(m * n + 3);
        gemm(m, n, k, A, 0, ta ? 1 : k, ta ? m : 1, B, 0, tb ? 1 : n, tb ? k : 1, c, 3, n, false);
        const want = reference(m, n, k, aAt, bAt);
        let err = 0;
        for (let i = 0; i < want.length; i++) err = Math.max(err, Math.abs(c[i + 3] - want[i]));
        expect(err).toBeLessThan(1e-12);
      }
  });

  it("runs its micro-kernel in WebAssembly SIMD on Node, with the JavaScript kernel's sums bit for bit", () => {
    expect(gemmUsesSimd()).toBe(true);
    // Ragged edges, several KC slabs, a B wide enough to grow the kernel's memory, transposes.
    for (const [m, n, k] of [
      [5, 7, 9],
      [67, 45, 301],
      [9, 1500, 40],
      [130, 3, 600],
    ]) {
      const A = Float64Array.from({ length: m * k }, (_, i) => Math.sin(i * 1.3) * 1e3 ** Math.cos(i));
      const B = Float64Array.from({ length: k * n }, (_, i) => Math.cos(i * 0.7) - 0.1);
      for (const ta of [false, true])
        for (const tb of [false, true]) {
          const product = (simd: boolean) => {
            setGemmSimd(simd);
            const c = Float64Array.from({ length: m * n + 2 }, (_, i) => i * 0.25);
            gemm(m, n, k, A, 0, ta ? 1 : k, ta ? m : 1, B, 0, tb ? 1 : n, tb ? k : 1, c, 2, n, true);
            return c;
          };
          const js = product(false);
          const wasm = product(true);
          for (let i = 0; i < js.length; i++) expect(Object.is(wasm[i], js[i])).toBe(true);
        }
    }
    expect(gemmUsesSimd()).toBe(true);
  });

  it("accumulates into C when asked", () => {
    const c = new Float64Array([1, 1, 1, 1]);
    gemm(2, 2, 1, new Float64Array([1, 2]), 0, 1, 1, new Float64Array([3, 4]), 0, 2, 1, c, 0, 2, true);
    expect([...c]).toEqual([4, 5, 7, 9]);
  });

  it("matches on a W3-sized product through the tensor API", () => {
    const x = Tensor.fromValues(
      Float64Array.from({ length: 64 * 200 }, (_, i) => ((i * 7919) % 101) / 101),
      [64, 200],
      "float64",
    );
    const w = Tensor.fromValues(
      Float64Array.from({ length: 200 * 33 }, (_, i) => ((i * 104729) % 97) / 97 - 0.5),
      [200, 33],
      "float64",
    );
    const y = matmul(x, w).values();
    const want = reference(
      64,
      33,
      200,
      (i, p) => x.at(i, p),
      (p, j) => w.at(p, j),
    );
    for (let i = 0; i < want.length; i++) expect(Math.abs(y[i] - want[i])).toBeLessThan(1e-12);
  });
});
