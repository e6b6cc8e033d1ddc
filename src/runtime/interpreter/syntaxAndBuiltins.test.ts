import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

// Expected outputs recorded from CPython 3.11 running the same lines.
const out = (lines: string[]) => {
  const trace = runProgram(lines.join("\n") + "\n");
  expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return trace.stdout;
};

describe("the walrus operator", () => {
  it("binds the name and is its value, in a condition, a loop and a comprehension (in the function's scope)", () => {
    expect(
      out([
        'if (n := len("hello")) > 3:',
        "    print(n)",
        "def f(xs):",
        "    if (m := max(xs)) > 2:",
        "        return [y for x in xs if (y := x * 2) > 2], m, y",
        "print(f([1, 2, 3]))",
        "data = [3, 1, 0, 4]",
        "while (v := data.pop()) != 0:",
        "    print(v)",
      ]),
    ).toBe("5\n([4, 6], 3, 6)\n4\n");
  });

  it("takes only a name, as CPython's compiler says", () => {
    const trace = runProgram("class A: pass\na = A()\ny = (a.x := 3)\n");
    expect(trace.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["syntax", "cannot use assignment expressions with attribute"],
    ]);
  });
});

describe("raise … from", () => {
  it("keeps the cause as __cause__, and from None suppresses it", () => {
    expect(
      out([
        "try:",
        "    try:",
        '        {}["k"]',
        "    except KeyError as e:",
        '        raise RuntimeError("wrapped") from e',
        "except RuntimeError as e:",
        "    print(repr(e), repr(e.__cause__), e.__suppress_context__)",
        "try:",
        "    raise ValueError from None",
        "except ValueError as e:",
        "    print(repr(e), e.__cause__)",
      ]),
    ).toBe("RuntimeError('wrapped') KeyError('k') True\nValueError() None\n");
  });

  it("refuses a cause that is not an exception", () => {
    const trace = runProgram('raise ValueError("x") from 3\n');
    expect(trace.diagnostics.find((d) => d.severity === "error")?.message).toBe(
      "TypeError: exception causes must derive from BaseException",
    );
  });
});

describe("hex, bin and oct", () => {
  it("write ints, big ints, bools and __index__ objects as CPython does", () => {
    expect(
      out([
        "class I:",
        "    def __index__(self):",
        "        return 10",
        "print(hex(255), hex(-255), bin(5), bin(-5), oct(8), hex(0), bin(True), hex(2**70), oct(I()))",
      ]),
    ).toBe("0xff -0xff 0b101 -0b101 0o10 0x0 0b1 0x400000000000000000 0o12\n");
    const trace = runProgram("hex(1.5)\n");
    expect(trace.diagnostics.find((d) => d.severity === "error")?.message).toBe(
      "TypeError: 'float' object cannot be interpreted as an integer",
    );
  });
});

describe("slice", () => {
  it("makes the object a[start:stop:step] indexes with", () => {
    expect(
      out([
        "x = list(range(10))",
        "print(x[slice(3)], x[slice(2, 8, 3)], x[slice(None, None, -4)], slice(2, 8, 3).step)",
      ]),
    ).toBe("[0, 1, 2] [2, 5] [9, 5, 1] 3\n");
  });
});
