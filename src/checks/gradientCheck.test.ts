import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runProgram } from "../runtime/runProgram";
import { checkGradients } from "./gradientCheck";
import { gradientCheckMarkdown } from "./gradientCheckReport";

describe("checkGradients", () => {
  it("passes every parameter of a micrograd program", () => {
    const report = checkGradients(readFileSync("examples/first_expression.py", "utf8"));
    expect(report.message).toBeNull();
    expect(report.rootName).toBe("loss");
    expect(report.rows.map((r) => r.name)).toEqual(["x", "w", "b"]);
    for (const row of report.rows) expect(row.ok, row.name).toBe(true);
    expect(report.rows.find((r) => r.name === "w")!.numeric).toBeCloseTo(88, 5);
    expect(report.float64).toBe(false);
    expect(report.elements).toBe(3);
  });

  it("flags a gradient the backward pass gets wrong", () => {
    // relu at exactly 0: the backward pass says 0, but the function has a kink there, so the
    // central difference sees half the slope — a real mismatch that gradcheck should report.
    const source = "from micrograd.engine import Value\nx = Value(0.0)\ny = x.relu() * 3\ny.backward()\n";
    const report = checkGradients(source);
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]).toMatchObject({ name: "x", analytic: 0, ok: false });
    expect(report.rows[0].numeric).toBeCloseTo(1.5, 6);
    const markdown = gradientCheckMarkdown(report, "kink.py");
    expect(markdown).toContain("✗ **1 of 1 gradients of `y` do not match**");
    expect(markdown).toContain("| ✗ | **`x`** | 0.0000 | 1.5000 | 1.5000 |");
  });

  it("moves a Value where the last backward() read it, after the training steps before it", () => {
    // Five SGD steps update w and b in place; the last loss is a function of them as step 4
    // left them, not as they were made: each is moved after its fourth `.data -=`.
    const source = [
      "from micrograd.engine import Value",
      "w = Value(0.5)",
      "b = Value(-0.2)",
      "xs, ys = [1.0, 2.0, -1.0], [1.0, 3.0, -1.0]",
      "for step in range(5):",
      "    loss = sum(((w * x + b).tanh() - y) ** 2 for x, y in zip(xs, ys))",
      "    w.grad = 0",
      "    b.grad = 0",
      "    loss.backward()",
      "    w.data -= 0.1 * w.grad",
      "    b.data -= 0.1 * b.grad",
    ].join("\n");
    const base = runProgram(source);
    expect(base.nodes.filter((n) => n.parameter).map((n) => [n.names[0], n.parameter!.version])).toEqual([
      ["w", 4],
      ["b", 4],
    ]);
    const report = checkGradients(source);
    expect(report.rows.map((r) => [r.name, r.ok])).toEqual([
      ["w", true],
      ["b", true],
    ]);
    expect(report.rows[0].analytic).toBe(base.nodes.find((n) => n.names[0] === "w")!.rootGrad![0]);
  });

  it("names micrograd.nn's parameters apart: all were last bound to p", () => {
    const source = [
      "import random",
      "from micrograd.nn import MLP",
      "random.seed(1)",
      "model = MLP(2, [2, 1])",
      "loss = (model([1.0, -2.0]) - 1) ** 2",
      "for p in model.parameters():",
      "    p.data -= 0.0",
      "loss.backward()",
    ].join("\n");
    const report = checkGradients(source);
    expect(report.rows.map((r) => r.name)).toEqual([
      "p #1",
      "p #2",
      "p #3",
      "p #4",
      "p #5",
      "p #6",
      "p #7",
      "p #8",
      "p #9",
    ]);
    // the loss read each weight before its `.data -=`: moved at version 0, where it was made
    expect(report.rows.every((r) => r.ok)).toBe(true);
  });

  it("says why there is nothing to check", () => {
    expect(checkGradients("x = 1\n").message).toMatch(/never calls \.backward\(\)/);
    expect(checkGradients("x = y\n").message).toMatch(/error/);
    const data =
      "import torch\nx = torch.tensor([1.0, 2.0])\ny = (x * torch.tensor(3.0, requires_grad=True)).sum()\n";
    // a tensor that does not require grad is data, not a parameter
    expect(checkGradients(data + "y.backward()\n").rows.map((r) => r.name)).toEqual([
      "torch.tensor(3.0, requires_grad=True)",
    ]);
  });

  it("refuses a root with more than one element", () => {
    const source =
      "import torch\nw = torch.tensor([1.0, 2.0], requires_grad=True)\ny = w * 2\ny.backward(torch.ones(2))\n";
    expect(checkGradients(source).message).toBe(
      "The root has 2 elements; finite differences need a one-element root (a loss).",
    );
  });

  it("refuses a program that does not compute the same on every run", () => {
    const python =
      "import random\nfrom micrograd.engine import Value\nw = Value(random.random())\nloss = w * w\nloss.backward()\n";
    expect(checkGradients(python).message).toMatch(/does not compute the same root on every run/);
    const js =
      'import { Value } from "gradlens";\nconst w = new Value(Math.random());\nconst loss = w.mul(w);\nloss.backward();\n';
    expect(checkGradients(js, { language: "javascript" }).message).toMatch(/unseeded randomness/);
    // seeded, it is checked
    const seeded = python.replace("import random\n", "import random\nrandom.seed(3)\n");
    expect(checkGradients(seeded).rows.map((r) => r.ok)).toEqual([true]);
  });
});

