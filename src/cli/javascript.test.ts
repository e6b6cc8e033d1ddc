import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { JsonReport } from "./jsonReport";
import { runCli } from "./main";

/** `gradlens run` on JavaScript and TypeScript files: the language is chosen by the extension. */
async function cli(argv: string[], files: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    readFile: (path) => (path in files ? files[path] : readFileSync(path, "utf8")),
    writeFile: () => {},
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

describe("gradlens run on JavaScript and TypeScript", () => {
  it("runs a .mjs example with the same JSON contract as Python", async () => {
    const { code, stdout, stderr } = await cli(["run", "examples/js/first_expression.mjs", "--json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.ok).toBe(true);
    expect(report.stdout.split("\n")[0]).toBe("loss = 30.2500");
    expect(report.variables.x).toEqual({ type: "Value", data: 2, grad: 5.5, root_grad: 5.5 });
    expect(report.variables.w).toEqual({ type: "Value", data: -0.5, grad: 88, root_grad: 88 });
    expect(report.graph.nodes).toBeGreaterThan(0);
  });

  it("runs a .ts file, types and all", async () => {
    const { code, stdout } = await cli(["run", "examples/ts/tensor_regression.ts", "--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.variables.w).toMatchObject({ type: "Tensor", shape: [2, 1], grad: [[-16], [-23]] });
  });

  it("runs a .js file and reports a JavaScript error at its line and column, exit code 1", async () => {
    const source = "const a = 1;\nconsole.log(a);\na.foo();\n";
    const { code, stdout, stderr } = await cli(["run", "bad.js", "--json"], { "bad.js": source });
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.ok).toBe(false);
    expect(report.stdout).toBe("1\n");
    expect(report.diagnostics).toEqual([
      {
        severity: "error",
        message: "TypeError: a.foo is not a function",
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 8,
      },
    ]);
    expect(stderr).toBe("bad.js:3:1: error: TypeError: a.foo is not a function\n");
  });

  it("reports a syntax error as exit code 1 with V8's message", async () => {
    const { code, stderr } = await cli(["run", "broken.ts"], { "broken.ts": "let x: number = ;\n" });
    expect(code).toBe(1);
    expect(stderr).toBe("broken.ts:1:17: error: SyntaxError: Unexpected token ';'\n");
  });
});
