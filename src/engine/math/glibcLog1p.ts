import { fma } from "./fusedMultiplyAdd";

/**
 * glibc's log1p (fdlibm's, as Naohiko Shimizu reordered it for pipelines) as its FMA build
 * computes it: CPython's math.log1p, numpy's float64 np.log1p, and the log1p(-U) of numpy's
 * Generator exponentials. V8's Math.log1p is fdlibm's unfused code, which lands on the other
 * neighbour for about one input in 1,200 between −0.29 and 0.41. The fma()s are where GCC fuses
 * (a multiply whose only uses are additions in its block); `s·(hfsq + R)` is not fused because
 * GCC hoists it above the branch on k, out of the block of its uses.
 */

const LN2_HI = 6.9314718036912381649e-1; // 0x3fe62e42 fee00000: k·LN2_HI is exact
const LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef 35793c76
// log(1+f) = 2s + s·R(s²), s = f/(2+f), R ≈ Lp1·z + Lp2·z² + … + Lp7·z⁷ (z = s²)
const LP1 = 6.66666666666673513e-1;
const LP2 = 3.999999999940941908e-1;
const LP3 = 2.857142874366239149e-1;
const LP4 = 2.222219843214978396e-1;
const LP5 = 1.818357216161805012e-1;
const LP6 = 1.531383769920937332e-1;
const LP7 = 1.479819860511658591e-1;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer); // little-endian: u32[1] is the high word
const i32 = new Int32Array(f64.buffer);

export function glibcLog1p(x: number): number {
  f64[0] = x;
  const hx = i32[1];
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = 0;
  let c = 0;
  let hu = 0;
  if (hx < 0x3fda827a) {
    // x < 0.41422
    if (ax >= 0x3ff00000) return x === -1 ? -Infinity : NaN; // x <= -1
    if (ax < 0x3e200000) return ax < 0x3c900000 ? x : fma(-(x * x), 0.5, x); // |x| < 2^-29
    if (hx > 0 || hx <= (0xbfd2bec3 | 0)) {
      // −0.2929 < x < 0.41422: 1 + x needs no reduction
      k = 0;
      f = x;
      hu = 1;
    }
  } else if (hx >= 0x7ff00000) return x + x;
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1 + x;
      f64[0] = u;
      hu = i32[1];
      k = (hu >> 20) - 1023;
      c = (k > 0 ? 1 - (u - x) : x - (u - 1)) / u; // the rounding error of 1 + x, relative
    } else {
      u = x;
      hu = hx;
      k = (hu >> 20) - 1023;
    }
    hu &= 0x000fffff;
    f64[0] = u;
    if (hu < 0x6a09e)
      u32[1] = hu | 0x3ff00000; // u normalized to [1, √2)
    else {
      k += 1;
      u32[1] = hu | 0x3fe00000; // u/2 normalized to [√2/2, 1)
      hu = (0x00100000 - hu) >> 2;
    }
    f = f64[0] - 1;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) {
    // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : fma(k, LN2_HI, fma(k, LN2_LO, c));
    const r = hfsq * fma(-0.66666666666666666, f, 1);
    if (k === 0) return f - r;
    return fma(k, LN2_HI, -(r - fma(k, LN2_LO, c) - f));
  }
  const s = f / (2 + f);
  const z = s * s;
  const z2 = z * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const r = fma(z6, fma(z, LP7, LP6), fma(z4, fma(z, LP5, LP4), fma(z, LP1, z2 * fma(z, LP3, LP2))));
  const sr = s * (hfsq + r);
  if (k === 0) return f - (hfsq - sr);
  return fma(k, LN2_HI, -(hfsq - (sr + fma(k, LN2_LO, c)) - f));
}
