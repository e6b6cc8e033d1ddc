// numpy's legacy binomial sampler (RandomState.binomial), step for step: inversion when the
// expected count n·min(p, 1-p) is at most 30, otherwise Kachitvichyanukul & Schmeiser's BTPE.
// Both run on min(p, 1-p) and reflect the count for p > 0.5. The order of the floating-point
// operations follows numpy's C, since any reordering could move a rejection boundary.

import { glibcExp as exp } from "../../../engine/math/glibcExp";
import { glibcLog as log } from "../../../engine/math/glibcLog";
import type { BitGenerator } from "./bitGenerator";

/** The (n, p) whose set-up values are cached; numpy keeps the same cache in the RandomState. */
export interface BinomialCache {
  n: number;
  p: number;
  setup?: BtpeSetup | InversionSetup;
}

interface InversionSetup {
  readonly kind: "inversion";
  readonly q: number;
  readonly qn: number;
  readonly bound: number;
}

interface BtpeSetup {
  readonly kind: "btpe";
  readonly r: number;
  readonly q: number;
  readonly fm: number;
  readonly m: number;
  readonly p1: number;
  readonly xm: number;
  readonly xl: number;
  readonly xr: number;
  readonly c: number;
  readonly laml: number;
  readonly lamr: number;
  readonly p2: number;
  readonly p3: number;
  readonly p4: number;
}

function inversionSetup(n: number, p: number): InversionSetup {
  const q = 1 - p;
  const qn = exp(n * log(q));
  const np = n * p;
  // C's (long)MIN(n, np + 10 sqrt(np q + 1)) truncates toward zero
  const bound = Math.trunc(Math.min(n, np + 10 * Math.sqrt(np * q + 1)));
  return { kind: "inversion", q, qn, bound };
}

function inversion(bitgen: BitGenerator, n: number, p: number, s: InversionSetup): number {
  let x = 0;
  let px = s.qn;
  let u = bitgen.nextDouble();
  while (u > px) {
    x++;
    if (x > s.bound) {
      x = 0;
      px = s.qn;
      u = bitgen.nextDouble();
    } else {
      u -= px;
      px = ((n - x + 1) * p * px) / (x * s.q);
    }
  }
  return x;
}

function btpeSetup(n: number, p: number): BtpeSetup {
  const r = Math.min(p, 1 - p);
  const q = 1 - r;
  const fm = n * r + r;
  const m = Math.floor(fm);
  const p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5;
  const xm = m + 0.5;
  const xl = xm - p1;
  const xr = xm + p1;
  const c = 0.134 + 20.5 / (15.3 + m);
  let a = (fm - xl) / (fm - xl * r);
  const laml = a * (1 + a / 2);
  a = (xr - fm) / (xr * q);
  const lamr = a * (1 + a / 2);
  const p2 = p1 * (1 + 2 * c);
  const p3 = p2 + c / laml;
  const p4 = p3 + c / lamr;
  return { kind: "btpe", r, q, fm, m, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4 };
}

/** The Stirling-series correction BTPE's final acceptance test adds for each of four terms. */
function stirlingTerm(z: number): number {
  const z2 = z * z;
  return (13680 - (462 - (132 - (99 - 140 / z2) / z2) / z2) / z2) / z / 166320;
}

/** BTPE's squeeze and final tests for a candidate y with its v; true accepts. */
function btpeAccepts(n: number, s: BtpeSetup, y: number, v: number): boolean {
  const { r, q, m, xm } = s;
  const nrq = n * r * q;
  const k = Math.abs(y - m);
  if (!(k > 20 && k < nrq / 2 - 1)) {
    // Evaluate f(y)/f(m) by the recurrence and compare.
    const ratio = r / q;
    const a = ratio * (n + 1);
    let f = 1;
    if (m < y) for (let i = m + 1; i <= y; i++) f *= a / i - ratio;
    else if (m > y) for (let i = y + 1; i <= m; i++) f /= a / i - ratio;
    return !(v > f);
  }
  // Squeeze on log(v), then the exact test with Stirling's corrections.
  const rho = (k / nrq) * ((k * (k / 3 + 0.625) + 0.16666666666666666) / nrq + 0.5);
  const t = (-k * k) / (2 * nrq);
  const logV = log(v);
  if (logV < t - rho) return true;
  if (logV > t + rho) return false;
  const x1 = y + 1;
  const f1 = m + 1;
  const z = n + 1 - m;
  const w = n - y + 1;
  const bound =
    xm * log(f1 / x1) +
    (n - m + 0.5) * log(z / w) +
    (y - m) * log((w * r) / (x1 * q)) +
    stirlingTerm(f1) +
    stirlingTerm(z) +
    stirlingTerm(x1) +
    stirlingTerm(w);
  return !(logV > bound);
}

function btpe(bitgen: BitGenerator, n: number, p: number, s: BtpeSetup): number {
  const { m, p1, p2, p3, p4, xm, xl, xr, c, laml, lamr } = s;
  for (;;) {
    const u = bitgen.nextDouble() * p4;
    let v = bitgen.nextDouble();
    let y: number;
    if (u <= p1) {
      // The triangular centre: accepted at once.
      y = Math.floor(xm - p1 * v + u);
      return p > 0.5 ? n - y : y;
    }
    if (u <= p2) {
      // The parallelograms.
      const x = xl + (u - p1) / c;
      v = v * c + 1 - Math.abs(m - x + 0.5) / p1;
      if (v > 1) continue;
      y = Math.floor(x);
    } else if (u <= p3) {
      // The left exponential tail.
      y = Math.floor(xl + log(v) / laml);
      if (y < 0 || v === 0) continue;
      v = v * (u - p2) * laml;
    } else {
      // The right exponential tail.
      y = Math.floor(xr - log(v) / lamr);
      if (y > n || v === 0) continue;
      v = v * (u - p3) * lamr;
    }
    if (btpeAccepts(n, s, y, v)) return p > 0.5 ? n - y : y;
  }
}

function draw(bitgen: BitGenerator, n: number, p: number, cache: BinomialCache, useBtpe: boolean): number {
  if (
    cache.setup === undefined ||
    cache.n !== n ||
    cache.p !== p ||
    (cache.setup.kind === "btpe") !== useBtpe
  ) {
    cache.n = n;
    cache.p = p;
    cache.setup = useBtpe ? btpeSetup(n, p) : inversionSetup(n, p);
  }
  const setup = cache.setup;
  return setup.kind === "btpe" ? btpe(bitgen, n, p, setup) : inversion(bitgen, n, p, setup);
}

/** One binomial(n, p) draw as numpy's legacy_random_binomial. n is truncated like numpy's cast. */
export function legacyBinomial(
  bitgen: BitGenerator,
  p: number,
  trials: number,
  cache: BinomialCache,
): number {
  const n = Math.trunc(trials);
  if (p <= 0.5) return draw(bitgen, n, p, cache, p * n > 30);
  const q = 1 - p;
  return n - draw(bitgen, n, q, cache, q * n > 30);
}
