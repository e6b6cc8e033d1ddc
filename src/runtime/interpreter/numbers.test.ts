import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BinaryOperator } from "../../lang/ir";
import { floatDivmod, intBinary } from "./numbers";
import { bigInt, PyInt, toBigInt } from "./objects";

/** Python's int semantics, spelled out on bigints: floor division and a remainder with the divisor's sign. */
function reference(op: BinaryOperator, a: bigint, b: bigint): bigint {
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "//":
    case "%": {
      let q = a / b;
      if (a % b !== 0n && a < 0n !== b < 0n) q -= 1n;
      return op === "//" ? q : a - q * b;
    }
    default:
      throw new Error(op);
  }
}

// ints around the 2**53 boundary where a JS number stops being exact
const anInt = fc.oneof(
  fc.bigInt({ min: -1000n, max: 1000n }),
  fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }),
  fc.bigInt({ min: 2n ** 53n - 50n, max: 2n ** 53n + 50n }),
);

describe("int arithmetic is exact, as Python's", () => {
  it.each(["+", "-", "*", "//", "%"] as BinaryOperator[])("%s agrees with bigint arithmetic", (op) => {
    fc.assert(
      fc.property(anInt, anInt, (a, b) => {
        fc.pre(b !== 0n || (op !== "//" && op !== "%"));
        const result = intBinary(op, bigInt(a), bigInt(b));
        expect(result).toBeInstanceOf(PyInt);
        expect(toBigInt(result as PyInt)).toBe(reference(op, a, b));
      }),
    );
  });

  it("** of ints stays exact past 2**53 and a negative exponent gives a float", () => {
    expect(toBigInt(intBinary("**", bigInt(3n), bigInt(40n)) as PyInt)).toBe(3n ** 40n);
    expect(intBinary("**", bigInt(2n), bigInt(-2n))).toBe(0.25);
  });

  it("raises ZeroDivisionError with CPython's words", () => {
    expect(() => intBinary("//", bigInt(1n), bigInt(0n))).toThrow("integer division or modulo by zero");
    expect(() => intBinary("%", bigInt(1n), bigInt(0n))).toThrow("integer modulo by zero");
    expect(() => intBinary("/", bigInt(1n), bigInt(0n))).toThrow("division by zero");
  });
});

describe("float floor division and modulo follow CPython's float_divmod", () => {
  it.each([
    // recorded from CPython 3.11: divmod(a, b)
    [7.5, 2, 3, 1.5],
    [-7.5, 2, -4, 0.5],
    [7.5, -2, -4, -0.5],
    [-7, 0.5, -14, 0],
    [5, 0.3, 16, 0.20000000000000018],
    [1e308, 1e-308, Infinity, 3.498445546245627e-309],
  ])("divmod(%s, %s) = (%s, %s)", (a, b, q, r) => {
    const [fq, fr] = floatDivmod(a, b);
    expect(fq).toBe(q);
    expect(fr).toBe(r);
  });
});
