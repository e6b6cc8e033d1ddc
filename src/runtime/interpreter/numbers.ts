import { chargeMemory, EngineMemoryError } from "../../engine/memory";
import type { BinaryOperator } from "../../lang/ir";
import { pythonPow } from "../../engine/scalar/pythonFloat";
import { bigInt, int, PyInt, toBigInt, type PyValue } from "./objects";
import { PyError } from "./pyErrors";

/**
 * Python arithmetic on plain numbers: floats as JS numbers, ints exact (bigint past 2**53),
 * with Python's floor division and modulo (the result takes the divisor's sign) and its
 * ZeroDivisionError/OverflowError where JS would return Infinity or NaN.
 */

export function isNumber(v: PyValue): v is number | PyInt | boolean {
  return typeof v === "number" || typeof v === "boolean" || v instanceof PyInt;
}

export function toFloat(v: number | PyInt | boolean): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v.big !== null) {
    const f = Number(v.big);
    if (!Number.isFinite(f)) throw new PyError("OverflowError", "int too large to convert to float");
    return f;
  }
  return v.v;
}

export function toInt(v: PyInt | boolean): PyInt {
  return typeof v === "boolean" ? int(v ? 1 : 0) : v;
}

/** A number op where at least one side is a float. */
export function floatBinary(op: BinaryOperator, a: number, b: number, bothInts = false): PyValue {
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      if (b === 0)
        throw new PyError("ZeroDivisionError", bothInts ? "division by zero" : "float division by zero");
      return a / b;
    case "//":
      if (b === 0) throw new PyError("ZeroDivisionError", "float floor division by zero");
      return floatDivmod(a, b)[0];
    case "%":
      if (b === 0) throw new PyError("ZeroDivisionError", "float modulo");
      return floatDivmod(a, b)[1];
    case "**":
      return pythonPow(a, b);
    default:
      return unsupported(op, "float", "float");
  }
}

/** CPython's float divmod: the floor quotient and the remainder with the divisor's sign. */
export function floatDivmod(a: number, b: number): [number, number] {
  let mod = a % b;
  let div = (a - mod) / b;
  if (mod) {
    if (b < 0 !== mod < 0) {
      mod += b;
      div -= 1;
    }
  } else {
    mod = b < 0 ? -0 : 0;
  }
  let floorDiv: number;
  if (div) {
    floorDiv = Math.floor(div);
    if (div - floorDiv > 0.5) floorDiv += 1;
  } else {
    floorDiv = a / b < 0 || Object.is(a / b, -0) ? -0 : 0;
  }
  return [floorDiv, mod];
}

export function intBinary(op: BinaryOperator, x: PyInt, y: PyInt): PyValue {
  if (x.big === null && y.big === null) {
    const a = x.v;
    const b = y.v;
    switch (op) {
      case "+":
      case "-":
      case "*": {
        const r = op === "+" ? a + b : op === "-" ? a - b : a * b;
        if (Number.isSafeInteger(r)) return int(r);
        break;
      }
      case "/":
        return floatBinary("/", a, b, true);
      case "//": {
        if (b === 0) throw new PyError("ZeroDivisionError", "integer division or modulo by zero");
        let q = Math.floor(a / b);
        const r = a - q * b;
        if (b > 0 ? r < 0 : r > 0) q -= 1;
        else if (b > 0 ? r >= b : r <= b) q += 1;
        return int(q);
      }
      case "%": {
        if (b === 0) throw new PyError("ZeroDivisionError", "integer modulo by zero");
        let r = a % b;
        if (r !== 0 && r < 0 !== b < 0) r += b;
        return int(r);
      }
      case "**": {
        if (b < 0) return pythonPow(a, b);
        const r = exactPower(a, b);
        if (r !== null) return int(r);
        break;
      }
    }
  }
  return bigIntBinary(op, x, y);
}