describe("checkGradients on tensors", () => {
  it("checks every element of every nn.Linear parameter of the two-layer MLP, after its SGD steps", () => {
    const report = checkGradients(readFileSync("examples/torch_two_layer_mlp.py", "utf8"));
    expect(report.message).toBeNull();
    expect(report.rootName).toBe("loss");
    expect(report.parameters.map((p) => [p.name, p.shape, p.checked, p.elements, p.failed])).toEqual([
      ["model.fc1.weight", [3, 2], 6, 6, 0],
      ["model.fc1.bias", [3], 3, 3, 0],
      ["model.fc2.weight", [1, 3], 3, 3, 0],
      ["model.fc2.bias", [1], 1, 1, 0],
    ]);
    expect(report.rows).toHaveLength(13);
    for (const row of report.rows) expect(row.ok, row.name).toBe(true);
    // the analytic side is the last step's gradient, which the example pins down
    const bias = report.rows.find((r) => r.name === "model.fc2.bias[0]")!;
    expect(bias.analytic).toBe(0.22730215038121937);
    expect(bias.numeric).toBeCloseTo(0.22730215038121937, 8);
    expect(report.rows.find((r) => r.name === "model.fc1.weight[0, 1]")!.analytic).toBe(-0.5377564412039946);
    expect(report.float64).toBe(false); // the example sets float64 itself
    const markdown = gradientCheckMarkdown(report, "torch_two_layer_mlp.py");
    expect(markdown).toContain("✓ All 13 gradients of `loss` match central finite differences.");
    expect(markdown).toContain("| ✓ | `model.fc1.weight` | [3, 2] | 6 of 6 |");
    expect(markdown).toContain("| ✓ | `model.fc1.weight[0, 1]` | -0.5378 | -0.5378 |");
  });

  it("moves a tensor after the hand-written SGD steps (`p.data -= lr * p.grad`) before the last backward()", () => {
    const source = [
      "import torch",
      "torch.set_default_dtype(torch.float64)",
      "w = torch.tensor([0.5, -0.3], requires_grad=True)",
      "x = torch.tensor([[1.0, 2.0], [-1.0, 0.5], [0.3, -0.7]])",
      "y = torch.tensor([1.0, -1.0, 0.2])",
      "for step in range(4):",
      "    loss = ((x @ w).tanh() - y).pow(2).mean()",
      "    w.grad = None",
      "    loss.backward()",
      "    w.data -= 0.5 * w.grad",
    ].join("\n");
    const base = runProgram(source);
    expect(base.nodes.find((n) => n.names.includes("w"))!.parameter).toEqual({
      dtype: "float64",
      version: 3,
    });
    const report = checkGradients(source);
    expect(report.rows.map((r) => [r.name, r.ok])).toEqual([
      ["w[0]", true],
      ["w[1]", true],
    ]);
  });

  it("checks the cross-entropy classifier's W and b", () => {
    const report = checkGradients(readFileSync("examples/torch_cross_entropy.py", "utf8"));
    expect(report.parameters.map((p) => [p.name, p.checked])).toEqual([
      ["W", 6],
      ["b", 3],
    ]);
    expect(report.rows.every((r) => r.ok)).toBe(true);
    expect(report.rows.find((r) => r.name === "W[1, 2]")!.numeric).toBeCloseTo(-0.8063502855879705, 8);
  });

  it("checks a 0-d tensor leaf", () => {
    const source =
      "import torch\nw = torch.tensor(2.0, dtype=torch.float64, requires_grad=True)\nloss = w * w\nloss.backward()\n";
    const report = checkGradients(source);
    expect(report.rows.map((r) => [r.name, r.index, r.analytic, r.ok])).toEqual([["w", [], 4, true]]);
  });

  it("computes a float32 program in float64 and says so", () => {
    // nn.Linear's own initialisation (uniform_ after the Parameter is made), float32 throughout
    const source = [
      "import torch",
      "import torch.nn as nn",
      "torch.manual_seed(0)",
      "layer = nn.Linear(3, 2)",
      "x = torch.randn(4, 3)",
      "loss = torch.tanh(layer(x)).pow(2).mean()",
      "loss.backward()",
    ].join("\n");
    const report = checkGradients(source);
    expect(report.float64).toBe(true);
    expect(report.parameters.map((p) => [p.name, p.checked])).toEqual([
      ["layer.weight", 6],
      ["layer.bias", 2],
    ]);
    for (const row of report.rows) expect(row.ok, row.name).toBe(true);
    // in float64 the two sides agree far inside the tolerance
    expect(Math.max(...report.rows.map((r) => Math.abs(r.analytic - r.numeric)))).toBeLessThan(1e-8);
    expect(gradientCheckMarkdown(report, "f32.py")).toContain(
      "re-ran it with its float32 tensors computed in float64",
    );
  });

  it("finds a kink in one element and lists it first", () => {
    const source = [
      "import torch",
      "torch.set_default_dtype(torch.float64)",
      "w = torch.tensor([1.0, 0.0, -2.0], requires_grad=True)",
      "loss = (torch.relu(w) * 3).sum()",
      "loss.backward()",
    ].join("\n");
    const report = checkGradients(source);
    expect(report.rows.map((r) => [r.name, r.ok])).toEqual([
      ["w[0]", true],
      ["w[1]", false],
      ["w[2]", true],
    ]);
    expect(report.rows[1].numeric).toBeCloseTo(1.5, 6);
    const markdown = gradientCheckMarkdown(report, "kink.py");
    expect(markdown).toContain("✗ **1 of 3 gradients of `loss` do not match**");
    expect(markdown).toContain("| ✗ | **`w`** | [3] | 3 of 3 |");
    const table = markdown.slice(markdown.indexOf("| | parameter | analytic"));
    expect(table.split("\n")[2]).toBe("| ✗ | **`w[1]`** | 0.0000 | 1.5000 | 1.5000 |");
  });

  it("checks a sample past the element budget, and says how many", () => {
    const source = [
      "import torch",
      "torch.manual_seed(1)",
      "W = torch.randn(6, 5, dtype=torch.float64, requires_grad=True)",
      "b = torch.randn(5, dtype=torch.float64, requires_grad=True)",
      "loss = (torch.randn(2, 6, dtype=torch.float64) @ W + b).sin().sum()",
      "loss.backward()",
    ].join("\n");
    const report = checkGradients(source, {}, { maxElements: 10 });
    expect(report.elements).toBe(35);
    expect(report.rows).toHaveLength(10);
    expect(report.parameters.map((p) => [p.name, p.checked, p.elements])).toEqual([
      ["W", 8, 30],
      ["b", 2, 5],
    ]);
    expect(report.rows.every((r) => r.ok)).toBe(true);
    expect(gradientCheckMarkdown(report, "s.py")).toContain("Checked 10 of 35 elements");
  });

  it("checks the library's tensors in TypeScript too", () => {
    const report = checkGradients(readFileSync("examples/ts/tensor_regression.ts", "utf8"), {
      language: "typescript",
    });
    expect(report.message).toBeNull();
    expect(report.float64).toBe(true);
    expect(report.rows).toHaveLength(3);
    expect(report.rows.every((r) => r.ok)).toBe(true);
  });
});

describe("the runs a gradient check makes", () => {
  it("computes float32 in float64 when asked", () => {
    const source = "import torch\nx = torch.tensor(0.1)\nprint((x * 3).item())\n";
    expect(runProgram(source).stdout).toBe("0.30000001192092896\n");
    expect(runProgram(source, { float32AsFloat64: true }).stdout).toBe("0.30000000000000004\n");
    expect(runProgram(source).stdout).toBe("0.30000001192092896\n"); // only for that run
  });
});
