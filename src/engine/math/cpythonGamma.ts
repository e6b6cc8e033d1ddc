import { glibcExp } from "./glibcExp";
import { glibcLog } from "./glibcLog";
import { glibcPow } from "./glibcPow";
import { glibcCos, glibcSin } from "./glibcSinCos";

/**
 * CPython's math.gamma and math.lgamma, which are CPython's own (not libm's): Lanczos'
 * approximation with N = 13 and g = 6.024680040776729583740234375 (Boost's parameters), the sum
 * written as a rational function (in x below 5, in 1/x above), a correction for the rounding of
 * x + g − 0.5, and the reflection formula for negative x through sin(πx) reduced to [0, 0.25].
 * The exp, pow, log, sin and cos are glibc's, so the last digits are CPython's on Debian.
 * Results are raw: a NaN or an infinity from a finite argument is the caller's error to raise
 * (`domainError` tells the two kinds of infinity apart).
 */

const G = 6.024680040776729583740234375;
const G_MINUS_HALF = 5.524680040776729583740234375;
// numerator and denominator of the Lanczos sum as polynomials in x (the denominator is
// x(x+1)…(x+11))
const NUM = [
  23531376880.41075968857200767445163675473484680494, 42919803642.649098768957899047001988850926355848959,
  35711959237.355668049440185451547166705960488635843, 17921034426.03720969991975575445893111267140326539,
  6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
  248874557.86205415651146038641322942321632125127801, 31426415.58540019438061423162831820536287468498764,
  2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
  8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
  2.5066282746310002701649081771338373386264310793408,
];
const DEN = [
  0, 39916800, 120543840, 150917976, 105258076, 45995730, 13339535, 2637558, 357423, 32670, 1925, 66, 1,
];
const LOG_PI = 1.144729885849400174143427351353058711647;

/** Γ(n) for n = 1 … 23, which a double holds exactly. */
const FACTORIALS: number[] = [1];
for (let n = 1; n < 23; n++) FACTORIALS.push(FACTORIALS[n - 1] * n);

function lanczosSum(x: number): number {
  let num = 0;
  let den = 0;
  if (x < 5) {
    for (let i = NUM.length - 1; i >= 0; i--) {
      num = num * x + NUM[i];
      den = den * x + DEN[i];
    }
  } else {
    for (let i = 0; i < NUM.length; i++) {
      num = num / x + NUM[i];
      den = den / x + DEN[i];
    }
  }
  return num / den;
}

/** sin(πx) for finite x, reduced so that the argument of sin or cos is within π/4. */
function sinPi(x: number): number {
  const y = Math.abs(x) % 2;
  const n = Math.round(2 * y); // C's round: halves away from zero, y ≥ 0
  let r: number;
  switch (n) {
    case 0:
      r = glibcSin(Math.PI * y);
      break;
    case 1:
      r = glibcCos(Math.PI * (y - 0.5));
      break;
    case 2:
      r = glibcSin(Math.PI * (1 - y));
      break;
    case 3:
      r = -glibcCos(Math.PI * (y - 1.5));
      break;
    default:
      r = glibcSin(Math.PI * (y - 2));
  }
  return x < 0 ? -r : r;
}

/** Γ(x); NaN at the poles 0 (±inf there: see `gammaPole`) and the negative integers. */
export function cpythonGamma(x: number): number {
  if (!Number.isFinite(x)) return x !== x || x > 0 ? x : NaN;
  if (x === 0) return Object.is(x, -0) ? -Infinity : Infinity;
  if (x === Math.floor(x)) {
    if (x < 0) return NaN;
    if (x <= 23) return FACTORIALS[x - 1];
  }
  const ax = Math.abs(x);
  if (ax < 1e-20) return 1 / x;
  if (ax > 200) return x < 0 ? 0 / sinPi(x) : Infinity;
  const y = ax + G_MINUS_HALF;
  // the rounding error of y, scaled: the result is corrected by (1 + z)
  let z = ax > G_MINUS_HALF ? y - ax - G_MINUS_HALF : y - G_MINUS_HALF - ax;
  z = (z * G) / y;
  let r: number;
  if (x < 0) {
    r = ((-Math.PI / sinPi(ax) / ax) * glibcExp(y)) / lanczosSum(ax);
    r -= z * r;
    if (ax < 140) r /= glibcPow(y, ax - 0.5);
    else {
      const half = glibcPow(y, ax / 2 - 0.25);
      r /= half;
      r /= half;
    }
  } else {
    r = lanczosSum(ax) / glibcExp(y);
    r += z * r;
    if (ax < 140) r *= glibcPow(y, ax - 0.5);
    else {
      const half = glibcPow(y, ax / 2 - 0.25);
      r *= half;
      r *= half;
    }
  }
  return r;
}

/** log|Γ(x)|; +inf at the poles (0 and the negative integers), which CPython reports as a domain error. */
export function cpythonLgamma(x: number): number {
  if (!Number.isFinite(x)) return x !== x ? x : Infinity;
  if (x === Math.floor(x) && x <= 2) return x <= 0 ? Infinity : 0;
  const ax = Math.abs(x);
  if (ax < 1e-20) return -glibcLog(ax);
  let r = glibcLog(lanczosSum(ax)) - G;
  r += (ax - 0.5) * (glibcLog(ax + G - 0.5) - 1);
  if (x < 0) r = LOG_PI - glibcLog(Math.abs(sinPi(ax))) - glibcLog(ax) - r;
  return r;
}
