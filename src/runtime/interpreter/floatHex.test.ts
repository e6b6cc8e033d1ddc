import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

// Expected outputs recorded from CPython 3.11 running the same lines.
describe("float.hex and float.fromhex", () => {
  it("write and read a double exactly, rounding extra digits to even", () => {
    const trace = runProgram(
      [
        "print((0.1).hex(), float.hex(3.0), (-0.0).hex(), (5e-324).hex(), (1e308).hex(), float('inf').hex(), (2.5).hex())",
        "print(float.fromhex('0x1.999999999999ap-4'), float.fromhex('-0x1p-1074'), float.fromhex('  0XA.8p0 '))",
        "print(float.fromhex('0x1.00000000000008p0'), float.fromhex('0x1.00000000000018p0'), float.fromhex('inf'), float.fromhex('0x.8'))",
        "print(all(float.fromhex(x.hex()) == x for x in [0.1, 1/3, 1e-310, 2.0**-1074, 1.7976931348623157e308]))",
      ].join("\n"),
    );
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe(
      [
        "0x1.999999999999ap-4 0x1.8000000000000p+1 -0x0.0p+0 0x0.0000000000001p-1022 0x1.1ccf385ebc8a0p+1023 inf 0x1.4000000000000p+1",
        "0.1 -5e-324 10.5",
        "1.0 1.0000000000000004 inf 0.5",
        "True",
        "",
      ].join("\n"),
    );
  });

  it.each([
    ["float.fromhex('0x1p1024')", "OverflowError: hexadecimal value too large to represent as a float"],
    ["float.fromhex('abc.g')", "ValueError: invalid hexadecimal floating-point string"],
  ])("refuses %s as CPython does", (code, message) => {
    const error = runProgram(code).diagnostics.find((d) => d.severity === "error");
    expect(error?.message).toBe(message);
  });
});
