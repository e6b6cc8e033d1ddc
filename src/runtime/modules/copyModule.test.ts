import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

const PROGRAMS: { name: string; source: string; stdout: string }[] = [
  {
    name: `copy and deepcopy of lists, dicts, instances and cycles`,
    source: `import copy
a = [[1, 2], {'k': [3]}]
b = copy.copy(a); c = copy.deepcopy(a)
a[0].append(9); a[1]['k'].append(8)
print(b, c, b[0] is a[0], c[0] is a[0])
class Node:
    def __init__(self, v):
        self.v = v
        self.kids = []
n = Node(1); n.kids.append(Node(2)); n.kids.append(n)
m = copy.deepcopy(n)
print(m.v, m.kids[0].v, m.kids[1] is m, m is n, copy.copy(n).kids is n.kids)
t = (1, 2); print(copy.deepcopy(t) is t, copy.copy(t) is t, copy.deepcopy((1, [2])) == (1, [2]))
from collections import defaultdict, Counter, deque
dd = defaultdict(list, {'a': [1]}); cd = copy.deepcopy(dd); cd['a'].append(2); cd['b']
print(dd, cd, copy.copy(Counter('aab')), copy.deepcopy(deque([1, [2]])))
class Custom:
    def __init__(self):
        self.copied = False
    def __copy__(self):
        c = Custom(); c.copied = True
        return c
print(copy.copy(Custom()).copied)
`,
    // recorded from CPython 3.11
    stdout: `[[1, 2, 9], {'k': [3, 8]}] [[1, 2], {'k': [3]}] True False
1 2 True False True
True True True
defaultdict(<class 'list'>, {'a': [1]}) defaultdict(<class 'list'>, {'a': [1, 2], 'b': []}) Counter({'a': 2, 'b': 1}) deque([1, [2]])
True
`,
  },
];

describe(`Python's copy module, as CPython runs it`, () => {
  for (const program of PROGRAMS) {
    it(program.name, () => {
      const trace = runProgram(program.source);
      expect(trace.diagnostics).toEqual([]);
      expect(trace.stdout).toBe(program.stdout);
      expect(trace.ok).toBe(true);
    });
  }
});

describe("copy of micrograd Values, which are rows of the tape", () => {
  it("copies a leaf Value to a new leaf with the same data and grad (as micrograd's deepcopy does)", () => {
    const trace = runProgram(`import copy
from micrograd.engine import Value
v = Value(2.0)
v.grad = 0.5
w = copy.deepcopy(v)
print(w, w is v, w.data, w.grad)
class Net:
    def __init__(self):
        self.w = [Value(1.0), Value(-2.0)]
net = Net()
best = copy.deepcopy(net)
net.w[0].data = 5.0
print([p.data for p in net.w], [p.data for p in best.w])
`);
    expect(trace.diagnostics).toEqual([]);
    // what CPython prints with micrograd's Value
    expect(trace.stdout).toBe("Value(data=2.0, grad=0.5) False 2.0 0.5\n[5.0, -2.0] [1.0, -2.0]\n");
  });

  it("reports copying a Value made by an operation as unsupported rather than losing its graph", () => {
    const trace = runProgram(
      "import copy\nfrom micrograd.engine import Value\nc = copy.deepcopy(Value(1.0) * 2)\n",
    );
    expect(trace.ok).toBe(false);
    expect(trace.diagnostics[0].code).toBe("unsupported");
  });
});
