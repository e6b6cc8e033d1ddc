import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePython } from "../../../lang/python/parsePython";
import { makeBuiltins } from "../../builtins";
import { Interpreter } from "../../interpreter/interpreter";
import { BuiltinModules } from "../../moduleLoader";
import { fma } from "./fma";
import { dot, matmul } from "./linalg";
import { NpScalar, type NdArray } from "./ndarray";
import { numpyStateOf } from "./numpyModule";
import * as R from "./reductions";
import { transpose } from "./shapes";

/**
 * numpy's products and sums to the last bit: fixtures/blas.json holds numpy 1.24.2's results
 * (OpenBLAS 0.3.21's Haswell kernels) for products that go through each BLAS routine numpy
 * picks, and for sums (pairwise, in blocks of 8192). Recorded by fixtures/record_blas.py.
 */

interface Product {
  fn: "dot" | "matmul";
  a: number[];
  b: number[];
  ta: boolean;
  tb: boolean;
  aValues: number[];
  bValues: number[];
  result: number[];
}

interface Sums {
  values: number[];
  sum: number;
  mean: number;
  var: number;
  std: number;
}

const fixture = JSON.parse(readFileSync(join(__dirname, "fixtures/blas.json"), "utf8")) as {
  products: Product[];
  sums: Sums[];
};

function numpy() {
  const program = parsePython("import numpy as np\n").program!;
  const interp = new Interpreter(program, 1e9, makeBuiltins, new BuiltinModules(), null);
  interp.run();
  return numpyStateOf(interp)!;
}

const valuesOf = (v: NdArray | NpScalar): number[] =>
  v instanceof NpScalar ? [v.value] : Array.from(v.tensor.values());

describe("numpy's matrix products, bit for bit", () => {
  const s = numpy();
  for (const p of fixture.products) {
    const name = `${p.fn} (${p.a}${p.ta ? "ᵀ" : ""}) × (${p.b}${p.tb ? "ᵀ" : ""})`;
    it(name, () => {
      // the stored operands are laid out before transposition, as numpy made them
      let a = s.fresh(Float64Array.from(p.aValues), p.ta ? [...p.a].reverse() : p.a, "float64");
      let b = s.fresh(Float64Array.from(p.bValues), p.tb ? [...p.b].reverse() : p.b, "float64");
      if (p.ta) a = transpose(s, a, null);
      if (p.tb) b = transpose(s, b, null);
      const r = p.fn === "dot" ? dot(s, a, b) : matmul(s, a, b);
      expect(valuesOf(r)).toEqual(p.result);
    });
  }
});

describe("numpy's sums, bit for bit", () => {
  const s = numpy();
  for (const c of fixture.sums) {
    it(`${c.values.length} elements`, () => {
      const a = s.fresh(Float64Array.from(c.values), [c.values.length], "float64");
      expect(valuesOf(R.sum(s, a, null, false))).toEqual([c.sum]);
      expect(valuesOf(R.mean(s, a, null, false))).toEqual([c.mean]);
      expect(valuesOf(R.variance(s, a, null, false, 0, false))).toEqual([c.var]);
      expect(valuesOf(R.variance(s, a, null, false, 1, true))).toEqual([c.std]);
    });
  }
});

describe("fma", () => {
  it("rounds a·b + c once", () => {
    // 1 + 2⁻⁵³ is not a double, but (1 + 2⁻²⁷)² − 1 − 2⁻²⁶ = 2⁻⁵⁴ is found exactly
    const e = 2 ** -27;
    expect(fma(1 + e, 1 + e, -1 - 2 * e)).toBe(2 ** -54);
    expect(fma(0.1, 10, -1)).toBe(5.551115123125783e-17);
    expect(fma(3, 4, 5)).toBe(17);
    expect(fma(Infinity, 2, 1)).toBe(Infinity);
    expect(fma(1e308, 10, -Infinity)).toBe(-Infinity);
  });

  it("agrees with exact rational arithmetic on a ladder of near-ties", () => {
    // a·b = 1 + 2⁻⁵² + 2⁻¹⁰⁴ exactly: adding c = −2⁻⁵³ lands just above the midpoint
    const a = 1 + 2 ** -52;
    expect(fma(a, 1 + 2 ** -52, -(2 ** -52) - 2 ** -53)).toBe(1 + 2 ** -52);
  });
});
