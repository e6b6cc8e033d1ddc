// numpy's legacy gamma and beta draws (RandomState.gamma, standard_gamma, beta), bit for bit with
// numpy 1.24's legacy stream: Marsaglia and Tsang's method from the cached polar normals for
// shape > 1, Johnk's rejection from uniforms and exponentials for shape < 1, and a beta as
// Ga / (Ga + Gb) (Johnk's algorithm when both parameters are at most 1). pow, exp and log are
// glibc's, as numpy's C calls them.

import { glibcExp } from "../../../engine/math/glibcExp";
import { glibcPow } from "../../../engine/math/glibcPow";
import { glibcLog as log } from "../../../engine/math/glibcLog";

/** The legacy stream's draws these samplers take. */
export interface LegacyDraws {
  /** A uniform double in [0, 1). */
  double(): number;
  /** A standard normal (the polar method's, second value cached). */
  gauss(): number;
}

/** legacy_standard_gamma(shape). */
export function legacyStandardGamma(r: LegacyDraws, shape: number): number {
  if (shape === 1) return -log(1 - r.double());
  if (shape === 0) return 0;
  if (shape < 1) {
    for (;;) {
      const u = r.double();
      const v = -log(1 - r.double());
      if (u <= 1 - shape) {
        const x = glibcPow(u, 1 / shape);
        if (x <= v) return x;
      } else {
        const y = -log((1 - u) / shape);
        const x = glibcPow(1 - shape + shape * y, 1 / shape);
        if (x <= v + y) return x;
      }
    }
  }
  const b = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * b);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = r.gauss();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = r.double();
    if (u < 1 - 0.0331 * (x * x) * (x * x)) return b * v;
    if (log(u) < 0.5 * x * x + b * (1 - v + log(v))) return b * v;
  }
}

/** legacy_beta(a, b). */
export function legacyBeta(r: LegacyDraws, a: number, b: number): number {
  if (a <= 1 && b <= 1) {
    for (;;) {
      const u = r.double();
      const v = r.double();
      const x = glibcPow(u, 1 / a);
      const y = glibcPow(v, 1 / b);
      const xpy = x + y;
      if (xpy <= 1) {
        if (xpy > 0) return x / xpy;
        // both underflowed: the ratio in logarithms
        let logX = log(u) / a;
        let logY = log(v) / b;
        const logM = logX > logY ? logX : logY;
        logX -= logM;
        logY -= logM;
        return glibcExp(logX - log(glibcExp(logX) + glibcExp(logY)));
      }
    }
  }
  const ga = legacyStandardGamma(r, a);
  const gb = legacyStandardGamma(r, b);
  return ga / (ga + gb);
}
