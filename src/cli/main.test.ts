import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { JsonReport } from "./jsonReport";
import { DARK_THEME, LIGHT_THEME } from "../view/render/graphTheme";
import { runCli } from "./main";
import { runProgram } from "../runtime/runProgram";
import type { RunEnded } from "../runtime/runApi";
import { stoppedTrace } from "../trace/stoppedTrace";
import { RESVG_PACKAGE } from "./pngRaster";

function resvgInstalled(): boolean {
  try {
    createRequire(__filename).resolve(RESVG_PACKAGE);
    return true;
  } catch {
    return false;
  }
}

async function cli(argv: string[], files: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const written: Record<string, string> = {};
  const bytes: Record<string, Uint8Array> = {};
  const code = await runCli(argv, {
    readFile: (path) => {
      if (path in files) return files[path];
      return readFileSync(path, "utf8");
    },
    writeFile: (path, data) => {
      if (typeof data === "string") written[path] = data;
      else bytes[path] = data;
    },
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr, written, bytes };
}

describe("gradlens run", () => {
  it("says how to give a run that took too long more time", async () => {
    let stderr = "";
    const code = await runCli(["run", "loop.py"], {
      readFile: () => "n = 0\nwhile True:\n    n += 1\n",
      writeFile: () => undefined,
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
      runProgram: async (source, options) => runProgram(source, { ...options, timeLimitMs: 200 }),
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^loop\.py:3:\d+: error: stopped after .* the program took too long$/m);
    expect(stderr).toContain("gradlens: GRADLENS_TIME_LIMIT_S gives a run longer (600 seconds by default)\n");
  });

  it("keeps the output and the located stop of a run whose trace the runner cut short", async () => {
    let stdout = "";
    let stderr = "";
    const source = "print('epoch 1')\nwhile True:\n    n = 1\n";
    const code = await runCli(["run", "loop.py"], {
      readFile: () => source,
      writeFile: () => undefined,
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      // what src/cli.ts makes of the runner's answer when only building the trace was stopped
      runProgram: async (text, options) => {
        let ended: RunEnded | undefined;
        runProgram(text, { ...options, timeLimitMs: 100, onRunEnded: (e) => (ended = e) });
        return stoppedTrace("building its graph was stopped", "timeout", ended);
      },
    });
    expect(code).toBe(1);
    expect(stdout.startsWith("epoch 1\n")).toBe(true);
    expect(stderr).toMatch(/^loop\.py:3:\d+: error: stopped after .* the program took too long$/m);
    expect(stderr).toContain("loop.py:1:1: error: building its graph was stopped\n");
  });

  it("prints the program's output and a table of its variables", async () => {
    const { code, stdout, stderr } = await cli(["run", "examples/first_expression.py"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("loss = 30.2500\n");
    expect(stdout).toContain("x.grad = 5.5000, w.grad = 88.0000, b.grad = -11.0000\n");
    expect(stdout).toMatch(/^w\s+-0\.5\s+88\s+88$/m);
  });

  it("prints the JSON contract with --json", async () => {
    const { code, stdout } = await cli(["run", "examples/first_expression.py", "--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.ok).toBe(true);
    expect(report.diagnostics).toEqual([]);
    expect(report.variables.w).toEqual({ type: "Value", data: -0.5, grad: 88, root_grad: 88 });
    expect(report.variables.loss).toEqual({ type: "Value", data: 30.25, grad: 1, root_grad: 1 });
    expect(report.graph.nodes).toBeGreaterThan(10);
    expect(report.graph.edges).toBeGreaterThan(10);
  });

  it("gives each hand-written gradient's check in the JSON, at the line that computed it", async () => {
    const file = "examples/numpy_primer_xor_mistake.py";
    const { stdout } = await cli(["run", file, "--json"]);
    const report = JSON.parse(stdout) as JsonReport;
    const wrong = report.handChecks.filter((c) => !c.agrees);
    // both Tanh layers run the one mistaken line; the checks come in the program's backward order
    expect(wrong.map((c) => c.title)).toEqual([
      "∂loss/∂input of Tanh (network[3])",
      "∂loss/∂input of Tanh (network[1])",
    ]);
    const lines = readFileSync(file, "utf8").split("\n");
    const line = lines.findIndex((l) => l.includes("return output_gradient * (1 - self.input**2)")) + 1;
    for (const c of wrong) {
      expect(c.line).toBe(line);
      expect(c.yours).toHaveLength(c.expected.length);
      expect(c.worst).not.toBeNull();
    }
    const right = report.handChecks.filter((c) => c.agrees);
    expect(right.some((c) => /∂loss\/∂weights of Dense/.test(c.title))).toBe(true);
    for (const c of right) expect(c.worst).toBeNull();
    const fixed = JSON.parse(
      (await cli(["run", "examples/numpy_primer_xor.py", "--json"])).stdout,
    ) as JsonReport;
    expect(fixed.handChecks.length).toBeGreaterThan(0);
    expect(fixed.handChecks.every((c) => c.agrees)).toBe(true);
  });

  it("reports a runtime error as file:line:col and exits 1, keeping the output so far", async () => {
    const source = 'from micrograd.engine import Value\na = Value(1.0)\nprint("before")\nb = a + c\n';
    const { code, stdout, stderr } = await cli(["run", "bad.py", "--json"], { "bad.py": source });
    expect(code).toBe(1);
    expect(stderr).toBe("bad.py:4:9: error: NameError: name 'c' is not defined\n");
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.ok).toBe(false);
    expect(report.stdout).toBe("before\n");
    expect(report.diagnostics[0]).toMatchObject({ line: 4, column: 9, endLine: 4, endColumn: 10 });
    expect(report.variables.a).toMatchObject({ type: "Value", data: 1 });
  });

  it("writes non-finite numbers as strings", async () => {
    const source = "x = float('inf')\ny = float('nan')\n";
    const { stdout } = await cli(["run", "f.py", "--json"], { "f.py": source });
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.variables).toEqual({ x: "Infinity", y: "NaN" });
  });

  it("exits 2 on a usage or file error", async () => {
    expect((await cli([])).code).toBe(2);
    expect((await cli(["run", "/no/such/file.py"])).stderr).toMatch(/cannot read \/no\/such\/file\.py/);
  });
});

describe("gradlens graph", () => {
  it("writes the graph as DOT, Mermaid or the view model's JSON, by the output's extension", async () => {
    for (const [out, start] of [
      ["g.dot", "digraph gradlens {"],
      ["g.mmd", "flowchart LR"],
      ["g.json", "{"],
    ]) {
      const { code, written, stdout } = await cli(["graph", "examples/first_expression.py", "-o", out]);
      expect(code).toBe(0);
      expect(stdout).toBe("");
      expect(written[out].startsWith(start), out).toBe(true);
      expect(written[out]).toContain("88.0000"); // w's gradient
    }
  });

  it("writes the graph as the panel draws it to an .svg, light unless --theme dark", async () => {
    const light = await cli(["graph", "examples/first_expression.py", "-o", "g.svg"]);
    expect(light.code).toBe(0);
    const svg = light.written["g.svg"];
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+" viewBox="/);
    expect(svg).toContain('data-name="w"');
    expect(svg).toContain(">88.0000<");
    expect(svg).toContain(`fill="${LIGHT_THEME.background}"`);
    const dark = await cli(["graph", "examples/first_expression.py", "--theme", "dark", "-o", "g.svg"]);
    expect(dark.code).toBe(0);
    expect(dark.written["g.svg"]).toContain(`fill="${DARK_THEME.background}"`);
  });

  it("draws a tensor's values and gradient as heatmaps in its node", async () => {
    const { code, written } = await cli(["graph", "examples/torch_cross_entropy.py", "-o", "g.svg"]);
    expect(code).toBe(0);
    expect(written["g.svg"]).toContain('data-testid="heatmap-data"');
    expect(written["g.svg"]).toContain('data-testid="heatmap-grad"');
  });

  it("writes a PNG with resvg when it is installed, and says how to get it when not", async () => {
    const { code, bytes, stderr } = await cli(["graph", "examples/first_expression.py", "-o", "g.png"]);
    if (resvgInstalled()) {
      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect([...bytes["g.png"].slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    } else {
      expect(code).toBe(2);
      expect(stderr).toContain(`npm install ${RESVG_PACKAGE}`);
    }
  }, 60_000); // compiling resvg's WebAssembly takes seconds

  it("refuses an output format it does not write, and a theme it does not know", async () => {
    expect((await cli(["graph", "examples/first_expression.py", "-o", "g.pdf"])).code).toBe(2);
    expect(
      (await cli(["graph", "examples/first_expression.py", "-o", "g.svg", "--theme", "pink"])).code,
    ).toBe(2);
    expect((await cli(["graph", "examples/first_expression.py", "-o", "g.svg", "--theme"])).code).toBe(2);
    // names every object has are not themes or formats
    const inherited = ["graph", "examples/first_expression.py", "-o", "g.svg", "--theme", "constructor"];
    expect((await cli(inherited)).code).toBe(2);
    expect((await cli(["graph", "examples/first_expression.py", "-o", "g.constructor"])).code).toBe(2);
    expect((await cli(["graph", "examples/first_expression.py"])).stderr).toMatch(/usage: gradlens run/);
  });
});

describe("gradlens figures", () => {
  const plot = "import matplotlib.pyplot as plt\nplt.plot([1, 2, 3])\nplt.show()\nplt.hist([1, 2, 2, 3])\n";

  it("writes each figure the program showed as DIR/figure-n.svg and lists them", async () => {
    const { code, written, stdout, stderr } = await cli(["figures", "p.py", "-o", "out/"], { "p.py": plot });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toBe("out/figure-1.svg\nout/figure-2.svg\n");
    expect(written["out/figure-1.svg"]).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  it("counts the figures in run --json", async () => {
    const { stdout } = await cli(["run", "p.py", "--json"], { "p.py": plot });
    expect((JSON.parse(stdout) as JsonReport).figures).toBe(2);
  });

  it("runs a from-scratch XOR network to its 3-D decision surface and writes the figure", async () => {
    const file = "examples/xor_decision_surface/xor_surface.py";
    const { code, written, stdout, stderr } = await cli(["figures", file, "-o", "out"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toBe("out/figure-1.svg\n");
    const svg = written["out/figure-1.svg"];
    expect(svg).toContain('class="axes axes3d"');
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    // the title, the three axis labels, and matplotlib's ticks 0.0 … 1.0 on each axis
    for (const t of ["XOR decision surface", "x1", "x2", "output", "0.0", "0.2", "0.8", "1.0"])
      expect(texts).toContain(t);
    expect(texts.filter((t) => t === "0.4")).toHaveLength(3);
    // the 20 × 20 grid of predictions, one marker each
    expect(svg.match(/<use /g)).toHaveLength(400);
  });

  it("says so when there are none, and needs -o DIR", async () => {
    const none = await cli(["figures", "examples/first_expression.py", "-o", "out"]);
    expect(none.code).toBe(0);
    expect(none.stderr).toBe("gradlens: examples/first_expression.py showed no figures\n");
    expect((await cli(["figures", "p.py"], { "p.py": plot })).code).toBe(2);
  });
});
