import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

describe("standard modules GradLens does not run", () => {
  it("import as in CPython, so an unused import does not stop the program", () => {
    const trace = runProgram(
      "import pickle, gzip\nimport urllib.request\nfrom uuid import *\nprint('runs')\n",
    );
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe("runs\n");
  });

  it("stop at the first use of one of their names, saying why", () => {
    const source = "import pickle\ndata = 'x'\nprint('before')\nmodel = pickle.loads(data)\n";
    const trace = runProgram(source);
    expect(trace.stdout).toBe("before\n");
    const error = trace.diagnostics.find((d) => d.severity === "error")!;
    expect(error.message).toBe("`pickle.loads` is not available: GradLens has no bytes objects");
    expect(source.slice(error.span!.from, error.span!.to)).toContain("pickle.loads");
  });

  it("answer `from m import name` through the module's __getattr__, at the name", () => {
    const source = "from subprocess import run\n";
    const trace = runProgram(source);
    const error = trace.diagnostics.find((d) => d.severity === "error")!;
    expect(error.message).toBe(
      "`subprocess.run` is not available: a GradLens program runs alone, without processes or threads",
    );
    expect(source.slice(error.span!.from, error.span!.to)).toBe("run");
  });
});
