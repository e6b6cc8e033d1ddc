import { dgemvN, dgemvT } from "./blas";

/**
 * The LAPACK routines behind numpy's decompositions, on column-major Float64Arrays, written
 * after LAPACK 3.11's published algorithms (as OpenBLAS 0.3.21 ships them) so that the signs of
 * singular vectors and eigenvectors come out as numpy's: Householder reflectors as `dlarfg`
 * makes them (β = −sign(α)·‖x‖), Givens rotations as the 3.10+ `dlartg` (c ≥ 0, r signed as f),
 * the unblocked reductions (`dgeqr2`, `dgebd2`, `dsytd2`, what LAPACK runs below its crossover
 * of 32–128 columns) and the implicit-shift QR iterations (`dbdsqr`, `dsteqr`). OpenBLAS's
 * BLAS kernels order some sums differently (the reflectors' products go through blas.ts's
 * OpenBLAS-ordered dgemv), so the last bits may differ from numpy's. The iterations live in
 * lapackSvd.ts, lapackSymmetric.ts and lapackEig.ts.
 */

/** A column-major m × n matrix: entry (i, j) at a[i + j·m]. */
export interface Mat {
  m: number;
  n: number;
  a: Float64Array;
}

export function mat(m: number, n: number): Mat {
  return { m, n, a: new Float64Array(m * n) };
}

export function identity(n: number): Mat {
  const q = mat(n, n);
  for (let i = 0; i < n; i++) q.a[i + i * n] = 1;
  return q;
}

export const EPS = 2 ** -53;
export const SAFMIN = 2.2250738585072014e-308;

/** Fortran's SIGN(a, b): |a| with b's sign bit. */
export function sign(a: number, b: number): number {
  return b < 0 || Object.is(b, -0) ? -Math.abs(a) : Math.abs(a);
}

