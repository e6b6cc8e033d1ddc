import { describe, expect, it } from "vitest";
import { log } from "../../../engine/math/accurateMath";
import { fastLog } from "./fastLog";
import { MT19937 } from "./mt19937";

/** Checks fastLog against the correctly rounded log on every argument; returns the count. */
function compare(args: Iterable<number>): number {
  let n = 0;
  for (const x of args) {
    const got = fastLog(x);
    const want = log(x);
    if (!Object.is(got, want)) expect.fail(`fastLog(${x}) = ${got}, correctly rounded ${want}`);
    n++;
  }
  return n;
}

function* uniforms(seed: number, count: number, map: (u: number) => number): Generator<number> {
  const mt = new MT19937();
  mt.seedWord(seed);
  for (let i = 0; i < count; i++) yield map(mt.nextDouble());
}

describe("fastLog: the correctly rounded log, fast", () => {
  it("agrees on 200,000 doubles in (0, 1), as the polar method and exponentials take them", () => {
    expect(compare(uniforms(1, 200000, (u) => u || 0.5))).toBe(200000);
  });

  it("agrees next to 1, where the log is tiny and the table point is 1 itself", () => {
    expect(compare(uniforms(2, 50000, (u) => 1 - u * 2 ** -9))).toBe(50000);
    expect(compare(uniforms(3, 50000, (u) => 1 + u * 2 ** -9))).toBe(50000);
    // down to a few ulps from 1, where the log is far below the table's ln 2 terms
    expect(compare(uniforms(5, 50000, (u) => 1 - u * 2 ** -(10 + (Math.floor(u * 1e6) % 43))))).toBe(50000);
    expect(compare([1 - 2 ** -53, 1 + 2 ** -52, 1 - 2 ** -30, 0.99609375, 1.00390625])).toBe(5);
  });

  it("agrees across exponents, on powers of two, and at the special values", () => {
    expect(compare(uniforms(4, 50000, (u) => Math.exp((u - 0.5) * 1400)))).toBe(50000);
    expect(compare(Array.from({ length: 100 }, (_, i) => 2 ** (i - 50)))).toBe(100);
    expect(compare([0, -1, NaN, Infinity, 1, 5e-324, 2.2250738585072014e-308, Number.MAX_VALUE])).toBe(8);
  });
});
