import { describe, expect, it } from "vitest";
import { runProgram } from "../../runProgram";

/** What the recorded programs (sklearnPrograms.test.ts) cannot show. */

const errorsOf = (source: string) =>
  runProgram(source, { memoryBudgetMb: 256 }).diagnostics.filter((d) => d.severity === "error");

describe("sklearn in GradLens", () => {
  it("other parts of scikit-learn are a ModuleNotFoundError that `except ImportError` catches", () => {
    const trace = runProgram(
      "try:\n    from sklearn.linear_model import LogisticRegression\nexcept ImportError as e:\n    print(type(e).__name__, e)\n",
    );
    expect(trace.stdout).toBe("ModuleNotFoundError No module named 'sklearn.linear_model'\n");
    const [error] = errorsOf("from sklearn.linear_model import LogisticRegression\n");
    expect(error.message).toBe(
      "ModuleNotFoundError: No module named 'sklearn.linear_model' (GradLens has only sklearn.datasets (make_moons, make_blobs, make_circles, make_classification), sklearn.model_selection.train_test_split and sklearn.metrics.accuracy_score)",
    );
  });

  it("a dataset past the memory budget is a MemoryError at the call", () => {
    const source = "from sklearn.datasets import make_moons\nX, y = make_moons(n_samples=10**9)\n";
    const [error] = errorsOf(source);
    expect(error.message).toMatch(/^MemoryError/);
    expect(source.slice(error.span!.from, error.span!.to)).toBe("make_moons(n_samples=10**9)");
  });

  it("the arrays are the numpy module's: they print, index and compute as numpy's", () => {
    const trace = runProgram(
      "import numpy as np\nfrom sklearn.datasets import make_blobs\nX, y = make_blobs(6, centers=2, random_state=0)\n" +
        "print(type(X).__name__, X[y == 1].shape, (X.mean(axis=0) - X.mean(axis=0)).tolist())\n",
    );
    expect(trace.stdout).toBe("ndarray (3, 2) [0.0, 0.0]\n");
  });
});
