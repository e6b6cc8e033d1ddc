import { dgemm } from "./blas";
import { applyLeft, applyRight, dgebd2, dgeqr2, dlartg, dorg2r, identity, mat, type Mat } from "./lapack";
import { dbdsqr } from "./lapackSvd";
import { dsteqr, dsytd2Lower } from "./lapackSymmetric";

/**
 * The drivers numpy's decompositions call, after LAPACK's: `dgesdd` (svd), `dsyevd` (eigh),
 * `dgeqrf` + `dorgqr` (qr) and `dpotrf` (cholesky), on one column-major matrix each.
 * `null` means LAPACK's failure (no convergence, not positive definite).
 */

function transpose(a: Mat): Mat {
  const t = mat(a.n, a.m);
  for (let j = 0; j < a.n; j++) for (let i = 0; i < a.m; i++) t.a[j + i * a.n] = a.a[i + j * a.m];
  return t;
}

function multiply(a: Mat, b: Mat): Mat {
  const c = mat(a.m, b.n);
  for (let j = 0; j < b.n; j++)
    for (let k = 0; k < a.n; k++) {
      const bkj = b.a[k + j * b.m];
      if (bkj === 0) continue;
      for (let i = 0; i < a.m; i++) c.a[i + j * c.m] += a.a[i + k * a.m] * bkj;
    }
  return c;
}

/** The leading `rows` × `cols` block of `a`, zero-padded (and unit-diagonal past `a` if asked). */
function embed(a: Mat, rows: number, cols: number, unit: boolean): Mat {
  const out = mat(rows, cols);
  for (let j = 0; j < cols; j++)
    for (let i = 0; i < rows; i++)
      if (i < a.m && j < a.n) out.a[i + j * rows] = a.a[i + j * a.m];
      else if (unit && i === j) out.a[i + j * rows] = 1;
  return out;
}

export interface Svd {
  s: Float64Array;
  u: Mat | null;
  vt: Mat | null;
}

/**
 * The SVD of an upper bidiagonal (d, e) as dbdsdc computes it for n ≤ 25 (dbdsqr from
 * identities; a 1 × 1's sign goes to U). Larger matrices go the same way here, where LAPACK
 * divides and conquers: their singular vectors may differ in sign from numpy's.
 */
function bidiagonalSvd(d: Float64Array, e: Float64Array, vectors: boolean): { ub: Mat; vtb: Mat } | null {
  const n = d.length;
  const ub = identity(n);
  const vtb = identity(n);
  if (n === 1) {
    if (vectors && (d[0] < 0 || Object.is(d[0], -0))) ub.a[0] = -1;
    d[0] = Math.abs(d[0]);
    return { ub, vtb };
  }
  if (!dbdsqr(d, e, vectors ? vtb : null, vectors ? ub : null)) return null;
  return { ub, vtb };
}

/** U·B·Vᵀ of a matrix with m ≥ n reduced by dgebd2 (reflectors in `a`): U and Vᵀ applied. */
function bidiagonalVectors(
  a: Mat,
  tauq: Float64Array,
  taup: Float64Array,
  ub: Mat,
  vtb: Mat,
  ucols: number,
): { u: Mat; vt: Mat } {
  const { m, n } = a;
  // U := Q·[Ub 0; 0 I] (dormbr 'Q', 'L', 'N': H(n−1) first)
  const u = embed(ub, m, ucols, true);
  for (let i = n - 1; i >= 0; i--) {
    const at = i + i * m;
    const keep = a.a[at];
    a.a[at] = 1;
    applyLeft(u, i, m - i, 0, ucols, a.a, at, 1, tauq[i]);
    a.a[at] = keep;
  }
  // Vᵀ := Vbᵀ·Pᵀ (dormbr 'P', 'R', 'T': G(n−2) first)
  const vt = embed(vtb, n, n, false);
  for (let i = n - 2; i >= 0; i--) {
    const at = i + (i + 1) * m;
    const keep = a.a[at];
    a.a[at] = 1;
    applyRight(vt, 0, n, i + 1, n - i - 1, a.a, at, m, taup[i]);
    a.a[at] = keep;
  }
  return { u, vt };
}

