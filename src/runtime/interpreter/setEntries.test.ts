import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";
import { SetEntries } from "./setEntries";

describe("a set's entries", () => {
  it("behave as Python's sets do, small and past the small size", () => {
    // expected output recorded with CPython 3.11
    const source = `s = {3, 1, 2}
print(s, len(s), 2 in s, 5 in s)
s.add(float("nan"))
print(len(s))
t = set()
for i in range(12):
    t.add(i * 7 % 5)
print(sorted(t), len(t))
u = {0.0, -0.0, 0, False}
print(u, len(u))
class V:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return "V%d" % self.n
a, b = V(1), V(2)
prev = set((a, b))
print(len(prev), a in prev, V(3) in prev, sorted(prev, key=lambda v: v.n))
prev.discard(a)
print(prev, a in prev)
prev.remove(b)
print(prev, len(prev))
w = set(range(20))
w -= set(range(5, 15))
print(sorted(w))
x = {1, 2}
x |= x
x.update(range(10))
x.difference_update({1, 3})
print(x)
y = frozenset({(1, 2), (3, 4)})
print((1, 2) in y, len(y), y == frozenset({(3, 4), (1, 2)}))
z = {"a", "b"}
z.clear()
z.add("c")
print(z, {1, 2} == {2, 1}, {1, 2} < {1, 2, 3})
big = set()
for i in range(10):
    big.add(V(i))
print(len(big), sum(v.n for v in big))
for v in list(big):
    big.discard(v)
print(big)
`;
    const trace = runProgram(source);
    expect(trace.ok).toBe(true);
    expect(trace.stdout).toBe(`{1, 2, 3} 3 True False
4
[0, 1, 2, 3, 4] 5
{0.0} 1
2 True False [V1, V2]
{V2} False
set() 0
[0, 1, 2, 3, 4, 15, 16, 17, 18, 19]
{0, 2, 4, 5, 6, 7, 8, 9}
True 2 True
{'c'} True True
10 45
set()
`);
  });

  it("keep insertion order and a Map's key equality when they grow into a Map", () => {
    const small = new SetEntries();
    small.set(NaN, 1);
    small.set(0, 2);
    expect(small.has(NaN)).toBe(true);
    expect(small.get(-0)).toBe(2);
    const grown = new SetEntries();
    for (let i = 0; i < 12; i++) grown.set(i, i * 10);
    grown.set(3, 33);
    expect([...grown.keys()]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(grown.get(3)).toBe(33);
    expect(grown.delete(0)).toBe(true);
    expect(grown.size).toBe(11);
    expect([...small.values()]).toEqual([1, 2]);
    // a walk sees the pairs as they were when it started
    const seen: unknown[] = [];
    for (const [k] of small) {
      seen.push(k);
      small.delete(k);
    }
    expect(seen).toEqual([NaN, 0]);
    expect(small.size).toBe(0);
  });
});
