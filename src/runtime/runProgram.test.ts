import { describe, expect, it } from "vitest";
import type { Trace } from "../trace/trace";
import { runProgram } from "./runProgram";

const README = `from micrograd.engine import Value

a = Value(-4.0)
b = Value(2.0)
c = a + b
d = a * b + b**3
c += c + 1
c += 1 + c + (-a)
d += d * 2 + (b + a).relu()
d += 3 * d + (b - a).relu()
e = c - d
f = e**2
g = f / 2.0
g += 10.0 / f
print(f'{g.data:.4f}')
g.backward()
print(f'{a.grad:.4f}')
print(f'{b.grad:.4f}')
`;

/** The text of the source a span covers. */
const at = (source: string, span: { from: number; to: number } | null) =>
  span ? source.slice(span.from, span.to) : null;

function named(trace: Trace, name: string) {
  const node = [...trace.nodes].reverse().find((n) => n.names.includes(name));
  if (!node) throw new Error(`no node named ${name}`);
  return node;
}

describe("runProgram on micrograd's README example", () => {
  const trace = runProgram(README);

  it("prints the published figures: g = 24.7041, ∂g/∂a = 138.8338, ∂g/∂b = 645.5773", () => {
    expect(trace.ok).toBe(true);
    expect(trace.diagnostics).toEqual([]);
    expect(trace.stdout).toBe("24.7041\n138.8338\n645.5773\n");
  });

  it("agrees with central finite differences run through the interpreter", () => {
    const g = (a: number, b: number) => {
      const source = README.replace("Value(-4.0)", `Value(${a})`).replace("Value(2.0)", `Value(${b})`);
      return named(runProgram(source), "g").data[0];
    };
    const h = 1e-6;
    expect(named(trace, "a").grad![0]).toBeCloseTo((g(-4 + h, 2) - g(-4 - h, 2)) / (2 * h), 4);
    expect(named(trace, "b").grad![0]).toBeCloseTo((g(-4, 2 + h) - g(-4, 2 - h)) / (2 * h), 4);
  });

  it("records every tape row as a node, with ∂g/∂x as rootGrad for the last backward() root", () => {
    const g = named(trace, "g");
    expect(trace.root).toBe(g.id);
    expect(g.rootGrad).toEqual([1]);
    expect(named(trace, "a").rootGrad![0]).toBeCloseTo(138.8338, 4);
    expect(trace.nodes.map((n) => n.id)).toEqual(trace.nodes.map((_, i) => i));
  });

  it("names nodes by the variables bound to them, in binding order", () => {
    expect(trace.nodes[0].names).toEqual(["a"]);
    expect(trace.nodes.filter((n) => n.names.includes("c"))).toHaveLength(3); // c = …, then two `c += …`
  });

  it("gives each node the span and text of the expression that made it", () => {
    const a = trace.nodes[0];
    expect(a.kind).toBe("leaf");
    expect(a.expr).toBe("Value(-4.0)");
    expect(at(README, a.span)).toBe("Value(-4.0)");
    const relu = trace.nodes.find((n) => n.op === "relu")!;
    expect(relu.expr).toBe("(b + a).relu()");
  });

  it("puts the local derivative and the contribution on every edge", () => {
    for (const edge of trace.edges) {
      const to = trace.nodes[edge.to];
      expect(to.inputEdges).toContain(edge.id);
      if (to.rootGrad) expect(edge.contribution![0]).toBeCloseTo(to.rootGrad[0] * edge.local![0], 10);
      else expect(edge.contribution).toBeNull();
    }
    // fan-out accumulates: ∂g/∂a is the sum of the contributions on a's outgoing edges
    const fromA = trace.edges.filter((e) => e.from === 0 && e.contribution);
    const total = fromA.reduce((s, e) => s + e.contribution![0], 0);
    expect(total).toBeCloseTo(138.8338, 4);
  });

  it("lists top-level variables in the JSON contract", () => {
    expect(trace.variables.a).toEqual({
      type: "Value",
      data: -4,
      grad: expect.any(Number),
      root_grad: expect.any(Number),
    });
    expect(Object.keys(trace.variables)).toEqual(["a", "b", "c", "d", "e", "f", "g"]);
  });
});