/** dgesdd for m ≥ n: through QR first when m ≥ 11n/6, else bidiagonalising A itself. */
function svdTall(a0: Mat, full: boolean, vectors: boolean): Svd | null {
  const { m, n } = a0;
  if (n === 0) return { s: new Float64Array(0), u: vectors ? identity(m) : null, vt: mat(0, 0) };
  const a = { m, n, a: Float64Array.from(a0.a) };
  if (m >= Math.floor((n * 11) / 6)) {
    const tau = dgeqr2(a);
    const r = mat(n, n);
    for (let j = 0; j < n; j++) for (let i = 0; i <= j; i++) r.a[i + j * n] = a.a[i + j * m];
    const bd = dgebd2(r);
    const res = bidiagonalSvd(bd.d, bd.e, vectors);
    if (res === null) return null;
    if (!vectors) return { s: bd.d, u: null, vt: null };
    const { u: ur, vt } = bidiagonalVectors(r, bd.tauq, bd.taup, res.ub, res.vtb, n);
    const q = dorg2r(a, tau, full ? m : n);
    const u1 = multiply({ m, n, a: q.a.subarray(0, m * n) }, ur);
    const u = full ? { m, n: m, a: Float64Array.from(q.a) } : u1;
    if (full) u.a.set(u1.a, 0);
    return { s: bd.d, u, vt };
  }
  const bd = dgebd2(a);
  const res = bidiagonalSvd(bd.d, bd.e, vectors);
  if (res === null) return null;
  if (!vectors) return { s: bd.d, u: null, vt: null };
  const { u, vt } = bidiagonalVectors(a, bd.tauq, bd.taup, res.ub, res.vtb, full ? m : n);
  return { s: bd.d, u, vt };
}

/**
 * dgesdd for m < n: through an LQ factorisation when n ≥ 11m/6 (the LQ reflectors are those of
 * Aᵀ's QR), else bidiagonalising A to a lower bidiagonal (dgebd2 of Aᵀ, roles of Q and P
 * swapped), which dbdsdc rotates to an upper one before iterating and whose rotations it then
 * applies to U.
 */
function svdWide(a: Mat, full: boolean, vectors: boolean): Svd | null {
  const { m, n } = a;
  if (m === 0) return { s: new Float64Array(0), u: mat(0, 0), vt: vectors ? identity(n) : null };
  const at = transpose(a);
  if (n >= Math.floor((m * 11) / 6)) {
    const tau = dgeqr2(at);
    const l = mat(m, m);
    for (let j = 0; j < m; j++) for (let i = j; i < m; i++) l.a[i + j * m] = at.a[j + i * n];
    const bd = dgebd2(l);
    const res = bidiagonalSvd(bd.d, bd.e, vectors);
    if (res === null) return null;
    if (!vectors) return { s: bd.d, u: null, vt: null };
    const { u, vt: vtl } = bidiagonalVectors(l, bd.tauq, bd.taup, res.ub, res.vtb, m);
    // Vᵀ := Vlᵀ·Q₁ (Q₁ the first m rows of the LQ factor's Q), Q's further rows below if full
    const q = dorg2r(at, tau, full ? n : m);
    const q1t = transpose({ m: n, n: m, a: q.a.subarray(0, n * m) });
    const top = multiply(vtl, q1t);
    const vt = full ? transpose(q) : top;
    if (full) for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) vt.a[i + j * n] = top.a[i + j * m];
    return { s: bd.d, u, vt };
  }
  const bd = dgebd2(at);
  const { d, e } = bd;
  const cs = new Float64Array(m);
  const sn = new Float64Array(m);
  for (let i = 0; i < m - 1; i++) {
    const [c, s1, r] = dlartg(d[i], e[i]);
    d[i] = r;
    e[i] = s1 * d[i + 1];
    d[i + 1] = c * d[i + 1];
    cs[i] = c;
    sn[i] = s1;
  }
  const res = bidiagonalSvd(d, e, vectors);
  if (res === null) return null;
  if (!vectors) return { s: d, u: null, vt: null };
  // U := G₀ᵀ⋯G_{m−2}ᵀ·U′ (the last rotation first)
  const ub = res.ub;
  for (let i = m - 2; i >= 0; i--)
    for (let col = 0; col < m; col++) {
      const p = i + col * m;
      const x = ub.a[p];
      const y = ub.a[p + 1];
      ub.a[p] = cs[i] * x - sn[i] * y;
      ub.a[p + 1] = sn[i] * x + cs[i] * y;
    }
  const r = bidiagonalVectors(at, bd.tauq, bd.taup, transpose(res.vtb), transpose(ub), full ? n : m);
  return { s: d, u: transpose(r.vt), vt: transpose(r.u) };
}

