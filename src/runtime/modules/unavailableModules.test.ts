import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

describe("modules GradLens imports but does not run", () => {
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

  it("include scikit-learn's model families, whose use says what of scikit-learn runs", () => {
    const trace = runProgram(
      "from sklearn import linear_model\nimport sklearn.svm\nprint('ok')\nclf = linear_model.LogisticRegression()\n",
    );
    expect(trace.stdout).toBe("ok\n");
    expect(trace.diagnostics.find((d) => d.severity === "error")!.message).toBe(
      "`sklearn.linear_model.LogisticRegression` is not available: scikit-learn's models do not run in GradLens (its datasets, train_test_split and accuracy_score do)",
    );
  });

  it("answer `from m import name` through the module's __getattr__; the name stops the run where it is called", () => {
    const source = "from subprocess import run\nprint('imported')\nrun(['ls'])\n";
    const trace = runProgram(source);
    expect(trace.stdout).toBe("imported\n");
    const error = trace.diagnostics.find((d) => d.severity === "error")!;
    expect(error.message).toBe(
      "`subprocess.run` is not available: a GradLens program runs alone, without processes or threads",
    );
    expect(source.slice(error.span!.from, error.span!.to)).toBe("run(['ls'])");
  });
});
