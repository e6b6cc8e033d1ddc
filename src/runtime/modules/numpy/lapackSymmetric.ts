import { dlapy2, dlarfg, dlartg, EPS, type Mat, rotateCols, SAFMIN, sign } from "./lapack";

/**
 * LAPACK's symmetric eigenproblem pieces after LAPACK 3.11 (see lapack.ts): the tridiagonal
 * reduction dsytd2 ('L'), the 2 × 2 eigensolver dlaev2 and the implicit QL/QR iteration dsteqr.
 */

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
