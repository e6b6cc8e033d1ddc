import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fnvFloat32 } from "../fixtures/fnvFloat32";
import { Generator, Tensor, backward, linear, matmul, randn, transpose } from "../index";
import { fmafChainModule } from "./fmafChainKernel";
import { depthBlocks, openBlasSgemm, setSgemmWasm } from "./openBlasSgemm";

/** A result as recordTorchMm.py keeps it: FNV-1a of its float32 bits, and short values whole. */
interface Summary {
  shape: number[];
  hash: number;
  values?: number[];
}

interface MmCase {
  op: "mm" | "mm_transposed" | "mm_backward";
  m: number;
  k: number;
  n: number;
  out?: Summary;
  a_grad?: Summary;
  b_grad?: Summary;
  a_grad_bt?: Summary;
  bt_grad?: Summary;
}

interface LinearCase {
  op: "linear";
  x: number[];
  k: number;
  n: number;
  bias: boolean;
  y: Summary;
  x_grad: Summary;
  w_grad: Summary;
  b_grad?: Summary;
}

const fixture = JSON.parse(readFileSync(join(__dirname, "../fixtures/torchMm.json"), "utf8")) as {
  cases: (MmCase | LinearCase)[];
};

function expectSummary(t: Tensor | null, s: Summary | undefined): void {
  if (t === null || s === undefined) throw new Error("missing tensor or recorded summary");
  expect(t.shape).toEqual(s.shape);
  if (s.values !== undefined) expect(Array.from(t.values())).toEqual(s.values);
  expect(fnvFloat32(t)).toBe(s.hash);
}

const randnOf = (shape: number[], seed: number, requiresGrad = false): Tensor =>
  randn(shape, { generator: new Generator(seed), dtype: "float32", requiresGrad });

describe.each([
  ["WebAssembly", true],
  ["JavaScript", false],
])("float32 products in PyTorch's summation order (OpenBLAS 0.3.21, Haswell kernel), %s", (_, wasm) => {
  beforeAll(() => setSgemmWasm(wasm));
  afterAll(() => setSgemmWasm(true));
  for (const c of fixture.cases) {
    if (c.op === "mm" || c.op === "mm_transposed") {
      it(`${c.op} ${c.m}×${c.k} · ${c.k}×${c.n}`, () => {
        const a = c.op === "mm" ? randnOf([c.m, c.k], 11) : transpose(randnOf([c.k, c.m], 11), 0, 1);
        const b = c.op === "mm" ? randnOf([c.k, c.n], 12) : transpose(randnOf([c.n, c.k], 12), 0, 1);
        expectSummary(matmul(a, b), c.out);
      });
    } else if (c.op === "mm_backward") {
      it(`gradients of ${c.m}×${c.k} · ${c.k}×${c.n}, with a row-major and a column-major right operand`, () => {
        const g = randnOf([c.m, c.n], 13);
        const a = randnOf([c.m, c.k], 11, true);
        const b = randnOf([c.k, c.n], 12, true);
        backward(matmul(a, b), { gradient: g });
        expectSummary(a.grad, c.a_grad);
        expectSummary(b.grad, c.b_grad);
        const a2 = randnOf([c.m, c.k], 11, true);
        const bt = randnOf([c.n, c.k], 14, true);
        backward(matmul(a2, transpose(bt, 0, 1)), { gradient: g });
        expectSummary(a2.grad, c.a_grad_bt);
        expectSummary(bt.grad, c.bt_grad);
      });
    } else {
      const l = c as LinearCase;
      it(`nn.Linear(${l.k}, ${l.n}${l.bias ? "" : ", bias=False"}) on [${l.x.join(", ")}], forward and backward`, () => {
        const x = randnOf(l.x, 11, true);
        const w = randnOf([l.n, l.k], 12, true);
        const b = l.bias ? randnOf([l.n], 15, true) : null;
        const y = linear(x, w, b);
        expectSummary(y, l.y);
        backward(y, { gradient: randnOf([...y.shape], 13) });
        expectSummary(x.grad, l.x_grad);
        expectSummary(w.grad, l.w_grad);
        if (b !== null) expectSummary(b.grad, l.b_grad);
      });
    }
  }

  it("rounds a step that lands on a halfway point as a fused multiply-add does, not twice", () => {
    // step 2 is fmaf(1 + 2⁻²³, 2⁻²⁴ − 2⁻⁴⁷, 1 + 2⁻²³): exactly 1 + 2⁻²³ + 2⁻²⁴ − 2⁻⁷⁰, just below
    // halfway; the double sum is the halfway point itself, which rounds to even: 1 + 2⁻²²
    const x = 1 + 2 ** -23;
    const c = new Float64Array([0]);
    openBlasSgemm(1, 1, 2, [x, x], 0, 2, 1, [1, 2 ** -24 - 2 ** -47], 0, 1, 1, c, 0, 1, 1);
    expect(c[0]).toBe(x);
    // the same in three columns: two lanes together, and one alone
    const c3 = new Float64Array(3);
    const b3 = [1, 1, 1, 2 ** -24 - 2 ** -47, 2 ** -24 - 2 ** -47, 2 ** -24 - 2 ** -47];
    openBlasSgemm(1, 3, 2, [x, x], 0, 2, 1, b3, 0, 3, 1, c3, 0, 3, 1);
    expect(Array.from(c3)).toEqual([x, x, x]);
  });

  it("overflows to infinity as float32 sums do", () => {
    const c = new Float64Array(2);
    openBlasSgemm(1, 2, 2, [3e38, 3e38].map(Math.fround), 0, 2, 1, [1, -1, 1, -1], 0, 2, 1, c, 0, 2, 1);
    expect(Array.from(c)).toEqual([Infinity, -Infinity]);
  });
});

describe("float32 products: the schedule and the kernel", () => {
  it("the WebAssembly kernel is valid WebAssembly", () => {
    expect(WebAssembly.validate(fmafChainModule(1))).toBe(true);
  });

  it("a product summed exactly and rounded once differs from PyTorch's (the test can fail)", () => {
    const a = randnOf([16, 500], 11);
    const b = randnOf([500, 16], 12);
    const exact = matmul(a, b, "exact");
    const recorded = fixture.cases.find((c) => c.op === "mm" && c.m === 16 && c.k === 500) as MmCase;
    expect(fnvFloat32(exact)).not.toBe(recorded.out?.hash);
    expect(fnvFloat32(matmul(a, b))).toBe(recorded.out?.hash);
  });

  it("cuts the depth as OpenBLAS's drivers do", () => {
    expect(depthBlocks(320, false)).toEqual([[0, 320]]);
    expect(depthBlocks(500, false)).toEqual([
      [0, 256],
      [256, 244],
    ]);
    expect(depthBlocks(500, true)).toEqual([
      [0, 250],
      [250, 250],
    ]);
    expect(depthBlocks(1000, false)).toEqual([
      [0, 320],
      [320, 320],
      [640, 184],
      [824, 176],
    ]);
  });

  it("keeps a bias it starts from, and reads strided operands", () => {
    // 1×2 · 2×1 with C starting at 0.5: fmaf(2, 4, fmaf(1, 3, 0)) + 0.5 = 11.5
    const c = new Float64Array([0.5]);
    openBlasSgemm(1, 1, 2, [9, 1, 9, 2], 1, 0, 2, [3, 4], 0, 1, 1, c, 0, 1, 1);
    expect(c[0]).toBe(11.5);
  });
});