describe("the graph has micrograd's exact nodes", () => {
  const opsOf = (source: string) =>
    runProgram(`from micrograd.engine import Value\na = Value(2.0)\nb = Value(3.0)\n${source}`)
      .nodes.slice(2)
      .map((n) => (n.kind === "const" ? `const ${n.data[0]}` : n.op));

  it("subtracts as a + (b * -1)", () => {
    expect(opsOf("c = a - b")).toEqual(["const -1", "*", "+"]);
  });

  it("divides as a * b**-1, and 10.0 / a as (a**-1) * 10.0", () => {
    expect(opsOf("c = a / b")).toEqual(["**-1", "*"]);
    expect(opsOf("c = 10.0 / a")).toEqual(["**-1", "const 10", "*"]);
  });

  it("wraps plain numbers as constants in operand order, reflected or not", () => {
    expect(opsOf("c = 2 - a")).toEqual(["const -1", "*", "const 2", "+"]);
    expect(opsOf("c = 1 + a")).toEqual(["const 1", "+"]);
    const trace = runProgram("from micrograd.engine import Value\na = Value(2.0)\nc = 3 * a");
    expect(trace.edges.map((e) => [e.from, e.to, e.operand])).toEqual([
      [0, 2, 0],
      [1, 2, 1],
    ]);
    expect(trace.edges[0].rule).toBe("∂(a·b)/∂a = b");
  });

  it("gives every value made by one expression in a loop that expression's span", () => {
    const source = "from micrograd.engine import Value\nx = Value(1.0)\nfor i in range(3):\n    x = x * 2\n";
    const trace = runProgram(source);
    const products = trace.nodes.filter((n) => n.op === "*");
    expect(products).toHaveLength(3);
    for (const p of products) expect(at(source, p.span)).toBe("x * 2");
  });

  it("records the Value each name occurrence stood for", () => {
    const source = "from micrograd.engine import Value\na = Value(2.0)\nb = a * a\n";
    const trace = runProgram(source);
    const occurrences = trace.occurrences.map((o) => [o.name, at(source, o.span), o.node]);
    expect(occurrences).toEqual([
      ["a", "a", 0],
      ["b", "b", 1],
      ["a", "a", 0],
      ["a", "a", 0],
    ]);
    expect(trace.occurrences.map((o) => o.span.from)).toEqual([35, 50, 54, 58]);
  });

  it("keeps rootGrad apart from .grad after two backward() calls", () => {
    const trace = runProgram(
      "from micrograd.engine import Value\nx = Value(5)\nL = (x * 3) * 2\nL.backward()\nL.backward()\n",
    );
    const x = named(trace, "x");
    expect(x.grad).toEqual([18]);
    expect(x.rootGrad).toEqual([6]);
  });
});

describe("the sandbox", () => {
  it("reads no file without a workspace: open() is a located PermissionError", () => {
    const source = "with open('data.txt') as f:\n    print(f.read())\n";
    const trace = runProgram(source);
    expect(trace.diagnostics.map((d) => [d.code, d.message, at(source, d.span)])).toEqual([
      [
        "runtime",
        "PermissionError: [Errno 13] Permission denied: 'data.txt' (GradLens programs may only read files inside the workspace, and this program has none)",
        "open('data.txt')",
      ],
    ]);
  });
});

describe("run options for re-running a program", () => {
  it("leafValues replaces the data of leaves by row", () => {
    const source = "from micrograd.engine import Value\na = Value(2.0)\nb = a * 3\nprint(b.data)\n";
    const trace = runProgram(source, { leafValues: new Map([[0, 5]]) });
    expect(trace.stdout).toBe("15.0\n");
  });

  it("output differentiates the chosen node instead of the last backward()'s root", () => {
    const trace = runProgram(README, { output: named(runProgram(README), "f").id });
    const f = named(trace, "f");
    expect(trace.root).toBe(f.id);
    expect(f.rootGrad).toEqual([1]);
    expect(named(trace, "g").rootGrad).toBeNull();
    expect(trace.variables.f).toMatchObject({ root_grad: 1 });
  });

  it("falls back to the last backward()'s root when the chosen node does not exist", () => {
    const trace = runProgram(README, { output: 10_000 });
    expect(trace.root).toBe(named(trace, "g").id);
  });
});

