import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

const PROGRAMS: { name: string; source: string; stdout: string }[] = [
  {
    name: `defaultdict makes missing values with its factory and prints like CPython`,
    source: `from collections import defaultdict
d = defaultdict(int)
for w in 'the cat the hat the'.split():
    d[w] += 1
d['unseen']
print(d, dict(d), d.default_factory, isinstance(d, dict), type(d).__name__)
groups = defaultdict(list)
for i in range(6):
    groups[i % 3].append(i)
print(groups, groups.get('nope'), 'nope' in groups, len(groups), defaultdict(None, {1: 2}), defaultdict())
try:
    defaultdict()['x']
except KeyError as e:
    print('KeyError', e)
try:
    defaultdict(3)
except TypeError as e:
    print(e)
c = groups.copy(); c[9].append(1); print(type(c).__name__, 9 in groups)
`,
    // recorded from CPython 3.11
    stdout: `defaultdict(<class 'int'>, {'the': 3, 'cat': 1, 'hat': 1, 'unseen': 0}) {'the': 3, 'cat': 1, 'hat': 1, 'unseen': 0} <class 'int'> True defaultdict
defaultdict(<class 'list'>, {0: [0, 3], 1: [1, 4], 2: [2, 5]}) None False 3 defaultdict(None, {1: 2}) defaultdict(None, {})
KeyError 'x'
first argument must be callable or None
defaultdict False
`,
  },
  {
    name: `Counter counts, orders most_common by count then first appearance, and does arithmetic`,
    source: `from collections import Counter
c = Counter('abracadabra')
print(c, c.most_common(2), c['z'], 'z' in c, list(c.elements())[:6], c.total())
c.update('aaz'); print(c)
c.subtract({'a': 10}); print(c)
print(Counter(a=3, b=1) + Counter(a=1, c=2), Counter(a=3, b=1) - Counter(a=1, b=5))
print(Counter(a=3) | Counter(a=5, b=1), Counter(a=3, b=2) & Counter(a=1, b=5))
print(Counter(), Counter({'x': 2}), Counter(a=1) == Counter(a=1, b=0), +Counter(a=-1, b=2), -Counter(a=-1, b=2))
c = Counter(); c['x'] += 2; c['y'] -= 1; print(c, c.most_common())
c += Counter(z=3); print(c)
words = Counter(w for w in 'the cat the hat the'.split())
print(words.most_common(1)[0], sorted(words), sorted(words.items(), key=lambda kv: -kv[1]))
`,
    // recorded from CPython 3.11
    stdout: `Counter({'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1}) [('a', 5), ('b', 2)] 0 False ['a', 'a', 'a', 'a', 'a', 'b'] 11
Counter({'a': 7, 'b': 2, 'r': 2, 'c': 1, 'd': 1, 'z': 1})
Counter({'b': 2, 'r': 2, 'c': 1, 'd': 1, 'z': 1, 'a': -3})
Counter({'a': 4, 'c': 2, 'b': 1}) Counter({'a': 2})
Counter({'a': 5, 'b': 1}) Counter({'b': 2, 'a': 1})
Counter() Counter({'x': 2}) True Counter({'b': 2}) Counter({'a': 1})
Counter({'x': 2, 'y': -1}) [('x', 2), ('y', -1)]
Counter({'z': 3, 'x': 2})
('the', 3) ['cat', 'hat', 'the'] [('the', 3), ('cat', 1), ('hat', 1)]
`,
  },
  {
    name: `OrderedDict keeps order in its repr and equality, and moves items to either end`,
    source: `from collections import OrderedDict
o = OrderedDict(); o['b'] = 1; o['a'] = 2
print(o, OrderedDict(), OrderedDict([('x', 1), ('y', 2)]) == OrderedDict([('y', 2), ('x', 1)]), OrderedDict(x=1, y=2) == {'y': 2, 'x': 1})
o = OrderedDict(a=1, b=2, c=3)
o.move_to_end('a'); print(o)
o.move_to_end('c', last=False); print(list(o))
print(o.popitem(last=False), o.popitem(), o, OrderedDict.fromkeys('ab', 0), dict.fromkeys(['a', 'b'], 0))
`,
    // recorded from CPython 3.11
    stdout: `OrderedDict([('b', 1), ('a', 2)]) OrderedDict() False True
OrderedDict([('b', 2), ('c', 3), ('a', 1)])
['c', 'b', 'a']
('c', 3) ('a', 1) OrderedDict([('b', 2)]) OrderedDict([('a', 0), ('b', 0)]) {'a': 0, 'b': 0}
`,
  },
  {
    name: `namedtuple makes tuples with named fields, defaults and the underscore helpers`,
    source: `from collections import namedtuple
Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=5), Point._fields, Point._make([3, 4]))
print(isinstance(p, tuple), type(p).__name__, p == (1, 2), hash(p) == hash((1, 2)), {p: 1}[(1, 2)], repr(Point))
x, y = p
print(x, y, len(p), sorted([Point(2, 1), Point(1, 5)]), p + (3,), p[:1])
class V(namedtuple('V', 'x y')):
    def norm(self):
        return abs(self.x) + abs(self.y)
print(V(3, -4).norm(), V(1, 2))
P3 = namedtuple('P3', 'a b c', defaults=[0, 1])
print(P3(9), P3._field_defaults, namedtuple('S', 'a, b')(1, 2), namedtuple('T', 'a,_b,def,a', rename=True)._fields)
for call in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2)]:
    try:
        call()
    except TypeError as e:
        print(e)
try:
    p.x = 4
except AttributeError as e:
    print(e)
for bad in ['1x', '_x', 'def', 'x x']:
    try:
        namedtuple('Q', bad)
    except ValueError as e:
        print(e)
`,
    // recorded from CPython 3.11
    stdout: `Point(x=1, y=2) 1 2 {'x': 1, 'y': 2} Point(x=5, y=2) ('x', 'y') Point(x=3, y=4)
True Point True True 1 <class '__main__.Point'>
1 2 2 [Point(x=1, y=5), Point(x=2, y=1)] (1, 2, 3) (1,)
7 V(x=1, y=2)
P3(a=9, b=0, c=1) {'b': 0, 'c': 1} S(a=1, b=2) ('a', '_1', '_2', '_3')
Point.__new__() missing 1 required positional argument: 'y'
Point.__new__() takes 3 positional arguments but 4 were given
Point.__new__() got an unexpected keyword argument 'z'
can't set attribute
Type names and field names must be valid identifiers: '1x'
Field names cannot start with an underscore: '_x'
Type names and field names cannot be a keyword: 'def'
Encountered duplicate field name: 'x'
`,
  },
  {
    name: `deque appends and pops at both ends, honours maxlen and rotates`,
    source: `from collections import deque
q = deque([1, 2, 3], maxlen=4)
q.append(4); q.append(5); q.appendleft(0)
print(q, q.popleft(), q.pop(), q, len(q), q[0], q[-1], 2 in q, list(reversed(q)), q.maxlen, deque())
q.rotate(1); print(q)
q.extend([7, 8]); print(q)
q.extendleft([9]); print(q)
try:
    deque().pop()
except IndexError as e:
    print(e)
bfs = deque([0]); seen = []
while bfs:
    n = bfs.popleft(); seen.append(n)
    if n < 5:
        bfs.extend([2 * n + 1, 2 * n + 2])
print(seen, deque(range(3)) == deque([0, 1, 2]), deque('ab') + deque('c'))
`,
    // recorded from CPython 3.11
    stdout: `deque([2, 3], maxlen=4) 0 4 deque([2, 3], maxlen=4) 2 2 3 True [3, 2] 4 deque([])
deque([3, 2], maxlen=4)
deque([3, 2, 7, 8], maxlen=4)
deque([9, 3, 2, 7], maxlen=4)
pop from an empty deque
[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] True deque(['a', 'b', 'c'])
`,
  },
];

describe(`Python's collections module, as CPython runs it`, () => {
  for (const program of PROGRAMS) {
    it(program.name, () => {
      const trace = runProgram(program.source);
      expect(trace.diagnostics).toEqual([]);
      expect(trace.stdout).toBe(program.stdout);
      expect(trace.ok).toBe(true);
    });
  }
});
