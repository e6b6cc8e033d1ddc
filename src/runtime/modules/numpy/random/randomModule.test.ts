import { describe, expect, it } from "vitest";
import { runProgram } from "../../../runProgram";

/**
 * What the recorded programs (randomPrograms.test.ts) cannot show: numpy 2's scalar reprs of
 * single draws, errors located at the call, the memory budget, and what GradLens does not draw.
 */

const run = (code: string) => runProgram("import numpy as np\n" + code, { memoryBudgetMb: 256 });

const out = (code: string) => {
  const trace = run(code);
  expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return trace.stdout;
};

function failure(code: string) {
  const source = "import numpy as np\n" + code;
  const trace = runProgram(source, { memoryBudgetMb: 256 });
  const errors = trace.diagnostics.filter((d) => d.severity === "error");
  expect(errors).toHaveLength(1);
  const d = errors[0];
  return { message: d.message, code: d.code, text: d.span ? source.slice(d.span.from, d.span.to) : null };
}

// the numbers and reprs are numpy 1.24's (recorded)
describe("single draws are numpy's types", () => {
  it("floats and legacy ints are Python's; Generator integers and picked items are numpy scalars", () => {
    expect(out("np.random.seed(0)\nprint(repr(np.random.rand()), repr(np.random.randint(9)))")).toBe(
      "0.5488135039273248 5\n",
    );
    expect(
      out(
        "rng = np.random.default_rng(0)\nprint(repr(rng.integers(5)), repr(rng.choice([1.5, 2.5])), repr(rng.choice(4)), type(rng.integers(5)).__name__, type(rng.choice([1.5, 2.5])).__name__)",
      ),
    ).toBe("4 2.5 2 int64 float64\n");
    expect(
      out(
        "np.random.seed(1)\nprint(repr(np.random.choice([10, 20])), type(np.random.randint(5, dtype=np.int32)).__name__)",
      ),
    ).toBe("20 int32\n");
  });

  it("a draw is an array of the numpy module: arithmetic, methods and printing are numpy's", () => {
    expect(
      out(
        "np.random.seed(3)\na = np.random.randn(2, 3)\nprint(type(a).__name__, (a * 2 - a).shape, a.sum(axis=0).dtype)",
      ),
    ).toBe("ndarray (2, 3) float64\n");
  });
});

describe("errors are Python's, at the call", () => {
  it("numpy's ValueError at the call that raised it", () => {
    expect(failure("x = 1\ny = np.random.randint(5, 3)")).toEqual({
      message: "ValueError: low >= high",
      code: "runtime",
      text: "np.random.randint(5, 3)",
    });
    expect(failure("rng = np.random.default_rng(0)\nrng.uniform(2, 1)")).toMatchObject({
      message: "ValueError: high - low < 0",
      text: "rng.uniform(2, 1)",
    });
  });

  it("a draw past the memory budget is a MemoryError, before any number is drawn", () => {
    expect(failure("a = np.random.rand(100000, 100000)")).toMatchObject({
      message: expect.stringMatching(/^MemoryError/),
      text: "np.random.rand(100000, 100000)",
    });
    expect(failure("rng = np.random.default_rng(0)\nrng.integers(5, size=(10**6, 10**6))")).toMatchObject({
      message: expect.stringMatching(/^MemoryError/),
    });
  });

  it("distributions GradLens does not draw say so, as unsupported", () => {
    expect(failure("np.random.weibull(1.5)")).toMatchObject({
      code: "unsupported",
      message: expect.stringContaining("np.random.weibull is not supported by GradLens"),
    });
    expect(failure("np.random.default_rng(0).gamma(2.0)")).toMatchObject({ code: "unsupported" });
    expect(failure("np.random.default_rng(0).standard_normal(dtype=np.float32)")).toMatchObject({
      code: "unsupported",
    });
  });
});

describe("the global RandomState belongs to the run", () => {
  it("two runs seeded alike draw alike; unseeded runs differ", () => {
    const seeded = "np.random.seed(11)\nprint(np.random.rand(3))";
    expect(out(seeded)).toBe(out(seeded));
    const unseeded = "print(np.random.randint(2**31, size=4))";
    expect(out(unseeded)).not.toBe(out(unseeded));
  });

  it("`import numpy.random` and `from numpy.random import ...` reach the same state", () => {
    expect(
      out(
        "import numpy.random\nfrom numpy.random import seed, rand\nseed(4)\na = rand()\nnumpy.random.seed(4)\nprint(a == np.random.rand())",
      ),
    ).toBe("True\n");
  });
});