describe("calls", () => {
  it("records each function call with its parent, instance and the user's call span, and tags rows with it", () => {
    const source =
      "import random\nrandom.seed(1)\nfrom micrograd.nn import MLP\nmodel = MLP(2, [2, 1])\nout = model([1.0, 2.0])\ndef square(v):\n    return v * v\nloss = square(out)\n";
    const trace = runProgram(source);
    const calls = trace.calls!;
    const shape = calls.map((c) => [
      c.name,
      c.parent === null ? null : calls[c.parent].name,
      c.instanceClass,
    ]);
    expect(shape.slice(6)).toEqual([
      ["MLP.__call__", null, "MLP"],
      ["Layer.__call__", "MLP.__call__", "Layer"],
      ["Neuron.__call__", "Layer.__call__", "Neuron"],
      ["Neuron.__call__", "Layer.__call__", "Neuron"],
      ["Layer.__call__", "MLP.__call__", "Layer"],
      ["Neuron.__call__", "Layer.__call__", "Neuron"],
      ["square", null, null],
    ]);
    // calls inside micrograd.nn carry the user's call site
    for (const c of calls.slice(6, 12)) expect(at(source, c.span)).toBe("model([1.0, 2.0])");
    expect(calls[8].instance).not.toBe(calls[9].instance);
    const relus = trace.nodes.filter((n) => n.op === "relu");
    expect(relus.map((n) => calls[n.call!].name)).toEqual(["Neuron.__call__", "Neuron.__call__"]);
    expect(named(trace, "loss").call).toBe(calls.length - 1);
    expect(trace.nodes.filter((n) => n.call === null)).toEqual([]);
  });
});

describe("variables", () => {
  it("maps numbers, lists, None and Values to JSON; non-finite numbers to strings; functions are left out", () => {
    const trace = runProgram(
      "from micrograd.engine import Value\nimport math\nn = 3\nx = 2.5\ns = 'hi'\nxs = [1, (2.0, None), True]\nbig = math.inf\nbad = float('nan')\nv = Value(1.5)\ndef f(): pass\nclass C: pass\nc = C()\n",
    );
    expect(trace.variables).toEqual({
      n: 3,
      x: 2.5,
      s: "hi",
      xs: [1, [2, null], true],
      big: "Infinity",
      bad: "NaN",
      v: { type: "Value", data: 1.5, grad: 0, root_grad: null },
      c: { type: "Object", class: "C" },
    });
  });

  it("summarises a micrograd.nn module with its parameters", () => {
    const trace = runProgram(
      "import random\nrandom.seed(1)\nfrom micrograd.nn import Neuron\nn = Neuron(2)\n",
    );
    const n = trace.variables.n as { type: string; class: string; parameters: unknown[] };
    expect(n.class).toBe("Neuron");
    expect(n.parameters).toHaveLength(3);
  });
});

