import { dlartg, EPS, type Mat, rotateCols, rotateRows, SAFMIN, sign } from "./lapack";

/**
 * LAPACK's implicit-shift QR iteration on an upper bidiagonal matrix (dbdsqr) and its 2 × 2
 * helpers (dlas2, dlasv2), after LAPACK 3.11 (see lapack.ts).
 */

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

/**
 * dbdsqr for an upper bidiagonal (d, e): its singular values into d (non-negative,
 * decreasing), the right vectors applied to the rows of `vt` and the left ones to the columns
 * of `u` and to the rows of `c` (dgelsd's right-hand sides), any of them null. Returns false if the
 * iteration did not converge.
 */
export function dbdsqr(
  d: Float64Array,
  e: Float64Array,
  vt: Mat | null,
  u: Mat | null,
  c: Mat | null = null,
): boolean {
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
        if (c !== null)
          for (let col = 0; col < c.n; col++) {
            const p = m - 1 + col * c.m;
            const x = c.a[p];
            const y = c.a[p + 1];
            c.a[p] = cosl * x + sinl * y;
            c.a[p + 1] = cosl * y - sinl * x;
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
          if (c !== null) rotateRows(c, ll, k, c2, s2, true);
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
          if (c !== null) rotateRows(c, ll, k, c1, s1, false);
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
        if (c !== null) rotateRows(c, ll, k, c2, s2, true);
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
        if (c !== null) rotateRows(c, ll, k, c1, s1, false);
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
      if (c !== null)
        for (let col = 0; col < c.n; col++) {
          const p = col * c.m;
          [c.a[p + isub], c.a[p + last]] = [c.a[p + last], c.a[p + isub]];
        }
    }
  }
  return true;
}
