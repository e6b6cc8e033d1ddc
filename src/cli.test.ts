import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as esbuild from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe("the gradlens command", () => {
  let dir: string;
  let cli: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "gradlens-cli-"));
    cli = join(dir, "cli.js");
    // the command and the runner process it starts, side by side as in dist/
    const bundle = (entry: string, name: string) =>
      esbuild.build({
        entryPoints: [join(__dirname, entry)],
        outfile: join(dir, name),
        bundle: true,
        platform: "node",
        format: "cjs",
        logLevel: "silent",
      });
    await Promise.all([
      bundle("cli.ts", "cli.js"),
      bundle("worker/runnerProcess.ts", "runner.js"),
      bundle("worker/runWorker.ts", "worker.js"),
    ]);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (source: string, ...flags: string[]) => {
    const file = join(dir, "prog.py");
    writeFileSync(file, source);
    return execFileSync(process.execPath, [cli, "run", file, ...flags], { encoding: "utf8" });
  };

  it("recurses to Python's limit of 1000 frames, as `python3 prog.py` does", () => {
    const source = `def f(n):
    return 0 if n == 0 else 1 + f(n - 1)
for n in (500, 998, 999):
    try:
        print(n, f(n))
    except RecursionError as e:
        print(n, "RecursionError", e)
`;
    const report = JSON.parse(run(source, "--json")) as { ok: boolean; stdout: string };
    expect(report.ok).toBe(true);
    // recorded from CPython 3.11
    expect(report.stdout).toBe("500 500\n998 998\n999 RecursionError maximum recursion depth exceeded\n");
  });

  it("writes the graph as a standalone SVG file", () => {
    const out = join(dir, "graph.svg");
    execFileSync(process.execPath, [
      cli,
      "graph",
      join(__dirname, "../examples/first_expression.py"),
      "-o",
      out,
    ]);
    const svg = readFileSync(out, "utf8");
    expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain(">30.2500<"); // the loss
  });

  /** Runs a program that must fail; its exit code, stdout and stderr. */
  const fail = (source: string, ...flags: string[]) => {
    const file = join(dir, "prog.py");
    writeFileSync(file, source);
    try {
      execFileSync(process.execPath, [cli, "run", file, ...flags], { encoding: "utf8", stdio: "pipe" });
      return { code: 0, stdout: "", stderr: "" };
    } catch (e) {
      const { status, stdout, stderr } = e as { status: number; stdout: string; stderr: string };
      return { code: status, stdout, stderr };
    }
  };

  it("ends a list that doubles for ever in a MemoryError at its line, not a crash of the process", () => {
    const { code, stdout } = fail("x = [0]\nwhile True:\n    x = x + x\n", "--json");
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { ok: boolean; diagnostics: { message: string; line: number }[] };
    expect(report.ok).toBe(false);
    expect(report.diagnostics).toMatchObject([{ message: "MemoryError", line: 3 }]);
  }, 120_000);

  it("refuses sizes V8 cannot hold at once, as located errors", () => {
    expect(fail("x = [0] * 10**10\n").stderr).toMatch(/prog\.py:1:5: error: MemoryError/);
    expect(fail("s = 'x' * 10**10\n").stderr).toMatch(/prog\.py:1:5: error: MemoryError/);
    expect(fail("n = 2 ** 10**9\nprint(n)\n").stderr).toMatch(
      /prog\.py:2:1: error: ValueError: Exceeds the limit \(4300 digits\) for integer string conversion/,
    );
  }, 60_000);

  it("prints the variables table without --json", () => {
    expect(run("x = 2 ** 3\nprint(x)\n")).toMatch(/^8\n\nname\s+value/);
  });
});