/** `np.linalg.svd` of one matrix: A = U·diag(s)·Vᵀ, s decreasing. */
export function svd(a: Mat, full: boolean, vectors: boolean): Svd | null {
  return a.m >= a.n ? svdTall(a, full, vectors) : svdWide(a, full, vectors);
}

/**
 * dsyevd ('L'): the eigenvalues of the symmetric `a` (lower triangle read), ascending, and
 * with `vectors` the orthonormal eigenvectors as columns (dsytd2, dsteqr from the identity,
 * then the reflectors applied as dormtr does).
 */
export function eigh(a0: Mat, vectors: boolean): { w: Float64Array; z: Mat | null } | null {
  const n = a0.n;
  const a = { m: n, n, a: Float64Array.from(a0.a) };
  const { d, e, tau } = dsytd2Lower(a);
  const z = vectors ? identity(n) : null;
  if (!dsteqr(d, e, z)) return null;
  if (z !== null)
    for (let i = n - 2; i >= 0; i--) {
      const at = i + 1 + i * n;
      const keep = a.a[at];
      a.a[at] = 1;
      applyLeft(z, i + 1, n - i - 1, 0, n, a.a, at, 1, tau[i]);
      a.a[at] = keep;
    }
  return { w: d, z };
}

/** dgeqrf + dorgqr: Q (m × k or m × m) and R (k × n or m × n), k = min(m, n). */
export function qr(a0: Mat, complete: boolean): { q: Mat; r: Mat; raw: Mat; tau: Float64Array } {
  const { m, n } = a0;
  const a = { m, n, a: Float64Array.from(a0.a) };
  const tau = dgeqr2(a);
  const k = Math.min(m, n);
  const rows = complete ? m : k;
  const r = mat(rows, n);
  for (let j = 0; j < n; j++)
    for (let i = 0; i <= Math.min(j, rows - 1); i++) r.a[i + j * rows] = a.a[i + j * m];
  // dorgqr on a copy holding the reflectors, extended by zero columns for the complete Q
  const ext = embed(a, m, Math.max(n, complete ? m : k), false);
  const q = dorg2r(ext, tau, complete ? m : k);
  return { q, r, raw: a, tau };
}

/** dpotrf ('L'): the lower Cholesky factor, or null when a leading minor is not positive. */
export function cholesky(a: Mat): Mat | null {
  const n = a.n;
  const l = mat(n, n);
  for (let j = 0; j < n; j++) {
    let s = a.a[j + j * n];
    for (let k = 0; k < j; k++) s -= l.a[j + k * n] * l.a[j + k * n];
    if (!(s > 0)) return null;
    const ljj = Math.sqrt(s);
    l.a[j + j * n] = ljj;
    for (let i = j + 1; i < n; i++) {
      let t = a.a[i + j * n];
      for (let k = 0; k < j; k++) t -= l.a[i + k * n] * l.a[j + k * n];
      l.a[i + j * n] = t / ljj;
    }
  }
  return l;
}

/**
 * dgelsd for m ≥ n (numpy's `lstsq`): QR first when m ≥ 1.6n (Qᵀ applied to B), the (R's or
 * A's) bidiagonal form with its left reflectors applied to B, then dlalsd's small-matrix path
 * (n ≤ 25): the bidiagonal scaled to a largest entry of 1, its SVD by dbdsqr with the left
 * rotations applied to B, each row of B divided (times the reciprocal) by its singular value
 * or zeroed at most rcond·s₀, x = V·B, then the right reflectors. B's rows past n keep the
 * parts of Qᵀb that give numpy's residuals. Returns null when the SVD did not converge.
 */
