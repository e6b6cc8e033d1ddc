import { cos as correctlyRoundedCos, sin as correctlyRoundedSin } from "./accurateMath";
import { fma } from "./fusedMultiplyAdd";

/**
 * glibc's double sin and cos (IBM's Accurate Mathematical Library as glibc 2.28+ keeps it), which
 * CPython's math.sin/cos, numpy's float64 np.sin/np.cos (without AVX-512) and random.gauss call.
 * They are not correctly rounded: about one input in 700 lands on the other neighbour, so a
 * dataset made with np.sin (the PyTorch tutorials' `y = np.sin(x)`) differed from numpy's in the
 * last bit. Written from the published algorithm: x reduced by π/2 in three parts (to 136 bits),
 * then x = xi + t with xi a multiple of 1/128 and sin/cos(xi) as double-double from a table,
 * sin/cos t by short polynomials; below 0.126 a Taylor polynomial. The fma()s are where GCC fuses
 * in glibc's FMA build (a multiply whose only uses are additions). Past 105414350, where glibc
 * reduces with its own multi-precision table, the correctly rounded values are given instead.
 */

// sin x ≈ x + x³·(S1 + x²·(S2 + x²·(S3 + x²·(S4 + x²·S5)))) below 0.126
const S1 = -0.16666666666666666; // -0x1.5555555555555p-3
const S2 = 0.008333333333332329; // 0x1.1111111110ECEp-7
const S3 = -0.00019841269834414642; // -0x1.A01A019DB08B8p-13
const S4 = 2.755729806860771e-6; // 0x1.71DE27B9A7ED9p-19
const S5 = -2.5022014848318398e-8; // -0x1.ADDFFC2FCDF59p-26
// sin t ≈ t + t³·(SN3 + t²·SN5), cos t ≈ 1 − t²·(CS2 + t²·(CS4 + t²·CS6)) for |t| <= 1/256
const SN3 = -0.16666666666666488;
const SN5 = 0.008333332142857223;
const CS2 = 0.5;
const CS4 = -0.04166666666666644;
const CS6 = 0.001388888740079376;
/** 1.5·2^45: adding it rounds |x| to a multiple of 1/128, whose index lands in the low word. */
const BIG = 52776558133248;
const HP0 = 1.5707963267948966; // π/2 = HP0 + HP1 to 107 bits
const HP1 = 6.123233995736766e-17;
// π/2 = MP1 + MP2 + PP3 + PP4 to 136 bits; MP1, MP2 and PP3 are short, so n·MPi is exact
const MP1 = 1.5707963407039642;
const MP2 = -1.3909067564377153e-8;
const PP3 = -4.97899623147991e-17;
const PP4 = -1.9034889620193266e-25;
const HPINV = 0.6366197723675814; // 2/π
const TOINT = 6755399441055744; // 1.5·2^52: adding it rounds to an integer, kept in the low word

const TABLE_SIZE = 110; // xi = i/128 up to 0.8516, past 0.855469 where this path ends
const P = 200n;

/** sin and cos of i/128 as double-double (hi, the nearest double; lo, the nearest to the rest). */
function buildTable(): Float64Array {
  const table = new Float64Array(4 * TABLE_SIZE);
  const split = (fixed: bigint, at: number): void => {
    const hi = Number(fixed) / 2 ** Number(P);
    table[at] = hi;
    table[at + 1] = Number(fixed - BigInt(hi * 2 ** Number(P))) / 2 ** Number(P);
  };
  for (let i = 0; i < TABLE_SIZE; i++) {
    // Taylor series in P-bit fixed point: x^n/n! with alternating signs
    const x = BigInt(i) << (P - 7n);
    let sin = 0n;
    let cos = 0n;
    let term = 1n << P; // x^0/0!
    for (let n = 0n; term !== 0n; n += 2n) {
      cos += (n / 2n) % 2n === 0n ? term : -term;
      const odd = (term * x) / ((n + 1n) << P); // x^(n+1)/(n+1)!
      sin += (n / 2n) % 2n === 0n ? odd : -odd;
      term = (odd * x) / ((n + 2n) << P);
    }
    split(sin, 4 * i);
    split(cos, 4 * i + 2);
  }
  return table;
}

const TABLE = buildTable();

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer); // little-endian: u32[0] low word, u32[1] high word

