import {
  applyLeft,
  applyRight,
  dlapy2,
  dlarfg,
  dnrm2,
  dorg2r,
  EPS,
  mat,
  type Mat,
  SAFMIN,
  sign,
} from "./lapack";

/**
 * LAPACK's nonsymmetric eigenproblem as dgeev runs it for numpy's `eig` (after LAPACK 3.11, see
 * lapack.ts): balancing (dgebal), Hessenberg reduction (dgehd2, dorghr), the double-shift QR
 * iteration to real Schur form (dlahqr, with dlanv2 for 2 × 2 blocks), the eigenvectors of the
 * Schur form back-transformed (dtrevc3), balancing undone (dgebak) and unit 2-norms.
 */

const ULP = 2 * EPS;

/** dgebal ('B'): permutations isolating eigenvalues, then power-of-2 scaling; in place. */
export function dgebal(a: Mat): { ilo: number; ihi: number; scale: Float64Array } {
  const n = a.n;
  const A = a.a;
  const at = (i: number, j: number) => i + j * n;
  const scale = new Float64Array(n).fill(1);
  const swap = (j: number, m: number, ilo: number, ihi: number) => {
    scale[m] = j;
    if (j === m) return;
    for (let r = 0; r <= ihi; r++) [A[at(r, j)], A[at(r, m)]] = [A[at(r, m)], A[at(r, j)]];
    for (let c = ilo; c < n; c++) [A[at(j, c)], A[at(m, c)]] = [A[at(m, c)], A[at(j, c)]];
  };
  let ilo = 0;
  let ihi = n - 1;
  // rows isolating an eigenvalue go to the bottom
  let found = true;
  while (found && ihi >= 0) {
    found = false;
    for (let j = ihi; j >= 0; j--) {
      let zero = true;
      for (let i = 0; i <= ihi; i++) if (i !== j && A[at(j, i)] !== 0) zero = false;
      if (zero) {
        swap(j, ihi, ilo, ihi);
        if (ihi === 0) return { ilo: 0, ihi: 0, scale };
        ihi--;
        found = true;
        break;
      }
    }
  }
  // columns isolating an eigenvalue go to the left
  found = true;
  while (found) {
    found = false;
    for (let j = ilo; j <= ihi; j++) {
      let zero = true;
      for (let i = ilo; i <= ihi; i++) if (i !== j && A[at(i, j)] !== 0) zero = false;
      if (zero) {
        swap(j, ilo, ilo, ihi);
        ilo++;
        found = true;
        break;
      }
    }
  }
  for (let i = ilo; i <= ihi; i++) scale[i] = 1;
  const sfmin1 = SAFMIN / ULP;
  const sfmax1 = 1 / sfmin1;
  const sfmin2 = sfmin1 * 2;
  const sfmax2 = 1 / sfmin2;
  let noconv = true;
  while (noconv) {
    noconv = false;
    for (let i = ilo; i <= ihi; i++) {
      let c = dnrm2(ihi - ilo + 1, A, at(ilo, i), 1);
      let r = dnrm2(ihi - ilo + 1, A, at(i, ilo), n);
      let ca = 0;
      for (let k = 0; k <= ihi; k++) ca = Math.max(ca, Math.abs(A[at(k, i)]));
      let ra = 0;
      for (let k = ilo; k < n; k++) ra = Math.max(ra, Math.abs(A[at(i, k)]));
      if (c === 0 || r === 0) continue;
      let g = r / 2;
      let f = 1;
      const s = c + r;
      while (c < g && Math.max(f, c, ca) < sfmax2 && Math.min(r, g, ra) > sfmin2) {
        f *= 2;
        c *= 2;
        ca *= 2;
        r /= 2;
        g /= 2;
        ra /= 2;
      }
      g = c / 2;
      while (g >= r && Math.max(r, ra) < sfmax2 && Math.min(f, c, g, ca) > sfmin2) {
        f /= 2;
        c /= 2;
        g /= 2;
        ca /= 2;
        r *= 2;
        ra *= 2;
      }
      if (c + r >= 0.95 * s) continue;
      if (f < 1 && scale[i] < 1 && f * scale[i] <= sfmin1) continue;
      if (f > 1 && scale[i] > 1 && scale[i] >= sfmax1 / f) continue;
      scale[i] *= f;
      noconv = true;
      for (let k = ilo; k < n; k++) A[at(i, k)] *= 1 / f;
      for (let k = 0; k <= ihi; k++) A[at(k, i)] *= f;
    }
  }
  return { ilo, ihi, scale };
}

