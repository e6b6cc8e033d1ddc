import { describe, expect, it } from "vitest";
import { runProgram } from "./runProgram";

const PROGRAMS: { name: string; source: string; stdout: string }[] = [
  {
    name: `functions carry attributes, names, docstrings, defaults and code objects`,
    source: `def f(a, b=2, *args, c=3, **kw):
    "doc of f"
    x = 1
    return a
f.x = 5
print(f.x, f.__name__, f.__qualname__, f.__doc__, f.__module__)
print(f.__code__.co_argcount, f.__code__.co_varnames, f.__defaults__, f.__kwdefaults__, f.__code__.co_name, f.__code__.co_kwonlyargcount)
class A:
    'class doc'
    def m(self, a, b=2):
        'm doc'
print(A.m.__qualname__, A.m.__name__, A().m.__name__, A.__name__, A.__doc__, A.__module__, A.m.__doc__, A().m.__func__ is A.m, A().m.__self__.__class__.__name__)
def g():
    g.calls += 1
g.calls = 0
g(); g()
print(g.calls, hasattr(g, 'calls'), getattr(g, 'nope', 'dflt'), vars(g), (lambda x=1: x).__defaults__, (lambda: 0).__name__, len.__name__, print.__qualname__)
del g.calls
print(hasattr(g, 'calls'))
`,
    // recorded from CPython 3.11
    stdout: `5 f f doc of f __main__
2 ('a', 'b', 'c', 'args', 'kw', 'x') (2,) {'c': 3} f 1
A.m m m A class doc __main__ m doc True A
2 True dflt {'calls': 2} (1,) <lambda> len print
False
`,
  },
  {
    name: `vars, __dict__, globals, locals and dir`,
    source: `class P:
    def __init__(self, **kw):
        vars(self).update(kw)
        self.__dict__['z'] = 9
p = P(a=1, b=2)
print(p.a, p.b, p.z, vars(p), sorted(dir(p))[:3], [n for n in dir(p) if not n.startswith('__')], dir(P) == dir(P()) or 'differs')
g = globals(); g['newname'] = 3
print(newname, 'P' in globals(), sorted(k for k in globals() if not k.startswith('__')))
def loc(a):
    b = 2
    return locals(), dir()
print(loc(1))
import math
print([n for n in dir(math) if n.startswith('is')])
`,
    // recorded from CPython 3.11
    stdout: `1 2 9 {'a': 1, 'b': 2, 'z': 9} ['__class__', '__delattr__', '__dict__'] ['a', 'b', 'z'] differs
3 True ['P', 'g', 'newname', 'p']
({'a': 1, 'b': 2}, ['a', 'b'])
['isclose', 'isfinite', 'isinf', 'isnan', 'isqrt']
`,
  },
  {
    name: `printf-style % formatting of str`,
    source: `print('%f' % 3.5, '%d items' % 7, '%s and %r' % ('a', 'b'), '%5.2f|' % 3.14159, '100%%' % (), '%(a)s-%(b)d' % {'a': 'x', 'b': 2})
print('%-5d|%05.1f|%x|%o|%e|%g' % (3, 2.5, 255, 8, 12345.678, 0.00001), '%s' % [1, 2], '%s' % (1,), '%.3s' % 'abcdef', '%c' % 65, '%5s|%-5s|' % ('a', 'b'), '%+d % d' % (5, 5))
print('%d' % 3.7, '%i' % -2.5, '%#x %#o' % (255, 8), '%.2e' % 0.000123, '%G' % 1e-10, '%10.4f|' % -3.14159, '%r' % 'x', '%a' % 'é', '%s' % None, '%5.1f%%' % 12.345)
print('%s' % {'a': 1}, '%(x)05.2f' % {'x': 3.14159}, '%*d|%-*d|' % (5, 42, 4, 7), '%.*f' % (2, 3.14159), '%e' % 0, '%g' % 123456789, '%#g' % 1.0, '%x' % -255, '%5.1s|' % 'abc', '%i%%' % 50)
print('%d' % True, '%s' % True, '%r' % 1.0, '%f' % 1e20, '%.0f' % 2.5, '%.0f' % 3.5, '%+.2e' % -12345.6789, '%10.3e|' % 0.000123456, '%-10s|' % 'hi', '%c%c' % ('a', 98))
print('%.5d' % 6, '%05.3d' % 7, '%-6.3d|' % -7, '%+.3d' % 7, '%.3x' % 10, '%#.3x' % 10, '%8.3d' % -12345, '%.0d' % 0, '%#.3o' % 8, '% .4i' % 3, '%.3d' % 2.7, '%.3X' % 255)
for bad in [lambda: '%d' % 'a', lambda: '%s %s' % (1,), lambda: '%s' % (1, 2)]:
    try:
        bad()
    except TypeError as e:
        print(e)
`,
    // recorded from CPython 3.11
    stdout: `3.500000 7 items a and 'b'  3.14| 100% x-2
3    |002.5|ff|10|1.234568e+04|1e-05 [1, 2] 1 abc A     a|b    | +5  5
3 -2 0xff 0o10 1.23e-04 1E-10    -3.1416| 'x' '\\xe9' None  12.3%
{'a': 1} 03.14    42|7   | 3.14 0.000000e+00 1.23457e+08 1.00000 -ff     a| 50%
1 True 1.0 100000000000000000000.000000 2 4 -1.23e+04  1.235e-04| hi        | ab
00006 00007 -007  | +007 00a 0x00a   -12345 0 0o010  0003 002 0FF
%d format: a real number is required, not str
not enough arguments for format string
not all arguments converted during string formatting
`,
  },
  {
    name: `str methods`,
    source: `print(' a b '.strip().split(' '), ','.join(['x', 'y']), 'abc'.replace('b', 'B'), 'abc'.startswith(('x', 'a')), 'a,b,,c'.split(','), 'a  b'.split(), 'abc'.split('b', 1), 'a-b-c'.rsplit('-', 1), '  x '.lstrip(), 'xxaxx'.strip('x'))
print('abc'.find('c'), 'abc'.index('b'), 'aaa'.count('a'), 'abc'.endswith('bc'), 'a1'.isalnum(), '12'.isdigit(), 'ab'.isalpha(), ' '.isspace(), 'abc'.partition('b'), 'abcabc'.rfind('b'), 'abcabc'.rindex('c'), 'a-b'.rpartition('-'))
print('a\\nb\\r\\nc\\n'.splitlines(), 'a\\nb\\n'.splitlines(True), 'x'.join('abc'), 'tab\\there'.expandtabs(4), 'abc'.swapcase(), 'abc'.islower(), 'ABC'.isupper(), 'Ab'.istitle(), "they're bill's".title(), 'hELLO wORLD'.capitalize())
print('abc'.center(9, '*'), 'abc'.ljust(5) + '|', 'abc'.rjust(5), 'ab'.zfill(5), '-3'.zfill(4), 'aaa'.replace('a', 'b', 2), 'ab'.replace('', '-'), 'prefix_x'.removeprefix('prefix_'), 'x.py'.removesuffix('.py'), '  a  b  c  '.split(None, 1), '  a  b  c  '.rsplit(None, 1))
print('abcabc'.find('c', 3), 'abcabc'.count('b', 2), 'abc'.startswith('b', 1), 'hello'.find(''), ''.split(','), ''.split(), 'Hello World'.casefold(), 'x'.isidentifier(), '1x'.isidentifier(), 'abc'.isascii())
print(str.upper('a'), list(map(str.strip, [' a ', 'b '])), sorted(['b', 'A'], key=str.lower), str.maketrans('ab', 'xy'), 'abc'.translate(str.maketrans('ab', 'xy', 'c')), '{x}+{y}'.format_map({'x': 1, 'y': 2}))
for bad in [lambda: 'abc'.index('z'), lambda: 'a'.split(''), lambda: 'a'.center(5, 'ab'), lambda: str.upper(3)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
`,
    // recorded from CPython 3.11
    stdout: `['a', 'b'] x,y aBc True ['a', 'b', '', 'c'] ['a', 'b'] ['a', 'c'] ['a-b', 'c'] x  a
2 1 3 True True True True True ('a', 'b', 'c') 4 5 ('a', '-', 'b')
['a', 'b', 'c'] ['a\\n', 'b\\n'] axbxc tab here ABC True True True They'Re Bill'S Hello world
***abc*** abc  |   abc 000ab -003 bba -a-b- x x ['a', 'b  c  '] ['  a  b', 'c']
5 1 True 0 [''] [] hello world True False True
A ['a', 'b'] ['A', 'b'] {97: 120, 98: 121} xy 1+2
ValueError substring not found
ValueError empty separator
TypeError The fill character must be exactly one character long
TypeError descriptor 'upper' for 'str' objects doesn't apply to a 'int' object
`,
  },
  {
    name: `format specs, f-string conversions, global, isinstance, builtins with keywords`,
    source: `x = 10
def bump():
    global x
    x += 1
    return x
bump(); print(x)
def make():
    global newglobal
    newglobal = 5
make(); print(newglobal)
print(f'{3.14159!r:>10}|{"s"!s:^5}|{12:>{6}}|{0.5:.1%}|{1234567:,}|{-1:+d}|{255:#06x}')
print('{:>10}'.format(repr('a')), '{0!r:^9}|'.format('b'), '{:{w}.{p}f}'.format(3.14159, w=8, p=2), '{a[0]}-{b.real}'.format(a=[7], b=3), '{:>10}|{:<5.2f}|{:^7}|{!r}'.format('hi', 3.14159, 'c', 'r'))
print(round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(0.375, 2), round(1e16, -15), round(12345, -2), round(-0.0), round(2.675, 2), type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
print(divmod(-7, 2), divmod(7.5, -2), divmod(10**20, 7), any(x > 3 for x in [1, 5]), all([]), min('b', 'a', key=str.upper), max([3, 1], default=0), min([], default='e'), max((1, 'b'), (1, 'a')))
print(list(enumerate('ab', 10)), list(enumerate('ab', start=1)), sorted({'b': 1, 'a': 2}), sorted([3, 1, 2], reverse=True), sorted([3, 1, 2], key=lambda v: -v, reverse=True), list(zip('ab', [1, 2], strict=True)))
print(isinstance(True, int), isinstance(1, (str, float)), isinstance([], (list, tuple)), issubclass(bool, int), issubclass(int, (str, object)), getattr(1, 'real'), (2.5).real, True.numerator)
for bad in [lambda: list(zip([1, 2], [3], strict=True)), lambda: list(zip([1], [2, 3], strict=True)), lambda: list(zip([1], [1], [1, 2], strict=True))]:
    try:
        bad()
    except ValueError as e:
        print(e)
print({'a': 1} | {'b': 2}, list[int], dict.fromkeys(range(3)))
d = {'a': 1}; d |= {'a': 2, 'c': 3}; print(d)
`,
    // recorded from CPython 3.11
    stdout: `11
5
   3.14159|  s  |    12|50.0%|1,234,567|-1|0x00ff
       'a'    'b'   |     3.14 7-3         hi|3.14 |   c   |'r'
2 4 -2 0.12 0.38 1e+16 12300 0 2.67 int float
(-4, 1) (-4.0, -0.5) (14285714285714285714, 2) True True a 3 e (1, 'b')
[(10, 'a'), (11, 'b')] [(1, 'a'), (2, 'b')] ['a', 'b'] [3, 2, 1] [1, 2, 3] [('a', 1), ('b', 2)]
True False True True True 1 2.5 1
zip() argument 2 is shorter than argument 1
zip() argument 2 is longer than argument 1
zip() argument 3 is longer than arguments 1-2
{'a': 1, 'b': 2} list[int] {0: None, 1: None, 2: None}
{'a': 2, 'c': 3}
`,
  },
  {
    name: `classes with __new__, __setattr__, __init_subclass__ and object's own methods`,
    source: `class Single:
    _it = None
    def __new__(cls):
        if cls._it is None:
            cls._it = super().__new__(cls)
        return cls._it
print(Single() is Single())
class Logged:
    def __setattr__(self, name, value):
        print('set', name, value)
        object.__setattr__(self, name, value)
l = Logged(); l.a = 1; print(l.a)
class Base:
    registry = []
    def __init_subclass__(cls):
        Base.registry.append(cls.__name__)
class One(Base): pass
class Two(One): pass
print(Base.registry)
class Frozen:
    def __setattr__(self, name, value):
        raise AttributeError('frozen')
try:
    Frozen().x = 1
except AttributeError as e:
    print(e)
`,
    // recorded from CPython 3.11
    stdout: `True
set a 1
1
['One', 'Two']
frozen
`,
  },
];

describe(`the language around lecture programs, as CPython runs it`, () => {
  for (const program of PROGRAMS) {
    it(program.name, () => {
      const trace = runProgram(program.source);
      expect(trace.diagnostics).toEqual([]);
      expect(trace.stdout).toBe(program.stdout);
      expect(trace.ok).toBe(true);
    });
  }
});
