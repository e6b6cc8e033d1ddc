import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

const PROGRAMS: { name: string; source: string; stdout: string }[] = [
  {
    name: `partial, reduce and wraps`,
    source: `import functools
p = functools.partial(max, 1, key=abs)
print(p.func, p.args, p.keywords, p(-5))
print(functools.reduce(lambda a, b: a + b, [1, 2, 3]), functools.reduce(lambda a, b: a + b, [], 5), functools.reduce(lambda a, b: a * b, range(1, 6), 1))
try:
    functools.reduce(lambda a, b: a + b, [])
except TypeError as e:
    print(e)
def deco(fn):
    @functools.wraps(fn)
    def w(*a, **k):
        return fn(*a, **k)
    return w
@deco
def hello():
    'doc'
print(hello.__name__, hello.__doc__, hello.__wrapped__.__name__, hello.__qualname__)
def power(base, exp):
    return base ** exp
square = functools.partial(power, exp=2)
print(square(7), [square(x) for x in range(4)])
`,
    // recorded from CPython 3.11
    stdout: `<built-in function max> (1,) {'key': <built-in function abs>} -5
6 5 120
reduce() of empty iterable with no initial value
hello doc hello hello
49 [0, 1, 4, 9]
`,
  },
  {
    name: `lru_cache and cache memoise and report their statistics`,
    source: `import functools
@functools.lru_cache(maxsize=2)
def f(x):
    return x * 2
f(1); f(1); f(2); f(3); f(1)
print(f.cache_info())
@functools.lru_cache
def g(x):
    return x
print(g(3), g.cache_info(), g.__name__, g.__wrapped__.__name__)
@functools.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
fib.cache_clear(); print(fib.cache_info())
class C:
    @functools.cached_property
    def x(self):
        print('compute')
        return 5
    @functools.lru_cache(maxsize=None)
    def sq(self, n):
        return n * n
c = C(); print(c.x, c.x, c.sq(4), c.sq(4))
`,
    // recorded from CPython 3.11
    stdout: `CacheInfo(hits=1, misses=4, maxsize=2, currsize=2)
3 CacheInfo(hits=0, misses=1, maxsize=128, currsize=1) g g
23416728348467685 CacheInfo(hits=78, misses=81, maxsize=None, currsize=81)
CacheInfo(hits=0, misses=0, maxsize=None, currsize=0)
compute
5 5 16 16
`,
  },
  {
    name: `cmp_to_key and total_ordering`,
    source: `import functools
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
@functools.total_ordering
class N:
    def __init__(s, v):
        s.v = v
    def __eq__(s, o):
        return s.v == o.v
    def __lt__(s, o):
        return s.v < o.v
print(N(1) <= N(2), N(3) >= N(2), N(1) > N(2), sorted([N(3), N(1)])[0].v)
`,
    // recorded from CPython 3.11
    stdout: `[3, 2, 1]
True True False 1
`,
  },
];

describe(`Python's functools module, as CPython runs it`, () => {
  for (const program of PROGRAMS) {
    it(program.name, () => {
      const trace = runProgram(program.source);
      expect(trace.diagnostics).toEqual([]);
      expect(trace.stdout).toBe(program.stdout);
      expect(trace.ok).toBe(true);
    });
  }
});
