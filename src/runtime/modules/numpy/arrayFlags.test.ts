import { describe, expect, it } from "vitest";
import { runProgram } from "../../runProgram";

// Expected outputs recorded from numpy 1.24 running the same lines.
const run = (code: string) => runProgram("import numpy as np\n" + code);

describe("ndarray.flags", () => {
  it("prints as numpy prints it and answers by key and by attribute", () => {
    const trace = run(
      [
        "a = np.zeros((2, 3))",
        "print(a.flags)",
        "print(a.flags['C'], a.flags['CONTIGUOUS'], a.flags.c_contiguous, a.flags.fnc, a.flags.forc, a.flags['X'])",
      ].join("\n"),
    );
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe(
      [
        "  C_CONTIGUOUS : True",
        "  F_CONTIGUOUS : False",
        "  OWNDATA : True",
        "  WRITEABLE : True",
        "  ALIGNED : True",
        "  WRITEBACKIFCOPY : False",
        "",
        "True True True False True False",
        "",
      ].join("\n"),
    );
  });

  it("follows the strides of views, and copies own their memory", () => {
    const trace = run(
      [
        "a = np.zeros((2, 3))",
        "for x in [a.T, a[:, ::2], a.reshape(3, 2), np.zeros((3, 1))[:, 0], a[0], a.T.copy()]:",
        "    print(x.flags.c_contiguous, x.flags.f_contiguous, x.flags.owndata)",
      ].join("\n"),
    );
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe(
      [
        "False True False",
        "False False False",
        "True False False",
        "True True False",
        "True True False",
        "True False True",
        "",
      ].join("\n"),
    );
  });

  it("refuses names numpy does not know", () => {
    const key = run("np.zeros(2).flags['c']").diagnostics.find((d) => d.severity === "error");
    expect(key?.message).toBe("KeyError: 'Unknown flag'");
    const attr = run("np.zeros(2).flags.f").diagnostics.find((d) => d.severity === "error");
    expect(attr?.message).toBe(
      "AttributeError: 'numpy.core.multiarray.flagsobj' object has no attribute 'f'",
    );
  });
});
