import { glibcExp } from "./glibcExp";
import { glibcExpm1 } from "./glibcExpm1";

/**
 * glibc's tanh, sinh and cosh: fdlibm's formulas (compiled without FMA) over glibc's exp and
 * expm1. V8's Math.tanh/sinh/cosh use the same formulas over V8's expm1 and exp, which differ from
 * glibc's in the last bit now and then: math.tanh(0.1011622801574561) is 0.10081859522323347 in
 * CPython and ...346 in V8, and micrograd's tanh neuron carries that on.
 */

/** Below it, cosh and sinh are half of exp(|x|) without overflowing: log(DBL_MAX). */
const LOG_MAX = 709.7822265625; // high word 0x40862e42
/** The largest |x| whose cosh and sinh are finite: exp(|x|/2)² still fits. */
const OVERFLOW = 710.4758600739439; // 0x408633ce8fb9f87d

export function glibcTanh(x: number): number {
  if (!Number.isFinite(x)) return x !== x ? x : Math.sign(x);
  const ax = Math.abs(x);
  let z: number;
  if (ax >= 22) z = 1;
  else if (ax < 2 ** -55) return x * (1 + x);
  else if (ax >= 1) z = 1 - 2 / (glibcExpm1(2 * ax) + 2);
  else {
    const t = glibcExpm1(-2 * ax);
    z = -t / (t + 2);
  }
  return x < 0 ? -z : z;
}

export function glibcCosh(x: number): number {
  const ax = Math.abs(x);
  if (ax < 22) {
    if (ax < 0.34657359027997264) {
      // |x| below ln2/2: 1 + expm1(|x|)²/(2·exp(|x|))
      if (ax < 2 ** -55) return 1;
      const t = glibcExpm1(ax);
      const w = 1 + t;
      return 1 + (t * t) / (w + w);
    }
    const t = glibcExp(ax);
    return 0.5 * t + 0.5 / t;
  }
  if (ax < LOG_MAX) return 0.5 * glibcExp(ax);
  if (ax <= OVERFLOW) {
    const w = glibcExp(0.5 * ax);
    return 0.5 * w * w;
  }
  return x * x * Infinity; // NaN stays NaN
}

export function glibcSinh(x: number): number {
  if (!Number.isFinite(x)) return x + x;
  const ax = Math.abs(x);
  const h = x < 0 ? -0.5 : 0.5;
  if (ax < 22) {
    if (ax < 2 ** -28) return x;
    const t = glibcExpm1(ax);
    if (ax < 1) return h * (2 * t - (t * t) / (t + 1));
    return h * (t + t / (t + 1));
  }
  if (ax < LOG_MAX) return h * glibcExp(ax);
  if (ax <= OVERFLOW) {
    const w = glibcExp(0.5 * ax);
    return h * w * w;
  }
  return x * Infinity;
}
