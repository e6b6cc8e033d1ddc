import { describe, expect, it } from "vitest";
import { runProgram } from "../../runProgram";

// Expected output recorded from numpy 1.24 (OpenBLAS's LAPACK) running the same program.
describe("np.linalg.inv, solve, det, slogdet and norm", () => {
  it("factor, solve and invert as LAPACK does (exactly for 2 x 2 and exact results)", () => {
    const source = [
      "import numpy as np",
      "A = np.array([[4.0, 7.0], [2.0, 6.0]])",
      "print(np.linalg.inv(A), np.linalg.det(A), np.linalg.solve(A, [1.0, 2.0]))",
      "print(np.linalg.inv([[2, 0], [0, 4]]), np.linalg.inv(np.array([[1, 2], [3, 4]])).tolist(), np.linalg.det([[1, 2], [3, 4]]), np.linalg.det(np.eye(3) * 10))",
      "print(np.linalg.det(np.diag([2.0, 3.0])), np.linalg.det([[2, 1], [1, 3]]), np.linalg.det(np.array([[4.0, 3], [6, 3]])), [float(v) for v in np.linalg.slogdet([[1, 2], [3, 4]])])",
      "M = np.array([[2.0, 1.0, 1.0], [1.0, 3.0, 2.0], [1.0, 0.0, 0.0]])",
      "print(np.linalg.inv(M).tolist(), np.linalg.det(M), np.linalg.solve(M, np.array([[4.0, 1.0], [5.0, 0.0], [6.0, 2.0]])).tolist())",
      "print(np.linalg.det(np.zeros((2, 2))), np.linalg.det(np.array([[1.0, 2.0], [2.0, 4.0]])), np.linalg.inv(np.float32([[1, 2], [3, 4]])).dtype, np.linalg.det(np.arange(8.0).reshape(2, 2, 2)))",
      "print(np.linalg.inv(np.array([[[1.0, 0.0], [0.0, 2.0]], [[0.0, 1.0], [1.0, 0.0]]])).tolist())",
      "for bad in (lambda: np.linalg.inv(np.array([[1.0, 2.0], [2.0, 4.0]])), lambda: np.linalg.inv(np.ones((2, 3))), lambda: np.linalg.det(np.ones(3)), lambda: np.linalg.solve(np.eye(2), np.ones(3))):",
      "    try:",
      "        bad()",
      "    except np.linalg.LinAlgError as e:",
      '        print("LinAlgError:", e)',
      "    except ValueError as e:",
      '        print("ValueError:", e)',
      "np.random.seed(11)",
      "A = np.random.randn(6, 6)",
      "b = np.random.randn(6)",
      "# from 3 x 3 on the last bits may differ from LAPACK's: compared to 9 decimals",
      "print(np.round(np.linalg.inv(A), 9).tolist())",
      "print(np.round(np.linalg.solve(A, b), 9).tolist(), round(float(np.linalg.det(A)), 9))",
      "print(np.allclose(np.linalg.inv(A) @ A, np.eye(6)), np.allclose(A @ np.linalg.solve(A, b), b))",
    ].join("\n");
    const trace = runProgram(source + "\n");
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout.split("\n")).toEqual([
      "[[ 0.6 -0.7]",
      " [-0.2  0.4]] 10.000000000000002 [-0.8  0.6]",
      "[[0.5  0.  ]",
      " [0.   0.25]] [[-1.9999999999999996, 0.9999999999999998], [1.4999999999999998, -0.4999999999999999]] -2.0000000000000004 1000.0000000000007",
      "6.0 5.000000000000001 -6.0 [-1.0, 0.6931471805599455]",
      "[[0.0, 0.0, 1.0], [-2.0000000000000004, 1.0000000000000002, 3.000000000000001], [3.0000000000000004, -1.0000000000000002, -5.000000000000001]] -1.0 [[6.0, 1.9999999999999996], [15.000000000000004, 4.000000000000001], [-23.000000000000004, -7.000000000000001]]",
      "0.0 0.0 float32 [-2. -2.]",
      "[[[1.0, 0.0], [0.0, 0.5]], [[0.0, 1.0], [1.0, 0.0]]]",
      "LinAlgError: Singular matrix",
      "LinAlgError: Last 2 dimensions of the array must be square",
      "LinAlgError: 1-dimensional array given. Array must be at least two-dimensional",
      "ValueError: solve1: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m)->(m) (size 3 is different from 2)",
      "[[1.138548022, -0.216501641, -0.759990514, 0.405989166, -1.723121213, -2.517195861], [-0.977875064, 0.118005036, 0.986862166, -0.47905585, 1.938941878, 0.700295439], [-0.310758271, 0.066557064, 0.05582859, 0.230021888, 0.903367178, 0.10361068], [0.430966265, -0.208993959, -0.553464235, 0.188908585, -1.239522094, -1.479994943], [-2.201899236, -0.868778962, 1.814858287, -0.941288168, 4.927545027, 4.891795291], [0.928931485, 0.365908875, -0.580214388, 0.7583974, -2.374352828, -2.402425788]]",
      "[5.246179197, -3.59449145, -0.129075005, 3.053374821, -13.095558926, 6.192614819] -1.985122277",
      "True True",
      "",
    ]);
  });

  it("take numpy's vector and matrix norms of the orders computed from sums", () => {
    const source = [
      "import numpy as np",
      "x = np.array([3.0, -4.0, 0.0, 1.5])",
      "M = np.arange(-4, 8).reshape(3, 4)",
      "print(np.linalg.norm(x), np.linalg.norm(x, 1), np.linalg.norm(x, np.inf), np.linalg.norm(x, -np.inf), np.linalg.norm(x, 0), np.linalg.norm(x, 3), np.linalg.norm([1, 2, 3], 3), np.linalg.norm([3, 4], 1.5))",
      'print(np.linalg.norm(M, 1), np.linalg.norm(M, np.inf), np.linalg.norm(M, -1), np.linalg.norm(M, -np.inf), np.linalg.norm(M, "fro"), np.linalg.norm(M, 1, axis=(1, 0)), np.linalg.norm(M, np.inf, keepdims=True).tolist())',
      "print(np.linalg.norm(M, 1, axis=1), np.linalg.norm(M, np.inf, axis=0), np.linalg.norm(M, 0, axis=1, keepdims=True).tolist(), np.linalg.norm(M, 2, axis=1), np.linalg.norm(x, ord=2))",
      "np.random.seed(4)",
      "R = np.random.randn(5, 6)",
      "print(np.linalg.norm(R, 3, axis=0).tolist(), np.linalg.norm(R, 1), np.linalg.norm(R, -np.inf))",
      'for bad in (lambda: np.linalg.norm(x, "fro"), lambda: np.linalg.norm(M, 3), lambda: np.linalg.norm(np.ones((2, 2, 2)), 1)):',
      "    try:",
      "        bad()",
      "    except ValueError as e:",
      '        print("ValueError:", e)',
    ].join("\n");
    const trace = runProgram(source + "\n");
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout.split("\n")).toEqual([
      "5.220153254455275 8.5 4.0 0.0 3.0 4.552874245617287 3.3019272488946263 5.584250376480029",
      "11.0 22.0 8.0 6.0 13.038404810405298 22.0 [[22.0]]",
      "[10.  6. 22.] [4. 5. 6. 7.] [[4.0], [3.0], [4.0]] [ 5.47722558  3.74165739 11.22497216] 5.220153254455275",
      "[2.2713481763562062, 0.7591502810770583, 2.0303221169861683, 1.4836773650663362, 1.7001525106074609, 2.28747323443934] 5.789457243433541 3.175742662463261",
      "ValueError: Invalid norm order 'fro' for vectors",
      "ValueError: Invalid norm order for matrices.",
      "ValueError: Improper number of dimensions to norm.",
      "",
    ]);
  });

  it("take the singular-value norms (2, -2, nuc) of matrices through the SVD", () => {
    const source = [
      "import numpy as np",
      "M = np.arange(-4, 8).reshape(3, 4)",
      'print(np.linalg.norm(M, 2), np.linalg.norm(M, -2) < 1e-14, np.linalg.norm(M, "nuc"), np.linalg.norm(M, 2, keepdims=True))',
      "np.random.seed(1)",
      "R = np.random.randn(2, 3, 4)",
      'print(np.linalg.norm(R, 2, axis=(1, 2)), np.linalg.norm(R, "nuc", axis=(2, 0)), np.linalg.norm(np.eye(3), -2))',
    ].join("\n");
    const trace = runProgram(source + "\n");
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout.split("\n")).toEqual([
      "12.563257178714467 True 16.051031406137945 [[12.56325718]]",
      "[3.80646995 1.95919185] [3.76187521 4.09150355 4.44956533] 1.0",
      "",
    ]);
  });
});
