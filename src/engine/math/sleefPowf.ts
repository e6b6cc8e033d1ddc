import { fmaf } from "./fusedMultiplyAdd";
import {
  FLT_MIN,
  INV_075,
  L2L,
  L2U,
  R_LN2,
  addToExponent,
  dfAdd2DF_F,
  dfAdd2FF,
  dfAddDF_DF,
  dfAddF_DF,
  dfDiv,
  dfMulDF_DF,
  dfMulDF_F,
  dfScale,
  dfSqu,
  exponentBits,
  rint,
  type DF,
} from "./sleefFloat";

/**
 * SLEEF's powf (u10), what PyTorch's vectorised `x ** k` runs for a float32 tensor and an
 * exponent other than 2, 3, −2, ½, −½ and −1: e^(y·log|x|) with log and exp in double-floats,
 * then the signs and special values. It is not correctly rounded — `x ** 5` differs from the
 * nearest float for some x — so GradLens takes the same steps, one float operation at a time.
 * Written from the published algorithm (Shibata's SLEEF, Boost licence).
 */

const f = Math.fround;
const bits = new DataView(new ArrayBuffer(4));

function floatOfBits(b: number): number {
  bits.setInt32(0, b | 0);
  return bits.getFloat32(0);
}

const dfAdd2DF_DF = (a: DF, b: DF): DF => {
  const s = f(a.x + b.x);
  const v = f(s - a.x);
  const t = f(f(a.x - f(s - v)) + f(b.x - v));
  return { x: s, y: f(t + f(a.y + b.y)) };
};

/** log|d| as a double-float (SLEEF's logkf). */
function logkf(x: number): DF {
  let d = x;
  const tiny = d < FLT_MIN;
  if (tiny) d = f(d * 2 ** 64);
  let e = exponentBits(f(d * INV_075));
  const m = addToExponent(d, -e);
  if (tiny) e -= 64;
  const q = dfDiv(dfAdd2FF(-1, m), dfAdd2FF(1, m));
  const q2 = dfSqu(q);
  let t = f(0.240320354700088500976562);
  t = fmaf(t, q2.x, f(0.285112679004669189453125));
  t = fmaf(t, q2.x, f(0.400007992982864379882812));
  const c: DF = { x: f(0.66666662693023681640625), y: f(3.69183861259614332084311e-9) };
  let s = dfMulDF_F({ x: f(0.69314718246459960938), y: f(-1.904654323148236017e-9) }, e);
  s = dfAddDF_DF(s, dfScale(q, 2));
  return dfAddDF_DF(s, dfMulDF_DF(dfMulDF_DF(q2, q), dfAdd2DF_DF(dfMulDF_F(q2, t), c)));
}

/** x·2^q as SLEEF's vldexp: in five float multiplications, so extreme q scale in steps. */
function ldexpf(x: number, q: number): number {
  let m = q >> 31;
  m = (((m + q) >> 6) - m) << 4;
  const rest = q - (m << 2);
  m = Math.min(Math.max(0x7f + m, 0), 0xff);
  const u = floatOfBits(m << 23);
  const r = f(f(f(f(x * u) * u) * u) * u);
  return f(r * floatOfBits((rest + 0x7f) << 23));
}

/** e^d for a double-float d (SLEEF's expkf). */
function expkf(d: DF): number {
  const u0 = f(f(d.x + d.y) * R_LN2);
  // the vector unit's float → int conversion: nearest even, or INT_MIN out of range
  const q = Math.abs(u0) < 2 ** 31 ? rint(u0) : -(2 ** 31);
  let s = dfAdd2DF_F(d, f(q * -L2U));
  s = dfAdd2DF_F(s, f(q * -L2L));
  const sx = f(s.x + s.y);
  s = { x: sx, y: f(f(s.x - sx) + s.y) };
  let u = f(0.00136324646882712841033936);
  u = fmaf(u, s.x, f(0.00836596917361021041870117));
  u = fmaf(u, s.x, f(0.0416710823774337768554688));
  u = fmaf(u, s.x, f(0.166665524244308471679688));
  u = fmaf(u, s.x, f(0.499999850988388061523438));
  let t = dfAddDF_DF(s, dfMulDF_F(dfSqu(s), u));
  t = dfAddF_DF(1, t);
  const r = ldexpf(f(t.x + t.y), q);
  return d.x < -104 ? 0 : r;
}

/** The sign of x as ±1, by its sign bit (so −0 gives −1). */
const signOf = (x: number): number => (x < 0 || Object.is(x, -0) ? -1 : 1);

/** SLEEF's powf (u10) for float32 x and y. */
export function sleefPowf(xIn: number, yIn: number): number {
  const x = f(xIn);
  const y = f(yIn);
  const yIsInt = Math.trunc(y) === y || Math.abs(y) > 2 ** 24;
  const yIsOdd = yIsInt && Math.abs(y) < 2 ** 24 && (Math.trunc(y) & 1) === 1;
  let result = expkf(dfMulDF_F(logkf(Math.abs(x)), y));
  if (Number.isNaN(result)) result = Infinity;
  result = f(result * (x > 0 ? 1 : yIsInt ? (yIsOdd ? -1 : 1) : NaN));
  if (y === Infinity || y === -Infinity) {
    const efx = f(Math.abs(x) - 1) * signOf(y);
    result = efx < 0 ? 0 : efx === 0 ? 1 : Infinity;
  }
  if (x === Infinity || x === -Infinity || x === 0) {
    const power = (x === 0 ? -y : y) < 0 ? 0 : Infinity;
    result = (yIsOdd ? signOf(x) : 1) * power;
  }
  if (Number.isNaN(x) || Number.isNaN(y)) result = NaN;
  if (y === 0 || x === 1) result = 1;
  return result;
}
