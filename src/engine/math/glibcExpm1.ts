import { fma } from "./fusedMultiplyAdd";

/**
 * glibc's expm1 (fdlibm's, with the polynomial split in three) as its FMA build computes it;
 * glibc's tanh, sinh and cosh are built on it. V8's Math.expm1 is fdlibm's too, but evaluates
 * the polynomial by Horner's rule and rounds every product, so its last digit differs about once
 * in 2,000, and Math.tanh's once in 40. The fma()s are where GCC fuses in glibc's FMA build: a
 * multiply whose only uses are additions in its block.
 */

const LN2_HI = 6.9314718036912381649e-1; // 0x3fe62e42 fee00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef 35793c76
const INV_LN2 = 1.442695040888963387; // 0x3ff71547 652b82fe
const Q1 = -3.33333333333331316428e-2;
const Q2 = 1.58730158725481460165e-3;
const Q3 = -7.93650757867487942473e-5;
const Q4 = 4.00821782732936239552e-6;
const Q5 = -2.01099218183624371326e-7;
const OVERFLOW = 7.09782712893383973096e2;

export function glibcExpm1(x: number): number {
  const ax = Math.abs(x);
  if (!(ax < 56 * LN2_HI)) {
    if (x !== x) return x + x;
    if (x === Infinity) return x;
    if (x < 0) return -1;
    if (x > OVERFLOW) return Infinity;
  }
  let k = 0;
  let c = 0;
  if (ax > 0.5 * LN2_HI) {
    let hi: number;
    let lo: number;
    if (ax < 1.5 * LN2_HI) {
      k = x > 0 ? 1 : -1;
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    } else {
      k = Math.trunc(fma(INV_LN2, x, x > 0 ? 0.5 : -0.5));
      hi = x - k * LN2_HI; // exact
      lo = k * LN2_LO;
    }
    x = hi - lo;
    c = hi - x - lo;
  } else if (ax < 2 ** -54) return x;
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const h2 = hxs * hxs;
  const r1 = fma(h2 * h2, fma(hxs, Q5, Q4), fma(h2, fma(hxs, Q3, Q2), fma(hxs, Q1, 1)));
  const t = fma(-r1, hfx, 3);
  let e = hxs * ((r1 - t) / fma(-x, t, 6));
  if (k === 0) return x - fma(x, e, -hxs);
  e = fma(x, e - c, -c) - hxs;
  if (k === -1) return fma(0.5, x - e, -0.5);
  if (k === 1) return x < -0.25 ? -2 * (e - (x + 0.5)) : fma(2, x - e, 1);
  if (k <= -2 || k > 56) {
    // exp(x) − 1 from 2^k·(1 + x − e); k = 1024 only scales in two steps
    const y = 1 - (e - x);
    return (k === 1024 ? y * 2 * 2 ** 1023 : y * 2 ** k) - 1;
  }
  if (k < 20) return (1 - 2 ** -k - (e - x)) * 2 ** k;
  return (x - (e + 2 ** -k) + 1) * 2 ** k;
}
