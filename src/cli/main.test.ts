import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { JsonReport } from "./jsonReport";
import { runCli } from "./main";

function cli(argv: string[], files: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const written: Record<string, string> = {};
  const code = runCli(argv, {
    readFile: (path) => {
      if (path in files) return files[path];
      return readFileSync(path, "utf8");
    },
    writeFile: (path, text) => (written[path] = text),
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr, written };
}

describe("gradlens run", () => {
  it("prints the program's output and a table of its variables", () => {
    const { code, stdout, stderr } = cli(["run", "examples/first_expression.py"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("loss = 30.2500\n");
    expect(stdout).toContain("x.grad = 5.5000, w.grad = 88.0000, b.grad = -11.0000\n");
    expect(stdout).toMatch(/^w\s+-0\.5\s+88\s+88$/m);
  });

  it("prints the JSON contract with --json", () => {
    const { code, stdout } = cli(["run", "examples/first_expression.py", "--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.ok).toBe(true);
    expect(report.diagnostics).toEqual([]);
    expect(report.variables.w).toEqual({ type: "Value", data: -0.5, grad: 88, root_grad: 88 });
    expect(report.variables.loss).toEqual({ type: "Value", data: 30.25, grad: 1, root_grad: 1 });
    expect(report.graph.nodes).toBeGreaterThan(10);
    expect(report.graph.edges).toBeGreaterThan(10);
  });

  it("reports a runtime error as file:line:col and exits 1, keeping the output so far", () => {
    const source = 'from micrograd.engine import Value\na = Value(1.0)\nprint("before")\nb = a + c\n';
    const { code, stdout, stderr } = cli(["run", "bad.py", "--json"], { "bad.py": source });
    expect(code).toBe(1);
    expect(stderr).toBe("bad.py:4:9: error: NameError: name 'c' is not defined\n");
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.ok).toBe(false);
    expect(report.stdout).toBe("before\n");
    expect(report.diagnostics[0]).toMatchObject({ line: 4, column: 9, endLine: 4, endColumn: 10 });
    expect(report.variables.a).toMatchObject({ type: "Value", data: 1 });
  });

  it("writes non-finite numbers as strings", () => {
    const source = "x = float('inf')\ny = float('nan')\n";
    const { stdout } = cli(["run", "f.py", "--json"], { "f.py": source });
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.variables).toEqual({ x: "Infinity", y: "NaN" });
  });

  it("exits 2 on a usage or file error", () => {
    expect(cli([]).code).toBe(2);
    expect(cli(["run", "/no/such/file.py"]).stderr).toMatch(/cannot read \/no\/such\/file\.py/);
  });
});

describe("gradlens graph", () => {
  it("writes the graph as DOT, Mermaid or the view model's JSON, by the output's extension", () => {
    for (const [out, start] of [
      ["g.dot", "digraph gradlens {"],
      ["g.mmd", "flowchart LR"],
      ["g.json", "{"],
    ]) {
      const { code, written, stdout } = cli(["graph", "examples/first_expression.py", "-o", out]);
      expect(code).toBe(0);
      expect(stdout).toBe("");
      expect(written[out].startsWith(start), out).toBe(true);
      expect(written[out]).toContain("88.0000"); // w's gradient
    }
  });

  it("refuses an output format it does not write", () => {
    expect(cli(["graph", "examples/first_expression.py", "-o", "g.svg"]).code).toBe(2);
    expect(cli(["graph", "examples/first_expression.py"]).stderr).toMatch(/usage: gradlens run/);
  });
});