/** dgehd2 then dorghr: H (upper Hessenberg, in place) and Q with A = Q·H·Qᵀ. */
export function hessenberg(a: Mat, ilo: number, ihi: number): Mat {
  const n = a.n;
  const A = a.a;
  const tau = new Float64Array(Math.max(n - 1, 0));
  for (let i = ilo; i < ihi; i++) {
    const p = i + 1 + i * n;
    const [beta, t] = dlarfg(ihi - i, A[p], A, Math.min(i + 2, n - 1) + i * n, 1);
    tau[i] = t;
    A[p] = 1;
    applyRight(a, 0, ihi + 1, i + 1, ihi - i, A, p, 1, t);
    applyLeft(a, i + 1, ihi - i, i + 1, n, A, p, 1, t);
    A[p] = beta;
  }
  // Q = H(ilo)⋯H(ihi−1): the identity outside rows/columns ilo+1…ihi
  const q = mat(n, n);
  for (let i = 0; i < n; i++) q.a[i + i * n] = 1;
  const nh = ihi - ilo;
  if (nh > 0) {
    const refl = mat(nh, nh);
    for (let j = 0; j < nh; j++)
      for (let i = j + 1; i < nh; i++) refl.a[i + j * nh] = A[ilo + 1 + i + (ilo + j) * n];
    const sub = dorg2r(refl, tau.subarray(ilo, ihi), nh);
    for (let j = 0; j < nh; j++)
      for (let i = 0; i < nh; i++) q.a[ilo + 1 + i + (ilo + 1 + j) * n] = sub.a[i + j * nh];
  }
  for (let j = 0; j < n; j++) for (let i = j + 2; i < n; i++) A[i + j * n] = 0;
  return q;
}