/** The table slot of |x| rounded to a multiple of 1/128 (that multiple is BIG + |x| − BIG). */
function slot(ax: number): number {
  f64[0] = BIG + ax;
  return u32[0] << 2;
}

/** cos(x + dx), |x| < 0.855469. */
function cosOf(x: number, dx: number): number {
  if (x < 0) dx = -dx;
  const ax = Math.abs(x);
  const k = slot(ax);
  const t = ax - (BIG + ax - BIG) + dx;
  const tt = t * t;
  const s = fma(t * tt, fma(tt, SN5, SN3), t);
  const c = tt * fma(tt, fma(tt, CS6, CS4), CS2);
  const sn = TABLE[k];
  const ssn = TABLE[k + 1];
  const cs = TABLE[k + 2];
  const ccs = TABLE[k + 3];
  const cor = fma(-sn, s, fma(-cs, c, fma(-s, ssn, ccs)));
  return cs + cor;
}

/** sin(x + dx), |x| < 0.855469. */
function sinOf(x: number, dx: number): number {
  const ax = Math.abs(x);
  if (ax < 0.126) {
    const xx = x * x;
    const poly = fma(fma(fma(fma(S5, xx, S4), xx, S3), xx, S2), xx, S1);
    return x + fma(fma(poly, x, -0.5 * dx), xx, dx);
  }
  if (x <= 0) dx = -dx;
  const k = slot(ax);
  const t = ax - (BIG + ax - BIG);
  const tt = t * t;
  const s = t + fma(t * tt, fma(tt, SN5, SN3), dx);
  const c = fma(t, dx, tt * fma(tt, fma(tt, CS6, CS4), CS2));
  const sn = TABLE[k];
  const ssn = TABLE[k + 1];
  const cs = TABLE[k + 2];
  const ccs = TABLE[k + 3];
  const cor = fma(cs, s, fma(-sn, c, fma(s, ccs, ssn)));
  const r = sn + cor;
  return x < 0 ? -r : r;
}

let reducedTail = 0; // the low part of the last reduce() (out parameters, without allocating)
let reducedQuadrant = 0; // n mod 4

/** x − n·π/2 as result + reducedTail, for |x| < 105414350. */
function reduce(x: number): number {
  const t = fma(x, HPINV, TOINT);
  const xn = t - TOINT;
  f64[0] = t;
  const n = u32[0] & 3;
  const y = fma(-xn, MP2, fma(-xn, MP1, x));
  const t2 = fma(-xn, PP3, y);
  let db = fma(-xn, PP3, y - t2);
  const b = fma(-xn, PP4, t2);
  db += fma(-xn, PP4, t2 - b);
  reducedTail = db;
  reducedQuadrant = n;
  return b;
}

function quadrant(a: number, da: number, n: number): number {
  const r = n & 1 ? cosOf(a, da) : sinOf(a, da);
  return n & 2 ? -r : r;
}

function highWord(x: number): number {
  f64[0] = x;
  return u32[1] & 0x7fffffff;
}

export function glibcSin(x: number): number {
  const k = highWord(x);
  if (k < 0x3e500000) return x; // |x| < 2^-26
  if (k < 0x3feb6000) return sinOf(x, 0); // |x| < 0.855469
  if (k < 0x400368fd) {
    // |x| < 2.426265: sin x = ±cos(π/2 − |x|)
    const r = cosOf(HP0 - Math.abs(x), HP1);
    return x < 0 ? -r : r;
  }
  if (k < 0x419921fb) {
    const a = reduce(x);
    return quadrant(a, reducedTail, reducedQuadrant);
  }
  if (k < 0x7ff00000) return correctlyRoundedSin(x);
  return NaN;
}

export function glibcCos(x: number): number {
  const k = highWord(x);
  if (k < 0x3e400000) return 1; // |x| < 2^-27
  if (k < 0x3feb6000) return cosOf(x, 0);
  if (k < 0x400368fd) {
    // cos x = sin(π/2 − |x|), the difference kept to 107 bits
    const y = HP0 - Math.abs(x);
    const a = y + HP1;
    return sinOf(a, y - a + HP1);
  }
  if (k < 0x419921fb) {
    const a = reduce(x);
    return quadrant(a, reducedTail, reducedQuadrant + 1);
  }
  if (k < 0x7ff00000) return correctlyRoundedCos(x);
  return NaN;
}
