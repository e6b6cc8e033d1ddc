import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Generator, linspace, mul, randn } from "../tensor/index";
import { cos, sin } from "./correctlyRounded";
import { cosf, expf, logf, sinf, tanhf } from "./sleefFloat";

/** torch 1.13.1's float32 exp/log/tanh, recorded by ../tensor/fixtures/recordTorchFloatMath.py. */
const raw = JSON.parse(
  readFileSync(join(__dirname, "../tensor/fixtures/torchFloatMath.json"), "utf8"),
) as Record<string, (number | string)[]>;
const recorded = Object.fromEntries(
  Object.entries(raw).map(([k, vs]) => [
    k,
    vs.map((v) => (typeof v === "string" ? Number(v.replace("inf", "Infinity")) : v)),
  ]),
);

describe("SLEEF's float32 exp, log and tanh, as PyTorch evaluates them", () => {
  const x = Array.from(mul(randn([4000], { generator: new Generator(11) }), 4).values());
  const mismatches = (f: (v: number) => number, inputs: number[], expected: number[]) =>
    inputs.flatMap((v, i) => (Object.is(f(v), expected[i]) ? [] : [[v, f(v), expected[i]]]));

  it("exp matches bit for bit", () => {
    expect(mismatches(expf, x, recorded.exp)).toEqual([]);
    expect(mismatches(expf, recorded.edges, recorded.exp_edges)).toEqual([]);
  });
  it("log matches bit for bit", () => {
    expect(mismatches((v) => logf(Math.abs(v)), x, recorded.log)).toEqual([]);
    expect(mismatches((v) => logf(Math.abs(v)), recorded.edges, recorded.log_edges)).toEqual([]);
  });
  it("sin and cos match bit for bit", () => {
    expect(mismatches((v) => sinf(v, sin), x, recorded.sin)).toEqual([]);
    expect(mismatches((v) => cosf(v, cos), x, recorded.cos)).toEqual([]);
    const grid = Array.from(linspace(-Math.PI, Math.PI, 2000).values());
    expect(mismatches((v) => sinf(v, sin), grid, recorded.sin_pi)).toEqual([]);
  });
  it("tanh matches bit for bit", () => {
    expect(mismatches(tanhf, x, recorded.tanh)).toEqual([]);
    expect(mismatches(tanhf, recorded.edges, recorded.tanh_edges)).toEqual([]);
  });
});
