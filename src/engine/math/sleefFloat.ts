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
export interface DF {
  x: number;
  y: number;
}

export const R_LN2 = f(1.442695040888963407359924681001892137426645954152985934135449406931);
export const L2U = f(0.693145751953125);
export const L2L = f(1.428606765330187045e-6);

/** Round half to even, as the vector unit converts a float to an int. */
export function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** 2^e as a float, from a table: `2 ** e` is a call to pow, and ldexp2 needs two per result. */
const POW2_LOW = -200;
const POW2 = Float64Array.from({ length: 401 }, (_, i) => f(2 ** (i + POW2_LOW)));
const pow2 = (e: number) => (e >= POW2_LOW && e <= -POW2_LOW ? POW2[e - POW2_LOW] : f(2 ** e));

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
export const dfAdd2FF = (x: number, y: number): DF => {
  const rx = f(x + y);
  const v = f(rx - x);
  return { x: rx, y: f(f(x - f(rx - v)) + f(y - v)) };
};
export const dfAdd2DF_F = (a: DF, y: number): DF => {
  const rx = f(a.x + y);
  const v = f(rx - a.x);
  return { x: rx, y: f(f(f(a.x - f(rx - v)) + f(y - v)) + a.y) };
};
export const dfAddDF_DF = (a: DF, b: DF): DF => {
  const rx = f(a.x + b.x);
  return { x: rx, y: f(f(f(f(a.x - rx) + b.x) + a.y) + b.y) };
};
const dfAddDF_F = (a: DF, y: number): DF => {
  const rx = f(a.x + y);
  return { x: rx, y: f(f(f(a.x - rx) + y) + a.y) };
};
export const dfAddF_DF = (x: number, b: DF): DF => {
  const rx = f(x + b.x);
  return { x: rx, y: f(f(f(x - rx) + b.x) + b.y) };
};
export const dfScale = (a: DF, s: number): DF => ({ x: f(a.x * s), y: f(a.y * s) });
export const dfMulDF_F = (a: DF, y: number): DF => {
  const rx = f(a.x * y);
  return { x: rx, y: fmaf(a.y, y, fmaf(a.x, y, -rx)) };
};
export const dfMulDF_DF = (a: DF, b: DF): DF => {
  const rx = f(a.x * b.x);
  return { x: rx, y: fmaf(a.x, b.y, fmaf(a.y, b.x, fmaf(a.x, b.x, -rx))) };
};
export const dfSqu = (a: DF): DF => {
  const rx = f(a.x * a.x);
  return { x: rx, y: fmaf(f(a.x + a.x), a.y, fmaf(a.x, a.x, -rx)) };
};
export const dfDiv = (n: DF, d: DF): DF => {
  const t = f(1 / d.x);
  const qx = f(n.x * t);
  const u = fmaf(t, n.x, -qx);
  let qy = fmaf(-d.y, t, fmaf(-d.x, t, 1));
  qy = fmaf(qx, qy, fmaf(n.y, t, u));
  return { x: qx, y: qy };
};

export const FLT_MIN = 1.1754943508222875e-38;
export const INV_075 = f(1 / 0.75);

/** The float's biased exponent minus 127 (no normalisation, as SLEEF's vilogb2k). */
export function exponentBits(x: number): number {
  view.setFloat32(0, x);
  return ((view.getUint32(0) >>> 23) & 0xff) - 0x7f;
}

