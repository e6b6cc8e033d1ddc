import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";
import { FrameLocals, LocalSlots } from "./frameLocals";

describe("a call's locals in slots", () => {
  it("read, write, unbind and list as Python's locals do", () => {
    // expected output recorded with CPython 3.11
    const source = `def g(flag):
    if flag:
        second = 2
    first = 1
    if not flag:
        second = 3
    return locals()

print(g(True))

def h():
    v = 1
    del v
    w = 2
    return locals()

print(h())

def outer():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    inc()
    inc()
    return n, sorted(locals())

print(outer())

def unbound():
    try:
        print(u)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    u = 1
    return u

print(unbound())
lam = lambda p, q=1: vars()
print(lam(5))

def closures():
    fs = []
    for i in range(3):
        def f(j=i):
            return i * 10 + j
        fs.append(f)
    return [f() for f in fs]

print(closures())

def rebinding(x):
    y = x
    x = y + 1
    return x, y, dir()

print(rebinding(1))
`;
    const trace = runProgram(source);
    expect(trace.ok).toBe(true);
    expect(trace.stdout).toBe(`{'flag': True, 'second': 2, 'first': 1}
{'w': 2}
(2, ['inc', 'n'])
UnboundLocalError cannot access local variable 'u' where it is not associated with a value
1
{'p': 5, 'q': 1}
[20, 21, 22]
(2, 1, ['x', 'y'])
`);
  });

  it("keep the order names were first bound in, also when it is not the slots' order", () => {
    const slots = new LocalSlots(["a", "b", "c"]);
    const inOrder = new FrameLocals(slots);
    inOrder.set("a", 1);
    inOrder.set("b", 2);
    inOrder.set("a", 3);
    expect([...inOrder]).toEqual([
      ["a", 3],
      ["b", 2],
    ]);
    expect(inOrder.get("c")).toBeUndefined();
    const outOfOrder = new FrameLocals(slots);
    outOfOrder.set("a", 1);
    outOfOrder.set("c", 2);
    outOfOrder.set("b", 3);
    expect([...outOfOrder.keys()]).toEqual(["a", "c", "b"]);
    expect(outOfOrder.size).toBe(3);
    expect(outOfOrder.delete("a")).toBe(true);
    expect([...outOfOrder.values()]).toEqual([2, 3]);
    expect(outOfOrder.has("a")).toBe(false);
  });
});
