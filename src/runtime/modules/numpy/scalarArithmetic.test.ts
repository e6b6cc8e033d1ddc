import { describe, expect, it } from "vitest";
import { runProgram } from "../../runProgram";

/**
 * float64 scalar arithmetic's short path (scalarArithmetic.ts) against the general ufunc path:
 * a 0-d array operand takes the general one and gives a numpy scalar too, so both must print
 * the same reprs for every operation and operand kind, the edge values included.
 */

const run = (code: string) => runProgram("import numpy as np\n" + code);

const OPERANDS = [
  "np.float64(1.5)",
  "np.float64(-0.0)",
  "np.float64(1e308)",
  "np.float64(5e-324)",
  "np.float64(float('inf'))",
  "np.float64(float('nan'))",
  "0.1",
  "-3.0",
  "0",
  "7",
  "-2",
  "2**53 + 1",
  "10**30",
  "True",
];
const OPS = ["+", "-", "*", "/", "==", "!=", "<", "<=", ">", ">="];

describe("float64 numpy scalar arithmetic", () => {
  it("gives the general path's results for every operator and operand kind", () => {
    const trace = run(`
xs = [${OPERANDS.join(", ")}]
ops = [${OPS.map((o) => `lambda a, b: a ${o} b`).join(", ")}]
short, general = [], []
for a in xs:
    for b in xs:
        if not isinstance(a, np.float64) and not isinstance(b, np.float64):
            continue
        for op in ops:
            short.append(repr(op(a, b)))
            ga = np.array(a) if isinstance(a, np.float64) else a
            gb = np.array(b) if isinstance(b, np.float64) else b
            general.append(repr(op(ga, gb)))
print(len(short), short == general)
print([s for s, g in zip(short, general) if s != g][:5])
`);
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe("1320 True\n[]\n");
  });

  it("keeps numpy's result types and reprs", () => {
    const trace = run(`
x = np.float64(0.1)
print(repr(x + 0.2), repr(0.2 + x), repr(x * 3), repr(3 - x), repr(x / 2), repr(2 / x))
print(type(x + 1).__name__, type(x < 1).__name__, repr(x < 1), repr(1 == np.float64(1.0)))
print(repr(np.float64(2.0) * np.float64(0.5)), repr(x + True), repr(x * 10**30))
`);
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe(
      [
        "0.30000000000000004 0.30000000000000004 0.30000000000000004 2.9 0.05 20.0",
        "float64 bool_ True True",
        "1.0 1.1 1.0000000000000001e+29",
        "",
      ].join("\n"),
    );
  });

  it("warns as numpy's scalar operations do", () => {
    const trace = run(`
big = np.float64(1e308)
a = big * 10.0
b = big + big
c = np.float64(1.0) / 0
d = np.float64(0.0) / 0.0
e = np.float64(float("inf")) - np.float64(float("inf"))
print(a, b, c, d, e)
`);
    expect(trace.stdout).toBe("inf inf inf nan nan\n");
    expect(trace.diagnostics.map((d) => [d.severity, d.message])).toEqual([
      ["warning", "RuntimeWarning: overflow encountered in scalar multiply"],
      ["warning", "RuntimeWarning: overflow encountered in scalar add"],
      ["warning", "RuntimeWarning: divide by zero encountered in scalar divide"],
      ["warning", "RuntimeWarning: invalid value encountered in scalar divide"],
      ["warning", "RuntimeWarning: invalid value encountered in scalar subtract"],
    ]);
  });
});
