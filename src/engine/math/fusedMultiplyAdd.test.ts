import { describe, expect, it } from "vitest";
import { fma, fmaf } from "./fusedMultiplyAdd";

const f = Math.fround;

/** A finite double as m·2^e with an integer m (exact). */
function parts(x: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const exp = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  return exp === 0 ? [sign * frac, -1074] : [sign * (frac | (1n << 52n)), exp - 1075];
}

/** m·2^e rounded to nearest, ties to even, with `bits` of precision and `minExp` the smallest ulp exponent. */
function roundExact(m: bigint, e: number, bits: number, minExp: number): number {
  if (m === 0n) return 0;
  const neg = m < 0n;
  let a = neg ? -m : m;
  const length = a.toString(2).length;
  // the ulp exponent of the result: precision bits below the leading one, not below minExp
  const ulp = Math.max(e + length - bits, minExp);
  if (ulp > e) {
    const shift = BigInt(ulp - e);
    const q = a >> shift;
    const rest = a - (q << shift);
    const half = 1n << (shift - 1n);
    a = rest > half || (rest === half && (q & 1n) === 1n) ? q + 1n : q;
    e = ulp;
  }
  const value = Number(a) * 2 ** e;
  return neg ? -value : value;
}

/** a·b + c exactly, then rounded once to the float format given. */
function exactFma(a: number, b: number, c: number, bits: number, minExp: number): number {
  const [ma, ea] = parts(a);
  const [mb, eb] = parts(b);
  const [mc, ec] = parts(c);
  const mp = ma * mb;
  const ep = ea + eb;
  const e = Math.min(ep, ec);
  const sum = (mp << BigInt(ep - e)) + (mc << BigInt(ec - e));
  return roundExact(sum, e, bits, minExp);
}

/** A deterministic stream of float32 values over many binades, with their neighbours. */
function* floats(n: number): Generator<[number, number, number]> {
  let state = 12345;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const one = () => f((next() < 0.5 ? -1 : 1) * (1 + next()) * 2 ** Math.floor(next() * 40 - 20));
  for (let i = 0; i < n; i++) yield [one(), one(), one()];
}

describe("fmaf", () => {
  it("rounds a·b + c once to float32, as an exact computation does", () => {
    let checked = 0;
    for (const [a, b, c] of floats(20000)) {
      for (const cc of [c, f(-a * b), f(-a * b + c * 2 ** -30)]) {
        expect(fmaf(a, b, cc)).toBe(exactFma(a, b, cc, 24, -149));
        checked++;
      }
    }
    expect(checked).toBe(60000);
  });

  it("breaks a double sum that lands halfway between two floats by the exact sum's side", () => {
    // (1 + 2^-23)(1 - 2^-23) = 1 - 2^-46: scaled by 2^-24 it puts the double sum exactly halfway
    // between 1 + 2^-23 and 1 + 2^-22, 2^-70 short of it; rounding the double to even is wrong
    const a = f(1 + 2 ** -23) * 2 ** -24;
    const b = f(1 - 2 ** -23);
    const c = f(1 + 2 ** -23);
    expect(a * b + c).toBe(1 + 2 ** -23 + 2 ** -24);
    expect(fmaf(a, b, c)).toBe(c);
    expect(fmaf(-a, b, -c)).toBe(-c);
    expect(fmaf(a, b, c)).toBe(exactFma(a, b, c, 24, -149));
    expect(fmaf(2 ** -24, 1, c)).toBe(f(1 + 2 ** -22)); // exactly halfway: ties to even
  });

  it("keeps infinities, NaN, signed zeros, subnormals and the overflow threshold", () => {
    expect(fmaf(Infinity, 1, 1)).toBe(Infinity);
    expect(fmaf(NaN, 1, 1)).toBeNaN();
    expect(fmaf(Infinity, 0, 1)).toBeNaN();
    expect(Object.is(fmaf(-0, 1, -0), -0)).toBe(true);
    expect(fmaf(2 ** -75, 2 ** -75, 0)).toBe(exactFma(2 ** -75, 2 ** -75, 0, 24, -149));
    expect(fmaf(f(1.5 * 2 ** -75), 2 ** -74, 2 ** -149)).toBe(
      exactFma(f(1.5 * 2 ** -75), 2 ** -74, 2 ** -149, 24, -149),
    );
    const max = 3.4028234663852886e38;
    expect(fmaf(max, 2, -max)).toBe(max);
    expect(fmaf(2 ** 103, 1, max)).toBe(Infinity); // exactly the threshold: ties away to infinity
    expect(fmaf(-(2 ** 50), 2 ** -100, f(2 ** 103) + 0 * max)).toBe(
      exactFma(-(2 ** 50), 2 ** -100, 2 ** 103, 24, -149),
    );
  });
});

describe("fma", () => {
  it("rounds a·b + c once to float64", () => {
    for (const [a, b, c] of floats(5000)) {
      const a64 = a * (1 + 2 ** -40);
      const b64 = b * (1 - 2 ** -45);
      for (const cc of [c, -a64 * b64]) expect(fma(a64, b64, cc)).toBe(exactFma(a64, b64, cc, 53, -1074));
    }
  });
});

describe("fma on full doubles", () => {
  /** Full 53-bit doubles: the low sums of glibc's exp/pow polynomials, where rounding to odd matters. */
  function* doubles(n: number): Generator<[number, number, number]> {
    let state = 987654321;
    const next = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32;
    };
    const one = (scale: number) => (next() < 0.5 ? -1 : 1) * (1 + next() + next() * 2 ** -32) * 2 ** scale;
    for (let i = 0; i < n; i++)
      yield [one(Math.floor(next() * 20 - 10)), one(0), one(Math.floor(next() * 140 - 70))];
  }

  it("rounds a·b + c once, whatever the sizes of product and addend", () => {
    for (const [a, b, c] of doubles(20000)) {
      for (const cc of [c, -a * b, -a * b + c * 2 ** -60])
        expect(fma(a, b, cc)).toBe(exactFma(a, b, cc, 53, -1074));
    }
  });

  it("breaks a sum that lands on a midpoint by the exact sum's side", () => {
    // (1 + 2^-52)(1 − 2^-52)·2^-53 + 1 is 2^-158 short of 1 + 2^-53, the midpoint above 1
    const a = (1 + 2 ** -52) * 2 ** -53;
    const b = 1 - 2 ** -52;
    expect(a * b + 1).toBe(1);
    expect(fma(a, b, 1)).toBe(1);
    expect(fma(a, 1 + 2 ** -52, 1)).toBe(1 + 2 ** -52);
    expect(fma(-a, b, -1)).toBe(-1);
    expect(fma(2 ** -53, 1, 1)).toBe(1); // exactly halfway: ties to even
  });
});