/** dlanv2: the standard Schur form of [[a, b], [c, d]]; [a, b, c, d, rt1r, rt1i, rt2r, rt2i, cs, sn]. */
export function dlanv2(a: number, b: number, c: number, d: number): number[] {
  const safmn2 = 2 ** Math.trunc(Math.log(SAFMIN / ULP) / Math.log(2) / 2);
  const safmx2 = 1 / safmn2;
  let cs: number, sn: number;
  if (c === 0) {
    cs = 1;
    sn = 0;
  } else if (b === 0) {
    cs = 0;
    sn = 1;
    const temp = d;
    d = a;
    a = temp;
    b = -c;
    c = 0;
  } else if (a - d === 0 && sign(1, b) !== sign(1, c)) {
    cs = 1;
    sn = 0;
  } else {
    let temp = a - d;
    let p = 0.5 * temp;
    const bcmax = Math.max(Math.abs(b), Math.abs(c));
    const bcmis = Math.min(Math.abs(b), Math.abs(c)) * sign(1, b) * sign(1, c);
    let scale = Math.max(Math.abs(p), bcmax);
    let z = (p / scale) * p + (bcmax / scale) * bcmis;
    if (z >= 4 * ULP) {
      z = p + sign(Math.sqrt(scale) * Math.sqrt(z), p);
      a = d + z;
      d = d - (bcmax / z) * bcmis;
      const tau = dlapy2(c, z);
      cs = z / tau;
      sn = c / tau;
      b = b - c;
      c = 0;
    } else {
      let count = 0;
      let sigma = b + c;
      for (;;) {
        count++;
        scale = Math.max(Math.abs(temp), Math.abs(sigma));
        if (scale >= safmx2) {
          sigma *= safmn2;
          temp *= safmn2;
          if (count <= 20) continue;
        }
        if (scale <= safmn2) {
          sigma *= safmx2;
          temp *= safmx2;
          if (count <= 20) continue;
        }
        break;
      }
      p = 0.5 * temp;
      let tau = dlapy2(sigma, temp);
      cs = Math.sqrt(0.5 * (1 + Math.abs(sigma) / tau));
      sn = -(p / (tau * cs)) * sign(1, sigma);
      const aa = a * cs + b * sn;
      const bb = -a * sn + b * cs;
      const cc = c * cs + d * sn;
      const dd = -c * sn + d * cs;
      a = aa * cs + cc * sn;
      b = bb * cs + dd * sn;
      c = -aa * sn + cc * cs;
      d = -bb * sn + dd * cs;
      temp = 0.5 * (a + d);
      a = temp;
      d = temp;
      if (c !== 0) {
        if (b !== 0) {
          if (sign(1, b) === sign(1, c)) {
            const sab = Math.sqrt(Math.abs(b));
            const sac = Math.sqrt(Math.abs(c));
            p = sign(sab * sac, c);
            tau = 1 / Math.sqrt(Math.abs(b + c));
            a = temp + p;
            d = temp - p;
            b = b - c;
            c = 0;
            const cs1 = sab * tau;
            const sn1 = sac * tau;
            const t2 = cs * cs1 - sn * sn1;
            sn = cs * sn1 + sn * cs1;
            cs = t2;
          }
        } else {
          b = -c;
          c = 0;
          const t2 = cs;
          cs = -sn;
          sn = t2;
        }
      }
    }
  }
  const rt1i = c === 0 ? 0 : Math.sqrt(Math.abs(b)) * Math.sqrt(Math.abs(c));
  return [a, b, c, d, a, rt1i, d, -rt1i, cs, sn];
}

/**
 * dlahqr (wantt, wantz): H to real Schur form T in place, the transformations accumulated into
 * z; the eigenvalues into wr/wi. Returns false if it did not converge.
 */