/** a**b by squaring while every product is a safe integer (so exact); null when it outgrows that. */
function exactPower(a: number, b: number): number | null {
  let result = 1;
  let base = a;
  for (let e = b; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) {
      result *= base;
      if (!Number.isSafeInteger(result)) return null;
    }
    if (e > 1) {
      base *= base;
      if (!Number.isSafeInteger(base)) return null;
    }
  }
  return result;
}

function bigIntBinary(op: BinaryOperator, x: PyInt, y: PyInt): PyValue {
  const a = toBigInt(x);
  const b = toBigInt(y);
  switch (op) {
    case "+":
      return bigInt(a + b);
    case "-":
      return bigInt(a - b);
    case "*":
      chargeInt(bitLength(a) + bitLength(b));
      return bigInt(a * b);
    case "/":
      if (b === 0n) throw new PyError("ZeroDivisionError", "division by zero");
      return toFloat(x) / toFloat(y);
    case "//":
    case "%": {
      if (b === 0n) {
        throw new PyError(
          "ZeroDivisionError",
          op === "//" ? "integer division or modulo by zero" : "integer modulo by zero",
        );
      }
      let q = a / b;
      let r = a % b;
      if (r !== 0n && r < 0n !== b < 0n) {
        q -= 1n;
        r += b;
      }
      return bigInt(op === "//" ? q : r);
    }
    case "**":
      if (b < 0n) return pythonPow(toFloat(x), toFloat(y));
      if (a === 0n || a === 1n) return x;
      if (a === -1n) return bigInt(b % 2n === 0n ? 1n : -1n);
      // the result's size is known before it is computed: `2 ** 10**10` is a MemoryError at once
      chargeInt(Math.max(1, bitLength(a) - 1) * Number(b) + 1);
      return bigInt(a ** b);
    case "&":
      return bigInt(a & b);
    case "|":
      return bigInt(a | b);
    case "^":
      return bigInt(a ^ b);
    case "<<":
      if (b < 0n) throw new PyError("ValueError", "negative shift count");
      if (a === 0n) return x;
      chargeInt(bitLength(a) + Number(b));
      return bigInt(a << b);
    case ">>":
      if (b < 0n) throw new PyError("ValueError", "negative shift count");
      return bigInt(a >> b);
    default:
      return unsupported(op, "int", "int");
  }
}

/** V8's largest BigInt (2**30 bits); past it V8 throws, and long before it the budget stops us. */
const MAX_INT_BITS = 2 ** 30;

/** Charges an int of about `bits` bits before it is made (a MemoryError past what V8 can hold). */
function chargeInt(bits: number): void {
  if (!(bits < MAX_INT_BITS)) throw new EngineMemoryError();
  if (bits > 65536) chargeMemory(bits / 8);
}

/** Python's `int.bit_length()`: the bits of |n| (0 for 0), without converting a huge int to text. */
export function bitLength(n: bigint): number {
  let m = n < 0n ? -n : n;
  if (m === 0n) return 0;
  // halve the distance: shift by words while the rest is non-zero, then read the last word
  let bits = 0;
  let step = 1;
  while (m >> BigInt(step * 64) > 0n) step *= 2;
  for (; step >= 1; step = Math.floor(step / 2)) {
    const shifted = m >> BigInt(step * 64);
    if (shifted > 0n) {
      m = shifted;
      bits += step * 64;
    }
  }
  return bits + m.toString(2).length;
}

function unsupported(op: string, left: string, right: string): never {
  throw new PyError("TypeError", `unsupported operand type(s) for ${op}: '${left}' and '${right}'`);
}

/** Numeric comparison across int/float/bool, exact for big ints. */
export function compareNumbers(a: number | PyInt | boolean, b: number | PyInt | boolean): number {
  if (a instanceof PyInt && b instanceof PyInt && (a.big !== null || b.big !== null)) {
    const x = toBigInt(a);
    const y = toBigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = a instanceof PyInt ? (a.big !== null ? Number(a.big) : a.v) : typeof a === "boolean" ? +a : a;
  const y = b instanceof PyInt ? (b.big !== null ? Number(b.big) : b.v) : typeof b === "boolean" ? +b : b;
  return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
}
