import { fmaf } from "./fusedMultiplyAdd";

/**
 * Single-precision exp, log and tanh as PyTorch computes them for float32 tensors on an AVX2 CPU:
 * through the SLEEF vector library's 1-ulp routines (with fused multiply-adds). They are not
 * correctly rounded — PyTorch's `x.exp()` differs from the nearest float for about one value
 * in ten — so GradLens evaluates the same polynomials and the same double-float (a float
 * plus its error term) arithmetic, one float operation at a time. Written from the published
 * algorithms (Shibata's SLEEF, Boost licence).
 */

const f = Math.fround;
const view = new DataView(new ArrayBuffer(4));

/** A float and its rounding error: SLEEF's "double-float". */
interface DF {
  x: number;
  y: number;
}

const R_LN2 = f(1.442695040888963407359924681001892137426645954152985934135449406931);
const L2U = f(0.693145751953125);
const L2L = f(1.428606765330187045e-6);

/** Round half to even, as the vector unit converts a float to an int. */
function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

const pow2 = (e: number) => f(2 ** e);

/** d·2^q in two steps, so neither factor overflows. */
function ldexp2(d: number, q: number): number {
  const half = q >> 1;
  return f(f(d * pow2(half)) * pow2(q - half));
}

const EXP_P = [
  0.000198527617612853646278381, 0.00139304355252534151077271, 0.00833336077630519866943359,
  0.0416664853692054748535156, 0.166666671633720397949219, 0.5,
].map(f);

/** SLEEF's expf (u10). */
export function expf(x: number): number {
  const d = f(x);
  if (Number.isNaN(d)) return NaN;
  const q = rint(f(d * R_LN2));
  let s = fmaf(q, -L2U, d);
  s = fmaf(q, -L2L, s);
  let u = EXP_P[0];
  for (let i = 1; i < EXP_P.length; i++) u = fmaf(u, s, EXP_P[i]);
  u = f(1 + fmaf(f(s * s), u, s));
  u = ldexp2(u, q);
  if (d < -104) return 0;
  if (d > 100) return Infinity;
  return u;
}

// double-float operations, each step one float operation (fused where SLEEF fuses)
const dfAdd2FF = (x: number, y: number): DF => {
  const rx = f(x + y);
  const v = f(rx - x);
  return { x: rx, y: f(f(x - f(rx - v)) + f(y - v)) };
};
const dfAdd2DF_F = (a: DF, y: number): DF => {
  const rx = f(a.x + y);
  const v = f(rx - a.x);
  return { x: rx, y: f(f(f(a.x - f(rx - v)) + f(y - v)) + a.y) };
};
const dfAdd2DF_DF = (a: DF, b: DF): DF => {
  const rx = f(a.x + b.x);
  const v = f(rx - a.x);
  return { x: rx, y: f(f(f(a.x - f(rx - v)) + f(b.x - v)) + f(a.y + b.y)) };
};
const dfAddDF_DF = (a: DF, b: DF): DF => {
  const rx = f(a.x + b.x);
  return { x: rx, y: f(f(f(f(a.x - rx) + b.x) + a.y) + b.y) };
};
const dfAddDF_F = (a: DF, y: number): DF => {
  const rx = f(a.x + y);
  return { x: rx, y: f(f(f(a.x - rx) + y) + a.y) };
};
const dfAddF_DF = (x: number, b: DF): DF => {
  const rx = f(x + b.x);
  return { x: rx, y: f(f(f(x - rx) + b.x) + b.y) };
};
const dfScale = (a: DF, s: number): DF => ({ x: f(a.x * s), y: f(a.y * s) });
const dfNeg = (a: DF): DF => ({ x: -a.x, y: -a.y });
const dfMulDF_F = (a: DF, y: number): DF => {
  const rx = f(a.x * y);
  return { x: rx, y: fmaf(a.y, y, fmaf(a.x, y, -rx)) };
};
const dfMulDF_DF = (a: DF, b: DF): DF => {
  const rx = f(a.x * b.x);
  return { x: rx, y: fmaf(a.x, b.y, fmaf(a.y, b.x, fmaf(a.x, b.x, -rx))) };
};
const dfSqu = (a: DF): DF => {
  const rx = f(a.x * a.x);
  return { x: rx, y: fmaf(f(a.x + a.x), a.y, fmaf(a.x, a.x, -rx)) };
};
const dfRec = (d: DF): DF => {
  const qx = f(1 / d.x);
  return { x: qx, y: f(qx * fmaf(-d.y, qx, fmaf(-d.x, qx, 1))) };
};
const dfDiv = (n: DF, d: DF): DF => {
  const t = f(1 / d.x);
  const qx = f(n.x * t);
  const u = fmaf(t, n.x, -qx);
  let qy = fmaf(-d.y, t, fmaf(-d.x, t, 1));
  qy = fmaf(qx, qy, fmaf(n.y, t, u));
  return { x: qx, y: qy };
};

const FLT_MIN = 1.1754943508222875e-38;
const INV_075 = f(1 / 0.75);

/** The float's biased exponent minus 127 (no normalisation, as SLEEF's vilogb2k). */
function exponentBits(x: number): number {
  view.setFloat32(0, x);
  return ((view.getUint32(0) >>> 23) & 0xff) - 0x7f;
}

/** x with e added to its exponent field (SLEEF's vldexp3). */
function addToExponent(x: number, e: number): number {
  view.setFloat32(0, x);
  view.setInt32(0, (view.getInt32(0) + e * 2 ** 23) | 0);
  return view.getFloat32(0);
}

