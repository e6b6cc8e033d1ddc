import { describe, expect, it } from "vitest";
import { runProgram } from "../../runProgram";

// Expected outputs recorded from scikit-learn 1.2.1 with numpy 1.24 running the same lines.
const run = (lines: string[]) => runProgram(lines.join("\n") + "\n");

describe("sklearn.model_selection.train_test_split", () => {
  it("picks scikit-learn's rows for a seed, a RandomState, numpy's global state and no shuffle", () => {
    const trace = run([
      "import numpy as np",
      "from sklearn.model_selection import train_test_split",
      "X = np.arange(20).reshape(10, 2)",
      "y = list(range(10))",
      "X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.33, random_state=42)",
      "print(X_train.tolist(), X_test.tolist(), y_train, y_test)",
      "a, b = train_test_split(np.arange(7), train_size=4, shuffle=False)",
      "print(a, b)",
      "np.random.seed(0)",
      "print(train_test_split(np.arange(8))[1])",
      "print(train_test_split(np.arange(8), test_size=3, random_state=np.random.RandomState(1)))",
    ]);
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe(
      [
        "[[14, 15], [4, 5], [18, 19], [8, 9], [6, 7], [12, 13]] [[16, 17], [2, 3], [10, 11], [0, 1]] [7, 2, 9, 4, 3, 6] [8, 1, 5, 0]",
        "[0 1 2 3] [4 5 6]",
        "[6 2]",
        "[array([6, 0, 4, 3, 5]), array([7, 2, 1])]",
        "",
      ].join("\n"),
    );
  });

  it.each([
    [
      "train_test_split(np.arange(5), test_size=1.5)",
      "ValueError: test_size=1.5 should be either positive and smaller than the number of samples 5 or a float in the (0, 1) range",
    ],
    [
      "train_test_split(np.arange(5), np.arange(4))",
      "ValueError: Found input variables with inconsistent numbers of samples: [5, 4]",
    ],
    [
      "train_test_split(np.arange(5), test_size=5)",
      "ValueError: test_size=5 should be either positive and smaller than the number of samples 5 or a float in the (0, 1) range",
    ],
  ])("refuses %s as scikit-learn does", (code, message) => {
    const trace = run(["import numpy as np", "from sklearn.model_selection import train_test_split", code]);
    expect(trace.diagnostics.find((d) => d.severity === "error")?.message).toBe(message);
  });
});

describe("sklearn.metrics.accuracy_score", () => {
  it("scores labels, column vectors, multilabel rows, counts and weights", () => {
    const trace = run([
      "import numpy as np",
      "from sklearn.metrics import accuracy_score",
      "print(accuracy_score([0, 1, 2, 3], [0, 2, 1, 3]), accuracy_score(np.array([[1], [0], [1]]), np.array([1, 1, 1])), accuracy_score([1, 0, 1], [1, 1, 1], normalize=False))",
      "print(accuracy_score(np.array([[0, 1], [1, 1]]), np.ones((2, 2))), accuracy_score([1, 0], [1, 1], sample_weight=[3, 1]))",
    ]);
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe("0.5 0.6666666666666666 2\n0.5 0.75\n");
  });

  it.each([
    [
      "accuracy_score([0, 1, 1], [0.2, 0.7, 0.9])",
      "ValueError: Classification metrics can't handle a mix of binary and continuous targets",
    ],
    [
      "accuracy_score([0, 1], [0, 1, 1])",
      "ValueError: Found input variables with inconsistent numbers of samples: [2, 3]",
    ],
  ])("refuses %s as scikit-learn does", (code, message) => {
    const trace = run(["from sklearn.metrics import accuracy_score", code]);
    expect(trace.diagnostics.find((d) => d.severity === "error")?.message).toBe(message);
  });
});
