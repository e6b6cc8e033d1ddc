import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cholesky, eigh, lstsq, qr, svd } from "./decompositions";
import { mat, type Mat } from "./lapack";
import { eig } from "./lapackEig";

/**
 * GradLens's LAPACK drivers against numpy 1.24.2 on OpenBLAS 0.3.21 (fixtures/linalg.json,
 * recorded by fixtures/record_linalg.py): the same singular vectors and eigenvectors, signs
 * included (eig's up to 10 × 10: past that its QR iteration may take other branches), and every entry within 1e-13 of the largest (BLAS's sums round differently).
 */

interface Case {
  fn: string;
  shape: [number, number];
  a: number[];
  [k: string]: unknown;
}

const fixture = JSON.parse(readFileSync(join(__dirname, "fixtures/linalg.json"), "utf8")) as {
  cases: Case[];
};

function fromRows(rows: number, cols: number, v: number[]): Mat {
  const out = mat(rows, cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out.a[i + j * rows] = v[i * cols + j];
  return out;
}

function rowsOf(a: Mat): number[] {
  const v: number[] = [];
  for (let i = 0; i < a.m; i++) for (let j = 0; j < a.n; j++) v.push(a.a[i + j * a.m]);
  return v;
}

function close(actual: ArrayLike<number>, expected: unknown): void {
  const e = expected as number[];
  expect(actual.length).toBe(e.length);
  const scale = Math.max(1, ...e.map(Math.abs));
  const worst = Math.max(0, ...e.map((x, i) => Math.abs(actual[i] - x)));
  expect(worst / scale).toBeLessThan(1e-13);
}

describe("np.linalg's decompositions as LAPACK computes them", () => {
  for (const c of fixture.cases) {
    const [m, n] = c.shape;
    it(`${c.fn} of a ${m} × ${n} matrix`, () => {
      const a = fromRows(m, n, c.a);
      if (c.fn === "svd") {
        const full = svd(a, true, true)!;
        close(full.s, c.s);
        close(rowsOf(full.u!), c.u);
        close(rowsOf(full.vt!), c.vt);
        const reduced = svd(a, false, true)!;
        close(rowsOf(reduced.u!), c.ur);
        close(rowsOf(reduced.vt!), c.vtr);
        close(svd(a, false, false)!.s, c.values);
      } else if (c.fn === "eigh") {
        const r = eigh(a, true)!;
        close(r.w, c.w);
        close(rowsOf(r.z!), c.v);
        close(eigh(a, false)!.w, c.values);
      } else if (c.fn === "qr") {
        const r = qr(a, false);
        close(rowsOf(r.q), c.q);
        close(rowsOf(r.r), c.r);
      } else if (c.fn === "lstsq") {
        const b = fromRows(m, 2, c.b as number[]);
        const r = lstsq(a, b, m * 2 ** -52)!;
        close(rowsOf(r.x), c.x);
        close(r.s, c.s);
        expect(r.rank).toBe(c.rank);
        // numpy's residuals: the squares of Qᵀb's last m − n rows, added in order
        const resids = [0, 1].map((j) => {
          let t = 0;
          for (let i = 0; i < m - n; i++) t += r.tail.a[i + j * (m - n)] ** 2;
          return t;
        });
        close(m > n ? resids : [], c.resids);
      } else if (c.fn === "eig") {
        const r = eig(a, true);
        if (r === null || r === "complex") throw new Error("no real eigen-decomposition");
        close(r.wr, c.w);
        close(rowsOf(r.v!), c.v);
        const values = eig(a, false);
        if (values === null || values === "complex") throw new Error("no real eigenvalues");
        close(values.wr, c.values);
      } else {
        close(rowsOf(cholesky(a)!), c.l);
      }
    });
  }

  it("reports a matrix that is not positive definite, and complex eigenvalues", () => {
    expect(cholesky(fromRows(2, 2, [1, 2, 2, 1]))).toBeNull();
    expect(eig(fromRows(2, 2, [0, -1, 1, 0]), true)).toBe("complex");
  });
});
