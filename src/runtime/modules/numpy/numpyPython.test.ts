import { describe, expect, it } from "vitest";
import { runProgram } from "../../runProgram";

// Expected output recorded from numpy 1.24 running the same program (str forms, which numpy 2
// prints alike).
describe("numpy functions written in Python over GradLens's numpy", () => {
  it("give numpy's results and errors", () => {
    const source = [
      "import numpy as np",
      "a = np.arange(12.0).reshape(3, 4)",
      "print(np.diff([1, 4, 9, 16]), np.diff(a, axis=0)[0], np.diff([1, 4, 9, 16], n=2), np.diff([True, False, False]))",
      "print(np.flip(a, axis=0)[0], np.flip(np.arange(4)), np.fliplr(a)[0], np.flipud(a)[0])",
      "print(np.roll([1, 2, 3, 4], 1), np.roll(a, -1, axis=1)[0], np.roll(np.arange(6).reshape(2, 3), 2).tolist(), np.roll(a, (1, 1), axis=(0, 1))[0])",
      "print(np.tile([1, 2], (2, 2)).tolist(), np.tile(np.array([[1, 2]]), 2).tolist(), np.tile([1, 2], 0).shape)",
      "print(np.pad([1, 2], (1, 2)), np.pad(np.ones((2, 2)), 1, mode='constant', constant_values=5).tolist(), np.pad(np.arange(4).reshape(2, 2), ((1, 0), (0, 2)), constant_values=(7, 9)).tolist())",
      "print(np.triu(a).tolist(), np.tril(a, -1).tolist(), np.triu(a, 2)[0])",
      "print(np.diag([1, 2]).tolist(), np.diag(a), np.diag(a, 1), np.diag(a, -1), np.diag([1, 2], 1).tolist(), np.trace(a), np.trace(np.eye(3, dtype=int)))",
      "print(np.count_nonzero(a > 3), np.count_nonzero(a % 2, axis=0), np.atleast_1d(3.0), np.atleast_2d([1, 2]), np.atleast_2d(5).shape)",
      "print(np.array_split(np.arange(7), 3), np.split(np.arange(6), 3), np.split(np.arange(6), [1, 4]), np.array_split(a, 2, axis=1)[1].tolist())",
      "print(np.median(a), np.median(a, axis=0), np.median([3, 1, 2]), np.median([1.0, np.nan, 2.0]), np.median(a, axis=1, keepdims=True).tolist())",
      "print(np.percentile(a, 30), np.percentile(a, [10, 50, 90]), np.quantile([1, 2, 3, 4], 0.25), np.percentile(a, 75, axis=0), np.quantile(np.float32([1, 2, 3]), 0.4).dtype)",
      "print(np.take([4, 5, 6], [0, 2]), np.take(a, [1], axis=1).tolist(), np.argwhere(a > 9).tolist(), np.flatnonzero([0, 1, 0, 2]))",
      "print(np.nan_to_num([np.nan, np.inf, -np.inf, 1.0]), np.nan_to_num(np.array([np.nan, np.inf], dtype=np.float32), posinf=9.0), np.nansum([1.0, np.nan]), np.nanmean([1.0, np.nan, 3.0]), np.nanmean(np.array([[1.0, np.nan], [3.0, 4.0]]), axis=0))",
      "print(np.logspace(0, 2, 3), np.logspace(0, 1, 4, base=2.0))",
      "try:",
      "    np.split(np.arange(5), 2)",
      "except Exception as e:",
      "    print(type(e).__name__ + ': ' + str(e))",
      "try:",
      "    np.diag(np.ones((2, 2, 2)))",
      "except Exception as e:",
      "    print(type(e).__name__ + ': ' + str(e))",
      "try:",
      "    np.percentile(a, 120)",
      "except Exception as e:",
      "    print(type(e).__name__ + ': ' + str(e))",
      "try:",
      "    np.diff(3)",
      "except Exception as e:",
      "    print(type(e).__name__ + ': ' + str(e))",
    ].join("\n");
    const trace = runProgram(source + "\n");
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout.split("\n")).toEqual([
      "[3 5 7] [4. 4. 4. 4.] [2 2] [ True False]",
      "[ 8.  9. 10. 11.] [3 2 1 0] [3. 2. 1. 0.] [ 8.  9. 10. 11.]",
      "[4 1 2 3] [1. 2. 3. 0.] [[4, 5, 0], [1, 2, 3]] [11.  8.  9. 10.]",
      "[[1, 2, 1, 2], [1, 2, 1, 2]] [[1, 2, 1, 2]] (0,)",
      "[0 1 2 0 0] [[5.0, 5.0, 5.0, 5.0], [5.0, 1.0, 1.0, 5.0], [5.0, 1.0, 1.0, 5.0], [5.0, 5.0, 5.0, 5.0]] [[7, 7, 9, 9], [0, 1, 9, 9], [2, 3, 9, 9]]",
      "[[0.0, 1.0, 2.0, 3.0], [0.0, 5.0, 6.0, 7.0], [0.0, 0.0, 10.0, 11.0]] [[0.0, 0.0, 0.0, 0.0], [4.0, 0.0, 0.0, 0.0], [8.0, 9.0, 0.0, 0.0]] [0. 0. 2. 3.]",
      "[[1, 0], [0, 2]] [ 0.  5. 10.] [ 1.  6. 11.] [4. 9.] [[0, 1, 0], [0, 0, 2], [0, 0, 0]] 15.0 3",
      "8 [0 3 0 3] [3.] [[1 2]] (1, 1)",
      "[array([0, 1, 2]), array([3, 4]), array([5, 6])] [array([0, 1]), array([2, 3]), array([4, 5])] [array([0]), array([1, 2, 3]), array([4, 5])] [[2.0, 3.0], [6.0, 7.0], [10.0, 11.0]]",
      "5.5 [4. 5. 6. 7.] 2.0 nan [[1.5], [5.5], [9.5]]",
      "3.3 [1.1 5.5 9.9] 1.75 [6. 7. 8. 9.] float64",
      "[4 6] [[1.0], [5.0], [9.0]] [[2, 2], [2, 3]] [1 3]",
      "[ 0.00000000e+000  1.79769313e+308 -1.79769313e+308  1.00000000e+000] [0. 9.] 1.0 2.0 [2. 4.]",
      "[  1.  10. 100.] [1.         1.25992105 1.58740105 2.        ]",
      "ValueError: array split does not result in an equal division",
      "ValueError: Input must be 1- or 2-d.",
      "ValueError: Percentiles must be in the range [0, 100]",
      "ValueError: diff requires input that is at least one dimensional",
      "",
    ]);
  });

  it("compose with each other and with numpy's own functions", () => {
    const trace = runProgram(
      "import numpy as np\nx = np.array([1.0, 4.0, 9.0])\nd = np.diff(np.flip(x))\nprint(d, np.roll(x, 1), np.pad(x, 1))\n",
    );
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe("[-5. -3.] [9. 1. 4.] [0. 1. 4. 9. 0.]\n");
  });

  it("count, search, interpolate and accumulate as numpy does", () => {
    const source = [
      "import numpy as np",
      "a = np.arange(12.0).reshape(3, 4)",
      "print(np.amax(a), np.amin(a, axis=0), np.ptp(a), np.ptp(a, axis=1))",
      "print(np.cumprod([1, 2, 3]), np.cumprod(np.array([[1.5, 2.0], [3.0, 0.5]]), axis=0).tolist(), np.cumprod(np.array([[1, 2], [3, 4]])), np.cumprod([True, True]).dtype)",
      "print(np.polyval([2, 1], 3), np.polyval([1.0, -2.0, 0.5], np.array([0.1, 2.0])), np.polyval([3], 5.0))",
      "print(np.gradient([1.0, 4.0, 9.0, 16.0]), np.gradient([1, 2, 4, 7, 11], 2.0))",
      'print(np.searchsorted([1, 3, 5], 4), np.searchsorted([1, 3, 5], [3, 6, 0], side="right"), np.searchsorted([1, 2, 2, 3], 2))',
      "print(np.digitize([0.5, 1.5, 2.0, 3.1], [0, 1, 2, 3]), np.digitize([0.5, 1.0], [0, 1, 2], right=True), np.digitize([2.5], [3, 2, 1]))",
      "print(np.interp(2.5, [1, 2, 3], [10, 20, 30]), np.interp([0, 1.5, 3, 4], [1, 2, 3], [10, 20, 15]), np.interp([0.0, 5.0], [1, 2], [3, 4], left=-1, right=99))",
      "print(np.histogram([1, 2, 2, 3, 5], bins=3), np.histogram(np.arange(10.0) * 0.1, bins=4, range=(0, 1)))",
      "print(np.histogram([1, 2, 2, 3, 5], bins=[0, 2, 4, 6]), np.histogram([1, 2, 3], bins=2, weights=[0.5, 1.0, 2.0]), np.histogram([1.0, 1.0]), np.histogram([0, 1, 1, 2], bins=2, density=True))",
      "np.random.seed(0)",
      "x = np.random.randn(1000)",
      "h, e = np.histogram(x, bins=20)",
      "print(h.tolist(), e[:3])",
      "print(np.isin([1, 2, 3], [2]), np.isin(np.array([[1, 5], [2, 9]]), [9, 1]), np.setdiff1d([5, 1, 2, 3], [2]), np.intersect1d([1, 2, 3], [2, 3, 4]), np.union1d([1, 2], [2, 3]))",
    ].join("\n");
    const trace = runProgram(source + "\n");
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout.split("\n")).toEqual([
      "11.0 [0. 1. 2. 3.] 11.0 [3. 3. 3.]",
      "[1 2 6] [[1.5, 2.0], [4.5, 1.0]] [ 1  2  6 24] int64",
      "7 [0.31 0.5 ] 3.0",
      "[3. 4. 6. 7.] [0.5  0.75 1.25 1.75 2.  ]",
      "2 [2 3 0] 1",
      "[1 2 3 4] [1 1] [1]",
      "25.0 [10. 15. 15. 15.] [-1. 99.]",
      "(array([3, 1, 1]), array([1.        , 2.33333333, 3.66666667, 5.        ])) (array([3, 2, 3, 2]), array([0.  , 0.25, 0.5 , 0.75, 1.  ]))",
      "(array([1, 3, 1]), array([0, 2, 4, 6])) (array([0.5, 3. ]), array([1., 2., 3.])) (array([0, 0, 0, 0, 0, 2, 0, 0, 0, 0]), array([0.5, 0.6, 0.7, 0.8, 0.9, 1. , 1.1, 1.2, 1.3, 1.4, 1.5])) (array([0.25, 0.75]), array([0., 1., 2.]))",
      "[3, 6, 9, 11, 30, 40, 59, 87, 103, 114, 116, 123, 83, 77, 48, 38, 22, 16, 11, 4] [-3.04614305 -2.75586815 -2.46559324]",
      "[False  True False] [[ True False]",
      " [False  True]] [1 3 5] [2 3] [1 2 3]",
      "",
    ]);
  });

  it("give numpy's covariances, cross and Kronecker products and index grids", () => {
    const source = [
      "import numpy as np",
      "print(np.cov([1, 2, 3], [1, 5, 7]), np.cov(np.array([[0.1, 0.4, 0.35], [2.0, 1.0, 0.5]])), np.cov([1.0, 2.0, 4.0]), np.cov([[1, 2], [3, 5], [4, 4]], rowvar=False), np.cov([1, 2, 3], bias=True))",
      "print(np.corrcoef([1, 2, 3], [1, 5, 7]), np.corrcoef(np.array([[0.3, 0.1, 0.9, 0.5], [1.0, 0.2, 0.7, 0.4], [0.5, 0.5, 0.1, 0.2]])))",
      "np.random.seed(1)",
      "x = np.random.randn(3, 50)",
      "print(np.cov(x).tolist(), np.corrcoef(x).tolist())",
      "print(np.cross([1, 0, 0], [0, 1, 0]), np.cross([1, 2, 3], [4, 5, 6]), np.cross([1, 2], [3, 4]), np.cross(np.array([[1.0, 2, 3], [0, 1, 0]]), [1.5, 0, 2]).tolist())",
      "print(np.kron([1, 2], [1, 10]), np.kron(np.eye(2), np.array([[1, 2], [3, 4]])).tolist())",
      "print(np.mgrid[0:2, 0:3].tolist(), np.mgrid[0:5:2], np.ogrid[0:2, 0:3], np.mgrid[0:1:0.25])",
    ].join("\n");
    const trace = runProgram(source + "\n");
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout.split("\n")).toEqual([
      "[[1.         3.        ]",
      " [3.         9.33333333]] [[ 0.02583333 -0.10833333]",
      " [-0.10833333  0.58333333]] 2.333333333333333 [[2.33333333 1.83333333]",
      " [1.83333333 2.33333333]] 0.6666666666666666",
      "[[1.         0.98198051]",
      " [0.98198051 1.        ]] [[ 1.          0.32065288 -0.92309308]",
      " [ 0.32065288  1.          0.01154932]",
      " [-0.92309308  0.01154932  1.        ]]",
      "[[0.959289160844155, -0.017456064906848583, 0.031175319995546583], [-0.017456064906848583, 0.6245653471660985, -0.03078132247559288], [0.031175319995546583, -0.03078132247559288, 0.7751691062165663]] [[1.0, -0.02255187403761391, 0.036152465747467], [-0.02255187403761391, 0.9999999999999999, -0.04423847062663775], [0.03615246574746701, -0.04423847062663775, 1.0]]",
      "[0 0 1] [-3  6 -3] -2 [[4.0, 2.5, -3.0], [2.0, 0.0, -1.5]]",
      "[ 1 10  2 20] [[1.0, 2.0, 0.0, 0.0], [3.0, 4.0, 0.0, 0.0], [0.0, 0.0, 1.0, 2.0], [0.0, 0.0, 3.0, 4.0]]",
      "[[[0, 0, 0], [1, 1, 1]], [[0, 1, 2], [0, 1, 2]]] [0 2 4] [array([[0],",
      "       [1]]), array([[0, 1, 2]])] [0.   0.25 0.5  0.75]",
      "",
    ]);
  });
});
