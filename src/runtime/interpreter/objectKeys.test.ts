import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

function run(source: string) {
  const trace = runProgram(source);
  expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return trace.stdout;
}

describe("objects with their own __hash__ and __eq__ as dict keys and set items", () => {
  it("finds equal keys through __hash__ and __eq__, calls them as CPython does, and refuses the unhashable", () => {
    const source = `class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
d = {Point(1, 2): "a", Point(3, 4): "b"}
print(d[Point(1, 2)], Point(3, 4) in d, Point(5, 6) in d, d.get(Point(3, 4)), d.get(Point(9, 9), "none"))
d[Point(1, 2)] = "c"
print(len(d), d)
s = {Point(1, 2), Point(1, 2), Point(2, 1)}
print(len(s), Point(2, 1) in s, sorted(s, key=lambda p: p.x))
print(hash(Point(1, 2)) == hash((1, 2)), {(Point(1, 2), 3): 1}[(Point(1, 2), 3)])
s.discard(Point(1, 2)); print(s)
del d[Point(3, 4)]; print(d)
print({Point(1, 1), Point(0, 0), Point(2, 2)} == {Point(2, 2), Point(0, 0), Point(1, 1)})
from collections import Counter, defaultdict
c = Counter([Point(0, 0), Point(0, 0), Point(1, 0)])
print(c[Point(0, 0)], c[Point(1, 0)], c[Point(7, 7)])
dd = defaultdict(list)
dd[Point(0, 0)].append(1); dd[Point(0, 0)].append(2)
print(dict(dd))
print(set([Point(1, 2)]) & {Point(1, 2)}, {Point(1, 2)} - {Point(1, 2)})

class Loud:
    def __init__(self, k): self.k = k
    def __hash__(self):
        print("hash", self.k)
        return self.k % 2
    def __eq__(self, other):
        print("eq", self.k, other.k)
        return self.k == other.k
s = set()
for k in [1, 3, 1, 2]:
    s.add(Loud(k))
print(len(s))

class Id:
    def __hash__(self):
        return 7
a, b = Id(), Id()
print(len({a, b, a}), hash(a))

class NoHash:
    def __eq__(self, other):
        return True
for make in [lambda: {NoHash(): 1}, lambda: {NoHash()}, lambda: hash(NoHash())]:
    try:
        make()
    except TypeError as e:
        print("TypeError:", e)

class Sub(Point):
    pass
print(Sub(1, 2) in {Point(1, 2)}, hash(Sub(1, 2)) == hash(Point(1, 2)))
class SubEq(Point):
    def __eq__(self, other):
        return False
class SubHash(NoHash):
    def __hash__(self):
        return 3
class Nope:
    __hash__ = None
for make in [lambda: {SubEq(1, 2)}, lambda: {Nope()}, lambda: hash(Nope())]:
    try:
        make()
    except TypeError as e:
        print("TypeError:", e)
print(len({SubHash(), SubHash()}), hash(SubHash()))

class Bad:
    def __hash__(self):
        return "x"
try:
    {Bad(): 1}
except TypeError as e:
    print("TypeError:", e)
class Big:
    def __hash__(self):
        return 2**64 + 5
class Minus:
    def __hash__(self):
        return -1
print(hash(Big()), hash(Minus()))
print({3: 'x'}.get(3), {1, 2, 3})
`;
    // recorded from CPython 3.11
    expect(run(source)).toBe(`a True False b none
2 {Point(1, 2): 'c', Point(3, 4): 'b'}
2 True [Point(1, 2), Point(2, 1)]
True 1
{Point(2, 1)}
{Point(1, 2): 'c'}
True
2 1 0
{Point(0, 0): [1, 2]}
{Point(1, 2)} set()
hash 1
hash 3
eq 1 3
hash 1
eq 1 1
hash 2
3
2 7
TypeError: unhashable type: 'NoHash'
TypeError: unhashable type: 'NoHash'
TypeError: unhashable type: 'NoHash'
True True
TypeError: unhashable type: 'SubEq'
TypeError: unhashable type: 'Nope'
TypeError: unhashable type: 'Nope'
1 3
TypeError: __hash__ method should return an integer
13 -2
x {1, 2, 3}
`);
  });

  it("follows dataclasses' hash rules (frozen, eq, unsafe_hash, a hash of its own)", () => {
    const source = `from dataclasses import dataclass, field
@dataclass(frozen=True)
class P:
    x: int
    y: int = 0
@dataclass
class M:
    x: int
@dataclass(eq=False)
class E:
    x: int
@dataclass(unsafe_hash=True)
class U:
    x: int
    tags: list = field(default_factory=list, compare=False)
@dataclass
class H:
    x: int
    def __hash__(self):
        return 42
d = {P(1, 2): "p"}
print(d[P(1, 2)], P(1) in {P(1, 0)}, hash(P(1, 2)) == hash((1, 2)), len({P(1), P(1), P(2)}))
print({P(3), P(1), P(2)})
e = E(1)
print({e: 1}[e], E(1) in {E(1)}, len({U(1), U(1, [2])}), hash(H(5)), H(5) in {H(5)})
try:
    {M(1)}
except TypeError as err:
    print("TypeError:", err)
print(M.__hash__, P.__hash__ is not None)
try:
    @dataclass(unsafe_hash=True)
    class X:
        x: int
        def __hash__(self):
            return 1
except TypeError as err:
    print("TypeError:", err)
`;
    // recorded from CPython 3.11
    expect(run(source)).toBe(`p True True 2
{P(x=1, y=0), P(x=2, y=0), P(x=3, y=0)}
1 False 1 42 True
TypeError: unhashable type: 'M'
None True
TypeError: Cannot overwrite attribute __hash__ in class X
`);
  });

  it("keys them through every dict and set operation, functools.lru_cache and tuples", () => {
    const source = `class K:
    def __init__(self, n): self.n = n
    def __eq__(self, o): return isinstance(o, K) and self.n == o.n
    def __hash__(self): return hash(self.n)
    def __repr__(self): return f"K{self.n}"
d = dict.fromkeys([K(1), K(2), K(1)], 0)
print(d, d.pop(K(2)), d, d.setdefault(K(3), 'x'), d.setdefault(K(3), 'y'))
d.update({K(1): 5}); print(d, {**d, K(1): 6}, dict(zip([K(4), K(4)], [1, 2])))
s = {K(1), K(2)}; s.remove(K(1)); print(s, s | {K(2), K(5)}, s & {K(2)}, s ^ {K(2), K(7)}, s.union([K(2)]))
print(sorted({K(i % 3) for i in range(10)}, key=lambda k: k.n), len(set(map(K, [1, 1, 2]))))
print(K(1) == 1, 1 in {K(1)}, K(1) in {1: 2}, {1: 'a'}.get(K(1)))
try:
    s.remove(K(9))
except KeyError as e:
    print("KeyError", e)
import functools
@functools.lru_cache(maxsize=None)
def f(k): return k.n * 2
print(f(K(3)), f(K(3)), f.cache_info().hits)
print(hash(K(5)) == hash(5), {(K(1), 'a'), (K(1), 'a')})
`;
    // recorded from CPython 3.11
    expect(run(source)).toBe(`{K1: 0, K3: 'x'} 0 {K1: 0, K3: 'x'} x x
{K1: 5, K3: 'x'} {K1: 6, K3: 'x'} {K4: 2}
{K2} {K2, K5} {K2} {K7} {K2}
[K0, K1, K2] 2
False False False None
KeyError K9
6 6 1
True {(K1, 'a')}
`);
  });

  it("locates an exception raised inside __hash__ where it is raised", () => {
    const source = `class K:
    def __hash__(self):
        raise ValueError("no hash today")
d = {}
d[K()] = 1
`;
    const trace = runProgram(source);
    const error = trace.diagnostics.find((d) => d.severity === "error");
    expect(error?.message).toBe("ValueError: no hash today");
    expect(source.slice(error!.span!.from, error!.span!.to)).toBe(`raise ValueError("no hash today")`);
  });
});
