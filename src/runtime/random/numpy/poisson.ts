// numpy's Poisson sampler (random_poisson, which the legacy RandomState also uses): counting
// uniforms whose product stays above exp(-lam) for lam < 10, and Hörmann's transformed
// rejection (PTRS) for lam >= 10, with numpy's own log-gamma.

import { glibcExp as exp } from "../../../engine/math/glibcExp";
import { glibcLog as log } from "../../../engine/math/glibcLog";
import type { BitGenerator } from "./bitGenerator";

/** The largest lam the legacy poisson accepts: LONG_MAX - 10 sqrt(LONG_MAX), as a double. */
export const LEGACY_POISSON_LAM_MAX = 9223372036854775807 - Math.sqrt(9223372036854775807) * 10;

/** Coefficients of the asymptotic series numpy's random_loggam sums (SPECFUN's, to 16 digits). */
const LOGGAM_COEFFS = [
  8.333333333333333e-2, -2.777777777777778e-3, 7.936507936507937e-4, -5.952380952380952e-4,
  8.417508417508418e-4, -1.917526917526918e-3, 6.41025641025641e-3, -2.955065359477124e-2,
  1.796443723688307e-1, -1.3924322169059,
];
const LOG_2PI = 1.8378770664093453;

/** numpy's random_loggam(x): Stirling's series at x shifted up to 7, then shifted back. */
export function loggam(x: number): number {
  if (x === 1 || x === 2) return 0;
  const n = x < 7 ? Math.trunc(7 - x) : 0;
  let x0 = x + n;
  const x2 = (1 / x0) * (1 / x0);
  let gl0 = LOGGAM_COEFFS[9];
  for (let k = 8; k >= 0; k--) {
    gl0 *= x2;
    gl0 += LOGGAM_COEFFS[k];
  }
  let gl = gl0 / x0 + 0.5 * LOG_2PI + (x0 - 0.5) * log(x0) - x0;
  if (x < 7) {
    for (let k = 1; k <= n; k++) {
      gl -= log(x0 - 1);
      x0 -= 1;
    }
  }
  return gl;
}

function poissonMult(bitgen: BitGenerator, lam: number): number {
  const enlam = exp(-lam);
  let x = 0;
  let prod = 1;
  for (;;) {
    prod *= bitgen.nextDouble();
    if (prod > enlam) x += 1;
    else return x;
  }
}

function poissonPtrs(bitgen: BitGenerator, lam: number): number {
  const slam = Math.sqrt(lam);
  const loglam = log(lam);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = bitgen.nextDouble() - 0.5;
    const v = bitgen.nextDouble();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lam + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (log(v) + log(invalpha) - log(a / (us * us) + b) <= -lam + k * loglam - loggam(k + 1)) return k;
  }
}

/** One Poisson(lam) draw, lam already checked. */
export function legacyPoisson(bitgen: BitGenerator, lam: number): number {
  if (lam >= 10) return poissonPtrs(bitgen, lam);
  if (lam === 0) return 0;
  return poissonMult(bitgen, lam);
}