/** a·b exactly as hi + lo (Dekker's product). */
function twoProd(a: number, b: number): [number, number] {
  const p = a * b;
  const split = (x: number): [number, number] => {
    const c = 134217729 * x;
    const hi = c - (c - x);
    return [hi, x - hi];
  };
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

/**
 * ‖x‖₂ of n entries from `off` by `inc`. OpenBLAS sums the squares in x87 extended precision;
 * a double-double sum rounded once gives the same result but in rare ties.
 */
export function dnrm2(n: number, x: Float64Array, off: number, inc: number): number {
  let hi = 0;
  let lo = 0;
  let big = 0;
  for (let i = 0; i < n; i++) big = Math.max(big, Math.abs(x[off + i * inc]));
  if (big === 0 || !Number.isFinite(big)) return big;
  // scale by a power of two only when squares would leave the double range
  const scale = big > 1e150 || big < 1e-150 ? 2 ** Math.round(Math.log2(big)) : 1;
  for (let i = 0; i < n; i++) {
    const v = x[off + i * inc] / scale;
    const [p, e] = twoProd(v, v);
    const s = hi + p;
    const bp = s - hi;
    const err = hi - (s - bp) + (p - bp);
    hi = s;
    lo += err + e;
  }
  return Math.sqrt(hi + lo) * scale;
}

/** √(x² + y²) without undue overflow, as LAPACK's dlapy2. */
export function dlapy2(x: number, y: number): number {
  if (x !== x) return x;
  if (y !== y) return y;
  const xa = Math.abs(x);
  const ya = Math.abs(y);
  const w = Math.max(xa, ya);
  const z = Math.min(xa, ya);
  if (z === 0 || w > 1.7976931348623157e308) return w;
  return w * Math.sqrt(1 + (z / w) * (z / w));
}

/** The plane rotation [c s; −s c]·[f; g] = [r; 0] of LAPACK 3.10's dlartg. */
export function dlartg(f: number, g: number): [number, number, number] {
  const rtmin = Math.sqrt(SAFMIN);
  const rtmax = Math.sqrt(1 / SAFMIN / 2);
  if (g === 0) return [1, 0, f];
  if (f === 0) return [0, sign(1, g), Math.abs(g)];
  const f1 = Math.abs(f);
  const g1 = Math.abs(g);
  if (f1 > rtmin && f1 < rtmax && g1 > rtmin && g1 < rtmax) {
    const d = Math.sqrt(f * f + g * g);
    const c = f1 / d;
    const r = sign(d, f);
    return [c, g / r, r];
  }
  const u = Math.min(1 / SAFMIN, Math.max(SAFMIN, f1, g1));
  const fs = f / u;
  const gs = g / u;
  const d = Math.sqrt(fs * fs + gs * gs);
  const c = Math.abs(fs) / d;
  const r = sign(d, f);
  return [c, gs / r, r * u];
}

/**
 * dlarfg: the reflector H = I − τ·v·vᵀ (v₀ = 1) with H·[α; x] = [β; 0]. x (n − 1 entries
 * from `off` by `inc`) is overwritten by v's tail; returns [β, τ].
 */
export function dlarfg(
  n: number,
  alpha: number,
  x: Float64Array,
  off: number,
  inc: number,
): [number, number] {
  if (n <= 1) return [alpha, 0];
  let xnorm = dnrm2(n - 1, x, off, inc);
  if (xnorm === 0) return [alpha, 0];
  let beta = -sign(dlapy2(alpha, xnorm), alpha);
  const rsafmn = 1 / (SAFMIN / EPS);
  let knt = 0;
  if (Math.abs(beta) < SAFMIN / EPS) {
    // xnorm and beta may be inaccurate: scale x up and recompute them
    do {
      knt++;
      for (let i = 0; i < n - 1; i++) x[off + i * inc] *= rsafmn;
      beta *= rsafmn;
      alpha *= rsafmn;
    } while (Math.abs(beta) < SAFMIN / EPS && knt < 20);
    xnorm = dnrm2(n - 1, x, off, inc);
    beta = -sign(dlapy2(alpha, xnorm), alpha);
  }
  const tau = (beta - alpha) / beta;
  const scal = 1 / (alpha - beta);
  for (let i = 0; i < n - 1; i++) x[off + i * inc] *= scal;
  for (let j = 0; j < knt; j++) beta *= SAFMIN / EPS;
  return [beta, tau];
}

/**
 * dlarf from the left: C := (I − τ·v·vᵀ)·C on rows r0…r0+len−1 and columns c0…c1−1 of `c`,
 * v read from `v` at `voff` by `vinc` (its first entry taken as stored): w = Cᵀv by OpenBLAS's
 * dgemv, then dger's column updates C[:, j] += (−τ·w_j)·v.
 */
export function applyLeft(
  c: Mat,
  r0: number,
  len: number,
  c0: number,
  c1: number,
  v: Float64Array,
  voff: number,
  vinc: number,
  tau: number,
): void {
  if (tau === 0 || len === 0 || c1 <= c0) return;
  const w = dgemvT(len, c1 - c0, c.a, r0 + c0 * c.m, c.m, v, voff, vinc);
  for (let j = c0; j < c1; j++) {
    const t = -tau * w[j - c0];
    const col = j * c.m + r0;
    for (let i = 0; i < len; i++) c.a[col + i] += t * v[voff + i * vinc];
  }
}

/** dlarf from the right: C := C·(I − τ·v·vᵀ) on rows r0…r1−1, columns c0…c0+len−1 (w = Cv, then C[:, j] += (−τ·v_j)·w). */
export function applyRight(
  c: Mat,
  r0: number,
  r1: number,
  c0: number,
  len: number,
  v: Float64Array,
  voff: number,
  vinc: number,
  tau: number,
): void {
  if (tau === 0 || len === 0 || r1 <= r0) return;
  const w = dgemvN(r1 - r0, len, c.a, r0 + c0 * c.m, c.m, v, voff, vinc);
  for (let j = 0; j < len; j++) {
    const t = -tau * v[voff + j * vinc];
    const col = (c0 + j) * c.m;
    for (let i = r0; i < r1; i++) c.a[col + i] += t * w[i - r0];
  }
}

/** dgeqr2: A = Q·R in place (R above the diagonal, the reflectors below); returns τ. */
export function dgeqr2(a: Mat): Float64Array {
  const { m, n } = a;
  const k = Math.min(m, n);
  const tau = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const at = i + i * m;
    const [beta, t] = dlarfg(m - i, a.a[at], a.a, Math.min(i + 1, m - 1) + i * m, 1);
    a.a[at] = beta;
    tau[i] = t;
    if (i < n - 1) {
      a.a[at] = 1;
      applyLeft(a, i, m - i, i + 1, n, a.a, at, 1, t);
      a.a[at] = beta;
    }
  }
  return tau;
}

