import { frexp, ldexp } from "./floatParts";

/**
 * glibc's cbrt (CPython's math.cbrt, numpy's float64 np.cbrt): |x| = m·2^e with m in [0.5, 1),
 * a degree-6 polynomial guess u for ∛m, one Halley step u·(u³ + 2m)/(2u³ + m), times ∛2^(e mod 3),
 * scaled by 2^(e div 3) (C's truncating division). glibc has no FMA build of it.
 */

const CBRT2 = 1.2599210498948731648; // 2^(1/3)
const SQR_CBRT2 = 1.5874010519681994748; // 2^(2/3)
const FACTOR = [1 / SQR_CBRT2, 1 / CBRT2, 1, CBRT2, SQR_CBRT2];
// ∛m ≈ U0 + U1·m + … + U6·m⁶ on [0.5, 1)
const U = [
  0.35489576504391986, 1.50819193781584896, -2.11499494167371287, 2.4469312256353443, -1.83469277483613086,
  0.784932344976639262, -0.145263899385486377,
];

export function glibcCbrt(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x + x;
  const [m, e] = frexp(Math.abs(x));
  let u = U[5] + U[6] * m;
  u = U[4] + u * m;
  u = U[3] + u * m;
  u = U[2] + u * m;
  u = U[1] + u * m;
  u = U[0] + u * m;
  const t2 = u * u * u;
  const y = ((u * (t2 + 2 * m)) / (2 * t2 + m)) * FACTOR[2 + (e % 3)];
  return ldexp(x > 0 ? y : -y, Math.trunc(e / 3));
}

// glibc's float cbrt guesses with a quadratic instead
const UF = [0.492659620528969547, 0.69757046020792277, -0.191502161678719066];

/**
 * glibc's float cbrt (numpy's float32 np.cbrt): the same reduction and Halley step, the guess u
 * and u³ rounded to float, the step in double, rounded to float before the exact scaling.
 */
export function glibcCbrtf(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x + x;
  const [m, e] = frexp(Math.abs(x));
  const u = Math.fround(UF[0] + (UF[1] + UF[2] * m) * m);
  const t2 = Math.fround(Math.fround(u * u) * u);
  const y = Math.fround(((u * (t2 + 2 * m)) / (2 * t2 + m)) * FACTOR[2 + (e % 3)]);
  return Math.fround((x > 0 ? y : -y) * 2 ** Math.trunc(e / 3));
}