export function dlahqr(
  h: Mat,
  ilo: number,
  ihi: number,
  z: Mat,
  wr: Float64Array,
  wi: Float64Array,
): boolean {
  const n = h.n;
  const H = h.a;
  const Z = z.a;
  const at = (i: number, j: number) => i + j * n;
  if (ilo === ihi) {
    wr[ilo] = H[at(ilo, ilo)];
    wi[ilo] = 0;
    return true;
  }
  for (let j = ilo; j <= ihi - 3; j++) {
    H[at(j + 2, j)] = 0;
    H[at(j + 3, j)] = 0;
  }
  if (ilo <= ihi - 2) H[at(ihi, ihi - 2)] = 0;
  const nh = ihi - ilo + 1;
  const smlnum = SAFMIN * (nh / ULP);
  const i1 = 0;
  const i2 = n - 1;
  const itmax = 30 * Math.max(10, nh);
  let kdefl = 0;
  let i = ihi;
  const v = new Float64Array(3);
  while (i >= ilo) {
    let l = ilo;
    let converged = false;
    for (let its = 0; its <= itmax; its++) {
      let k = i;
      for (; k > l; k--) {
        if (Math.abs(H[at(k, k - 1)]) <= smlnum) break;
        let tst = Math.abs(H[at(k - 1, k - 1)]) + Math.abs(H[at(k, k)]);
        if (tst === 0) {
          if (k - 2 >= ilo) tst += Math.abs(H[at(k - 1, k - 2)]);
          if (k + 1 <= ihi) tst += Math.abs(H[at(k + 1, k)]);
        }
        if (Math.abs(H[at(k, k - 1)]) <= ULP * tst) {
          const ab = Math.max(Math.abs(H[at(k, k - 1)]), Math.abs(H[at(k - 1, k)]));
          const ba = Math.min(Math.abs(H[at(k, k - 1)]), Math.abs(H[at(k - 1, k)]));
          const aa = Math.max(Math.abs(H[at(k, k)]), Math.abs(H[at(k - 1, k - 1)] - H[at(k, k)]));
          const bb = Math.min(Math.abs(H[at(k, k)]), Math.abs(H[at(k - 1, k - 1)] - H[at(k, k)]));
          const s = aa + ab;
          if (ba * (ab / s) <= Math.max(smlnum, ULP * (bb * (aa / s)))) break;
        }
      }
      l = k;
      if (l > ilo) H[at(l, l - 1)] = 0;
      if (l >= i - 1) {
        converged = true;
        break;
      }
      kdefl++;
      let h11: number, h12: number, h21: number, h22: number;
      if (kdefl % 20 === 0) {
        const s = Math.abs(H[at(i, i - 1)]) + Math.abs(H[at(i - 1, i - 2)]);
        h11 = 0.75 * s + H[at(i, i)];
        h12 = -0.4375 * s;
        h21 = s;
        h22 = h11;
      } else if (kdefl % 10 === 0) {
        const s = Math.abs(H[at(l + 1, l)]) + Math.abs(H[at(l + 2, l + 1)]);
        h11 = 0.75 * s + H[at(l, l)];
        h12 = -0.4375 * s;
        h21 = s;
        h22 = h11;
      } else {
        h11 = H[at(i - 1, i - 1)];
        h21 = H[at(i, i - 1)];
        h12 = H[at(i - 1, i)];
        h22 = H[at(i, i)];
      }
      let rt1r = 0;
      let rt1i = 0;
      let rt2r = 0;
      let rt2i = 0;
      const s0 = Math.abs(h11) + Math.abs(h12) + Math.abs(h21) + Math.abs(h22);
      if (s0 !== 0) {
        h11 /= s0;
        h21 /= s0;
        h12 /= s0;
        h22 /= s0;
        const tr = (h11 + h22) / 2;
        const det = (h11 - tr) * (h22 - tr) - h12 * h21;
        const rtdisc = Math.sqrt(Math.abs(det));
        if (det >= 0) {
          rt1r = tr * s0;
          rt2r = rt1r;
          rt1i = rtdisc * s0;
          rt2i = -rt1i;
        } else {
          rt1r = tr + rtdisc;
          rt2r = tr - rtdisc;
          if (Math.abs(rt1r - h22) <= Math.abs(rt2r - h22)) {
            rt1r *= s0;
            rt2r = rt1r;
          } else {
            rt2r *= s0;
            rt1r = rt2r;
          }
        }
      }
      let m = i - 2;
      for (; m >= l; m--) {
        let h21s = H[at(m + 1, m)];
        let s = Math.abs(H[at(m, m)] - rt2r) + Math.abs(rt2i) + Math.abs(h21s);
        h21s = H[at(m + 1, m)] / s;
        v[0] = h21s * H[at(m, m + 1)] + (H[at(m, m)] - rt1r) * ((H[at(m, m)] - rt2r) / s) - rt1i * (rt2i / s);
        v[1] = h21s * (H[at(m, m)] + H[at(m + 1, m + 1)] - rt1r - rt2r);
        v[2] = h21s * H[at(m + 2, m + 1)];
        s = Math.abs(v[0]) + Math.abs(v[1]) + Math.abs(v[2]);
        v[0] /= s;
        v[1] /= s;
        v[2] /= s;
        if (m === l) break;
        const h00 = Math.abs(H[at(m, m - 1)]) * (Math.abs(v[1]) + Math.abs(v[2]));
        const h01 =
          Math.abs(v[0]) *
          (Math.abs(H[at(m - 1, m - 1)]) + Math.abs(H[at(m, m)]) + Math.abs(H[at(m + 1, m + 1)]));
        if (h00 <= ULP * h01) break;
      }
      for (let k2 = m; k2 <= i - 1; k2++) {
        const nr = Math.min(3, i - k2 + 1);
        if (k2 > m) for (let r = 0; r < nr; r++) v[r] = H[at(k2 + r, k2 - 1)];
        const [beta, t1] = dlarfg(nr, v[0], v, 1, 1);
        v[0] = beta;
        if (k2 > m) {
          H[at(k2, k2 - 1)] = v[0];
          H[at(k2 + 1, k2 - 1)] = 0;
          if (k2 < i - 1) H[at(k2 + 2, k2 - 1)] = 0;
        } else if (m > l) H[at(k2, k2 - 1)] *= 1 - t1;
        const v2 = v[1];
        const t2 = t1 * v2;
        if (nr === 3) {
          const v3 = v[2];
          const t3 = t1 * v3;
          for (let j = k2; j <= i2; j++) {
            const sum = H[at(k2, j)] + v2 * H[at(k2 + 1, j)] + v3 * H[at(k2 + 2, j)];
            H[at(k2, j)] -= sum * t1;
            H[at(k2 + 1, j)] -= sum * t2;
            H[at(k2 + 2, j)] -= sum * t3;
          }
          for (let j = i1; j <= Math.min(k2 + 3, i); j++) {
            const sum = H[at(j, k2)] + v2 * H[at(j, k2 + 1)] + v3 * H[at(j, k2 + 2)];
            H[at(j, k2)] -= sum * t1;
            H[at(j, k2 + 1)] -= sum * t2;
            H[at(j, k2 + 2)] -= sum * t3;
          }
          for (let j = 0; j < n; j++) {
            const sum = Z[at(j, k2)] + v2 * Z[at(j, k2 + 1)] + v3 * Z[at(j, k2 + 2)];
            Z[at(j, k2)] -= sum * t1;
            Z[at(j, k2 + 1)] -= sum * t2;
            Z[at(j, k2 + 2)] -= sum * t3;
          }
        } else if (nr === 2) {
          for (let j = k2; j <= i2; j++) {
            const sum = H[at(k2, j)] + v2 * H[at(k2 + 1, j)];
            H[at(k2, j)] -= sum * t1;
            H[at(k2 + 1, j)] -= sum * t2;
          }
          for (let j = i1; j <= i; j++) {
            const sum = H[at(j, k2)] + v2 * H[at(j, k2 + 1)];
            H[at(j, k2)] -= sum * t1;
            H[at(j, k2 + 1)] -= sum * t2;
          }
          for (let j = 0; j < n; j++) {
            const sum = Z[at(j, k2)] + v2 * Z[at(j, k2 + 1)];
            Z[at(j, k2)] -= sum * t1;
            Z[at(j, k2 + 1)] -= sum * t2;
          }
        }
      }
    }
    if (!converged) return false;
    if (l === i) {
      wr[i] = H[at(i, i)];
      wi[i] = 0;
    } else if (l === i - 1) {
      const [a, b, c, d, r1r, r1i, r2r, r2i, cs, sn] = dlanv2(
        H[at(i - 1, i - 1)],
        H[at(i - 1, i)],
        H[at(i, i - 1)],
        H[at(i, i)],
      );
      H[at(i - 1, i - 1)] = a;
      H[at(i - 1, i)] = b;
      H[at(i, i - 1)] = c;
      H[at(i, i)] = d;
      wr[i - 1] = r1r;
      wi[i - 1] = r1i;
      wr[i] = r2r;
      wi[i] = r2i;
      const rot = (p: number, q: number) => {
        const x = H[p];
        const y = H[q];
        H[p] = cs * x + sn * y;
        H[q] = cs * y - sn * x;
      };
      for (let j = i + 1; j <= i2; j++) rot(at(i - 1, j), at(i, j));
      for (let j = i1; j <= i - 2; j++) rot(at(j, i - 1), at(j, i));
      for (let j = 0; j < n; j++) {
        const x = Z[at(j, i - 1)];
        const y = Z[at(j, i)];
        Z[at(j, i - 1)] = cs * x + sn * y;
        Z[at(j, i)] = cs * y - sn * x;
      }
    }
    kdefl = 0;
    i = l - 1;
  }
  return true;
}

