import { describe, expect, it } from "vitest";
import { runProgram } from "../../runProgram";

// Expected outputs recorded from numpy 1.24 running the same lines.
const run = (code: string) => runProgram("import numpy as np\n" + code);

describe("np.average", () => {
  it("is the mean, or the weighted mean in the operands' float type, with the weights' sum when asked", () => {
    const trace = run(
      [
        "print(np.average([1, 2, 3, 4]), np.average(np.arange(6).reshape(2, 3), axis=0), np.average(np.arange(6).reshape(2, 3), axis=1, weights=[1, 0, 2]))",
        "print(np.average([1.0, 2.0], weights=[3, 1]), np.average(np.array([1, 2, 3], dtype=np.float32), weights=np.array([1, 1, 2], dtype=np.float32)).dtype)",
        "print(np.average([1, 2, 3], returned=True), np.average(np.ones((2, 2)), axis=0, returned=True))",
        "print(np.average([[1, 2], [3, 4]], weights=[[1, 0], [0, 1]]), np.average([True, False, True]))",
      ].join("\n"),
    );
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe(
      [
        "2.5 [1.5 2.5 3.5] [1.33333333 4.33333333]",
        "1.25 float32",
        "(2.0, 3.0) (array([1., 1.]), array([2., 2.]))",
        "2.5 0.6666666666666666",
        "",
      ].join("\n"),
    );
  });

  it.each([
    ["np.average([1, 2], weights=[0, 0])", "ZeroDivisionError: Weights sum to zero, can't be normalized"],
    [
      "np.average(np.ones((2, 2)), weights=[1, 2])",
      "TypeError: Axis must be specified when shapes of a and weights differ.",
    ],
    [
      "np.average(np.ones((2, 2)), axis=0, weights=[1, 2, 3])",
      "ValueError: Length of weights not compatible with specified axis.",
    ],
  ])("refuses %s as numpy does", (code, message) => {
    expect(run(code).diagnostics.find((d) => d.severity === "error")?.message).toBe(message);
  });
});
