import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
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

  it("says why there is nothing to check", () => {
    expect(checkGradients("x = 1\n").message).toMatch(/never calls \.backward\(\)/);
    expect(checkGradients("x = y\n").message).toMatch(/error/);
  });
});

describe("checkGradients on tensors", () => {
  it("checks only micrograd Values: a 0-d tensor leaf is not re-run by row", () => {
    const source = "import torch\nw = torch.tensor(2.0, requires_grad=True)\nloss = w * w\nloss.backward()\n";
    const report = checkGradients(source);
    expect(report.rows).toEqual([]);
    expect(report.message).not.toBeNull();
  });
});