export type EigResult = { wr: Float64Array; v: Mat | null } | "complex" | null;

/**
 * dgeev ('N', 'V' or 'N'): the eigenvalues of a real square matrix in LAPACK's order and, with
 * `vectors`, the right eigenvectors with unit 2-norms. "complex" when an eigenvalue is not
 * real (GradLens has no complex dtype), null when the QR iteration did not converge.
 */
export function eig(a0: Mat, vectors: boolean): EigResult {
  const n = a0.n;
  const a = { m: n, n, a: Float64Array.from(a0.a) };
  const { ilo, ihi, scale } = dgebal(a);
  const z = hessenberg(a, ilo, ihi);
  const wr = new Float64Array(n);
  const wi = new Float64Array(n);
  // eigenvalues isolated by balancing
  for (let i = 0; i < n; i++)
    if (i < ilo || i > ihi) {
      wr[i] = a.a[i + i * n];
      wi[i] = 0;
    }
  if (n > 0 && !dlahqr(a, ilo, ihi, z, wr, wi)) return null;
  if (wi.some((x) => x !== 0)) return "complex";
  if (!vectors) return { wr, v: null };
  const T = a.a;
  // dtrevc3: for each eigenvalue k (last first) solve (T₁₁ − λ)·x = −T₁ₖ by back substitution,
  // x_k = 1, then v = Z·x scaled to unit largest entry
  const smlnum = SAFMIN * (n / ULP);
  const v = mat(n, n);
  for (let ki = n - 1; ki >= 0; ki--) {
    const wrk = T[ki + ki * n];
    const smin = Math.max(ULP * Math.abs(wrk), smlnum);
    const x = new Float64Array(n);
    x[ki] = 1;
    for (let k = 0; k < ki; k++) x[k] = -T[k + ki * n];
    for (let j = ki - 1; j >= 0; j--) {
      let csr = T[j + j * n] - wrk;
      if (Math.abs(csr) < smin) csr = smin;
      const xj = x[j] / csr;
      x[j] = xj;
      for (let k = 0; k < j; k++) x[k] -= xj * T[k + j * n];
    }
    for (let r = 0; r < n; r++) {
      let sum = 0;
      for (let k = 0; k <= ki; k++) sum += z.a[r + k * n] * x[k];
      v.a[r + ki * n] = sum;
    }
    let big = 0;
    for (let r = 0; r < n; r++) big = Math.max(big, Math.abs(v.a[r + ki * n]));
    const remax = 1 / big;
    for (let r = 0; r < n; r++) v.a[r + ki * n] *= remax;
  }
  // dgebak: undo the scaling (none when balancing isolated everything), then the permutations
  if (ilo !== ihi) for (let i = ilo; i <= ihi; i++) for (let c = 0; c < n; c++) v.a[i + c * n] *= scale[i];
  const swapRows = (i: number, k: number) => {
    if (i === k) return;
    for (let c = 0; c < n; c++) [v.a[i + c * n], v.a[k + c * n]] = [v.a[k + c * n], v.a[i + c * n]];
  };
  for (let i = ilo - 1; i >= 0; i--) swapRows(i, scale[i]);
  for (let i = ihi + 1; i < n; i++) swapRows(i, scale[i]);
  for (let c = 0; c < n; c++) {
    const scl = 1 / dnrm2(n, v.a, c * n, 1);
    for (let r = 0; r < n; r++) v.a[r + c * n] *= scl;
  }
  return { wr, v };
}