describe("runtime errors are Python's, located, and keep the partial trace", () => {
  const run = (body: string) => {
    const source = `from micrograd.engine import Value\na = Value(1.0)\nprint("before")\n${body}\n`;
    const trace = runProgram(source);
    expect(trace.ok).toBe(false);
    expect(trace.diagnostics).toHaveLength(1);
    const d = trace.diagnostics[0];
    return { message: d.message, code: d.code, text: at(source, d.span), trace };
  };

  it("NameError at the unknown name, with the graph and output up to there", () => {
    const r = run("b = a * 2\nc = b + x");
    expect(r).toMatchObject({ message: "NameError: name 'x' is not defined", code: "runtime", text: "x" });
    expect(r.trace.stdout).toBe("before\n");
    expect(r.trace.nodes.map((n) => n.op)).toEqual(["", "", "*"]);
  });

  it("TypeError at the operation that cannot combine a Value and a str", () => {
    expect(run("b = a + 'str'")).toMatchObject({
      message: "TypeError: unsupported operand type(s) for +: 'Value' and 'str'",
      text: "a + 'str'",
    });
  });

  it("AttributeError at the attribute", () => {
    expect(run("b = a.foo")).toMatchObject({
      message: "AttributeError: 'Value' object has no attribute 'foo'",
      text: "a.foo",
    });
  });

  it("ZeroDivisionError for 0.0 ** -1 and 1 / 0, as CPython words them", () => {
    expect(run("b = Value(0.0) ** -1")).toMatchObject({
      message: "ZeroDivisionError: 0.0 cannot be raised to a negative power",
      text: "Value(0.0) ** -1",
    });
    expect(run("x = 1 / 0").message).toBe("ZeroDivisionError: division by zero");
  });

  it("micrograd's own checks: a Value exponent, unsupported operators and comparisons", () => {
    expect(run("b = a ** a").message).toBe("AssertionError: only supporting int/float powers for now");
    expect(run("b = a // 2").message).toBe(
      "TypeError: unsupported operand type(s) for //: 'Value' and 'int'",
    );
    expect(run("b = 2 ** a").message).toBe(
      "TypeError: unsupported operand type(s) for ** or pow(): 'int' and 'Value'",
    );
    expect(run("b = a < a").message).toBe(
      "TypeError: '<' not supported between instances of 'Value' and 'Value'",
    );
    expect(run("print(f'{a:>8}')").message).toBe(
      "TypeError: unsupported format string passed to Value.__format__",
    );
  });

  it("the innermost user-code span when raised inside a function", () => {
    expect(run("def f(x):\n    return x + y\nf(1)")).toMatchObject({
      message: "NameError: name 'y' is not defined",
      text: "y",
    });
  });

  it("CPython's messages for calls, lookups and unpacking", () => {
    expect(run("def f(p, q): pass\nf(1)").message).toBe(
      "TypeError: f() missing 1 required positional argument: 'q'",
    );
    expect(run("class A:\n    def __init__(self, x): self.x = x\nA()").message).toBe(
      "TypeError: A.__init__() missing 1 required positional argument: 'x'",
    );
    expect(run("xs = [1, 2]\nxs[5]")).toMatchObject({
      message: "IndexError: list index out of range",
      text: "xs[5]",
    });
    expect(run("d = {}\nd['k']").message).toBe("KeyError: 'k'");
    expect(run("p, q = [1, 2, 3]").message).toBe("ValueError: too many values to unpack (expected 2)");
    expect(run("assert 1 == 2, 'nope'").message).toBe("AssertionError: nope");
    expect(run("raise ValueError('bad value')").message).toBe("ValueError: bad value");
    expect(run("a.backward(1)").message).toBe(
      "TypeError: Value.backward() takes 1 positional argument but 2 were given",
    );
  });

  it("math on a Value is a TypeError and math.exp overflow an OverflowError", () => {
    expect(run("import math\nmath.exp(a)").message).toBe("TypeError: must be real number, not Value");
    expect(run("import math\nmath.exp(1000)").message).toBe("OverflowError: math range error");
  });

  it("imports: unknown modules are ModuleNotFoundError, with what GradLens has of their package", () => {
    expect(run("import foo")).toMatchObject({
      message: "ModuleNotFoundError: No module named 'foo' (GradLens does not have this module)",
      text: "import foo",
    });
    expect(run("import pandas as pd")).toMatchObject({
      code: "runtime",
      message: "ModuleNotFoundError: No module named 'pandas' (GradLens does not run pandas)",
      text: "import pandas as pd",
    });
    expect(run("import sklearn.nothing_here")).toMatchObject({
      code: "runtime",
      message:
        "ModuleNotFoundError: No module named 'sklearn.nothing_here' (GradLens has only sklearn.datasets (make_moons, make_blobs, make_circles, make_classification), sklearn.model_selection.train_test_split and sklearn.metrics.accuracy_score)",
    });
    expect(run("from micrograd.engine import Nope").message).toBe(
      "ImportError: cannot import name 'Nope' from 'micrograd.engine' (unknown location)",
    );
  });

  it("RecursionError instead of a JS stack overflow", () => {
    expect(run("def f(n):\n    return f(n + 1)\nf(0)").message).toBe(
      "RecursionError: maximum recursion depth exceeded",
    );
  });
});

