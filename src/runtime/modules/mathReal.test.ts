import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

/**
 * `math`'s functions take what CPython's take as a real number — a numpy scalar (an element of an
 * array: `math.exp(x[i])`), a one-element array or tensor — and `round()` calls an object's own
 * `__round__` (numpy scalars, the program's classes), halves to even. The expected text is
 * CPython 3.11 + numpy 1.24.2 + torch 1.13.1's, recorded with /usr/bin/python3.
 */

const PROGRAM = `import math
import numpy as np
import torch
a = np.array([0.5, 1.5])
for v in a:
    print(math.tanh(v), math.exp(v), math.log(v), math.sqrt(v), math.floor(v), math.isclose(v, 0.5))
print(math.tanh(np.float32(0.5)), math.exp(np.int64(2)), math.fsum(a), math.log(a[1], 2))
print(math.exp(torch.tensor(1.0)), math.exp(np.array([2.0])))
try:
    math.exp(np.array([1.0, 2.0]))
except TypeError as e:
    print("TypeError:", e)
class V:
    def __init__(self, data):
        self.data = data
try:
    math.exp(V(1.0))
except TypeError as e:
    print("TypeError:", e)
v = np.float64(1.23456)
print(round(v, 2), round(v), round(np.float32(2.5)), round(np.float32(1.23456), 3), round(np.int64(1234), -2))
print(round(np.float64(2.5)), round(np.float64(-3.5)), round(np.float64(0.125), 2), round(np.float64(1e300)))
print(type(round(v)).__name__, type(round(v, 2)).__name__, type(round(np.int64(1234), -2)).__name__)
try:
    round(np.float64("nan"))
except ValueError as e:
    print("ValueError:", e)
class Money:
    def __init__(self, v):
        self.v = v
    def __round__(self, n=None):
        return Money(round(self.v, n))
    def __repr__(self):
        return f"Money({self.v})"
print(round(Money(2.675), 2), round(Money(3.5)), round(Money(3.5), None))
`;

const CPYTHON =
  "0.46211715726000974 1.6487212707001282 -0.6931471805599453 0.7071067811865476 0 True\n0.9051482536448664 4.4816890703380645 0.4054651081081644 1.224744871391589 1 False\n0.46211715726000974 7.38905609893065 2.0 0.5849625007211562\n2.718281828459045 7.38905609893065\nTypeError: only size-1 arrays can be converted to Python scalars\nTypeError: must be real number, not V\n1.23 1 2 1.235 1200\n2 -4 0.12 1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160\nint float64 int64\nValueError: cannot convert float NaN to integer\nMoney(2.67) Money(4) Money(4)\n";

describe("math on numpy scalars, round() through __round__", () => {
  it("prints what CPython prints", () => {
    const trace = runProgram(PROGRAM);
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe(CPYTHON);
  });
});
