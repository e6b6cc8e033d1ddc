/**
 * Exact rationals on BigInt for the statistics module, which (as CPython's) sums floats exactly
 * and rounds once at the end: a float's exact value as a ratio, sums and products of ratios,
 * and a ratio (or its square root) as the nearest float.
 */

export interface Ratio {
  n: bigint;
  d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

export function ratio(n: bigint, d = 1n): Ratio {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

export const add = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.n, a.d * b.d);
export const div = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d, a.d * b.n);

/** The exact value of a finite double. */
export function fromFloat(x: number): Ratio {
  if (!Number.isFinite(x)) throw new RangeError("not finite");
  if (x === 0) return { n: 0n, d: 1n };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const exponent = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & ((1n << 52n) - 1n);
  let e: number;
  if (exponent === 0) e = -1074;
  else {
    mantissa |= 1n << 52n;
    e = exponent - 1075;
  }
  const n = negative ? -mantissa : mantissa;
  return e >= 0 ? ratio(n << BigInt(e)) : ratio(n, 1n << BigInt(-e));
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** n/d rounded to the nearest double (ties to even), as Python's int / int. */
export function toFloat(r: Ratio): number {
  const d = r.d;
  let n = r.n;
  if (n === 0n) return 0;
  const negative = n < 0n;
  if (negative) n = -n;
  const shift = 55 - (bitLength(n) - bitLength(d));
  let q: bigint;
  let rem: bigint;
  if (shift >= 0) {
    q = (n << BigInt(shift)) / d;
    rem = (n << BigInt(shift)) % d;
  } else {
    const dd = d << BigInt(-shift);
    q = n / dd;
    rem = n % dd;
  }
  const qBits = bitLength(q);
  const exponent = qBits - 1 - shift;
  // 53 bits for a normal result, fewer below 2**-1022
  const keep = exponent < -1022 ? 53 - (-1022 - exponent) : 53;
  const drop = qBits - keep;
  let mantissa = drop >= qBits + 1 ? 0n : q >> BigInt(drop);
  const low = q & ((1n << BigInt(drop)) - 1n);
  const half = 1n << BigInt(drop - 1);
  if (low > half || (low === half && (rem !== 0n || (mantissa & 1n) === 1n))) mantissa += 1n;
  const value = Number(mantissa) * 2 ** (drop - shift);
  return negative ? -value : value;
}

/** isqrt(n) for n >= 0. */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** sqrt(n/m) correctly rounded, by CPython's statistics._float_sqrt_of_frac (round-to-odd). */
export function sqrtToFloat(r: Ratio): number {
  const { n, d: m } = r;
  const width = 2 * 53 + 3;
  const rto = (a: bigint, b: bigint) => {
    const s = isqrt(a / b);
    return s * s * b !== a ? s | 1n : s;
  };
  const q = Math.floor((bitLength(n) - bitLength(m) - width) / 2);
  if (q >= 0) return toFloat(ratio(rto(n, m << BigInt(2 * q)) << BigInt(q)));
  return toFloat({ n: rto(n << BigInt(-2 * q), m), d: 1n << BigInt(-q) });
}