/** SLEEF's logf (u1, what `Sleef_logf8_u10` runs). */
export function logf(x: number): number {
  let d = f(x);
  if (Number.isNaN(d) || d < 0) return NaN;
  if (d === 0) return -Infinity;
  if (d === Infinity) return Infinity;
  const tiny = d < FLT_MIN;
  if (tiny) d = f(d * 2 ** 64);
  let e = exponentBits(f(d * INV_075));
  const m = addToExponent(d, -e);
  if (tiny) e -= 64;
  let s = dfMulDF_F({ x: f(0.69314718246459960938), y: f(-1.904654323148236017e-9) }, e);
  const xq = dfDiv(dfAdd2FF(-1, m), dfAdd2FF(1, m));
  const x2 = f(xq.x * xq.x);
  let t = f(0.3027294874);
  t = fmaf(t, x2, f(0.3996108174));
  t = fmaf(t, x2, f(0.666669488));
  s = dfAddDF_DF(s, dfScale(xq, 2));
  s = dfAddDF_F(s, f(f(x2 * xq.x) * t));
  return f(s.x + s.y);
}

/** SLEEF's expk2f: e^d for a double-float d, as a double-float. */
function expk2(d: DF): DF {
  const u0 = f(f(d.x + d.y) * R_LN2);
  const q = rint(u0);
  let s = dfAdd2DF_F(d, f(q * -L2U));
  s = dfAdd2DF_F(s, f(q * -L2L));
  let u = f(0.1980960224e-3);
  u = fmaf(u, s.x, f(0.1394256484e-2));
  u = fmaf(u, s.x, f(0.8333456703e-2));
  u = fmaf(u, s.x, f(0.4166637361e-1));
  let t = dfAdd2DF_F(dfMulDF_F(s, u), f(0.166666659414234244790680580464));
  t = dfAdd2DF_F(dfMulDF_DF(s, t), 0.5);
  t = dfAdd2DF_DF(s, dfMulDF_DF(dfSqu(s), t));
  t = dfAddF_DF(1, t);
  const r = { x: ldexp2(t.x, q), y: ldexp2(t.y, q) };
  return d.x < -104 ? { x: 0, y: 0 } : r;
}

/** SLEEF's tanhf (u10). */
export function tanhf(x: number): number {
  const a = f(x);
  if (Number.isNaN(a)) return NaN;
  const y = Math.abs(a);
  let d = expk2({ x: y, y: 0 });
  const e = dfRec(d);
  d = dfDiv(dfAddDF_DF(d, dfNeg(e)), dfAddDF_DF(d, e));
  let r = f(d.x + d.y);
  if (y > f(8.664339742) || Number.isNaN(r)) r = 1;
  return a < 0 || Object.is(a, -0) ? -r : r;
}

const M_1_PI = f(0.318309886183790671537767526745028724);
const PI_A2 = f(3.1414794921875);
const PI_B2 = f(0.00011315941810607910156);
const PI_C2 = f(1.9841872589410058936e-9);
const SIN_P = [2.6083159809786593541503e-6, -0.0001981069071916863322258, 0.00833307858556509017944336].map(
  f,
);

const dfAddFF = (x: number, y: number): DF => {
  const rx = f(x + y);
  return { x: rx, y: f(f(x - rx) + y) };
};
const dfMulToFloat = (a: DF, b: DF): number => fmaf(a.x, b.x, fmaf(a.y, b.x, f(a.x * b.y)));

/** The shared polynomial of sinf_u1/cosf_u1 on the reduced argument t (a double-float). */
function sinPolynomial(t: DF): number {
  const s = dfSqu(t);
  let u = SIN_P[0];
  u = fmaf(u, s.x, SIN_P[1]);
  u = fmaf(u, s.x, SIN_P[2]);
  const x = dfAddF_DF(1, dfMulDF_DF(dfAddFF(f(-0.166666597127914428710938), f(u * s.x)), s));
  return dfMulToFloat(t, x);
}

/**
 * SLEEF's sinf (u1) for |x| < 125, Cody–Waite reduction by π in three parts; beyond that
 * SLEEF reduces with Payne–Hanek, which GradLens does not reproduce (the result is then the
 * correctly rounded sine, which may differ from PyTorch's in the last bit).
 */
export function sinf(x: number, fallback: (v: number) => number): number {
  const d = f(x);
  if (!(Math.abs(d) < 125)) return f(fallback(d));
  const u = rint(f(d * M_1_PI));
  const v = fmaf(u, -PI_A2, d);
  let s = dfAddFF(v, f(u * -PI_B2));
  s = dfAddDF_F(s, f(u * -PI_C2));
  const r = sinPolynomial(s);
  if (Object.is(d, -0)) return d;
  return u % 2 !== 0 ? -r : r;
}

/** SLEEF's cosf (u1) for |x| < 125 (see sinf for larger arguments). */
export function cosf(x: number, fallback: (v: number) => number): number {
  const d = f(x);
  if (!(Math.abs(d) < 125)) return f(fallback(d));
  const dq = fmaf(rint(fmaf(d, M_1_PI, -0.5)), 2, 1);
  let s = dfAdd2FF(d, f(dq * f(-PI_A2 * 0.5)));
  s = dfAdd2DF_F(s, f(dq * f(-PI_B2 * 0.5)));
  s = dfAdd2DF_F(s, f(dq * f(-PI_C2 * 0.5)));
  const r = sinPolynomial(s);
  return (dq & 2) === 0 ? -r : r;
}
