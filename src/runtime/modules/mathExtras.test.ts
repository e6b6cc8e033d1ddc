import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

const PROGRAMS: { name: string; source: string; stdout: string }[] = [
  {
    name: `math.isclose tolerances, prod with start, comb, perm, isqrt, lcm and dist`,
    source: `import math
print(math.isclose(1, 1.0000001, rel_tol=1e-6), math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(1e-10, 0), math.comb(10, 3), math.perm(5, 2), math.perm(5), math.isqrt(99), math.lcm(4, 6), math.lcm(), math.prod([1, 2, 3], start=2), math.dist([0, 0], [3, 4]), math.nextafter(1, 2), math.ulp(1.0))
for f in [lambda: math.isclose(1, 2, rel_tol=-1), lambda: math.comb(-1, 2), lambda: math.isqrt(-1), lambda: math.comb(1.0, 2), lambda: math.dist([1], [1, 2])]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(math.prod([]), math.prod([0.1, 0.2]), math.comb(3, 5), math.perm(3, 5), math.dist((1,), (4,)), math.comb(100, 50), math.dist([0.1, 0.2, 0.3], [1.1, 2.7, -0.4]), math.inf, math.nan, math.fsum([0.1] * 10))
`,
    // recorded from CPython 3.11
    stdout: `True True False 120 20 120 9 12 1 12 5.0 1.0000000000000002 2.220446049250313e-16
ValueError tolerances must be non-negative
ValueError n must be a non-negative integer
ValueError isqrt() argument must be nonnegative
TypeError 'float' object cannot be interpreted as an integer
ValueError both points must have the same number of dimensions
1 0.020000000000000004 0 0 3.0 100891344545564193334812497256 2.7820855486487113 inf nan 1.0
`,
  },
];

describe(`math's tolerances and exact integer functions, as CPython runs them`, () => {
  for (const program of PROGRAMS) {
    it(program.name, () => {
      const trace = runProgram(program.source);
      expect(trace.diagnostics).toEqual([]);
      expect(trace.stdout).toBe(program.stdout);
      expect(trace.ok).toBe(true);
    });
  }
});
