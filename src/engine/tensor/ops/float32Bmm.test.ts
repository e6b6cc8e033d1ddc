import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fnvFloat32 } from "../fixtures/fnvFloat32";
import { Generator, Tensor, backward, bmm, matmul, randn, transpose } from "../index";

/** A result as recordTorchBmm.py keeps it: FNV-1a of its float32 bits, and short values whole. */
interface Summary {
  shape: number[];
  hash: number;
  values?: number[];
}

interface Spec {
  base: number[];
  t: [number, number] | null;
}

interface BmmCase {
  op: "bmm" | "matmul";
  a: Spec;
  b: Spec;
  g_t: [number, number] | null;
  out: Summary;
  a_grad: Summary;
  b_grad: Summary;
}

const fixture = JSON.parse(readFileSync(join(__dirname, "../fixtures/torchBmm.json"), "utf8")) as {
  cases: BmmCase[];
};

function expectSummary(t: Tensor | null, s: Summary): void {
  if (t === null) throw new Error("missing tensor");
  expect(t.shape).toEqual(s.shape);
  if (s.values !== undefined) expect(Array.from(t.values())).toEqual(s.values);
  expect(fnvFloat32(t)).toBe(s.hash);
}

/** torch.randn(base, generator=seed), transposed as the spec says (a leaf that wants a grad). */
function operand(spec: Spec, seed: number): Tensor {
  const x0 = randn(spec.base, { generator: new Generator(seed), dtype: "float32" });
  const x = spec.t ? transpose(x0, spec.t[0], spec.t[1]) : x0;
  x.requiresGrad = true;
  return x;
}

function label(c: BmmCase): string {
  const show = (s: Spec): string => `[${s.base.join(",")}]${s.t ? `ᵀ${s.t.join("")}` : ""}`;
  return `${c.op} ${show(c.a)} · ${show(c.b)}${c.g_t ? ", transposed gradient" : ""}`;
}

describe("float32 batched products in PyTorch 1.13's order (ATen's loop below 400 multiply-adds, sgemm per matrix above)", () => {
  for (const c of fixture.cases) {
    it(label(c), () => {
      const a = operand(c.a, 11);
      const b = operand(c.b, 12);
      const out = c.op === "bmm" ? bmm(a, b) : matmul(a, b);
      expectSummary(out, c.out);
      const gShape = [...c.out.shape];
      if (c.g_t) [gShape[c.g_t[0]], gShape[c.g_t[1]]] = [gShape[c.g_t[1]], gShape[c.g_t[0]]];
      const g0 = randn(gShape, { generator: new Generator(13), dtype: "float32" });
      const g = c.g_t ? transpose(g0, c.g_t[0], c.g_t[1]) : g0;
      backward(out, { gradient: g });
      expectSummary(a.grad, c.a_grad);
      expectSummary(b.grad, c.b_grad);
    });
  }
});
