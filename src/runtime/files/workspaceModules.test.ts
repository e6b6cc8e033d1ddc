import { describe, expect, it } from "vitest";
import { MemoryFiles } from "../../files/testing/memoryFiles";
import type { Trace } from "../../trace/trace";
import { runProgram } from "../runProgram";
import { withFileAccess } from "./runFileAccess";

/** Runs `source` as `dir/prog.py` in a workspace holding `files` (the folder `dir`). */
function runIn(dir: string, files: Record<string, string>, source: string): Trace {
  const access = new MemoryFiles(files, [dir]);
  return withFileAccess(access, () =>
    runProgram(source, { workspace: { programPath: `${dir}/prog.py`, roots: [dir] } }),
  );
}

// A program's own modules and packages; `prog.py` and its output recorded from CPython 3.11 in
// this same folder.
const DIR = "/tmp/gl-imports";
const FIXTURE: Record<string, string> = {
  "/tmp/gl-imports/a.py": 'import b\nA = 1\nprint("a sees b.B:", b.B)\n',
  "/tmp/gl-imports/b.py": 'import a\nprint("b sees a.A before a has run:", hasattr(a, "A"))\nB = 2\n',
  "/tmp/gl-imports/c1.py": "from c2 import Y\nX = 1\n",
  "/tmp/gl-imports/c2.py": "from c1 import X\nY = 2\n",
  "/tmp/gl-imports/helper.py":
    'print("helper runs as", __name__, repr(__package__))\nK = 3\n\ndef f(x):\n    return 10 / x\n\nif __name__ == "__main__":\n    print("never: helper is imported")\n',
  "/tmp/gl-imports/ns/nsmod.py": "v = 5\n",
  "/tmp/gl-imports/pkg/__init__.py": 'print("pkg runs as", __name__, __package__)\nfrom .mod import y\n',
  "/tmp/gl-imports/pkg/mod.py":
    'print("pkg.mod runs as", __name__, __package__)\ny = 2\nfrom . import other\nfrom .sub.deep import z\n',
  "/tmp/gl-imports/pkg/other.py": 'print("pkg.other runs as", __name__, __package__)\n',
  "/tmp/gl-imports/pkg/sub/__init__.py": "",
  "/tmp/gl-imports/pkg/sub/deep.py":
    'from .. import mod\nz = mod.y + 1\nprint("pkg.sub.deep runs as", __name__, __package__, "and sees", mod.__name__)\n',
};

const PROGRAM = `import helper
import helper as h
from helper import f, K
print(h is helper, K, f(4), helper.__name__, helper.__file__)
import pkg.sub.deep
print(pkg.sub.deep.z, pkg.y, pkg.mod.other.__name__, pkg.__path__)
from pkg import mod as m2
print(m2.y, m2 is pkg.mod)
import ns.nsmod
print(ns.nsmod.v, ns.__name__)
import a
print(a.A, a.b.B)
try:
    import c1
except ImportError as e:
    print("ImportError:", e)
try:
    import pkg.missing
except ImportError as e:
    print(type(e).__name__ + ":", e)
try:
    from pkg import missing
except ImportError as e:
    print(type(e).__name__ + ":", e)
try:
    from helper import nothing
except ImportError as e:
    print(type(e).__name__ + ":", e)
try:
    import helper.x
except ImportError as e:
    print(type(e).__name__ + ":", e)
try:
    from ns import missing
except ImportError as e:
    print(type(e).__name__ + ":", e)
try:
    import nosuch
except ModuleNotFoundError as e:
    print(type(e).__name__ + ":", e)
try:
    from . import helper
except ImportError as e:
    print(type(e).__name__ + ":", e)
try:
    import pkg.sub.nosuch
except ImportError as e:
    print(type(e).__name__ + ":", e)
import helper
print(__name__)
`;

const CPYTHON_OUTPUT = `helper runs as helper ''
True 3 2.5 helper /tmp/gl-imports/helper.py
pkg runs as pkg pkg
pkg.mod runs as pkg.mod pkg
pkg.other runs as pkg.other pkg
pkg.sub.deep runs as pkg.sub.deep pkg.sub and sees pkg.mod
3 2 pkg.other ['/tmp/gl-imports/pkg']
2 True
5 ns
b sees a.A before a has run: False
a sees b.B: 2
1 2
ImportError: cannot import name 'X' from partially initialized module 'c1' (most likely due to a circular import) (/tmp/gl-imports/c1.py)
ModuleNotFoundError: No module named 'pkg.missing'
ImportError: cannot import name 'missing' from 'pkg' (/tmp/gl-imports/pkg/__init__.py)
ImportError: cannot import name 'nothing' from 'helper' (/tmp/gl-imports/helper.py)
ModuleNotFoundError: No module named 'helper.x'; 'helper' is not a package
ImportError: cannot import name 'missing' from 'ns' (unknown location)
ModuleNotFoundError: No module named 'nosuch'
ImportError: attempted relative import with no known parent package
ModuleNotFoundError: No module named 'pkg.sub.nosuch'
__main__
`;

