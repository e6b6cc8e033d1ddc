import { describe, expect, it } from "vitest";
import { runProgram } from "../../runtime/runProgram";

describe("floats written with a trailing dot", () => {
  it("reads 1. as 1.0, as Python does", () => {
    // python3 -c "x = [1., 2.]; y = 3.*2; print(x, y, type(y).__name__)"  →  [1.0, 2.0] 6.0 float
    const trace = runProgram("x = [1., 2.]\ny = 3.*2\nprint(x, y, type(y).__name__)\n");
    expect(trace.diagnostics).toEqual([]);
    expect(trace.stdout).toBe("[1.0, 2.0] 6.0 float\n");
  });

  it("still reports a real missing attribute name", () => {
    const trace = runProgram("x = y.\n");
    expect(trace.diagnostics[0]?.code).toBe("syntax");
  });
});
