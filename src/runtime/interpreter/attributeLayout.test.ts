import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";
import { PyClass, PyInstance } from "./objects";

describe("instance attributes in shared layouts", () => {
  it("keep Python's dict order through vars(), __dict__ writes, del, setattr and many names", () => {
    // expected output recorded with CPython 3.11
    const source = `class P:
    def __init__(self, a, b):
        self.a = a
        self.b = b

p = P(1, 2)
q = P(3, 4)
q.c = 5
print(vars(p), vars(q))
del q.a
print(q.__dict__, hasattr(q, "a"), hasattr(p, "a"))
q.a = 9
print(list(q.__dict__), q.a)
r = P(5, 6)
r.__dict__["z"] = 7
print(r.z, vars(r))
vars(p).update(x=1, a=10)
print(p.a, p.x, list(vars(p)))
s = P(0, 0)
s.b = 1
s.a = 2
print(vars(s))
many = P(0, 0)
for i in range(40):
    setattr(many, "n%d" % i, i)
print(len(vars(many)), many.n39, list(vars(many))[:4])
t = P(1, 1)
print(getattr(t, "c", "none"), getattr(q, "c"))
class O:
    pass
o = O()
o.y = 1
o.x = 2
o2 = O()
o2.x = 3
o2.y = 4
print(vars(o), vars(o2))
setattr(o2, "1", "one")
print(vars(o2), getattr(o2, "1"))
`;
    const trace = runProgram(source);
    expect(trace.ok).toBe(true);
    expect(trace.stdout).toBe(`{'a': 1, 'b': 2} {'a': 3, 'b': 4, 'c': 5}
{'b': 4, 'c': 5} False True
['b', 'c', 'a'] 9
7 {'a': 5, 'b': 6, 'z': 7}
10 1 ['a', 'b', 'x']
{'a': 2, 'b': 1}
42 39 ['a', 'b', 'n0', 'n1']
none 5
{'y': 1, 'x': 2} {'x': 3, 'y': 4}
{'x': 3, 'y': 4, '1': 'one'} one
`);
  });

  it("share one layout between instances that set the same names in the same order", () => {
    const cls = new PyClass("P", null, "__main__");
    const a = new PyInstance(cls);
    const b = new PyInstance(cls);
    for (const inst of [a, b]) {
      inst.setOwnAttr("data", 1);
      inst.setOwnAttr("grad", 0);
      inst.setOwnAttr("data", 2);
    }
    const layout = (i: PyInstance) => (i as unknown as { attrLayout: unknown }).attrLayout;
    expect(layout(a)).not.toBeNull();
    expect(layout(a)).toBe(layout(b));
    expect([...a.attrEntries()]).toEqual([
      ["data", 2],
      ["grad", 0],
    ]);
    expect(a.attrCount).toBe(2);
    // read as a Map, an instance's attributes stay one (the Map is the `__dict__` others hold)
    const map = a.attrs;
    a.setOwnAttr("label", "x");
    expect(a.attrs).toBe(map);
    expect([...map.keys()]).toEqual(["data", "grad", "label"]);
    expect(layout(a)).toBeNull();
    expect(b.ownAttr("label")).toBeUndefined();
  });
});
