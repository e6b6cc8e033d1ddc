import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Generator, linspace, mul, randn } from "../tensor/index";
import { cos, sin } from "./correctlyRounded";
import { cosf, expf, logf, sinf, sleefTanhf, tanhf } from "./sleefFloat";

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

describe("tanhf's shortcut through Math.tanh", () => {
  it("gives SLEEF's float on a sample of every binade from 2^-13 to saturation", () => {
    // the exhaustive check (every float in range) is in the comment on tanhf; this samples it
    const view = new DataView(new ArrayBuffer(4));
    const bitsOf = (v: number) => (view.setFloat32(0, v), view.getUint32(0));
    const differ: number[] = [];
    let n = 0;
    for (let bits = bitsOf(2 ** -13); bits <= bitsOf(9); bits += 331) {
      view.setUint32(0, bits);
      const x = view.getFloat32(0);
      for (const v of [x, -x]) {
        n++;
        if (!Object.is(tanhf(v), sleefTanhf(v))) differ.push(v);
      }
    }
    expect(n).toBeGreaterThan(600000);
    expect(differ).toEqual([]);
  });

  it("keeps zeros, NaN, infinities and saturation", () => {
    for (const v of [0, -0, NaN, Infinity, -Infinity, 8.664339742, -8.7, 2 ** -11, -(2 ** -12), 1e-30]) {
      expect(Object.is(tanhf(v), sleefTanhf(v))).toBe(true);
    }
    expect(Object.is(tanhf(-0), -0)).toBe(true);
  });
});
