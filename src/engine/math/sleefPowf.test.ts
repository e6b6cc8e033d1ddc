import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fnvFloat32 } from "../tensor/fixtures/fnvFloat32";
import { Generator, mul, pow, randn, tensor } from "../tensor/index";
import { sleefPowf } from "./sleefPowf";

interface Summary {
  hash: number;
  head: (number | string)[];
}

const fixture = JSON.parse(readFileSync(join(__dirname, "../tensor/fixtures/torchPow.json"), "utf8")) as {
  edges: (number | string)[];
  cases: { n?: number; edges?: boolean; k: number | string; out: Summary }[];
};

const num = (v: number | string): number =>
  typeof v === "number" ? v : v === "inf" ? Infinity : v === "-inf" ? -Infinity : NaN;

describe("float32 x ** k as PyTorch 1.13.1 computes it (SLEEF's powf where vectorised)", () => {
  for (const c of fixture.cases) {
    const k = num(c.k);
    it(c.edges === true ? `edge values ** ${c.k}` : `${c.n} values ** ${c.k}`, () => {
      const x =
        c.edges === true
          ? tensor(fixture.edges.map(num), { dtype: "float32" })
          : mul(randn([c.n ?? 0], { generator: new Generator(11), dtype: "float32" }), 3);
      const out = pow(x, k);
      expect(Array.from(out.values()).slice(0, 40)).toEqual(c.out.head.map(num));
      expect(fnvFloat32(out)).toBe(c.out.hash);
    });
  }

  it("is not the correctly rounded power (the test can fail)", () => {
    // linspace(-π, π, 2000)[97]: PyTorch's vectorised x ** 5 is −183.68409729…, the nearest
    // float to the true power (what its scalar loop gives) −183.68411254…
    const x = Math.fround(-2.8367059230804443);
    expect(sleefPowf(x, 5)).toBe(Math.fround(-183.68409729003906));
    expect(Math.fround(x ** 5)).toBe(Math.fround(-183.68411254882812));
  });
});
