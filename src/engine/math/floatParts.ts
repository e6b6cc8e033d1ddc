/**
 * The exact operations on a double's parts that C's libm and CPython's math module provide:
 * frexp, ldexp (one rounding, also into the subnormals) and the IEEE remainder. None of them
 * rounds more than once, so any correct implementation gives glibc's results.
 */

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer); // little-endian: u32[1] is the high word

/** x = m·2^e with 0.5 ≤ |m| < 1; zero, infinities and NaN give (x, 0). */
export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let shift = 0;
  if (Math.abs(x) < 2 ** -1022) {
    x *= 2 ** 64;
    shift = 64;
  }
  f64[0] = x;
  const e = ((u32[1] >>> 20) & 0x7ff) - 1022;
  u32[1] = (u32[1] & 0x800fffff) | (1022 << 20);
  return [f64[0], e - shift];
}

/** x·2^n rounded once, as C's ldexp/scalbn. */
export function ldexp(x: number, n: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  n = Math.max(-2200, Math.min(2200, n));
  if (n > 1023) {
    x *= 2 ** 1023;
    n -= 1023;
    if (n > 1023) {
      x *= 2 ** 1023;
      n = Math.min(n - 1023, 1023);
    }
  } else if (n < -1022) {
    // 2^-969 keeps x normal unless the result rounds to zero anyway, so only the last step rounds
    x *= 2 ** -969;
    n += 969;
    if (n < -1022) {
      x *= 2 ** -969;
      n = Math.max(n + 969, -1022);
    }
  }
  return x * 2 ** n;
}

/**
 * The IEEE remainder x − n·y, n the integer nearest x/y (ties to even), which is exact; NaN for
 * an infinite x or a zero y, x for an infinite y.
 */
export function remainder(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (!Number.isFinite(x) || y === 0) return NaN;
  if (!Number.isFinite(y)) return x;
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  const m = ax % ay; // exact
  const c = ay - m; // exact: both are multiples of y's last place, c ≤ ay
  let r: number;
  if (m < c) r = m;
  else if (m > c) r = -c;
  else r = m - 2 * ((0.5 * (ax - m)) % ay); // a tie: m or −m, whichever makes the quotient even
  return x < 0 || Object.is(x, -0) ? -r : r;
}

const view = new DataView(new ArrayBuffer(8));

/** The next double after x towards y (C's nextafter). */
export function nextafter(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 5e-324 : -5e-324;
  view.setFloat64(0, x);
  view.setBigInt64(0, view.getBigInt64(0) + (y > x === x > 0 ? 1n : -1n));
  return view.getFloat64(0);
}

/** The next float32 after x towards y (C's nextafterf), for float32 x and y. */
export function nextafter32(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 2 ** -149 : -(2 ** -149);
  view.setFloat32(0, x);
  view.setInt32(0, view.getInt32(0) + (y > x === x > 0 ? 1 : -1));
  return view.getFloat32(0);
}
