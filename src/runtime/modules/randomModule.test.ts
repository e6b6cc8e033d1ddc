import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

describe("the random module", () => {
  it("draws choices() and sample() with their keyword arguments as CPython does", () => {
    const source = `import random
random.seed(123)
h = random.choices([1, 2, 3], k=4)
w = random.choices("abc", weights=[1, 0, 3], k=6)
c = random.choices(["x", "y"], cum_weights=[0.25, 1.0], k=3)
one = random.choices(range(10))
wp = random.choices([10, 20, 30], [0.2, 0.5, 0.3], k=5)
s = random.sample(range(100), k=4)
sc = random.sample(["r", "b"], counts=[3, 2], k=4)
print(h, w, c, one, wp, s, sc)
`;
    const trace = runProgram(source);
    expect(trace.diagnostics).toEqual([]);
    // recorded from CPython 3.11
    expect(trace.stdout).toBe(
      "[1, 1, 2, 1] ['c', 'a', 'c', 'c', 'c', 'a'] ['y', 'y', 'x'] [0] [20, 10, 20, 10, 20] [57, 13, 5, 11] ['r', 'b', 'r', 'b']\n",
    );
  });
});