/** x with e added to its exponent field (SLEEF's vldexp3). */
export function addToExponent(x: number, e: number): number {
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

const TANH_SATURATED = f(8.664339742);
const EXPK2_P1 = f(0.1394256484e-2);
const EXPK2_P2 = f(0.8333456703e-2);
const EXPK2_P3 = f(0.4166637361e-1);
const EXPK2_C = f(0.166666659414234244790680580464);

/**
 * SLEEF's tanhf (u10), fast. SLEEF's double-float result rounds to the float nearest the true
 * tanh except when that lies very close to halfway between two floats; so where the double
 * `Math.tanh` is clearly on one side of every halfway point, its nearest float is SLEEF's answer.
 * Checked on every float from 2^-11 to where tanh saturates: where SLEEF's float is not the one
 * nearest `Math.tanh`, that lies within 2^-29.96 (relative) of a halfway point below 0.5, and
 * within 2^-31.76 from 0.5 up; the windows below are 8 and 6.8 times wider. Other inputs, and
 * the few within a window (12–25% below 0.5, 3–6% above), take SLEEF's own steps.
 */
export function tanhf(x: number): number {
  const a = f(x);
  const y = Math.abs(a);
  if (y >= 2 ** -11 && y <= TANH_SATURATED) {
    const t = Math.tanh(y);
    const r = f(t);
    const window = y < 0.5 ? 2 ** -27 : 2 ** -29;
    if (f(t * (1 + window)) === r && f(t * (1 - window)) === r) return a < 0 ? -r : r;
  }
  return sleefTanhf(a);
}

/**
 * SLEEF's tanhf (u10): (e^y − e^−y)/(e^y + e^−y) in double-floats, e^y by SLEEF's expk2f.
 * Written out flat — the float operations of SLEEF's double-float helpers (those above and its
 * dfrec), in SLEEF's order, with each double-float in two locals — because float32 tanh runs once per hidden unit per
 * sample in a tanh network's training loop, and the objects made the garbage collector the cost.
 */
export function sleefTanhf(x: number): number {
  const a = f(x);
  if (Number.isNaN(a)) return NaN;
  const y = Math.abs(a);
  // SLEEF computes the whole and then returns ±1 here; the result does not depend on it
  if (y > TANH_SATURATED) return a < 0 ? -1 : 1;
  // expk2({ x: y, y: 0 }) = dx + dy
  const q = rint(f(f(y + 0) * R_LN2));
  const c1 = f(q * -L2U);
  const s1x = f(y + c1);
  let v = f(s1x - y);
  const s1y = f(f(f(y - f(s1x - v)) + f(c1 - v)) + 0);
  const c2 = f(q * -L2L);
  const sx = f(s1x + c2);
  v = f(sx - s1x);
  const sy = f(f(f(s1x - f(sx - v)) + f(c2 - v)) + s1y);
  let u = f(0.1980960224e-3);
  u = fmaf(u, sx, EXPK2_P1);
  u = fmaf(u, sx, EXPK2_P2);
  u = fmaf(u, sx, EXPK2_P3);
  // t = s·u + 1/6
  let tx = f(sx * u);
  let ty = fmaf(sy, u, fmaf(sx, u, -tx));
  let rx = f(tx + EXPK2_C);
  v = f(rx - tx);
  ty = f(f(f(tx - f(rx - v)) + f(EXPK2_C - v)) + ty);
  tx = rx;
  // t = s·t + 0.5
  rx = f(sx * tx);
  ty = fmaf(sx, ty, fmaf(sy, tx, fmaf(sx, tx, -rx)));
  tx = rx;
  rx = f(tx + 0.5);
  v = f(rx - tx);
  ty = f(f(f(tx - f(rx - v)) + f(0.5 - v)) + ty);
  tx = rx;
  // t = s + s²·t
  const qx = f(sx * sx);
  const qy = fmaf(f(sx + sx), sy, fmaf(sx, sx, -qx));
  const mx = f(qx * tx);
  const my = fmaf(qx, ty, fmaf(qy, tx, fmaf(qx, tx, -mx)));
  rx = f(sx + mx);
  v = f(rx - sx);
  ty = f(f(f(sx - f(rx - v)) + f(mx - v)) + f(sy + my));
  tx = rx;
  // t = 1 + t
  rx = f(1 + tx);
  ty = f(f(f(1 - rx) + tx) + ty);
  tx = rx;
  const dx = ldexp2(tx, q);
  const dy = ldexp2(ty, q);
  // e = 1/d
  const ex = f(1 / dx);
  const ey = f(ex * fmaf(-dy, ex, fmaf(-dx, ex, 1)));
  // (d − e) / (d + e)
  const nx = f(dx + -ex);
  const ny = f(f(f(f(dx - nx) + -ex) + dy) + -ey);
  const wx = f(dx + ex);
  const wy = f(f(f(f(dx - wx) + ex) + dy) + ey);
  const t = f(1 / wx);
  const zx = f(nx * t);
  const zu = fmaf(t, nx, -zx);
  let zy = fmaf(-wy, t, fmaf(-wx, t, 1));
  zy = fmaf(zx, zy, fmaf(ny, t, zu));
  let r = f(zx + zy);
  if (Number.isNaN(r)) r = 1;
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
