import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { backward } from "../autograd/backward";
import { div, embedding, index, reshape, std, tanh, tensor, variance } from "../index";
import type { Tensor } from "../tensor";

/**
 * float32 results PyTorch 1.13.1 gives and GradLens must give to the last bit: var/std values
 * (double accumulation), and the gradients of var, std, tanh, division and indexing/embedding
 * (each step rounded to float32, repeated rows added one at a time). Recorded by
 * ../fixtures/recordTorchFloatGrads.py; a makemore part 5 run drifted from PyTorch on these.
 */

interface Case {
  op: "var" | "std" | "tanh" | "div" | "index" | "embedding";
  shape: number[];
  dim?: number | number[] | null;
  unbiased?: boolean;
  x: number[];
  g: number[];
  gshape?: number[];
  y?: number[];
  grad: number[];
  b?: number[];
  bshape?: number[];
  bgrad?: number[];
  ix?: number[][];
}

const fixture = JSON.parse(readFileSync(join(__dirname, "../fixtures/torchFloatGrads.json"), "utf8")) as {
  cases: Case[];
};

const f32 = (values: number[], shape: readonly number[]): Tensor =>
  reshape(tensor(values, { dtype: "float32" }), shape);
const vals = (t: Tensor | null | undefined): number[] => Array.from((t as Tensor).values());

function forward(c: Case, x: Tensor, b: Tensor | null): Tensor {
  switch (c.op) {
    case "var":
    case "std": {
      const fn = c.op === "var" ? variance : std;
      const dim = c.dim ?? undefined;
      const correction = c.unbiased ? 1 : 0;
      return fn(x, dim, correction, c.dim !== null, "torch");
    }
    case "tanh":
      return tanh(x);
    case "div":
      return div(x, b as Tensor);
    case "index":
      return index(x, [tensor(c.ix as number[][], { dtype: "int64" })]);
    case "embedding":
      return embedding(tensor(c.ix as number[][], { dtype: "int64" }), x);
  }
}

describe("float32 values and gradients as PyTorch 1.13.1 rounds them", () => {
  for (const c of fixture.cases) {
    const what = c.op === "var" || c.op === "std" ? `${c.op}(dim=${JSON.stringify(c.dim)})` : c.op;
    it(`${what} of a ${c.shape.join("×")} float32 tensor, and its gradient`, () => {
      // leaves made requiring grad after the reshape, so .grad lands on the tensors we read
      const x = f32(c.x, c.shape);
      x.requiresGrad = true;
      let b: Tensor | null = null;
      if (c.b !== undefined) {
        b = f32(c.b, c.bshape as number[]);
        b.requiresGrad = true;
      }
      const y = forward(c, x, b);
      if (c.y !== undefined) expect(vals(y)).toEqual(c.y);
      backward(y, { gradient: f32(c.g, c.gshape ?? y.shape) });
      expect(vals(x.grad)).toEqual(c.grad);
      if (c.bgrad !== undefined) expect(vals(b?.grad)).toEqual(c.bgrad);
    });
  }
});
