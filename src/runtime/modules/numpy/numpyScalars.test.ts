import { describe, expect, it } from "vitest";
import { runProgram } from "../../runProgram";

/**
 * Scalars print, promote and warn as numpy 1.24 does (every expectation recorded from Debian's
 * numpy 1.24.2).
 */

const run = (code: string) => runProgram("import numpy as np\n" + code);
const out = (code: string) => {
  const trace = run(code);
  expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return trace.stdout;
};

describe("numpy scalar reprs, as numpy 1.24 prints them", () => {
  it("are the bare number, as str is", () => {
    expect(out("x = np.array([0.5, 2.0])\nprint(repr(x[0]), str(x[0]), x[0], type(x[0]).__name__)")).toBe(
      "0.5 0.5 0.5 float64\n",
    );
    expect(out("print(repr(np.float32(0.1)), repr(np.int64(3)), repr(np.int32(-7)))")).toBe("0.1 3 -7\n");
    expect(out("print(repr(np.bool_(True)), repr(np.array([1]) > 0), repr((np.array([1]) > 0)[0]))")).toBe(
      "True array([ True]) True\n",
    );
    expect(out("print(repr(np.float64(np.nan)), repr(np.float64(-np.inf)), repr(np.float64(1e-5)))")).toBe(
      "nan -inf 1e-05\n",
    );
    expect(out("print([np.float64(1.5), np.int64(2)])")).toBe("[1.5, 2]\n");
  });

  it("a reduction to one number is a numpy scalar", () => {
    expect(
      out(
        "a = np.arange(4.0)\nprint(repr(a.sum()), repr(a.mean()), repr(np.argmax(a)), type(a.max()).__name__, type(np.argmax(a)).__name__)",
      ),
    ).toBe("6.0 1.5 3 float64 int64\n");
  });
});

describe("numpy 1.24 promotion (value-based casting)", () => {
  it("numpy scalars with Python numbers count Python floats as float64 and ints as int64", () => {
    expect(
      out("print(repr(np.float32(3) + 3.0), type(np.float32(3) + 3.0).__name__, repr(np.float32(0.1) * 3))"),
    ).toBe("6.0 float64 0.30000000447034836\n");
    expect(
      out(
        "print(repr(np.int32(5) + 1), type(np.int32(5) + 1).__name__, repr(np.int64(2) ** 3), repr(np.bool_(True) + 1))",
      ),
    ).toBe("6 int64 8 2\n");
    expect(out("print(repr(np.int32(1) + 2**40), type(np.int32(1) + 2**40).__name__)")).toBe(
      "1099511627777 int64\n",
    );
    // a float32 mean accumulated into a Python float, as a training loop's running loss is
    expect(
      out(
        "a = np.array([1.5, 2.0], dtype=np.float32)\ntotal = 0.0\nfor v in a: total += v * 0.5\nprint(repr(total), type(total).__name__, repr(a.mean() * 0.1))",
      ),
    ).toBe("1.75 float64 0.17500000000000002\n");
  });

  it("a scalar beside arrays counts by the smallest type that holds its value", () => {
    expect(out("print((np.array([1.0], dtype=np.float32) + np.float64(1)).dtype)")).toBe("float32\n");
    expect(
      out(
        "a = np.array([1.5, 2.0], dtype=np.float32)\nprint((a + 70000).dtype, (a + 40000).dtype, (a * 1e39).dtype, (a * np.array(3.0)).dtype, repr(np.array(3.0, dtype=np.float32) * 0.5))",
      ),
    ).toBe("float64 float32 float64 float32 1.5\n");
  });
});

describe("numpy scalar arithmetic warnings", () => {
  it("divide by zero is a warning named for the scalar operation, not an exception", () => {
    const trace = run("x = np.float64(1.0)\ny = x / 0\nz = np.float64(0.0) / 0\nprint(y, z)");
    expect(trace.stdout).toBe("inf nan\n");
    expect(trace.diagnostics.map((d) => [d.severity, d.message])).toEqual([
      ["warning", "RuntimeWarning: divide by zero encountered in scalar divide"],
      ["warning", "RuntimeWarning: invalid value encountered in scalar divide"],
    ]);
  });

  it("point at the line", () => {
    const trace = run("a = 1\nb = np.log(np.float64(0))\n");
    expect(trace.diagnostics[0].message).toBe("RuntimeWarning: divide by zero encountered in log");
    const span = trace.diagnostics[0].span!;
    expect("import numpy as np\na = 1\nb = np.log(np.float64(0))\n".slice(span.from, span.to)).toBe(
      "np.log(np.float64(0))",
    );
  });
});

describe("numpy scalars with Python", () => {
  it("are floats to isinstance, convert, format and compare", () => {
    expect(
      out(
        "x = np.float64(2.5)\nprint(isinstance(x, float), isinstance(np.float32(1), float), isinstance(x, np.floating), float(x), int(x), f'{x:.3f}', x > 2, round(float(x)))",
      ),
    ).toBe("True False True 2.5 2 2.500 True 2\n");
  });

  it("index Python lists and ranges when they are integers", () => {
    expect(out("i = np.argmax(np.array([1.0, 5.0, 2.0]))\nprint(['a', 'b', 'c'][i], list(range(i)))")).toBe(
      "b [0]\n",
    );
  });

  it("sum as Python's sum does (starting from 0)", () => {
    expect(
      out(
        "print(repr(sum(np.array([0.5, 0.25]))), repr(sum([np.float64(1.0), 2])), type(sum([np.float64(1.0), 2])).__name__)",
      ),
    ).toBe("0.75 3.0 float64\n");
  });
});
