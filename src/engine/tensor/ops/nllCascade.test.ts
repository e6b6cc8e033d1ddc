import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  clone,
  crossEntropy,
  Generator,
  linspace,
  logSoftmax,
  mul,
  nllLoss,
  randint,
  randn,
  requiresGradInPlace,
  reshape,
  tensor,
} from "../index";
import type { Tensor } from "../tensor";
import { backward } from "../autograd/backward";
import { fnvFloat32 } from "../fixtures/fnvFloat32";

/** torch 1.13.1's float32 losses, recorded by ../fixtures/recordTorchNllLoss.py. */
const fixture = JSON.parse(readFileSync(join(__dirname, "../fixtures/torchNllLoss.json"), "utf8")) as {
  cases: { seed: number; shape: number[]; scale: number; values: (number | string)[]; grads: number[] }[];
};

describe("float32 cross_entropy and nll_loss as PyTorch 1.13.1 sums them, and their gradients", () => {
  for (const c of fixture.cases) {
    it(`randn(${c.shape}) * ${c.scale}: mean, sum, ignored targets, class weights`, () => {
      const x = mul(randn(c.shape, { generator: new Generator(c.seed), dtype: "float32" }), c.scale);
      const targetShape = [c.shape[0], ...c.shape.slice(2)];
      const y = randint(0, c.shape[1], targetShape, { generator: new Generator(c.seed + 1) });
      const y2 = reshape(
        tensor(
          Array.from(y.values(), (v, i) => (i % 3 === 0 ? -100 : v)),
          { dtype: "int64" },
        ),
        targetShape,
      );
      const w = linspace(0.5, 1.5, c.shape[1], { dtype: "float32" });
      const logp = logSoftmax(x, 1);
      const item = (t: Tensor) => t.item();
      expect([
        item(crossEntropy(x, y)),
        item(crossEntropy(x, y, { reduction: "sum" })),
        item(crossEntropy(x, y2)),
        item(crossEntropy(x, y, { weight: w })),
        item(crossEntropy(x, y2, { weight: w, reduction: "sum" })),
        item(nllLoss(logp, y)),
        item(nllLoss(logp, y2, { weight: w })),
        item(nllLoss(x, y, { reduction: "sum" })),
      ]).toEqual(c.values.map(Number));
      const gradient = (loss: (v: Tensor) => Tensor) => {
        const v = requiresGradInPlace(clone(x));
        backward(loss(v));
        return fnvFloat32(v.grad as Tensor);
      };
      expect([
        gradient((v) => crossEntropy(v, y)),
        gradient((v) => crossEntropy(v, y2, { weight: w, reduction: "sum" })),
      ]).toEqual(c.grads);
    });
  }
});
