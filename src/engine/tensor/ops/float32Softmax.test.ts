import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { backward } from "../autograd/backward";
import { fnvFloat32 } from "../fixtures/fnvFloat32";
import { Generator, logSoftmax, mul, randn, requiresGradInPlace, softmax, tensor } from "../index";
import type { Tensor } from "../tensor";

interface Summary {
  hash: number;
  head: (number | string)[];
}
interface Case {
  shape?: number[];
  values?: (number | string)[][];
  dim: number;
  scale?: number;
  softmax: Summary;
  softmax_grad?: Summary;
  log_softmax: Summary;
  log_softmax_grad?: Summary;
}

const fixture = JSON.parse(readFileSync(join(__dirname, "../fixtures/torchSoftmax.json"), "utf8")) as {
  cases: Case[];
};

const num = (v: number | string): number =>
  typeof v === "number" ? v : v === "inf" ? Infinity : v === "-inf" ? -Infinity : NaN;
const head = (t: Tensor) => Array.from(t.values()).slice(0, 40);
/** The hash with every NaN as one NaN, as the recorder hashes (the sign of a NaN is the CPU's business). */
const hash = (t: Tensor) =>
  fnvFloat32(
    tensor(
      Array.from(t.values(), (v) => (v === v ? v : NaN)),
      { dtype: "float32" },
    ),
  );

function input(c: Case, requiresGrad: boolean): Tensor {
  if (c.values !== undefined)
    return tensor(
      c.values.map((row) => row.map(num)),
      { dtype: "float32", requiresGrad },
    );
  const x = mul(randn(c.shape ?? [], { generator: new Generator(7), dtype: "float32" }), c.scale ?? 1);
  return requiresGradInPlace(x, requiresGrad);
}

describe("float32 softmax and log_softmax as PyTorch 1.13.1 computes them", () => {
  for (const c of fixture.cases) {
    const name = c.values !== undefined ? JSON.stringify(c.values) : `randn(${c.shape}) * ${c.scale}`;
    for (const [op, fn] of [
      ["softmax", softmax],
      ["log_softmax", logSoftmax],
    ] as const) {
      it(`${op} of ${name} along dim ${c.dim}${c[`${op}_grad`] ? ", and its gradient" : ""}`, () => {
        const x = input(c, true);
        const y = fn(x, c.dim);
        expect(head(y)).toEqual(c[op].head.map(num));
        expect(hash(y)).toBe(c[op].hash);
        const grad = c[`${op}_grad`];
        if (grad === undefined) return; // recorded forward only (the makemore-sized case)
        const g = randn(x.shape, { generator: new Generator(8), dtype: "float32" });
        backward(y, { gradient: g });
        expect(head(x.grad as Tensor)).toEqual(grad.head.map(num));
        expect(hash(x.grad as Tensor)).toBe(grad.hash);
      });
    }
  }
});
