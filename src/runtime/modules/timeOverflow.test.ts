import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

// Expected output recorded from CPython 3.11 with numpy 1.24 running the same program.
describe("infinite and NaN times and parameters, as CPython and numpy take them", () => {
  it("are CPython's OverflowError and ValueError, and numpy's NaN draws", () => {
    const source = [
      "import time, datetime",
      "import numpy as np",
      "for f in (lambda: time.sleep(float('inf')), lambda: time.localtime(float('inf')), lambda: time.localtime(float('nan')), lambda: datetime.datetime.fromtimestamp(float('-inf'))):",
      "    try:",
      "        f()",
      "    except (OverflowError, ValueError) as e:",
      '        print(type(e).__name__ + ":", e)',
      "np.random.seed(0)",
      "print(np.random.beta(float('nan'), 1.0), np.random.gamma(float('nan')))",
    ].join("\n");
    const trace = runProgram(source + "\n");
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe(
      [
        "OverflowError: timestamp too large to convert to C _PyTime_t",
        "OverflowError: timestamp out of range for platform time_t",
        "ValueError: Invalid value NaN (not a number)",
        "OverflowError: timestamp out of range for platform time_t",
        "nan nan",
        "",
      ].join("\n"),
    );
  });
});