export function lstsq(
  a0: Mat,
  b0: Mat,
  rcond: number,
): { x: Mat; tail: Mat; s: Float64Array; rank: number } | null {
  const { m, n } = a0;
  const nrhs = b0.n;
  const a = { m, n, a: Float64Array.from(a0.a) };
  const b = { m, n: nrhs, a: Float64Array.from(b0.a) };
  let work: Mat = a;
  let rows = m;
  if (m >= Math.trunc(n * 1.6)) {
    const tau = dgeqr2(a);
    for (let i = 0; i < n; i++) {
      const at = i + i * m;
      const keep = a.a[at];
      a.a[at] = 1;
      applyLeft(b, i, m - i, 0, nrhs, a.a, at, 1, tau[i]);
      a.a[at] = keep;
    }
    work = mat(n, n);
    for (let j = 0; j < n; j++) for (let i = 0; i <= j; i++) work.a[i + j * n] = a.a[i + j * m];
    rows = n;
  }
  const bd = dgebd2(work);
  // Bᵀ-side: Q_bᵀ·B on the first `rows` rows (H(0) first)
  for (let i = 0; i < n; i++) {
    const at = i + i * rows;
    const keep = work.a[at];
    work.a[at] = 1;
    applyLeft(b, i, rows - i, 0, nrhs, work.a, at, 1, bd.tauq[i]);
    work.a[at] = keep;
  }
  const { d, e } = bd;
  const rcnd = rcond <= 0 || rcond >= 1 ? EPS_E : rcond;
  let rank = 0;
  const top = mat(n, nrhs);
  for (let j = 0; j < nrhs; j++) for (let i = 0; i < n; i++) top.a[i + j * n] = b.a[i + j * m];
  if (n === 1) {
    if (d[0] === 0) top.a.fill(0);
    else {
      rank = 1;
      const mul = 1 / d[0];
      for (let j = 0; j < nrhs; j++) top.a[j] *= mul;
      d[0] = Math.abs(d[0]);
    }
  } else {
    let orgnrm = 0;
    for (const v of d) orgnrm = Math.max(orgnrm, Math.abs(v));
    for (const v of e) orgnrm = Math.max(orgnrm, Math.abs(v));
    if (orgnrm === 0) top.a.fill(0);
    else {
      const down = 1 / orgnrm;
      for (let i = 0; i < n; i++) d[i] *= down;
      for (let i = 0; i < n - 1; i++) e[i] *= down;
      const vt = identity(n);
      if (!dbdsqr(d, e, vt, null, top)) return null;
      let big = 0;
      for (const v of d) big = Math.max(big, Math.abs(v));
      const tol = rcnd * big;
      for (let i = 0; i < n; i++) {
        if (d[i] <= tol) for (let j = 0; j < nrhs; j++) top.a[i + j * n] = 0;
        else {
          const mul = 1 / d[i];
          for (let j = 0; j < nrhs; j++) top.a[i + j * n] *= mul;
          rank++;
        }
      }
      // x = Vᵀᵀ·B (OpenBLAS's dgemm, called as LAPACK calls it: column-major)
      const prod = dgemm(nrhs, n, n, top.a, 0, n, 1, vt.a, 0, 1, n);
      for (let j = 0; j < nrhs; j++) for (let i = 0; i < n; i++) top.a[i + j * n] = prod[j * n + i];
      for (let i = 0; i < n; i++) d[i] *= orgnrm;
      d.sort((p, q) => q - p);
      for (let k = 0; k < top.a.length; k++) top.a[k] *= down;
    }
  }
  // P·B (the last right reflector first) on rows 1…n−1
  for (let i = n - 2; i >= 0; i--) {
    const at = i + (i + 1) * rows;
    const keep = work.a[at];
    work.a[at] = 1;
    applyLeft(top, i + 1, n - i - 1, 0, nrhs, work.a, at, rows, bd.taup[i]);
    work.a[at] = keep;
  }
  const tail = mat(m - n, nrhs);
  for (let j = 0; j < nrhs; j++) for (let i = n; i < m; i++) tail.a[i - n + j * (m - n)] = b.a[i + j * m];
  return { x: top, tail, s: d, rank };
}

const EPS_E = 2 ** -53;
