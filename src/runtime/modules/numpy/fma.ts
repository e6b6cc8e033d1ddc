/**
 * Fused multiply-add, `a·b + c` rounded once, as the FMA instructions of the BLAS kernels numpy
 * calls compute it. JavaScript has none: the product is taken exactly as two doubles (Dekker's
 * split), added to c exactly (Knuth's two-sum), and the low parts are summed with rounding to
 * odd before the final rounding — Boldo and Melquiond's emulation, exact barring overflow and
 * subnormal products.
 */

const SPLITTER = 134217729; // 2**27 + 1
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** x rounded to odd from the exact x + err: the neighbour toward err when x's last bit is even. */
function roundToOdd(x: number, err: number): number {
  if (err === 0) return x;
  f64[0] = x;
  if ((u32[0] & 1) === 1) return x;
  // one step away from zero when err has x's sign, toward zero otherwise
  const away = err > 0 === x > 0;
  if (away) {
    if (u32[0] === 0xffffffff) {
      u32[0] = 0;
      u32[1]++;
    } else u32[0]++;
  } else if (u32[0] === 0) {
    u32[0] = 0xffffffff;
    u32[1]--;
  } else u32[0]--;
  return f64[0];
}

export function fma(a: number, b: number, c: number): number {
  const p = a * b;
  // an infinite c with a finite product is c itself, even when the product rounds to infinity
  if (!Number.isFinite(c) && Number.isFinite(a) && Number.isFinite(b)) return c + 0 * a * b;
  if (!Number.isFinite(p) || !Number.isFinite(c) || p === 0) return p + c;
  // exact product: p + e = a·b
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const e = al * bl - (p - ah * bh - al * bh - ah * bl);
  if (e === 0) return p + c;
  // exact sum: s + r = p + c
  const s = p + c;
  const bb = s - p;
  const r = p - (s - bb) + (c - bb);
  // the low parts r + e, rounded to odd so the last rounding is the only one that counts
  const v = r + e;
  const vb = v - r;
  const verr = r - (v - vb) + (e - vb);
  return s + roundToOdd(v, verr);
}
