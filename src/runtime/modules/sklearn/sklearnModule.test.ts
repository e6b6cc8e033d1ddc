import { describe, expect, it } from "vitest";
import { runProgram } from "../../runProgram";

/** What the recorded programs (sklearnPrograms.test.ts) cannot show. */

const errorsOf = (source: string) =>
  runProgram(source, { memoryBudgetMb: 256 }).diagnostics.filter((d) => d.severity === "error");

describe("sklearn in GradLens", () => {
  it("its model families import, as with scikit-learn installed, and stop the run where a model is made", () => {
    const source =
      "from sklearn.linear_model import LogisticRegression\nprint('imported')\nclf = LogisticRegression()\n";
    const trace = runProgram(source);
    expect(trace.stdout).toBe("imported\n");
    const [error] = errorsOf(source);
    expect(error.message).toBe(
      "`sklearn.linear_model.LogisticRegression` is not available: scikit-learn's models do not run in GradLens (its datasets, train_test_split and accuracy_score do)",
    );
    expect(source.slice(error.span!.from, error.span!.to)).toBe("LogisticRegression()");
    // a part of scikit-learn GradLens does not know of is still a ModuleNotFoundError
    expect(errorsOf("import sklearn.nothing_here\n")[0].message).toMatch(
      /^ModuleNotFoundError: No module named 'sklearn.nothing_here'/,
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
