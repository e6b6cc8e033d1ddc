import { describe, expect, it } from "vitest";
import { runProgram } from "../../runProgram";

// Expected outputs recorded from numpy 1.24 running the same lines.
const run = (code: string) => runProgram("import numpy as np\n" + code);

describe("np.bincount", () => {
  it("counts each non-negative integer, or sums the weights in the order given", () => {
    const trace = run(
      [
        "print(np.bincount(np.array([0, 1, 1, 3, 2, 1, 7])))",
        "print(np.bincount(np.array([0, 1, 1, 2]), weights=np.array([0.5, 1.0, 0.25, 2.0]), minlength=5))",
        "print(np.bincount(np.array([], dtype=np.int64), minlength=3), np.bincount([True, False, True]))",
        "print(np.bincount(np.array([2, 2, 0]), weights=[0.1, 0.2, 0.7]).tolist())",
        "print(np.bincount([]).dtype, np.bincount([1], weights=[2]).dtype)",
      ].join("\n"),
    );
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe(
      [
        "[1 3 1 1 0 0 0 1]",
        "[0.5  1.25 2.   0.   0.  ]",
        "[0 0 0] [1 2]",
        "[0.7, 0.0, 0.30000000000000004]",
        "int64 float64",
        "",
      ].join("\n"),
    );
  });

  it.each([
    [
      "np.bincount(np.array([1.0]))",
      "TypeError: Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'",
    ],
    ["np.bincount(np.array([-1, 2]))", "ValueError: 'list' argument must have no negative elements"],
    ["np.bincount(np.zeros((2, 2), dtype=int))", "ValueError: object too deep for desired array"],
    [
      "np.bincount(np.array([1, 2]), weights=np.array([1.0]))",
      "ValueError: The weights and list don't have the same length.",
    ],
  ])("refuses %s as numpy does", (code, message) => {
    const error = run(code).diagnostics.find((d) => d.severity === "error");
    expect(error?.message).toBe(message);
  });
});
