import { fmaf } from "../../math/fusedMultiplyAdd";

/**
 * The single-precision logarithm and sine/cosine that PyTorch's AVX2 `randn` kernel evaluates,
 * operation by operation: Cephes-style polynomials (as in the well-known "sse/avx_mathfun"
 * routines), every step rounded to float32, and the multiply-adds fused wherever the compiler
 * contracts them. These are not correctly rounded; reproducing PyTorch's normals bit for bit
 * means reproducing their exact rounding, so each step below is one machine operation.
 */

const f = Math.fround;
const view = new DataView(new ArrayBuffer(4));

const SQRT_HALF = f(0.707106781186547524);
const LOG_P = [
  7.0376836292e-2, -1.151461031e-1, 1.167699874e-1, -1.2420140846e-1, 1.4249322787e-1, -1.6668057665e-1,
  2.0000714765e-1, -2.4999993993e-1, 3.3333331174e-1,
].map(f);
const LOG_Q1 = f(-2.1219444e-4);
const LOG_Q2 = f(0.693359375);

/** ln(x) for 0 < x ≤ 1 (the kernel's u1 = 1 − u), as the vector routine rounds it. */
export function logf(x: number): number {
  view.setFloat32(0, x);
  const raw = view.getInt32(0);
  let e = f((raw >>> 23) - 0x7f + 1);
  // the mantissa with the exponent of 0.5: m in [0.5, 1)
  view.setInt32(0, (raw & ~0x7f800000) | 0x3f000000);
  let m = view.getFloat32(0);
  const below = m < SQRT_HALF;
  const extra = below ? m : 0;
  m = f(m - 1);
  if (below) e = f(e - 1);
  m = f(m + extra);
  const z = f(m * m);
  let y = LOG_P[0];
  for (let i = 1; i < LOG_P.length; i++) y = fmaf(y, m, LOG_P[i]);
  y = f(y * m);
  y = fmaf(y, z, f(e * LOG_Q1));
  y = fmaf(-z, 0.5, y);
  return fmaf(e, LOG_Q2, f(m + y));
}

const FOUR_OVER_PI = f(1.27323954473516);
const DP1 = f(-0.78515625);
const DP2 = f(-2.4187564849853515625e-4);
const DP3 = f(-3.77489497744594108e-8);
const COS_P = [2.443315711809948e-5, -1.388731625493765e-3, 4.166664568298827e-2].map(f);
const SIN_P = [-1.9515295891e-4, 8.3321608736e-3, -1.6666654611e-1].map(f);

/** [sin x, cos x] for a float x, reduced by octant as the vector routine does it. */
export function sincosf(x: number): [number, number] {
  let sinNegative = x < 0;
  let a = Math.abs(x);
  // the octant j, rounded up to even; j selects the polynomial and the signs
  const j = ((Math.trunc(f(a * FOUR_OVER_PI)) + 1) & ~1) >>> 0;
  const y = f(j);
  if ((j & 4) !== 0) sinNegative = !sinNegative;
  const usesSinPolynomial = (j & 2) === 0;
  const cosNegative = (~(j - 2) & 4) !== 0;
  a = fmaf(y, DP1, a);
  a = fmaf(y, DP2, a);
  a = fmaf(y, DP3, a);
  const z = f(a * a);
  let c = fmaf(COS_P[0], z, COS_P[1]);
  c = fmaf(c, z, COS_P[2]);
  c = f(c * z);
  c = fmaf(c, z, -f(z * 0.5));
  c = f(c + 1);
  let s = fmaf(SIN_P[0], z, SIN_P[1]);
  s = fmaf(s, z, SIN_P[2]);
  s = f(s * z);
  s = fmaf(s, a, a);
  const [sine, cosine] = usesSinPolynomial ? [s, c] : [c, s];
  return [sinNegative ? -sine : sine, cosNegative ? -cosine : cosine];
}