/** dorg2r: the first `cols` columns of Q = H₀·H₁⋯H_{k−1} from dgeqr2's reflectors in `a`. */
export function dorg2r(a: Mat, tau: Float64Array, cols: number): Mat {
  const m = a.m;
  const k = tau.length;
  const q = mat(m, cols);
  for (let j = 0; j < Math.min(k, cols); j++) for (let i = j + 1; i < m; i++) q.a[i + j * m] = a.a[i + j * m];
  for (let j = k; j < cols; j++) q.a[j + j * m] = 1;
  for (let i = k - 1; i >= 0; i--) {
    if (i < cols - 1) {
      q.a[i + i * m] = 1;
      applyLeft(q, i, m - i, i + 1, cols, q.a, i + i * m, 1, tau[i]);
    }
    for (let r = i + 1; r < m; r++) q.a[r + i * m] *= -tau[i];
    q.a[i + i * m] = 1 - tau[i];
    for (let r = 0; r < i; r++) q.a[r + i * m] = 0;
  }
  return q;
}

/** Bidiagonal reduction of dgebd2 for m ≥ n: A = Q·B·Pᵀ, B upper bidiagonal (d, e). */
export interface Bidiagonal {
  d: Float64Array;
  e: Float64Array;
  tauq: Float64Array;
  taup: Float64Array;
}

export function dgebd2(a: Mat): Bidiagonal {
  const { m, n } = a;
  const d = new Float64Array(n);
  const e = new Float64Array(Math.max(n - 1, 0));
  const tauq = new Float64Array(n);
  const taup = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const at = i + i * m;
    const [beta, tq] = dlarfg(m - i, a.a[at], a.a, Math.min(i + 1, m - 1) + i * m, 1);
    d[i] = beta;
    tauq[i] = tq;
    a.a[at] = 1;
    if (i < n - 1) applyLeft(a, i, m - i, i + 1, n, a.a, at, 1, tq);
    a.a[at] = d[i];
    if (i < n - 1) {
      const at2 = i + (i + 1) * m;
      const [b2, tp] = dlarfg(n - i - 1, a.a[at2], a.a, i + Math.min(i + 2, n - 1) * m, m);
      e[i] = b2;
      taup[i] = tp;
      a.a[at2] = 1;
      applyRight(a, i + 1, m, i + 1, n - i - 1, a.a, at2, m, tp);
      a.a[at2] = e[i];
    } else taup[i] = 0;
  }
  return { d, e, tauq, taup };
}

/** dlasr's four variable-pivot forms on rows/columns lo…lo+k−1 of `a`. */
export function rotateRows(
  a: Mat,
  lo: number,
  k: number,
  c: Float64Array,
  s: Float64Array,
  forward: boolean,
): void {
  // side 'L': plane (j, j+1) of rows, for each column
  const order = [...Array(k - 1).keys()];
  if (!forward) order.reverse();
  for (const j of order) {
    const ct = c[j];
    const st = s[j];
    if (ct === 1 && st === 0) continue;
    for (let col = 0; col < a.n; col++) {
      const p = lo + j + col * a.m;
      const temp = a.a[p + 1];
      a.a[p + 1] = ct * temp - st * a.a[p];
      a.a[p] = st * temp + ct * a.a[p];
    }
  }
}

export function rotateCols(
  a: Mat,
  lo: number,
  k: number,
  c: Float64Array,
  s: Float64Array,
  forward: boolean,
): void {
  const order = [...Array(k - 1).keys()];
  if (!forward) order.reverse();
  for (const j of order) {
    const ct = c[j];
    const st = s[j];
    if (ct === 1 && st === 0) continue;
    const c0 = (lo + j) * a.m;
    const c1 = c0 + a.m;
    for (let i = 0; i < a.m; i++) {
      const temp = a.a[c1 + i];
      a.a[c1 + i] = ct * temp - st * a.a[c0 + i];
      a.a[c0 + i] = st * temp + ct * a.a[c0 + i];
    }
  }
}
