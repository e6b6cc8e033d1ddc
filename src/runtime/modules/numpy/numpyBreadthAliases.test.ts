import { describe, expect, it } from "vitest";
import { runProgram } from "../../runProgram";

// Expected output recorded from numpy 1.24 (/usr/bin/python3) running the same programs.
describe("numpy 1.24's constant and scalar-type aliases", () => {
  it("gives numpy's constants and the aliases of float64, bool_ and intp", () => {
    const source = [
      "import numpy as np",
      "print(np.NINF, np.PINF, np.NaN, np.Inf, np.NZERO, np.PZERO, type(np.NINF), np.float_, np.float_(2.5) * 2, np.bool8, np.int0, np.array([1, 2], dtype=np.float_), np.zeros(2, dtype=np.bool8))",
      "print(np.float_ is np.float64, np.bool8 is np.bool_, np.int0 is np.intp, np.array([np.NINF, np.NaN]).dtype, np.isnan(np.NaN), 1 / np.PINF, str(np.NZERO), np.arange(3, dtype=np.float_).dtype, np.ones(2, np.int0).dtype)",
      "try:",
      "    np.float_128",
      "except AttributeError as e:",
      '    print("AttributeError:", e)',
    ].join("\n");
    const trace = runProgram(source + "\n");
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout.split("\n")).toEqual([
      "-inf inf nan inf -0.0 0.0 <class 'float'> <class 'numpy.float64'> 5.0 <class 'numpy.bool_'> <class 'numpy.int64'> [1. 2.] [False False]",
      "True True True float64 True 0.0 -0.0 float64 int64",
      "AttributeError: module 'numpy' has no attribute 'float_128'",
      "",
    ]);
  });
});