describe("the program's own modules", () => {
  it("imports modules, packages, submodules, relative imports and namespace packages as CPython does", () => {
    const trace = runIn(DIR, FIXTURE, PROGRAM);
    expect(trace.diagnostics).toEqual([]);
    expect(trace.stdout).toBe(CPYTHON_OUTPUT);
  });

  it("runs each module once however often it is imported, and names what the run read", () => {
    const trace = runIn(
      "/ws",
      { "/ws/counter.py": "print('counter runs')\nn = 1\n" },
      "import counter\nimport counter as c\nfrom counter import n\nimport counter\nprint(c.n + n)\n",
    );
    expect(trace.stdout).toBe("counter runs\n2\n");
    expect(trace.inputs).toEqual(["/ws", "/ws/counter.py"]);
  });

  it("imports the workspace's micrograd package before GradLens's own (issue 13)", () => {
    // recorded from CPython 3.11 in a folder with these files
    const files = {
      "/ws/micrograd/__init__.py": "",
      "/ws/micrograd/engine.py": `class Value:
    """The workspace's own Value: a scalar that remembers what it was made from."""

    def __init__(self, data, children=()):
        self.data = data
        self.grad = 0.0
        self._prev = set(children)

    def __mul__(self, other):
        return Value(self.data * other.data, (self, other))

    def __repr__(self):
        return f"Value(data={self.data}, workspace=True)"
`,
      "/ws/math.py": 'def sqrt(x):\n    return "shadowed"\n',
      "/ws/random.py": 'def random():\n    return "workspace random"\n',
    };
    const trace = runIn(
      "/ws",
      files,
      `from micrograd.engine import Value
print(Value(2.0) * Value(3.0))
try:
    from micrograd.nn import MLP
except ImportError as e:
    print(type(e).__name__ + ":", e)
import math, random
print(math.sqrt(4.0))
print(random.random())
`,
    );
    expect(trace.diagnostics).toEqual([]);
    // a math.py beside the program does not replace the built-in math; a random.py does replace random
    expect(trace.stdout).toBe(
      "Value(data=6.0, workspace=True)\nModuleNotFoundError: No module named 'micrograd.nn'\n2.0\nworkspace random\n",
    );
  });

  it("still finds GradLens's micrograd when the workspace has none", () => {
    const trace = runIn("/ws", {}, "from micrograd.engine import Value\nprint(Value(2.0) * 3)\n");
    expect(trace.stdout).toBe("Value(data=6.0, grad=0)\n");
  });

  it("gives the values a module makes spans in the module's file, and differentiates through them", () => {
    const helper = "def neuron(x, w, b):\n    return (x * w + b).tanh()\n";
    const trace = runIn(
      "/ws",
      { "/ws/helper.py": helper },
      "from micrograd.engine import Value\nimport helper\nw = Value(0.5)\nout = helper.neuron(Value(2.0), w, Value(0.1))\nout.backward()\n",
    );
    expect(trace.ok).toBe(true);
    const tanh = trace.nodes.find((n) => n.op === "tanh")!;
    expect(tanh.span).toEqual({
      from: helper.indexOf("(x * w"),
      to: helper.indexOf("\n", 30),
      file: "/ws/helper.py",
    });
    expect(tanh.expr).toBe("(x * w + b).tanh()");
    expect(tanh.names).toEqual(["out"]);
    const w = trace.nodes.find((n) => n.names.includes("w"))!;
    // ∂ tanh(2w + 0.1)/∂w = 2 (1 − tanh²(1.1))
    expect(w.rootGrad![0]).toBeCloseTo(2 * (1 - Math.tanh(1.1) ** 2), 14);
    // the program's own values keep plain spans
    expect(w.span?.file).toBeUndefined();
  });

  it("locates an error raised in a module in its file, and where the program led there", () => {
    const helper = "def f(x):\n    return 10 / x\n";
    const source = "import helper\nprint('before')\nhelper.f(0)\n";
    const trace = runIn("/ws", { "/ws/helper.py": helper }, source);
    expect(trace.ok).toBe(false);
    expect(trace.stdout).toBe("before\n");
    expect(trace.diagnostics).toEqual([
      {
        severity: "error",
        message: "ZeroDivisionError: division by zero",
        span: { from: helper.indexOf("10 / x"), to: helper.indexOf("10 / x") + 6, file: "/ws/helper.py" },
        code: "runtime",
      },
      {
        severity: "error",
        message: "ZeroDivisionError: division by zero (raised in helper.py, line 2)",
        span: { from: source.indexOf("helper.f(0)"), to: source.indexOf("helper.f(0)") + 11 },
        code: "runtime",
      },
    ]);
  });

  it("locates an error a module raises while it is imported, at the import too", () => {
    const source = "x = 1\nfrom pkg import thing\n";
    const trace = runIn("/ws", { "/ws/pkg/__init__.py": "thing = undefined_name\n" }, source);
    expect(trace.diagnostics.map((d) => [d.message, d.span])).toEqual([
      ["NameError: name 'undefined_name' is not defined", { from: 8, to: 22, file: "/ws/pkg/__init__.py" }],
      [
        "NameError: name 'undefined_name' is not defined (raised in pkg/__init__.py, line 1)",
        { from: 6, to: source.length - 1 },
      ],
    ]);
  });

  it("reports a syntax error in a module as a SyntaxError in that file, not an ImportError", () => {
    const trace = runIn("/ws", { "/ws/helper.py": "def f(:\n    pass\n" }, "import helper\n");
    expect(trace.ok).toBe(false);
    const [inModule, atImport] = trace.diagnostics;
    expect(inModule.message).toMatch(/^SyntaxError: /);
    expect(inModule.span?.file).toBe("/ws/helper.py");
    expect(atImport.span).toEqual({ from: 0, to: 13 });
    expect(atImport.message).toMatch(/^SyntaxError: .* \(raised in helper.py, line 1\)$/);
  });

  it("catches a module nobody has with `except ImportError`, and stops on one it does not catch", () => {
    expect(
      runIn("/ws", {}, "try:\n    import helpers\nexcept ImportError as e:\n    print(repr(e))\n").stdout,
    ).toBe("ModuleNotFoundError(\"No module named 'helpers'\")\n");
    const trace = runIn("/ws", {}, "import helpers\n");
    expect(trace.diagnostics[0].message).toBe(
      "ModuleNotFoundError: No module named 'helpers' (GradLens does not have this module)",
    );
    expect(trace.diagnostics[0].span).toEqual({ from: 0, to: 14 });
  });

  it("refuses a relative import above the top-level package", () => {
    const trace = runIn(
      "/ws",
      { "/ws/pkg/__init__.py": "from ... import x\n" },
      "try:\n    import pkg\nexcept ImportError as e:\n    print(e)\n",
    );
    expect(trace.stdout).toBe("attempted relative import beyond top-level package\n");
  });

  it("looks in the program's folder first, then in the workspace's folders", () => {
    const files = {
      "/ws/src/prog.py": "",
      "/ws/src/util.py": "where = 'beside the program'\n",
      "/ws/util.py": "where = 'workspace root'\n",
      "/ws/shared.py": "where = 'workspace root'\n",
    };
    const access = new MemoryFiles(files, ["/ws"]);
    const trace = withFileAccess(access, () =>
      runProgram("import util, shared\nprint(util.where, '/', shared.where)\n", {
        workspace: { programPath: "/ws/src/prog.py", roots: ["/ws"] },
      }),
    );
    expect(trace.stdout).toBe("beside the program / workspace root\n");
  });

  it("searches the folders the program adds to sys.path, as deep-learning-from-scratch's chapters do", () => {
    // prog.py run from ch04 by CPython 3.11 printed these lines
    const files = {
      "/ws/ch04/prog.py": "",
      "/ws/lib/common/__init__.py": "",
      "/ws/lib/common/functions.py": "def softmax(x):\n    return [v / sum(x) for v in x]\n",
    };
    const access = new MemoryFiles(files, ["/ws"]);
    const trace = withFileAccess(access, () =>
      runProgram(
        [
          "import sys, os",
          "try:",
          "    import common",
          "except ImportError as e:",
          "    print(type(e).__name__, e)",
          'sys.path.append(os.path.join(os.pardir, "lib"))',
          "from common.functions import softmax",
          "print(softmax([1, 3]), sys.path[-1])",
          "import common.functions as cf",
          "print(cf.__name__)",
          "",
        ].join("\n"),
        { workspace: { programPath: "/ws/ch04/prog.py", roots: ["/ws"] } },
      ),
    );
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe(
      "ModuleNotFoundError No module named 'common'\n[0.25, 0.75] ../lib\ncommon.functions\n",
    );
  });

  it("runs a learner's own autograd class from a module, its graph drawn", () => {
    const engine = `class Value:
    def __init__(self, data, _children=(), _op=''):
        self.data = data
        self.grad = 0.0
        self._backward = lambda: None
        self._prev = set(_children)
        self._op = _op

    def __mul__(self, other):
        out = Value(self.data * other.data, (self, other), '*')
        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._backward = _backward
        return out

    def backward(self):
        topo = []
        visited = set()
        def build(v):
            if v not in visited:
                visited.add(v)
                for child in v._prev:
                    build(child)
                topo.append(v)
        build(self)
        self.grad = 1.0
        for v in reversed(topo):
            v._backward()
`;
    const trace = runIn(
      "/ws",
      { "/ws/engine.py": engine },
      "from engine import Value\na = Value(2.0)\nb = Value(-3.0)\nc = a * b\nc.backward()\nprint(a.grad, b.grad)\n",
    );
    expect(trace.stdout).toBe("-3.0 2.0\n");
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const product = trace.nodes.find((n) => n.names.includes("c"))!;
    expect(product.op).toBe("*");
    expect(product.inputEdges.length).toBe(2);
  });

  it("reports what a module does not run, in the module's file", () => {
    const trace = runIn("/ws", { "/ws/gen.py": "def g():\n    return 1j\n" }, "import gen\nprint('ok')\n");
    const unsupported = trace.diagnostics.filter((d) => d.code === "unsupported");
    expect(unsupported.length).toBe(1);
    expect(unsupported[0].span?.file).toBe("/ws/gen.py");
  });
});
