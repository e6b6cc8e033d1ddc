import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Generator, mul, randn } from "../tensor/index";
import { glibcExpf } from "./glibcExpf";

/** libm's expf, recorded by ../tensor/fixtures/recordGlibcExpf.py. */
const raw = JSON.parse(readFileSync(join(__dirname, "../tensor/fixtures/glibcExpf.json"), "utf8")) as {
  exp: (number | string)[];
  edges: (number | string)[];
  exp_edges: (number | string)[];
  misrounded: number[];
};
const num = (v: number | string): number =>
  typeof v === "number" ? v : v === "inf" ? Infinity : v === "-inf" ? -Infinity : NaN;

describe("glibc's float exp", () => {
  const x = Array.from(mul(randn([20000], { generator: new Generator(11) }), 4).values(), Math.fround);
  const mismatches = (inputs: number[], expected: number[]) =>
    inputs.flatMap((v, i) => (Object.is(glibcExpf(v), expected[i]) ? [] : [[v, glibcExpf(v), expected[i]]]));

  it("matches libm bit for bit", () => {
    expect(mismatches(x, raw.exp.map(num))).toEqual([]);
    expect(mismatches(raw.edges.map(num), raw.exp_edges.map(num))).toEqual([]);
  });

  it("rounds as glibc does where that is not to the nearest float (the test can fail)", () => {
    expect(raw.misrounded.length).toBeGreaterThan(5);
    for (const i of raw.misrounded) expect(glibcExpf(x[i])).not.toBe(Math.fround(Math.exp(x[i])));
  });
});
