import { describe, expect, it } from "vitest";
import type { JsonReport } from "./jsonReport";
import { runCli } from "./main";

async function cli(argv: string[], files: Record<string, string>) {
  let stdout = "";
  let stderr = "";
  const written: Record<string, string | Uint8Array> = {};
  const code = await runCli(argv, {
    readFile: (path) => {
      if (path in files) return files[path];
      throw new Error("ENOENT: no such file");
    },
    writeFile: (path, data) => (written[path] = data),
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr, written };
}

const cell = (cellType: string, source: string | string[]) => ({
  cell_type: cellType,
  metadata: {},
  source,
  ...(cellType === "code" ? { outputs: [], execution_count: null } : {}),
});

const notebook = (cells: object[], metadata: object = { language_info: { name: "python" } }) =>
  JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata, cells });

const BACKPROP = notebook([
  cell("markdown", "# A neuron\nWe build it in steps."),
  cell("code", ["from micrograd.engine import Value\n", "x = Value(2.0)\n", "w = Value(-3.0)"]),
  cell("code", ["%matplotlib inline\n", "y = (x * w).tanh()\n", "y.backward()\n", 'print(f"{x.grad:.4f}")']),
]);

describe("gradlens run NOTEBOOK.ipynb", () => {
  it("runs the code cells as one program, as the extension does", async () => {
    const { code, stdout, stderr } = await cli(["run", "nb.ipynb", "--json"], { "nb.ipynb": BACKPROP });
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.ok).toBe(true);
    // ∂y/∂x = (1 - tanh(-6)²) · w, which CPython prints as -0.0001
    expect(report.stdout).toBe("-0.0001\n");
    expect(report.variables.w).toMatchObject({ type: "Value", data: -3 });
    expect(report.graph.nodes).toBeGreaterThan(3);
    // the magic is skipped, and said to be, in the cell that has it
    expect(report.diagnostics).toEqual([
      {
        severity: "info",
        message: "Skipped by GradLens: IPython magic `%matplotlib inline`",
        cell: 3,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 19,
      },
    ]);
    expect(stderr).toBe(
      "nb.ipynb#cell3:1:1: info: Skipped by GradLens: IPython magic `%matplotlib inline`\n",
    );
  });

  it("shows each cell's last value as Jupyter does, in the text and in --json's cells", async () => {
    const nb = notebook([
      cell("markdown", "# Values"),
      cell("code", ["import torch\n", "x = torch.arange(4.0)\n", "x"]),
      cell("code", ["print('sum')\n", "x.sum().item()"]),
      cell("code", ["y = 3\n", "y;"]),
    ]);
    const text = await cli(["run", "nb.ipynb"], { "nb.ipynb": nb });
    expect(text.code).toBe(0);
    expect(text.stdout.split("\nname")[0]).toBe("tensor([0., 1., 2., 3.])\nsum\n6.0\n");
    const { stdout } = await cli(["run", "nb.ipynb", "--json"], { "nb.ipynb": nb });
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.stdout).toBe("sum\n");
    expect(report.cells).toEqual([
      { cell: 2, outputs: [{ kind: "result", text: "tensor([0., 1., 2., 3.])" }] },
      {
        cell: 3,
        outputs: [
          { kind: "stream", text: "sum\n" },
          { kind: "result", text: "6.0" },
        ],
      },
    ]);
  });

  it("places a runtime error in its cell, line and column", async () => {
    const source = notebook([
      cell("code", "a = 1\n"),
      cell("markdown", "text"),
      cell("code", "print('before')\nb = a +\\\n    c\n"),
    ]);
    const { code, stdout, stderr } = await cli(["run", "nb.ipynb", "--json"], { "nb.ipynb": source });
    expect(code).toBe(1);
    expect(stderr).toBe("nb.ipynb#cell3:3:5: error: NameError: name 'c' is not defined\n");
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.ok).toBe(false);
    expect(report.stdout).toBe("before\n");
    expect(report.diagnostics[0]).toMatchObject({ cell: 3, line: 3, column: 5, endLine: 3, endColumn: 6 });
    const plain = await cli(["run", "nb.ipynb"], { "nb.ipynb": source });
    expect(plain.stdout).toMatch(/^before\n\nname\s+value/);
  });

  it("reads nbformat 3's worksheets and cells whose source is one string", async () => {
    const v3 = JSON.stringify({
      nbformat: 3,
      metadata: {},
      worksheets: [
        { cells: [{ cell_type: "code", language: "python", input: ["x = 6\n", "print(x * 7)"] }] },
      ],
    });
    const { code, stdout } = await cli(["run", "old.ipynb", "--json"], { "old.ipynb": v3 });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as JsonReport).stdout).toBe("42\n");
  });

  it("draws a notebook's graph", async () => {
    const { code, written } = await cli(["graph", "nb.ipynb", "-o", "g.dot"], { "nb.ipynb": BACKPROP });
    expect(code).toBe(0);
    expect(String(written["g.dot"])).toContain("digraph gradlens {");
  });

  it("exits 2 with a clear message for a notebook it cannot read or run", async () => {
    const cases: [string, RegExp][] = [
      ["{ not json", /cannot run nb\.ipynb as a Jupyter notebook: it is not valid JSON/],
      ['{"nbformat": 4}', /it has no "cells" list/],
      ["[1, 2]", /it is not a JSON object/],
      [JSON.stringify({ cells: [{ cell_type: "code", source: 3 }] }), /cell 1 has no source text/],
      [
        notebook([cell("code", "x <- 1")], { language_info: { name: "R" } }),
        /its code cells are r; GradLens runs Python notebooks/,
      ],
    ];
    for (const [text, message] of cases) {
      const { code, stdout, stderr } = await cli(["run", "nb.ipynb", "--json"], { "nb.ipynb": text });
      expect(code, text).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(message);
    }
  });
});

