import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

const PROGRAMS: { name: string; source: string; stdout: string }[] = [
  {
    name: `@dataclass writes __init__, __repr__ and __eq__ from the annotated fields`,
    source: `from dataclasses import dataclass, field
from typing import List
@dataclass
class P:
    '''doc'''
    x: int
    y: float = 0.5
    tags: List[str] = field(default_factory=list)
    z: int = field(default=3, repr=False)
    def norm(self):
        return self.x + self.y
p = P(1)
print(p, P(1, 2.0, ['a']), p == P(1), p.norm(), P.__doc__, p != P(2), P.y, P(1).tags is P(1).tags)
for call in [lambda: P(), lambda: P(1, 2, [], 4, 5), lambda: hash(p)]:
    try:
        call()
    except TypeError as e:
        print(e)
@dataclass
class Cfg:
    n_embd: int = 64
    n_head: int = 4
    dropout: float = 0.0
    bias: bool = True
c = Cfg(n_head=8)
print(c, c.n_embd // c.n_head, Cfg.n_embd)
@dataclass
class N:
    v: float = None
print(N(), N(2.0))
`,
    // recorded from CPython 3.11
    stdout: `P(x=1, y=0.5, tags=[]) P(x=1, y=2.0, tags=['a']) True 1.5 doc True 0.5 False
P.__init__() missing 1 required positional argument: 'x'
P.__init__() takes from 2 to 5 positional arguments but 6 were given
unhashable type: 'P'
Cfg(n_embd=64, n_head=8, dropout=0.0, bias=True) 8 64
N(v=None) N(v=2.0)
`,
  },
  {
    name: `dataclass helpers, inheritance, order, frozen and __post_init__`,
    source: `from dataclasses import dataclass, field, asdict, astuple, fields, replace, is_dataclass
@dataclass
class P:
    x: int
    y: float = 0.5
    tags: list = field(default_factory=list)
p = P(1, tags=[P(2)])
print(asdict(p), astuple(p), [f.name for f in fields(p)], replace(p, x=9), is_dataclass(p), is_dataclass(3), is_dataclass(P))
@dataclass(frozen=True)
class F:
    a: int
f = F(1)
try:
    f.a = 2
except Exception as e:
    print(type(e).__name__, e)
print(f, f == F(1))
@dataclass(order=True)
class O:
    a: int
    b: int = 0
print(O(1) < O(2), sorted([O(2), O(1, 5)]))
@dataclass
class Q(P):
    w: int = 7
print(Q(1), Q.__init__.__qualname__)
@dataclass
class PI:
    a: int
    b: int = field(init=False)
    def __post_init__(self):
        self.b = self.a * 2
print(PI(3), PI(a=4))
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print(e)
try:
    @dataclass
    class Bad2:
        a: list = []
except ValueError as e:
    print(e)
`,
    // recorded from CPython 3.11
    stdout: `{'x': 1, 'y': 0.5, 'tags': [{'x': 2, 'y': 0.5, 'tags': []}]} (1, 0.5, [(2, 0.5, [])]) ['x', 'y', 'tags'] P(x=9, y=0.5, tags=[P(x=2, y=0.5, tags=[])]) True False True
FrozenInstanceError cannot assign to field 'a'
F(a=1) True
True [O(a=1, b=5), O(a=2, b=0)]
Q(x=1, y=0.5, tags=[], w=7) Q.__init__
PI(a=3, b=6) PI(a=4, b=8)
non-default argument 'b' follows default argument
mutable default <class 'list'> for field a is not allowed: use default_factory
`,
  },
];

describe(`Python's dataclasses module, as CPython runs it`, () => {
  for (const program of PROGRAMS) {
    it(program.name, () => {
      const trace = runProgram(program.source);
      expect(trace.diagnostics).toEqual([]);
      expect(trace.stdout).toBe(program.stdout);
      expect(trace.ok).toBe(true);
    });
  }
});
