/**
 * The LAPACK routines behind numpy's decompositions, on column-major Float64Arrays, written
 * after LAPACK 3.11's published algorithms (as OpenBLAS 0.3.21 ships them) so that the signs of
 * singular vectors and eigenvectors come out as numpy's: Householder reflectors as `dlarfg`
 * makes them (β = −sign(α)·‖x‖), Givens rotations as the 3.10+ `dlartg` (c ≥ 0, r signed as f),
 * the unblocked reductions (`dgeqr2`, `dgebd2`, `dsytd2`, what LAPACK runs below its crossover
 * of 32–128 columns) and the implicit-shift QR iterations (`dbdsqr`, `dsteqr`). OpenBLAS's
 * BLAS kernels order their sums differently, so the last bits may differ from numpy's.
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

const EPS = 2 ** -53;
const SAFMIN = 2.2250738585072014e-308;

/** Fortran's SIGN(a, b): |a| with b's sign bit. */
function sign(a: number, b: number): number {
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
 * v read from `v` at `voff` by `vinc` (its first entry taken as stored).
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
  if (tau === 0) return;
  for (let j = c0; j < c1; j++) {
    let w = 0;
    const col = j * c.m + r0;
    for (let i = 0; i < len; i++) w += c.a[col + i] * v[voff + i * vinc];
    const t = -tau * w;
    for (let i = 0; i < len; i++) c.a[col + i] += v[voff + i * vinc] * t;
  }
}

