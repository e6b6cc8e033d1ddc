import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

// Each program's expected output was recorded from CPython 3.11 (/usr/bin/python3).

/** The generators a learner writes: lazy loops, endless streams, send, yield from, finally, __iter__. */
const GENERATORS = `def squares(n):
    for i in range(n):
        print("making", i)
        yield i * i
    print("done")

for s in squares(3):
    print("got", s)
print(list(squares(2)))

def naturals():
    n = 0
    while True:
        yield n
        n += 1

total = 0
for k in naturals():
    if k > 5:
        break
    total += k
print(total)
g = naturals()
print(next(g), next(g), next(g))
print(type(g).__name__, repr(g).startswith("<generator object naturals at 0x"))

def echo():
    received = yield "ready"
    while True:
        received = yield f"got {received}"

e = echo()
print(next(e))
print(e.send(1))
print(e.send("x"))
e.close()

def inner():
    yield 1
    yield 2
    return "inner done"

def outer():
    r = yield from inner()
    print("inner returned", r)
    yield from [10, 20]
    yield

print(list(outer()))

def cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup ran")

for v in cleanup():
    print(v)
c = cleanup()
print(next(c))
c.close()

class Dataset:
    def __init__(self, items):
        self.items = items
    def __iter__(self):
        for x in self.items:
            yield x * 10

print(list(Dataset([1, 2, 3])))
print(sum(x for x in squares(4)))
print(dict(zip("ab", naturals())))
it = iter(squares(1))
print(next(it), next(it, "end"))
def bad():
    yield 1
    raise ValueError("boom")
try:
    for v in bad():
        print(v)
except ValueError as err:
    print("caught", err)
gen = squares(1)
try:
    next(gen); next(gen); next(gen)
except StopIteration:
    print("stop")
`;

const GENERATORS_OUTPUT = `making 0
got 0
making 1
got 1
making 2
got 4
done
making 0
making 1
done
[0, 1]
15
0 1 2
generator True
ready
got 1
got x
inner returned inner done
[1, 2, 10, 20, None]
1
2
cleanup ran
1
cleanup ran
[10, 20, 30]
making 0
making 1
making 2
making 3
done
14
{'a': 0, 'b': 1}
making 0
done
0 end
1
caught boom
making 0
done
stop
`;

describe("generators", () => {
  it("run lazily, as CPython runs them (every printed line the same)", () => {
    const trace = runProgram(GENERATORS);
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe(GENERATORS_OUTPUT);
  });

  it("feed a numpy training loop minibatches, lazily", () => {
    const source = `import numpy as np
def batches(X, y, n):
    for start in range(0, len(X), n):
        print("batch", start)
        yield X[start:start + n], y[start:start + n]
X = np.arange(8.0).reshape(4, 2)
y = X.sum(axis=1)
w = np.zeros(2)
for xb, yb in batches(X, y, 2):
    err = xb @ w - yb
    w -= 0.01 * xb.T @ err
    print(xb.shape, float(w[0]))
`;
    const trace = runProgram(source);
    expect(trace.stdout).toBe("batch 0\n(2, 2) 0.1\nbatch 2\n(2, 2) 1.0888\n");
  });

  it("locate an error raised inside the generator's body at its line", () => {
    const source = "def gen():\n    yield 1\n    x = 1 / 0\n    yield 2\nfor v in gen():\n    print(v)\n";
    const trace = runProgram(source);
    expect(trace.stdout).toBe("1\n");
    const error = trace.diagnostics.find((d) => d.severity === "error")!;
    expect(error.message).toBe("ZeroDivisionError: division by zero");
    expect(error.span!.from).toBe(source.indexOf("1 / 0"));
  });

  it("take a bare yield (no value, no syntax error) and yield inside while/if/try/with", () => {
    const source = `class Ctx:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, *a):
        print("exit")
def g():
    with Ctx():
        i = 0
        while i < 3:
            if i % 2 == 0:
                yield i
            else:
                yield
            i += 1
print(list(g()))
`;
    const trace = runProgram(source);
    expect(trace.diagnostics).toEqual([]);
    expect(trace.stdout).toBe("enter\nexit\n[0, None, 2]\n");
  });

  it("say where a yield sits that GradLens does not take, instead of running it wrong", () => {
    const source = "def gen():\n    print((yield 1))\nfor v in gen():\n    print(v)\n";
    const trace = runProgram(source);
    const error = trace.diagnostics.find((d) => d.severity === "error")!;
    expect(error.message).toMatch(/^`yield` here is not supported by GradLens/);
    expect(error.span!.from).toBe(source.indexOf("yield 1"));
  });

  it("stop an endless generator's consumer at the step budget", () => {
    const source = "def forever():\n    while True:\n        yield 1\nfor x in forever():\n    pass\n";
    const trace = runProgram(source, { stepBudget: 20_000 });
    expect(trace.diagnostics.map((d) => d.code)).toEqual(["budget"]);
  });
});