describe("exceptions GradLens must not let a program catch", () => {
  it("the step budget runs out through `except Exception` and bare `except`", () => {
    const source = "try:\n    while True:\n        pass\nexcept:\n    print('caught')\n";
    const trace = runProgram(source, { stepBudget: 5_000 });
    expect(trace.stdout).toBe("");
    expect(trace.diagnostics.map((d) => d.code)).toEqual(["budget"]);
  });

  it("an uncaught error raised inside try keeps its own span", () => {
    const source = "try:\n    x = 1 + None\nexcept KeyError:\n    pass\n";
    const trace = runProgram(source);
    expect(trace.diagnostics[0].message).toBe(
      "TypeError: unsupported operand type(s) for +: 'int' and 'NoneType'",
    );
    expect(at(source, trace.diagnostics[0].span)).toBe("1 + None");
  });
});

describe("the step budget", () => {
  it("stops an endless loop with a budget diagnostic and keeps the partial trace", () => {
    const source =
      "from micrograd.engine import Value\nx = Value(1.0)\nprint('start')\nwhile True:\n    x = x * 1\n";
    const trace = runProgram(source, { stepBudget: 10_000 });
    expect(trace.ok).toBe(false);
    expect(trace.stdout).toBe("start\n");
    expect(trace.diagnostics).toHaveLength(1);
    expect(trace.diagnostics[0]).toMatchObject({
      code: "budget",
      message: "stopped after 10,000 steps: the step budget (gradlens.stepBudget) ran out",
    });
    expect(trace.nodes.length).toBeGreaterThan(1000);
  });
});

describe("the step budget inside builtins", () => {
  it("counts the items builtins iterate over, so all(range(1, 10**12)) stops", () => {
    const trace = runProgram("print(all(range(1, 10**12)))\n", { stepBudget: 10_000 });
    expect(trace.diagnostics.map((d) => d.code)).toEqual(["budget"]);
  });
});

describe("syntax errors and unsupported constructs are reported where they stand", () => {
  const diagnose = (source: string) =>
    runProgram(source).diagnostics.map((d) => [d.code, d.message, at(source, d.span)]);

  it("an unclosed bracket: '(' was never closed, at the bracket, and nothing runs", () => {
    const trace = runProgram("print('hi')\nx = (1 + 2\ny = 3\n");
    expect(trace.stdout).toBe("");
    expect(trace.diagnostics.map((d) => [d.code, d.message, d.span])).toEqual([
      ["syntax", "'(' was never closed", { from: 16, to: 17 }],
    ]);
  });

  it("an unmatched closing bracket and a missing colon", () => {
    expect(diagnose("x = 1)\n")).toEqual([["syntax", "unmatched ')'", ")"]]);
    expect(diagnose("if x\n    y = 1\n")[0].slice(0, 2)).toEqual(["syntax", "expected ':'"]);
  });

  it("other parse errors are invalid syntax", () => {
    const [d] = diagnose("x = 2 +* 3\n");
    expect(d.slice(0, 2)).toEqual(["syntax", "invalid syntax"]);
  });

  it("a type alias is not supported, at its span; the run stops where one is reached", () => {
    const source = "def gen():\n    type A = int\nprint('ok')\ntype B = list[int]\nprint('never')\n";
    const trace = runProgram(source);
    expect(trace.diagnostics.map((d) => [d.code, d.message, at(source, d.span)?.split("\n")[0]])).toEqual([
      ["unsupported", "A `type` alias is not supported by GradLens", "type A = int"],
      ["unsupported", "A `type` alias is not supported by GradLens", "type B = list[int]"],
    ]);
    expect(trace.stdout).toBe("ok\n");
    expect(trace.ok).toBe(false);
  });
});