/** dlarf from the right: C := C·(I − τ·v·vᵀ) on rows r0…r1−1, columns c0…c0+len−1. */
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
  if (tau === 0) return;
  for (let i = r0; i < r1; i++) {
    let w = 0;
    for (let j = 0; j < len; j++) w += c.a[i + (c0 + j) * c.m] * v[voff + j * vinc];
    const t = -tau * w;
    for (let j = 0; j < len; j++) c.a[i + (c0 + j) * c.m] += t * v[voff + j * vinc];
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

/** dlas2: the singular values [σmin, σmax] of [[f, g], [0, h]]. */
export function dlas2(f: number, g: number, h: number): [number, number] {
  const fa = Math.abs(f);
  const ga = Math.abs(g);
  const ha = Math.abs(h);
  const fhmn = Math.min(fa, ha);
  const fhmx = Math.max(fa, ha);
  if (fhmn === 0) {
    if (fhmx === 0) return [0, ga];
    const mx = Math.max(fhmx, ga);
    const mn = Math.min(fhmx, ga);
    return [0, mx * Math.sqrt(1 + (mn / mx) * (mn / mx))];
  }
  if (ga < fhmx) {
    const as = 1 + fhmn / fhmx;
    const at = (fhmx - fhmn) / fhmx;
    const au = (ga / fhmx) * (ga / fhmx);
    const c = 2 / (Math.sqrt(as * as + au) + Math.sqrt(at * at + au));
    return [fhmn * c, fhmx / c];
  }
  const au = fhmx / ga;
  if (au === 0) return [(fhmn * fhmx) / ga, ga];
  const as = 1 + fhmn / fhmx;
  const at = (fhmx - fhmn) / fhmx;
  const c = 1 / (Math.sqrt(1 + as * au * (as * au)) + Math.sqrt(1 + at * au * (at * au)));
  const smin = fhmn * c * au;
  return [smin + smin, ga / (c + c)];
}

/** dlasv2: the SVD of [[f, g], [0, h]]: [σmin, σmax, snr, csr, snl, csl] (σ signed). */
export function dlasv2(f: number, g: number, h: number): [number, number, number, number, number, number] {
  let ft = f;
  let fa = Math.abs(ft);
  let ht = h;
  let ha = Math.abs(h);
  let pmax = 1;
  const swap = ha > fa;
  if (swap) {
    pmax = 3;
    [ft, ht] = [ht, ft];
    [fa, ha] = [ha, fa];
  }
  const gt = g;
  const ga = Math.abs(gt);
  let clt: number, crt: number, slt: number, srt: number;
  let ssmin: number, ssmax: number;
  if (ga === 0) {
    ssmin = ha;
    ssmax = fa;
    clt = 1;
    crt = 1;
    slt = 0;
    srt = 0;
  } else {
    let gasmal = true;
    clt = crt = slt = srt = ssmin = ssmax = 0;
    if (ga > fa) {
      pmax = 2;
      if (fa / ga < EPS) {
        gasmal = false;
        ssmax = ga;
        ssmin = ha > 1 ? fa / (ga / ha) : (fa / ga) * ha;
        clt = 1;
        slt = ht / gt;
        srt = 1;
        crt = ft / gt;
      }
    }
    if (gasmal) {
      const dd = fa - ha;
      let l = dd === fa ? 1 : dd / fa;
      const mm0 = gt / ft;
      let t = 2 - l;
      const mm = mm0 * mm0;
      const tt = t * t;
      const s = Math.sqrt(tt + mm);
      const r = l === 0 ? Math.abs(mm0) : Math.sqrt(l * l + mm);
      const a = 0.5 * (s + r);
      ssmin = ha / a;
      ssmax = fa * a;
      if (mm === 0) {
        if (l === 0) t = sign(2, ft) * sign(1, gt);
        else t = gt / sign(dd, ft) + mm0 / t;
      } else t = (mm0 / (s + t) + mm0 / (r + l)) * (1 + a);
      l = Math.sqrt(t * t + 4);
      crt = 2 / l;
      srt = t / l;
      clt = (crt + srt * mm0) / a;
      slt = ((ht / ft) * srt) / a;
    }
  }
  let csl: number, snl: number, csr: number, snr: number;
  if (swap) {
    csl = srt;
    snl = crt;
    csr = slt;
    snr = clt;
  } else {
    csl = clt;
    snl = slt;
    csr = crt;
    snr = srt;
  }
  let tsign = 1;
  if (pmax === 1) tsign = sign(1, csr) * sign(1, csl) * sign(1, f);
  if (pmax === 2) tsign = sign(1, snr) * sign(1, csl) * sign(1, g);
  if (pmax === 3) tsign = sign(1, snr) * sign(1, snl) * sign(1, h);
  ssmax = sign(ssmax, tsign);
  ssmin = sign(ssmin, tsign * sign(1, f) * sign(1, h));
  return [ssmin, ssmax, snr, csr, snl, csl];
}

/** dlasr's four variable-pivot forms on rows/columns lo…lo+k−1 of `a`. */
function rotateRows(a: Mat, lo: number, k: number, c: Float64Array, s: Float64Array, forward: boolean): void {
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

function rotateCols(a: Mat, lo: number, k: number, c: Float64Array, s: Float64Array, forward: boolean): void {
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

/**
 * dbdsqr for an upper bidiagonal (d, e): its singular values into d (non-negative,
 * decreasing), the right vectors applied to the rows of `vt` and the left ones to the columns
 * of `u` (either may be null). Returns false if the iteration did not converge.
 */
export function dbdsqr(d: Float64Array, e: Float64Array, vt: Mat | null, u: Mat | null): boolean {
  const n = d.length;
  if (n === 0) return true;
  const maxitr = 6;
  if (n > 1) {
    const tolmul = Math.max(10, Math.min(100, EPS ** -0.125));
    const tol = tolmul * EPS;
    let smax = 0;
    for (let i = 0; i < n; i++) smax = Math.max(smax, Math.abs(d[i]));
    for (let i = 0; i < n - 1; i++) smax = Math.max(smax, Math.abs(e[i]));
    let sminoa = Math.abs(d[0]);
    if (sminoa !== 0) {
      let mu = sminoa;
      for (let i = 1; i < n; i++) {
        mu = Math.abs(d[i]) * (mu / (mu + Math.abs(e[i - 1])));
        sminoa = Math.min(sminoa, mu);
        if (sminoa === 0) break;
      }
    }
    sminoa = sminoa / Math.sqrt(n);
    const thresh = Math.max(tol * sminoa, maxitr * (n * (n * SAFMIN)));
    const work = {
      c1: new Float64Array(n),
      s1: new Float64Array(n),
      c2: new Float64Array(n),
      s2: new Float64Array(n),
    };
    const maxit = maxitr * n * n;
    let iter = 0;
    let oldll = -1;
    let oldm = -1;
    let idir = 0;
    let m = n - 1;
    // 0-based: d[0..n-1], e[0..n-2]; the block worked on is ll…m
    outer: while (m > 0) {
      if (iter > maxit) return false;
      let smaxb = Math.abs(d[m]);
      let ll = -1;
      let split = false;
      for (let lll = 1; lll <= m; lll++) {
        ll = m - lll;
        const abss = Math.abs(d[ll]);
        const abse = Math.abs(e[ll]);
        if (abse <= thresh) {
          split = true;
          break;
        }
        smaxb = Math.max(smaxb, abss, abse);
      }
      if (split) {
        e[ll] = 0;
        if (ll === m - 1) {
          m -= 1;
          continue;
        }
      } else ll = -1;
      ll += 1;
      if (ll === m - 1) {
        // a 2 × 2 block
        const [sigmn, sigmx, sinr, cosr, sinl, cosl] = dlasv2(d[m - 1], e[m - 1], d[m]);
        d[m - 1] = sigmx;
        e[m - 1] = 0;
        d[m] = sigmn;
        if (vt !== null)
          for (let col = 0; col < vt.n; col++) {
            const p = m - 1 + col * vt.m;
            const x = vt.a[p];
            const y = vt.a[p + 1];
            vt.a[p] = cosr * x + sinr * y;
            vt.a[p + 1] = cosr * y - sinr * x;
          }
        if (u !== null)
          for (let r = 0; r < u.m; r++) {
            const p = r + (m - 1) * u.m;
            const x = u.a[p];
            const y = u.a[p + u.m];
            u.a[p] = cosl * x + sinl * y;
            u.a[p + u.m] = cosl * y - sinl * x;
          }
        m -= 2;
        continue;
      }
      if (ll > oldm || m < oldll) idir = Math.abs(d[ll]) >= Math.abs(d[m]) ? 1 : 2;
      let sminl = 0;
      if (idir === 1) {
        if (Math.abs(e[m - 1]) <= Math.abs(tol) * Math.abs(d[m])) {
          e[m - 1] = 0;
          continue;
        }
        let mu = Math.abs(d[ll]);
        sminl = mu;
        for (let lll = ll; lll < m; lll++) {
          if (Math.abs(e[lll]) <= tol * mu) {
            e[lll] = 0;
            continue outer;
          }
          mu = Math.abs(d[lll + 1]) * (mu / (mu + Math.abs(e[lll])));
          sminl = Math.min(sminl, mu);
        }
      } else {
        if (Math.abs(e[ll]) <= Math.abs(tol) * Math.abs(d[ll])) {
          e[ll] = 0;
          continue;
        }
        let mu = Math.abs(d[m]);
        sminl = mu;
        for (let lll = m - 1; lll >= ll; lll--) {
          if (Math.abs(e[lll]) <= tol * mu) {
            e[lll] = 0;
            continue outer;
          }
          mu = Math.abs(d[lll]) * (mu / (mu + Math.abs(e[lll])));
          sminl = Math.min(sminl, mu);
        }
      }
      oldll = ll;
      oldm = m;
      let shift = 0;
      if (!(n * tol * (sminl / smaxb) <= Math.max(EPS, 0.01 * tol))) {
        let sll: number;
        if (idir === 1) {
          sll = Math.abs(d[ll]);
          shift = dlas2(d[m - 1], e[m - 1], d[m])[0];
        } else {
          sll = Math.abs(d[m]);
          shift = dlas2(d[ll], e[ll], d[ll + 1])[0];
        }
        if (sll > 0 && (shift / sll) * (shift / sll) < EPS) shift = 0;
      }
      iter += m - ll;
      const k = m - ll + 1;
      const { c1, s1, c2, s2 } = work;
      if (shift === 0) {
        if (idir === 1) {
          let cs = 1;
          let oldcs = 1;
          let oldsn = 0;
          let sn = 0;
          let r = 0;
          for (let i = ll; i < m; i++) {
            [cs, sn, r] = dlartg(d[i] * cs, e[i]);
            if (i > ll) e[i - 1] = oldsn * r;
            [oldcs, oldsn, d[i]] = dlartg(oldcs * r, d[i + 1] * sn);
            c1[i - ll] = cs;
            s1[i - ll] = sn;
            c2[i - ll] = oldcs;
            s2[i - ll] = oldsn;
          }
          const h = d[m] * cs;
          d[m] = h * oldcs;
          e[m - 1] = h * oldsn;
          if (vt !== null) rotateRows(vt, ll, k, c1, s1, true);
          if (u !== null) rotateCols(u, ll, k, c2, s2, true);
          if (Math.abs(e[m - 1]) <= thresh) e[m - 1] = 0;
        } else {
          let cs = 1;
          let oldcs = 1;
          let oldsn = 0;
          let sn = 0;
          let r = 0;
          for (let i = m; i > ll; i--) {
            [cs, sn, r] = dlartg(d[i] * cs, e[i - 1]);
            if (i < m) e[i] = oldsn * r;
            [oldcs, oldsn, d[i]] = dlartg(oldcs * r, d[i - 1] * sn);
            c1[i - ll - 1] = cs;
            s1[i - ll - 1] = -sn;
            c2[i - ll - 1] = oldcs;
            s2[i - ll - 1] = -oldsn;
          }
          const h = d[ll] * cs;
          d[ll] = h * oldcs;
          e[ll] = h * oldsn;
          if (vt !== null) rotateRows(vt, ll, k, c2, s2, false);
          if (u !== null) rotateCols(u, ll, k, c1, s1, false);
          if (Math.abs(e[ll]) <= thresh) e[ll] = 0;
        }
      } else if (idir === 1) {
        let f = (Math.abs(d[ll]) - shift) * (sign(1, d[ll]) + shift / d[ll]);
        let g = e[ll];
        for (let i = ll; i < m; i++) {
          const [cosr, sinr, r] = dlartg(f, g);
          if (i > ll) e[i - 1] = r;
          f = cosr * d[i] + sinr * e[i];
          e[i] = cosr * e[i] - sinr * d[i];
          g = sinr * d[i + 1];
          d[i + 1] = cosr * d[i + 1];
          const [cosl, sinl, r2] = dlartg(f, g);
          d[i] = r2;
          f = cosl * e[i] + sinl * d[i + 1];
          d[i + 1] = cosl * d[i + 1] - sinl * e[i];
          if (i < m - 1) {
            g = sinl * e[i + 1];
            e[i + 1] = cosl * e[i + 1];
          }
          c1[i - ll] = cosr;
          s1[i - ll] = sinr;
          c2[i - ll] = cosl;
          s2[i - ll] = sinl;
        }
        e[m - 1] = f;
        if (vt !== null) rotateRows(vt, ll, k, c1, s1, true);
        if (u !== null) rotateCols(u, ll, k, c2, s2, true);
        if (Math.abs(e[m - 1]) <= thresh) e[m - 1] = 0;
      } else {
        let f = (Math.abs(d[m]) - shift) * (sign(1, d[m]) + shift / d[m]);
        let g = e[m - 1];
        for (let i = m; i > ll; i--) {
          const [cosr, sinr, r] = dlartg(f, g);
          if (i < m) e[i] = r;
          f = cosr * d[i] + sinr * e[i - 1];
          e[i - 1] = cosr * e[i - 1] - sinr * d[i];
          g = sinr * d[i - 1];
          d[i - 1] = cosr * d[i - 1];
          const [cosl, sinl, r2] = dlartg(f, g);
          d[i] = r2;
          f = cosl * e[i - 1] + sinl * d[i - 1];
          d[i - 1] = cosl * d[i - 1] - sinl * e[i - 1];
          if (i > ll + 1) {
            g = sinl * e[i - 2];
            e[i - 2] = cosl * e[i - 2];
          }
          c1[i - ll - 1] = cosr;
          s1[i - ll - 1] = -sinr;
          c2[i - ll - 1] = cosl;
          s2[i - ll - 1] = -sinl;
        }
        e[ll] = f;
        if (Math.abs(e[ll]) <= thresh) e[ll] = 0;
        if (vt !== null) rotateRows(vt, ll, k, c2, s2, false);
        if (u !== null) rotateCols(u, ll, k, c1, s1, false);
      }
    }
  }
  // make the singular values positive, then sort them decreasing
  for (let i = 0; i < n; i++)
    if (d[i] < 0) {
      d[i] = -d[i];
      if (vt !== null) for (let col = 0; col < vt.n; col++) vt.a[i + col * vt.m] *= -1;
    }
  for (let i = 0; i < n - 1; i++) {
    let isub = 0;
    let smin = d[0];
    for (let j = 1; j < n - i; j++)
      if (d[j] <= smin) {
        isub = j;
        smin = d[j];
      }
    const last = n - 1 - i;
    if (isub !== last) {
      d[isub] = d[last];
      d[last] = smin;
      if (vt !== null)
        for (let col = 0; col < vt.n; col++) {
          const p = col * vt.m;
          [vt.a[p + isub], vt.a[p + last]] = [vt.a[p + last], vt.a[p + isub]];
        }
      if (u !== null)
        for (let r = 0; r < u.m; r++)
          [u.a[r + isub * u.m], u.a[r + last * u.m]] = [u.a[r + last * u.m], u.a[r + isub * u.m]];
    }
  }
  return true;
}

/**
 * dsytd2 with UPLO = 'L': the symmetric A (its lower triangle read) reduced to tridiagonal
 * T = Qᵀ·A·Q (d, e); the reflectors stay below the subdiagonal of `a`, their τ returned.
 */
export function dsytd2Lower(a: Mat): { d: Float64Array; e: Float64Array; tau: Float64Array } {
  const n = a.n;
  const d = new Float64Array(n);
  const e = new Float64Array(Math.max(n - 1, 0));
  const tau = new Float64Array(Math.max(n - 1, 0));
  const A = a.a;
  for (let i = 0; i < n - 1; i++) {
    const at = i + 1 + i * n;
    const [beta, taui] = dlarfg(n - i - 1, A[at], A, Math.min(i + 2, n - 1) + i * n, 1);
    A[at] = beta;
    e[i] = beta;
    if (taui !== 0) {
      A[at] = 1;
      const k = n - i - 1;
      const o = i + 1;
      // x := τ·A·v with A's lower triangle (dsymv), into w
      const w = new Float64Array(k);
      for (let j = 0; j < k; j++) {
        const vj = A[o + j + i * n];
        let t2 = 0;
        const t1 = taui * vj;
        w[j] += t1 * A[o + j + (o + j) * n];
        for (let r = j + 1; r < k; r++) {
          w[r] += t1 * A[o + r + (o + j) * n];
          t2 += A[o + r + (o + j) * n] * A[o + r + i * n];
        }
        w[j] += taui * t2;
      }
      // w := x − ½·τ·(xᵀv)·v
      let dotwv = 0;
      for (let j = 0; j < k; j++) dotwv += w[j] * A[o + j + i * n];
      const alpha = -0.5 * taui * dotwv;
      for (let j = 0; j < k; j++) w[j] += alpha * A[o + j + i * n];
      // A := A − v·wᵀ − w·vᵀ on the lower triangle (dsyr2)
      for (let j = 0; j < k; j++) {
        const vj = A[o + j + i * n];
        const wj = w[j];
        if (vj === 0 && wj === 0) continue;
        const t1 = -wj;
        const t2 = -vj;
        for (let r = j; r < k; r++) A[o + r + (o + j) * n] += A[o + r + i * n] * t1 + w[r] * t2;
      }
      A[at] = e[i];
    }
    d[i] = A[i + i * n];
    tau[i] = taui;
  }
  if (n > 0) d[n - 1] = A[n - 1 + (n - 1) * n];
  return { d, e, tau };
}

/** dlaev2: the eigen-decomposition of [[a, b], [b, c]]: [rt1, rt2, cs1, sn1], |rt1| ≥ |rt2|. */
export function dlaev2(a: number, b: number, c: number): [number, number, number, number] {
  const sm = a + c;
  const df = a - c;
  const adf = Math.abs(df);
  const tb = b + b;
  const ab = Math.abs(tb);
  const [acmx, acmn] = Math.abs(a) > Math.abs(c) ? [a, c] : [c, a];
  let rt: number;
  if (adf > ab) rt = adf * Math.sqrt(1 + (ab / adf) * (ab / adf));
  else if (adf < ab) rt = ab * Math.sqrt(1 + (adf / ab) * (adf / ab));
  else rt = ab * Math.SQRT2;
  let rt1: number, rt2: number, sgn1: number;
  if (sm < 0) {
    rt1 = 0.5 * (sm - rt);
    sgn1 = -1;
    rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
  } else if (sm > 0) {
    rt1 = 0.5 * (sm + rt);
    sgn1 = 1;
    rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
  } else {
    rt1 = 0.5 * rt;
    rt2 = -0.5 * rt;
    sgn1 = 1;
  }
  let cs: number, sgn2: number;
  if (df >= 0) {
    cs = df + rt;
    sgn2 = 1;
  } else {
    cs = df - rt;
    sgn2 = -1;
  }
  let cs1: number, sn1: number;
  if (Math.abs(cs) > ab) {
    const ct = -tb / cs;
    sn1 = 1 / Math.sqrt(1 + ct * ct);
    cs1 = ct * sn1;
  } else if (ab === 0) {
    cs1 = 1;
    sn1 = 0;
  } else {
    const tn = -cs / tb;
    cs1 = 1 / Math.sqrt(1 + tn * tn);
    sn1 = tn * cs1;
  }
  if (sgn1 === sgn2) {
    const tn = cs1;
    cs1 = -sn1;
    sn1 = tn;
  }
  return [rt1, rt2, cs1, sn1];
}

function dlascl(cfrom: number, cto: number, x: Float64Array, lo: number, hi: number): void {
  const mul = cto / cfrom;
  for (let i = lo; i < hi; i++) x[i] *= mul;
}

/**
 * dsteqr: the eigenvalues of the symmetric tridiagonal (d, e) into d, ascending, by implicit
 * QL or QR (whichever end is larger), the rotations applied to the columns of `z` (or none).
 * Returns false if it did not converge.
 */
export function dsteqr(d: Float64Array, e: Float64Array, z: Mat | null): boolean {
  const n = d.length;
  if (n <= 1) return true;
  const eps2 = EPS * EPS;
  const safmax = 1 / SAFMIN;
  const ssfmax = Math.sqrt(safmax) / 3;
  const ssfmin = Math.sqrt(SAFMIN) / eps2;
  const nmaxit = n * 30;
  let jtot = 0;
  const wc = new Float64Array(n);
  const ws = new Float64Array(n);
  let l1 = 0;
  const rotate = (lo: number, k: number, forward: boolean) => {
    if (z !== null) rotateCols(z, lo, k, wc.subarray(lo), ws.subarray(lo), forward);
  };
  while (l1 < n) {
    if (l1 > 0) e[l1 - 1] = 0;
    let m = n - 1;
    for (let mm = l1; mm < n - 1; mm++) {
      const tst = Math.abs(e[mm]);
      if (tst === 0 || tst <= Math.sqrt(Math.abs(d[mm])) * Math.sqrt(Math.abs(d[mm + 1])) * EPS) {
        e[mm] = 0;
        m = mm;
        break;
      }
    }
    let l = l1;
    const lsv = l;
    let lend = m;
    const lendsv = lend;
    l1 = m + 1;
    if (lend === l) continue;
    // scale the block
    let anorm = 0;
    for (let i = l; i <= lend; i++) anorm = Math.max(anorm, Math.abs(d[i]));
    for (let i = l; i < lend; i++) anorm = Math.max(anorm, Math.abs(e[i]));
    let iscale = 0;
    if (anorm === 0) continue;
    if (anorm > ssfmax) {
      iscale = 1;
      dlascl(anorm, ssfmax, d, l, lend + 1);
      dlascl(anorm, ssfmax, e, l, lend);
    }
    if (anorm < ssfmin) {
      iscale = 2;
      dlascl(anorm, ssfmin, d, l, lend + 1);
      dlascl(anorm, ssfmin, e, l, lend);
    }
    if (Math.abs(d[lend]) < Math.abs(d[l])) {
      lend = lsv;
      l = lendsv;
    }
    if (lend > l) {
      // QL iteration
      for (;;) {
        let mm = lend;
        if (l !== lend)
          for (let k = l; k < lend; k++) {
            const tst = Math.abs(e[k]) ** 2;
            if (tst <= eps2 * Math.abs(d[k]) * Math.abs(d[k + 1]) + SAFMIN) {
              mm = k;
              break;
            }
          }
        m = mm;
        if (m < lend) e[m] = 0;
        let p = d[l];
        if (m !== l) {
          if (m === l + 1) {
            const [rt1, rt2, c, s] = dlaev2(d[l], e[l], d[l + 1]);
            wc[l] = c;
            ws[l] = s;
            rotate(l, 2, false);
            d[l] = rt1;
            d[l + 1] = rt2;
            e[l] = 0;
            l += 2;
            if (l <= lend) continue;
            break;
          }
          if (jtot === nmaxit) break;
          jtot++;
          let g = (d[l + 1] - p) / (2 * e[l]);
          let r = dlapy2(g, 1);
          g = d[m] - p + e[l] / (g + sign(r, g));
          let s = 1;
          let c = 1;
          p = 0;
          for (let i = m - 1; i >= l; i--) {
            const f = s * e[i];
            const b = c * e[i];
            [c, s, r] = dlartg(g, f);
            if (i !== m - 1) e[i + 1] = r;
            g = d[i + 1] - p;
            r = (d[i] - g) * s + 2 * c * b;
            p = s * r;
            d[i + 1] = g + p;
            g = c * r - b;
            wc[i] = c;
            ws[i] = -s;
          }
          rotate(l, m - l + 1, false);
          d[l] = d[l] - p;
          e[l] = g;
          continue;
        }
        d[l] = p;
        l += 1;
        if (l <= lend) continue;
        break;
      }
    } else {
      // QR iteration
      for (;;) {
        let mm = lend;
        if (l !== lend)
          for (let k = l; k > lend; k--) {
            const tst = Math.abs(e[k - 1]) ** 2;
            if (tst <= eps2 * Math.abs(d[k]) * Math.abs(d[k - 1]) + SAFMIN) {
              mm = k;
              break;
            }
          }
        m = mm;
        if (m > lend) e[m - 1] = 0;
        let p = d[l];
        if (m !== l) {
          if (m === l - 1) {
            const [rt1, rt2, c, s] = dlaev2(d[l - 1], e[l - 1], d[l]);
            wc[m] = c;
            ws[m] = s;
            rotate(l - 1, 2, true);
            d[l - 1] = rt1;
            d[l] = rt2;
            e[l - 1] = 0;
            l -= 2;
            if (l >= lend) continue;
            break;
          }
          if (jtot === nmaxit) break;
          jtot++;
          let g = (d[l - 1] - p) / (2 * e[l - 1]);
          let r = dlapy2(g, 1);
          g = d[m] - p + e[l - 1] / (g + sign(r, g));
          let s = 1;
          let c = 1;
          p = 0;
          for (let i = m; i < l; i++) {
            const f = s * e[i];
            const b = c * e[i];
            [c, s, r] = dlartg(g, f);
            if (i !== m) e[i - 1] = r;
            g = d[i] - p;
            r = (d[i + 1] - g) * s + 2 * c * b;
            p = s * r;
            d[i] = g + p;
            g = c * r - b;
            wc[i] = c;
            ws[i] = s;
          }
          rotate(m, l - m + 1, true);
          d[l] = d[l] - p;
          e[l - 1] = g;
          continue;
        }
        d[l] = p;
        l -= 1;
        if (l >= lend) continue;
        break;
      }
    }
    if (iscale === 1) {
      dlascl(ssfmax, anorm, d, lsv, lendsv + 1);
      dlascl(ssfmax, anorm, e, lsv, lendsv);
    } else if (iscale === 2) {
      dlascl(ssfmin, anorm, d, lsv, lendsv + 1);
      dlascl(ssfmin, anorm, e, lsv, lendsv);
    }
    if (jtot >= nmaxit) {
      for (let i = 0; i < n - 1; i++) if (e[i] !== 0) return false;
      break;
    }
  }
  // selection sort, ascending, one swap per vector
  for (let ii = 1; ii < n; ii++) {
    const i = ii - 1;
    let k = i;
    let p = d[i];
    for (let j = ii; j < n; j++)
      if (d[j] < p) {
        k = j;
        p = d[j];
      }
    if (k !== i) {
      d[k] = d[i];
      d[i] = p;
      if (z !== null)
        for (let r = 0; r < z.m; r++)
          [z.a[r + i * z.m], z.a[r + k * z.m]] = [z.a[r + k * z.m], z.a[r + i * z.m]];
    }
  }
  return true;
}
