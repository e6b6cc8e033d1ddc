import { describe, expect, it } from "vitest";
import { runProgram } from "../../runProgram";

// Expected output recorded from numpy 1.24 running the same program. numpy's lstsq (LAPACK's
// dgelsd) and GradLens's (through the SVD) round differently in the last bits, so the scalars
// computed from fitted coefficients are rounded to 12 decimals here.
describe("np.polyfit, polyval, poly1d, roots and the polynomial helpers", () => {
  it("fit, evaluate, print and differentiate polynomials as numpy does", () => {
    const source = [
      "import numpy as np",
      "x = np.array([0.0, 1, 2, 3, 4, 5])",
      "y = np.array([1.1, 2.9, 9.2, 19.1, 32.8, 51.2])",
      "c = np.polyfit(x, y, 2)",
      "print(c, round(float(np.polyval(c, 2.5)), 12), np.polyval(c, x))",
      "p = np.poly1d(c)",
      "print(p)",
      "print(repr(p), round(float(p(1.5)), 12), p.order, p.coeffs, p[2])",
      "print(p.deriv(), p.integ())",
      "print(repr(p.deriv()), repr(p.integ(k=1)))",
      "print(np.polyfit(x, y, 1, full=True))",
      "c2, V = np.polyfit(x, y, 1, cov=True)",
      "print(c2, V)",
      "print(np.polyfit(x, y, 2, w=np.arange(1.0, 7)))",
      "print(np.polyfit(x, np.stack([y, 2 * y], axis=1), 1))",
      "q = np.poly1d([1, -3, 2])",
      "print(q, q.roots, np.roots([1, -6, 11, -6]), np.roots([2, -4]), np.roots([0, 1, -2, 0]))",
      "print(q * q, q + np.poly1d([1, 1]), q - 1, 2 * q, q ** 2, -q)",
      "print(np.poly1d([1, 2], r=True), np.poly([1, 2]), np.vander([1, 2, 3]), np.vander([1.0, 2], 3, increasing=True))",
      "print(np.poly1d([3.5, 0, -1, 0.25]), np.poly1d([0]), np.poly1d([0, 0, 2.0]), np.poly1d([1e-5, 123456.7, 3]))",
      "print(np.polyder([1, 2, 3, 4], 2), np.polyint([3, 2, 1]), np.polyadd([1, 2], [1, 2, 3]), np.polymul([1, 2], [1, 3]), np.polysub([1, 2], [3, 4, 5]))",
      "x2 = np.linspace(0, 1, 20)",
      "print(np.polyfit(x2, np.sin(2 * np.pi * x2), 3))",
      "print(np.polyval(np.poly1d([1, 2]), 3), np.polyval([1, 2, 3], [[1, 2], [3, 4]]))",
      "try:",
      "    np.polyfit(x, y, -1)",
      "except ValueError as e:",
      '    print("ValueError:", e)',
      "try:",
      "    np.polyfit([], [], 1)",
      "except TypeError as e:",
      '    print("TypeError:", e)',
    ].join("\n");
    const trace = runProgram(source + "\n");
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout.split("\n")).toEqual([
      "[ 2.01071429 -0.05071429  1.07857143] 13.51875 [ 1.07857143  3.03857143  9.02       19.02285714 33.04714286 51.09285714]",
      "       2",
      "2.011 x - 0.05071 x + 1.079",
      "poly1d([ 2.01071429, -0.05071429,  1.07857143]) 5.526607142857 2 [ 2.01071429 -0.05071429  1.07857143] 2.0107142857142883",
      " ",
      "4.021 x - 0.05071         3           2",
      "0.6702 x - 0.02536 x + 1.079 x",
      "poly1d([ 4.02142857, -0.05071429]) poly1d([ 0.6702381 , -0.02535714,  1.07857143,  1.        ])",
      "(array([10.00285714, -5.62380952]), array([151.06819048]), 2, array([1.35119311, 0.41746518]), 1.3322676295501878e-15)",
      "[10.00285714 -5.62380952] [[ 2.15811701 -5.39529252]",
      " [-5.39529252 19.78273923]]",
      "[ 2.04237892 -0.25055963  1.33083028]",
      "[[ 10.00285714  20.00571429]",
      " [ -5.62380952 -11.24761905]]",
      "   2",
      "1 x - 3 x + 2 [2. 1.] [3. 2. 1.] [2.] [2. 0.]",
      "   4     3      2",
      "1 x - 6 x + 13 x - 12 x + 4    2",
      "1 x - 2 x + 3    2",
      "1 x - 3 x + 1    2",
      "2 x - 6 x + 4    4     3      2",
      "1 x - 6 x + 13 x - 12 x + 4     2",
      "-1 x + 3 x - 2",
      "   2",
      "1 x - 3 x + 2 [ 1. -3.  2.] [[1 1 1]",
      " [4 2 1]",
      " [9 3 1]] [[1. 1. 1.]",
      " [1. 2. 4.]]",
      "     3",
      "3.5 x - 1 x + 0.25  ",
      "0  ",
      "2        2",
      "1e-05 x + 1.235e+05 x + 3",
      "[6 4] [1. 1. 1. 0.] [1 3 5] [1 5 6] [-3 -3 -3]",
      "[ 21.91704188 -32.87556282  11.18972672  -0.11560289]",
      "5 [[ 6 11]",
      " [18 27]]",
      "ValueError: expected deg >= 0",
      "TypeError: expected non-empty vector for x",
      "",
    ]);
  });

  it("warns where numpy warns (a rank-deficient fit, lstsq's default rcond) and stops at complex roots", () => {
    const source = [
      "import numpy as np",
      "x = np.array([0.0, 1, 2, 3])",
      "y = np.array([0.0, 1, 4, 9])",
      "c = np.polyfit(np.ones(4), y, 2)",
      "print(np.linalg.lstsq(np.vstack([x, np.ones(4)]).T, y)[0])",
      "try:",
      "    np.roots([1, 0, 1])",
      "except NotImplementedError as e:",
      '    print("NotImplementedError:", e)',
    ].join("\n");
    const trace = runProgram(source + "\n");
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout.split("\n")).toEqual([
      "[ 3. -1.]",
      "NotImplementedError: np.roots: the polynomial has complex roots, and GradLens has no complex numbers",
      "",
    ]);
    const warnings = trace.diagnostics.map((d) => d.message);
    expect(warnings[0]).toBe("RankWarning: Polyfit may be poorly conditioned");
    expect(warnings[1]).toMatch(
      /^FutureWarning: `rcond` parameter will change to the default of machine precision/,
    );
  });
});
