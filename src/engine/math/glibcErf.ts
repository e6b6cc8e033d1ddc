import { glibcExp } from "./glibcExp";

/**
 * glibc 2.36's erf and erfc (fdlibm's rational approximations, with glibc's evaluation of each
 * polynomial as pairs joined by powers of the argument): CPython's math.erf and math.erfc. glibc
 * has no FMA build of these, so every product is rounded (checked: a C transcription compiled with
 * -ffp-contract=off matches libm on millions of inputs; with -mfma it differs once in 150).
 * Beyond 1.25 both take exp(−z² − 0.5625)·exp((z − x)(z + x) + R/S), z being x with its low 32
 * bits cleared, through glibc's exp.
 */

const ERX = 8.45062911510467529297e-1; // erf(1) rounded to 27 bits
const EFX = 1.28379167095512586316e-1; // 2/√π − 1
// erf(x) = x + x·P(x²)/Q(x²) on [0, 0.84375]
const PP0 = 1.28379167095512558561e-1;
const PP1 = -3.2504210724700149937e-1;
const PP2 = -2.84817495755985104766e-2;
const PP3 = -5.77027029648944159157e-3;
const PP4 = -2.37630166566501626084e-5;
const QQ1 = 3.97917223959155352819e-1;
const QQ2 = 6.50222499887672944485e-2;
const QQ3 = 5.08130628187576562776e-3;
const QQ4 = 1.32494738004321644526e-4;
const QQ5 = -3.9602282787753681232e-6;
// erf(1 + s) − ERX = P(s)/Q(s) on [0.84375, 1.25]
const PA = [
  -2.36211856075265944077e-3, 4.14856118683748331666e-1, -3.72207876035701323847e-1,
  3.18346619901161753674e-1, -1.10894694282396677476e-1, 3.54783043256182359371e-2, -2.166375594868790843e-3,
];
const QA = [
  1, 1.06420880400844228286e-1, 5.40397917702171048937e-1, 7.18286544141962662868e-2,
  1.26171219808761642112e-1, 1.36370839120290507362e-2, 1.1984499846799107417e-2,
];
// erfc(x)·x·exp(x² + 0.5625) = exp(R(1/x²)/S(1/x²)) on [1.25, 1/0.35] (RA, SA) and beyond (RB, SB)
const RA = [
  -9.86494403484714822705e-3, -6.93858572707181764372e-1, -1.05586262253232909814e1,
  -6.23753324503260060396e1, -1.62396669462573470355e2, -1.84605092906711035994e2, -8.12874355063065934246e1,
  -9.81432934416914548592,
];
const SA = [
  1, 1.96512716674392571292e1, 1.376577541435190426e2, 4.34565877475229228821e2, 6.45387271733267880336e2,
  4.29008140027567833386e2, 1.08635005541779435134e2, 6.57024977031928170135, -6.04244152148580987438e-2,
];
const RB = [
  -9.86494292470009928597e-3, -7.99283237680523006574e-1, -1.77579549177547519889e1,
  -1.60636384855821916062e2, -6.37566443368389627722e2, -1.02509513161107724954e3, -4.83519191608651397019e2,
];
const SB = [
  1, 3.03380607434824582924e1, 3.25792512996573918826e2, 1.53672958608443695994e3, 3.19985821950859553908e3,
  2.55305040643316442583e3, 4.74528541206955367215e2, -2.24409524465858183362e1,
];

const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer); // little-endian: i32[1] is the high word

function highWord(x: number): number {
  f64[0] = x;
  return i32[1];
}

/** P(z)/Q(z), z = x², the correction x·P/Q on [0, 0.84375]. */
function smallRatio(z: number): number {
  const z2 = z * z;
  const z4 = z2 * z2;
  const r = PP0 + z * PP1 + z2 * (PP2 + z * PP3) + z4 * PP4;
  const s = 1 + z * QQ1 + z2 * (QQ2 + z * QQ3) + z4 * (QQ4 + z * QQ5);
  return r / s;
}

/** Coefficients c[0..n] summed as glibc does: pairs c[2i] + s·c[2i+1] joined by s^(2i). */
function pairs(c: readonly number[], s: number, s2: number, s4: number, s6: number, s8: number): number {
  let sum = c[0] + s * c[1] + s2 * (c[2] + s * c[3]) + s4 * (c[4] + s * c[5]);
  if (c.length === 7) return sum + s6 * c[6];
  sum += s6 * (c[6] + s * c[7]);
  return c.length === 9 ? sum + s8 * c[8] : sum;
}

/** P(s)/Q(s) on [0.84375, 1.25], s = |x| − 1. */
function middleRatio(s: number): number {
  const s2 = s * s;
  const s4 = s2 * s2;
  const s6 = s4 * s2;
  return pairs(PA, s, s2, s4, s6, 0) / pairs(QA, s, s2, s4, s6, 0);
}

/** exp(−x² − 0.5625 + R/S)/x for x ≥ 1.25; `near` picks the [1.25, 1/0.35] pair. */
function tail(x: number, near: boolean): number {
  const s = 1 / (x * x);
  const s2 = s * s;
  const s4 = s2 * s2;
  const s6 = s4 * s2;
  const s8 = s4 * s4;
  const r = pairs(near ? RA : RB, s, s2, s4, s6, s8);
  const q = pairs(near ? SA : SB, s, s2, s4, s6, s8);
  f64[0] = x;
  i32[0] = 0;
  const z = f64[0];
  return (glibcExp(-z * z - 0.5625) * glibcExp((z - x) * (z + x) + r / q)) / x;
}

export function glibcErf(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) return Number.isNaN(x) ? x : x > 0 ? 1 : -1;
  if (ix < 0x3feb0000) {
    if (ix < 0x3e300000) return ix < 0x00800000 ? 0.0625 * (16 * x + 16 * EFX * x) : x + EFX * x;
    return x + x * smallRatio(x * x);
  }
  if (ix < 0x3ff40000) {
    const pq = middleRatio(Math.abs(x) - 1);
    return hx >= 0 ? ERX + pq : -ERX - pq;
  }
  if (ix >= 0x40180000) return hx >= 0 ? 1 : -1;
  const r = tail(Math.abs(x), ix < 0x4006db6e);
  return hx >= 0 ? 1 - r : r - 1;
}

export function glibcErfc(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x7ff00000) return Number.isNaN(x) ? x : x > 0 ? 0 : 2;
  if (ix < 0x3feb0000) {
    if (ix < 0x3c700000) return 1 - x;
    const y = smallRatio(x * x);
    if (hx < 0x3fd00000) return 1 - (x + x * y);
    return 0.5 - (x * y + (x - 0.5));
  }
  if (ix < 0x3ff40000) {
    const pq = middleRatio(Math.abs(x) - 1);
    return hx >= 0 ? 1 - ERX - pq : 1 + (ERX + pq);
  }
  if (ix < 0x403c0000) {
    if (hx < 0 && ix >= 0x40180000) return 2;
    const r = tail(Math.abs(x), ix < 0x4006db6d);
    return hx > 0 ? r : 2 - r;
  }
  return hx > 0 ? 0 : 2;
}
