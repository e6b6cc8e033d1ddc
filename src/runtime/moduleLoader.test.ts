import { describe, expect, it } from "vitest";
import { int, PyBuiltin, PyModule } from "./interpreter/objects";
import { registerBuiltinModule } from "./moduleLoader";
import { runProgram } from "./runProgram";

describe("modules", () => {
  it("finds a module another part of GradLens registered, with its dotted submodules", () => {
    registerBuiltinModule("fakelib", () => new PyModule("fakelib"));
    registerBuiltinModule("fakelib.ops", () => {
      const m = new PyModule("fakelib.ops");
      m.attrs.set("double", new PyBuiltin("double", ([x]) => int((x as ReturnType<typeof int>).v * 2)));
      return m;
    });
    const trace = runProgram(
      "import fakelib.ops\nfrom fakelib.ops import double\nimport fakelib.ops as ops\nprint(double(21), fakelib.ops.double(1), ops.double(2))\n",
    );
    expect(trace.diagnostics).toEqual([]);
    expect(trace.stdout).toBe("42 2 4\n");
  });

  it("lets type annotations name typing's generics without evaluating them", () => {
    const trace = runProgram(
      "from typing import List, Optional\ndef f(xs: List[float], k: Optional[int] = None) -> float:\n    return sum(xs)\nprint(f([1.0, 2.0]))\n",
    );
    expect(trace.stdout).toBe("3.0\n");
  });

  it("binds every public name with `from m import *`, as CPython does", () => {
    const source = `from math import *
from micrograd.nn import *
random.seed(4)
n = Neuron(2)
b = Value(2.0) * pi + e
print(b, sqrt(2), floor(2.5), inf, type(n).__name__, [w.data for w in n.w])
`;
    const trace = runProgram(source);
    // recorded from CPython 3.11 with micrograd (whose nn module imports random and Value)
    expect(trace.stdout).toBe(
      "Value(data=9.00146713563863, grad=0) 1.4142135623730951 2 inf Neuron [-0.527903820525131, -0.7936679315385684]\n",
    );
    expect(Object.keys(trace.variables).sort()).toEqual(["b", "e", "inf", "n", "nan", "pi", "tau"]);
    // CPython rejects this when it compiles the program; GradLens when the function runs
    const inFunction = runProgram("def f():\n    from math import *\nf()\n");
    expect(inFunction.ok).toBe(false);
    expect(inFunction.diagnostics[0].message).toBe("SyntaxError: import * only allowed at module level");
  });

  it("makes each run's modules afresh, so a seeded random stream restarts", () => {
    const source = "import random\nrandom.seed(7)\nprint(random.random())\n";
    expect(runProgram(source).stdout).toBe(runProgram(source).stdout);
    // recorded from CPython 3.11
    expect(runProgram(source).stdout).toBe("0.32383276483316237\n");
  });

  it("raises a ModuleNotFoundError that `except ImportError` catches", () => {
    const trace = runProgram(`try:
    import pandas as pd
except ImportError as e:
    print('no pandas:', e, type(e).__name__, e.args)
try:
    import not_a_module_xyz
except ModuleNotFoundError as e:
    print(e)
try:
    from os import nothing_here
except ImportError as e:
    print(type(e).__name__)
try:
    import collections.nothing
except ImportError as e:
    print(e)
`);
    expect(trace.diagnostics).toEqual([]);
    // recorded from CPython 3.11 (without pandas installed)
    expect(trace.stdout).toBe(
      "no pandas: No module named 'pandas' ModuleNotFoundError (\"No module named 'pandas'\",)\nNo module named 'not_a_module_xyz'\nImportError\nNo module named 'collections.nothing'\n",
    );
  });

  it("adds a GradLens hint to the diagnostic of an import nothing caught", () => {
    const message = (source: string, options = {}) => runProgram(source, options).diagnostics[0].message;
    expect(message("import tensorflow as tf\n")).toBe(
      "ModuleNotFoundError: No module named 'tensorflow' (GradLens does not run tensorflow)",
    );
    expect(message("import nosuchthing\n")).toBe(
      "ModuleNotFoundError: No module named 'nosuchthing' (GradLens does not have this module)",
    );
  });

  it("imports os.path both ways and __future__ features", () => {
    const trace = runProgram(
      "from __future__ import annotations\nimport os.path\nfrom os import path\nimport os.path as osp\nprint(os.path is path is osp, path.join('a', 'b'))\n",
    );
    expect(trace.diagnostics).toEqual([]);
    expect(trace.stdout).toBe("True a/b\n");
  });
});
