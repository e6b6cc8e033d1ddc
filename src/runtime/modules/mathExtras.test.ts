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
  {
    name: `math.log of floats and of ints past the float range, with a base`,
    source: `import math
for n in [10**400, 2**1024, 2**1024 - 1, 3**700, 7**1000 + 1, 2**5000 - 1, 10**20, 2**53 + 1, 123456789012345678901234567890]:
    print(repr(math.log(n)), repr(math.log(n, 10)), repr(math.log(n, 2)))
print(math.log(0.1), math.log(1e-310), math.log(2.5, 1.5))
`,
    // recorded from CPython 3.11 (glibc 2.36's log)
    stdout: `921.0340371976182 399.99999999999994 1328.7712379549448
709.782712893384 308.2547155599167 1024.0
709.782712893384 308.2547155599167 1024.0
769.0286020676768 333.9848783037637 1109.4737505048095
1945.9101490553132 845.0980400142568 2807.354922057604
3465.7359027997263 1505.1499783199058 5000.0
46.051701859880914 20.0 66.43856189774725
36.7368005696771 15.954589770191001 53.0
66.98568871914297 29.091514977212693 96.63992092563934
-2.3025850929940455 -713.8013788281542 2.259851004564663
`,
  },
  {
    name: `math.modf keeps the sign of zero and of infinities, as C's does`,
    source: `import math
print(math.modf(-3.0), math.modf(float('inf')), math.modf(float('-inf')), math.modf(-0.0), math.modf(-2.5), math.modf(float('nan')))
`,
    // recorded from CPython 3.11
    stdout: `(-0.0, -3.0) (0.0, inf) (-0.0, -inf) (-0.0, -0.0) (-0.5, -2.0) (nan, nan)
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