describe("--json with large values", () => {
  it("gives a tensor past 100,000 elements by its first 1,000, flattened, marked truncated", async () => {
    const source = `import torch
torch.manual_seed(0)
x = torch.randn(600, 500, requires_grad=True)
loss = (x * 2).sum()
loss.backward()
small = torch.ones(2, 3)
`;
    const { code, stdout } = await cli(["run", "big.py", "--json"], { "big.py": source });
    expect(code).toBe(0);
    const x = (JSON.parse(stdout) as JsonReport).variables.x as {
      shape: number[];
      truncated: boolean;
      data: number[];
      grad: number[];
      root_grad: number[];
    };
    expect(x.shape).toEqual([600, 500]);
    expect(x.truncated).toBe(true);
    expect(x.data).toHaveLength(1000);
    expect(x.grad).toEqual(new Array(1000).fill(2));
    expect(x.root_grad).toEqual(new Array(1000).fill(2));
    expect((JSON.parse(stdout) as JsonReport).variables.small).toEqual({
      type: "Tensor",
      shape: [2, 3],
      data: [
        [1, 1, 1],
        [1, 1, 1],
      ],
      grad: null,
      root_grad: null,
    });
  });

  it("gives a list past 1,000 items as an object with its length and first 1,000 items", async () => {
    const source =
      "xs = list(range(5000))\npairs = [(i, -i) for i in range(3)]\nrows = [[0] * 1000 for _ in range(3000)]\n";
    const { code, stdout } = await cli(["run", "big.py", "--json"], { "big.py": source });
    expect(code).toBe(0);
    const vars = (JSON.parse(stdout) as JsonReport).variables;
    expect(vars.xs).toEqual({ type: "list", length: 5000, truncated: true, items: [...Array(1000).keys()] });
    expect(vars.pairs).toEqual([
      [0, 0],
      [1, -1],
      [2, -2],
    ]);
    // 3,000,000 numbers are past what one report holds: the rows still come, truncated
    const rows = vars.rows as { type: string; length: number; items: unknown[] };
    expect(rows).toMatchObject({ type: "list", length: 3000, truncated: true });
    expect(rows.items).toHaveLength(1000);
    expect(stdout.length).toBeLessThan(30_000_000);
  });
});
