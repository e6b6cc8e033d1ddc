import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonReport } from "./jsonReport";
import { runCli } from "./main";

let ws: string;

beforeAll(() => {
  ws = realpathSync(mkdtempSync(join(tmpdir(), "gradlens-cli-files-")));
  mkdirSync(join(ws, "project"));
  writeFileSync(join(ws, "project", "names.txt"), "emma\nolivia\nava\n");
  writeFileSync(
    join(ws, "project", "helper.py"),
    "def count(words):\n    return len(words)\n\ndef bad(x):\n    return 1 / x\n",
  );
  writeFileSync(
    join(ws, "project", "prog.py"),
    "import helper\nwords = open('names.txt', 'r').read().splitlines()\nn = helper.count(words)\nprint(n, words[0])\n",
  );
  writeFileSync(join(ws, "project", "outside.py"), "text = open('../secret.txt').read()\nprint(text)\n");
  writeFileSync(join(ws, "secret.txt"), "not yours\n");
  writeFileSync(join(ws, "project", "err.py"), "import helper\nhelper.bad(0)\n");
});

afterAll(() => rmSync(ws, { recursive: true, force: true }));

async function cli(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    readFile: (path) => readFileSync(path, "utf8"),
    writeFile: () => {},
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

describe("gradlens run: a program's files and modules", () => {
  it("reads names.txt beside the program and imports helper.py", async () => {
    const { code, stdout, stderr } = await cli(["run", join(ws, "project", "prog.py")]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^3 emma\n/);
    expect(stdout).toMatch(/words +\[emma, olivia, ava\]/);
  });

  it("stops with exit 1 and a located PermissionError on a read outside the program's folder", async () => {
    const file = join(ws, "project", "outside.py");
    const { code, stdout, stderr } = await cli(["run", file]);
    expect(code).toBe(1);
    expect(stdout).not.toContain("not yours");
    expect(stderr).toBe(
      `${file}:1:8: error: PermissionError: [Errno 13] Permission denied: '../secret.txt' (GradLens programs may only read files inside the workspace)\n`,
    );
  });

  it("prints an error raised in a module at its own file, line and column, and where the program led there", async () => {
    const file = join(ws, "project", "err.py");
    const { code, stderr } = await cli(["run", file]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `${join(ws, "project", "helper.py")}:5:12: error: ZeroDivisionError: division by zero\n` +
        `${file}:2:1: error: ZeroDivisionError: division by zero (raised in helper.py, line 5)\n`,
    );
    const json = JSON.parse((await cli(["run", file, "--json"])).stdout) as JsonReport;
    expect(json.diagnostics.map((d) => [d.file, d.line, d.column])).toEqual([
      [join(ws, "project", "helper.py"), 5, 12],
      [undefined, 2, 1],
    ]);
  });
});
